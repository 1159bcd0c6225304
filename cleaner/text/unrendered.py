"""Unrendered text: a page's text taken from its markup without a renderer, parted where its elements met.

A scraper that takes a page's text straight from the markup (lxml's ``text_content()``, BeautifulSoup's
``get_text()`` with no separator) keeps the source's own whitespace and nothing else.  From minified
markup that is a few lines for the whole page, menus, article and footer run together, and the only
trace of where one element ended and the next began is a run of spaces (or a tab) the markup held
between them.  The text model judges a page by its lines; a page in three lines gives it nothing to
judge, so such a page used to be kept whole.

A renderer (a browser, inscriptis, an extractor) collapses runs of spaces inside a paragraph, and a
paragraph rarely runs to a thousand characters.  So a line of ``LONG_LINE`` or more characters (each run
counted as one space) with ``MIN_RUNS`` or more runs inside it is taken for unrendered text and parted at
its runs, one part per line, as a dump made with a separator would have them.  Markdown table rows (``|``
first) are left whole.  No bench dump of a kind the text model is trained on (bs4 and inscriptis dumps,
wrapped dumps, trafilatura's and readability's output) holds such a line.

What it does NOT do: part text run together with no space at all (a menu whose items met with none stays
one line, which the model reads as one), or decide anything about the parts.
"""

from __future__ import annotations

import re

LONG_LINE = 1000  # characters: longer than nearly every rendered paragraph
MIN_RUNS = 5  # runs of spaces inside it: elements met there, not words of one paragraph
RUN = re.compile(r"(?<=\S)(?:[ \t]{2,}|\t)(?=\S)")
TABLE_ROW = "|"


def part_unrendered(text: str) -> str:
    """``text`` with each unrendered line (see the module doc) parted at its runs of spaces."""
    if len(text) < LONG_LINE:
        return text
    lines = text.split("\n")
    parted = [_parted(line) if len(line) >= LONG_LINE else line for line in lines]
    return text if parted == lines else "\n".join(parted)


def _parted(line: str) -> str:
    """The line parted at its runs, when it has ``MIN_RUNS`` or more, is ``LONG_LINE`` long without them (a
    table a renderer aligned with runs of spaces is not) and is not a Markdown table row."""
    if line.lstrip().startswith(TABLE_ROW):
        return line
    parts = [part.strip() for part in RUN.split(line)]
    if len(parts) <= MIN_RUNS or sum(map(len, parts)) + len(parts) - 1 < LONG_LINE:
        return line
    return "\n".join(parts)
