"""Block keys: the normalised form a site's line is counted under.

``block_key(text)`` folds a block into the key it is counted under (case, digits, dates, times and
whitespace folded), so "© 2023 Gazette" and "© 2024 Gazette" are one key; ``block_keys`` folds a whole
document's blocks in one pass.  Dates are recognised with the month names of the lexicon's calendar.
``RememberedKeys`` remembers the keys of the texts folded lately, so a site's template lines, on every one
of its pages, are folded about once (learning and applying a profile both use one).

What it does NOT do: it counts nothing and decides nothing (``cleaner.sites.profile`` learns from the
keys, ``cleaner.sites.apply`` applies what was learned); it is also the key of exact duplicates
(``cleaner.corpus.duplicates``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from cleaner.lexicon.calendar import month_names

# --- the normalised key -------------------------------------------------------------------------

_DIGITS = regex.compile(r"\d+")  # the regex module: 2.5 times as fast as re here (same matches)
_GAP = r"[^\S\n]"  # a space within one line: ``block_keys`` folds many lines at once
# A date, matched against case-folded keys whose digits are folded to 0 (so without IGNORECASE, twice as fast), in
# one of three shapes tried in this order: 06.01.2024, 2024-01-06, 1/6/24; Jan 6, 2024; 6 janvier, 6. März.  A
# month name is a whole word of letters (``[^\W\d_]+``: a run of word characters, for the patterns ask for no
# word character beside it) that is one of the lexicon's names (``_MONTH_WORDS``), asked of the word the pattern
# took: the same matches as the names in the pattern, whose hundreds of branches took 0.02 s to compile at every
# start of ``clean learn`` (tests/test_learning_paths.py holds the two to the same dates).
_DATE_NUMERIC = re.compile(r"\b0[./-]0[./-]0(?=\b|t<time>)")
_DATE_MONTH_FIRST = re.compile(rf"\b(?:0\.?{_GAP}+)?([^\W\d_]+)\.?(?:{_GAP}+0(?:st|nd|rd|th)?)?,?{_GAP}+0\b")
_DATE_DAY_FIRST = re.compile(rf"\b0\.?{_GAP}+([^\W\d_]+)\b\.?")
_TIME = regex.compile(rf"\b0:0(?::0)?(?:{_GAP}*[ap]\.?m\.?)?")  # regex: 5 times as fast as re
# Every date holds a 0 (digits are folded first), and its month name, a whole word, stands beside one: the word
# before ``.``/``,`` and spaces then a 0, or after a 0, ``.`` and spaces.  So a date starts only at a month name
# that is a word before a 0 (``_WORD_BEFORE_ZERO``, matched in the reversed text, where the 0 comes first and the
# engine skips to it), at a 0 before a month name (``_WORD_AFTER_ZERO``) or at the 0 of "0.0.0"
# (``_NUMERIC_DATE``): a date is tried at those places only, the same matches as everywhere (``_fold_dates``).
_MONTH_WORDS = frozenset(month_names())
_WORD_BEFORE_ZERO = re.compile(r"0[^\S\n]+,?\.?([^\W\d_]+)")  # reversed: a word, ".", ",", spaces, then a 0
_WORD_AFTER_ZERO = re.compile(r"0\.?[^\S\n]+([^\W\d_]+)")
_NUMERIC_DATE = re.compile(r"0(?=[./-]0[./-]0)")
_SPACE = re.compile(r"[^\S\n]+")  # spaces within a line: ``block_keys`` folds a whole document at once
_ODD_SPACE = re.compile(
    "[\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)  # with two spaces in a row, what ``_SPACE`` would change: most documents have none
_NEWLINES = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # what str.splitlines() splits at
_OTHER_NEWLINES = re.compile(r"[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def block_key(text: str) -> str:
    """The key a block is counted under: case-folded, digits, dates, times and whitespace folded.

    Folding makes a footer "© 2024" and "© 2025", or a box dated each day, one block; it keeps
    punctuation, so the key still tells a sentence from a headline.
    """
    return block_keys([text])[0]


def block_keys(texts: Sequence[str]) -> list[str]:
    """``block_key`` of each text; case, digits and spaces are folded in one pass over the whole document."""
    if not texts:
        return []
    joined = "\n".join(texts)
    odd = _ODD_SPACE.search(joined) is not None  # most documents have none (casefolding adds none)
    if joined.count("\n") != len(texts) - 1 or (odd and _OTHER_NEWLINES.search(joined)):  # a block holds a break
        joined = "\n".join(_NEWLINES.sub(" ", text) for text in texts)
    joined = joined.casefold()
    joined = _DIGITS.sub("0", joined)
    spaced = "  " in joined or (odd and _ODD_SPACE.search(joined) is not None)
    if spaced:
        joined = _SPACE.sub(" ", joined)
    if "0" in joined:  # dates and times have digits; neither runs past a line's end, so the whole text at once
        joined = _fold_dates(_fold_times(joined))
    return list(map(str.strip, joined.split("\n")))


def _fold_times(text: str) -> str:
    """``_TIME.sub("<time>", text)``, the pattern tried only where a time can start: at a "0:0"."""
    pieces: list[str] = []
    done = 0
    start = text.find("0:0")
    while start >= 0:
        time = _TIME.match(text, start)
        if time is not None:
            pieces += (text[done:start], "<time>")
            done = time.end()
        start = text.find("0:0", max(done, start + 1))
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _fold_dates(text: str) -> str:
    """Each date replaced with ``<date>`` (left to right, as ``re.sub`` would), in text whose digits are folded to 0
    (``block_keys``'s): a date is tried only where one can start (see ``_MONTH_WORDS``), instead of at every word."""
    starts = [found.start() for found in _NUMERIC_DATE.finditer(text)]
    starts += [found.start() for found in _WORD_AFTER_ZERO.finditer(text) if found[1] in _MONTH_WORDS]
    before = _WORD_BEFORE_ZERO.finditer(text[::-1])
    starts += [len(text) - found.end() for found in before if found[1][::-1] in _MONTH_WORDS]
    pieces: list[str] = []
    done = 0
    for start in sorted(starts):
        end = _date_end(text, start) if start >= done else None
        if end is not None:
            pieces += (text[done:start], "<date>")
            done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _date_end(text: str, start: int) -> int | None:
    """Where the date starting at ``start`` ends (None: none starts there), its three shapes tried in turn."""
    date = _DATE_NUMERIC.match(text, start)
    if date is not None:
        return date.end()
    for pattern in (_DATE_MONTH_FIRST, _DATE_DAY_FIRST):
        date = pattern.match(text, start)
        if date is not None and date[1] in _MONTH_WORDS:
            return date.end()
    return None


class RememberedKeys:
    """``block_keys`` of a page's texts, folding only those not remembered: the keys of the last texts folded, about
    ``size`` to ``2 * size`` of them (two generations: a text found in the older one moves to the newer, and the older
    is dropped when the newer is full), so memory stays bounded.

    A site's pages share their template lines (most of a page's lines: on seed 1's template corpus of
    ``bench/make_sites.py``, 71 % of a page's lines were on an earlier page of its site, 86 % on an earlier page),
    and a line's key is a function of its text alone, so what is remembered never changes an answer.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.newer: dict[str, str] = {}
        self.older: dict[str, str] = {}

    def keys(self, texts: Sequence[str]) -> list[str]:
        """``block_keys(texts)``."""
        newer = self.newer
        found = list(map(newer.get, texts))  # one pass in C: most of a page's lines are remembered
        if None not in found:
            return found  # type: ignore[return-value]  # every key found
        older = self.older
        fresh = []
        for text in dict.fromkeys(text for text, key in zip(texts, found, strict=True) if key is None):
            key = older.get(text)
            if key is None:
                fresh.append(text)
            else:
                newer[text] = key
        newer.update(zip(fresh, block_keys(fresh), strict=True))
        keys = list(map(newer.__getitem__, texts))
        if len(newer) > self.size:
            self.newer, self.older = {}, newer
        return keys
