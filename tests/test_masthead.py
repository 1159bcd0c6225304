"""A site's name over a marked headline (trial46): in a Markdown dump, ``**Site Name**`` over ``# Headline`` made the
name the title and the headline its subtitle (or, where nothing else left the text, both stayed body).  The marked
heading under a short first line is the title and the line above it is removed as ``zones.page-title``
(``cleaner.layout.zones._masthead``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean, clean_file
from cleaner.io.markdown import render_markdown

HEADLINE = "Harbour board approves a second ferry line to the islands"
PROSE = [
    "The harbour board voted on Thursday to open a second ferry line to the outer islands, after two summers in "
    "which the only boat left hundreds of travellers waiting on the quay.",
    "The new line will run four times a day from May to September and twice a day in winter, the board said, and "
    "the islands' councils will share the cost of a second landing stage.",
    "Residents who had campaigned for the line welcomed the decision but asked for cheaper tickets for those who "
    "commute to the mainland every day.",
]


def dump(masthead: str, *, byline: bool) -> str:
    head = [masthead, f"# {HEADLINE}", *(["By Jonas Berg"] if byline else [])]
    return "\n\n".join([*head, *PROSE]) + "\n"


@pytest.mark.parametrize("masthead", ["**The Coastal Courier**", "The Coastal Courier", "**Island News Daily**"])
@pytest.mark.parametrize("byline", [False, True])
def test_the_marked_heading_under_a_masthead_is_the_title(masthead: str, byline: bool, tmp_path: Path) -> None:
    text = dump(masthead, byline=byline)
    path = tmp_path / "story.md"
    path.write_text(text, encoding="utf-8")
    for article in (clean(text), clean(text, format="markdown"), clean_file(path)):
        assert article.title == HEADLINE
        assert article.subtitle is None
        assert [block.text for block in article.blocks] == PROSE
        assert "zones.page-title" in [removal.rule for removal in article.removed]
        again = clean(render_markdown(article))  # the canonical form reads back the same
        assert (again.title, [block.text for block in again.blocks]) == (HEADLINE, PROSE)


def test_a_sentence_over_a_heading_stays_body() -> None:
    """A first paragraph that is a sentence is the article's, not a site's name: it stays body."""
    text = "\n\n".join([PROSE[0], f"# {HEADLINE}", *PROSE[1:]])
    article = clean(text)
    assert article.blocks[0].text == PROSE[0]
    assert "zones.page-title" not in [removal.rule for removal in article.removed]
