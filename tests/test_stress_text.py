"""bench/stress_text.py: the shifted pages it makes from a dump are what its docstring says.

The figures themselves need the shared benchmark and the fold models (docs/classifier.md has them, with
the command); these tests check the variants on a made-up dump.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stress_text import EDGE_LINES, LINK, VARIANTS, Page  # noqa: E402

MENU = ["Home", "World", "Sports", "Subscribe", "Log in"]
ARTICLE = ["The council voted on Tuesday to close the old bridge.", "Repairs would have cost more than a new one."]
FOOTER = ["More from us", "Contact", "Privacy", "Terms", "Cookies"]
LINES = [*MENU, *ARTICLE, *FOOTER]
START, END = len(MENU), len(MENU) + len(ARTICLE)
BODY = "\n\n".join(ARTICLE)
OTHER = "A second article, from another page, makes the first one longer.\n\nIt has two paragraphs."


def shifted(name: str, width: int = 60) -> tuple[list[str], str]:
    text, gold = VARIANTS[name](Page(LINES, START, END, BODY, width, (OTHER,)))
    return text.split("\n"), gold


def test_as_is_is_the_dump_itself() -> None:
    assert shifted("as_is") == (LINES, BODY)


def test_long_continues_the_article_with_other_paragraphs_and_keeps_the_furniture() -> None:
    lines, gold = shifted("long")
    assert lines == [*MENU, *ARTICLE, *OTHER.split("\n\n"), *FOOTER]
    assert gold == BODY + "\n\n" + OTHER


def test_close_edges_keeps_a_few_lines_either_side() -> None:
    lines, gold = shifted("close_edges")
    assert lines == [*MENU[-EDGE_LINES:], *ARTICLE, *FOOTER[:EDGE_LINES]]
    assert gold == BODY


def test_long_alone_has_no_furniture() -> None:
    lines, _ = shifted("long_alone")
    assert lines == [*ARTICLE, *OTHER.split("\n\n")]


def test_the_wrapped_variants_break_lines_at_the_width() -> None:
    for name in ("gold_wrapped", "long_wrapped"):
        lines, _ = shifted(name, width=20)
        assert max(map(len, lines)) <= 20
        assert len(lines) > len(LINES if name == "long_wrapped" else ARTICLE)


def test_link_adds_one_line_wider_than_any_wrapping_after_the_articles_first_line() -> None:
    lines, gold = shifted("link")
    assert lines == [*MENU, ARTICLE[0], LINK, ARTICLE[1], *FOOTER] and gold == BODY
    assert len(LINK) > 100
    wrapped, _ = shifted("gold_wrapped_link", width=20)
    assert LINK in wrapped and max(len(line) for line in wrapped if line != LINK) <= 20
