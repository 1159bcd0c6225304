"""bench/stress_html.py: its rewrites of a page are the markup its docstring names, and keep the text."""

from __future__ import annotations

import sys
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stress_html import VARIANTS  # noqa: E402

PAGE = """<html><body>
  <nav><a href="/">Home</a></nav>
  <article>
    <p class="lead">The council voted on Tuesday to close the old bridge.</p>
    <P>Repairs would have cost more than a new one.</P>
  </article>
</body></html>"""


def words(page: str) -> list[str]:
    return " ".join(lxml.html.fromstring(page).itertext()).split()  # elements' texts apart, as blocks render


def test_every_rewrite_keeps_the_words() -> None:
    for rewrite in VARIANTS.values():
        assert words(rewrite(PAGE)) == words(PAGE)


def test_minified_has_no_whitespace_between_tags() -> None:
    assert "> <" not in VARIANTS["minified"](PAGE) and ">\n" not in VARIANTS["minified"](PAGE)


def test_br_paragraphs_joins_paragraphs_by_line_breaks() -> None:
    page = VARIANTS["br_paragraphs"](PAGE)
    assert "bridge.<br><br>Repairs" in page and page.lower().count("<p") == 1


def test_div_paragraphs_keeps_attributes_and_leaves_no_paragraph() -> None:
    page = VARIANTS["div_paragraphs"](PAGE)
    assert '<div class="lead">' in page and "<p" not in page.lower() and "</div>" in page
