"""Month and weekday names in the languages the date readers know, from the lexicon's files.

``month_names()`` maps every month name and abbreviation (accents folded too) to its number
(``month_names.txt``); ``weekday_names()`` is the set of weekday names and abbreviations
(``weekday_names.txt``).  Both files are dateparser's locale data (``LOCALES``) written once by
``bench/calendar_names.py`` (names shorter than three letters, Roman numerals and names meaning
different months in different languages left out); ``tests/test_calendar_names.py`` checks they hold
what the installed dateparser gives.  Read from the files, they cost no import of dateparser and its
time-zone modules at every start (about 0.07 s of CPU, a fifth of ``clean learn``'s start).

What it does NOT do: it parses no date (``cleaner.metadata.dates`` does) and lists no other words.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from cleaner.lexicon import phrases

LOCALES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "cs", "ro", "hu", "fi", "tr", "ru", "ar",
    "uk", "id", "he",
)  # fmt: skip


@cache
def month_names() -> dict[str, int]:
    """Month name -> number, in the file's order (``month_names.txt``: a name and its number a line)."""
    return {name: int(number) for name, number in (entry.rsplit(" ", 1) for entry in phrases("month_names"))}


@cache
def weekday_names() -> frozenset[str]:
    """Weekday names and abbreviations in every locale we read: dateline furniture only."""
    return frozenset(phrases("weekday_names"))


def fold(text: str) -> str:
    """'février' -> 'fevrier': pages drop accents often enough to be worth matching."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
