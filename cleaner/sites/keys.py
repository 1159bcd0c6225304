"""Block keys: the normalised form a site's line is counted under.

``block_key(text)`` folds a block into the key it is counted under (case, digits, dates, times and
whitespace folded), so "© 2023 Gazette" and "© 2024 Gazette" are one key; ``block_keys`` folds a whole
document's blocks in one pass.  Dates are recognised with the month names of the lexicon's calendar.

What it does NOT do: it counts nothing and decides nothing (``cleaner.sites.profile`` learns from the
keys, ``cleaner.sites.apply`` applies what was learned); it is also the key of exact duplicates
(``cleaner.corpus.duplicates``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import regex

from cleaner.lexicon.calendar import month_names

# --- the normalised key -------------------------------------------------------------------------


def _trie(words: Iterable[str]) -> str:
    """One pattern matching any of ``words``, factored by common prefixes (longest first, as a sorted
    alternation would try them): hundreds of month names then cost a few steps per position, not one
    attempt per name."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer ones are tried first
            return f"(?:{body})?"
        return body

    return "(?:" + pattern(tree) + ")"


_MONTHS = _trie(month_names())
_MONTH_STARTS = "".join(sorted({re.escape(name[0]) for name in month_names()}))  # a cheap test before the names
_DIGITS = regex.compile(r"\d+")  # the regex module: 2.5 times as fast as re here (same matches)
_GAP = r"[^\S\n]"  # a space within one line: ``block_keys`` folds many lines at once
_DATE = re.compile(
    rf"\b0[./-]0[./-]0(?=\b|t<time>)"  # 06.01.2024, 2024-01-06, 1/6/24 (after digits are folded to 0)
    rf"|\b(?:0\.?{_GAP}+)?(?=[{_MONTH_STARTS}])(?:{_MONTHS})\.?(?:{_GAP}+0(?:st|nd|rd|th)?)?,?{_GAP}+0\b"  # Jan 6, 2024
    rf"|\b0\.?{_GAP}+(?=[{_MONTH_STARTS}])(?:{_MONTHS})\b\.?",  # 6 janvier, 6. März
)  # matched against case-folded keys only, so without IGNORECASE (twice as fast)
_TIME = regex.compile(rf"\b0:0(?::0)?(?:{_GAP}*[ap]\.?m\.?)?")  # regex: 5 times as fast as re; re is 4 times
# as fast for _DATE's long alternation
# Every date holds a 0 (digits are folded first), and in ``block_keys``'s text each run of spaces is one character,
# so a date starts at most ``_BEFORE`` characters before its first 0 (a month name, "." "," " ", then the 0) and
# _DATE reads nothing ``_AFTER`` characters or more past any of its 0s (a whole date, then the 7 of "t<time>"):
# it is tried only in those windows around the runs of 0s, the same matches (``_fold_dates``).
_LONGEST_MONTH = max(map(len, month_names()))
_BEFORE, _AFTER = _LONGEST_MONTH + 3, _LONGEST_MONTH + 19
_ZERO_RUNS = re.compile(rf"0(?:[^0]{{0,{_BEFORE + _AFTER}}}0)*")  # 0s whose windows touch: one window
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
    lines = (_SPACE.sub(" ", joined) if spaced else joined).split("\n")
    dated = [index for index, line in enumerate(lines) if "0" in line]
    if dated:  # dates and times have digits: fold them in the lines that have some, all at once
        folded = _fold_dates(_TIME.sub("<time>", "\n".join(lines[index] for index in dated)))
        for index, line in zip(dated, folded.split("\n"), strict=True):
            lines[index] = line
    return [line.strip() for line in lines]


def _fold_dates(text: str) -> str:
    """``_DATE.sub("<date>", text)`` for text whose runs of spaces are one character each (``block_keys``'s):
    the pattern is tried only near the 0s, where a date can be (see ``_BEFORE``), instead of at every word."""
    pieces: list[str] = []
    done = 0
    for run in _ZERO_RUNS.finditer(text):
        for date in _DATE.finditer(text, max(done, run.start() - _BEFORE), run.end() + _AFTER):
            pieces += (text[done : date.start()], "<date>")
            done = date.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)
