"""Segment: plain text into blocks (paragraphs, and the few Markdown shapes we write).

Scraped text comes in three layouts, and all must give the same paragraphs:

* one paragraph per line, no blank lines (many extractors, and page dumps);
* paragraphs separated by blank lines;
* hard-wrapped paragraphs (lines broken at a fixed width), in the whole text or in a part of it.

A line is joined to the one before it only where the text was evidently wrapped (the whole text, or a
stretch of its lines: ``cleaner.text.wrapping.line_widths``), and then only when the previous line is
long and the next line's first word would not have fitted on it.
That test is what a wrapping program does, so headline lists and menus (short lines
whose next word would have fitted) are never glued together.

Where wrapped lines are joined, a word broken at a line's end by a hyphen is mended (``join_lines``), with no
space.  A line ending in a lower-case letter and a hyphen, the next line opening in lower case, is one word: it
loses the hyphen where the document writes it whole elsewhere (``exten-`` / ``sive``, ``extensive``), keeps it
where the document writes it hyphenated, and otherwise loses it only in typeset text (a PDF's, which ``typeset``
says: a typesetter hyphenates words, ``re-`` / ``pair``), since a wrapping program (``textwrap``, ``fmt``) breaks
a line only at a hyphen the word has (``four-`` / ``stroke``).  The part before a hyphenated compound
(``state-of-`` / ``the-art``), a capital before the hyphen (``PDF-`` / ``based``) or a capital or digit after it
(``EU-`` / ``Staaten``, ``COVID-`` / ``19``) make the hyphen the word's own: it stays.  Any other break is a
space.

A wrapping program cannot tell a short line from the start of a wrapped one, so the caller may pass
a ``cut`` that splits a joined paragraph again where a part of it reads as a line of its own (the
pipeline passes ``cleaner.metadata.wrapped.cut_points``: a byline, a dateline, the page's title).
Each block also records whether blank lines set it apart on its own (``Block.alone``).

The segmenter also reads the Markdown that ``cleaner`` itself writes (``#`` headings,
``-`` list items, ``>`` quotes, a backslash escaping a leading marker), so the canonical
form reads back into the same blocks; and ``escaped_line`` writes a block's text as a line it reads back
as that text (the plain text output's escape).  It does not decide what any block is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache

from cleaner.model import Block, Kind
from cleaner.text.wrapping import line_widths

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
# A line's last word broken after a letter by a hyphen (not a dash: the hyphen follows a letter or digit, and no
# second hyphen): ``before``, the letter or digit before it; ``part``, the word up to it.
HYPHEN_BREAK = re.compile(r"(?:^|(?<= ))(?P<part>[^ ]*?(?P<before>[^\W_]))-\Z")
WORDS = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
TRAILING = ".,;:!?)]»”\"'’"  # punctuation a word may end in
Cut = Callable[[Sequence[str], str], Sequence[int]]  # (a paragraph's lines, the first paragraph) -> where parts start


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


def _paragraph_lines(chunk: str, widths: Sequence[int | None] | None) -> list[list[str]]:
    """Split one blank-line-separated chunk into paragraphs, each the list of lines it was joined from
    (``widths``: the width each of the chunk's lines was wrapped at, or None, as ``line_widths`` gives them)."""
    if widths is None:
        return [[line] for line in (line.strip() for line in chunk.split("\n")) if line]
    lines = [(line.strip(), width) for line, width in zip(chunk.split("\n"), widths, strict=True)]
    lines = [(line, width) for line, width in lines if line]
    if not lines:
        return []
    paragraphs = [[lines[0][0]]]
    for (previous, before), (line, width) in itertools.pairwise(lines):
        if width is not None and width == before and _continues(previous, line, width):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


def join_lines(lines: Sequence[str], words: Callable[[], frozenset[str]], *, typeset: bool = False) -> str:
    """The lines of one wrapped paragraph as one line, each word broken at a line's end mended (the module's
    docstring says how); ``words``: the document's words, case-folded, hyphenated ones whole (asked only when a
    break is a lower-case word's); ``typeset``: the text's pages were set by a typesetter, which hyphenates words."""
    text = lines[0]
    for previous, line in itertools.pairwise(lines):
        broken = HYPHEN_BREAK.search(previous) if previous[-1:] == "-" else None
        if broken is None or not line[:1].isalnum():
            text = f"{text} {line}"
        elif broken["before"].islower() and line[:1].islower() and "-" not in broken["part"]:
            compound = f"{broken['part']}-{line.split(' ', 1)[0]}".casefold().rstrip(TRAILING)
            text = f"{text}{line}" if _keeps_hyphen(compound, words(), typeset) else f"{text[:-1]}{line}"
        else:
            text = f"{text}{line}"
    return text


def _keeps_hyphen(compound: str, words: frozenset[str], typeset: bool) -> bool:
    """Whether a lower-case word broken at a line's end by a hyphen (``compound``, case-folded, the hyphen in it)
    keeps it: not where the document writes the word whole elsewhere; yes where it writes it hyphenated; else only
    in text that was not typeset (a wrapping program breaks a line only at a hyphen the word has)."""
    if compound.replace("-", "") in words:
        return False
    return compound in words or not typeset


def _document_words(text: str) -> Callable[[], frozenset[str]]:
    """The words of ``text``, case-folded, a hyphenated compound as one word: read on the first call, once."""
    return cache(lambda: frozenset(word.casefold() for word in WORDS.findall(text)))


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """The blank-line-separated chunks of ``text``, each with the number of its first line."""
    start = first_line = 0
    for blank in BLANK_LINES.finditer(text):
        chunk = text[start : blank.start()]
        yield first_line, chunk
        first_line += chunk.count("\n") + blank.group().count("\n")
        start = blank.end()
    yield first_line, text[start:]


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


def escaped_line(text: str) -> str:
    """A block's text as a line of plain text that reads back as that text: with a backslash before it where its
    opening would read as a marker or an escape (``* Name changed``, ``- a dialogue``, ``# a comment``,
    ``>>> code``, ``\\*``), as the canonical Markdown form escapes it; any other text as it is."""
    return "\\" + text if text[:1] in MARKER_STARTS and _markdown_kind(text) != (Kind.PARAGRAPH, text) else text


def paragraph_texts(text: str, cut: Cut | None = None, lines: list[str] | None = None) -> list[str]:
    """The text of each block of normalised text, in reading order: ``segment``'s texts without ``Block``s
    (``lines``: ``text.split("\\n")``, when the caller has it).

    Text that was not hard-wrapped (nearly all) is read line by line: each line is a block, as ``_pieces``
    would give it (this is what site profiles count on every document of a corpus, so it is kept cheap).
    """
    lines = list(map(str.strip, text.split("\n") if lines is None else lines))
    widths = line_widths(lines)
    if widths is not None:
        return [body for _, body, _ in _pieces(text, cut, widths)]
    texts = [
        (_item(line) if line[1:2] == " " and line[0] in LIST_MARKERS else _block(line)[1])
        if line[0] in MARKER_STARTS or "  " in line
        else line
        for line in lines
        if line
    ]
    return [body for body in texts if body] if "" in texts else texts


def _item(line: str) -> str:
    """``_block(line)[1]`` of a stripped line that opens with "* " or "- ", the commonest marker in page dumps."""
    return line[2:] if not line[2].isspace() and "  " not in line else _block(line)[1]


def _block(text: str) -> tuple[Kind, str]:
    """A block's kind and text: its Markdown marker read off, each run of spaces made one."""
    kind, body = _markdown_kind(text)
    return kind, (SPACES.sub(" ", body) if "  " in body else body).strip()


def _pieces(
    text: str, cut: Cut | None, widths: Sequence[int | None] | None, typeset: bool = False
) -> list[tuple[Kind, str, bool]]:
    """The kind and text of each block, and whether it stood between blank lines by itself.

    In hard-wrapped text, ``cut`` may split a paragraph joined from several lines where a part of it
    stands alone (a wrapping program cannot tell a short line from the start of a wrapped one); it is
    given the paragraph's lines and the document's first paragraph, and answers where parts start.
    """
    found: list[tuple[Kind, str, bool]] = []
    first = ""
    words = _document_words(text)
    chunks = ((0, chunk) for chunk in BLANK_LINES.split(text)) if widths is None else _chunks(text)
    for first_line, chunk in chunks:
        in_chunk = _paragraph_lines(chunk, widths and widths[first_line : first_line + chunk.count("\n") + 1])
        for joined in in_chunk:
            parts = _cut(joined, cut, first)
            for lines in parts:
                kind, body = _block(join_lines(lines, words, typeset=typeset) if len(lines) > 1 else lines[0])
                if body:
                    found.append((kind, body, len(in_chunk) == 1 and len(parts) == 1))
                    first = first or body
    return found


def segment(text: str, cut: Cut | None = None, *, typeset: bool = False) -> list[Block]:
    """Split normalised text into blocks, numbered in reading order (``cut``: see ``_pieces``; ``typeset``: the
    text's pages were set by a typesetter, a PDF's text: words broken at a line's end by a hyphen lose it)."""
    widths = line_widths([line.strip() for line in text.split("\n")])
    return [
        Block(index, body, kind, 0.0, alone)
        for index, (kind, body, alone) in enumerate(_pieces(text, cut, widths, typeset))
    ]
