"""The time stamps of a live blog's entries, which extraction drops: put back before their entries.

A live blog (a storm, an election night, a match) is a run of entries, each opened by its time stamp in a
``<time>`` element ("14:32", "Tuesday 13:58").  The extractors take the entries' paragraphs and drop the
stamps, short lines with no prose, silently: the body loses the order of events and no audit entry says why.
``with_entry_times`` puts each stamp back as a block before the block its entry opens with, where at least
``MIN_ENTRIES`` stamps each open a different extracted block (one ``<time>`` over the article is its dateline,
read as metadata, never put in the body).

This module does NOT read the stamps as dates (``cleaner.metadata.pagechoice.live_blog_dates`` makes the
publication and the update of their ``datetime`` values) and does not judge them: they go on
through the same furniture rules and classifier as every block.
"""

from __future__ import annotations

from dataclasses import replace

from lxml.html import HtmlElement

from cleaner.html.elements import element_text, spaced
from cleaner.model import Block

MIN_ENTRIES = 3  # so many stamps, each opening its own extracted block, make a live blog
MAX_STAMP = 40  # characters: a longer <time> text is a sentence, not a stamp
_OPENING = 40  # characters of the entry's first paragraph matched against a block's start
_TEXT_TAGS = frozenset(("p", "h2", "h3", "h4", "li"))  # an entry opens with one of these, holding text


def with_entry_times(blocks: tuple[Block, ...], tree: HtmlElement) -> tuple[tuple[Block, ...], tuple[HtmlElement, ...]]:
    """``blocks`` with each entry's time stamp before the block it opens, and the ``<time>`` elements put back
    (their ``datetime`` values are the live blog's dates: ``pagechoice.live_blog_dates``); ``blocks`` and none
    where fewer than ``MIN_ENTRIES`` stamps open blocks."""
    if not blocks:
        return blocks, ()
    stamps = [(stamp, text) for stamp in tree.iter("time") if _is_stamp(text := spaced(element_text(stamp)).strip())]
    if len(stamps) < MIN_ENTRIES:
        return blocks, ()  # most pages: no search after each stamp
    starts = {spaced(block.text)[:_OPENING]: position for position, block in enumerate(blocks)}
    before: dict[int, tuple[HtmlElement, str]] = {}
    openings = _openings(tree, [stamp for stamp, _ in stamps])
    for stamp, text in stamps:
        if stamp not in openings:
            continue
        opening = spaced(element_text(openings[stamp])).strip()[:_OPENING]
        position = starts.get(opening)
        if position is not None and position not in before and text not in opening:
            before[position] = (stamp, text)
    if len(before) < MIN_ENTRIES:
        return blocks, ()
    out: list[Block] = []
    for position, block in enumerate(blocks):
        if position in before:
            out.append(Block(index=len(out), text=before[position][1]))
        out.append(replace(block, index=len(out)))
    return tuple(out), tuple(stamp for stamp, _ in before.values())


def _openings(tree: HtmlElement, stamps: list[HtmlElement]) -> dict[HtmlElement, HtmlElement]:
    """For each stamp, the first element after it in document order (not inside it) that may open an entry
    (``_TEXT_TAGS``) and holds text: XPath's ``following::*[...][normalize-space()][1]``, for all the stamps in
    one walk of the page instead of one walk each."""
    waiting = set(stamps)
    pending: list[HtmlElement] = []
    found: dict[HtmlElement, HtmlElement] = {}
    for element in tree.iter():
        if element in waiting:
            pending.append(element)
        elif pending and element.tag in _TEXT_TAGS and element_text(element).strip():
            ancestors = set(element.iterancestors())
            for stamp in pending:
                if stamp not in ancestors:  # what lies inside a stamp does not follow it
                    found[stamp] = element
            pending = [stamp for stamp in pending if stamp in ancestors]
    return found


def _is_stamp(text: str) -> bool:
    """A ``<time>`` text short enough for a stamp, with a digit in it (a time, a day)."""
    return bool(text) and len(text) <= MAX_STAMP and any(char.isdigit() for char in text)
