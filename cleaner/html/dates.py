"""A page's publication and update dates, each picked by an explicit precedence (docs/html.md).

Published: JSON-LD ``datePublished``/``dateCreated``, publication ``<meta>`` tags, microdata,
``<time datetime>`` (a bare year or month yields to a full date from any of them); then a
date in the URL path, the first visible dateline element, a short dateline or credit line
under the headline.  One visible dateline outweighs a generic date tag that is the only
declared date and shows another day; a page that shows its
update unlabelled as its date, and its declared publication nowhere, was re-dated; a UTC value
takes the offset of the same moment shown in local time.  Slash dates are read in the page's locale.
Updated: JSON-LD ``dateModified``, then update tags; dropped when it states the publication's
moment or comes before it.  htmldate's guess is made only when nothing gives a publication
date, and kept apart (``page_dates``' second value): the pipeline ranks it below what the text states.
``warm_up`` pays htmldate's one-off cost.

This module does NOT read authors, titles or other fields, does not look at the extracted
body (a lead dateline there is the text layers' concern), and parses no date text itself:
``cleaner.metadata.dates`` reads and normalises every value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement

from cleaner.html.marks import MAX_DATELINE, Marks, elsewhere, shown_datelines, text_of
from cleaner.html.sources import in_other_item, ld_values, meta_values
from cleaner.metadata.credits import parse_credit
from cleaner.metadata.dates import find_dateline, normalise_date
from cleaner.model import Metadata

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "citation_publication_date",
    "citation_date",
    "article_date_original",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
)
# Tags that give "a date" of the page, not saying which: often its publication, but also a
# re-import, a print edition or the day the page was generated.  Alone, they yield to a visible
# dateline that shows another day.
GENERIC_META = ("dc.date", "dcterms.date", "date")
UPDATED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "modified_time",
    "datemodified",
    "article.updated",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
)
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$|\.)")
_URL_DAY = re.compile(r"[/_-](20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
_SPACES = re.compile(r"\s+")


def page_dates(
    tree: HtmlElement,
    found: Marks,
    metas: dict[str, list[str]],
    articles: list[dict],
    url: str | None,
    html: str | None = None,
    *,
    guess: bool = True,
) -> tuple[Metadata, str | None]:
    """Publication and update by their precedence (see the module docstring), and htmldate's guess apart.

    The guess is made only when the page states no publication date; htmldate is given the page's
    markup as it came (``html``, scripts included, as a user of htmldate would) when there is one.
    """
    updated = _first_date(ld_values(articles, "dateModified"), meta_values(metas, UPDATED_META))
    published = _published(tree, found, metas, articles, url, updated)
    guessed = htmldate_guess(tree, url, html) if published is None and guess else None
    if updated is not None and published is not None and updated[:10] < published[:10]:
        updated = None  # a "modified" before the publication is a template date, not an update
    if updated is not None and published is not None and _same_moment(updated, published):
        updated = None
    return Metadata(published=published, updated=updated), guessed


def dates_of(*sources: Iterable[object]) -> list[str]:
    """Every value of the sources that normalises to a date, in precedence order."""
    found = []
    for source in sources:
        for value in source:
            if isinstance(value, str):
                date = normalise_date(value)
                if date:
                    found.append(date)
    return found


def _first_date(*sources: Iterable[object]) -> str | None:
    found = dates_of(*sources)
    return found[0] if found else None


def _local(dates: list[str], shown: Sequence[str] = ()) -> str | None:
    """The first full date (a bare year or month only when no source gives a day), in local time.

    When the chosen value is in UTC and another source, or the visible dateline (``shown``), states
    the same moment in local time, the local one wins: sites often write JSON-LD in UTC and their
    visible or ``<meta>`` dates in local time; the local reading is the one a reader sees (and the
    day can differ: 23:30 -04:00 is 03:30 UTC).
    """
    if not dates:
        return None
    dates = [d for d in dates if len(d) >= 10] + [d for d in dates if len(d) < 10]  # a bare year is weak
    first = dates[0]
    moment = _moment(first)
    if moment is None or moment.utcoffset() != timedelta(0):
        return first
    for other in [*dates[1:], *shown]:
        local = _moment(other)
        if local is None or local.utcoffset() == timedelta(0):
            continue
        if local.tzinfo is not None:
            if local == moment:
                return other
            continue
        shift = _local_shift(local, moment)
        if shift is not None:
            return moment.astimezone(timezone(shift)).isoformat()
    return first


def _local_shift(local: datetime, utc: datetime) -> timedelta | None:
    """The UTC offset by which the offset-less ``local`` states the moment ``utc``, if it does.

    Whole hours up to 14 (a time shown to the minute, "03/05/2022 21:44", is compared to the
    minute); no shift is no offset learnt, and other differences are another moment.
    """
    if local.second == 0 and local.microsecond == 0:
        utc = utc.replace(second=0, microsecond=0)
    shift = local - utc.replace(tzinfo=None)
    if shift and shift.total_seconds() % 3600 == 0 and abs(shift) <= timedelta(hours=14):
        return shift
    return None


def _same_moment(one: str, other: str) -> bool:
    """Equal values, or one moment written in two offsets (an update equal to the publication is none)."""
    if one == other:
        return True
    moment = _moment(one)
    return moment is not None and moment == _moment(other)


def _moment(iso: str) -> datetime | None:
    if len(iso) < 16:
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def _published(
    tree: HtmlElement,
    found: Marks,
    metas: dict[str, list[str]],
    articles: list[dict],
    url: str | None,
    updated: str | None,
) -> str | None:
    """JSON-LD, meta tags, microdata, ``<time>``, the URL path, visible datelines."""
    microdata = [
        element.get("content") or element.get("datetime") or text_of(element)
        for element in found.dated
        if not in_other_item(element)  # a citation's or a comment's date is not the page's
    ]
    times = dates_of(_time_elements(tree, found))
    declared = dates_of(
        ld_values(articles, "datePublished"), ld_values(articles, "dateCreated"), meta_values(metas, PUBLISHED_META)
    )
    day_first = day_first_of(tree, metas)
    visible = shown_datelines(found, day_first)  # read lazily: most pages need the first one only
    first = next(visible, None)
    shown = [value for value in (first.published or first.updated,) if value] if first else []
    generic = dates_of(meta_values(metas, GENERIC_META))
    if declared or microdata or not shown or any(value[:10] == shown[0][:10] for value in generic):
        declared += generic  # alone, a generic date yields to a dateline showing another day
    declared += dates_of(microdata)
    if declared and updated and not times and first and _redated(declared[0], updated, first, visible):
        return _local([updated], shown)
    date = _local(declared + times, shown)
    return date or _first_date(url_dates(url), shown, header_dates(found, day_first))


def day_first_of(tree: HtmlElement, metas: dict[str, list[str]]) -> bool | None:
    """Whether the page's locale writes the day first ("03/05/2022" is 3 May): all but American English.

    A bare ``en`` (or no declared locale) says nothing, and slash dates whose day and month could
    swap are then not read.
    """
    declared = tree.get("lang") or next(iter(meta_values(metas, ("content-language", "og:locale"))), None)
    locale = (declared or "").strip().lower().replace("_", "-")
    if not locale or locale == "en":
        return None
    return not locale.startswith("en-us")


def header_dates(found: Marks, day_first: bool | None = None) -> list[str]:
    """The publication date of a short unmarked line under the headline that is a dateline or a
    credit as a whole ("Veröffentlicht am 16.08.2019", "1. Februar 2022, Daniel Dillenburg"), also
    as the first line of an element or before a dash that opens its text ("29.11.2022 – Mehrfach...").

    Asked only when nothing declares or marks a date, before htmldate's guess over the page.
    """
    headline = next((h1 for h1 in found.h1 if len(text_of(h1)) >= 10), None)
    if headline is None:
        return []
    for element in found.following(headline, DATE_WINDOW):
        lead = _SPACES.sub(" ", element.text or "").strip()
        lead = match[1] if (match := _LEAD_DATE.match(lead)) else lead  # "29.11.2022 – Mehrfach ..."
        for text in (found.short_text(element, MAX_DATELINE), lead if len(lead) <= MAX_DATELINE else None):
            if text is None or len(text) < 6 or not any(char.isdigit() for char in text):
                continue
            dateline = find_dateline(text, day_first=day_first)
            credit = parse_credit(text, day_first=day_first) if dateline is None else None
            date = dateline.published if dateline else credit.published if credit else None
            if date and not elsewhere(element):
                return [date]
    return []


DATE_WINDOW = 60
_LEAD_DATE = re.compile(r"([^–—|]{6,40}?)\s+[–—|]\s")  # a press release's date before its first sentence


def _redated(declared: str, updated: str, first: Metadata, others: Iterable[Metadata]) -> bool:
    """The page shows its update, unlabelled, as its date, and nowhere shows the declared publication day.

    The page was re-dated (a developing story rewritten, an old piece brought up again): the
    publisher now presents it under the new date, and readers and citations use that one.  An
    update shown as such ("Updated March 12") stays an update.  ``first`` is the first visible
    dateline; ``others`` are read only when it shows the update.
    """
    day = declared[:10]
    if first.published is None or first.published[:10] != updated[:10] or day == updated[:10]:
        return False
    return all(day not in (d.published or "", d.updated or "") for d in (first, *others))


def _time_elements(tree: HtmlElement, found: Marks) -> list[str]:
    """``<time datetime>`` values: marked as publication, then the first after the headline, then the first.

    Times inside comments, related lists, teasers and sidebars belong to other texts.
    """
    kinds = time_elements(tree, found, others=0)
    return [t.get("datetime") for _, t in kinds if not elsewhere(t)]


def time_elements(tree: HtmlElement, found: Marks, others: int = 3) -> list[tuple[str, HtmlElement]]:
    """``<time datetime>`` elements by kind: "time-marked" (``pubdate``, a class naming the publication),
    "time-after-h1" (the first after the headline, ``found``'s first ``<h1>``), then "time" (the first on
    the page and up to ``others`` more)."""
    times = tree.xpath("//time[@datetime]")
    marked = [t for t in times if t.get("pubdate") is not None or "publish" in (t.get("class") or "").lower()]
    header = _TIME_AFTER(found.h1[0]) if found.h1 else []
    rest = [t for t in times[: others + 1] if t not in marked and t not in header] if others else times[:1]
    return [("time-marked", t) for t in marked] + [("time-after-h1", t) for t in header] + [("time", t) for t in rest]


_TIME_AFTER = etree.XPath("following::time[@datetime][1]")


def localised(value: str, values: Sequence[str]) -> str | None:
    """``value`` in the local time another of ``values`` states the same moment in, when ``value`` is in UTC."""
    if len(value) < 16:
        return None
    return _local([value], [other for other in values if other != value])


def url_dates(url: str | None) -> list[str]:
    if not url:
        return []
    path = urlsplit(url).path
    match = _URL_DATE.search(path) or _URL_DAY.search(path)
    return [f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"] if match else []


def htmldate_guess(tree: HtmlElement, url: str | None, html: str | None = None) -> str | None:
    """htmldate's guess at the original publication date (its extensive search runs only where its cheap one fails).

    Asked only when the page declares no date and shows no dateline.  One call: htmldate tries
    its cheap heuristics first either way, and a second call would prepare the tree again.  The
    extensive search runs dateparser over the page text: about 6 ms a page once warm, but its
    first call in a process loads dateparser's locales (a second or two).  Given the markup, it
    parses the page again (scripts are gone from ``tree``, and htmldate reads dates in them): a
    cost paid only on the pages that state no date.
    """
    try:
        found = find_date(html or tree, extensive_search=True, original_date=True, url=url)
    except Exception:  # htmldate is one best-effort source among many
        return None
    date = normalise_date(found) if found else None
    if date and date[4:10] == "-01-01" and not _JANUARY_FIRST(tree, day=date[:10]):
        return None  # htmldate's stand-in for a bare year (a copyright line): no day is known
    return date


# Where a page may spell 1 January in full, in ISO form: an attribute or its text.
_JANUARY_FIRST = etree.XPath("boolean(//@*[contains(., $day)] | //text()[contains(., $day)])")


def warm_up() -> None:
    """Pay the HTML layer's one-off cost now instead of on some undated page later.

    htmldate's extensive search hands a few strings to dateparser, which on its first use in a
    process compiles its patterns for every locale: 1.5-2 s of CPU, once.  A long-running worker
    may call this when it starts; the benchmark calls it before its timed pass (and reports the
    time it took), so pages per second measure per-page work.
    """
    find_date(_UNDATED_PAGE, extensive_search=True, original_date=True)


# A copyright line is the one date-like text here: htmldate's cheap search finds nothing and asks dateparser.
_UNDATED_PAGE = "<html><body><p>Copyright © 2001 - 2020 n2</p></body></html>"
