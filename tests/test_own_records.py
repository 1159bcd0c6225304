"""The tool's own outputs cleaned again (trial45): a ``--format jsonl`` file's records and a ``--format json`` file
are read as the articles they stand for (``cleaner.io.ownrecords``), their metadata kept; a failure record is
refused naming its error.  Before, a record was read by its ``text`` alone (title, authors and dates lost) and a
``.json`` file as text (its JSON syntax the body)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import clean_in_process

from cleaner import CleanError, clean_file

STORY = (
    "Westerlee closes old ferry slip\n\nBy Tomas Vell\n\nPublished March 12, 2024\n\n"
    "The harbour commission of Westerlee voted on Tuesday to close the old ferry slip for eleven weeks of "
    "repairs, leaving commuters from the northern islands to travel through the cargo terminal.\n\n"
    "Engineers found that the timber piles under the slip had rotted further than the last inspection, "
    "carried out four years ago, had suggested. Two of the piles no longer reach solid ground at low tide.\n"
)
KEPT = ("title", "authors", "published", "language", "text")


def cleaned(tmp_path: Path, *args: str) -> list[dict]:
    ran = clean_in_process(*args, "--format", "jsonl", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    return [json.loads(line) for line in ran.stdout.splitlines()]


def test_a_jsonl_output_cleaned_again_keeps_its_metadata(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    assert clean_in_process("story.txt", "-o", "first.jsonl", cwd=tmp_path).returncode == 0
    first = json.loads((tmp_path / "first.jsonl").read_text(encoding="utf-8"))
    assert first["authors"] == ["Tomas Vell"] and first["published"] == "2024-03-12"
    (again,) = cleaned(tmp_path, "first.jsonl")
    assert {key: again[key] for key in KEPT} == {key: first[key] for key in KEPT}
    assert again["id"] == "story.txt"  # the record's own source names it
    assert clean_in_process("first.jsonl", "-o", "second.jsonl", cwd=tmp_path).returncode == 0
    assert clean_in_process("second.jsonl", "-o", "third.jsonl", cwd=tmp_path).returncode == 0
    second, third = (
        json.loads((tmp_path / name).read_text(encoding="utf-8")) for name in ("second.jsonl", "third.jsonl")
    )
    assert {**second, "source": None} == {**third, "source": None}  # a fixed point, as an md output is


def test_a_json_output_cleaned_again_is_its_article_not_its_syntax(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    assert clean_in_process("story.txt", "-o", "story.json", cwd=tmp_path).returncode == 0
    first = json.loads((tmp_path / "story.json").read_text(encoding="utf-8"))
    article = clean_file(tmp_path / "story.json")
    assert article.text == first["text"] and "{" not in article.text
    assert (article.title, list(article.authors), article.published) == (
        first["title"],
        first["authors"],
        first["published"],
    )
    (again,) = cleaned(tmp_path, "story.json")
    assert {key: again[key] for key in KEPT} == {key: first[key] for key in KEPT}


def test_a_failure_record_is_refused_naming_its_error(tmp_path: Path) -> None:
    failure = {"id": "story-7", "source": "crawl.jsonl", "error": "binary data (NUL bytes), not text"}
    (tmp_path / "failed.json").write_text(json.dumps(failure), encoding="utf-8")
    with pytest.raises(CleanError, match=r"failed\.json: a failure record of clean, no article: binary data"):
        clean_file(tmp_path / "failed.json")
    (tmp_path / "out.jsonl").write_text(json.dumps(failure) + "\n", encoding="utf-8")
    ran = clean_in_process("out.jsonl", "--format", "jsonl", cwd=tmp_path)
    assert "out.jsonl:1: error: a failure record of clean, no article (binary data" in ran.stderr


def test_a_crawl_record_with_a_text_field_is_still_its_text(tmp_path: Path) -> None:
    """Only a record with blocks, text and removed together is the tool's own: a crawl's {"text": ...} is text."""
    (tmp_path / "crawl.jsonl").write_text(json.dumps({"id": "a", "text": STORY, "blocks": 3}) + "\n", encoding="utf-8")
    (record,) = cleaned(tmp_path, "crawl.jsonl")
    assert record["id"] == "a" and record["authors"] == ["Tomas Vell"] and "Westerlee" in record["title"]


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
ARTICLE_FIELDS = ("title", "subtitle", "authors", "published", "updated", "language", "url", "site_name")


@pytest.mark.parametrize("page", ["en_org_author_water.html", "en_graph_jsonld_satellite.html"])
def test_a_record_read_back_keeps_every_field_of_its_article(page: str, tmp_path: Path) -> None:
    """A page's record names its site and the organisations it credits; read back (a json file, a jsonl line),
    both were lost: the canonical form held neither (trial46)."""
    (tmp_path / page).write_bytes((FIXTURES / page).read_bytes())
    assert clean_in_process(page, "-o", "first.json", cwd=tmp_path).returncode == 0
    assert clean_in_process(page, "-o", "first.jsonl", cwd=tmp_path).returncode == 0
    first = json.loads((tmp_path / "first.json").read_text(encoding="utf-8"))
    assert first["site_name"] and (first["organisations"] or first["updated"])
    kept = (*ARTICLE_FIELDS, "organisations", "blocks", "text")
    for again in (clean_file(tmp_path / "first.json").to_dict(), *cleaned(tmp_path, "first.jsonl")):
        assert {key: again[key] for key in kept} == {key: first[key] for key in kept}


def test_json_lines_or_a_crawl_record_given_as_one_document_are_refused_saying_how_to_clean_them(
    tmp_path: Path,
) -> None:
    """``zcat crawl.jsonl.gz | clean -`` (or a crawl saved as ``.txt``, or given to ``clean()``) was cleaned as one
    article whose paragraphs were the JSON records, exit 0: garbage written without a word.  Now JSON Lines and one
    crawl record are refused with one line saying how to clean them as records; a record of clean's own is still
    read as its article, and a text that merely opens with braces is still a text."""
    from cleaner import clean

    records = [{"id": f"r{n}", "text": STORY, "url": f"https://news.example.org/{n}"} for n in range(3)]
    lines = "".join(json.dumps(record) + "\n" for record in records).encode()
    piped = clean_in_process("-", "--format", "jsonl", cwd=tmp_path, stdin=lines)
    assert (piped.returncode, piped.stdout) == (2, "")
    assert piped.stderr.splitlines()[0] == (
        "-: error: JSON Lines (a JSON object a line): many documents, not one article; clean them as records: "
        "clean FILE.jsonl -o OUT.jsonl, or cleaner.clean_many(records)"
    )
    (tmp_path / "crawl.txt").write_bytes(lines)
    with pytest.raises(CleanError, match=r"crawl\.txt: JSON Lines \(a JSON object a line\)"):
        clean_file(tmp_path / "crawl.txt")
    with pytest.raises(CleanError, match=r"^a JSON record, its document under a key, not an article's text"):
        clean(json.dumps(records[0]))
    (tmp_path / "crawl.jsonl").write_bytes(lines)
    assert [record["url"] for record in cleaned(tmp_path, "crawl.jsonl")] == [record["url"] for record in records]
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    own = clean_in_process("story.txt", "--format", "jsonl", cwd=tmp_path).stdout.encode()
    again = clean_in_process("-", "--format", "jsonl", cwd=tmp_path, stdin=own)
    assert json.loads(again.stdout)["authors"] == ["Tomas Vell"], again.stderr
    article = clean("{Draft} notes from the harbour meeting\n\n" + STORY)
    assert "{Draft}" in (article.title or "") + article.text
