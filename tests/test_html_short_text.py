"""The bounded text readers give what reading the whole text gives, for every limit and element."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree

from cleaner.html.elements import (
    _BLOCK_TAGS,
    MAX_CHILDREN,
    has_block_child,
    short_text,
    spaced_text,
    text_of,
    text_within,
)
from cleaner.html.marks import marks
from cleaner.html.page import parse_page

WORDS = " ".join(f"w{i}" for i in range(120))
PAGE = f"""<html><body>
<h1>Headline</h1>
<p class="byline">  By   Ann
   Lee  </p>
<div class="meta"><span>12.03.2024</span> <span>von Olga</span></div>
<div class="post"><p>{WORDS}</p><p>{"x" * 300}</p></div>
<p>{" " * 500}short after spaces{" " * 500}</p>
<p>a b c d e f g h i j</p>
<ul class="byline"><li>Ann</li><li>Lee</li></ul>
<p>{"y" * 99}</p><p>{"z" * 100}</p><p>{"q" * 101}</p>
</body></html>"""
# The XPath the block test was before ``has_block_child``: a union of the block tags among the descendants.
HAS_BLOCK_CHILD = etree.XPath("boolean(" + " | ".join(f".//{tag}" for tag in _BLOCK_TAGS) + ")")
FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "html").glob("*.html"))
LIMITS = (0, 1, 2, 3, 6, 7, 9, 10, 18, 19, 20, 21, 60, 99, 100, 101, 120, 200, 400)


def _whole(element: lxml.html.HtmlElement, limit: int) -> str | None:
    text = text_of(element)
    return text if len(text) <= limit else None


def _reference(element: lxml.html.HtmlElement, limit: int) -> str | None:
    """``short_text`` as it read the whole text before the bounded reader."""
    if len(element) > MAX_CHILDREN or (text := _whole(element, limit)) is None:
        return None
    if len(element) and HAS_BLOCK_CHILD(element):
        text = spaced_text(element)
    return text if len(text) <= limit else None


def test_text_within_is_the_whole_text_under_the_limit() -> None:
    tree = lxml.html.fromstring(PAGE)
    for element in tree.iter(etree.Element):
        for limit in LIMITS:
            assert text_within(element, limit) == _whole(element, limit), (element.tag, limit)


def test_short_text_and_its_page_record_agree_whatever_the_order_of_limits() -> None:
    tree = lxml.html.fromstring(PAGE)
    found = marks(tree)
    elements = list(tree.iter(etree.Element))
    for limits in (LIMITS, tuple(reversed(LIMITS)), (100, 20, 120, 3, 400, 100)):
        for element in elements:
            for limit in limits:
                wanted = _reference(element, limit)
                assert short_text(element, limit) == wanted, (element.tag, limit)
                assert found.short_text(element, limit) == wanted, (element.tag, limit)


def test_has_block_child_is_the_xpath_union_on_every_element() -> None:
    trees = [lxml.html.fromstring(PAGE)] + [parse_page(path.read_text(encoding="utf-8"))[0] for path in FIXTURES]
    for tree in trees:
        for element in tree.iter(etree.Element):
            assert has_block_child(element) == HAS_BLOCK_CHILD(element), etree.tostring(element)[:100]
