"""Wrapping: whether plain text was hard-wrapped, and at what width, for the whole text or for parts of it.

A wrapping program (``textwrap``, ``fmt``, a fixed-width renderer) breaks a line where the next word would
not fit, so wrapped text has no line longer than the width, and its long lines end where the next line's
first word would not have fitted.  ``wrap_width`` reads that evidence off a whole text; ``line_widths``
reads it off the runs of lines of a text that is not wrapped throughout (a wrapped article or e-mail inside
an unwrapped page dump, files of different widths one after the other), with the same thresholds.

It says only where lines were wrapped and at what width; which lines to join is ``cleaner.text.segment``'s.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable

# Widest line we still take for a hard-wrapped one; wider lines are whole paragraphs.
MAX_WRAP_WIDTH = 100
MIN_WRAP_WIDTH = 40
NEAR_WIDTH = 0.75  # a line this close to the width was filled by the wrapping program
NEAR_WIDTH_LINES = 0.4  # wrapped: this share of the lines are near the width, or ...
LONG_LINE = 0.75  # ... of the lines this long that another line follows,
BROKEN_SHARE = 0.6  # this share were broken where the next word would not have fitted,
MIN_LONG_LINES = 5  # and there are at least this many
OVERLONG_SHARE = 0.1  # wrapped text may hold a few lines no wrapping program broke (a long link, a table's row)
# A text not wrapped throughout: the widths its lines' breaks agree on most are tried in turn, and a stretch of
# lines no wider than one is wrapped when it holds the evidence above and (since its width is chosen to fit its
# lines, lists of headlines or menu items of about one length hold that evidence too) wrapped prose's: a width
# no narrower than REGION_WIDTH, and this share of the broken lines go on mid-sentence, with a word in lower case.
WIDTHS_TRIED = 4
REGION_WIDTH = 60
CONTINUED_SHARE = 0.5
TRAILING = ".,;:!?)]»”\"'’"  # punctuation a word may end in


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped document was wrapped at, or None when it was not wrapped.

    Wrapped text has no line longer than the width, and its long lines end where the next
    line's first word would not have fitted: either many lines lie near the width, or (in a
    wrapped page dump, where menus and links make most lines short) nearly every long line
    is followed by a word too long to fit after it.  A wrapping program leaves whole what it
    cannot break (a long link, a table's row): lines wider than ``MAX_WRAP_WIDTH`` may hold
    up to ``OVERLONG_SHARE`` of the characters, and the width is that of the other lines.  In
    text that was not wrapped the paragraphs are such lines, and hold most of its characters.
    """
    lengths = [len(line) for line in lines if line]
    if len(lengths) < 3:
        return None
    overlong = sum(length for length in lengths if length > MAX_WRAP_WIDTH)
    if overlong > sum(lengths) * OVERLONG_SHARE:
        return None
    lengths = [length for length in lengths if length <= MAX_WRAP_WIDTH]
    if len(lengths) < 3 or max(lengths) < MIN_WRAP_WIDTH:
        return None
    width = max(lengths)
    near_width = sum(1 for length in lengths if length >= width * NEAR_WIDTH)
    if near_width >= len(lengths) * NEAR_WIDTH_LINES:
        return width
    lines = [line if len(line) <= MAX_WRAP_WIDTH else "" for line in lines]
    return (
        width
        if _broken_at(((len(previous), line) for previous, line in itertools.pairwise(lines) if line), width)
        else None
    )


def _broken_at(pairs: Iterable[tuple[int, str]], width: int, continued: float = 0.0) -> bool:
    """Were these lines (none wider than ``width``) broken at ``width``?  ``pairs``: each line that follows
    another, with the length of the one before it.  At least ``MIN_LONG_LINES`` long lines that another line
    follows, ``BROKEN_SHARE`` of them followed by a word too long to fit after them, and ``continued`` of those
    by a word in lower case that goes on a sentence (``_goes_on``)."""
    long_lines = broken = lowered = 0
    for previous, line in pairs:
        if previous >= width * LONG_LINE:
            long_lines += 1
            head = line.split(" ", 1)[0]
            if previous + 1 + len(head) > width:
                broken += 1
                lowered += continued > 0 and _goes_on(head)
    return long_lines >= MIN_LONG_LINES and broken >= long_lines * BROKEN_SHARE and lowered >= broken * continued


def _goes_on(word: str) -> bool:
    """Does a sentence go on with this word: a word in lower case (not a link, an address, a file's name)?"""
    return word[:1].islower() and word.rstrip(TRAILING).replace("-", "").replace("'", "").replace("’", "").isalpha()


def line_widths(lines: list[str]) -> list[int | None] | None:
    """Per line, the width of the hard-wrapped text it lies in (None: not wrapped); None when no line is.

    Text wrapped throughout (``wrap_width``) has one width for every line.  Otherwise each stretch of lines
    no wider than a width the line breaks agree on (see ``_widths_by_breaks``) is taken for wrapped at its own
    widest line when it holds the evidence ``wrap_width`` asks of a wrapped page dump (``_broken_at``) and that
    of wrapped prose (``REGION_WIDTH``, ``CONTINUED_SHARE``): the paragraphs around it, whole lines wider than
    the width, and the other stretches are read line by line.
    """
    width = wrap_width(lines)
    if width is not None:
        return [width] * len(lines)
    lengths = list(map(len, lines))
    shortest = int(REGION_WIDTH * LONG_LINE)  # no shorter line is long in a stretch as wide as a region
    pairs = [
        (number, length, lines[number + 1])
        for number, length in enumerate(lengths[:-1])
        if shortest <= length <= MAX_WRAP_WIDTH and lengths[number + 1]
    ]
    widths: list[int | None] = [None] * len(lines)
    while True:  # then the widths the breaks of the lines left agree on (files of other widths)
        candidates = _widths_by_breaks([pair for pair in pairs if _goes_on(pair[2].split(" ", 1)[0])])
        if not [candidate for candidate in candidates if _mark(lengths, pairs, widths, candidate)]:
            break
        pairs = [pair for pair in pairs if widths[pair[0]] is None]
    return widths if any(widths) else None


Pairs = list[tuple[int, int, str]]  # (the number of a long line, its length, the line after it)


def _mark(lengths: list[int], pairs: Pairs, widths: list[int | None], candidate: int) -> bool:
    """Mark in ``widths`` each stretch of lines no wider than ``candidate`` that was wrapped; say if one was."""
    marked = False
    numbers = [number for number, _, _ in pairs]
    for start, end in _stretches(lengths, widths, candidate):
        found = max(lengths[start:end])
        within = pairs[bisect.bisect_left(numbers, start) : bisect.bisect_left(numbers, end - 1)]
        if found >= REGION_WIDTH and _broken_at(((length, line) for _, length, line in within), found, CONTINUED_SHARE):
            widths[start:end] = [found] * (end - start)
            marked = True
    return marked


def _widths_by_breaks(pairs: Pairs) -> list[int]:
    """The ``WIDTHS_TRIED`` widths most long lines could have been broken at, widest first (each agreed on by
    ``MIN_LONG_LINES * CONTINUED_SHARE`` lines or more; ``pairs``: those that go on in lower case): a long line
    followed by a word that would not fit after it could have been wrapped at any width from its own length to
    its length and that word's.  The widest first: a stretch of lines no wider than it holds the narrower ones'."""
    if len(pairs) < MIN_LONG_LINES * CONTINUED_SHARE:
        return []
    votes = [0] * (MAX_WRAP_WIDTH + 2)
    for _, length, line in pairs:
        narrowest = max(length, REGION_WIDTH)
        widest = min(length + len(line.split(" ", 1)[0]), int(length / LONG_LINE), MAX_WRAP_WIDTH)
        if narrowest <= widest:
            votes[narrowest] += 1
            votes[widest + 1] -= 1
    counts = list(itertools.accumulate(votes))
    best = sorted(range(REGION_WIDTH, MAX_WRAP_WIDTH + 1), key=lambda width: -counts[width])[:WIDTHS_TRIED]
    return sorted((width for width in best if counts[width] >= MIN_LONG_LINES * CONTINUED_SHARE), reverse=True)


def _stretches(lengths: list[int], widths: list[int | None], width: int) -> list[tuple[int, int]]:
    """The maximal runs (start, end) of lines no wider than ``width`` that no wrapped stretch holds yet."""
    walls = [number for number, length in enumerate(lengths) if length > width or widths[number] is not None]
    edges = zip([-1, *walls], [*walls, len(lengths)], strict=True)
    return [(before + 1, after) for before, after in edges if after > before + 1]
