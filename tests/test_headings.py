"""Markdown's underlined (setext) headings read as ``#`` headings, in text written in Markdown.

markdownify, one of the converters scrapers save whole pages with, underlines its headings ("Title" over a
line of ``=``).  ``cleaner.text.headings`` rewrites them as ``#`` headings, which the segmenter reads, and the
pipeline does so where it reads Markdown links (a text holding at least ``MIN_LINKS`` of them).  The page
below is made up, in the shape markdownify gives a news page: a menu of links, the headline underlined, a
byline, the article with a second-level heading, a list of other stories and a footer.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from madeup import MENU, PROSE, TITLE

from cleaner import clean
from cleaner.pipeline.reading import document_texts
from cleaner.text.headings import hash_headings


def markdownify_page() -> str:
    menu = "\n".join(f"* [{name}](https://news.example.org/{name.lower()})" for name in MENU)
    related = "\n".join(f"* [Other story number {n} about the city](https://news.example.org/s-{n})" for n in range(5))
    return (
        f"[![News Example](https://news.example.org/logo.png)](https://news.example.org/)\n\n{menu}\n\n"
        f"{TITLE}\n{'=' * len(TITLE)}\n\nBy Ana Lima\n\n{PROSE[0]}\n\n{PROSE[1]}\n\n"
        f"What happens next\n-----------------\n\n{PROSE[2]}\n\n{PROSE[3]}\n\n"
        f"Read more\n---------\n\n{related}\n\n© 2024 News Example. All rights reserved.\n"
    )


def test_an_underlined_headline_is_the_title_and_its_underline_goes() -> None:
    article = clean(markdownify_page(), format="markdown")
    assert article.title == TITLE
    assert "===" not in article.text and "---" not in article.text
    for paragraph in PROSE:
        assert paragraph in article.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n=====\n\nText.", "# Title\n\nText."),
        ("Intro.\n\nA part\n------\n\nText.", "Intro.\n\n## A part\n\nText."),
        ("Title\n   ==   \n", "# Title\n"),
    ],
)
def test_underlined_headings_become_hash_headings(text: str, expected: str) -> None:
    assert hash_headings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "First line of a paragraph\nsecond line of it\n-----\n",  # a paragraph over the line: left as written
        "- an item\n---\n",  # a list item over it
        "> a quote\n===\n",
        "Text.\n\n-----\n\nMore text.",  # a rule between paragraphs
        "A line\n-\n",  # a single dash
    ],
)
def test_what_is_no_underlined_heading_is_left_as_written(text: str) -> None:
    assert hash_headings(text) == text


piece = st.sampled_from(["Title", "text", " ", "\n", "\n\n", "==", "---", "-", "=", "# ", "> ", "* "])


@given(st.lists(piece, max_size=30).map("".join))
def test_reading_headings_twice_changes_nothing_more(text: str) -> None:
    once = hash_headings(text)
    assert hash_headings(once) == once


def test_underlines_are_read_only_in_text_written_in_markdown() -> None:
    underline = "=" * len(TITLE)
    plain = f"{TITLE}\n{underline}\n\n" + "\n\n".join(PROSE)
    assert underline in document_texts(plain)[0]  # no links: plain text, read line by line as before
    texts = document_texts(markdownify_page(), format="markdown")[0]
    assert TITLE in texts and not any(set(text) <= {"=", "-"} for text in texts)
