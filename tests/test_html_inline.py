"""Inline content belongs to its block: the HTML reader (``xmlbody.walk``) never makes a block of a link, a word
of inline code or a short quotation inside a sentence, nor reads a quote's text twice.

Made-up pages cleaned whole (trafilatura's extraction, the reader, the text layers), and properties of the walk
over drawn bodies of the elements trafilatura writes: it neither loses nor repeats any text, and a paragraph of
text and inline elements is one block.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner import clean
from cleaner.html.xmlbody import walk
from tests.htmlpages import html_page
from tests.madeup import PROSE, TITLE

INLINE_CODE = (
    "To install it, run <code>pip install tramways</code> in a shell, then import <code>tramways</code> "
    "from your program and call <a href='/docs/routes'>the routes function</a>, which returns every line."
)
SHORT_QUOTE = "The motto of the campaign, <q>more trams</q>, was printed on every poster in the northern districts."
TWEET = (
    "<blockquote class='twitter-tweet'><p>The first tram will run before the next election, promised the mayor "
    "at the council meeting today.</p>&mdash; City Hall (@cityhall) <a href='/status/1'>March 3, 2024</a>"
    "</blockquote>"
)


def _article(*middle: str) -> str:
    paragraphs = [f"<p>{text}</p>" for text in PROSE[:2]] + list(middle) + [f"<p>{text}</p>" for text in PROSE[2:]]
    return html_page(f"<article><h1>{TITLE}</h1>{''.join(paragraphs)}</article>")


def test_a_sentence_with_inline_code_and_a_link_is_one_block() -> None:
    blocks = [block.text for block in clean(_article(f"<p>{INLINE_CODE}</p>"), format="html").blocks]
    assert (
        "To install it, run pip install tramways in a shell, then import tramways from your program and call "
        "the routes function, which returns every line." in blocks
    )
    assert not [text for text in blocks if not any(character.isalnum() for character in text)]


def test_a_short_quotation_stays_in_its_sentence() -> None:
    blocks = [block.text for block in clean(_article(f"<p>{SHORT_QUOTE}</p>"), format="html").blocks]
    assert any(
        text.startswith("The motto of the campaign,") and text.endswith("northern districts.") for text in blocks
    )


def test_a_block_quote_is_read_once() -> None:
    blocks = [block.text for block in clean(_article(TWEET), format="html").blocks]
    said = [position for position, text in enumerate(blocks) if text.startswith("The first tram will run")]
    credits = [position for position, text in enumerate(blocks) if "(@cityhall)" in text]
    assert len(said) == 1
    assert len(credits) <= 1 and all(position > said[0] for position in credits)


def _element(tag: str, text: str | None, tail: str | None, children: list[etree._Element]) -> etree._Element:
    element = etree.Element(tag)
    element.text = None if tag in ("lb", "graphic") else text  # trafilatura writes them empty
    element.tail = tail
    if tag != "graphic":
        element.extend(children)
    return element


_WORDS = st.text(st.sampled_from("ab.,:;( )\n"), max_size=8)
_TEXT = st.one_of(st.none(), _WORDS)
_BLOCKS = ("p", "head", "list", "item", "quote", "div", "code")
_INLINE = ("ref", "hi", "lb", "graphic")
_TREES = st.recursive(
    st.builds(_element, st.sampled_from(_BLOCKS + _INLINE), _TEXT, _TEXT, st.just([])),
    lambda children: st.builds(
        _element, st.sampled_from(_BLOCKS + _INLINE), _TEXT, _TEXT, st.lists(children, max_size=4)
    ),
    max_leaves=25,
)


def _letters(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=400)
@given(_TREES, _TEXT)
def test_the_walk_neither_loses_nor_repeats_text(tree: etree._Element, text: str | None) -> None:
    body = _element("body", text, None, [tree])
    assert _letters("".join(text for _, text, _ in walk(body))) == _letters("".join(body.itertext()))


_INLINE_CHILD = st.builds(
    _element,
    st.sampled_from(("ref", "hi", "code", "quote")),
    st.text(st.sampled_from("ab.,( "), min_size=1, max_size=8),
    st.one_of(st.none(), st.text(st.sampled_from("ab.,) "), max_size=8)),
    st.just([]),
)


@settings(max_examples=300)
@given(st.text(st.sampled_from("ab "), min_size=1, max_size=8).filter(str.strip), st.lists(_INLINE_CHILD, max_size=5))
def test_a_paragraph_of_text_and_inline_elements_is_one_block(text: str, children: list[etree._Element]) -> None:
    paragraph = _element("p", text, None, children)
    blocks = list(walk(_element("body", None, None, [paragraph])))
    assert [block_text for _, block_text, _ in blocks] == [" ".join("".join(paragraph.itertext()).split())]


def test_text_after_a_nested_list_is_read_after_it() -> None:
    """An item's text after its nested list (``<li>Fruit<ul>...</ul>and more</li>``) was read before the list."""
    body = etree.fromstring("<body><item>Fruit<list><item>apple</item><item>pear</item></list>and more</item></body>")
    assert [text for _, text, _ in walk(body)] == ["Fruit", "apple", "pear", "and more"]
