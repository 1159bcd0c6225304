"""The template parts trafilatura never extracts are set aside while it reads the page: same result, same tree."""

from __future__ import annotations

import lxml.html
import trafilatura
from htmlpages import html_page

from cleaner.html import content
from cleaner.html.content import _options, _set_aside, trafilatura_pieces

PARAGRAPHS = "".join(
    f"<p>Paragraph {i} of the article says something long enough to be read as prose by every extractor here.</p>"
    for i in range(6)
)
ASIDE = "<aside><h3>Most read</h3><ul><li><a href='/a'>Another story</a></li></ul></aside>"
FOOTER = "<footer><p>Contact us</p><nav><a href='/imprint'>Imprint</a></nav></footer>tail after the footer"
MENU = "<a href='/'>Home</a><a href='/sport'>Sport</a><ul><li>Weather</li></ul>"
PAGE = html_page(f"<article><h1>A headline for the test</h1>{PARAGRAPHS}</article>{ASIDE}", nav=MENU, footer=FOOTER)


def tree_of(page: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page)


def test_the_tree_is_as_it_was_after_the_extraction() -> None:
    tree = tree_of(PAGE)
    before = lxml.html.tostring(tree)
    trafilatura_pieces(tree, fast=True)
    assert lxml.html.tostring(tree) == before


def test_while_set_aside_only_empty_stand_ins_and_the_menus_words_are_left() -> None:
    tree = tree_of(PAGE)
    with _set_aside(tree, content._NEVER_EXTRACTED):
        assert [element.text for element in tree.iter("aside", "footer")] == [None, None]
        assert [element.text for element in tree.iter("nav")] == ["Home\nSport\nWeather"]  # words, one per line
        assert "tail after the footer" in tree.text_content()  # a tail stays in place
        assert "Most read" not in tree.text_content()
    assert "Most read" in tree.text_content()


def test_a_menu_holding_paragraphs_stays_for_trafilaturas_fallbacks() -> None:
    # Markup left open can put the article inside a <nav>; trafilatura's baseline reads its paragraphs.
    tree = tree_of(f"<html><body><nav><a href='/'>Home</a>{PARAGRAPHS}</nav></body></html>")
    with _set_aside(tree, content._NEVER_EXTRACTED):
        assert "Paragraph 3" in tree.text_content()


def test_the_extraction_is_the_same_as_trafilaturas_on_the_whole_tree() -> None:
    expected = trafilatura.bare_extraction(tree_of(PAGE), options=_options(True)).body
    pieces, whole_page = trafilatura_pieces(tree_of(PAGE), fast=True)
    assert not whole_page
    assert [text for _, text, _ in pieces] == [
        " ".join(text.split()) for text in (" ".join(element.itertext()) for element in expected) if text.strip()
    ]
    assert any("Paragraph 5" in text for _, text, _ in pieces)
