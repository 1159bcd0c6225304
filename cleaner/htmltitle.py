"""The article's title on a page: the visible headline, confirmed by what the page declares.

Pages state their title several times and rarely identically: ``<title>`` carries the
site name ("Headline | Site"), ``og:title`` is often a social-media rewrite, JSON-LD's
``headline`` may be truncated, and an ``<h1>`` may be the site logo.  The rule here:

1. a visible headline (``<h1>``, an element classed ``entry-title``/``post-title``/
   ``headline``, or ``itemprop=headline``) that matches a declared title, or one part of
   it between separators (``|``, `` - ``, ``»``, ``:``...), or the longer side of a
   separator, is the title; so is one that is most of a declared title in whole words
   (the declared one adds a kicker: "Pressemitteilung: <headline>", "<headline> Rezept");
2. else the JSON-LD ``headline``, then ``og:title``/``twitter:title``/``dc.title``, then
   ``<title>``, each with a site-name part removed;
3. else a single ``<h1>`` that is not the site name.

This module does NOT read the body text and does not remove the title from it; the
text layers decide whether a body block repeats the title.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from cleaner.htmlmarks import Marks

_SEPARATORS = re.compile(r"\s+[|–—»·•:/~-]\s+|\s*[|·•]\s*|::")
_SPACES = re.compile(r"\s+")
MAX_TITLE = 300


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»‹›"} | {c: "'" for c in "‘’‚‛`´"} | {c: "-" for c in "–—‐‑"})


def title_key(text: str) -> str:
    """Comparison key: case, spacing, quote and dash styles do not matter (og:title often flattens them)."""
    return _clean(text.translate(_QUOTES)).casefold().strip(" .-|:")


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def choose_title(
    tree: HtmlElement, found: Marks, metas: dict[str, list[str]], headlines: list[str], site_names: list[str]
) -> str | None:
    """The title by the precedence in the module docstring, or None when the page gives none.

    ``site_names`` are every name the page gives itself (og:site_name, publisher, host, logo text):
    a part of a declared title equal to one of them is the site's suffix, not the headline.
    """
    visible = _visible_headlines(found)
    declared = [
        *[_clean(h) for h in headlines],
        *[_clean(v) for key in ("og:title", "twitter:title", "dc.title", "title") for v in metas.get(key, ())],
        *[_clean(t.text_content()) for t in tree.iter("title")][:1],
    ]
    declared = [d for d in declared if d]
    whole = {title_key(text) for text in declared}  # an "app name" set to the page's title names no site
    site_names = [name for name in site_names if title_key(name) not in whole]
    keys = {title_key(part) for text in declared for part in (text, *_parts(text), *_major_sides(text))}
    for heading in visible:
        if title_key(heading) in keys and not _is_site(heading, site_names):
            return _without_site_part(heading, site_names)
    for heading in visible:
        if _most_of_a_declared_title(heading, declared):
            return heading
    for text in declared:
        stripped = _strip_site(text, site_names)
        if stripped:
            return stripped
    named = [h for h in visible if not _is_site(h, site_names)]
    return named[0] if len(named) == 1 else None


def _most_of_a_declared_title(heading: str, declared: list[str]) -> bool:
    """The headline is most of a declared title, which adds a kicker or a word around it.

    "Pressemitteilung: Endlich mehr Beschleunigung wagen!", "Schneewittchen-Kuchen Rezept",
    "20% Rabatt auf EAT SMALL Hundefutter": the visible headline, whole words, at least
    ``MOST_OF_TITLE`` of the declared title's length, is what the page shows as the title.
    """
    key = title_key(heading)
    return len(key) >= MIN_HEADLINE and any(
        _within_words(key, title_key(text)) and len(key) >= MOST_OF_TITLE * len(text) for text in declared
    )


MIN_HEADLINE = 12
MOST_OF_TITLE = 0.6


def _within_words(part: str, text: str) -> bool:
    """``part`` occurs in ``text`` with word boundaries on both sides."""
    start = text.find(part)
    end = start + len(part)
    before_ok = start == 0 or not text[start - 1].isalnum()
    return start >= 0 and before_ok and (end == len(text) or not text[end].isalnum())


def _major_sides(text: str) -> list[str]:
    """The side of each separator that is longer than the other: "Headline - Some Site" gives "Headline".

    A visible headline equal to it is the title even when the shorter side is a site name the
    page never states (a headline with a colon spans two of the parts ``_parts`` gives).
    """
    sides = []
    for match in _SEPARATORS.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        sides.append(before if len(before) > len(after) else after)
    return sides


def _without_site_part(heading: str, site_names: list[str]) -> str:
    """A headline without a site-name part some templates put in the ``<h1>`` too ("Headline | Site")."""
    parts = [p.strip() for p in _STRONG.split(heading) if p.strip()]
    kept = [p for p in parts if not _is_site(p, site_names)]
    return _join_back(heading, kept) if kept and len(kept) < len(parts) else heading


def _visible_headlines(found: Marks) -> list[str]:
    """``<h1>`` texts, then other marked headlines (menus classed "headline" must not crowd the h1 out)."""
    texts: list[str] = []
    for element in [*found.h1[:10], *found.get("headline")[:20]]:
        text = _clean(element.text_content())
        if 3 <= len(text) <= MAX_TITLE and text not in texts:
            texts.append(text)
    return texts


def _parts(text: str) -> list[str]:
    return [part for part in (_clean(p) for p in _SEPARATORS.split(text)) if part]


def _is_site(text: str, site_names: list[str]) -> bool:
    key = _alnum(text)
    if not key:
        return True
    for name in site_names:
        site = _alnum(name)
        if site and (key == site or key in site or (site in key and len(key) <= len(site) + 4)):
            return True
    return False


_STRONG = re.compile(r"\s*[|»›·•]\s*|::|\s+[/~]\s+")
_STRONG_NO_QUOTES = re.compile(r"\s*[|·•]\s*|::|\s+[/~]\s+")  # French quotes « » are not separators
_WEAK = re.compile(r"\s+[-–—]\s+|\s+[-–—]$")


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
    candidate = max(strong, key=len)
    weak = [p.strip() for p in _WEAK.split(candidate) if p.strip()]
    if len(weak) > 1:
        kept = [p for p in weak if not _is_site(p, site_names)]
        if kept and len(kept) < len(weak):
            candidate = _join_back(candidate, kept)
    return candidate.strip(" -–—|") or None


def _join_back(text: str, kept: list[str]) -> str:
    """Re-join the kept parts with the separator the title used between them."""
    if len(kept) == 1:
        return kept[0]
    start, end = text.find(kept[0]), text.rfind(kept[-1]) + len(kept[-1])
    return text[start:end].strip() if start >= 0 and end > start else " - ".join(kept)
