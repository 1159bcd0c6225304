"""Date tokens: the scanner that reads a short line as a sequence of dateline tokens.

What this layer does:

- ``scan(text, day_first)`` reads a short line left to right and returns the dates in it, each with
  its label (published or updated), its day (or month), and the time and zone that go with it;
  None unless every part of the line is a dateline token: a date, a time, a zone, a label word
  (Published, Aktualisiert, Mis à jour...), a weekday, a filler word (on, am, le, de, Uhr), a
  reading time, a separator, or a place name opening the line.
- ``scan_before_categories`` does the same behind blog categories ("24. April 2020 | Wohnen").
- ``iso_day``, ``iso_time`` and ``zone_offset`` build ISO 8601 parts from numbers, for the scanner
  and for ``cleaner.metadata.dates.normalise_date``; ``YEAR_MIN``/``YEAR_MAX`` bound plausible years.

The tokens it reads (month and weekday names from dateparser's locale data, zones, label and
filler words) and their patterns are ``cleaner.metadata.datewords``; they are matched with plain anchored
regular expressions, so a line is scanned once, left to right, with no nested quantifiers.

What it does NOT do: it holds no word lists (``cleaner.metadata.datewords`` does), does not bound the
length of a line (``cleaner.metadata.dates`` refuses long lines before calling it), does not decide which
date is published and which updated when no label says (``find_dateline`` does), does not read
machine dates from metadata (``normalise_date``), and never guesses an ambiguous slash date such
as ``01/06/2024`` unless told ``day_first`` or given a hint (a non-English dateline word on the
line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cleaner.metadata.datewords import (
    BYLINE_WORDS,
    DATE_PATTERNS,
    DAY_FIRST_HINT,
    PLACE,
    PUBLISHED_WORDS,
    READING,
    SEPARATORS,
    TIME,
    UPDATED_WORDS,
    WORD,
    ZONE,
    ZONES,
    known_prefix,
    month_names,
)

YEAR_MIN, YEAR_MAX = 1990, 2100
"""Years outside this range are page furniture (copyright lines, slugs), not publication dates."""


def iso_day(year: int, month: int, day: int) -> str | None:
    """The ISO day, or None for impossible dates and years outside YEAR_MIN..YEAR_MAX."""
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_time(hour: int, minute: int, second: int, meridiem: str | None) -> str | None:
    """HH:MM:SS from a clock reading, converting 12-hour readings; None if impossible."""
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return f"{hour:02d}:{minute:02d}:{second:02d}"


def zone_offset(text: str) -> str | None:
    """'+0100', '+01', '-05:00', 'Z', 'GMT', 'CET' -> '+HH:MM' (None if not an offset we know)."""
    if text in ZONES:
        return ZONES[text]
    match = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text)
    if not match or int(match[2]) > 14 or int(match[3] or 0) > 59:
        return None
    return f"{match[1]}{int(match[2]):02d}:{int(match[3] or 0):02d}"  # ASCII digits, whatever digits were read


@dataclass(slots=True)
class Found:
    """One date met while scanning a line: mutable while the scan runs (a time or zone read after
    the date completes it), only read afterwards."""

    label: str | None
    day: str
    clock: str | None = None
    offset: str | None = None

    def iso(self) -> str:
        if self.clock is None or len(self.day) < 10:
            return self.day
        return f"{self.day}T{self.clock}{self.offset or ''}"


class _Scanner:
    """Reads a short line left to right; each step must consume a dateline token or the scan fails.

    Every step is an anchored match of a pattern without nested quantifiers, so the cost is linear
    in the (already bounded) length of the line.
    """

    def __init__(self, text: str, day_first: bool | None) -> None:
        self.text = text
        self.day_first = day_first
        self.pos = 0
        self.found: list[Found] = []
        self.label: str | None = None
        self.pending: tuple[str, str | None] | None = None  # a time met before its date
        self.clock_owner: Found | None = None

    def run(self) -> list[Found] | None:
        steps = (self._zone, self._separator, self._date, self._reading, self._time, self._word, self._place)
        while self.pos < len(self.text):
            for step in steps:
                result = step()
                if result is False:
                    return None  # a date-shaped token that is not a valid date
                if result:
                    break
            else:
                return None
        return self.found

    def _match(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = pattern.match(self.text, self.pos)
        if match and match.end() > self.pos:
            self.pos = match.end()
            return match
        return None

    def _separator(self) -> bool | None:
        return True if self._match(SEPARATORS) else None

    def _reading(self) -> bool | None:
        return True if self._match(READING) else None

    def _date(self) -> bool | None:
        for pattern in DATE_PATTERNS:
            match = pattern.match(self.text, self.pos)
            if match:
                day = _day_of(match, self.day_first)
                if day is None:
                    return False
                self.pos = match.end()
                item = Found(self.label, day)
                self.label = None
                if self.pending:
                    item.clock, item.offset = self.pending
                    self.pending = None
                self.found.append(item)
                self.clock_owner = item if item.clock else None
                return True
        return None

    def _time(self) -> bool | None:
        match = TIME.match(self.text, self.pos)
        minutes = match["M"] or match["MK"] if match else None
        if not match or (minutes is None and not match["ap"] and not match["JP"] and not self._hour_word(match.end())):
            return None
        clock = iso_time(int(match["H"]), int(minutes or 0), int(match["S"] or 0), match["ap"])
        if clock is None:
            return False
        self.pos = match.end()
        last = self.found[-1] if self.found else None
        if last is not None and last.clock is None and self.pending is None:
            last.clock = clock
            self.clock_owner = last
        else:
            self.pending = (clock, None)
            self.clock_owner = None
        return True

    def _hour_word(self, end: int) -> bool:
        """'14 Uhr', '14 h': an hour without minutes is a time only with its word (14時 holds it)."""
        return re.match(r"\s*(?:uhr|h)(?![^\W\d_])", self.text[end : end + 6], re.IGNORECASE) is not None

    def _zone(self) -> bool | None:
        match = ZONE.match(self.text, self.pos)
        if not match:
            return None
        offset = zone_offset(match["uoff"] or match["off"] or match["abbr"])
        if offset is None:
            return False
        self.pos = match.end()
        if self.clock_owner is not None and self.clock_owner.offset is None:
            self.clock_owner.offset = offset
        elif self.pending is not None:
            self.pending = (self.pending[0], offset)
        return True

    def _word(self) -> bool | None:
        match = WORD.match(self.text, self.pos)
        if not match:
            return None
        word = known_prefix(match.group())
        if word is None:
            return None
        lower = word.lower()
        if lower in PUBLISHED_WORDS:
            self.label = "published"
        elif lower in UPDATED_WORDS:
            self.label = "updated"
        self.pos += len(word)
        return True

    def _place(self) -> bool | None:
        """A place name may open the line: one capitalised word, or up to three in capitals."""
        if self.pos != 0:
            return None
        match = PLACE.match(self.text)
        if not match:
            return None
        words = re.split(r"[ -]", match.group())
        if (len(words) == 1 and words[0][:1].isupper()) or all(w.isupper() and len(w) > 1 for w in words):
            self.pos = match.end()
            return True
        return None


def _day_of(match: re.Match[str], day_first: bool | None) -> str | None:
    """The ISO day (or month) a date pattern matched, None if impossible or ambiguous."""
    groups = match.groupdict()
    year = int(groups["y"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    if groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        if first <= 12 and second <= 12 and first != second and day_first is None:
            return None  # 01/06/2024: US or European? Refuse to guess.
        month_first = second > 12 or (first <= 12 and day_first is False)
        month, day = (first, second) if month_first else (second, first)
        return iso_day(year, month, day)
    month = month_names()[groups["mn"].lower()] if groups.get("mn") else int(groups["m"])
    if groups.get("d") is None:
        return f"{year:04d}-{month:02d}" if YEAR_MIN <= year <= YEAR_MAX else None
    return iso_day(year, month, int(groups["d"]))


def scan(text: str, day_first: bool | None) -> list[Found] | None:
    """The dates of a line made only of dateline tokens, else None."""
    if not text or not _DIGIT.search(text):
        return None
    if day_first is None and DAY_FIRST_HINT.search(text):
        day_first = True
    return _Scanner(text, day_first).run()


def scan_before_categories(text: str, day_first: bool | None) -> list[Found] | None:
    """Blog templates put categories after the date: "24. April 2020 | Pressemitteilungen".

    Up to two trailing '|' segments of at most three words and no digits are dropped, and only
    behind a line that is a dateline without them.
    """
    parts = text.split("|")
    for keep in range(len(parts) - 1, max(0, len(parts) - 3), -1):
        tail = parts[keep:]
        if not all(_is_category(part) for part in tail):
            return None
        found = scan("|".join(parts[:keep]).strip(), day_first)
        if found:
            return found
    return None


def _is_category(part: str) -> bool:
    """A short label without digits that is not a byline ("von Jona Göbelbecker" names an author)."""
    words = part.split()
    return 0 < len(words) <= 3 and len(part) <= 40 and not _DIGIT.search(part) and words[0].lower() not in BYLINE_WORDS


_DIGIT = re.compile(r"\d")


def days_in(text: str, day_first: bool | None) -> list[str]:
    """The ISO days of every date expression anywhere in the text, in order (prose and teasers too).

    Unlike ``scan`` the rest of the text may be anything: a candidate list for a reader that
    decides from the line's place which date is the article's.  Month-only dates are left out.
    """
    if not _DIGIT.search(text):
        return []
    if day_first is None and DAY_FIRST_HINT.search(text):
        day_first = True
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for low, high in _around_years(text):  # a date holds a year: search only around one
        for pattern in DATE_PATTERNS[:-1]:
            for match in pattern.finditer(text, low, high):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                day = _day_of(match, day_first)
                if day and len(day) == 10:
                    found.append((match.start(), day))
                    taken.append(match.span())
    return [day for _, day in sorted(found)]


_YEARISH = re.compile(r"\d\d\d\d|\d[./-]\d\d?[./-]\d\d")
DATE_REACH = 32  # a date's text reaches this far before its year ("Wednesday, 12th of September 2024")


def _around_years(text: str) -> list[tuple[int, int]]:
    """The stretches of text around its years (a four-digit year, or a short one after day and month), merged."""
    spans: list[tuple[int, int]] = []
    for match in _YEARISH.finditer(text):
        low, high = max(0, match.start() - DATE_REACH), min(len(text), match.end() + 8)
        if spans and low <= spans[-1][1]:
            spans[-1] = (spans[-1][0], high)
        else:
            spans.append((low, high))
    return spans
