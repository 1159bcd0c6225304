"""Write the lexicon's month and weekday names from dateparser's locale data (``cleaner.lexicon.calendar`` reads them).

    python bench/calendar_names.py              # rewrites cleaner/lexicon/month_names.txt and weekday_names.txt

The names were read from dateparser's locales at every start of the package (dateparser and its time-zone
modules: about 0.07 s of CPU a process, a fifth of ``clean learn``'s start, which needs the month names for its
keys and nothing else of dateparser).  They are the same data written once: ``tests/test_calendar_names.py``
checks that the files hold what this script derives from the installed dateparser, so an upgrade that changes
a locale fails the test until this script is run again.  Every month name and abbreviation (accents folded too)
with its number, in the order the locales give them; the weekday names and abbreviations, sorted.  Names
shorter than three letters, Roman numerals and names meaning different months in different languages are left
out.

What it does NOT do: it parses no date and decides nothing; it writes the two files and nothing else.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from dateparser.languages.loader import default_loader

from cleaner.lexicon.calendar import LOCALES, fold

LEXICON = Path(__file__).resolve().parent.parent / "cleaner" / "lexicon"
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS_HEADER = "# Month names and abbreviations, each with its number, from dateparser: bench/calendar_names.py"
WEEKDAYS_HEADER = "# Weekday names and abbreviations, from dateparser: bench/calendar_names.py writes it."


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


def weekday_names() -> frozenset[str]:
    """Weekday names and abbreviations in every locale read: dateline furniture only."""
    names: set[str] = set()
    for code in LOCALES:
        info = default_loader.get_locale(code).info
        for key in _WEEKDAY_KEYS:
            names.update(name.lower().rstrip(".") for name in info.get(key, ()) if name.rstrip(".").isalpha())
    return frozenset(names | {fold(name) for name in names})


def months_text() -> str:
    return "\n".join([MONTHS_HEADER, *(f"{name} {number}" for name, number in month_names().items())]) + "\n"


def weekdays_text() -> str:
    return "\n".join([WEEKDAYS_HEADER, *sorted(weekday_names())]) + "\n"


def main() -> int:
    (LEXICON / "month_names.txt").write_text(months_text(), encoding="utf-8")
    (LEXICON / "weekday_names.txt").write_text(weekdays_text(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
