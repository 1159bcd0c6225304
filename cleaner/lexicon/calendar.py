"""Month and weekday names in the languages the date readers know, from dateparser's locale data.

``month_names()`` maps every month name and abbreviation (accents folded too) to its number;
``weekday_names()`` is the set of weekday names and abbreviations.  Names shorter than three
letters, Roman numerals and names meaning different months in different languages are left out.

What it does NOT do: it parses no date (``cleaner.metadata.dates`` does) and lists no other words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from dateparser.languages.loader import default_loader

LOCALES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "cs", "ro", "hu", "fi", "tr", "ru")
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
def month_names() -> dict[str, int]:
    """Month name -> number, from dateparser's locales (see the module docstring for what is left out)."""
    seen: dict[str, set[int]] = {}
    for code in LOCALES:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info.get(key, ()):
                name = name.lower().rstrip(".")
                if len(name) >= 3 and name.isalpha() and not re.fullmatch(r"[ivxlc]+", name):
                    seen.setdefault(name, set()).add(number)
                    seen.setdefault(fold(name), set()).add(number)  # "fevrier", "marz": typed without accents
    return {name: numbers.pop() for name, numbers in seen.items() if len(numbers) == 1}


@cache
def weekday_names() -> frozenset[str]:
    """Weekday names and abbreviations in every locale we read: dateline furniture only."""
    names: set[str] = set()
    for code in LOCALES:
        info = default_loader.get_locale(code).info
        for key in _WEEKDAY_KEYS:
            names.update(name.lower().rstrip(".") for name in info.get(key, ()) if name.rstrip(".").isalpha())
    return frozenset(names | {fold(name) for name in names})


def fold(text: str) -> str:
    """'février' -> 'fevrier': pages drop accents often enough to be worth matching."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
