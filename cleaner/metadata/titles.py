"""Comparing titles: when one statement of an article's title confirms another.

A page states its title several times and rarely identically: the ``<title>`` adds the
site ("Headline | Site", "Headline - Some Site"), a kicker ("Pressemitteilung: Headline") or a
word ("Headline Rezept"), and flattens quotes and dashes.  A visible headline confirms a
declared title when it equals the whole, a part between separators, the longer side of a
separator, or most of it in whole words.  The HTML layer (``htmltitle``) asks this of the
``<h1>`` against ``<title>``/``og:title``; the zones layer asks it of a page dump's lines
against the dump's first line (the page's ``<title>``).

This module does NOT know about site names, markup or blocks: it compares strings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.text.shape import HEADLINE_MAX_WORDS, script_ends_sentence, script_words_of, shape_of

SEPARATORS = re.compile(r"\s+[|–—»·•:/~-]\s+|\s*[|·•]\s*|::")
# Each quote or dash style and the plain character it stands for (no plain character is itself replaced).
_QUOTES = tuple((c, '"') for c in "“”„‟«»‹›") + tuple((c, "'") for c in "‘’‚‛`´") + tuple((c, "-") for c in "–—‐‑")
_ASCII_QUOTES = tuple((styled, plain) for styled, plain in _QUOTES if styled.isascii())  # the backtick
MIN_HEADLINE = 12
MOST_OF_TITLE = 0.6
TITLE_MAX_CHARS = 250
CLOSING_MARKS = "\"'”’»)"  # what may stand after a headline's question mark: quotes, a bracket


@lru_cache(maxsize=8192)  # once per text: the zones and the title candidates ask it of a line and its neighbours
def is_title_shaped(text: str) -> bool:
    """A headline: short, capitalised, closed by nothing or by a question mark."""
    shape = shape_of(text)
    closes_like_title = not shape.ends_sentence or text.rstrip(CLOSING_MARKS).endswith("?")
    return shape.headline_like and closes_like_title and shape.words >= 2 and len(text) <= TITLE_MAX_CHARS


@lru_cache(maxsize=8192)  # once per text: the title candidates ask it of a line and its neighbours
def is_headline_shaped(text: str) -> bool:
    """``is_title_shaped`` in every script: in a script without capitals (Arabic, Hebrew, Chinese, Japanese,
    Korean, Devanagari, Thai ...) no headline starts with a capital, so there a headline opens with any letter of
    such a script and is measured by the script count (``cleaner.text.shape``: a Chinese or Japanese line is one
    word to the model's count, and ``。`` or the danda end a sentence).

    The title readers after the text model ask this (``cleaner.metadata.titlecandidates``); the zones, which
    decide lines before the model and so shape its training rows, ask ``is_title_shaped``."""
    if len(text) > TITLE_MAX_CHARS:
        return False
    return _caseless_title_shaped(text) if opens_caseless(text) else is_title_shaped(text)


QUESTION_MARKS = ("?", "？", "؟", ";")  # ";" is the Greek question mark
_CLOSING_MARKS = CLOSING_MARKS + "」』】》〉）"  # and the CJK brackets


_LETTER = re.compile(r"[^\W\d_]")


def opens_caseless(text: str) -> bool:
    """Whether the text's first letter, past opening quotes, brackets, digits and punctuation, is a letter of a
    script without capitals: a letter neither upper nor lower case ("أ", "ש", "東", "서", "क"), which any headline
    there opens with.  A paragraph there often opens with a date or a number ("６月12日の…", "21 ม.ค. …",
    "【6月18日 AFP】…"): measured as Latin text, it was one long "word" not closed by a full stop, a headline."""
    found = _LETTER.search(text)
    first = found.group() if found else ""
    return bool(first) and not first.isupper() and not first.islower() and not first.istitle()


def _caseless_title_shaped(text: str) -> bool:
    """A headline in a script without capitals: 2 to ``HEADLINE_MAX_WORDS`` words by the script count (a word every
    two Chinese or Japanese characters, every four of Thai, Lao, Khmer or Burmese), not closed like a sentence in any
    script unless by a question mark."""
    words = len(script_words_of(text)[0])
    closes_like_title = not script_ends_sentence(text) or text.rstrip(_CLOSING_MARKS).endswith(QUESTION_MARKS)
    return 2 <= words <= HEADLINE_MAX_WORDS and closes_like_title


def squash(text: str | None) -> str:
    """Whitespace collapsed and trimmed (``str.split`` and ``re``'s ``\\s`` agree on every whitespace character)."""
    return " ".join((text or "").split())


@lru_cache(maxsize=8192)
def title_key(text: str) -> str:
    """Comparison key: case, spacing, quote and dash styles do not matter (og:title often flattens them).

    Once per text: a page dump's lines are compared with its first line by several readers.
    """
    return squash(_plain_quotes(text)).casefold().strip(" .-|:")


def _plain_quotes(text: str) -> str:
    """Quote and dash styles made plain: a replace per style present (``str.translate`` with a mapping
    goes character by character, some thirty times slower on a paragraph); ASCII text can hold only ASCII styles."""
    for styled, plain in _ASCII_QUOTES if text.isascii() else _QUOTES:
        if styled in text:
            text = text.replace(styled, plain)
    return text


def parts(text: str) -> list[str]:
    """The parts of a title between separators."""
    return [part for part in (squash(p) for p in SEPARATORS.split(text)) if part]


def major_sides(text: str) -> list[str]:
    """The side of each separator that is longer than the other: "Headline - Some Site" gives "Headline".

    A headline equal to it is confirmed even when the shorter side is a site name never stated
    elsewhere (a headline with a colon spans two of the ``parts``).
    """
    sides = []
    for match in SEPARATORS.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        sides.append(before if len(before) > len(after) else after)
    return sides


def confirming_keys(declared: list[str]) -> set[str]:
    """The keys a headline may have to be confirmed by one of the ``declared`` titles."""
    return {title_key(part) for text in declared for part in (text, *parts(text), *major_sides(text))}


def most_of(heading: str, declared: list[str]) -> bool:
    """The headline is most of a declared title, which adds a kicker or a word around it.

    "Pressemitteilung: Endlich mehr Beschleunigung wagen!", "Schneewittchen-Kuchen Rezept",
    "20% Rabatt auf EAT SMALL Hundefutter": the headline in whole words, at least
    ``MOST_OF_TITLE`` of the declared title's length.
    """
    key = title_key(heading)
    return len(key) >= MIN_HEADLINE and any(
        within_words(key, title_key(text)) and len(key) >= MOST_OF_TITLE * len(text) for text in declared
    )


def within_words(part: str, text: str) -> bool:
    """``part`` occurs in ``text`` with word boundaries on both sides."""
    start = text.find(part)
    if start < 0:
        return False
    end = start + len(part)
    before_ok = start == 0 or not text[start - 1].isalnum()
    return before_ok and (end == len(text) or not text[end].isalnum())
