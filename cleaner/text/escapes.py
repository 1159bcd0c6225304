"""Escapes: Markdown's backslash escapes, read as the characters they stand for and written where needed.

In Markdown (CommonMark) a backslash before any ASCII punctuation character stands for that character, and
that character then marks nothing: ``\\*`` opens no emphasis, ``\\[`` no link.  Converters that save pages as
Markdown escape what could read as syntax (html2text writes a day that opens a line as ``19\\. Dezember
2022``, so that it is no numbered list item), and ``cleaner``'s own Markdown escapes whatever of an
article's text would read as syntax (``escape_markdown``), so that it reads back as the same text.

Reading (``read_escapes``): the other readers of Markdown (links, emphasis, headings) are given the text with
each escaped character hidden (as a private-use character no other reader matches), then each escape becomes
its character.  A backslash opening a line before one of ``cleaner.text.segment``'s markers (``#``, ``*``,
``>``, ``-``, ``\\``) is left for the segmenter, which reads it as a paragraph starting with that character.

What it does NOT do: decide whether a text is Markdown (the pipeline does), or read escapes inside code spans,
which page dumps rarely hold; entities (``&amp;``) are neither read nor written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cleaner.text.segment import ESCAPED_MARKER

# A backslash opening a line (after spaces) before one of the segmenter's markers (``ESCAPED_MARKER``), kept for
# the segmenter; or a backslash before any other ASCII punctuation character, read as that character.
PUNCTUATION = r"[!-/:-@\[-`{-~]"
ESCAPE = re.compile(rf"(?m)^( *{ESCAPED_MARKER.pattern})|\\({PUNCTUATION})")
CHARACTER = ESCAPE.groups  # the group of the escaped punctuation character: the last one
PRIVATE = 0xF0000  # planes 15 and 16: private use, where the hidden characters are put
BLOCK = 7  # the hidden characters take a block of 2**7 code points the text does not use
PRIVATE_TEXT = re.compile("[\U000f0000-\U0010ffff]")

# Writing: what would read as syntax.  Every ``*``, bracket and backtick; ``_`` unless inside a word (CommonMark
# reads no emphasis there, and names like ``snake_case`` stay as they are); ``<`` before what opens a tag or an
# autolink; a backslash before punctuation; the mark of a number or a ``+`` that opens the text as a list's would.
SYNTAX = re.compile(r"[*\[\]`]|(?<![^\W_])_|_(?![^\W_])|<(?=[A-Za-z/!?])|\\(?=" + PUNCTUATION + ")")
LIST_START = re.compile(r"(?:\d{1,9}[.)]|\+)(?= |$)")


def read_escapes(text: str, inner: Callable[[str], str] | None = None) -> str:
    """``text`` with each backslash escape read as its character (see the module doc).

    ``inner`` (the other readers of Markdown) reads the text first, the escaped characters hidden from it.
    """
    if "\\" not in text:
        return inner(text) if inner else text
    base = _free_block(text)
    hidden = ESCAPE.sub(lambda match: match.group(1) or chr(base + ord(match.group(CHARACTER))), text)
    read = inner(hidden) if inner else hidden
    return read.translate({base + code: code for code in range(0x21, 0x7F)})


def _free_block(text: str) -> int:
    """The first code point of a private-use block of which ``text`` holds no character (nearly always the first)."""
    if PRIVATE_TEXT.search(text) is None:
        return PRIVATE
    used = {ord(character) >> BLOCK for character in PRIVATE_TEXT.findall(text)}
    return next(block for block in range(PRIVATE >> BLOCK, 0x110000 >> BLOCK) if block not in used) << BLOCK


def escape_markdown(text: str) -> str:
    """``text`` with a backslash before each character that would read as Markdown syntax, so that
    ``read_escapes`` with the readers of links and emphasis gives ``text`` back (a marker opening a block
    is the writer's: ``cleaner.io.markdown``)."""
    escaped = SYNTAX.sub(lambda match: "\\" + match.group(), text)
    start = LIST_START.match(escaped)
    if start is None:
        return escaped
    mark = start.end() - 1  # the "." of "1." or the "+"
    return f"{escaped[:mark]}\\{escaped[mark:]}"
