"""Metadata candidates: every line that may hold the article's title, date or authors, with its features.

A page dump holds the headline, the byline and the dateline somewhere among menus, teasers and
comments.  This module lists the lines that could hold each field and describes each one by
numbers a trained model can weigh (``cleaner.metadata.choice``):

* title: short lines around the start of the article (the article's first body line) and the
  dump's first lines;
* date: what the dateline and credit readers found (``cleaner.metadata.lines``), the date a press
  release opens its first paragraph with, and any date a short line states;
* authors: what the byline and credit readers found, lines right under each other read together,
  and lines made only of person names near the article's start.

Each candidate is described by where it stands (relative to the article's first body line, to the
bylines, datelines and zones' title), by its shape, and by what the readers said of it.  What every
field shares (the page's landmarks and a line's own features) is ``cleaner.metadata.candidatepage``;
each field's candidates and own features are its module: ``titlecandidates``, ``datecandidates``,
``authorcandidates``.  This module runs the three on a page and names the columns.  The readers run only
on the lines a field's candidates may come from (short lines, near the article's start), never on the
whole page.

What it does NOT do: it decides nothing (``choice`` does), parses no name or date itself (the
readers do) and never edits a verdict.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.metadata.authorcandidates import AUTHOR_FEATURES, author_candidates, author_rows
from cleaner.metadata.candidatepage import LINE_FEATURES, Page
from cleaner.metadata.datecandidates import DATE_FEATURES, date_rows
from cleaner.metadata.lines import Candidate
from cleaner.metadata.titlecandidates import TITLE_FEATURES, title_rows
from cleaner.model import Verdict

FIELDS = ("title", "date", "authors")
TEXT_ONLY = frozenset({"names", "labelled", "short"})  # author sources an HTML page's own metadata stands for
MARKED_SOURCES = frozenset({"names", "short"})  # author sources whose line the choice marks as a byline
FEATURES = {
    "title": LINE_FEATURES + TITLE_FEATURES,
    "date": LINE_FEATURES + DATE_FEATURES,
    "authors": LINE_FEATURES + AUTHOR_FEATURES,
}


def candidates(
    verdicts: Sequence[Verdict],
    found: Sequence[Candidate],
    *,
    day_first: bool | None,
    extracted: bool = False,
    titles: bool = True,
    values: bool = True,
) -> dict[str, tuple[list[Candidate], list[list[float]]]]:
    """Every field's candidates and their feature rows (``FEATURES[field]`` names the columns).

    ``extracted`` blocks (an HTML page's main content, whose page states its own metadata) offer
    only what the readers marked and a press release's lead dateline: dates its prose mentions and
    bare name lines are left to the page's own metadata and to htmldate.  Without ``titles`` the title
    field offers nothing (a caller that keeps the page's own title need not measure its lines).
    Without ``values`` only what a choice would mark on the lines is measured, for a caller that wants
    the marked lines and not the values: the date field offers nothing, and the authors field offers
    its candidates only when one of them is a line that choosing it marks (``MARKED_SOURCES``).
    """
    page = Page(verdicts)
    out: dict[str, tuple[list[Candidate], list[list[float]]]] = {}
    out["title"] = title_rows(page) if titles else ([], [])
    out["date"] = date_rows(page, found, day_first, extracted) if values else ([], [])
    authors = [c for c in author_candidates(page, found) if not (extracted and c.source in TEXT_ONLY)]
    if values or any(c.source in MARKED_SOURCES for c in authors):
        out["authors"] = author_rows(page, authors)
    else:
        out["authors"] = ([], [])
    return out
