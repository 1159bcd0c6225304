"""Where an element sits on a page and what it shows: the text readers of the marked elements share.

``element_text`` is ``text_content()`` at about half the cost, the one way the HTML layer reads an
element's text; ``spaced`` makes each run of spaces in a text one space, and ``spaced_length`` measures a
text so without building it.  ``text_of``
and ``short_text`` read an element's visible text (a small element's only, so a marked wrapper of the
whole article never costs a walk over the page's text); ``spaced_text`` keeps the gap between block
children that ``text_content`` glues together.  ``OTHER_TEXTS`` names the classes of comments, related
lists, teasers and sidebars (``Marks.elsewhere`` tells elements inside them); ``media_credit`` tells the
"author" of an image.

This module does NOT find marked elements (``cleaner.html.marks``) or read names and dates out of
them (``cleaner.html.bylines``).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

# Class or id tokens of containers holding other texts, also behind a short namespace ("kb-comment",
# "c-related"), but not state modifiers of the article's own wrapper ("has-sidebar", "no-comments").
OTHER_TEXTS = re.compile(
    r"(?:^|\s)(?!(?:has|with|no|is|show|hide)-)(?:[a-z\d]{1,4}-)?(?:comment|related|teaser|sidebar|weitere)",
    re.IGNORECASE,
)


def element_text(element: etree._Element) -> str:
    """``element.text_content()``: the text of the element and its descendants, not its tail, as libxml2's text
    serialiser reads it (the same node content XPath's ``string()`` reads, which ``text_content`` calls, without
    setting up an XPath evaluation for each element: about half the cost)."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def spaced(text: str) -> str:
    r"""``re.sub(r"\s+", " ", text)`` by ``str.split``, which parts at what ``\s`` matches: a text already spaced
    so (an extracted block) is not rebuilt match by match."""
    words = text.split()
    if not words:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + " ".join(words) + (" " if text[-1].isspace() else "")


def spaced_length(text: str) -> int:
    r"""``len(re.sub(r"\s+", " ", text))`` without building that text: ``str.split`` parts at what ``\s``
    matches, so the runs of spaces are the gaps between its words and a space at either end."""
    words = text.split()
    if not words:
        return 1 if text else 0
    return sum(map(len, words)) + len(words) - 1 + text[0].isspace() + text[-1].isspace()


def linked_length(element: HtmlElement) -> int:
    """The length of the text of the element's links, each spaced (``spaced_length``): a link density's numerator."""
    return sum(spaced_length(element_text(link)) for link in element.iter("a"))


def text_of(element: HtmlElement) -> str:
    """The element's text, whitespace collapsed (``str.split`` splits at what ``\\s`` matches, faster)."""
    return " ".join(element_text(element).split())


def text_within(element: HtmlElement, limit: int) -> str | None:
    """``text_of(element)`` if it has at most ``limit`` characters, else None, without collapsing a long text whole.

    Only the first ``limit // 2 + 1`` words are split off: one more word means at least that many
    words and a space between each, longer than ``limit`` (a container of few children may hold a
    whole article, and splitting its every word would cost more than reading it).
    """
    most = limit // 2 + 1
    words = element_text(element).split(None, most)
    if len(words) > most:
        return None
    text = " ".join(words)
    return text if len(text) <= limit else None


def short_text(element: HtmlElement, limit: int) -> str | None:
    """The element's text if it is a small element with at most ``limit`` characters, else None.

    Checked cheaply first (a container of the whole article has many children), so a marked
    wrapper never costs a walk over the page's text.
    """
    if len(element) > MAX_CHILDREN:
        return None
    text = text_within(element, limit)
    if text is None:
        return None
    if len(element) and has_block_child(element):  # spaced_text walks in Python: only once the text is known short
        text = spaced_text(element)
    return text if len(text) <= limit else None


MAX_CHILDREN = 8
_BLOCK_TAGS = ("li", "p", "div", "br", "dd", "dt", "td", "th", "h2", "h3", "h4", "h5", "h6")
_BLOCK_TAG_SET = frozenset(_BLOCK_TAGS)


def has_block_child(element: HtmlElement) -> bool:
    """Whether a block element (``_BLOCK_TAGS``) is among the element's descendants: a walk in C that stops at the
    first, where an XPath union of ``.//li | .//p ...`` cost twice as much a call on the small elements asked."""
    return next(element.iterdescendants(*_BLOCK_TAGS), None) is not None


def spaced_text(element: etree._Element, blocks: frozenset[str] = _BLOCK_TAG_SET) -> str:
    """The element's text with a space where a block child (a tag of ``blocks``, HTML's by default) begins or ends.

    ``text_content`` glues list items and lines together ("Brasília" + "03/05/2022 21:44" reads
    "Brasília03/05/2022 21:44"), which hides a date from the date reader.
    """
    pieces: list[str] = []
    _gather_text(element, pieces, blocks)
    return " ".join("".join(pieces).split())


def _gather_text(element: etree._Element, pieces: list[str], blocks: frozenset[str]) -> None:
    if isinstance(element.tag, str):  # a comment's text is not shown
        pieces.append(element.text or "")
    for child in element:
        block = child.tag in blocks
        pieces.append(" " if block else "")
        _gather_text(child, pieces, blocks)
        pieces.append(" " if block else "")
        pieces.append(child.tail or "")


def media_credit(element: HtmlElement) -> bool:
    """True for an "author" of an image: inside a figure, a caption or a licence/credit box (a few levels up)."""
    for node in (element, *element.iterancestors()):
        if node.tag in ("figure", "figcaption") or _MEDIA_CREDIT.search(
            f"{node.get('class') or ''} {node.get('id') or ''}"
        ):
            return True
        if node.tag in ("article", "main", "body"):
            return False
    return False


_MEDIA_CREDIT = re.compile(r"licen[cs]e|caption|copyright|credit|bildnachweis|bildquelle", re.IGNORECASE)
