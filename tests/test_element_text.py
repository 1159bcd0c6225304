"""``element_text`` reads what ``text_content()`` reads, for every element of every page, at about half the cost.

Both give an element's node content (its text and its descendants', no comments, no tail): ``text_content``
through XPath's ``string()``, ``element_text`` through libxml2's text serialiser.  Checked on every element
of the fixture pages and of generated markup (comments, entities, scripts, tails, spaces of every kind), read
by cleaner's parser and by lxml.html's (which keeps comments).
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner.html.elements import element_text
from cleaner.html.page import _PARSER, parse_page

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "html").glob("*.html"))


def assert_same_on_every_element(tree: etree._Element) -> None:
    for element in tree.iter(etree.Element):
        assert element_text(element) == element.text_content(), etree.tostring(element)[:200]


@pytest.mark.parametrize("case", FIXTURES, ids=lambda path: path.stem)
def test_the_same_text_on_every_element_of_the_fixture_pages(case: Path) -> None:
    markup = case.read_text(encoding="utf-8")
    assert_same_on_every_element(parse_page(markup)[0])
    assert_same_on_every_element(lxml.html.document_fromstring(markup.encode("utf-8")))  # comments kept


PIECES = (
    "<p>", "</p>", "<div class='a'>", "</div>", "<li>", "<td>", "<table>", "<br>", "<b>", "</b>", "<a href=x>",
    "</a>", "<span>", "</span>", "<h1>", "</h1>", "<!-- a comment -->", "<?pi x?>", "&amp;", "&nbsp;", "&#8203;",
    "&shy;", "<script>var a = '<p>';</script>", "<style>p {}</style>", "<![CDATA[x]]>", "<pre> a\n b </pre>",
    "<img alt='x'>", "<textarea>t</textarea>", "word", "Wörter ", "日本語", " ", "\n", "\t", "\u00a0", "\u3000",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=50))
def test_the_same_text_on_every_element_of_generated_markup(pieces: list[str]) -> None:
    markup = "<html><body>" + "".join(pieces) + "</body></html>"
    for parser in (_PARSER, lxml.html.HTMLParser()):
        assert_same_on_every_element(lxml.html.document_fromstring(markup.encode("utf-8"), parser=parser))


def test_the_tail_is_not_the_elements_text() -> None:
    root = lxml.html.fragment_fromstring("<div><b>bold</b> and its tail<i>x</i></div>")
    assert [element_text(child) for child in root] == ["bold", "x"]
    assert element_text(root) == "bold and its tailx"
