"""Pieces of a page's titles: a site-name part, a kicker, a date part, a generic page name.

Pages state their title several times and rarely identically: ``<title>`` carries the
site name ("Headline | Site"), ``og:title`` is often a social-media rewrite, JSON-LD's
``headline`` may be truncated, an ``<h1>`` may be the site logo or hold a kicker behind a
hidden separator.  The helpers here cut a declared or visible title into the values it may
stand for (without the site's name, a part between separators, the longer side of one, what
follows a short kicker and its colon, without a date part); ``cleaner.html.offers`` makes
each an offer, and a trained model (``cleaner.metadata.pagechoice``) chooses among them.

This module does NOT choose the title, does not read the body text and does not remove the
title from it; the text layers decide whether a body block repeats the title.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from lxml.html import HtmlElement

from cleaner.html.elements import element_text
from cleaner.lexicon import words
from cleaner.metadata.dates import parse_date
from cleaner.metadata.names import is_site_name
from cleaner.metadata.titles import MIN_HEADLINE, squash
from cleaner.text.shape import letters_and_digits

MAX_TITLE = 300


def alnum(text: str) -> str:
    """The text's letters and digits alone, case-folded."""
    return letters_and_digits(text.casefold())


def without_site_part(title: str, site_names: list[str]) -> str:
    """ "Headline | Site" -> "Headline": a part between separators that names the site goes, wherever
    the title came from (some templates print the site's name in the ``<h1>`` too)."""
    kept = _dropping(title, _STRONG, lambda part: is_site(part, site_names))
    return _dropping(kept, _WEAK, lambda part: is_site(part, site_names))


def without_date_part(title: str) -> str:
    """ "23.01.2022 - Headline" -> "Headline": a part that is only a date goes."""
    return _dropping(title, _WEAK, lambda part: bool(_DATE_ONLY.fullmatch(part) and parse_date(part)))


_DATE_ONLY = re.compile(r"[\d\s./-]{6,12}")


def _dropping(text: str, separator: re.Pattern[str], unwanted: Callable[[str], bool]) -> str:
    """``text`` without its parts between ``separator`` that are ``unwanted``, re-joined; unchanged
    when no part goes, or when every part would."""
    pieces = [piece.strip() for piece in separator.split(text) if piece.strip()]
    kept = [piece for piece in pieces if not unwanted(piece)]
    return _join_back(text, kept) if kept and len(kept) < len(pieces) else text


def without_kicker(headline: HtmlElement) -> str | None:
    """The headline after a kicker that a hidden separator sets off inside it, else None.

    "<h1><span>Coronavirus und andere Zoonosen</span><span aria-hidden="true"> – </span><span>Wie
    Umweltzerstörung ...</span></h1>": the separator is there for screen readers and text copies;
    what it introduces is the headline, what it follows is the kicker (topline, Dachzeile).
    """
    for child in headline:
        hidden = child.get("aria-hidden") == "true" or _HIDDEN.search(child.get("class") or "")
        if hidden and not any(ch.isalnum() for ch in element_text(child)):
            after = [squash(element_text(node)) for node in child.itersiblings()]
            rest = squash(" ".join(after))
            return rest if len(rest) >= MIN_HEADLINE else None
    return None


_HIDDEN = re.compile(r"\b(?:invisible|hidden|sr-only|visually-hidden|screen-reader-text)\b")


def after_kicker(text: str) -> list[str]:
    """The rest of a declared title after a kicker and its colon ("Lena Brandt: Unser wahres Ich")."""
    head, colon, rest = text.partition(": ")
    return [rest.strip()] if colon and 0 < len(head.split()) <= 4 and len(rest.strip()) >= MIN_HEADLINE else []


def is_site(text: str, site_names: list[str]) -> bool:
    """A part of a title that is the site's name (``is_site_name``), or has no letters or digits at all."""
    return not alnum(text) or _is_site_name(text, tuple(site_names))


@lru_cache(maxsize=4096)
def _is_site_name(text: str, site_names: tuple[str, ...]) -> bool:
    """``is_site_name``, remembered: a page's titles repeat the same parts from source to source."""
    return is_site_name(text, site_names)


# Page names a template gives every page of a kind; they name no article ("Home | Site").
GENERIC_TITLES = frozenset(alnum(name) for name in words("generic_titles"))
_STRONG = re.compile(r"\s*[|»›·•]\s*|::|\s+[/~]\s+")
_STRONG_NO_QUOTES = re.compile(r"\s*[|·•]\s*|::|\s+[/~]\s+")  # French quotes « » are not separators
_WEAK = re.compile(r"\s+[-–—:]\s+|\s+[-–—]$")  # " : " too: French spacing, or "Headline : Blog"


def strip_site(text: str, site_names: list[str]) -> str | None:
    """'Headline | Site' -> 'Headline'.

    Parts equal to a site name go; of several parts split by a strong separator (|, », ›, ·)
    the longest is the headline; a dash is also part of headlines, so only a site-name part
    is removed at a dash.
    """
    if len(text) > MAX_TITLE:
        return None
    splitter = _STRONG if not re.search(r"[«‹]", text) else _STRONG_NO_QUOTES
    strong = [p.strip() for p in splitter.split(text) if p.strip()]
    strong = [p for p in strong if not is_site(p, site_names)] if len(strong) > 1 else strong
    if not strong:
        return None
    candidate = _dropping(max(strong, key=len), _WEAK, lambda part: is_site(part, site_names))
    return candidate.strip(" -–—|") or None


def _join_back(text: str, kept: list[str]) -> str:
    """Re-join the kept parts with the separator the title used between them."""
    if len(kept) == 1:
        return kept[0]
    start, end = text.find(kept[0]), text.rfind(kept[-1]) + len(kept[-1])
    return text[start:end].strip() if start >= 0 and end > start else " - ".join(kept)
