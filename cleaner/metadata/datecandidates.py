"""Date candidates: the dates that may be the article's publication date, and what describes each one.

The candidates are what the dateline and credit readers found (``cleaner.metadata.lines``), the
date a press release opens its first paragraph with, and any date a short line near the article's
start states.  Each is described (``DATE_FEATURES``) by where it came from, its label, how often the
page states the same day, and where the day stands among the page's other days.

What it does NOT do: it parses no date itself (``cleaner.metadata.dates`` does), does not choose the
date (``cleaner.metadata.choice`` does), and never edits a verdict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cleaner.metadata.candidatepage import Page, line_features
from cleaner.metadata.dates import dates_mentioned, lead_date, opening_date
from cleaner.metadata.lines import DATELINE_RULE, SOURCES, Candidate, names_publication
from cleaner.model import Role

LEAD_PARAGRAPHS = 3
PICTURE = frozenset({"caption", "image-slug"})  # the rules' categories of lines about a picture
DATES_BEFORE = 40  # dates stated in lines this close to the article's first body line
DATES_AFTER = 30
_YEARISH = re.compile(r"(?:19|20)\d\d|\d[./-]\d{1,2}[./-]\d\d")
LABELS = {"": 0, "published": 1, "updated": 2}


def date_rows(
    page: Page, found: Sequence[Candidate], day_first: bool | None, extracted: bool
) -> tuple[list[Candidate], list[list[float]]]:
    """The date candidates and their rows."""
    dates = [c for c in date_candidates(page, found, day_first) if not (extracted and c.source == "mention")]
    days = Counter(str(c.value)[:10] for c in dates)
    span = (min(days), max(days)) if days else ("", "")
    return (
        dates,
        [
            line_features(page, c.position) + _date_features(page, c, i, days, span, day_first)
            for i, c in enumerate(dates)
        ],
    )


def date_candidates(page: Page, found: Sequence[Candidate], day_first: bool | None) -> list[Candidate]:
    """The readers' dates, a lead paragraph's dateline, and the dates short lines state.

    A date its own line labels as an update ("Aktualisiert am 07.02.2024") is no publication date, and
    a date a photo caption states is when the picture was taken.  A dateline's dates are what the dateline reader
    gave: none for a period ("29 Jan 2014 - 17 Jul 2019", a web archive's capture span), whose days are no mention.
    """
    dated = [candidate for candidate in found if candidate.field == "date"]
    read = {candidate.position for candidate in dated}
    out = [candidate for candidate in dated if candidate.label != "updated"]
    for position in page.positions(Role.BODY)[:LEAD_PARAGRAPHS]:
        day = lead_date(page.verdicts[position].text, day_first=day_first)
        if day:
            out.append(Candidate("date", position, day, "lead", _label(page.verdicts[position].text)))
            read.add(position)
    for position in page.window(DATES_BEFORE, DATES_AFTER):
        verdict = page.verdicts[position]
        text = verdict.text
        if (
            position not in read
            and verdict.category not in PICTURE
            and verdict.rule != DATELINE_RULE
            and _YEARISH.search(text)
        ):
            label = _label(text)
            out.extend(
                Candidate("date", position, day, "mention", label) for day in dates_mentioned(text, day_first=day_first)
            )
    return sorted(out, key=lambda candidate: candidate.position)


def _label(text: str) -> str:
    """A stated date's label, as the dateline reader gives it: "published" when its line names the publication."""
    return "published" if names_publication(text) else ""


def _date_features(
    page: Page, candidate: Candidate, rank: int, days: Counter[str], span: tuple[str, str], day_first: bool | None
) -> list[float]:
    """The ``DATE_FEATURES`` of one candidate (``days``: how often the page states each day, ``span``: its
    earliest and latest)."""
    day = str(candidate.value)[:10]
    text = page.verdicts[candidate.position].text
    opens = candidate.source == "mention" and (opening_date(text, day_first=day_first) or "")[:10] == day
    return [
        float(opens),
        SOURCES[candidate.source],
        LABELS[candidate.label],
        min(days[day], 20),
        min(_days_between(day, span[1]), 3650),
        min(_days_between(span[0], day), 3650),
        min(rank, 50),
        float(len(str(candidate.value)) > 10),
        len(days),
    ]


DATE_FEATURES = (
    "opens_line",
    "source",
    "label",
    "same_day",
    "to_latest",
    "from_earliest",
    "rank",
    "has_time",
    "days_on_page",
)


def _days_between(earlier: str, later: str) -> int:
    """Days from one ISO date to another (ordinal arithmetic on the numbers, no calendar object).  A date at a
    month's or a year's precision (``2024-01``, ``2024``: a dateline "Published: January 2024") counts from the
    month's or the year's first day; until users55 it stopped the document ("not enough values to unpack")."""
    y1, m1, d1 = _numbers(earlier)
    y2, m2, d2 = _numbers(later)
    return (y2 - y1) * 372 + (m2 - m1) * 31 + (d2 - d1)


def _numbers(date: str) -> tuple[int, int, int]:
    """An ISO date's year, month and day, the month and day 1 where its precision leaves them out."""
    year, month, day = ([int(part) for part in date.split("-")] + [1, 1])[:3]
    return year, month, day
