"""Offers: every value a page's sources give for its title, authors or publication date, as features.

A page states its metadata several times, and rarely identically: JSON-LD, ``<meta>`` tags,
microdata, ``<time>`` elements, the visible headline, byline and dateline elements, the
``<title>``, htmldate's guess, and the lines of the text the extractor kept.  The html layer
gathers them (``cleaner.html.offers``) as ``Offer`` records; the text layers' line candidates
join them as offers too (``text_offers``, each with the text metadata model's score).  This
module turns a field's offers into feature rows for a trained ranker (``cleaner.metadata.pagechoice``):
what the offer is (its source, how its value was derived), where it stands, its shape, and how
far the other sources agree with it.

What it does NOT do: it reads no markup, parses no date or name, and chooses nothing.  The
constraints that hold everywhere are applied where offers are made, not learned: a copyright
year is no date, a date keeps the precision its source gave, and authors are people (organisations
and the site itself never become an author offer).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime

from cleaner.metadata.dates import mentions_date
from cleaner.metadata.names import looks_like_name
from cleaner.metadata.titles import SEPARATORS, title_key

PAGE_FIELDS = ("title", "date", "authors")

# Where an offer comes from; the code is the feature (a new source goes at the end of its list).
TITLE_SOURCES = (
    "ld-headline", "ld-name", "og:title", "twitter:title", "dc.title", "meta-title", "title-tag", "h1",
    "h1-masthead", "headline-mark", "text-line",
)  # fmt: skip
DATE_SOURCES = (
    "ld-published", "ld-created", "ld-modified", "meta-published", "meta-generic", "meta-modified", "microdata",
    "time-marked", "time-after-h1", "time", "url", "dateline-element", "header-line", "htmldate",
    "text-dateline", "text-credit", "text-lead", "text-mention", "text-line",
)  # fmt: skip
AUTHOR_SOURCES = (
    "ld-author", "meta-author", "byline-element", "byline-beside-headline", "header-byline", "credit-line",
    "label-element", "text-byline", "text-credit", "text-group", "text-names", "text-line",
)  # fmt: skip
SOURCES = {"title": TITLE_SOURCES, "date": DATE_SOURCES, "authors": AUTHOR_SOURCES}
DECLARED = frozenset(("ld-headline", "ld-name", "og:title", "twitter:title", "dc.title", "meta-title", "title-tag"))
VISIBLE_TITLES = frozenset(("h1", "h1-masthead", "headline-mark"))
# How a title's value was made from what its source says ("": as it is).
DERIVATIONS = ("", "site-removed", "part", "side", "after-kicker", "date-removed", "local")
FAR = 3650
NO_SCORE = -1.0


@dataclass(frozen=True, slots=True)
class Offer:
    """One value one source gives for a field ("title", "date" or "authors").

    ``order`` is its rank among the offers of its source (0: the first on the page); ``where`` the
    place of its element on the page (0 top, 1 bottom; -1: not an element); ``after_h1`` whether that
    element follows the first ``<h1>`` (-1: unknown); ``aside`` whether it stands in comments,
    teasers, sidebars or the page's footer; ``label`` what a dateline's words call the date;
    ``derived`` how the value was cut from its source (``DERIVATIONS``); ``site`` whether a title
    is the site's own name; ``score`` the text metadata model's probability for a text line's offer.
    """

    field: str
    value: str | tuple[str, ...]
    source: str
    order: int = 0
    where: float = -1.0
    after_h1: int = -1
    aside: bool = False
    label: str = ""
    derived: str = ""
    site: bool = False
    score: float = NO_SCORE

    def to_dict(self) -> dict[str, object]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {
            "field": self.field, "value": value, "source": self.source, "order": self.order, "where": self.where,
            "after_h1": self.after_h1, "aside": self.aside, "label": self.label, "derived": self.derived,
            "site": self.site, "score": self.score,
        }  # fmt: skip


def _common(offer: Offer, offers: Sequence[Offer]) -> list[float]:
    return [
        float(SOURCES[offer.field].index(offer.source)),
        float(min(offer.order, 20)),
        offer.where,
        float(offer.after_h1),
        float(offer.aside),
        offer.score,
        float(len(offers)),
    ]


COMMON_FEATURES = ("source", "order", "where", "after_h1", "aside", "text_score", "offers")


# ----------------------------------------------------------------- title


def _title_rows(offers: Sequence[Offer]) -> list[list[float]]:
    texts = [str(offer.value) for offer in offers]
    shapes = {text: _title_shape(text) for text in dict.fromkeys(texts)}  # sources repeat the same text
    keys = [shapes[text][0] for text in texts]
    sources: dict[str, set[str]] = {}
    declared: Counter[str] = Counter()
    visible: Counter[str] = Counter()
    for offer, key in zip(offers, keys, strict=True):
        sources.setdefault(key, set()).add(offer.source)
        declared[key] += offer.source in DECLARED and not offer.derived
        visible[key] += offer.source in VISIBLE_TITLES
    longest = max((len(key) for key in keys), default=1) or 1
    title_tags = [key for offer, key in zip(offers, keys, strict=True) if offer.source == "title-tag"]
    distinct = set(keys)
    inside = {key: sum(key != other and key in other for other in distinct) for key in distinct}
    tagged = {key: float(any(key and key in tag for tag in title_tags)) for key in distinct}
    rows = []
    for offer, text, key in zip(offers, texts, keys, strict=True):
        rows.append(
            [
                *_common(offer, offers),
                float(DERIVATIONS.index(offer.derived)),
                float(len(sources[key])),
                float(declared[key]),
                float(visible[key]),
                float(offer.site),
                *shapes[text][1],
                len(key) / longest,
                float(inside[key]),
                tagged[key],
            ]
        )
    return rows


def _title_shape(text: str) -> tuple[str, list[float]]:
    """A title's comparison key and the features of its text alone (chars to states_date)."""
    words = text.split()
    return title_key(text), [
        float(min(len(text), 400)),
        float(min(len(words), 60)),
        sum(word[:1].isupper() for word in words) / max(1, len(words)),
        sum(map(str.isdigit, text)) / max(1, len(text)),
        float(SEPARATORS.search(text) is not None),
        float(text.rstrip().endswith(".")),
        float(mentions_date(text)),
    ]


TITLE_FEATURES = (
    *COMMON_FEATURES, "derived", "agreeing_sources", "declared_whole", "visible", "site_name", "chars", "words",
    "capitalised", "digits", "separator", "full_stop", "states_date", "of_longest", "inside_others", "in_title_tag",
)  # fmt: skip


# ----------------------------------------------------------------- date


def _precision(value: str) -> float:
    """0 year, 1 month, 2 day, 3 time, 4 time with its offset."""
    size = len(value)
    return 0.0 if size <= 4 else 1.0 if size <= 7 else 2.0 if size <= 10 else 4.0 if size > 19 else 3.0


def _ordinal(day: str) -> int | None:
    try:
        year, month, date = (int(part) for part in day.split("-"))
    except ValueError:
        return None
    return year * 372 + month * 31 + date


def date_days(offers: Sequence[Offer]) -> list[tuple[str, list[Offer]]]:
    """The page's offered days (a year or month where that is all a source gives), each with its offers, in order.

    The date is chosen as a day: the scorer of every benchmark, and a reader, compare days; the offers
    of one day are its evidence.  The value given is then one offer's own (``day_value``).
    """
    days: dict[str, list[Offer]] = {}
    for offer in offers:
        days.setdefault(str(offer.value)[:10], []).append(offer)
    return list(days.items())


def update_days(offers: Sequence[Offer]) -> set[str]:
    """The offered days that are the page's update, not its publication, whatever a model says of them.

    The day of the markup's declared modification is the update where the markup declares another day
    as the publication and the page shows that day to the reader as well (``_an_update``).
    """
    days = date_days(offers)
    if not any(_declared(mine) and any(map(_shown_publication, mine)) for _, mine in days):
        return set()
    return {day for day, mine in days if _an_update(mine)}


def _an_update(mine: Sequence[Offer]) -> bool:
    """A day the markup declares as the modification and not as the publication.

    Where the page shows its declared publication day, such a day is its update, even where the page
    shows it first; where the page shows only that day, the page may have been redated, and it
    competes.  (A day shown only under an update label competes too: the benchmark's readers date
    such pages by it.)
    """
    return any(offer.source in _MODIFIED_DATES for offer in mine) and not _declared(mine)


def _declared(mine: Sequence[Offer]) -> bool:
    return any(offer.source in _DECLARED_DATES for offer in mine)


def _shown_publication(offer: Offer) -> bool:
    return offer.source in _SHOWN_DATES and not offer.aside and offer.label != "updated"


def day_value(offers: Sequence[Offer]) -> Offer:
    """The offer that states a chosen day: the page's own statement of its publication before an update's or
    htmldate's, then the most precise, a local time before the same moment in UTC.

    Every offer's value is its source's own, so none is more precise than its source.  On a day the page both
    publishes and modifies on, the modification's moment (or its local reading, or a shown time without an
    offset giving its wall-clock time, as a live blog's latest entry does) is a later instant, not the
    publication's time, however precise; where the day has nothing else, it states the day as before.
    """
    updates = _update_clocks(offers)

    def rank(offer: Offer) -> tuple[bool, float, bool]:
        value = str(offer.value)
        own = offer.source != "htmldate" and not states_update(offer) and not _shows_clock(value, updates)
        return own, _precision(value), not value.endswith(("+00:00", "Z"))

    return max(offers, key=rank)  # the first of equals: the offers come in the sources' order


def states_update(offer: Offer) -> bool:
    """Whether the offer states the page's update: the markup's modification, or a dateline's update label."""
    return offer.source in _MODIFIED_DATES or offer.label == "updated"


def _update_clocks(offers: Sequence[Offer]) -> set[str]:
    """The wall-clock minutes (``YYYY-MM-DDTHH:MM``, as written and in UTC) of the offers' updates, but not those
    the markup also declares as the publication (an update that states the publication's moment is none)."""
    declared = [offer for offer in offers if offer.source in _DECLARED_DATES and not states_update(offer)]
    return _clocks(filter(states_update, offers)) - _clocks(declared)


def _clocks(offers: Iterable[Offer]) -> set[str]:
    """The wall-clock minutes at which the offers state a time: as written, and in UTC where an offset says."""
    clocks = set()
    for value in (str(offer.value) for offer in offers):
        if len(value) >= 16:
            clocks.add(value[:16])
            with suppress(ValueError):
                moment = datetime.fromisoformat(value)
                if moment.tzinfo is not None:
                    clocks.add(moment.astimezone(UTC).isoformat()[:16])
    return clocks


def _shows_clock(value: str, clocks: set[str]) -> bool:
    """Whether ``value``, a time without an offset, gives one of the ``clocks``' wall-clock minutes."""
    return 16 <= len(value) <= 19 and value[:16] in clocks


# Sources by what they say about the day: the markup's statement of the publication, its statement of
# an update, and what the page shows a reader near the article.
_DECLARED_DATES = frozenset(("ld-published", "ld-created", "meta-published", "microdata", "time-marked"))
_MODIFIED_DATES = frozenset(("ld-modified", "meta-modified"))
_SHOWN_DATES = frozenset(
    ("dateline-element", "header-line", "time-after-h1", "text-dateline", "text-lead", "text-credit")
)
_FIRST_OF = ("ld-published", "meta-published", "meta-generic", "dateline-element", "time", "microdata")


def _date_rows(offers: Sequence[Offer]) -> list[list[float]]:
    """One row per offered day (``date_days``): which sources state it, where, how, and against the other days."""
    days = date_days(offers)
    ordinals = {day: _ordinal(day) if len(day) == 10 else None for day, _ in days}
    known = [value for value in ordinals.values() if value is not None]
    earliest, latest = (min(known), max(known)) if known else (0, 0)
    page_declares = float(any(offer.source in _DECLARED_DATES for offer in offers))
    page_shows = float(any(offer.source in _SHOWN_DATES and not offer.aside for offer in offers))
    rows = []
    for day, mine in days:
        sources = {offer.source for offer in mine}
        places = [offer.where for offer in mine if offer.where >= 0]
        ordinal = ordinals[day]
        rows.append(
            [
                *(float(source in sources) for source in DATE_SOURCES),
                *(float(any(o.source == source and o.order == 0 for o in mine)) for source in _FIRST_OF),
                float(min(min(offer.order for offer in mine), 20)),
                min(places) if places else -1.0,
                float(any(offer.after_h1 == 1 for offer in mine)),
                float(all(offer.aside for offer in mine)),
                float(any(offer.label == "updated" for offer in mine)),
                float(any(offer.label == "published" for offer in mine)),
                max(_precision(str(offer.value)) for offer in mine),
                float(len(days)),
                float(len(sources)),
                float(len(mine)),
                float(min(latest - ordinal, FAR)) if ordinal is not None else -1.0,
                float(min(ordinal - earliest, FAR)) if ordinal is not None else -1.0,
                float(sources <= _MODIFIED_DATES),
                float(bool(sources & _DECLARED_DATES)),
                page_declares,
                float(any(offer.source in _SHOWN_DATES and not offer.aside for offer in mine)),
                page_shows,
                max(offer.score for offer in mine),
                float(any(offer.derived == "local" for offer in mine)),
                float(all(offer.derived == "local" for offer in mine)),
                float(len(offers)),
            ]
        )
    return rows


DATE_FEATURES = (
    *(f"from_{source}" for source in DATE_SOURCES), *(f"first_{source}" for source in _FIRST_OF), "order", "where",
    "after_h1", "aside_only", "labelled_updated", "labelled_published", "precision", "days_on_page", "sources",
    "offers_of_day", "to_latest", "from_earliest", "modified_only", "declared_day", "page_declares", "shown_day",
    "page_shows", "text_score", "local", "local_only", "offers",
)  # fmt: skip


# ----------------------------------------------------------------- authors


def _author_rows(offers: Sequence[Offer], text: str) -> list[list[float]]:
    sets = [frozenset(name.casefold() for name in offer.value) for offer in offers]
    kinds = [_AUTHOR_KINDS.get(offer.source, "text") for offer in offers]
    folded = text.casefold()
    rows = []
    for offer, names in zip(offers, sets, strict=True):
        people = tuple(offer.value)
        others = [other for other, o in zip(sets, offers, strict=True) if o.source != offer.source]
        tokens = [len(name.split()) for name in people]
        rows.append(
            [
                *_common(offer, offers),
                float(len(people)),
                sum(tokens) / max(1, len(tokens)),
                sum(map(looks_like_name, people)) / max(1, len(people)),
                float(any(_is_handle(name) for name in people)),
                float(any(ch.isdigit() for name in people for ch in name)),
                float(any(other < names for other in others)),
                float(any(names < other for other in others)),
                float(any(_extends(names, other) for other in others)),
                math.log1p(folded.count(people[0].casefold())) if people and people[0] else 0.0,
                float(_AUTHOR_KINDS.get(offer.source) == "declared"),
                float(len({kind for other, kind in zip(sets, kinds, strict=True) if other == names})),
                float(len({kind for other, kind in zip(sets, kinds, strict=True) if other & names})),
            ]
        )
    return rows


def _is_handle(name: str) -> bool:
    """A user name rather than a written name: one token, lower-case or joined by ``-``/``_``."""
    return " " not in name and (name.islower() or "_" in name or "-" in name.strip("-"))


def _extends(names: frozenset[str], other: frozenset[str]) -> bool:
    """Each of ``other``'s names is the start of one of ``names`` ("todd" -> "todd bates")."""
    return bool(other) and names != other and all(any(n.startswith(o + " ") or n == o for n in names) for o in other)


# Kinds of author sources: what the markup declares and what the page shows (the text's lines are a third
# kind).  Agreement is counted by kind: a byline element read twice (as itself and beside the headline)
# is one statement, not two.
_AUTHOR_KINDS = {
    "ld-author": "declared", "meta-author": "declared", "byline-element": "shown", "byline-beside-headline": "shown",
    "header-byline": "shown", "credit-line": "shown", "label-element": "shown",
}  # fmt: skip
DECLARED_AUTHORS = frozenset(source for source, kind in _AUTHOR_KINDS.items() if kind == "declared")

AUTHOR_FEATURES = (
    *COMMON_FEATURES, "names", "name_tokens", "person_shaped", "handle", "digits", "covers_other", "covered_by_other",
    "extends_other", "mentions", "declared", "agreeing_kinds", "sharing_kinds",
)  # fmt: skip


PAGE_FEATURES = {"title": TITLE_FEATURES, "date": DATE_FEATURES, "authors": AUTHOR_FEATURES}


def feature_rows(field: str, offers: Sequence[Offer], *, text: str = "") -> list[list[float]]:
    """The feature rows of one field's offers (``PAGE_FEATURES[field]`` names the columns): one per offer,
    but for the date one per offered day (``date_days``).

    ``text`` is the article's text (authors: how often a name appears in it).
    """
    if not offers:
        return []
    if field == "title":
        return _title_rows(offers)
    if field == "date":
        return _date_rows(offers)
    return _author_rows(offers, text)
