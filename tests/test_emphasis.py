"""Markdown's strong and emphasis markers read as the text they mark, in text written in Markdown.

Converters that save whole pages as Markdown keep bold and italics: a byline in bold (``Von **Anna Lima**``)
reads as no byline while the markers stand around the name.  ``cleaner.text.emphasis`` reads each marked
span as its text, and the pipeline does so where it reads Markdown links.  The page below is made up, in the
shape markdownify gives a news page.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from madeup import PROSE as MADE_UP_PROSE

from cleaner import clean
from cleaner.text.emphasis import _read_strong, read_emphasis

PROSE = [paragraph.replace(" in March.", " in **March**.") for paragraph in MADE_UP_PROSE]


def markdown_page() -> str:
    menu = "\n".join(f"* [{name}](https://news.example.org/{name.lower()})" for name in ("World", "Politics", "Sport"))
    return (
        f"{menu}\n\n# Council votes to extend the tram network\n\n"
        "*By [**Ana Lima**](https://news.example.org/authors/lima)*\n\n" + "\n\n".join(PROSE) + "\n"
    )


def test_a_byline_in_bold_and_italics_is_read_and_no_marker_stays() -> None:
    article = clean(markdown_page(), format="markdown")
    assert article.authors == ("Ana Lima",)
    assert "**" not in article.text and all(paragraph in article.text for paragraph in MADE_UP_PROSE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Von **Anna Lima**", "Von Anna Lima"),
        ("_By Anna Lima_ and *more*", "By Anna Lima and more"),
        ("__strong__ and ***both***", "strong and both"),
        ("snake_case, 2*3*4 and a_b_c", "snake_case, 2*3*4 and a_b_c"),  # inside words: no emphasis
        ("* a list item", "* a list item"),  # a list marker: a space after it
        ("an escaped \\*star\\* stays", "an escaped \\*star\\* stays"),
        ("** not strong **", "** not strong **"),  # spaces inside the markers
    ],
)
def test_emphasis_read_as_its_text(text: str, expected: str) -> None:
    assert read_emphasis(text) == expected


@given(st.lists(st.sampled_from(["*", "**", "_", "__", "word", " ", "\n", "\\"]), max_size=40).map("".join))
def test_reading_emphasis_only_removes_markers(text: str) -> None:
    read = read_emphasis(text)
    assert read.replace("*", "").replace("_", "") == text.replace("*", "").replace("_", "")


# strong spans as one pattern reads them: a line of openers without a closer costs it quadratic time
STRONG = re.compile(r"(?<![\\*_])(\*\*|__)(?=\S)([^\n]*?[^\s\\])\1")
MARKED = ["*", "**", "***", "_", "__", "a", "b", " ", "\t", "\n", "\\", "é"]


@given(st.lists(st.sampled_from(MARKED), max_size=60).map("".join))
def test_strong_spans_are_read_as_the_pattern_reads_them(text: str) -> None:
    assert _read_strong(text) == STRONG.sub(lambda match: match.group(2), text)


def test_a_line_of_strong_markers_that_never_close_is_read_in_linear_time() -> None:
    """The pattern searched the rest of the line from each opener: 200 KB of ``__a `` (each ``__`` after a space,
    so no closer) took longer than the 20 s time limit and the file failed; now well under a second's work."""
    text = "A title\n\n" + "__a " * 50_000 + "\n"
    assert read_emphasis(text) == text
    assert clean(text, format="markdown").text  # under the default time limit
