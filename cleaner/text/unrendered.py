"""Unrendered text: a page's text taken from its markup without a renderer, parted where its elements met.

A scraper that takes a page's text straight from the markup (lxml's ``text_content()``, BeautifulSoup's
``get_text()`` with no separator) keeps the source's own whitespace and nothing else.  From minified
markup that is a few lines for the whole page, menus, article and footer run together.  Where one element
ended and the next began, the text shows either a run of spaces (or a tab) the markup held between them,
or a junction: a word's last letter, or a sentence's closing mark, straight against the capital of the
next element's first word ("...one hour agoFirst Forecast", "...the end.The next").  The text model judges
a page by its lines; a page in three lines gives it nothing to judge, so such a page used to be kept whole.

A renderer (a browser, inscriptis, an extractor) collapses runs of spaces inside a paragraph, and a
paragraph rarely runs to a thousand characters.  So a line of ``LONG_LINE`` or more characters (each run
counted as one space) with ``MIN_RUNS`` or more runs inside it is taken for unrendered text and parted at
its runs and, inside it, at its junctions: one part per line, as a dump made with a separator would have
them.  Markdown table rows (``|`` first) are left whole.  No bench dump of a kind the text model is trained
on (bs4 and inscriptis dumps, wrapped dumps, trafilatura's and readability's output) holds such a line.

What it does NOT do: part a line whose elements met with no space at all anywhere (junctions alone are no
sure sign: a few rendered dumps hold long lines of a script's source glued that way, and "iPhone" or
"McDonald" is one word), or decide anything about the parts.
"""

from __future__ import annotations

import re

LONG_LINE = 1000  # characters: longer than nearly every rendered paragraph
MIN_RUNS = 5  # runs of spaces inside it: elements met there, not words of one paragraph
RUN = re.compile(r"(?<=\S)(?:[ \t]{2,}|\t)(?=\S)")
# A lower-case letter or a sentence's closing mark, then a capital and two lower-case letters: a word starts
# there with no space before it.
JUNCTION = re.compile(r"(?<=[a-zß-öø-ÿ.!?…])(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2})")
TABLE_ROW = "|"


def part_unrendered(text: str, lines: list[str] | None = None) -> str:
    """``text`` with each unrendered line (see the module doc) parted at its runs of spaces and junctions (``text``
    itself when none is); ``lines``: ``text.split("\\n")``, when the caller has it."""
    if len(text) < LONG_LINE:
        return text
    lines = text.split("\n") if lines is None else lines
    if max(map(len, lines)) < LONG_LINE:  # most texts
        return text
    parted = [_parted(line) if len(line) >= LONG_LINE else line for line in lines]
    return text if parted == lines else "\n".join(parted)


def _parted(line: str) -> str:
    """The line parted at its runs and junctions, when it is ``LONG_LINE`` long with each run counted as one
    space (a table a renderer aligned with runs of spaces is not), holds ``MIN_RUNS`` or more runs, and is
    not a Markdown table row."""
    if line.lstrip().startswith(TABLE_ROW):
        return line
    parts = [part.strip() for part in RUN.split(line)]
    if len(parts) <= MIN_RUNS or sum(map(len, parts)) + len(parts) - 1 < LONG_LINE:
        return line
    return "\n".join(piece for part in parts for piece in JUNCTION.split(part))
