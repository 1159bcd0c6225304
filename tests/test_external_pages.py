"""bench/external_pages.py on made-up pages: which pages it takes, how it makes a dump, how it counts tokens.

No test needs newspaper4k's source distribution (CI has not got it): the pages and references are made up here.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.external_pages import bs4_dump, load_pages, recall_precision, tokens  # noqa: E402

WORD = re.compile(r"\w+")  # the bench scorer's tokens
ARTICLE = "<html><head><link rel='canonical' href='https://www.{site}/2024/ferry'></head><body>{body}</body></html>"


def write_page(data: Path, name: str, site: str, body: str, text: str | None) -> None:
    (data / "html").mkdir(parents=True, exist_ok=True)
    (data / "metadata").mkdir(exist_ok=True)
    (data / "html" / f"{name}.html").write_text(ARTICLE.format(site=site, body=body), encoding="utf-8")
    if text is not None:
        meta = {"text": text, "title": "Ferry trial", "publish_date": "2024-03-12T08:00:00"}
        (data / "metadata" / f"{name}.json").write_text(json.dumps(meta), encoding="utf-8")


def test_pages_of_bench_sites_front_pages_and_repeats_are_skipped(tmp_path: Path) -> None:
    write_page(tmp_path, "harbour", "harbour-news.example", "<p>The ferry ran.</p>", "The ferry ran.")
    write_page(tmp_path, "harbour_copy", "harbour-news.example", "<p>The ferry ran.</p>", "The ferry ran.")
    write_page(tmp_path, "seen", "known.co.uk", "<p>Other.</p>", "Other.")
    write_page(tmp_path, "alias", "known.com.au", "<p>Alias.</p>", "Alias.")
    write_page(tmp_path, "no_reference", "valley.example", "<p>Text.</p>", None)
    write_page(tmp_path, "paper_main_site", "valley.example", "<p>Front.</p>", "Front.")
    pages, skipped = load_pages(tmp_path, {"known.co.uk"})
    assert [(page.name, page.site, page.date) for page in pages] == [("harbour", "harbour-news.example", "2024-03-12")]
    assert set(skipped) == {"harbour_copy", "seen", "alias", "no_reference", "paper_main_site"}
    assert "name" in skipped["alias"]
    taken, _ = load_pages(tmp_path, {"known.co.uk"}, same_name=True)
    assert [page.name for page in taken] == ["alias", "harbour"]


def test_the_dump_gives_a_line_per_block_and_joins_inline_text() -> None:
    html = "<div><h3><span>Ports</span>A new ferry <a href='/x'>crossed</a> today.</h3><p>Second</p><p>Third</p></div>"
    assert bs4_dump(html) == "PortsA new ferry crossed today.\nSecond\nThird"


def test_unspaced_scripts_count_by_character_and_spaced_ones_by_word() -> None:
    assert tokens("新しい船が港に着いた。", WORD) == list("新しい船が港に着いた")
    thai = "เรือมาถึง ท่าเรือ"  # its vowel marks are no word characters to the scorer, so no tokens
    assert tokens(thai, WORD) == [char for char in thai if WORD.fullmatch(char)]
    assert tokens("Die Fähre kam an", WORD) == ["Die", "Fähre", "kam", "an"]
    recall, precision, size = recall_precision("新しい船が港に着いた。", "広告 新しい船が港に", WORD)
    assert size == 10 and recall == 4 / 7 and precision == 4 / 6
