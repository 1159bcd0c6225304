"""Every value a page offers for its title, authors and publication date, as ``Offer`` records.

The page's sources are read here, each value kept with where it came from, so that a trained
ranker (``cleaner.metadata.pagechoice``) can weigh them against each other and against the text
lines (``cleaner.metadata.offers``):

- title: JSON-LD ``headline`` and ``name``, ``og:title``, ``twitter:title``, ``dc.title``, other title
  tags, ``<title>``, the ``<h1>`` elements and marked headlines; of a declared title also the value
  without its site-name part, its parts between separators, the longer side of a separator, what
  follows a short kicker and its colon, and the value without a date part;
- authors: JSON-LD ``author`` (people; organisations never), author ``<meta>`` tags, each marked
  byline element (not in comments, teasers or sidebars: those name other texts' writers; one
  beside the headline in a wrapper classed so is read apart), a byline line under the headline,
  a credit line, and where none of these names anyone a writer label element anywhere in the
  article's part of the page ("<strong>Text:</strong> Jane Doe"); an account name ("jane_doe") in any
  of them written as the page shows it ("Jane Doe");
- published: JSON-LD ``datePublished``/``dateCreated``/``dateModified``, publication, generic and
  update ``<meta>`` tags, microdata, ``<time>`` elements, a date in the URL, visible dateline
  elements, a dateline line under the headline where none of these in the article's own part gives
  a day, and htmldate's date where they disagree on the day (its fast search) or give none (its
  extensive search, which costs as much as the rest of the page's metadata).

The constraints that hold everywhere apply here: author offers are people (``normalise_authors``,
no organisation, not the site), a date keeps the precision its source gave, and htmldate's
``YYYY-01-01`` stand-in for a bare year (a copyright line) is no offer.

This module does NOT choose: it gathers.  It does not read the extracted body (the text layers'
lines join as offers in the pipeline).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from lxml.html import HtmlElement

from cleaner.html.authors import AUTHOR_META, bylines_beside_headline, ld_people, people, shown_as
from cleaner.html.bylines import MAX_DATELINE, header_bylines, in_listing, label_bylines, names_in
from cleaner.html.dates import (
    GENERIC_META,
    PUBLISHED_META,
    UPDATED_META,
    dates_of,
    day_first_of,
    header_dates,
    htmldate_guess,
    localised,
    time_elements,
    url_dates,
)
from cleaner.html.elements import element_text, media_credit
from cleaner.html.marks import Marks
from cleaner.html.sources import in_other_item, ld_values, meta_values
from cleaner.html.title import (
    GENERIC_TITLES,
    after_kicker,
    alnum,
    is_site,
    strip_site,
    without_date_part,
    without_kicker,
)
from cleaner.lexicon.calendar import weekday_names
from cleaner.metadata.credits import credited_names
from cleaner.metadata.dates import find_dateline, parse_date
from cleaner.metadata.offers import DECLARED_AUTHORS, Offer
from cleaner.metadata.titles import major_sides, parts, squash
from cleaner.model import Metadata
from cleaner.text.decode import normalise

TITLE_META = {
    "og:title": "og:title",
    "twitter:title": "twitter:title",
    "dc.title": "dc.title",
    "dcterms.title": "dc.title",
    "title": "meta-title",
    "headline": "meta-title",
    "parsely-title": "meta-title",
    "sailthru.title": "meta-title",
}
MAX_TITLE = 300
MAX_BYLINES = 8
MAX_DATELINES = 12
CREDIT_WINDOW = 40


class Place:
    """Where an element stands: its line in the markup over the page's lines, and whether after the ``<h1>``."""

    def __init__(self, found: Marks, lines: int) -> None:
        self.lines = max(1, lines)
        self.h1_line = found.h1[0].sourceline if found.h1 and found.h1[0].sourceline else None

    def where(self, element: HtmlElement) -> float:
        line = element.sourceline
        return round(min(1.0, line / self.lines), 4) if line else -1.0

    def after_h1(self, element: HtmlElement) -> int:
        line = element.sourceline
        return -1 if self.h1_line is None or not line else int(line >= self.h1_line)


# ----------------------------------------------------------------- title


def title_offers(
    tree: HtmlElement, found: Marks, metas: dict[str, list[str]], articles: list[dict], site_names: list[str],
    place: Place,
) -> list[Offer]:  # fmt: skip
    """Every title a page offers, with the values cut from its declared titles."""
    declared: list[tuple[str, str]] = []
    for source, key in (("ld-headline", "headline"), ("ld-name", "name")):
        declared += [(source, squash(v)) for v in ld_values(articles, key) if isinstance(v, str)][:2]
    for key, source in TITLE_META.items():
        declared += [(source, squash(value)) for value in metas.get(key, ())[:1]]
    first_title = next(tree.iter("title"), None)  # the page's own, not an SVG's further down
    declared += [("title-tag", squash(element_text(first_title)))] if first_title is not None else []
    values = {text for _, text in declared}
    names = [name for name in site_names if alnum(name) and name not in values]
    offers: list[Offer] = []
    cuts: dict[str, list[Offer]] = {}  # sources often declare the same text: it is cut once
    for source, text in declared:
        if text and len(text) <= MAX_TITLE:
            if text not in cuts:
                cuts[text] = list(_cut_titles(source, text, names))
            offers += [offer if offer.source == source else replace(offer, source=source) for offer in cuts[text]]
    mastheads = set(found.mastheads)
    seen: set[HtmlElement] = set()
    for order, element in enumerate([*found.h1[:6], *found.get("headline")[:10]]):
        if element in seen:
            continue
        seen.add(element)
        source = "h1-masthead" if element in mastheads else "h1" if element.tag == "h1" else "headline-mark"
        text = squash(element_text(element))
        if not 3 <= len(text) <= MAX_TITLE:
            continue
        common: dict[str, Any] = {"order": order, "where": place.where(element), "aside": found.elsewhere(element)}
        offers.append(Offer("title", text, source, site=is_site(text, names), **common))
        rest = without_kicker(element)
        if rest and rest != text:
            offers.append(Offer("title", rest, source, derived="after-kicker", site=is_site(rest, names), **common))
    return _unique(offers)


def _cut_titles(source: str, text: str, site_names: list[str]) -> Iterator[Offer]:
    """A declared title, and the values cut from it: without the site's name, parts, sides, after a kicker."""
    yield Offer("title", text, source, site=is_site(text, site_names))
    stripped = strip_site(text, site_names)
    if stripped and stripped != text and alnum(stripped) not in GENERIC_TITLES:
        yield Offer("title", stripped, source, derived="site-removed")
    pieces = parts(text)
    if len(pieces) > 1:
        for order, piece in enumerate(pieces[:4]):
            yield Offer("title", piece, source, order=order, derived="part", site=is_site(piece, site_names))
    for order, side in enumerate(major_sides(text)[:3]):
        yield Offer("title", squash(side), source, order=order, derived="side", site=is_site(side, site_names))
    for whole in dict.fromkeys((text, stripped or text)):
        for rest in after_kicker(whole):
            yield Offer("title", rest, source, derived="after-kicker")
    dated = without_date_part(text)
    if dated != text:
        yield Offer("title", dated, source, derived="date-removed")


def _unique(offers: list[Offer]) -> list[Offer]:
    """One offer per value, source and derivation (the first), text in the one normal form of every layer."""
    seen: set[tuple[object, str, str]] = set()
    out = []
    for offer in offers:
        if offer.field == "title":
            value: str | tuple[str, ...] = normalise(str(offer.value)).strip()
        elif offer.field == "authors":
            value = tuple(normalise(name).strip() for name in offer.value)
        else:
            value = offer.value
        if value != offer.value:
            offer = replace(offer, value=value)
        key = (offer.value, offer.source, offer.derived)
        if offer.value and key not in seen:
            seen.add(key)
            out.append(offer)
    return out


# ----------------------------------------------------------------- authors


def author_offers(
    tree: HtmlElement, found: Marks, metas: dict[str, list[str]], objects: list[dict], articles: list[dict],
    site: str | None, place: Place,
) -> list[Offer]:  # fmt: skip
    """Every set of person authors a page offers: JSON-LD, meta tags, byline elements and lines, credit lines."""
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    offers: list[Offer] = []
    named = people(ld_people(ld_values(articles, "author"), by_id), site)
    if named:
        offers.append(Offer("authors", named, "ld-author"))
    for order, key in enumerate(AUTHOR_META):
        raws = [value for value in metas.get(key, ()) if not value.startswith(("http", "@", "www."))]
        named = people(raws, site)
        if named:
            offers.append(Offer("authors", named, "meta-author", order=order))
    order = 0
    for element in found.get("byline", header_first=True)[:20]:
        if element in found.mastheads or media_credit(element) or found.elsewhere(element):
            continue  # a byline in comments, teasers or a sidebar names someone else's text
        named = people(names_in(element), site)
        if named:
            common: dict[str, Any] = {"where": place.where(element), "after_h1": place.after_h1(element)}
            offers.append(Offer("authors", named, "byline-element", order=order, **common))
            order += 1
            if order >= MAX_BYLINES:
                break
    named = people(bylines_beside_headline(found), site)
    if named:
        offers.append(Offer("authors", named, "byline-beside-headline"))
    for order, (element, raws) in enumerate(header_bylines(tree, found, limit=3)):
        named = people(raws, site)
        if named:
            where = place.where(element)
            offers.append(Offer("authors", named, "header-byline", order=order, where=where))
    for order, (element, raws) in enumerate(_credit_lines(found, limit=3)):
        named = people(raws, site)
        if named:
            offers.append(Offer("authors", named, "credit-line", order=order, where=place.where(element)))
    labels = [] if offers else label_bylines(tree, found, limit=3)  # a page-wide search: where nothing else names
    for order, (element, raws) in enumerate(labels):
        named = people(raws, site)
        if named:
            common = {"where": place.where(element), "after_h1": place.after_h1(element)}
            offers.append(Offer("authors", named, "label-element", order=order, **common))
    offered = tuple(dict.fromkeys(name for offer in offers for name in _names(offer)))
    spelled = dict(zip(offered, shown_as(offered, tree), strict=True))  # the tree is searched once a page
    written = [tuple(spelled[name] for name in _names(offer)) for offer in offers]
    declared = [names for offer, names in zip(offers, written, strict=True) if offer.source in DECLARED_AUTHORS]
    full = [_in_full(_without_residue(_unglued(names, written), written), written, declared) for names in written]
    return _unique(_valued(offers, full))


def _valued(offers: list[Offer], values: list[tuple[str, ...]]) -> list[Offer]:
    """Each offer with its value; ``replace`` (a new record built field by field) only where the value changed."""
    return [
        offer if offer.value == value else replace(offer, value=value)
        for offer, value in zip(offers, values, strict=True)
    ]


def _names(offer: Offer) -> tuple[str, ...]:
    return offer.value if isinstance(offer.value, tuple) else (offer.value,)


def _in_full(
    names: tuple[str, ...], offered: list[tuple[str, ...]], declared: list[tuple[str, ...]]
) -> tuple[str, ...]:
    """A first name alone written in full where the page's offers name one person of that first name
    ("Nils" beside "Nils Pickert"), and a surname alone where the markup declares one person of that
    surname ("Lindqvist" shown, "Marta von Lindqvist" in JSON-LD): the same person, named less fully.
    (A shown name is no full name of a surname: "Über Pemberly" heads an author box.)"""
    fuller: dict[str, list[str]] = {}
    for key, name in _keyed(offered, 0) + _keyed(declared, -1):
        full = fuller.setdefault(key, [])
        if name not in full:
            full.append(name)
    return tuple(
        full[0] if " " not in name and len(full := fuller.get(name.casefold(), [])) == 1 else name for name in names
    )


def _keyed(values: list[tuple[str, ...]], word: int) -> list[tuple[str, str]]:
    """Each name of two words or more, keyed by its first (0) or last (-1) word, case-folded."""
    return [(name.split()[word].casefold(), name) for value in values for name in value if " " in name]


def _unglued(names: tuple[str, ...], offered: list[tuple[str, ...]]) -> tuple[str, ...]:
    """A name that is the names of another offer run together ("Maya Torres Liam O'Connell", two linked
    names read as one line, beside "Maya Torres" and "Liam O'Connell") is those names."""
    glued = {" ".join(value).casefold(): value for value in offered if len(value) > 1}
    return tuple(part for name in names for part in glued.get(name.casefold(), (name,)))


def _without_residue(names: tuple[str, ...], offered: list[tuple[str, ...]]) -> tuple[str, ...]:
    """A name that is another offered name and a weekday after it ("Jonas Albrecht Fr" beside "Jonas Albrecht",
    from "Jonas Albrecht Fr, 3. Dezember 2021" cut at its comma) is that name: the weekday opened the date."""
    others = {name.casefold() for value in offered for name in value}
    return tuple(name[: name.rindex(" ")] if " " in name and _is_residue(name, others) else name for name in names)


def _is_residue(name: str, others: set[str]) -> bool:
    head, last = name.rsplit(" ", 1)
    return last.rstrip(".").casefold() in weekday_names() and " " in head and head.casefold() in others


def _credit_lines(found: Marks, limit: int) -> Iterator[tuple[HtmlElement, list[str]]]:
    """Names of credit lines near the headline or in a dateline element ("06.11.2023 13:30 von Olga")."""
    after = found.following(found.h1[0], CREDIT_WINDOW) if found.h1 else []
    count = 0
    for element in [*found.get("dateline", header_first=True)[:20], *after]:
        text = found.short_text(element, 120)
        names = credited_names(text) if text is not None and len(text) >= 6 else ()
        if names and not found.elsewhere(element):
            yield element, list(names)
            count += 1
            if count >= limit:
                return


# ----------------------------------------------------------------- dates


def date_offers(
    tree: HtmlElement, found: Marks, metas: dict[str, list[str]], articles: list[dict], url: str | None,
    place: Place,
) -> list[Offer]:  # fmt: skip
    """Every date a page offers for its publication (and its update dates, which compete as such)."""
    offers: list[Offer] = []
    for source, values in (
        ("ld-published", ld_values(articles, "datePublished")),
        ("ld-created", ld_values(articles, "dateCreated")),
        ("ld-modified", ld_values(articles, "dateModified")),
        ("meta-published", meta_values(metas, PUBLISHED_META)),
        ("meta-generic", meta_values(metas, GENERIC_META)),
        ("meta-modified", meta_values(metas, UPDATED_META)),
    ):
        offers += [Offer("date", date, source, order=i) for i, date in enumerate(dates_of(values)[:3])]
    microdata = [element for element in found.dated if not in_other_item(element)][:3]
    for order, element in enumerate(microdata):
        for date in dates_of([element.get("content") or element.get("datetime") or element_text(element)]):
            offers.append(Offer("date", date, "microdata", order=order, where=place.where(element)))
    for order, (source, element) in enumerate(time_elements(found)):
        for date in dates_of([element.get("datetime")]):
            common: dict[str, Any] = {
                "where": place.where(element),
                "after_h1": place.after_h1(element),
                "aside": found.elsewhere(element),
            }
            offers.append(Offer("date", date, source, order=order, **common))
    offers += [Offer("date", date, "url") for date in url_dates(url)]
    day_first = day_first_of(tree, metas)
    offers += _dateline_offers(found, day_first, place)
    if not any(_own_day(offer) for offer in offers if offer.source not in ("ld-modified", "meta-modified")):
        offers += [Offer("date", date, "header-line") for date in header_dates(found, day_first)]
    return _with_local(_unique(offers))


def _own_day(offer: Offer) -> bool:
    """Whether the offer gives a day and stands in the article's own part of the page (not comments,
    teasers, sidebars or the footer, whose dates are other texts')."""
    return len(str(offer.value)) >= 10 and not offer.aside


def guessed_offers(tree: HtmlElement, url: str | None, html: str | None, offers: list[Offer]) -> list[Offer]:
    """htmldate's date as one more offer: a second opinion where the page's own offers disagree on the day.

    Where the offers of the article's own part give two days or more, htmldate's fast search reads
    the page's tree (about 1 ms: its meta, URL and element heuristics, not the text); where they
    give none, its extensive search reads the markup (``htmldate_guess``), the page's dearest step;
    where they all give one day, there is nothing to settle and it is not asked.
    """
    days = {str(offer.value)[:10] for offer in offers if _own_day(offer)}
    if len(days) == 1:
        return []
    guess = htmldate_guess(tree, url, None if days else html, extensive=not days)
    return [Offer("date", guess, "htmldate")] if guess else []


def _dateline_offers(found: Marks, day_first: bool | None, place: Place) -> list[Offer]:
    """The dates of the visible dateline elements, header first; a listing's dates are none."""
    datelines = found.get("dateline", header_first=True)
    offers: list[Offer] = []
    order = 0
    for element in datelines[:25]:
        text = found.short_text(element, MAX_DATELINE)
        if text is None or len(text) < 6 or not any(char.isdigit() for char in text):
            continue
        dateline = find_dateline(text, day_first=day_first)
        if dateline is None:
            date = parse_date(text, day_first=day_first)
            dateline = Metadata(published=date) if date else None
        if dateline is None or in_listing(element, text, datelines):
            continue
        common: dict[str, Any] = {
            "where": place.where(element),
            "after_h1": place.after_h1(element),
            "aside": found.elsewhere(element),
        }
        if dateline.published:
            offers.append(Offer("date", dateline.published, "dateline-element", order=order, **common))
        if dateline.updated:
            offers.append(Offer("date", dateline.updated, "dateline-element", order=order, label="updated", **common))
        order += 1
        if order >= MAX_DATELINES:
            break
    return offers


# The date offers the page shows a reader: its visible times and datelines (the markup's are the rest).
_SHOWN_TIMES = frozenset(("time-marked", "time-after-h1", "time", "dateline-element", "header-line"))


def _with_local(offers: list[Offer]) -> list[Offer]:
    """Each UTC value also in the local time another offer states the same moment in (the day a reader sees)."""
    values = [str(offer.value) for offer in offers]
    shown = {str(offer.value) for offer in offers if offer.source in _SHOWN_TIMES}
    out = list(offers)
    for offer in offers:
        local = localised(str(offer.value), values, shown)
        if local and local != offer.value:
            out.append(Offer("date", local, offer.source, order=offer.order, where=offer.where, derived="local"))
    return out
