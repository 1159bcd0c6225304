"""Dates from the text of an article: datelines, short date expressions, metadata values.

What this layer does:

- ``find_dateline(line)`` decides whether a whole short line is a dateline ("Updated: Jan 6,
  2024", "Stand: 06.01.2024 14:30 Uhr", "2 min readJan 6, 2024", "Publié le 6 janvier 2024 et
  mis à jour le 7 janvier 2024") and returns its published and updated dates, kept apart.
- ``parse_date(text)`` turns one short date expression into ISO 8601.
- ``lead_date(paragraph)`` reads the dateline a press release opens its first paragraph with.
- ``opening_date(line)`` reads the date a short line opens with before a category or site label
  ("01.02.2022 Allgemein"), for the pipeline to use when no dateline gave one.
- ``dates_mentioned(line)`` lists the days a short line states anywhere, for the metadata chooser.
- ``mentions_date(line)`` says whether a line states a date anywhere (teasers and meta lines do,
  headlines rarely), without reading it.
- ``normalise_date(value)`` turns a machine date from metadata (JSON-LD, ``<meta>``,
  ``<time datetime>``, RFC 2822 headers) into ISO 8601.

All results keep the precision of the source: ``2024-01`` for a month, ``2024-01-06`` for a day,
``2024-01-06T06:48:00`` when a time is given (seconds are always written), and an offset only when
the source states one (a numeric offset, ``Z``, ``GMT``/``UTC`` or a fixed zone abbreviation such
as ``CET``).  ``Z``, ``GMT`` and ``UTC`` are all written ``+00:00``.

Lines longer than ``MAX_LINE`` characters are rejected before any matching; shorter ones are read
token by token, once, left to right, by ``cleaner.metadata.datescan``, with the vocabulary of
``cleaner.metadata.datewords`` (month and weekday names of many languages, times, zones, label and filler
words).  This module decides what the tokens mean for a whole line and reads machine dates.

What it does NOT do: it never reads prose (a sentence that mentions a date is not a dateline),
never resolves relative dates ("3 hours ago", "yesterday": they depend on when the page was
fetched), never guesses ambiguous slash dates such as ``01/06/2024`` (both parts <= 12), and
never decides which block of a page is the dateline: the pipeline asks line by line.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from cleaner.metadata.datescan import (
    YEAR_MAX,
    YEAR_MIN,
    Found,
    days_in,
    iso_day,
    iso_time,
    scan,
    scan_before_categories,
    zone_offset,
)
from cleaner.metadata.datewords import month_names
from cleaner.model import Metadata

MAX_LINE = 120
"""A dateline is short: longer lines are prose (or something else) and are not scanned."""

COMMENT_TAIL = re.compile(
    r"(?:\d(?<![\d.:/]\d)\d{0,5}\s*(?:comments?|kommentare?|commentaires?|comentarios?|commenti|shares?|replies"
    r"|antworten)|leave a (?:comment|reply)|no comments|comments? off|keine kommentare|hinterlasse einen kommentar"
    r"|jetzt kommentieren|kommentare geschlossen|laisser un commentaire|deja un comentario"
    r"|(?:lesezeit|lesedauer|reading time|temps de lecture|tiempo de lectura)\s*:?\s*(?:ca\.?\s*|etwa\s*)?\d{1,3}"
    r"\s*(?:min(?:uten|utes|utos)?)\.?)\.?$",
    re.IGNORECASE,
)
"""Blog templates end bylines and datelines with a comment count or prompt, or a reading time:
furniture, cut off (the separator before it is left to the caller).  The pattern opens with a
digit or a letter, never with optional space, so the regex engine can skip ahead cheaply."""


def parse_date(text: str, *, day_first: bool | None = None) -> str | None:
    """A short date expression -> ISO 8601 string at the precision given, else None.

    The expression may carry dateline furniture ("Updated:", a weekday, "Uhr"); the first date it
    states is returned.  Long text is refused unread: dates in prose are not our business.
    """
    found = scan(text.strip(), day_first) if len(text) <= MAX_LINE else None
    return found[0].iso() if found else None


@lru_cache(maxsize=4096)  # once per line: a page's kept lines are read again when it settles
def find_dateline(line: str, *, day_first: bool | None = None) -> Metadata | None:
    """If this whole (short) line is a dateline -> its dates; else None.

    Every part of the line must be a date, a time, a zone, a label (Published, Aktualisiert,
    Mis à jour...), a reading time, a weekday, a filler word (on, am, um, le, de, Uhr), a separator,
    or a place name at the start ("BERLIN, 6. Januar 2024").  So a prose line that mentions a date
    is not a dateline, nor is an image slug with a timestamp in it.  An unlabelled date fills
    ``published`` first, then ``updated``.

    A period, two unlabelled days either side of a range dash ("29 Jan 2014 - 17 Jul 2019": a web archive's
    capture span, an event's dates), is a date line that dates no article: ``NO_DATES``, neither date.

    ``day_first`` settles slash dates whose parts are both <= 12 ("03/05/2022"): True reads them
    day first, False month first (US).  Left None, they are read day first when the line has a
    non-English dateline word (Publicado, Stand, am, Uhr...) and refused otherwise; the pipeline,
    which knows the page's language, can pass ``day_first=language != "en"``.
    """
    text = line.strip()
    if len(text) > MAX_LINE + 40:
        return None  # refused unread, before any pattern runs
    text = COMMENT_TAIL.sub("", text).rstrip(" |·•–—-,;:")
    if len(text) > MAX_LINE:
        return None
    found = scan(text, day_first) or scan_before_categories(text, day_first)
    if not found or all(item.label is None and len(item.day) < 10 for item in found):
        return None  # a bare "January 2024" is a heading or an archive link, not a dateline
    if len(found) == 2 and _period(text, found, day_first):
        return NO_DATES
    slots: dict[str, str] = {}
    for item in found:
        slot = item.label or ("published" if "published" not in slots else "updated")
        slots.setdefault(slot, item.iso())
    return Metadata(published=slots.get("published"), updated=slots.get("updated"))


NO_DATES = Metadata()
"""A date line that dates no article: a period (``_period``)."""

_RANGE_DASH = re.compile(r"\s+[-–—]{1,2}\s+|\s*[–—]\s*")


def _period(text: str, found: list[Found], day_first: bool | None) -> bool:
    """Whether a line of two dates is a period: two unlabelled days, the first before the second, on either side
    of a range dash ("29 Jan 2014 - 17 Jul 2019", "Mo. 15.11.2021 – Di. 16.11.2021").  It says when something ran
    (a web archive's captures of the page, an exhibition, a conference), not when the article was published
    and then updated: a line that means that labels its second date ("Updated ...")."""
    first, second = found
    if first.label or second.label or len(first.day) < 10 or len(second.day) < 10 or first.day >= second.day:
        return False
    parts = _RANGE_DASH.split(text)
    return len(parts) == 2 and all(len(scan(part.strip(), day_first) or ()) == 1 for part in parts)


def lead_date(paragraph: str, *, day_first: bool | None = None) -> str | None:
    """The publication date a press release or agency story opens its first paragraph with.

    "(21. November 2022) Energieverbraucher erhalten...", "Berlin, 21. November 2022 – Die
    Regierung...", "BERLIN, Nov. 21, 2022 /PRNewswire/ -- The company...": the part before the
    closing parenthesis or the dash must be a dateline as a whole (``find_dateline``), so a
    sentence that merely starts with a date is not read.
    """
    match = _LEAD_DATELINE.match(paragraph)
    if match is None:
        return None
    dateline = find_dateline(match["head"], day_first=day_first)
    return dateline.published if dateline else None


_LEAD_DATELINE = re.compile(r"\(?(?P<head>[^()\n]{6,60}?)(?:\s+/[A-Za-z ]{2,30}/)?(?:\)|\s+[–—-]{1,2}\s)")


def opening_date(line: str, *, day_first: bool | None = None) -> str | None:
    """The publication date a short line opens with, before a label of a few words.

    Blog and newsroom templates print the date and then the post's category, site or section on
    one line: "01.02.2022 Allgemein", "02.02.2022 • Verband, Presse", "30/10/23 | StarsInsider".
    The longest run of opening words (up to ``OPENING_WORDS``) that is a dateline gives the date;
    what follows may be at most ``LABEL_WORDS`` words, with no digits and no closing full stop, so a
    teaser ("26.01.2022 Strava wertet sein Routen-Tool auf.") is not read.
    """
    words = line.split()
    if not words or len(line) > OPENING_MAX_CHARS or not _may_open_date(words[0]):
        return None
    best: tuple[int, str] | None = None
    for count in range(1, min(OPENING_WORDS, len(words)) + 1):
        dateline = find_dateline(" ".join(words[:count]), day_first=day_first)
        if dateline is not None and dateline.published:
            best = (count, dateline.published)
    if best is None:
        return None
    label = _LABEL_SEPARATORS.sub("", " ".join(words[best[0] :]))
    if len(_LABEL_WORD.findall(label)) > LABEL_WORDS or _DIGIT.search(label) or label.endswith((".", "!", "?")):
        return None
    return best[1]


def _may_open_date(word: str) -> bool:
    return word[:1].isdigit() or word.rstrip(".,").casefold() in month_names()


OPENING_MAX_CHARS = 100
OPENING_WORDS = 6
LABEL_WORDS = 4
_LABEL_SEPARATORS = re.compile(r"^[\s|•·,:;/–—-]+")
_DIGIT = re.compile(r"\d")
_LABEL_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")  # "HVW-Verband , Presse" is two words


def dates_mentioned(line: str, *, day_first: bool | None = None) -> list[str]:
    """The ISO days of the dates a short line states anywhere ("Artikel vom 12.03.2019 in Politik").

    A teaser, a meta line or a footer may state the article's date without being a dateline; the
    metadata chooser weighs these from where they stand.  Lines over ``MENTION_MAX_CHARS`` are prose.
    """
    return list(_mentioned(line, day_first)) if len(line) <= MENTION_MAX_CHARS else []


@lru_cache(maxsize=4096)  # once per line and reading of dates: the second reading of a page asks again
def _mentioned(line: str, day_first: bool | None) -> tuple[str, ...]:
    return tuple(days_in(line, day_first))


MENTION_MAX_CHARS = 200


def mentions_date(line: str) -> bool:
    """The line states a calendar date somewhere, not necessarily as a whole dateline.

    A numeric day-month-year ("28.10.2021", "30/10/23", "2021-10-28") or a month name on a line
    with a year ("Dezember 10, 2019 · von freeman1984").  Zones use it to tell a page's headline
    from the lines around it: headlines rarely state a full date, teaser and meta lines do.
    """
    if _NUMERIC_DATE.search(line):
        return True
    return _YEAR.search(line) is not None and any(word.casefold() in month_names() for word in _WORD.findall(line))


_NUMERIC_DATE = re.compile(r"\b\d{1,2} ?[./-] ?\d{1,2} ?[./-] ?(?:19|20)?\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[^\W\d_]{3,}")


def normalise_date(value: str) -> str | None:
    """A machine date from metadata -> ISO 8601 at its precision, keeping an offset only if stated.

    Accepts ISO 8601 in its common shapes ("2024-01-06T06:48:00+00:00", "2024-01-06 06:48",
    "20240106", "2024-01"), RFC 2822 ("Sat, 06 Jan 2024 06:48:00 GMT"), Unix time in seconds or
    milliseconds (an instant, so written in UTC), JavaScript's "Wed May 04 2022 10:45:00 GMT+0000
    (Coordinated Universal Time)" and, failing those, a human date (sites put "January 6, 2024" in
    ``datePublished`` too).
    """
    text = value.strip()
    if not text or len(text) > MAX_LINE:
        return None  # refused unread, before any pattern runs
    text = re.sub(r"\s*\([^()]*\)$", "", text)
    match = _MACHINE.fullmatch(text)
    if match:
        return _from_machine(match)
    if re.fullmatch(r"\d{10}|\d{13}", text):
        moment = datetime.fromtimestamp(int(text[:10]), tz=UTC)
        return moment.isoformat() if YEAR_MIN <= moment.year <= YEAR_MAX else None
    if re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", text):
        return _from_rfc2822(text)
    return parse_date(text)


_MACHINE = re.compile(
    r"(?P<y>\d{4})(?:-?(?P<m>\d{2})(?:-?(?P<d>\d{2})(?:[T ]\s*(?P<H>\d{2}):?(?P<M>\d{2})"
    r"(?::?(?P<S>\d{2})(?:[.,]\d{1,9}|:\d{3})?)?\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?"
)


def _from_machine(match: re.Match[str]) -> str | None:
    """Build the ISO string from an ISO-like match, at the precision the value has."""
    y, m, d = match["y"], match["m"], match["d"]
    if m is None:  # digits of any script match \d and are written as ASCII ("২০২০" is 2020), as iso_day writes a day
        return f"{int(y):04d}" if YEAR_MIN <= int(y) <= YEAR_MAX else None
    if d is None:
        return f"{int(y):04d}-{int(m):02d}" if YEAR_MIN <= int(y) <= YEAR_MAX and 1 <= int(m) <= 12 else None
    day = iso_day(int(y), int(m), int(d))
    if day is None or match["H"] is None:
        return day
    clock = iso_time(int(match["H"]), int(match["M"]), int(match["S"] or 0), None)
    if clock is None:
        return None
    return f"{day}T{clock}{zone_offset(match['tz']) if match['tz'] else ''}"


def _from_rfc2822(text: str) -> str | None:
    """RFC 2822 dates (feeds, HTTP headers); "-0000" means the zone is unknown, so no offset."""
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if not YEAR_MIN <= moment.year <= YEAR_MAX:
        return None
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.tzinfo is None:
        return stamp
    return stamp + moment.isoformat()[19:]
