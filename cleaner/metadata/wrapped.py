"""Wrapped lines: where a hard-wrapped paragraph took a headline, a byline or a dateline in with its neighbour.

A hard-wrapped text (lines broken at a fixed width) is read back by joining a line to the one
before it when its first word would not have fitted there (``cleaner.text.segment``).  A short line
that happens to follow a long one passes that test too: a headline takes in the site's name on the
next line, a byline the paragraph under it.  The segmenter cannot tell them apart; this module can,
because such a line reads as a whole metadata line of its own.  ``cut_points`` answers, for one
paragraph's joined lines, where parts start: at the edges of a part of one or two lines at its start
or its end that is a byline, a dateline, a credit line (names and a date), or that repeats the dump's
first line (the page's ``<title>``, whole or the longer side of a separator).  A part at the paragraph's end
that opens in lower case is cut out only where prose would not end: nothing closes it (no full stop, question
mark, quote or bracket), and it is a byline that opens with its byline word and names a person ("von Anna
Weber", "by Jane Doe") or opens with a weekday or a month name and is a dateline or a credit ("jeudi 13 juin
2019, par ...").

What it does NOT do: it decides nothing about the parts (the byline and dateline readers of
``cleaner.metadata.lines`` and the classifier do, as for any line), and it never cuts text that was
not joined by the segmenter: a paragraph on one line is never split.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.lexicon.calendar import fold, month_names, weekday_names
from cleaner.metadata.byline import BYLINE_PREFIX, parse_byline
from cleaner.metadata.credits import parse_credit
from cleaner.metadata.dates import find_dateline
from cleaner.metadata.titles import MIN_HEADLINE, TITLE_MAX_CHARS, confirming_keys, title_key

MAX_PART_LINES = 2  # a metadata line is seldom wider than two wrapped lines
MAX_PART_CHARS = 160  # the readers' own limit on a line
RUNS_ON = frozenset(",;:-–—|/([{&+")  # a line ending in one of these goes on in the next
CONTINUES = frozenset(").,;:!?]}%")  # a line opening with one of these goes on from the one before
PROSE_ENDS = frozenset(".,;:!?…)]}\"'»”’")  # prose ends with one of these; a byline or a dateline seldom does


def cut_points(lines: Sequence[str], first: str) -> list[int]:
    """Where the parts of one joined paragraph start (indices into ``lines``; none when it stays whole).

    ``first`` is the document's first paragraph (a page dump's ``<title>``), "" for the first paragraph
    itself.  (Were the first paragraph's own first line taken as the title where it took in the next
    line, a headline wrapped over two lines would be cut in half wherever it is repeated.)
    """
    count = len(lines)
    titles = confirming_keys([first]) if first and len(first) <= TITLE_MAX_CHARS else set()
    cuts: set[int] = set()
    for size in range(1, min(MAX_PART_LINES, count - 1) + 1):
        if _may_cut(lines, size) and _alone(" ".join(lines[:size]), titles):
            cuts.add(size)
        if _ends_alone(lines, count - size, titles):
            cuts.add(count - size)
    return sorted(cuts)


def _may_cut(lines: Sequence[str], at: int) -> bool:
    """Nothing says the text runs on over the break: the line before does not end in a mark that leads on
    (a comma, a dash, a separator, an open bracket) and the next does not open in lower case or with a
    mark that closes or continues (")", ".", ",")."""
    before, after = lines[at - 1], lines[at]
    return before[-1] not in RUNS_ON and not after[0].islower() and after[0] not in CONTINUES


def _ends_alone(lines: Sequence[str], at: int, titles: set[str]) -> bool:
    """The paragraph's end from ``at`` on reads as a line of its own (``_alone``); one opening in lower case
    only as ``_lower_case_end`` says."""
    part = " ".join(lines[at:])
    if _may_cut(lines, at):
        return _alone(part, titles)
    return lines[at][0].islower() and lines[at - 1][-1] not in RUNS_ON and _lower_case_end(part)


def _lower_case_end(part: str) -> bool:
    """A paragraph's end opening in lower case that prose would not be: nothing closes it, and it is a byline
    opened by its byline word that names a person, or it opens with a weekday or a month name and is a dateline
    or a credit.  Where a sentence runs on over the break ("... was written by Jane Doe."), a mark closes it."""
    if part[-1] in PROSE_ENDS or len(part) > MAX_PART_CHARS:
        return False
    if BYLINE_PREFIX.match(part):
        return bool(parse_byline(part))
    word = fold(part.split(maxsplit=1)[0].rstrip(",.")).casefold()
    return (word in weekday_names() or word in month_names()) and _metadata_line(part)


def _alone(part: str, titles: set[str]) -> bool:
    """The part reads as a line of its own: the page's title repeated, a byline, a dateline or a credit."""
    if len(part) > MAX_PART_CHARS:
        return False
    if titles:
        key = title_key(part)
        if len(key) >= MIN_HEADLINE and key in titles:
            return True
    return _metadata_line(part)


def _metadata_line(part: str) -> bool:
    if parse_byline(part) is not None or parse_credit(part) is not None:
        return True
    return find_dateline(part) is not None  # a period too (``NO_DATES``): a date line
