"""The lexicon: every word list the readers use, as data files, and the one rule for day-first dates.

``words(name)`` loads ``<name>.txt`` from this package once (one entry a line, ``#`` starts a
comment, blank lines ignored) and returns it as a frozen set; ``phrases(name)`` returns the
entries in file order; ``alternation(*names)`` builds a regular-expression alternation of lists.
Month and weekday names are dateparser's locale data written as two of these files (``cleaner.lexicon.calendar``).
``day_first(locale)`` decides how a date such as 03/05/2024 is read for a language or locale.

What it does NOT do: it holds no patterns and no parsing; the readers build their patterns from
these lists.  Nothing outside this package writes a word table of its own.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def phrases(name: str) -> tuple[str, ...]:
    """The entries of the list ``name``, in file order, lower-cased, each once."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries: dict[str, None] = {}
    for line in text.splitlines():
        entry = " ".join(line.split("#", 1)[0].split()).lower()
        if entry:
            entries.setdefault(entry)
    return tuple(entries)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of the list ``name`` as a set."""
    return frozenset(phrases(name))


def day_first(locale: str | None) -> bool | None:
    """How to read a date whose day and month could swap (03/05/2024), for a language or locale.

    The one rule, used by every reader: American English (``en-US``) writes the month first
    (False); every other stated locale, English ones included (``en-GB``, ``en-IN``), and every
    other language writes the day first (True).  A bare ``en`` or no locale says nothing (None):
    such a date is then read only when its own line says how (a non-English dateline word), and
    otherwise refused rather than guessed.
    """
    code = (locale or "").strip().lower().replace("_", "-")
    if not code or code == "en":
        return None
    return not code.startswith("en-us")


def alternation(*names: str, entries: tuple[str, ...] = ()) -> str:
    """A regular-expression alternation of the lists ``names`` (and extra ``entries``), longest first.

    Spaces inside an entry match any run of spaces.  The group is non-capturing and unanchored:
    the reader adds its own boundaries.
    """
    items = {entry for name in names for entry in phrases(name)} | set(entries)
    escaped = (re.escape(entry).replace(r"\ ", r"\s+") for entry in sorted(items, key=lambda e: (-len(e), e)))
    return "(?:" + "|".join(escaped) + ")"
