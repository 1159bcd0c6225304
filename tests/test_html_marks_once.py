"""``marks`` tests each ``class`` or ``id`` value once a page: the same candidates, in the same order, as testing
every element's values (and the same ``<time datetime>`` elements as a walk for them), on the fixture pages and on
generated markup that repeats values in several cases; and ``Marks.elsewhere``, which reads each ancestor once a
page, tells what walking each element's ancestors tells (``elsewhere_as_before``), whatever the order the elements
are asked in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner.html.elements import OTHER_TEXTS
from cleaner.html.marks import _DATE_ITEMPROPS, _MARKING_VALUES, _ROLE_WORD, _candidates, marks
from cleaner.html.page import parse_page

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "html").glob("*.html"))


def candidates_as_before(tree: etree._Element, dated: list[etree._Element]) -> Iterator[etree._Element]:
    """``_candidates`` as it searched every ``class`` and ``id`` value of every element."""
    for element in tree.iter(etree.Element):
        marked = element.tag == "h1"
        for name, value in element.items():
            if name == "class" or name == "id":
                marked = marked or _ROLE_WORD.search(value.lower()) is not None
            elif name == "itemprop":
                if value in _DATE_ITEMPROPS:
                    dated.append(element)
                marked = marked or value in _MARKING_VALUES
            elif name == "rel":
                marked = marked or value in _MARKING_VALUES
        if marked:
            yield element


def elsewhere_as_before(element: etree._Element) -> bool:
    """``Marks.elsewhere`` as it walked every element's ancestors, each time it was asked."""
    node: etree._Element | None = element
    in_box = False
    while node is not None and node.tag not in ("body", "html"):
        if OTHER_TEXTS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        if node.tag in ("footer", "aside"):
            in_box = True
        elif node.tag == "article":
            in_box = False
        node = node.getparent()
    return in_box


def assert_same(tree: etree._Element) -> None:
    dated, dated_before, timed = [], [], []
    assert list(_candidates(tree, dated, timed)) == list(candidates_as_before(tree, dated_before))
    assert dated == dated_before
    assert timed == [t for t in tree.iter("time") if t.get("datetime") is not None]  # what the date reader walked for


@pytest.mark.parametrize("case", FIXTURES, ids=lambda path: path.stem)
def test_the_same_candidates_on_the_fixture_pages(case: Path) -> None:
    assert_same(parse_page(case.read_text(encoding="utf-8"))[0])


VALUES = ["menu-item", "Byline", "byline", "post-date", "DATE", "logo", "x", "", "entry-title", "nav author-box"]
ATTRIBUTES = st.dictionaries(
    st.sampled_from(["class", "id", "itemprop", "rel", "title", "datetime"]),
    st.sampled_from([*VALUES, "author", "datePublished", "headline"]),
    max_size=3,
)
ELEMENTS = st.tuples(st.sampled_from(["div", "span", "h1", "p", "a", "time"]), ATTRIBUTES)


@settings(max_examples=300, deadline=None)
@given(st.lists(ELEMENTS, min_size=1, max_size=40))
def test_the_same_candidates_on_generated_markup(elements: list[tuple[str, dict[str, str]]]) -> None:
    root = lxml.html.fromstring("<html><body></body></html>")
    body = root.find("body")
    for tag, attributes in elements:
        element = etree.SubElement(body, tag, attributes)
        element.text = "text"
    assert_same(root)


def assert_placed_alike(tree: etree._Element, order: list[int] | None = None) -> None:
    """``Marks.elsewhere`` (ancestors read once a page) is ``elsewhere_as_before`` on every element, in any order."""
    found = marks(tree)
    elements = list(tree.iter(etree.Element))
    for position in order or range(len(elements)):
        element = elements[position % len(elements)]
        assert found.elsewhere(element) == elsewhere_as_before(element), etree.tostring(element)[:100]


@pytest.mark.parametrize("case", FIXTURES, ids=lambda path: path.stem)
def test_elsewhere_once_a_page_on_the_fixture_pages(case: Path) -> None:
    tree = parse_page(case.read_text(encoding="utf-8"))[0]
    assert_placed_alike(tree)
    assert_placed_alike(tree, list(range(len(list(tree.iter())) - 1, -1, -1)))  # the innermost asked first


BOXES = ["article", "footer", "aside", "div", "section", "body"]
CLASSES = ["", "comments", "kb-comment", "has-sidebar", "c-related", "entry", "Teaser", "no-comments"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(BOXES), st.sampled_from(CLASSES), st.integers(0, 6)), min_size=1, max_size=30),
    st.lists(st.integers(0, 40), max_size=30),
)
def test_elsewhere_once_a_page_on_generated_nesting(shape: list[tuple[str, str, int]], order: list[int]) -> None:
    root = lxml.html.fromstring("<html><body></body></html>")
    made = [root.find("body")]
    for tag, name, parent in shape:
        element = etree.SubElement(made[parent % len(made)], tag, {"class": name} if name else {})
        element.text = "text"
        made.append(element)
    assert_placed_alike(root, order)
    assert_placed_alike(root)
