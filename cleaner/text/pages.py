"""Pages: the running headers and footers of a text that marks its page breaks (a PDF's text).

pdftotext and the other PDF-to-text tools end each page with a form feed.  A short line that opens or closes
most of those pages, the same but for its numbers (``Annual Report 2023``, ``Page 3 of 12``, ``Annual Report
2023   7``, a bare ``12``), is the page's running header or footer: furniture of the printed page, not of the
article.  ``running_lines`` finds them in the text as it was given (before ``cleaner.text.decode.normalise``
makes each form feed a blank line); ``mark_running_lines`` removes the blocks that say them (rule
``pages.running-line``).

What it does not do: it finds nothing in a text without form feeds (a web page's dump repeats its menus, and
the text model weighs those), and it never reads a line in the middle of a page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from cleaner.model import Role, Verdict

RULE = "pages.running-line"
CATEGORY = "navigation"
LAYER = "pages"
MIN_PAGES = 3  # a running line is told by repetition: a text of two pages cannot tell it from a coincidence
EDGE_LINES = 2  # the lines at each end of a page where running headers and footers stand
MAX_WORDS = 12  # a running line is short
NUMBERS = re.compile(r"\d+")
SPACES = re.compile(r"\s+")


def line_key(line: str) -> str:
    """A line as the pages' running lines are compared: case-folded, its numbers and spaces each one mark."""
    return NUMBERS.sub("#", SPACES.sub(" ", line).strip().casefold())


def _edges(page: str) -> set[str]:
    """The keys of the short lines at either end of one page."""
    lines = [line for line in page.split("\n") if line.strip()]
    edge = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
    return {line_key(line) for line in edge if len(line.split()) <= MAX_WORDS}


def running_lines(text: str) -> frozenset[str]:
    """The keys (``line_key``) of the lines standing at an end of at least half the pages of ``text`` (pages
    parted by form feeds, at least ``MIN_PAGES``, an empty last one not counted); none without them."""
    if text.count("\f") < MIN_PAGES - 1:
        return frozenset()
    pages = [page for page in text.split("\f") if page.strip()]
    if len(pages) < MIN_PAGES:
        return frozenset()
    counts = Counter(key for page in pages for key in _edges(page))
    return frozenset(key for key, count in counts.items() if count * 2 >= len(pages) and count >= 2 and key)


def mark_running_lines(verdicts: Sequence[Verdict], running: Iterable[str]) -> list[Verdict]:
    """Each undecided block that says a running line of its pages (``running_lines``' keys), removed."""
    keys = frozenset(running)
    if not keys:
        return list(verdicts)
    return [
        verdict.decide(Role.FURNITURE, rule=RULE, category=CATEGORY, layer=LAYER)
        if not verdict.decided and line_key(verdict.block.text) in keys
        else verdict
        for verdict in verdicts
    ]
