"""Unrendered text (a page's text taken from minified markup with no renderer) parted where its elements met.

lxml's ``text_content()`` or BeautifulSoup's ``get_text()`` of a minified page gives the whole page in one
line, its elements set apart only by the runs of spaces the markup held between them.
``cleaner.text.unrendered`` parts such a line at its runs, so the text model sees the page's lines.  The
page below is made up, in that shape: a menu, the headline, a byline, the article, other stories, a footer.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from madeup import MENU as MADE_UP_MENU
from madeup import PROSE as MADE_UP_PROSE
from madeup import TITLE

from cleaner import clean
from cleaner.text.unrendered import LONG_LINE, MIN_RUNS, part_unrendered

MENU = [*MADE_UP_MENU, "Podcasts", "Newsletters"]
PROSE = [
    *MADE_UP_PROSE,
    "Shopkeepers on the planned route welcomed the vote, although several of them said they feared "
    "that three years of works would keep their customers away.",
]
FOOTER = ["About us", "Contact", "Privacy policy", "Terms of use", "Cookie settings", "Advertise"]


def minified_page() -> str:
    """The page as one line: elements met with runs of spaces, as minified markup's text holds them."""
    related = [f"Other story number {n} about the city" for n in range(1, 7)]
    parts = [*MENU, TITLE, "By Ana Lima", "12 March 2024", *PROSE, "Read more", *related, *FOOTER]
    return "   ".join(parts) + "   © 2024 News Example"


def test_a_page_in_one_line_is_cleaned_as_a_page() -> None:
    page = minified_page()
    assert "\n" not in page and len(page) >= LONG_LINE
    article = clean(page, format="text")
    for paragraph in PROSE:
        assert paragraph in article.text
    assert "Newsletters" not in article.text and "Cookie settings" not in article.text  # menus and footer gone
    assert (article.title, article.authors, article.published) == (TITLE, ("Ana Lima",), "2024-03-12")


def test_inside_an_unrendered_line_elements_met_with_no_space_are_parted_too() -> None:
    glued = "".join(MENU) + "   " + "   ".join(PROSE) + "   " + "".join(FOOTER) + "  " + "x" * LONG_LINE
    lines = part_unrendered(glued).split("\n")
    assert lines[: len(MENU)] == MENU and set(PROSE) <= set(lines)
    assert part_unrendered(glued.replace("   ", " ")) == glued.replace("   ", " ")  # junctions alone: left whole


def test_parting_keeps_every_word_in_order() -> None:
    page = minified_page()
    parted = part_unrendered(page)
    assert parted.split() == page.split()
    assert parted.split("\n")[: len(MENU)] == MENU


@pytest.mark.parametrize(
    "text",
    [
        "A short line with   a run or   two of spaces.",  # shorter than LONG_LINE
        "word " * 300,  # long, but no runs: a long paragraph
        "|  " + "cell  |  " * 200,  # a Markdown table row
        ("A long paragraph.  " * 4) + "x" * LONG_LINE,  # long with fewer than MIN_RUNS runs
        "HomeWorldPolitics " + "word " * 30,  # glued words in a short line ("iPhone", a glued menu)
    ],
)
def test_what_is_not_unrendered_is_left_as_written(text: str) -> None:
    assert MIN_RUNS > 4
    assert part_unrendered(text) == text


piece = st.sampled_from(["word", "Word.", "Glued", " ", "  ", "   ", "\t", "\n", "|", "x" * 200])


@given(st.lists(piece, max_size=60).map("".join))
def test_parting_twice_changes_nothing_more_and_loses_no_character(text: str) -> None:
    once = part_unrendered(text)
    assert part_unrendered(once) == once
    assert "".join(once.split()) == "".join(text.split())  # only whitespace moves
