"""The report in a real browser: headless Chromium (Debian's ``chromium``) opens the file from disk.

Checked: the page's script runs without errors or console messages, the overview and a document
are drawn (bars with a width, a removed block struck through), a screenshot is taken, the
filters work from the URL fragment and from the keyboard, sorting reorders the documents, and a
narrow window does not scroll sideways.  Skipped when Chromium is not installed (``.ci/run``
installs it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chromium import Browser, find_chromium
from test_report import SEEDS, positioned_record, run_records

from cleaner.report import write_report

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
VISIBLE = "Array.from(document.querySelectorAll('details.doc')).filter(d => !d.hidden)"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    records = run_records(SEEDS, [{"id": "broken", "html": ""}])
    records += [positioned_record("positioned-a"), positioned_record("positioned-b", url="https://news.example.net/b")]
    duplicates = {
        "documents": 2,
        "groups": [{"kind": "exact", "similarity": 1.0, "members": ["positioned-a", "positioned-b"]}],
    }
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_report(records, path, duplicates=duplicates)
    return path, records


def browser(**size: int) -> Browser:
    assert CHROMIUM is not None
    return Browser(CHROMIUM, **size)


def test_page_draws_the_overview_and_a_document_without_errors(
    run: tuple[Path, list[dict[str, Any]]], tmp_path: Path
) -> None:
    path, records = run
    with browser(width=1200, height=1000) as page:
        page.open(path)
        assert page.evaluate("document.documentElement.dataset.ready") == "1"
        assert page.evaluate("document.documentElement.dataset.errors || ''") == ""
        shot = page.screenshot()
        (tmp_path / "report.png").write_bytes(shot)
        assert shot.startswith(b"\x89PNG\r\n\x1a\n") and len(shot) > 20_000
        read = page.evaluate("document.querySelector('[data-figure=\"Documents read\"]').textContent")
        assert read == str(len(records))
        categories = {r["category"] for record in records if "error" not in record for r in record["removed"]}
        drawn = page.evaluate(
            "Array.from(document.querySelectorAll('#categories svg rect'))"
            ".filter(r => r.getBoundingClientRect().width > 0).length"
        )
        assert drawn == 2 * len(categories), "one bar per category in each of the two charts"
        opened = page.evaluate(
            """(() => {
              const doc = document.querySelector('details.doc[open]');
              const struck = doc.querySelector('div.r del');
              const box = struck.getBoundingClientRect();
              return {line: getComputedStyle(struck).textDecorationLine, height: box.height,
                      tag: doc.querySelector('div.r .tag').innerText,
                      body: doc.querySelector('.k').getBoundingClientRect().height};
            })()"""
        )
        assert opened["line"] == "line-through" and opened["height"] > 0 and opened["body"] > 0
        assert opened["tag"].startswith("REMOVED"), "the label reads without colour"
        assert page.problems() == []


def test_filters_work_from_the_fragment_and_the_keyboard(run: tuple[Path, list[dict[str, Any]]]) -> None:
    path, records = run
    cleaned = [record for record in records if "error" not in record]
    with browser(width=1200, height=900) as page:
        page.open(path, "rule=medium.separator")
        expected = [r["id"] for r in cleaned if any(x["rule"] == "medium.separator" for x in r["removed"])]
        assert page.evaluate(f"{VISIBLE}.map(d => d.querySelector('.did').textContent)") == expected
        page.open(path, "site=news.example.net")
        assert page.evaluate(f"{VISIBLE}.map(d => d.querySelector('.did').textContent)") == ["positioned-b"]

        page.open(path)
        page.key("/")
        assert page.evaluate("document.activeElement.name") == "q"
        page.type("coalition")
        page.evaluate("new Promise(done => setTimeout(done, 400))")
        shown = page.evaluate(f"{VISIBLE}.map(d => d.querySelector('.did').textContent)")
        assert shown and all("coalition" in _words(record) for record in cleaned if record["id"] in shown)
        assert len(shown) == sum("coalition" in _words(record) for record in cleaned)
        assert page.evaluate("location.hash") == "#q=coalition"
        page.key("Escape")
        assert page.evaluate(f"{VISIBLE}.length") == len(cleaned)

        page.key("Tab")
        assert page.evaluate("document.activeElement.name") == "rule"
        page.key("ArrowDown")
        rule = page.evaluate("document.activeElement.value")
        assert rule, "the arrow key chose a rule"
        flags = page.evaluate(f"{VISIBLE}.map(d => JSON.parse(d.dataset.rules).includes({rule!r}))")
        assert flags and all(flags)

        page.evaluate(
            "(() => { const s = document.querySelector('select[name=sort]'); s.value = 'share-asc';"
            " s.dispatchEvent(new Event('change', {bubbles: true})); })()"
        )
        shares = page.evaluate(f"{VISIBLE}.map(d => parseFloat(d.dataset.share))")
        assert shares == sorted(shares)
        assert page.problems() == []


def _words(record: dict[str, Any]) -> str:
    """The text of a record that its view shows, lowercased."""
    parts = [record["id"], str(record.get("title")), str(record.get("subtitle")), *record["authors"]]
    parts += [block["text"] for block in record["blocks"]] + [r["text"] for r in record["removed"]]
    return " ".join(parts).lower()


def test_a_narrow_window_does_not_scroll_sideways(run: tuple[Path, list[dict[str, Any]]]) -> None:
    path, _ = run
    with browser(width=360, height=800) as page:
        page.open(path, "doc-1")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert page.evaluate("document.getElementById('doc-1').open") is True
        assert page.problems() == []
