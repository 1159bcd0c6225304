"""The article's title on a page: the visible headline, confirmed by what the page declares.

Pages state their title several times and rarely identically: ``<title>`` carries the
site name ("Headline | Site"), ``og:title`` is often a social-media rewrite, JSON-LD's
``headline`` may be truncated, and an ``<h1>`` may be the site logo.  The rule here:

1. a visible headline (``<h1>``, an element classed ``entry-title``/``post-title``/
   ``headline``, or ``itemprop=headline``) that matches a declared title, or one part of
   it between separators (``|``, `` - ``, ``»``, ``:``...), or the longer side of a
   separator, is the title; so is one that is most of a declared title in whole words
   (the declared one adds a kicker: "Pressemitteilung: <headline>", "<headline> Rezept"), or
   what a declared title says after a short kicker and its colon; a kicker inside the
   ``<h1>`` set off by a hidden separator is no part of the headline;
2. else the JSON-LD ``headline``, then ``og:title``/``twitter:title``/``dc.title``, then
   ``<title>``, each with a site-name part removed, unless what is left is a generic page
   name ("Home", "Startseite": ``GENERIC_TITLES``);
3. else a single ``<h1>`` that is not the site name.

This module does NOT read the body text and does not remove the title from it; the
text layers decide whether a body block repeats the title.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

from cleaner.html.marks import Marks
from cleaner.lexicon import words
from cleaner.metadata.dates import parse_date
from cleaner.metadata.names import is_site_name
from cleaner.metadata.titles import MIN_HEADLINE, confirming_keys, most_of, parts, squash, title_key

MAX_TITLE = 300


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def choose_title(
    tree: HtmlElement, found: Marks, metas: dict[str, list[str]], headlines: list[str], site_names: list[str]
) -> str | None:
    """The title by the precedence in the module docstring, or None when the page gives none.

    ``site_names`` are every name the page gives itself (og:site_name, publisher, host, logo text):
    a part of a declared title equal to one of them is the site's suffix, not the headline.  A
    date before or after a dash ("23.01.2022 - Headline") is the page's dateline, not the title's.
    """
    title = _by_precedence(tree, found, metas, headlines, site_names)
    return _without_date_part(title) if title else None


def _by_precedence(
    tree: HtmlElement, found: Marks, metas: dict[str, list[str]], headlines: list[str], site_names: list[str]
) -> str | None:
    visible = _visible_headlines(found)
    declared = [
        *[squash(h) for h in headlines],
        *[squash(v) for key in ("og:title", "twitter:title", "dc.title", "title") for v in metas.get(key, ())],
        *[squash(t.text_content()) for t in tree.iter("title")][:1],
    ]
    declared = [d for d in declared if d]
    whole = {title_key(text) for text in declared}  # an "app name" set to the page's title names no site
    site_names = [name for name in site_names if title_key(name) not in whole]
    pieces = [piece for text in declared for piece in (text, *parts(text))]
    keys = confirming_keys(declared) | {title_key(rest) for piece in pieces for rest in _after_kicker(piece)}
    for heading in visible:
        if title_key(heading) in keys and not _is_site(heading, site_names):
            return _without_site_part(heading, site_names)
    for heading in visible:
        if most_of(heading, declared):
            return heading
    for text in declared:
        stripped = _strip_site(text, site_names)
        if stripped and _alnum(stripped) not in GENERIC_TITLES:
            return stripped
    named = [h for h in visible if not _is_site(h, site_names)]
    return named[0] if len(named) == 1 else None


def _without_site_part(heading: str, site_names: list[str]) -> str:
    """A headline without a site-name part some templates put in the ``<h1>`` too ("Headline | Site")."""
    return _dropping(heading, _STRONG, lambda part: _is_site(part, site_names))


def _without_date_part(title: str) -> str:
    """ "23.01.2022 - Headline" -> "Headline": a part that is only a date goes."""
    return _dropping(title, _WEAK, lambda part: bool(_DATE_ONLY.fullmatch(part) and parse_date(part)))


_DATE_ONLY = re.compile(r"[\d\s./-]{6,12}")


def _dropping(text: str, separator: re.Pattern[str], unwanted: Callable[[str], bool]) -> str:
    """``text`` without its parts between ``separator`` that are ``unwanted``, re-joined; unchanged
    when no part goes, or when every part would."""
    pieces = [piece.strip() for piece in separator.split(text) if piece.strip()]
    kept = [piece for piece in pieces if not unwanted(piece)]
    return _join_back(text, kept) if kept and len(kept) < len(pieces) else text


def _visible_headlines(found: Marks) -> list[str]:
    """``<h1>`` texts, then other marked headlines (menus classed "headline" must not crowd the h1 out)."""
    texts: list[str] = []
    for element in [*found.h1[:10], *found.get("headline")[:20]]:
        text = _without_kicker(element) or squash(element.text_content())
        if 3 <= len(text) <= MAX_TITLE and text not in texts:
            texts.append(text)
    return texts


def _without_kicker(headline: HtmlElement) -> str | None:
    """The headline after a kicker that a hidden separator sets off inside it, else None.

    "<h1><span>Coronavirus und andere Zoonosen</span><span aria-hidden="true"> – </span><span>Wie
    Umweltzerstörung ...</span></h1>": the separator is there for screen readers and text copies;
    what it introduces is the headline, what it follows is the kicker (topline, Dachzeile).
    """
    for child in headline:
        hidden = child.get("aria-hidden") == "true" or _HIDDEN.search(child.get("class") or "")
        if hidden and not any(ch.isalnum() for ch in child.text_content()):
            after = [squash(node.text_content()) for node in child.itersiblings()]
            rest = squash(" ".join(after))
            return rest if len(rest) >= MIN_HEADLINE else None
    return None


_HIDDEN = re.compile(r"\b(?:invisible|hidden|sr-only|visually-hidden|screen-reader-text)\b")


def _after_kicker(text: str) -> list[str]:
    """The rest of a declared title after a kicker and its colon ("Rutger Bregman: Unser wahres Ich")."""
    head, colon, rest = text.partition(": ")
    return [rest.strip()] if colon and 0 < len(head.split()) <= 4 and len(rest.strip()) >= MIN_HEADLINE else []


def _is_site(text: str, site_names: list[str]) -> bool:
    """A part of a title that is the site's name (``is_site_name``), or has no letters or digits at all."""
    return not _alnum(text) or is_site_name(text, site_names)


# Page names a template gives every page of a kind; they name no article ("Home | Site").
GENERIC_TITLES = frozenset(_alnum(name) for name in words("generic_titles"))
_STRONG = re.compile(r"\s*[|»›·•]\s*|::|\s+[/~]\s+")
_STRONG_NO_QUOTES = re.compile(r"\s*[|·•]\s*|::|\s+[/~]\s+")  # French quotes « » are not separators
_WEAK = re.compile(r"\s+[-–—:]\s+|\s+[-–—]$")  # " : " too: French spacing, or "Headline : Blog"


def _strip_site(text: str, site_names: list[str]) -> str | None:
    """'Headline | Site' -> 'Headline'.

    Parts equal to a site name go; of several parts split by a strong separator (|, », ›, ·)
    the longest is the headline; a dash is also part of headlines, so only a site-name part
    is removed at a dash.
    """
    if len(text) > MAX_TITLE:
        return None
    splitter = _STRONG if not re.search(r"[«‹]", text) else _STRONG_NO_QUOTES
    strong = [p.strip() for p in splitter.split(text) if p.strip()]
    strong = [p for p in strong if not _is_site(p, site_names)] if len(strong) > 1 else strong
    if not strong:
        return None
    candidate = _dropping(max(strong, key=len), _WEAK, lambda part: _is_site(part, site_names))
    return candidate.strip(" -–—|") or None


def _join_back(text: str, kept: list[str]) -> str:
    """Re-join the kept parts with the separator the title used between them."""
    if len(kept) == 1:
        return kept[0]
    start, end = text.find(kept[0]), text.rfind(kept[-1]) + len(kept[-1])
    return text[start:end].strip() if start >= 0 and end > start else " - ".join(kept)
