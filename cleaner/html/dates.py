"""The readers of a page's dates: which tags state them, the URL's date, the header's dateline, htmldate.

The date sources' tag lists (``PUBLISHED_META``, ``GENERIC_META``, ``UPDATED_META``), ``dates_of``
(every value of some sources that normalises to a date), the ``<time>`` elements by kind, the URL
path's date, a short dateline or credit line under the headline (``header_dates``), the page's
locale for slash dates (``day_first_of``), a UTC value's local reading where another value states
the same moment in local time (``localised``), htmldate's guess (``htmldate_guess``; its
``YYYY-01-01`` stand-in for a bare year is dropped) and the update the markup declares
(``page_updated``).  ``warm_up`` pays htmldate's one-off cost.

This module does NOT choose the publication date: ``cleaner.html.offers`` makes every value an
offer and ``cleaner.metadata.pagechoice`` chooses among them.  It reads no authors, titles or other
fields, does not look at the extracted body (a lead dateline there is the text layers' concern),
and parses no date text itself: ``cleaner.metadata.dates`` reads and normalises every value.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime, timedelta, timezone
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from cleaner.html.bylines import MAX_DATELINE
from cleaner.html.elements import text_of
from cleaner.html.marks import Marks, iter_following
from cleaner.html.sources import ld_values, meta_values
from cleaner.metadata.credits import parse_credit
from cleaner.metadata.dates import find_dateline, normalise_date
from cleaner.text.urls import archived_address, split_url

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


def page_updated(metas: dict[str, list[str]], articles: list[dict]) -> str | None:
    """The update the markup declares: JSON-LD ``dateModified``, then the update tags.

    The publication is chosen among the page's offers (``cleaner.metadata.pagechoice``); an update
    that states its moment or an earlier day is then no update (``pagechoice.later_update``).
    """
    found = dates_of(ld_values(articles, "dateModified"), meta_values(metas, UPDATED_META))
    return found[0] if found else None


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


def _local(dates: list[str], shown: Collection[str] = ()) -> str | None:
    """The first full date (a bare year or month only when no source gives a day), in local time.

    When the chosen value is in UTC and another value states the same moment in local time, the local
    one wins: sites often write JSON-LD in UTC and their visible or ``<meta>`` dates in local time; the
    local reading is the one a reader sees (and the day can differ: 23:30 -04:00 is 03:30 UTC).  A time
    without an offset states the moment only where the times without one give a single offset for it
    (``_offset_of``); those among ``shown``, the times the page shows a reader, can also say it is UTC.
    """
    if not dates:
        return None
    dates = [d for d in dates if len(d) >= 10] + [d for d in dates if len(d) < 10]  # a bare year is weak
    first = dates[0]
    moment = _moment(first)
    if moment is None or moment.utcoffset() != timedelta(0):
        return first
    offsetless = []
    for other in dates[1:]:
        local = _moment(other)
        if local is not None and local.tzinfo is not None and local.utcoffset() and local == moment:
            return other
        if local is not None and local.tzinfo is None:
            offsetless.append((local, other in shown))
    shift = _offset_of(moment, offsetless)
    return moment.astimezone(timezone(shift)).isoformat() if shift else first


def _offset_of(utc: datetime, offsetless: Sequence[tuple[datetime, bool]]) -> timedelta | None:
    """The one UTC offset by which times without an offset (each with whether the page shows it) state ``utc``.

    Times whole hours away from it may each be its local reading or another moment (a live blog's entry two
    hours after the declared publication); where they give two offsets, the page's offset is unknown and the
    moment stays in UTC.  A shown time at its wall-clock time says the page shows UTC (an offset of 0); the
    markup's own copy of the value without its offset says nothing.
    """
    shifts = {
        shift for local, seen in offsetless if (shift := _local_shift(local, utc)) is not None and (shift or seen)
    }
    return shifts.pop() if len(shifts) == 1 else None


def _local_shift(local: datetime, utc: datetime) -> timedelta | None:
    """The UTC offset by which the offset-less ``local`` states the moment ``utc``, if it may.

    Whole hours up to 14 (a time shown to the minute, "03/05/2022 21:44", is compared to the
    minute); no shift (the same wall-clock time) is an offset of 0, and other differences are another moment.
    """
    if local.second == 0 and local.microsecond == 0:
        utc = utc.replace(second=0, microsecond=0)
    shift = local - utc.replace(tzinfo=None)
    if shift.total_seconds() % 3600 == 0 and abs(shift) <= timedelta(hours=14):
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
            if date and not found.elsewhere(element):
                return [date]
    return []


DATE_WINDOW = 60
_LEAD_DATE = re.compile(r"([^–—|]{6,40}?)\s+[–—|]\s")  # a press release's date before its first sentence


def time_elements(found: Marks, others: int = 3) -> list[tuple[str, HtmlElement]]:
    """``<time datetime>`` elements by kind: "time-marked" (``pubdate``, a class naming the publication),
    "time-after-h1" (the first after the headline, ``found``'s first ``<h1>``), then "time" (the first on
    the page and up to ``others`` more)."""
    times = found.timed  # the <time datetime> elements in document order, found by the marks walk
    marked = [t for t in times if t.get("pubdate") is not None or "publish" in (t.get("class") or "").lower()]
    after = (t for t in iter_following(found.h1[0], "time") if t.get("datetime") is not None) if found.h1 else ()
    header = list(islice(after, 1))
    rest = [t for t in times[: others + 1] if t not in marked and t not in header] if others else times[:1]
    return [("time-marked", t) for t in marked] + [("time-after-h1", t) for t in header] + [("time", t) for t in rest]


def localised(value: str, values: Sequence[str], shown: Collection[str] = ()) -> str | None:
    """``value`` in the local time another of ``values`` states the same moment in, when ``value`` is in UTC
    (``shown``: those of ``values`` the page shows a reader, its visible times and datelines)."""
    if len(value) < 16:
        return None
    return _local([value, *(other for other in values if other != value)], shown)


def url_dates(url: str | None) -> list[str]:
    """The day a URL's path spells (``/2024/03/12/``, ``/20240312/``).  A web archive's replay address is read as the
    archived page's own (``archived_address``): its time stamp (``/web/20190515/``, 4 to 14 digits) is the day of
    the capture, not the article's."""
    if not url:
        return []
    path = split_url(archived_address(url)).path
    match = _URL_DATE.search(path) or _URL_DAY.search(path)
    return [f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"] if match else []


def htmldate_guess(
    tree: HtmlElement, url: str | None, html: str | None = None, *, extensive: bool = True
) -> str | None:
    """htmldate's guess at the original publication date.

    ``extensive``: its extensive search runs where its cheap one fails, dateparser over the page
    text, about 6 ms a page once warm (its first call in a process loads dateparser's locales, a
    second or two: ``warm_up``).  Given the markup (``html``), it parses the page again: scripts are
    gone from ``tree``, and htmldate reads dates in them.  Without ``extensive``, its fast search
    reads ``tree`` (a copy, where it gets that far): about 1 ms.
    """
    from htmldate import find_date  # imported on first use: a tenth of a second, and `clean learn` never asks

    try:
        found = find_date(html or tree, extensive_search=extensive, original_date=True, url=url)
    except Exception:  # htmldate is one best-effort source among many
        return None
    date = normalise_date(found) if found else None
    if date and date[8:10] == "01" and not _prints_the_first(tree, date[:10]):
        return None  # htmldate's stand-in for a bare year or month (a copyright line, "seit März 2021"): no day
    return date


def _prints_the_first(tree: HtmlElement, day: str) -> bool:
    """Whether the page prints the first of a month (``day``, ISO) with its digits: in ISO form, or day first
    with dots (``01.04.2021``, ``1.4.2021``), in an attribute or in its text."""
    year, month = day[:4], day[5:7]
    return bool(_FIRST_OF_MONTH(tree, iso=day, dotted=f"01.{month}.{year}", short=f"1.{int(month)}.{year}"))


# Where a page may spell the first of a month in full: an attribute or its text.
_FIRST_OF_MONTH = etree.XPath(
    "boolean(//@*[contains(., $iso) or contains(., $dotted) or contains(., $short)]"
    " | //text()[contains(., $iso) or contains(., $dotted) or contains(., $short)])"
)


def warm_up() -> None:
    """Pay the HTML layer's one-off cost now instead of on some undated page later.

    htmldate's extensive search hands a few strings to dateparser, which on its first use in a
    process compiles its patterns for every locale: 1.5-2 s of CPU, once.  A long-running worker
    may call this when it starts; the benchmark calls it before its timed pass (and reports the
    time it took), so pages per second measure per-page work.
    """
    from htmldate import find_date

    find_date(_UNDATED_PAGE, extensive_search=True, original_date=True)


# A copyright line is the one date-like text here: htmldate's cheap search finds nothing and asks dateparser.
_UNDATED_PAGE = "<html><body><p>Copyright © 2001 - 2020 n2</p></body></html>"
