"""Invariants every cleaned article holds on any site (the ones ``bench/invariants.py`` counts on a corpus).

Each test here stands for a cause that broke an invariant on pages of several sites: the C1 control characters
of windows-1252 text read as ISO 8859-1, ...
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.io.markdown import render_markdown
from cleaner.text.decode import C1, normalise

PARAGRAPH = "Das vierte Album der Sängerin erschien im Herbst und wurde von der Kritik fast überall sehr gelobt."


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_no_c1_control_character_survives_normalising(text: str) -> None:
    assert not C1.search(normalise(text))


def test_c1_quotes_of_windows_1252_read_as_latin_1_come_back_as_the_quotes() -> None:
    """A page declared iso-8859-1 that writes „…“ with bytes 0x84 and 0x93 (browsers read them as windows-1252)."""
    quoted = "Das Album \x84Brave New Woman\x93 (\x85) erschien im Herbst und wurde von der Kritik gelobt."
    page = f"<html><body><article><h1>Ein Album</h1><p>{quoted}</p><p>{PARAGRAPH}</p></article></body></html>"
    for article in (clean(page, format="html"), clean(f"Ein Album\n\n{quoted}\n\n{PARAGRAPH}\n", format="text")):
        assert "Das Album „Brave New Woman“ (…) erschien" in article.text


BODY = (
    "A water treatment plant serving about 60,000 people began operating on Thursday, officials said.\n\n"
    "City officials said the plant would end years of boil-water notices for the town and its farms.\n\n"
    "The plant cost about 40 million dollars and was paid for by the state and the town together.\n"
)


@pytest.mark.parametrize(
    ("byline", "expected", "organisations"),
    [
        ("By Reuters", (), ("Reuters",)),
        ("By Staff Writer", (), ()),
        ("Von Redaktion", (), ("Redaktion",)),
        ("Autor: www.example.pl", (), ()),
        ("By Jane Doe | Reuters", ("Jane Doe",), ("Reuters",)),  # the agency beside the writer is credited too
    ],
)
def test_a_byline_crediting_no_person_gives_no_author(
    byline: str, expected: tuple[str, ...], organisations: tuple[str, ...]
) -> None:
    """Plain text's bylines go through the same test of a person as a page's author offers do; an organisation
    credited where no person is, or beside one, goes to ``organisations``, as on a page (it was dropped, and text had
    none)."""
    article = clean(f"Millbrook water plant comes online\n\n{byline}\n\nJanuary 12, 2024\n\n{BODY}", format="text")
    assert (article.authors, article.organisations) == (expected, organisations)
    sources = article.to_dict()["sources"]
    assert ("authors" in sources) == bool(expected)  # type: ignore[operator]
    assert sources.get("organisations") == ("byline" if organisations else None)  # type: ignore[union-attr]


HEADLINE = "Millbrook water plant comes online"
PARAGRAPHS = "".join(f"<p>{text}</p>" for text in BODY.split("\n\n"))


@pytest.mark.parametrize(
    ("source", "form"),
    [
        (f"{HEADLINE}\n\n{HEADLINE}\n\nJanuary 12, 2024\n\n{BODY}", "text"),
        (f"{HEADLINE}\n{HEADLINE.upper()}\n\n{BODY}", "text"),
        (
            f'<html><head><script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{HEADLINE}", '
            f'"alternativeHeadline": "{HEADLINE}"}}</script></head><body><article><h1>{HEADLINE}</h1>{PARAGRAPHS}'
            "</article></body></html>",
            "html",
        ),
    ],
)
def test_the_subtitle_is_never_the_title_again(source: str, form: str) -> None:
    article = clean(source, format=form)  # type: ignore[arg-type]
    assert article.title is not None and article.title.casefold() == HEADLINE.casefold()
    assert article.subtitle is None and "subtitle" not in article.to_dict()["sources"]  # type: ignore[operator]
    assert article.blocks[0].text.startswith("A water treatment plant")
    if form == "text":  # the line read as that subtitle is in the audit trail
        assert [r.rule for r in article.removed if r.text.casefold() == HEADLINE.casefold()] == [
            "metadata.title-repeat"
        ]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('<img src="/wp-content/uploads/2021/04/pic.jpg" alt="">', None),  # a month's upload folder
        ('<span class="date">04/2021</span>', None),  # a month
        ('<img src="/wp-content/uploads/2021/04/pic.jpg" alt=""><p>Published 01.04.2021</p>', "2021-04-01"),
    ],
)
def test_a_guessed_date_has_no_day_the_page_does_not_print(extra: str, expected: str | None) -> None:
    """htmldate puts the first of the month for a month it found; the page said no day (docs/schema.md)."""
    page = f"<html><head><title>Plant opens</title></head><body><article><h1>Plant opens</h1>{PARAGRAPHS}{extra}"
    assert clean(page + "</article></body></html>", format="html").published == expected


CAPTION = "The mayor called the opening the best news the town has had in ten years, and thanked the builders."


@pytest.mark.parametrize(
    ("source", "form"),
    [
        (f"{HEADLINE}\n\n{CAPTION}\n\n{CAPTION}\n\n{BODY}", "text"),
        (
            f"<html><body><article><h1>{HEADLINE}</h1><p>{CAPTION}</p><p>{CAPTION}</p>{PARAGRAPHS}</article></body></html>",
            "html",
        ),
    ],
)
def test_no_block_says_the_block_before_it_again(source: str, form: str) -> None:
    article = clean(source, format=form)  # type: ignore[arg-type]
    texts = [block.text for block in article.blocks]
    assert texts.count(CAPTION) == 1 and all(one != two for one, two in itertools.pairwise(texts))
    if form == "text":  # trafilatura drops a repeat of the paragraph before itself, without a word
        assert [removal.rule for removal in article.removed if removal.text == CAPTION] == ["body.repeat"]


def test_short_blocks_said_twice_stay() -> None:
    """A table's cells or a label may be meant twice: only prose-sized blocks are repeats."""
    cells = "".join("<p>4%</p>" for _ in range(2))
    article = clean(
        f"<html><body><article><h1>{HEADLINE}</h1>{PARAGRAPHS}{cells}</article></body></html>", format="html"
    )
    assert [block.text for block in article.blocks].count("4%") in (0, 2)


@pytest.mark.parametrize(
    ("datelines", "published", "updated"),
    [
        ("January 19, 2021\n\nUpdated: February 20, 2020", "2021-01-19", None),
        ("January 19, 2021\n\nUpdated: February 20, 2021", "2021-01-19", "2021-02-20"),
    ],
)
def test_no_update_before_the_publication(datelines: str, published: str, updated: str | None) -> None:
    article = clean(f"{HEADLINE}\n\n{datelines}\n\n{BODY}", format="text")
    assert (article.published, article.updated) == (published, updated)
    assert ("updated" in article.to_dict()["sources"]) == bool(updated)  # type: ignore[operator]


def test_a_page_loses_a_newsletter_box_as_its_markdown_read_back_does() -> None:
    """A subscribe box of two sentences: the sentence rules ask a page's blocks too, so the Markdown output read
    back (which they ask) gives the same article."""
    box = "Get the latest updates right in your inbox. Subscribe to our newsletters."
    page = f"<html><body><article><h1>{HEADLINE}</h1>{PARAGRAPHS}<p>{box}</p></article></body></html>"
    article = clean(page, format="html")
    assert box not in article.text and [r.rule for r in article.removed if r.text == box] == ["newsletter.subscribe"]
    again = clean(render_markdown(article), format="markdown")
    assert [block.text for block in again.blocks] == [block.text for block in article.blocks]


def test_the_subtitle_is_not_the_first_block_again() -> None:
    """A page's alternative headline that its content opens with: said once, in the body."""
    lead = BODY.split("\n\n")[0]
    ld = f'{{"@type": "NewsArticle", "headline": "{HEADLINE}", "alternativeHeadline": "{lead}"}}'
    page = f'<html><head><script type="application/ld+json">{ld}</script></head><body><article><h1>{HEADLINE}</h1>'
    article = clean(f"{page}{PARAGRAPHS}</article></body></html>", format="html")
    assert article.subtitle is None and "subtitle" not in article.to_dict()["sources"]  # type: ignore[operator]
    assert article.blocks[0].text == lead
