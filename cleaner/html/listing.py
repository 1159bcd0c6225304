"""Listing pages: a category, tag, archive or search page, whose content is other articles' teasers.

Such a page holds no article: its main content is a run of teasers, each a linked headline over a short
excerpt, and extracted, the excerpts run together as a body no one wrote.  ``is_listing`` tells such a page
from an article by its structure: the extracted blocks lie in at least ``MIN_TEASERS`` teasers (the largest
element around a linked ``<h2>``-``<h4>`` that holds no other, of at most ``MAX_TEASER_CHARS`` characters: a
headline and an excerpt), they hold at least ``IN_TEASERS`` of the
blocks' characters, and no teaser holds more than ``MAX_ONE`` of them (an article under a linked headline,
beside a few teasers, is one teaser holding most of the text).  A page that declares itself an article (a
JSON-LD article type, ``og:type`` ``article``) is never a listing: a list article ("ten walks ...") whose items
are linked headings stays an article, and so does an undeclared one whose items say more than an excerpt.

``may_be_listing`` says, from the blocks alone, where no teasers need be looked for (blocks longer than any
teaser holding more than ``1 - IN_TEASERS`` of the text); the page's declaration is read with its metadata
(``cleaner.html.meta.Statements.article``).

This module does NOT remove anything: ``cleaner.html.page`` takes a listing's blocks out of the body and lists
them as left out (audited), and the run says the body is empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from lxml.html import HtmlElement

from cleaner.html.elements import element_text, spaced
from cleaner.model import Block

MIN_TEASERS = 4  # the blocks lie in at least this many teasers
IN_TEASERS = 0.8  # ... which hold at least this share of the blocks' characters
MAX_ONE = 0.5  # ... and none of which holds more than this share
MAX_TEASER_CHARS = 500  # a linked headline's element with more text is a section of an article, not a teaser
_LINKED_HEADINGS = etree.XPath(
    "//*[self::h2 or self::h3 or self::h4][.//a[@href]] | //a[@href][.//*[self::h2 or self::h3 or self::h4]]"
)


def may_be_listing(blocks: Sequence[Block]) -> bool:
    """Whether ``is_listing`` can hold for ``blocks`` whatever the page's teasers: a block longer than a teaser
    (``MAX_TEASER_CHARS``) lies in none, so where such blocks hold more than ``1 - IN_TEASERS`` of the characters
    the teasers are not looked for (an article's paragraphs: most pages)."""
    total = sum(len(block.text) for block in blocks)
    long = sum(len(block.text) for block in blocks if len(spaced(block.text).strip()) > MAX_TEASER_CHARS)
    return total > 0 and long <= (1 - IN_TEASERS) * total


def teasers(tree: HtmlElement) -> list[str]:
    """The texts of the page's teasers: for each linked headline, the largest element around it holding no other
    (fewer than ``MIN_TEASERS`` linked headlines: none looked for)."""
    found = _LINKED_HEADINGS(tree)
    if len(found) < MIN_TEASERS:
        return []
    marks = set(found)  # a heading inside a link, or a link inside a heading, is one headline: the outer one
    tops = [mark for mark in found if not any(ancestor in marks for ancestor in mark.iterancestors())]
    counts: dict[HtmlElement, int] = {}
    for top in tops:
        for ancestor in top.iterancestors():
            counts[ancestor] = counts.get(ancestor, 0) + 1
    units = []
    for top in tops:
        unit = top
        for ancestor in top.iterancestors():
            if counts[ancestor] > 1:
                break
            unit = ancestor
        text = spaced(element_text(unit)).strip()
        if len(text) <= MAX_TEASER_CHARS:
            units.append(text)
    return units


def is_listing(blocks: Sequence[Block], units: Sequence[str]) -> bool:
    """Whether the extracted ``blocks`` are the teasers ``units`` (see the module doc)."""
    if len(units) < MIN_TEASERS or not blocks:
        return False
    total = sum(len(block.text) for block in blocks)
    held = [0] * len(units)
    for block in blocks:
        text = spaced(block.text).strip()
        where = next((i for i, unit in enumerate(units) if text and text in unit), None)
        if where is not None:
            held[where] += len(block.text)
    hit = sum(1 for count in held if count)
    return hit >= MIN_TEASERS and sum(held) >= IN_TEASERS * total and max(held) <= MAX_ONE * total
