"""Dateline vocabulary: the words and token patterns a dateline is made of, in many languages.

What this module does:

- month and weekday names (``month_names``, ``weekday_names``, from ``cleaner.lexicon.calendar``);
- the token patterns the scanner matches: dates (``DATE_PATTERNS``), times, zones (``ZONES`` maps
  abbreviations to offsets), reading times, separators, words and an opening place name;
- the label words (Published, Aktualisiert, Mis à jour...: ``PUBLISHED_WORDS``, ``UPDATED_WORDS``),
  filler words (on, am, le, de, Uhr), byline words and the words hinting at day-first dates, all
  loaded from ``cleaner.lexicon``;
- ``known_prefix`` / ``is_furniture``: whether a word on a dateline is one of those words.

What it does NOT do: it does not scan a line or build ISO dates (``cleaner.metadata.datescan`` does), and
does not decide what a date means.  Every pattern is anchored by its user and has no nested
quantifiers, so matching costs stay linear.
"""

from __future__ import annotations

import re

from cleaner.lexicon import alternation, words
from cleaner.lexicon.calendar import month_names, weekday_names

__all__ = ["month_names", "weekday_names"]  # the calendar's names, re-exported for the scanner

_LETTER = r"[^\W\d_]"


def _longest_first(names: list[str]) -> str:
    """An alternation of the names that matches under IGNORECASE exactly as the names joined longest first do.

    Shaped as a trie, so that ``re`` tries a handful of first letters at each place of a line instead of
    every name (a tenth of the time of the date patterns).  The names that match at a place are prefixes of
    one another, so the joined alternation tries them by length, longest first; the trie tries the same ones
    in the same order (a name's longer continuations before the name itself: the empty branch last), and
    its siblings are disjoint under IGNORECASE (``_case_classes``), so at most one of them is followed.
    """
    return _trie(names, _case_classes({char for name in names for char in name}))


def _case_classes(chars: set[str]) -> dict[str, str]:
    """Each character's class under IGNORECASE, named by its first member's pattern (the engine's own answer:
    "i" and dotless "ı" are one class, so are "s" and long "ſ"); its classes partition the characters."""
    firsts: list[re.Pattern[str]] = []
    classes = {}
    for char in sorted(chars):
        first = next((pattern for pattern in firsts if pattern.fullmatch(char)), None)
        if first is None:
            first = re.compile(re.escape(char), re.IGNORECASE)
            firsts.append(first)
        classes[char] = first.pattern
    return classes


def _trie(names: list[str], classes: dict[str, str]) -> str:
    children: dict[str, list[str]] = {}
    for name in filter(None, names):
        children.setdefault(classes[name[0]], []).append(name[1:])
    branches = [first + _trie(rests, classes) for first, rests in children.items()]
    if branches and "" in names:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" if branches else ""


_MONTH = rf"(?P<mn>{_longest_first(sorted(set(month_names())))})(?!{_LETTER})\.?"
_END = r"(?!\d)"
# A four-digit year; WordPress glues the published and updated dates ("19. Dezember 202219. Dezember
# 2022") and some sites glue the time ("4 de mayo de 202200:00 hs"), so a year may touch a day or hour.
_YEAR4 = r"\d{4}(?:(?!\d)|(?=[0-3]?\d[.:h\s]))"
DATE_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # 2024年3月6日 (Chinese, Japanese), 2024년 3월 6일 (Korean): year, month and day each with its sign
        r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]",
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
# 14:30, 14.30, 14h30 and 14 h 30 (French typography), 14:30:05; 14時30分 and 14時 (Chinese, Japanese: JP, MK).
TIME = re.compile(
    r"T?(?P<H>\d{1,2})(?:(?:[:.]|\s?h\s?)(?P<M>\d{2})(?:[:.](?P<S>\d{2})(?:[.,]\d{1,9})?)?|(?P<JP>時(?:(?P<MK>\d{1,2})分)?))?"
    rf"(?:\s*(?P<ap>[ap])\.?\s?m(?!{_LETTER})\.?)?(?!\d)",
    re.IGNORECASE,
)
ZONES = {
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
    "MSK": "+03:00",  # Moscow, as Russian sites print it
    "WIB": "+07:00",  # Western, Central and Eastern Indonesia, as Indonesian sites print them
    "WITA": "+08:00",
    "WIT": "+09:00",
}
ZONE = re.compile(
    r"(?P<off>[+-]\d{2}(?::?\d{2})?(?!\d))|(?P<utc>UTC|GMT)\s?(?P<uoff>[+-]\d{1,2}(?::?\d{2})?)(?!\d)"
    rf"|(?P<abbr>{'|'.join(sorted(ZONES, key=len, reverse=True))})(?!{_LETTER})"
)
READING = re.compile(rf"\d{{1,3}}\s*(?:min(?:ute|uto|uti)?s?|minuten)(?!{_LETTER})\.?", re.IGNORECASE)
SEPARATORS = re.compile(r"[\s,;:|·•/@()\[\]*.\-–—：｜،]+")  # full-width colon and bar (CJK), Arabic comma
WORD = re.compile(rf"{_LETTER}+")
PLACE = re.compile(rf"{_LETTER}+(?:[ -]{_LETTER}+){{0,2}}(?=\s*[,–—-]|\s+\d)")


PUBLISHED_WORDS = words("published_labels")
UPDATED_WORDS = words("updated_labels")
FILLER_WORDS = words("dateline_fillers")
BYLINE_WORDS = words("byline_words")
DAY_FIRST_HINT = re.compile(rf"(?<!\w){alternation('day_first_hints')}(?!\w)", re.IGNORECASE)


def known_prefix(word: str) -> str | None:
    """The word if it is dateline furniture; for glued text ("readJan") the known lower-case head."""
    if is_furniture(word):
        return word
    for index in range(1, len(word)):
        if word[index].isupper() and word[index - 1].islower():
            head = word[:index]
            return head if is_furniture(head) else None
    return None


def is_furniture(word: str) -> bool:
    """A filler, label or weekday word: a dateline may be made of it."""
    lower = word.lower()
    return lower in FILLER_WORDS or lower in PUBLISHED_WORDS or lower in UPDATED_WORDS or lower in weekday_names()
