"""Segment: plain text into blocks (paragraphs, and the few Markdown shapes we write).

Scraped text comes in three layouts, and all must give the same paragraphs:

* one paragraph per line, no blank lines (many extractors, and page dumps);
* paragraphs separated by blank lines;
* hard-wrapped paragraphs (lines broken at a fixed width).

A line is joined to the one before it only when the text was evidently wrapped: the
previous line is long and the next line's first word would not have fitted on it.
That test is what a wrapping program does, so headline lists and menus (short lines
whose next word would have fitted) are never glued together.

A wrapping program cannot tell a short line from the start of a wrapped one, so the caller may pass
a ``cut`` that splits a joined paragraph again where a part of it reads as a line of its own (the
pipeline passes ``cleaner.metadata.wrapped.cut_points``: a byline, a dateline, the page's title).
Each block also records whether blank lines set it apart on its own (``Block.alone``).

The segmenter also reads the Markdown that ``cleaner`` itself writes (``#`` headings,
``-`` list items, ``>`` quotes, a backslash escaping a leading marker), so the canonical
form reads back into the same blocks.  It does not decide what any block is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from cleaner.model import Block, Kind

# Widest line we still take for a hard-wrapped one; wider lines are whole paragraphs.
MAX_WRAP_WIDTH = 100
MIN_WRAP_WIDTH = 40
NEAR_WIDTH = 0.75  # a line this close to the width was filled by the wrapping program
NEAR_WIDTH_LINES = 0.4  # wrapped: this share of the lines are near the width, or ...
LONG_LINE = 0.75  # ... of the lines this long that another line follows,
BROKEN_SHARE = 0.6  # this share were broken where the next word would not have fitted,
MIN_LONG_LINES = 5  # and there are at least this many
OVERLONG_SHARE = 0.1  # wrapped text may hold a few lines no wrapping program broke (a long link, a table's row)
BLANK_LINES = re.compile(r"\n[ ]*\n+")
MARKDOWN = (
    (re.compile(r"#{1,6} +"), Kind.HEADING),
    (re.compile(r"[-*] +"), Kind.LIST_ITEM),
    (re.compile(r"> ?"), Kind.QUOTE),
)
ESCAPED_MARKER = re.compile(r"\\([#*>\\-])")
MARKER_STARTS = frozenset("#-*>\\")  # the first characters of every marker above: other lines skip the patterns
LIST_MARKERS = frozenset("-*")  # the first characters of a list item's marker, and of no other marker
SPACES = re.compile(r" {2,}")
Cut = Callable[[Sequence[str], str], Sequence[int]]  # (a paragraph's lines, the first paragraph) -> where parts start


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
    lines = [line if len(line) <= MAX_WRAP_WIDTH else "" for line in lines]
    lengths = [length for length in lengths if length <= MAX_WRAP_WIDTH]
    if len(lengths) < 3 or max(lengths) < MIN_WRAP_WIDTH:
        return None
    width = max(lengths)
    near_width = sum(1 for length in lengths if length >= width * NEAR_WIDTH)
    if near_width >= len(lengths) * NEAR_WIDTH_LINES:
        return width
    long_lines = broken = 0
    for previous, line in itertools.pairwise(lines):
        if line and len(previous) >= width * LONG_LINE:
            long_lines += 1
            broken += len(previous) + 1 + len(line.split(" ", 1)[0]) > width
    return width if long_lines >= MIN_LONG_LINES and broken >= long_lines * BROKEN_SHARE else None


def _continues(previous: str, line: str, width: int) -> bool:
    """Was ``line`` wrapped off ``previous``? If its first word could not have fitted, or
    if it goes on mid-sentence (starts in lower case) after a long line.  A line wider than the width
    (one the wrapping program left whole) neither continues nor is continued."""
    if not line or _markdown_kind(line)[0] is not Kind.PARAGRAPH:
        return False
    if not width * 0.6 <= len(previous) <= width or len(line) > width:
        return False
    first_word = line.split(" ", 1)[0]
    return len(previous) + 1 + len(first_word) > width or first_word[:1].islower()


def _paragraph_lines(chunk: str, width: int | None) -> list[list[str]]:
    """Split one blank-line-separated chunk into paragraphs, each the list of lines it was joined from."""
    lines = [line.strip() for line in chunk.split("\n")]
    lines = [line for line in lines if line]
    if width is None or not lines:
        return [[line] for line in lines]
    paragraphs = [[lines[0]]]
    for previous, line in itertools.pairwise(lines):
        if _continues(previous, line, width):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


def _cut(lines: list[str], cut: Cut | None, first: str) -> list[list[str]]:
    """The joined lines of one paragraph, cut where ``cut`` says a part stands alone (one part when it says nothing)."""
    if cut is None or len(lines) < 2:
        return [lines]
    ends = [end for end in cut(lines, first) if 0 < end < len(lines)]
    starts = [0, *sorted(set(ends))]
    return [lines[start:end] for start, end in zip(starts, [*starts[1:], len(lines)], strict=True)]


def _markdown_kind(line: str) -> tuple[Kind, str]:
    """The kind a Markdown marker gives a line, and the line without the marker."""
    if line[:1] not in MARKER_STARTS:
        return Kind.PARAGRAPH, line
    if line[1:2] == " " and line[0] in LIST_MARKERS and line[2:3] not in ("", " "):
        return Kind.LIST_ITEM, line[2:]  # "* item", the most common marker in page dumps: as MARKDOWN reads it
    for pattern, kind in MARKDOWN:
        marker = pattern.match(line)
        if marker and len(line) > marker.end():
            return kind, line[marker.end() :]
    if line.startswith("\\") and ESCAPED_MARKER.match(line):
        return Kind.PARAGRAPH, line[1:]
    return Kind.PARAGRAPH, line


def paragraph_texts(text: str, cut: Cut | None = None) -> list[str]:
    """The text of each block of normalised text, in reading order: ``segment``'s texts without ``Block``s.

    Text that was not hard-wrapped (nearly all) is read line by line: each line is a block, as ``_pieces``
    would give it (this is what site profiles count on every document of a corpus, so it is kept cheap).
    """
    lines = list(map(str.strip, text.split("\n")))
    width = wrap_width(lines)
    if width is not None:
        return [body for _, body, _ in _pieces(text, cut, width)]
    texts = [_block(line)[1] if line[0] in MARKER_STARTS or "  " in line else line for line in lines if line]
    return [body for body in texts if body] if "" in texts else texts


def _block(text: str) -> tuple[Kind, str]:
    """A block's kind and text: its Markdown marker read off, each run of spaces made one."""
    kind, body = _markdown_kind(text)
    return kind, (SPACES.sub(" ", body) if "  " in body else body).strip()


def _pieces(text: str, cut: Cut | None, width: int | None) -> list[tuple[Kind, str, bool]]:
    """The kind and text of each block, and whether it stood between blank lines by itself.

    In hard-wrapped text, ``cut`` may split a paragraph joined from several lines where a part of it
    stands alone (a wrapping program cannot tell a short line from the start of a wrapped one); it is
    given the paragraph's lines and the document's first paragraph, and answers where parts start.
    """
    found: list[tuple[Kind, str, bool]] = []
    first = ""
    for chunk in BLANK_LINES.split(text):
        in_chunk = _paragraph_lines(chunk, width)
        for joined in in_chunk:
            parts = _cut(joined, cut, first)
            for lines in parts:
                kind, body = _block(" ".join(lines))
                if body:
                    found.append((kind, body, len(in_chunk) == 1 and len(parts) == 1))
                    first = first or body
    return found


def segment(text: str, cut: Cut | None = None) -> list[Block]:
    """Split normalised text into blocks, numbered in reading order (``cut``: see ``_pieces``)."""
    width = wrap_width([line.strip() for line in text.split("\n")])
    return [
        Block(index=index, text=body, kind=kind, alone=alone)
        for index, (kind, body, alone) in enumerate(_pieces(text, cut, width))
    ]
