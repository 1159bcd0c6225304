"""The HTML audit report (cleaner.report): its content checked against the run's records.

Reports are built over the seeds and over 300 bench page dumps (skipped when ../shared/bench is
absent): the overview's counts must equal what the records hold, and every body block and every
removed block of each document shown must appear in its view, in order.  Synthetic records check
what the seeds cannot show yet (block positions, classifier scores, metadata sources), the
stratified sample of a big run and the bound on the file's size.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from cleaner import clean_many
from cleaner.cli.audit import outcome_record
from cleaner.config import DEFAULT_CONFIG
from cleaner.io.records import Document
from cleaner.report import ReportBuilder, write_report
from cleaner.report.overview import TOP_RULES
from cleaner.report.records import BLOCK_CHARS, site_of
from cleaner.report.sample import Strata
from cleaner.run.batch import Settings, run
from cleaner.run.dask import clean_partition
from cleaner.run.local import ProcessExecutor

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BENCH_DUMPS = ROOT.parent / "shared" / "bench" / "data" / "text" / "tfeval" / "bs4"
SIZE_LIMIT = 20_000_000


def run_records(paths: list[Path], extra: list[Any] = ()) -> list[dict[str, Any]]:
    """A run's records, as ``clean_many`` gives them (``Cleaned.to_dict()`` or ``Failure.to_dict()``)."""
    documents = [Document(id=str(path), content=path.read_bytes(), format="text", source=str(path)) for path in paths]
    return [result.to_dict() for result in clean_many([*documents, *extra])]


def batch_records(paths: list[Path]) -> list[dict[str, Any]]:
    """A run's records as the ``clean`` command makes them: files cleaned by two processes, in input order."""
    return [outcome_record(outcome) for outcome in run(paths, Settings(DEFAULT_CONFIG), executor=ProcessExecutor(2))]


def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def figure(page: lxml.html.HtmlElement, name: str) -> int:
    (cell,) = page.xpath(f'//dd[@data-figure="{name}"]')
    return int(cell.text_content().split()[0].replace(",", ""))


def views(page: lxml.html.HtmlElement) -> dict[str, lxml.html.HtmlElement]:
    """The document views by the id of their document."""
    return {
        view.xpath('.//span[@class="did"]')[0].text_content(): view for view in page.xpath('//details[@class="doc"]')
    }


def shown(text: str) -> str:
    """A block's text as a view shows it: cut past BLOCK_CHARS."""
    return text[:BLOCK_CHARS]


def check_counts(page: lxml.html.HtmlElement, records: list[dict[str, Any]]) -> None:
    failed = [record for record in records if "error" in record]
    cleaned = [record for record in records if "error" not in record]
    assert figure(page, "Documents read") == len(records)
    assert figure(page, "Failed") == len(failed)
    assert figure(page, "Cleaned") == len(cleaned)
    assert figure(page, "Blocks kept") == sum(len(record["blocks"]) for record in cleaned)
    assert figure(page, "Blocks removed") == sum(len(record["removed"]) for record in cleaned)
    rules = Counter(removal["rule"] for record in cleaned for removal in record["removed"])
    table = {}
    for row in page.xpath('(//section[@id="rules"]//table)[1]/tbody/tr'):
        table[row[0].text_content()] = int(row[2].text_content().replace(",", ""))
    assert len(table) == min(len(rules), TOP_RULES)
    assert table == {rule: rules[rule] for rule in table}
    assert min(table.values()) >= max((count for rule, count in rules.items() if rule not in table), default=0)
    categories = Counter(removal["category"] for record in cleaned for removal in record["removed"])
    table = {
        row[0].text_content(): int(row[1].text_content().replace(",", ""))
        for row in page.xpath('//section[@id="categories"]//tbody/tr')
    }
    assert table == dict(categories)


def in_order(part: list[str], whole: list[str]) -> bool:
    """Whether ``part`` is ``whole`` with some items left out."""
    rest = iter(whole)
    return all(any(item == other for other in rest) for item in part)


def omitted(view: lxml.html.HtmlElement, what: str) -> int:
    markers = view.xpath(f'.//p[@class="omit"][contains(., "{what}")]')
    return sum(int(marker.text_content().split()[1].replace(",", "")) for marker in markers)


def check_view(view: lxml.html.HtmlElement, record: dict[str, Any]) -> None:
    """Every kept and every removed block of the record is in the view, in order, removed ones struck through
    and labelled with their rule; a block left out of a very long document is counted in an omission marker."""
    kept = [shown(element.text_content().split(" [… ")[0]) for element in view.xpath('.//*[contains(@class, "k ")]')]
    expected = [shown(block["text"]) for block in record["blocks"]]
    assert in_order(kept, expected) and len(kept) + omitted(view, "body blocks") == len(expected)
    removed = [element.text_content() for element in view.xpath('.//div[@class="r"]/del')]
    expected = [shown(removal["text"]) for removal in record["removed"]]
    assert in_order(removed, expected) and len(removed) + omitted(view, "removed blocks") == len(expected)
    labels = [
        element.xpath('./span[@class="tag"]/code')[0].text_content() for element in view.xpath('.//div[@class="r"]')
    ]
    assert in_order(labels, [removal["rule"] for removal in record["removed"]]) and len(labels) == len(removed)
    entries = record["blocks"] + record["removed"]
    if all(isinstance(entry.get("position"), int) for entry in entries) and not view.xpath('.//p[@class="omit"]'):
        in_place = [shown(entry["text"]) for entry in sorted(entries, key=lambda entry: entry["position"])]
        drawn = view.xpath('.//div[@class="text"]/*')
        assert [_block_text(element) for element in drawn] == in_place, "blocks in the order of their positions"


def _block_text(element: lxml.html.HtmlElement) -> str:
    struck = element.xpath("./del")
    return (struck[0] if struck else element).text_content().split(" [… ")[0]


def test_seed_report_holds_every_record_and_block(tmp_path: Path) -> None:
    records = run_records(SEEDS, [{"id": "broken", "html": ""}])
    assert any("error" in record for record in records)
    tally = write_report(records, tmp_path / "report.html")
    assert (tally.read, tally.failed) == (len(records), 1)
    page = parse(tmp_path / "report.html")
    check_counts(page, records)
    shown_views = views(page)
    cleaned = [record for record in records if "error" not in record]
    assert set(shown_views) == {record["id"] for record in cleaned}
    for record in cleaned:
        check_view(shown_views[record["id"]], record)
    assert not page.xpath('//p[@class="notice"]'), "a small run shows every document: no sampling notice"
    assert page.xpath('//section[@id="failures"]//li')[0].text_content().startswith("broken")
    assert "http://" not in page.xpath("//head")[0].text_content()
    assert not page.xpath("//script[@src] | //link[@href] | //img[@src]"), "everything is inline"


def positioned_record(ident: str, url: str = "https://www.example.org/a") -> dict[str, Any]:
    """A record with the planned schema additions: positions, a classifier score, metadata sources."""
    return {
        "id": ident,
        "source": None,
        "url": url,
        "fetched": None,
        "title": "A headline",
        "subtitle": None,
        "authors": ["Jane Doe"],
        "published": "2024-01-06",
        "updated": None,
        "language": "en",
        "sources": {"title": "json-ld", "authors": "byline-line", "published": "meta"},
        "blocks": [
            {"kind": "paragraph", "text": "First paragraph of the story.", "position": 2},
            {"kind": "heading", "text": "A subheading", "position": 4},
            {"kind": "paragraph", "text": "Second paragraph.", "position": 5},
        ],
        "text": "",
        "removed": [
            {
                "text": "By Jane Doe",
                "rule": "metadata.byline",
                "category": "byline",
                "layer": "metadata",
                "position": 1,
            },
            {
                "text": "Advertisement",
                "rule": "advertisement-label",
                "category": "advertisement",
                "layer": "furniture",
                "position": 3,
            },
            {
                "text": "Five more links",
                "rule": "classify.outside-main-text",
                "category": "boilerplate",
                "layer": "classify",
                "position": 6,
                "score": 0.42,
            },
        ],
    }


def test_positions_put_removed_blocks_in_place_with_their_label(tmp_path: Path) -> None:
    record = positioned_record("positioned")
    write_report([record], tmp_path / "report.html")
    view = views(parse(tmp_path / "report.html"))["positioned"]
    order = [element.text_content() for element in view.xpath('.//div[@class="text"]/*')]
    expected = [
        "By Jane Doe",
        "First paragraph",
        "Advertisement",
        "A subheading",
        "Second paragraph",
        "Five more links",
    ]
    assert [next(e for e in expected if e in text) for text in order] == expected
    assert not view.xpath('.//*[@class="rmhead"]'), "positioned records need no separate list of removed blocks"
    tag = view.xpath('.//div[@class="r"]/span[@class="tag"]')[-1].text_content()
    assert "boilerplate" in tag and "classify.outside-main-text" in tag and "0.42" in tag
    meta = {row[0].text_content(): row[1].text_content() for row in view.xpath('.//dl[@class="meta"]/div')}
    assert meta["title"] == "A headline from json-ld"
    assert meta["authors"] == "Jane Doe from byline-line"
    assert view.get("data-site") == "example.org" == site_of(record)


def test_records_without_positions_list_removed_blocks_after_the_body(tmp_path: Path) -> None:
    record = positioned_record("unpositioned")
    del record["sources"]
    for entry in record["blocks"] + record["removed"]:
        del entry["position"]
    write_report([record], tmp_path / "report.html")
    view = views(parse(tmp_path / "report.html"))["unpositioned"]
    texts = [element.text_content() for element in view.xpath('.//div[@class="text"]/*')]
    assert texts.index("Removed blocks, in input order") == len(record["blocks"])
    assert "no block positions" in view.text_content()
    assert "does not say where its metadata came from" in view.text_content()
    check_view(view, record)


def test_removals_the_schema_gives_no_position_keep_the_view_in_place(tmp_path: Path) -> None:
    """The decoding's note and the prose an HTML page's extractor left out have ``position`` null by the schema;
    one of them made the whole view "a record without block positions" (the body, then every removed block),
    on every HTML page with prose outside its main content (75 of 80 bench pages, trial43)."""
    page = ROOT / "fixtures" / "html" / "de_blog_byline_bienen.html"
    dump = tmp_path / "dump.txt"
    prose = [f"Le café du port rouvrira le {day} mai, après les travaux de l’équipe municipale." for day in (2, 9, 16)]
    lines = ["Share this article", *prose, "Advertisement", "Le quai sera fermé aux voitures pendant l’été."]
    dump.write_bytes("\n\n".join(lines).encode() + b" \xff\n")  # a byte that is not UTF-8 in a UTF-8 text
    records = [result.to_dict() for result in clean_many([page.read_bytes(), dump.read_bytes()])]
    layers = [{entry["layer"] for entry in record["removed"] if entry["position"] is None} for record in records]
    assert layers == [{"extractor"}, {"decode"}]
    write_report(records, tmp_path / "report.html")
    for record, view in zip(records, views(parse(tmp_path / "report.html")).values(), strict=True):
        assert "no block positions" not in view.text_content()
        assert not view.xpath('.//*[@class="rmhead"]')
        check_view(view, record)
        shown_order = [element.text_content() for element in view.xpath('.//div[@class="text"]/*')]
        unplaced = [entry["text"] for entry in record["removed"] if entry["position"] is None]
        placed = sorted(record["blocks"] + [e for e in record["removed"] if e["position"] is not None], key=position)
        expected = [entry["text"] for entry in placed]
        expected = unplaced + expected if record["removed"][0]["layer"] == "decode" else expected + unplaced
        assert [next(e for e in expected if e[:40] in t) for t in shown_order] == expected


def position(entry: dict[str, Any]) -> int:
    return int(entry["position"])


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    record = positioned_record("<script>alert(1)</script>")
    record["title"] = "</script><script>alert(2)</script>"
    record["removed"][1]["text"] = '<img src=x onerror="alert(3)"> & </del>'
    write_report([record], tmp_path / "report.html")
    page = parse(tmp_path / "report.html")
    assert not page.xpath("//img") and len(page.xpath("//script")) == 2
    assert '<img src=x onerror="alert(3)"> & </del>' in page.xpath('//div[@class="r"]/del')[1].text_content()


def test_only_a_web_address_is_a_link(tmp_path: Path) -> None:
    """A scraped page's og:url (or a record's url) is whatever the page says: a ``javascript:`` one is shown,
    never made a link that runs script in the report when clicked."""
    urls = ["javascript:alert(1)", " JavaScript:alert(2)", "https://example.org/a"]
    records = [positioned_record(f"doc {n}", url) for n, url in enumerate(urls)]
    write_report(records, tmp_path / "report.html")
    page = parse(tmp_path / "report.html")
    assert [link.get("href") for link in page.xpath('//p[@class="where"]/a')] == ["https://example.org/a"]
    assert [code.text_content() for code in page.xpath('//p[@class="where"]/code')] == [
        "javascript:alert(1)",
        " JavaScript:alert(2)",
    ]


@pytest.fixture(scope="module")
def bench_records() -> list[dict[str, Any]]:
    if not BENCH_DUMPS.is_dir():
        pytest.skip(f"bench dumps not found at {BENCH_DUMPS}")
    return batch_records(sorted(BENCH_DUMPS.glob("*.txt"))[:300])


def test_bench_report_counts_and_blocks(tmp_path: Path, bench_records: list[dict[str, Any]]) -> None:
    """Every record is counted; every document shown is complete; those the size limit left out are said."""
    write_report(bench_records, tmp_path / "report.html")
    page = parse(tmp_path / "report.html")
    check_counts(page, bench_records)
    shown_views = views(page)
    cleaned = [record for record in bench_records if "error" not in record]
    assert len(shown_views) >= min(len(cleaned), 200), "a small run shows (nearly) every document"
    if len(shown_views) < len(cleaned):
        notice = page.xpath('//p[@class="notice"]')[0].text_content()
        assert f"shows {len(shown_views):,} of the run's {len(cleaned):,} cleaned documents" in notice
        assert "did not fit the report's size limit" in notice
    by_id = {record["id"]: record for record in cleaned}
    for ident, view in shown_views.items():
        check_view(view, by_id[ident])


def test_bench_sample_keeps_the_extremes_and_every_rule(tmp_path: Path, bench_records: list[dict[str, Any]]) -> None:
    builder = ReportBuilder(keep_all=100, strata=Strata(most=30, least=10, per_rule=2, doubtful=5))
    for record in bench_records:
        builder.add(record)
    (tmp_path / "report.html").write_text(builder.html(), encoding="utf-8")
    page = parse(tmp_path / "report.html")
    check_counts(page, bench_records)
    notice = page.xpath('//p[@class="notice"]')[0].text_content()
    shown_views = views(page)
    assert f"shows {len(shown_views)} of the run's {len(bench_records)} cleaned documents" in notice
    assert "stratified sample" in notice
    by_id = {record["id"]: record for record in bench_records}
    for ident, view in shown_views.items():
        check_view(view, by_id[ident])
    shares = {ident: _share(record) for ident, record in by_id.items()}
    ranked = sorted(shares, key=lambda ident: (-shares[ident], ident))
    assert set(ranked[:30]) <= set(shown_views), "the documents that lost most are shown"
    assert len(shown_views) < len(bench_records) - 50
    rules = {removal["rule"] for record in bench_records for removal in record["removed"]}
    shown_rules = {rule for view in shown_views.values() for rule in json.loads(view.get("data-rules"))}
    assert shown_rules == rules, "every rule has a document in the sample"


def _share(record: dict[str, Any]) -> float:
    kept = sum(len(block["text"]) for block in record["blocks"])
    removed = sum(len(removal["text"]) for removal in record["removed"])
    return removed / (kept + removed) if kept + removed else 0.0


def synthetic_records(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Worst-case records for the size bound: long texts, many rules, many sites, failures."""
    rng = random.Random(seed)
    long_body = "word " * 9_000
    records: list[dict[str, Any]] = []
    for index in range(count):
        if index % 50 == 0:
            records.append({"id": f"failed-{index}", "source": f"corpus/s{index % 997}/f.txt", "error": "empty"})
            continue
        removed = [
            {
                "text": "furniture line " * rng.randint(1, 400),
                "rule": f"rule-{rng.randrange(600)}",
                "category": f"category-{rng.randrange(25)}",
                "layer": "furniture",
                "position": position,
            }
            for position in range(0, 40, 2)
        ]
        blocks = [{"kind": "paragraph", "text": long_body, "position": position} for position in range(1, 40, 2)]
        record = positioned_record(f"doc-{index}", url=f"https://site{index % 3000}.example/{index}")
        records.append({**record, "blocks": blocks, "removed": removed})
    return records


def test_file_size_is_bounded_for_a_big_run_of_long_documents(tmp_path: Path) -> None:
    records = synthetic_records(2_500)
    duplicates = {
        "documents": 2_500,
        "groups": [
            {"kind": "near", "similarity": 0.9, "members": [f"doc-{i}", f"doc-{i + 1}"]} for i in range(1, 2_000, 2)
        ],
    }
    tally = write_report(records, tmp_path / "report.html", duplicates=duplicates)
    size = (tmp_path / "report.html").stat().st_size
    assert size < SIZE_LIMIT
    assert size > 10_000_000, "long documents fill most of the budget"
    page = parse(tmp_path / "report.html")
    check_counts(page, records)
    assert tally.read == 2_500
    for view in views(page).values():
        assert view.xpath('.//p[@class="omit"]'), "a document past the per-document limit says what it left out"


def test_local_jobs_and_dask_partitions_make_the_same_report(tmp_path: Path) -> None:
    """The report is a function of the records: the command's batch (two processes) and a Dask partition agree."""
    paths = [*SEEDS, tmp_path / "empty.txt"]
    paths[-1].write_bytes(b"")
    write_report(batch_records(paths), tmp_path / "batch.html")
    write_report(clean_partition([str(path) for path in paths]), tmp_path / "dask.html")
    assert (tmp_path / "batch.html").read_bytes() == (tmp_path / "dask.html").read_bytes()
    assert figure(parse(tmp_path / "dask.html"), "Failed") == 1
