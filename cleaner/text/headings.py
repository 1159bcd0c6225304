"""Headings: Markdown's underlined (setext) headings read as the ``#`` headings the segmenter knows.

Markdown writes a heading two ways: ``# Title`` on one line (ATX), or the title on a line of its own
with a line of ``=`` (a first-level heading) or ``-`` (a second-level one) under it (setext).  Converters
that save whole pages as Markdown use both: html2text writes ``#``, markdownify underlines by default.
``cleaner.text.segment`` reads ``#`` headings only; read as plain text, an underlined title is a line like
any other and its underline a block of its own, so the headline gets no heading cue.  Here each
underlined heading becomes the ``#`` heading it means, and its underline goes.

A heading is a line of text on its own (after a blank line, or first in the text) that opens with no
Markdown marker, straight above an underline: up to three spaces, then ``MIN_UNDERLINE`` or more ``=`` or
``-`` and nothing else.  Where a paragraph of several lines stands over the underline (CommonMark makes the
whole paragraph the heading), the text is left as it is.

What it does NOT do: decide whether a text is Markdown (the pipeline asks ``cleaner.text.links``, and reads
underlined headings only where it reads links), or read any other Markdown.
"""

from __future__ import annotations

import re

MIN_UNDERLINE = 2  # a single "-" under a line reads as an empty list item as well
UNDERLINE = re.compile(rf"[ ]{{0,3}}(?:={{{MIN_UNDERLINE},}}|-{{{MIN_UNDERLINE},}})[ \t]*")
ANY_UNDERLINE = re.compile(r"^" + UNDERLINE.pattern + r"$", re.M)
MARKERS = tuple("#>*-+|=`")  # a line opening with one of these is not a plain line of text (or is an underline)


def hash_headings(text: str) -> str:
    """``text`` with each underlined heading written as a ``#`` heading (see the module doc)."""
    if ANY_UNDERLINE.search(text) is None:  # nearly every text: one scan
        return text
    lines: list[str] = []
    for line in text.split("\n"):
        if UNDERLINE.fullmatch(line) and _heads(lines):
            lines[-1] = ("# " if line.strip()[0] == "=" else "## ") + lines[-1].strip()
        else:
            lines.append(line)
    return "\n".join(lines)


def _heads(before: list[str]) -> bool:
    """Whether the last of ``before`` is a line of text on its own that an underline makes a heading."""
    if not before:
        return False
    title = before[-1].strip()
    on_its_own = len(before) == 1 or not before[-2].strip()
    return bool(title) and on_its_own and not title.startswith(MARKERS)
