"""Date tokens: the scanner that reads a short line as a sequence of dateline tokens.

What this layer does:

- ``scan(text, day_first)`` reads a short line left to right and returns the dates in it, each with
  its label (published or updated), its day (or month), and the time and zone that go with it;
  None unless every part of the line is a dateline token: a date, a time, a zone, a label word
  (Published, Aktualisiert, Mis à jour...), a weekday, a filler word (on, am, le, de, Uhr), a
  reading time, a separator, or a place name opening the line.
- ``scan_before_categories`` does the same behind blog categories ("24. April 2020 | Wohnen").
- ``iso_day``, ``iso_time`` and ``zone_offset`` build ISO 8601 parts from numbers, for the scanner
  and for ``cleaner.dates.normalise_date``; ``YEAR_MIN``/``YEAR_MAX`` bound plausible years.

Month and weekday names come from dateparser's locale data (many languages) and are matched with
plain anchored regular expressions, so a line is scanned once, left to right, with no nested
quantifiers.

What it does NOT do: it does not bound the length of a line (``cleaner.dates`` refuses long lines
before calling it), does not decide which date is published and which updated when no label says
(``find_dateline`` does), does not read machine dates from metadata (``normalise_date``), and never
guesses an ambiguous slash date such as ``01/06/2024`` unless told ``day_first`` or given a hint
(a non-English dateline word on the line).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

from dateparser.languages.loader import default_loader

YEAR_MIN, YEAR_MAX = 1990, 2100
"""Years outside this range are page furniture (copyright lines, slugs), not publication dates."""

_LOCALES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "cs", "ro", "hu", "fi", "tr", "ru")
_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@cache
def _month_names() -> dict[str, int]:
    """Month name -> number, from dateparser's locales.

    Names shorter than three letters and Roman numerals are dropped (too ambiguous), and so is any
    name that means different months in different languages.
    """
    seen: dict[str, set[int]] = {}
    for code in _LOCALES:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info.get(key, ()):
                name = name.lower().rstrip(".")
                if len(name) >= 3 and name.isalpha() and not re.fullmatch(r"[ivxlc]+", name):
                    seen.setdefault(name, set()).add(number)
                    seen.setdefault(_fold(name), set()).add(number)  # "fevrier", "marz": typed without accents
    return {name: numbers.pop() for name, numbers in seen.items() if len(numbers) == 1}


@cache
def _weekday_names() -> frozenset[str]:
    """Weekday names and abbreviations in every locale we read: dateline furniture only."""
    names: set[str] = set()
    for code in _LOCALES:
        info = default_loader.get_locale(code).info
        for key in _WEEKDAY_KEYS:
            names.update(name.lower().rstrip(".") for name in info.get(key, ()) if name.rstrip(".").isalpha())
    return frozenset(names | {_fold(name) for name in names})


def _fold(text: str) -> str:
    """'février' -> 'fevrier': pages drop accents often enough to be worth matching."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


_LETTER = r"[^\W\d_]"
_MONTH = (
    r"(?P<mn>"
    + "|".join(re.escape(name) for name in sorted(_month_names(), key=len, reverse=True))
    + rf")(?!{_LETTER})\.?"
)
_END = r"(?!\d)"
# A four-digit year; WordPress glues the published and updated dates ("19. Dezember 202219. Dezember
# 2022") and some sites glue the time ("4 de mayo de 202200:00 hs"), so a year may touch a day or hour.
_YEAR4 = r"\d{4}(?:(?!\d)|(?=[0-3]?\d[.:h\s]))"
_DATE_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # 2024-01-06, 2024/01/06, 2024.01.06
        rf"(?P<y>\d{{4}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}}){_END}",
        # 06.01.2024, 6.1.24, 06-01-2024: day first
        rf"(?P<d>\d{{1,2}})(?P<sep>[.-])\s?(?P<m>\d{{1,2}})(?P=sep)\s?(?P<y>{_YEAR4}|\d{{2}}(?!\d))",
        # 01/06/2024: resolved only when one part is > 12
        rf"(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR4})",
        # 6 January 2024, 6. Januar 2024, 6 de enero de 2024, 1er janvier 2024, 6th of January, 2024
        rf"(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th|er|º|°)?\s*(?:de\s+|of\s+)?{_MONTH},?\s*(?:de\s+|del\s+)?"
        rf"(?P<y>{_YEAR4})",
        # January 6, 2024; Jan. 6th 2024
        rf"{_MONTH}\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>{_YEAR4})",
        # January 2024, enero de 2024: month precision
        rf"{_MONTH},?\s*(?:de\s+)?(?P<y>{_YEAR4})",
    )
)
_TIME = re.compile(
    r"T?(?P<H>\d{1,2})(?:[:.h](?P<M>\d{2})(?:[:.](?P<S>\d{2})(?:[.,]\d{1,9})?)?)?"
    rf"(?:\s*(?P<ap>[ap])\.?\s?m(?!{_LETTER})\.?)?(?!\d)",
    re.IGNORECASE,
)
_ZONES = {
    "Z": "+00:00",
    "UTC": "+00:00",
    "GMT": "+00:00",
    "WET": "+00:00",
    "BST": "+01:00",
    "CET": "+01:00",
    "MEZ": "+01:00",
    "CEST": "+02:00",
    "MESZ": "+02:00",
    "EET": "+02:00",
    "EEST": "+03:00",
    "EST": "-05:00",
    "EDT": "-04:00",
    "CST": "-06:00",
    "CDT": "-05:00",
    "MST": "-07:00",
    "MDT": "-06:00",
    "PST": "-08:00",
    "PDT": "-07:00",
}
_ZONE = re.compile(
    r"(?P<off>[+-]\d{2}(?::?\d{2})?(?!\d))|(?P<utc>UTC|GMT)\s?(?P<uoff>[+-]\d{1,2}(?::?\d{2})?)(?!\d)"
    rf"|(?P<abbr>{'|'.join(sorted(_ZONES, key=len, reverse=True))})(?!{_LETTER})"
)
_READING = re.compile(rf"\d{{1,3}}\s*(?:min(?:ute|uto|uti)?s?|minuten)(?!{_LETTER})\.?", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,;:|·•/@()\[\]*.\-–—]+")
_WORD = re.compile(rf"{_LETTER}+")
_PLACE = re.compile(rf"{_LETTER}+(?:[ -]{_LETTER}+){{0,2}}(?=\s*[,–—-]|\s+\d)")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PUBLISHED_WORDS = _wordset(
    "published posted veröffentlicht erschienen erstellt publié publiée paru publicado publicada pubblicato "
    "gepubliceerd created veröffentlichung publication publicación pubblicazione publikacja opublikowano "
    "publikováno publicerad publiceret publisert julkaistu"
)
_UPDATED_WORDS = _wordset(
    "updated update modified revised aktualisiert aktualisierung geändert stand jour modifié modifiée actualizado "
    "actualizada actualización aggiornato aggiornamento bijgewerkt atualizado atualizada atualização aktualizacja "
    "zaktualizowano aktualizováno uppdaterad opdateret oppdatert päivitetty"
)
_FILLER_WORDS = _wordset(
    "on at am um le la à a las el de del the of du den op om alle il ore uhr h read reading lesezeit lesedauer "
    "lecture lectura lettura temps tiempo time di min mins minutes minuten minutos last first originally mis mise "
    "zuletzt zuerst ursprünglich date datum fecha and und et y e local pt ct letzte dernière última ultima ultimo hs "
    "horas heures vom d etwa ca ist hkt em"
)


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
    if text in _ZONES:
        return _ZONES[text]
    match = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text)
    if not match or int(match[2]) > 14 or int(match[3] or 0) > 59:
        return None
    return f"{match[1]}{int(match[2]):02d}:{match[3] or '00'}"


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
        return True if self._match(_SEPARATORS) else None

    def _reading(self) -> bool | None:
        return True if self._match(_READING) else None

    def _date(self) -> bool | None:
        for pattern in _DATE_PATTERNS:
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
        match = _TIME.match(self.text, self.pos)
        if not match or (match["M"] is None and match["ap"] is None and not self._hour_word(match.end())):
            return None
        clock = iso_time(int(match["H"]), int(match["M"] or 0), int(match["S"] or 0), match["ap"])
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
        """'14 Uhr', '14 h': an hour without minutes is a time only with its word."""
        return re.match(r"\s*(?:uhr|h)(?![^\W\d_])", self.text[end : end + 6], re.IGNORECASE) is not None

    def _zone(self) -> bool | None:
        match = _ZONE.match(self.text, self.pos)
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
        match = _WORD.match(self.text, self.pos)
        if not match:
            return None
        word = _known_prefix(match.group())
        if word is None:
            return None
        lower = word.lower()
        if lower in _PUBLISHED_WORDS:
            self.label = "published"
        elif lower in _UPDATED_WORDS:
            self.label = "updated"
        self.pos += len(word)
        return True

    def _place(self) -> bool | None:
        """A place name may open the line: one capitalised word, or up to three in capitals."""
        if self.pos != 0:
            return None
        match = _PLACE.match(self.text)
        if not match:
            return None
        words = re.split(r"[ -]", match.group())
        if (len(words) == 1 and words[0][:1].isupper()) or all(w.isupper() and len(w) > 1 for w in words):
            self.pos = match.end()
            return True
        return None


def _known_prefix(word: str) -> str | None:
    """The word if it is dateline furniture; for glued text ("readJan") the known lower-case head."""
    if _is_furniture(word):
        return word
    for index in range(1, len(word)):
        if word[index].isupper() and word[index - 1].islower():
            head = word[:index]
            return head if _is_furniture(head) else None
    return None


def _is_furniture(word: str) -> bool:
    lower = word.lower()
    return lower in _FILLER_WORDS or lower in _PUBLISHED_WORDS or lower in _UPDATED_WORDS or lower in _weekday_names()


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
    month = _month_names()[groups["mn"].lower()] if groups.get("mn") else int(groups["m"])
    if groups.get("d") is None:
        return f"{year:04d}-{month:02d}" if YEAR_MIN <= year <= YEAR_MAX else None
    return iso_day(year, month, int(groups["d"]))


def scan(text: str, day_first: bool | None) -> list[Found] | None:
    """The dates of a line made only of dateline tokens, else None."""
    if not text or not _DIGIT.search(text):
        return None
    if day_first is None and _DAY_FIRST_HINT.search(text):
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
    return 0 < len(words) <= 3 and len(part) <= 40 and not _DIGIT.search(part) and words[0].lower() not in _BYLINE_WORDS


_BYLINE_WORDS = frozenset({"by", "von", "par", "por", "door", "di", "av", "af", "durch"})
_DIGIT = re.compile(r"\d")
_DAY_FIRST_HINT = re.compile(
    r"(?<!\w)(?:publicado|actualizado|publié|jour|veröffentlicht|aktualisiert|stand|am|um|uhr|le|el|las|a|à"
    r"|pubblicato|aggiornato|alle|ore|gepubliceerd|bijgewerkt|op|om|vom|den)(?!\w)",
    re.IGNORECASE,
)
