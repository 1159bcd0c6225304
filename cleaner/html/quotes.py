"""Quotes the extraction left out of the article's flow, put back in their place.

trafilatura keeps a ``<blockquote>`` that stands between two paragraphs of the article (an embedded post,
which the embed code writes as a quote; a quoted passage), but drops it where a wrapper's class reads as
furniture to it (``<div class="social-media-embed">``, ``<figure class="embed">``).  Such a quote is
the article's own when the paragraphs on either side of it in the page, the nearest paragraphs of some
length before and after it, are next to each other in the extraction: nothing the extraction kept
stands between them, so the quote sat in the article's flow.  It is put back there, one block per
paragraph of the quote and one for its text outside them (an embedded post's credit line, "— Name
(@handle) date"), as trafilatura reads a quote it keeps.

This module does NOT judge what a quote holds: the blocks go on through the text layers as the rest.
It does not put back a quote beside the extraction's first or last block (above or below the article),
nor one the extraction holds already, nor one inside a paragraph or list item.  ``cleaner.html.page`` asks
only where the page's markup holds a quote (a search of the markup costs a fraction of a walk of its tree).
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from dataclasses import replace

from lxml import etree
from lxml.html import HtmlElement

from cleaner.html.content import MainContent
from cleaner.html.elements import linked_length, spaced, text_of
from cleaner.html.views import outside
from cleaner.model import Block, Kind

Piece = tuple[Kind, str, float]

NEIGHBOUR = 20  # characters: a shorter paragraph (a label, an empty one) is no neighbour of the quote
PROBE = 40  # characters of a paragraph's opening (or closing) looked for in the extracted blocks
# The nearest paragraphs before and after a quote, those of other quotes (a row of embedded posts) left aside.
_BEFORE = etree.XPath("preceding::p[not(ancestor::blockquote)][string-length(normalize-space(.)) >= $n][1]")
_AFTER = etree.XPath("following::p[not(ancestor::blockquote)][string-length(normalize-space(.)) >= $n][1]")
MAX_LINKED = 0.5  # a quote's line with this share of its text in links or more is no line of the quote
_INSIDE = ("blockquote", "p", "li")  # a quote inside one of these is read with it, or not at all


def with_quotes(tree: HtmlElement, content: MainContent) -> MainContent:
    """``content`` with each left-out quote of the article's flow put back after the paragraph before it.

    The quotes' text is then no longer listed as left out (``MainContent.left_out``).  A page's text dump
    (``MainContent.whole_page``) has no flow to put a quote back into.
    """
    if content.whole_page or len(content.blocks) < 2:
        return content
    pieces = [(block.kind, block.text, block.link_density) for block in content.blocks]
    found = quotes_in_flow(tree, pieces)
    if not found:
        return content
    merged = [piece for i, own in enumerate(pieces) for piece in (own, *found.get(i, ()))]
    blocks = tuple(
        Block(index=i, text=text, kind=kind, link_density=round(density, 3))
        for i, (kind, text, density) in enumerate(merged)
    )
    put_back = [text for lines in found.values() for _, text, _ in lines]
    return replace(content, blocks=blocks, left_out=tuple(outside(content.left_out, put_back)))


def quotes_in_flow(tree: HtmlElement, pieces: Sequence[Piece]) -> dict[int, list[Piece]]:
    """The left-out quotes of the article's flow as blocks, by the index of the extracted block each follows."""
    quotes = [quote for quote in tree.iter("blockquote") if next(quote.iterancestors(_INSIDE), None) is None]
    texts = [spaced(text) for _, text, _ in pieces]
    joined = "\n".join(texts)
    after: dict[int, list[Piece]] = {}
    for quote in quotes:
        if text_of(quote)[:PROBE] in joined:  # kept already (a quote's opening is its first line's)
            continue
        lines = quote_pieces(quote)
        if not lines or lines[0][1][:PROBE] in joined:
            continue
        place = _place(quote, texts)
        if place is not None:
            after.setdefault(place, []).extend(lines)
    return after


def _place(quote: HtmlElement, texts: Sequence[str]) -> int | None:
    """The index of the block the quote follows: that of the paragraph before it, when the paragraph after it
    is the next block of the extraction; else None (the quote is not in the article's flow)."""
    before, following = _BEFORE(quote, n=NEIGHBOUR), _AFTER(quote, n=NEIGHBOUR)
    if not before or not following:
        return None
    end = _index(texts, text_of(before[0])[-PROBE:])
    start = _index(texts, text_of(following[0])[:PROBE])
    return end if end is not None and start == end + 1 else None


def _index(texts: Sequence[str], probe: str) -> int | None:
    """The index of the first block holding ``probe``, if any."""
    return next((i for i, text in enumerate(texts) if probe in text), None)


def quote_pieces(quote: HtmlElement) -> list[Piece]:
    """A quote as blocks: one per paragraph in it, then its text outside them (an embedded post's credit line).

    A line mostly of link text is left out: an embed's stub ("View this post on Instagram", "A post shared by
    ..."), which stands for a post the page does not hold, or a list of links.
    """
    paragraphs = [p for p in quote.iter("p") if next(p.iterancestors("p"), None) is None]
    rest = deepcopy(quote)
    for p in list(rest.iter("p")):
        if p.getparent() is not None:
            p.drop_tree()  # its tail stays
    texts = [*(text_of(p) for p in paragraphs), text_of(rest)]
    links = [*(linked_length(p) for p in paragraphs), linked_length(rest)]
    pieces = [
        (Kind.QUOTE, text, min(1.0, linked / len(text))) for text, linked in zip(texts, links, strict=True) if text
    ]
    return [piece for piece in pieces if piece[2] < MAX_LINKED]
