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

STRONG = re.compile(r"(?<![\\*_])(\*\*|__)(?=\S)([^\n]*?[^\s\\])\1")
EMPHASIS = re.compile(
    r"(?<![\w\\*])\*(?=[^\s*])([^*\n]*?[^\s\\*])\*(?![\w*])"  # *text*
    r"|(?<![\w\\_])_(?=[^\s_])([^_\n]*?[^\s\\_])_(?![\w_])"  # _text_
)


def read_emphasis(text: str) -> str:
    """``text`` with each strong or emphasised span read as its text (see the module doc)."""
    if "*" not in text and "_" not in text:
        return text
    text = STRONG.sub(lambda match: match.group(2), text)
    return EMPHASIS.sub(lambda match: match.group(1) or match.group(2), text)
