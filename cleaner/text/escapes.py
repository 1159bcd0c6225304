"""Escapes: Markdown's backslash escapes read as the characters they stand for.

Converters that save pages as Markdown escape every character that could read as Markdown syntax: html2text
writes a day that opens a line as ``19\\. Dezember 2022`` (so that it is no numbered list item), both it and
markdownify escape asterisks and underscores inside words.  In Markdown (CommonMark) a backslash before any
ASCII punctuation character stands for that character.  Left in, the backslash hides a dateline from the date
readers and splits words.  Here each such escape becomes its character, except where ``cleaner.text.segment``
reads it: a backslash opening a line before one of its markers (``#``, ``*``, ``>``, ``-``, ``\\``), which
the segmenter reads as a paragraph starting with that character.

What it does NOT do: decide whether a text is Markdown (the pipeline asks ``cleaner.text.links``, and reads
escapes only where it reads links), or read escapes inside code spans, which page dumps rarely hold.
"""

from __future__ import annotations

import re

from cleaner.text.segment import ESCAPED_MARKER

# A backslash opening a line (after spaces) before one of the segmenter's markers (``ESCAPED_MARKER``), kept for
# the segmenter; or a backslash before any other ASCII punctuation character, read as that character.
ESCAPE = re.compile(rf"(?m)^( *{ESCAPED_MARKER.pattern})|\\([!-/:-@\[-`{{-~])")
PUNCTUATION = ESCAPE.groups  # the group of the escaped punctuation character: the last one


def read_escapes(text: str) -> str:
    """``text`` with each backslash escape read as its character (see the module doc)."""
    if "\\" not in text:
        return text
    return ESCAPE.sub(lambda match: match.group(1) or match.group(PUNCTUATION), text)
