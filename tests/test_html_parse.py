"""Parsing a page once: its JSON-LD texts, the element bound, and the page's prose blocks read as before."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner.html.elements import spaced, spaced_length
from cleaner.html.page import _COUNT_ELEMENTS, _PARSER, MAX_ELEMENTS, PageError, may_exceed, parse_page, without_head
from cleaner.html.views import (
    _BARE_TAGS,
    _BLOCK_TAGS,
    _HOLDS_BLOCK,
    _PROSE_TAGS,
    _SPACES,
    MAX_PROSE_LINKS,
    MIN_PROSE,
    PROBE,
    outside,
    page_prose,
)

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "html").glob("*.html"))
ARTICLE = "<p>" + "The council met on Tuesday evening to discuss the new bus timetable. " * 3 + "</p>"


def test_the_jsonld_texts_are_those_of_scripts_typed_json_ld_blank_ones_left_out() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        '<script type="application/ld+json">   </script><script type="text/javascript">var ld = 1;</script>'
        f'<script>{{"@type": "Person"}}</script></head><body>{ARTICLE}'
        '<script type="application/ld+json; charset=utf-8">{"@type": "WebPage"}</script></body></html>'
    )
    tree, ld = parse_page(page)
    assert ld == ('{"@type": "NewsArticle"}', '{"@type": "WebPage"}')
    assert next(tree.iter("script"), None) is None  # and every script is gone


@pytest.mark.parametrize("case", FIXTURES, ids=lambda path: path.stem)
def test_the_jsonld_texts_are_what_an_xpath_over_the_scripts_reads(case: Path) -> None:
    markup = case.read_text(encoding="utf-8")
    tree = lxml.html.document_fromstring(markup.encode("utf-8"), parser=_PARSER)
    selected = etree.XPath('//script[contains(@type, "ld+json")]/text()')(tree)
    assert parse_page(markup)[1] == tuple(text for text in selected if text.strip())


PIECES = (
    "<p>", "</p>", "<div>", "</div>", "<li>", "<td>", "<tr>", "<table>", "<br>", "<head>", "</head>", "<html>",
    "<body>", "</body>", "<title>", "<meta a=1>", "<b>", "<frameset>", "<option>", "<select>", "<dd>", "<h1>",
    "<!-- c -->", "<", ">", "&amp;", "<a href=x>", "<noscript>", "<img>", "<p/>", "</p></p>", "<svg><g>",
    "<colgroup>", "<ruby>", "<rt>", "<textarea>", "<script>", "</script>", "x", "two words ", " ", "\n",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60))
def test_a_page_holds_at_most_twice_as_many_elements_as_its_markup_has_angle_brackets_and_four(
    pieces: list[str],
) -> None:
    markup = "".join(pieces)
    try:
        tree = lxml.html.document_fromstring(markup.encode("utf-8"), parser=_PARSER)
    except etree.ParserError:  # nothing but a comment or spaces: no elements at all
        return
    assert int(_COUNT_ELEMENTS(tree)) <= 2 * markup.count("<") + 4


def test_a_page_over_the_element_limit_is_still_refused() -> None:
    markup = f"<html><body>{ARTICLE}{'<i></i>' * MAX_ELEMENTS}</body></html>"
    assert may_exceed(markup)
    with pytest.raises(PageError, match="elements, the limit is"):
        parse_page(markup)


def test_an_ordinary_page_needs_no_count() -> None:
    assert not may_exceed(f"<html><body>{ARTICLE * 100}</body></html>")


def _prose_as_before(tree: lxml.html.HtmlElement) -> list[str]:
    """``page_prose`` as it read paragraphs, list items and quotes only, testing each for a block inside by XPath."""
    found = []
    body = tree.find("body")
    for element in (body if body is not None else tree).iter(*_PROSE_TAGS):
        text = " ".join(element.text_content().split())
        if len(text) < MIN_PROSE or (len(element) and _HOLDS_BLOCK(element)):
            continue
        linked = sum(len(_SPACES.sub(" ", link.text_content())) for link in element.iter("a"))
        if linked <= MAX_PROSE_LINKS * len(text):
            found.append(text)
    return found


_ANY_BLOCK = " or ".join(f"self::{tag}" for tag in _BLOCK_TAGS)
_PROSE_SELF = " or ".join(f"self::{tag}" for tag in _PROSE_TAGS)
_HOLDS_ANY_BLOCK = etree.XPath(f"boolean(descendant::*[{_ANY_BLOCK}])")
# Inside a paragraph, list item or quote that holds none: read with it.
_READ_WITH = etree.XPath(f"boolean(ancestor::*[{_PROSE_SELF}][not(descendant::*[{_PROSE_SELF}])])")


def _prose_by_xpath(tree: lxml.html.HtmlElement) -> list[str]:
    """``page_prose`` spelled out element by element with XPath: a paragraph, list item or quote holding none
    as before, and a ``<div>`` or ``<td>`` holding no block element, not read with a paragraph around it."""
    found = []
    body = tree.find("body")
    for element in (body if body is not None else tree).iter(*_PROSE_TAGS, *_BARE_TAGS):
        text = " ".join(element.text_content().split())
        if element.tag in _PROSE_TAGS:
            if len(element) and _HOLDS_BLOCK(element):
                continue
        elif _HOLDS_ANY_BLOCK(element) or _READ_WITH(element):
            continue
        linked = sum(len(_SPACES.sub(" ", link.text_content())) for link in element.iter("a"))
        if len(text) >= MIN_PROSE and linked <= MAX_PROSE_LINKS * len(text):
            found.append(text)
    return found


def _is_subsequence(part: list[str], whole: list[str]) -> bool:
    rest = iter(whole)
    return all(text in rest for text in part)


@pytest.mark.parametrize("case", FIXTURES, ids=lambda path: path.stem)
def test_the_pages_prose_is_what_testing_each_block_by_xpath_gives_and_holds_what_it_held(case: Path) -> None:
    tree, _ = parse_page(case.read_text(encoding="utf-8"))
    without_head(tree)
    prose = page_prose(tree)
    assert prose == _prose_by_xpath(tree)
    assert _is_subsequence(_prose_as_before(tree), prose)  # bare containers are only added


LONG = "The council met on Tuesday evening to discuss the new bus timetable. "
PROSE_PIECES = (
    "<div>", "</div>", "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<table><tr><td>", "<td>", "</td>",
    "</table>", "<br>", "<h2>", "</h2>", "<section>", "</section>", "<blockquote>", "<dd>", "<span>", "</span>",
    "<a href=x>", "</a>", "<b>", "</b>", LONG, LONG, "short", " ",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PROSE_PIECES), max_size=40))
def test_the_prose_of_any_markup_is_what_testing_each_block_by_xpath_gives(pieces: list[str]) -> None:
    tree, _ = parse_page(f"<html><body>{''.join(pieces)}</body></html>")
    prose = page_prose(tree)
    assert prose == _prose_by_xpath(tree)
    assert _is_subsequence(_prose_as_before(tree), prose)


def test_text_in_a_div_holding_no_block_is_prose_as_a_paragraph_is() -> None:
    line = " ".join(LONG.split())
    tree, _ = parse_page(
        f"<html><body><div>{LONG}<br>{LONG}</div><div><div>{LONG}</div><p>{LONG}</p></div>"
        f"<div><h2>{LONG}</h2>{LONG}</div><ul><li><div>{LONG}</div></li></ul>"
        f"<div><a href=x>{LONG}</a></div><div>short</div></body></html>"
    )
    # The first div read whole; the nested div and paragraph each, not their holder; not a div holding a
    # heading, a div read with its list item, a link or a short text.
    assert page_prose(tree) == [f"{line} {line}", line, line, line]


def test_a_list_item_holding_a_paragraph_is_not_prose_itself_its_paragraph_is() -> None:
    tree, _ = parse_page(f"<html><body><ul><li>{ARTICLE}</li><li>{ARTICLE[3:-4]}</li></ul></body></html>")
    text = " ".join(ARTICLE[3:-4].split())
    assert page_prose(tree) == [text, text]  # the paragraph, then the second item (no block inside it)


SPACES_AND_WORDS = st.text(
    alphabet=st.sampled_from([" ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "a", "é", "1"])
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(SPACES_AND_WORDS, st.text()))
def test_the_spaced_length_is_that_of_the_text_with_each_run_of_spaces_one_space(text: str) -> None:
    assert spaced(text) == _SPACES.sub(" ", text)
    assert spaced_length(text) == len(_SPACES.sub(" ", text))
    assert " ".join(text.split()) == _SPACES.sub(" ", text).strip()  # what the page's meta tags and loose text read


def _outside_as_before(prose: list[str], kept: list[str]) -> list[str]:
    """``views.outside`` as it searched every prose block's opening in the whole kept text, and then with every
    space left out in both (lines of a ``<br>`` the page's text glues together)."""
    joined = "\n".join(_SPACES.sub(" ", text) for text in kept)
    unspaced = _SPACES.sub("", joined)
    return [text for text in prose if text[:PROBE] not in joined and _SPACES.sub("", text[:PROBE]) not in unspaced]


KEPT_PIECES = ["Die", "Stadt", "plant", "a", "b", " ", "  ", "\n", "\u00a0", "x" * 30]
KEPT_WORDS = st.lists(st.sampled_from(KEPT_PIECES), max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.lists(KEPT_WORDS.map("".join), max_size=8), st.lists(st.integers(0, 200), max_size=8), st.data())
def test_the_prose_left_out_is_what_searching_the_whole_kept_text_gave(
    kept: list[str], cuts: list[int], data: st.DataObject
) -> None:
    spaced_kept = [_SPACES.sub(" ", text) for text in kept]
    prose = [text[cut % (len(text) + 1) :] for text, cut in zip(spaced_kept, cuts, strict=False)]  # inside, opening
    prose += data.draw(st.lists(KEPT_WORDS.map("".join), max_size=4))  # and others
    assert outside(prose, kept) == _outside_as_before(prose, kept)
