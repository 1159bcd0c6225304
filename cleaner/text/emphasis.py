"""Emphasis: Markdown's strong and emphasis markers read as the text they mark.

Converters that save pages as Markdown keep the page's bold and italics as ``**strong**`` and ``_emphasis_``
(or ``*emphasis*``).  The markers are markup, as an HTML page's ``<b>`` is: a byline in bold
(``Von **Anna Lima**``, ``_By Anna Lima_``) reads as no byline while they stand around its name, and they are
no words of the article.  Here each marked span becomes its text: ``**text**`` and ``__text__``, then
``*text*`` and ``_text_``, where the markers hug the text (no space inside them) and, for a single marker,
stand outside a word (``snake_case`` and ``2*3*4`` are no emphasis).  An escaped marker (``\\*``) marks nothing.

What it does NOT do: decide whether a text is Markdown (the pipeline asks ``cleaner.text.links``, and reads
emphasis only where it reads links), or read a marker whose span crosses a line; a list item's ``* `` marker
(a space after it) is the segmenter's.
"""

from __future__ import annotations

import re

STRONG_OPENER = re.compile(r"(\*\*|__)(?<![\\*_]..)(?=\S)")  # STRONG's opening marker, its literal first
STRONG_CLOSERS = {  # where each marker can close a span: right after a character that is no space or backslash
    "**": re.compile(r"\*(?<=[^\s\\]\*)(?=\*)"),
    "__": re.compile(r"_(?<=[^\s\\]_)(?=_)"),
}
EMPHASIS = re.compile(
    r"(?<![\w\\*])\*(?=[^\s*])([^*\n]*?[^\s\\*])\*(?![\w*])"  # *text*
    r"|(?<![\w\\_])_(?=[^\s_])([^_\n]*?[^\s\\_])_(?![\w_])"  # _text_
)


def read_emphasis(text: str) -> str:
    """``text`` with each strong or emphasised span read as its text (see the module doc)."""
    if "*" not in text and "_" not in text:
        return text
    text = _read_strong(text)
    return EMPHASIS.sub(lambda match: match.group(1) or match.group(2), text)


def _read_strong(text: str) -> str:
    """Each ``**text**`` or ``__text__`` span read as its text, in time linear in the text: what
    ``re.sub(r"(?<![\\\\*_])(\\*\\*|__)(?=\\S)([^\\n]*?[^\\s\\\\])\\1", r"\\2", text)`` gives (tests/test_emphasis.py).

    The pattern's lazy span searches the rest of the line for its closing marker from every opening one, so a
    line of openers with no closer (``__a __a __a ...``, 80 KB of it) took seconds for each ten thousand of
    them.  Here an opener takes the first closer of its marker (a marker right after a character that is no
    space or backslash) at least one character on, if it is on the same line: the pattern's own match.  Both
    searches only move forward (a later opener's closer and line end are never before an earlier one's), so
    each is remembered until an opener passes it.  The scan goes on after a match's closer, or one character
    past an opener without one, as ``re.sub`` does.
    """
    parts, done, position = [], 0, 0
    closer: dict[str, int] = {}  # per marker: the first closer at or after an earlier opener's (-1: none left)
    line_end = -1
    while opener := STRONG_OPENER.search(text, position):
        start, marker = opener.start(), opener.group(1)
        least = start + 3  # one character of text at least, then the closer
        known = closer.get(marker)
        if known is None or 0 <= known < least:
            found = STRONG_CLOSERS[marker].search(text, least)
            known = closer[marker] = found.start() if found else -1
        if line_end < start + 2:
            line_end = text.find("\n", start + 2) % (len(text) + 1)  # no newline left: the text's end
        if 0 <= known < line_end:
            parts += [text[done:start], text[start + 2 : known]]
            done = position = known + 2
        else:
            position = start + 1
    return "".join([*parts, text[done:]]) if parts else text
