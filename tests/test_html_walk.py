"""trafilatura's XML body walked into blocks (``xmlbody.walk``) reads as before: a text-only element's one line
is read without walking its inline content.

The property test builds bodies of the elements trafilatura writes (paragraphs, headings, lists and items,
quotes, tables, links, highlights, line breaks, graphics) with drawn text and tails, and compares the
blocks with those of the walk as it read before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner.html import xmlbody
from cleaner.html.xmlbody import Piece, walk
from cleaner.model import Kind

_SPACES = re.compile(r"\s+")


def _lines_before(element: etree._Element, kind: Kind, skip: tuple[str, ...] = ()) -> Iterator[Piece]:
    segments: list[tuple[str, bool]] = []
    xmlbody._inline(element, segments, in_link=False, skip=skip, top=True)
    line: list[tuple[str, bool]] = []
    for segment in [*segments, ("\n", False)]:
        if segment[0] != "\n":
            line.append(segment)
            continue
        text = " ".join("".join(part for part, _ in line).split())
        if text:
            linked = sum(len(_SPACES.sub(" ", part)) for part, is_link in line if is_link)
            yield kind, text, min(1.0, linked / len(text))
        line = []


_TAGS = ("p", "head", "list", "item", "quote", "table", "row", "cell", "ref", "hi", "lb", "graphic", "div", "code")
_XML_CHARS = st.one_of(  # what XML text may hold: no control characters but the spaces
    st.sampled_from(" \n\t\r\u00a0\u2009\u3000"),
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff"),
)
_TEXT = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "\n", "  a  b ", "Read more", "\u00a0x\u2009y "]),
    st.text(_XML_CHARS, max_size=12),
)


def _element(tag: str, text: str | None, tail: str | None, children: list[etree._Element]) -> etree._Element:
    element = etree.Element(tag)
    element.text, element.tail = text, tail
    element.extend(children)
    return element


_TREES = st.recursive(
    st.builds(_element, st.sampled_from(_TAGS), _TEXT, _TEXT, st.just([])),
    lambda children: st.builds(_element, st.sampled_from(_TAGS), _TEXT, _TEXT, st.lists(children, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=300)
@given(_TREES, _TEXT)
def test_the_walk_reads_as_before(tree: etree._Element, text: str | None) -> None:
    body = _element("body", text, None, [tree])
    new = list(walk(body))
    original = xmlbody._lines
    xmlbody._lines = _lines_before  # type: ignore[assignment]
    try:
        before = list(walk(body))
    finally:
        xmlbody._lines = original
    assert new == before


def test_text_only_elements_of_every_kind() -> None:
    for tag in _TAGS:
        for text in (None, "", " ", "\n", " Read  more ", "\u00a0x"):
            element = _element(tag, text, " tail ", [])
            for kind in Kind:
                assert list(xmlbody._lines(element, kind)) == list(_lines_before(element, kind)), (tag, text)
