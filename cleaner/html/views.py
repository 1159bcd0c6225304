"""Other views of a page's main content, asked when the extraction holds much less than the page's prose.

trafilatura's fast mode is the primary extraction (``cleaner.html.content``).  On some pages it
singles out a small box (a teaser, a lead) and misses the article beside it.  The page's prose
is measured cheaply here (``page_prose``: paragraphs, list items and quotes of some length that
are not mostly link text, and so the text of a ``<div>`` or ``<td>`` holding no block element); when
the extraction holds less than ``Fallback.gate`` of it, a second view of the page is asked, and taken
when it holds at least ``Fallback.gain`` times the text:

- ``trafilatura``: trafilatura's full mode, which compares its own result with its readability
  port and justext (what ``trafilatura.extract`` does by default on every page);
- ``readability``: readability-lxml;
- ``justext``: justext's good paragraphs;
- ``vote``: the blocks of the largest of those three that at least one other view also holds
  (a block-level vote between extractors).

Which view, and the two thresholds, were chosen by site-grouped cross-validation
(``bench/cv_html.py``; docs/benchmarks.md).  ``outside`` lists the page's prose blocks that the
chosen content leaves out: they go to the audit trail, so no prose leaves silently.  readability's
logger gets a ``NullHandler``: it logs each error it then raises (a traceback), which the view catches,
and with no logging set up Python printed it on standard error.

This module does NOT parse the page, walk trafilatura's XML (``content`` does, and hands its
walker in) or judge furniture inside any view.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from copy import deepcopy
from dataclasses import dataclass

import lxml.html
from lxml import etree
from lxml.html import HtmlElement
from readability import Document

from cleaner.html.elements import element_text, linked_length, spaced, text_of
from cleaner.html.secondopinion import justext_pieces
from cleaner.model import Kind

Piece = tuple[Kind, str, float]
VIEWS = ("trafilatura", "readability", "justext", "vote")
_SPACES = re.compile(r"\s+")
# A library's logger without a handler falls back to printing on standard error; the caller's own logging
# configuration, when it has one, still gets the records.
logging.getLogger("readability").addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class Fallback:
    """When to ask a second view, which one, and when to take it (chosen by cross-validation)."""

    view: str = "readability"
    gate: float = 0.1  # asked when the extraction holds less than this share of the page's prose
    gain: float = 1.5  # taken when it holds at least this many times the extraction's text

    def to_dict(self) -> dict[str, object]:
        return {"view": self.view, "gate": self.gate, "gain": self.gain}


FALLBACK = Fallback()
MIN_PROSE = 40  # characters: shorter blocks (labels, menu items, buttons) are not counted as prose
MAX_PROSE_LINKS = 0.3  # a block with more link text is a teaser or a menu, not prose
_PROSE_TAGS = ("p", "li", "blockquote", "dd", "pre")
_PROSE_TAG_SET = frozenset(_PROSE_TAGS)
# Containers whose text is a prose block of its own when they hold no block element: prose set as
# ``<div>text<br>text</div>`` (page builders, forums, blogs) or in the cells of a table layout.
_BARE_TAGS = ("div", "td")
_BARE_TAG_SET = frozenset(_BARE_TAGS)
# Elements that part a container's text into blocks: a container holding one is no bare block.
_BLOCK_TAGS = (
    *_PROSE_TAGS, *_BARE_TAGS, "ul", "ol", "dl", "dt", "table", "tr", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption", "form", "fieldset",
    "address", "center", "hr", "details", "summary",
)  # fmt: skip
_HOLDS_BLOCK = etree.XPath("boolean(.//p | .//li | .//blockquote | .//dd | .//pre)")


def page_prose(tree: HtmlElement) -> list[str]:
    """The page's prose blocks in document order: the innermost paragraphs, list items, quotes of some length,
    and the ``<div>`` and ``<td>`` elements that hold text but no block element (``_BLOCK_TAGS``) and are
    not inside a paragraph, list item or quote read as one.

    "Provably not prose" is what is left out: blocks under ``MIN_PROSE`` characters and blocks
    whose text is mostly (``MAX_PROSE_LINKS``) inside links.  Loose text beside blocks in a container
    (``<div>text<p>...</p>text</div>``) is not seen here (a known limit).
    """
    found: list[str] = []
    body = tree.find("body")
    root = body if body is not None else tree
    blocks = list(root.iter(*_BLOCK_TAGS))  # walked once: the holders are found among their ancestors
    holders = _holders(blocks)
    for element in blocks:
        tag = element.tag
        if element in holders:  # most blocks: a bare container holding blocks is no prose block
            if tag not in _PROSE_TAG_SET or _holds_prose(element):
                continue
        elif tag not in _PROSE_TAG_SET and tag not in _BARE_TAG_SET:
            continue
        raw = element_text(element)
        if len(raw) < MIN_PROSE:  # its text spaced is no longer
            continue
        text = " ".join(raw.split())  # ``text_of``
        if len(text) < MIN_PROSE:
            continue
        linked = linked_length(element)
        if linked <= MAX_PROSE_LINKS * len(text) and (tag in _PROSE_TAG_SET or not _read_with(element)):
            found.append(text)
    return found


def bare_container(element: HtmlElement) -> bool:
    """Whether the element is a ``<div>`` or ``<td>`` holding no block element (``_BLOCK_TAGS``): its text is
    one block of its own, as a paragraph's is (``page_prose`` reads such containers so)."""
    return element.tag in _BARE_TAG_SET and next(element.iterdescendants(*_BLOCK_TAGS), None) is None


def _holders(blocks: list[HtmlElement]) -> set[HtmlElement]:
    """The elements holding a block element (each block's ancestors, found in one walk up from each): such a
    container is no bare prose block, and a paragraph, list item or quote among them is no prose block either
    when what it holds is a paragraph, list item or quote (its text, all of theirs, is not read)."""
    holders: set[HtmlElement] = set()
    for element in blocks:
        parent = element.getparent()
        while parent is not None and parent not in holders:
            holders.add(parent)
            parent = parent.getparent()
    return holders


def _holds_prose(element: HtmlElement) -> bool:
    return next(element.iterdescendants(*_PROSE_TAGS), None) is not None


def _read_with(element: HtmlElement) -> bool:
    """Whether a bare container is inside a paragraph, list item or quote whose text is read as one block."""
    return any(not _holds_prose(node) for node in element.iterancestors(*_PROSE_TAGS))


def size(pieces: Sequence[Piece]) -> int:
    return sum(len(text) for _, text, _ in pieces)


def needs_second_view(extracted: Sequence[Piece], prose: Sequence[str], fallback: Fallback) -> bool:
    """True when the extraction holds less than ``fallback.gate`` of the page's prose."""
    return size(extracted) < fallback.gate * sum(len(text) for text in prose)


Walker = Callable[[bool], list[Piece]]


def second_view(
    tree: HtmlElement, view: str, *, trafilatura_full: Walker, language: str | None, first: Sequence[Piece]
) -> list[Piece]:
    """The named view of the page's main content as pieces (``VIEWS``); ``first`` is the extraction."""
    if view == "trafilatura":
        return trafilatura_full(False)
    if view == "readability":
        return readability_pieces(tree)
    if view == "justext":
        return justext_pieces(tree, language)
    if view == "vote":
        views = [trafilatura_full(False), readability_pieces(tree), justext_pieces(tree, language)]
        return vote(views, first)
    raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")


def vote(views: list[list[Piece]], first: Sequence[Piece]) -> list[Piece]:
    """The blocks of the largest view that another view (or the first extraction) also holds."""
    largest = max(range(len(views)), key=lambda i: size(views[i]))
    others = [_joined(view) for i, view in enumerate(views) if i != largest] + [_joined(first)]
    return [piece for piece in views[largest] if any(_key(piece[1]) in other for other in others)]


def _key(text: str) -> str:
    return _SPACES.sub(" ", text).strip()[:200]


def _joined(pieces: Sequence[Piece]) -> str:
    return "\n".join(_SPACES.sub(" ", text).strip() for _, text, _ in pieces)


_READABILITY_KINDS = {
    "p": Kind.PARAGRAPH, "pre": Kind.PARAGRAPH, "td": Kind.PARAGRAPH, "li": Kind.LIST_ITEM, "blockquote": Kind.QUOTE,
    "h1": Kind.HEADING, "h2": Kind.HEADING, "h3": Kind.HEADING, "h4": Kind.HEADING, "h5": Kind.HEADING,
    "h6": Kind.HEADING,
}  # fmt: skip


def readability_pieces(tree: HtmlElement) -> list[Piece]:
    """readability-lxml's article, one piece per innermost paragraph, heading, list item or quote."""
    try:
        summary = Document(deepcopy(tree)).summary(html_partial=True)  # it edits the tree it is given
        root = lxml.html.fragment_fromstring(summary, create_parent="div") if summary.strip() else None
    except Exception:  # a best-effort second view: the extraction stands
        return []
    pieces: list[Piece] = []
    for element in [] if root is None else root.iter(*_READABILITY_KINDS):
        if len(element) and _HOLDS_BLOCK(element):
            continue
        text = text_of(element)
        if text:
            linked = linked_length(element)
            pieces.append((_READABILITY_KINDS[element.tag], text, min(1.0, linked / len(text))))
    return pieces


def outside(prose: Sequence[str], kept: Sequence[str]) -> list[str]:
    """The page's prose blocks that the kept content does not hold (for the audit trail).

    A block the content kept as it is opens a kept text: that is looked up first, and only the others are
    searched for in the whole kept text.  The kept texts are spaced by ``str.split`` (a regular expression
    replacing every single space of an article one by one cost most of this step).  A block still not found
    is searched for with every space left out, in the kept text so too: a page's text glues the lines of
    ``text<br>text`` together (no space stands for the ``<br>``), which the content keeps as lines apart.
    """
    texts = [spaced(text) for text in kept]
    joined = "\n".join(texts)
    openings = {text[:PROBE] for text in texts}
    left = [text for text in prose if (probe := text[:PROBE]) not in openings and probe not in joined]
    if not left:
        return left
    unspaced = "".join(joined.split())
    return [text for text in left if "".join(text[:PROBE].split()) not in unspaced]


PROBE = 60  # characters of a prose block looked for in the kept text (a `<br>` may split it later on)
