"""What a page says about itself: title, authors, dates, language, site name.

Reads the already-parsed tree (and the JSON-LD texts collected before scripts were
dropped) and gathers candidates from every source a page offers, then picks one value
per field by an explicit precedence (docs/html.md lists it):

- JSON-LD objects of an article type (``NewsArticle``, ``Article``, ``BlogPosting``...,
  also inside ``@graph`` and lists): ``headline``, ``author``, ``datePublished``,
  ``dateModified``, ``publisher``;
- ``<meta>`` tags: OpenGraph, ``article:*``, ``name=author``/``date``, Dublin Core,
  Parse.ly, Sailthru, citation tags;
- microdata (``itemprop``), ``<time datetime>``, visible byline elements;
- the URL, when the caller gives one (a date in the path, the host as site name);
- htmldate's guess, only when none of the above gave a publication date; it is kept apart
  as ``published_guess``, below what the article's text states.

Authors and dates are normalised by the same code as text input (``cleaner.byline``,
``cleaner.dates``).  Published and updated dates are kept apart; an organisation or
the site name is never a person author.

This module does NOT look at the extracted body and does not decide which body
blocks are bylines or datelines: the pipeline merges these values with what the text
layers find.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from datetime import time as clock_time
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from cleaner.byline import credited_names, is_organisation, normalise_authors, parse_credit
from cleaner.dates import find_dateline, normalise_date
from cleaner.htmlmarks import (
    MAX_DATELINE,
    OTHER_TEXTS,
    Marks,
    byline_names,
    dateline_dates,
    elsewhere,
    header_byline,
    marks,
    names_in,
    short_text,
    text_of,
)
from cleaner.htmltitle import choose_title
from cleaner.model import Metadata

ARTICLE_TYPES = frozenset(
    (
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "LiveBlogPosting",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "Review",
        "Recipe",
        "VideoObject",
    )
)
PAGE_TYPES = frozenset(("WebPage", "ItemPage", "AboutPage", "CollectionPage"))
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
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "citation_publication_date",
    "citation_date",
    "date",
    "article_date_original",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
)
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
AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
    "cxenseparse:author",
    "article.author",
)
TITLE_META = ("og:title", "twitter:title", "dc.title", "title", "headline", "parsely-title", "sailthru.title")
SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "cxenseparse:site")
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$|\.)")
_URL_DAY = re.compile(r"[/_-](20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PageMetadata(Metadata):
    """The page's own statements about the article: the fields of ``Metadata``, then its site and URL.

    ``subtitle`` is a standfirst the page marks as such (JSON-LD ``alternativeHeadline``,
    an element classed standfirst/subtitle/dek); a generic meta description is not one.
    ``published_guess`` is htmldate's guess, made only when the page states no date: the
    pipeline takes it only when the text states none either (a press release's "Berlin,
    21. November 2022 – ..." is a statement, a guess is not).
    """

    site_name: str | None = None
    url: str | None = None
    published_guess: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The keys of ``Metadata.to_dict``, then ``published_guess``, ``site_name`` and ``url``."""
        own = {"published_guess": self.published_guess, "site_name": self.site_name, "url": self.url}
        return {**Metadata.to_dict(self), **own}  # not super(): see model.Article.to_dict


def page_metadata(tree: HtmlElement, *, jsonld: Iterable[str] = (), url: str | None = None) -> PageMetadata:
    """Gather every source on the page and pick one value per field (see the module docstring)."""
    metas = meta_tags(tree)
    found = marks(tree)
    objects = list(_jsonld_objects(jsonld))
    articles = [obj for obj in objects if _types(obj) & ARTICLE_TYPES] or [
        obj for obj in objects if _types(obj) & PAGE_TYPES
    ]
    page_url = url or _first(metas, ("og:url",)) or _canonical(tree)
    site_name = _site_name(metas, objects, page_url)
    updated = _first_date(_ld_values(articles, "dateModified"), _meta_values(metas, UPDATED_META))
    published = _published(tree, found, metas, articles, page_url, updated)
    guess = _htmldate(tree, page_url) if published is None else None
    if updated is not None and published is not None and updated[:10] < published[:10]:
        updated = None  # a "modified" before the publication is a template date, not an update
    if updated == published:
        updated = None
    headlines = [value for value in _ld_values(articles, "headline") if isinstance(value, str)]
    return PageMetadata(
        title=choose_title(tree, found, metas, headlines, _site_names(found, metas, objects, site_name, page_url)),
        subtitle=_subtitle(found, articles),
        authors=_authors(tree, found, metas, objects, articles, site_name),
        published=published,
        updated=updated,
        language=_language(tree, metas),
        site_name=site_name,
        url=page_url,
        published_guess=guess,
    )


# ----------------------------------------------------------------- sources


def meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """Every ``<meta>`` content by lower-cased name/property/itemprop, in document order."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if key:
                found.setdefault(key.strip().lower(), []).append(_SPACES.sub(" ", content).strip())
    return found


def _jsonld_objects(texts: Iterable[str]) -> Iterator[dict]:
    """Every JSON object in the JSON-LD blocks, flattened through lists and ``@graph``."""
    for text in texts:
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        yield from _flatten(data, depth=0)


def _flatten(data: object, depth: int) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(data.get(key), list | dict):
                yield from _flatten(data[key], depth + 1)


def _types(obj: dict) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {item.rsplit("/", 1)[-1] for item in values if isinstance(item, str)}


def _ld_values(objects: list[dict], key: str) -> list[object]:
    values: list[object] = []
    for obj in objects:
        value = obj.get(key)
        values.extend(value if isinstance(value, list) else [value] if value else [])
    return values


def _meta_values(metas: dict[str, list[str]], keys: tuple[str, ...]) -> list[str]:
    return [value for key in keys for value in metas.get(key, ())]


def _first(metas: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    values = _meta_values(metas, keys)
    return values[0] if values else None


def _canonical(tree: HtmlElement) -> str | None:
    hrefs = tree.xpath('//link[@rel="canonical"]/@href')
    return hrefs[0].strip() if hrefs and str(hrefs[0]).startswith("http") else None


# ----------------------------------------------------------------- fields


def _site_name(metas: dict[str, list[str]], objects: list[dict], url: str | None) -> str | None:
    """og:site_name, then the JSON-LD publisher or WebSite name, then application-name; else the host."""
    named = _first(metas, ("og:site_name",))
    if named:
        return named
    for obj in objects:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
            return publisher["name"].strip()
    for obj in objects:
        if "WebSite" in _types(obj) and isinstance(obj.get("name"), str) and obj["name"].strip():
            return obj["name"].strip()
    named = _first(metas, SITE_META[1:])
    if named:
        return named
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _dates(*sources: Iterable[object]) -> list[str]:
    """Every value of the sources that normalises to a date, in precedence order."""
    found = []
    for source in sources:
        for value in source:
            if isinstance(value, str):
                date = normalise_date(value)
                if date:
                    found.append(date)
    return found


def _site_names(
    found: Marks, metas: dict[str, list[str]], objects: list[dict], site: str | None, url: str | None
) -> list[str]:
    """Every name the page gives itself: declared names, the host without its suffix, logo and brand text."""
    names = [site or "", *_meta_values(metas, SITE_META)]
    names += [obj["name"] for obj in objects if "WebSite" in _types(obj) and isinstance(obj.get("name"), str)]
    host = urlsplit(url).hostname if url else None
    if host:
        names.append(host.removeprefix("www.").rsplit(".", 1)[0])
    for element in found.get("brand")[:6]:
        text = short_text(element, 60)
        text = text or (" ".join(element.xpath(".//img/@alt")) if text == "" else None)
        if text and 2 <= len(text) <= 60:
            names.append(text)
    return [name for name in names if name]


def _first_date(*sources: Iterable[object]) -> str | None:
    found = _dates(*sources)
    return found[0] if found else None


def _local(dates: list[str]) -> str | None:
    """The first full date (a bare year or month only when no source gives a day), in local time.

    When the chosen value is in UTC and another source states the same moment in local time, the
    local one wins: sites often write JSON-LD in UTC and their visible or ``<meta>`` dates in local time; the
    local reading is the one a reader sees (and the day can differ: 23:30 -04:00 is 03:30 UTC).
    """
    if not dates:
        return None
    dates = [d for d in dates if len(d) >= 10] + [d for d in dates if len(d) < 10]  # a bare year is weak
    first = dates[0]
    moment = _moment(first)
    if moment is None or moment.utcoffset() != timedelta(0):
        return first
    if moment.time() in _CET_MIDNIGHTS:
        return (moment + timedelta(days=1)).date().isoformat()
    for other in dates[1:]:
        local = _moment(other)
        if local is None or (local.tzinfo is not None and local.utcoffset() == timedelta(0)):
            continue
        shift = local.replace(tzinfo=None) - moment.replace(tzinfo=None)
        same = local == moment if local.tzinfo is not None else shift.total_seconds() % 3600 == 0
        if same and abs(shift) <= timedelta(hours=14):
            return other
    return first


# A day picked in a Central European CMS and stored in UTC: local midnight of CET or CEST.  The
# time is an artefact; the day is the next one (a real 23:00:00.000 UTC publication is rare).
_CET_MIDNIGHTS = frozenset((clock_time(22), clock_time(23)))


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
        for element in tree.xpath('//*[@itemprop="datePublished" or @itemprop="dateCreated"]')
    ]
    times = _dates(_time_elements(tree))
    declared = _dates(
        _ld_values(articles, "datePublished"),
        _ld_values(articles, "dateCreated"),
        _meta_values(metas, PUBLISHED_META),
        microdata,
    )
    date = _local(declared + times)
    shown = dateline_dates(found)
    if declared and times and shown and _shown_instead(declared, times[0], shown[0], updated):
        return times[0]
    return date or _first_date(_url_dates(url), shown, _header_dates(found))


def _header_dates(found: Marks) -> list[str]:
    """The publication date of a short unmarked line under the headline that is a dateline or a
    credit as a whole ("Veröffentlicht am 16.08.2019", "1. Februar 2022, Daniel Dillenburg"), also
    as the first line of an element or before a dash that opens its text ("29.11.2022 – Mehrfach...").

    Asked only when nothing declares or marks a date, before htmldate's guess over the page.
    """
    headline = next((h1 for h1 in found.h1 if len(text_of(h1)) >= 10), None)
    if headline is None:
        return []
    for element in headline.xpath(f"following::*[position() <= {DATE_WINDOW}]"):
        lead = _SPACES.sub(" ", element.text or "").strip()
        lead = _LEAD_DATE.match(lead)[1] if _LEAD_DATE.match(lead) else lead  # "29.11.2022 – Mehrfach ..."
        for text in (short_text(element, MAX_DATELINE), lead if len(lead) <= MAX_DATELINE else None):
            if text is None or len(text) < 6 or not any(char.isdigit() for char in text):
                continue
            dateline = find_dateline(text)
            credit = parse_credit(text) if dateline is None else None
            date = dateline.published if dateline else credit.published if credit else None
            if date and not elsewhere(element):
                return [date]
    return []


DATE_WINDOW = 60
_LEAD_DATE = re.compile(r"([^–—|]{6,40}?)\s+[–—|]\s")  # a press release's date before its first sentence


def _shown_instead(declared: list[str], time: str, dateline: str, updated: str | None) -> bool:
    """The page shows another day than it declares: its ``<time>`` and its dateline agree on it,
    and no declared publication date names that day.

    Declared dates are then a template's or a re-import's; two visible statements of one day
    outweigh them.  The declared update's day is not taken for the publication (kept apart).
    """
    day = time[:10]
    if len(day) < 10 or dateline[:10] != day or day == (updated or "")[:10]:
        return False
    return all(value[:10] != day for value in declared)


def _time_elements(tree: HtmlElement) -> list[str]:
    """``<time datetime>`` values: marked as publication, then the first after the headline, then the first.

    Times inside comments, related lists, teasers and sidebars belong to other texts.
    """
    times = tree.xpath("//time[@datetime]")
    marked = [t for t in times if t.get("pubdate") is not None or "publish" in (t.get("class") or "").lower()]
    header = tree.xpath("(//h1)[1]/following::time[@datetime][1]")
    return [t.get("datetime") for t in (*marked, *header, *times[:1]) if not elsewhere(t)]


def _url_dates(url: str | None) -> list[str]:
    if not url:
        return []
    path = urlsplit(url).path
    match = _URL_DATE.search(path) or _URL_DAY.search(path)
    return [f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"] if match else []


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's guess at the original publication date (its extensive search runs only where its cheap one fails).

    Asked only when the page declares no date and shows no dateline.  One call: htmldate tries
    its cheap heuristics first either way, and a second call would prepare the tree again.  The
    extensive search runs dateparser over the page text: about 6 ms a page once warm, but its
    first call in a process loads dateparser's locales (a second or two).
    """
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=True, original_date=True, url=url)
    except Exception:  # htmldate is one best-effort source among many
        return None
    return normalise_date(found) if found else None


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


def _authors(
    tree: HtmlElement,
    found: Marks,
    metas: dict[str, list[str]],
    objects: list[dict],
    articles: list[dict],
    site: str | None,
) -> tuple[str, ...]:
    """Person authors: JSON-LD, meta tags, marked byline elements, a byline line under the headline.

    Organisations and the site itself are dropped; the first source that names a person wins.
    """
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    sources: list[list[str]] = [
        _ld_people(_ld_values(articles, "author"), by_id),
        [value for value in _meta_values(metas, AUTHOR_META) if not value.startswith(("http", "@", "www."))],
        byline_names(found) or _bylines_beside_headline(found),
        header_byline(tree, found),
    ]
    found_names = [_people(raws, site) for raws in sources]
    for at, names in enumerate(found_names):
        if names:
            return _extended(names, found_names[max(at + 1, 2) :])
    return _people(_credit_lines(found), site)


CREDIT_WINDOW = 40


def _credit_lines(found: Marks) -> list[str]:
    """Names from a credit line near the headline or in a dateline element, asked last.

    "Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45", "06.11.2023 13:30 von Olga", "Posted by
    Konstantin": a byline with its date, or a user name after "by", which ``header_byline``
    (whole bylines only) leaves.  Short elements only, at most ``CREDIT_WINDOW`` after the ``<h1>``.
    """
    after = found.h1[0].xpath(f"following::*[position() <= {CREDIT_WINDOW}]") if found.h1 else []
    for element in [*found.get("dateline", header_first=True)[:20], *after]:
        text = short_text(element, 120)
        names = credited_names(text) if text is not None and len(text) >= 6 else ()
        if names and not elsewhere(element):
            return list(names)
    return []


def _bylines_beside_headline(found: Marks) -> list[str]:
    """Names from a byline element whose comment/sidebar-classed wrapper also holds the ``<h1>``.

    ``byline_names`` skips bylines inside sidebars and comments (other people's names), but some
    templates class the whole content column so ("site-content content-area sidebar"); a wrapper
    around the headline is the article's own, so a byline inside it is the article's.
    """
    titled = [h1 for h1 in found.h1 if len(text_of(h1)) >= 10]
    headline = next((h1 for h1 in titled if next(h1.iterancestors("article"), None) is not None), None)
    headline = headline if headline is not None else next(iter(titled), None)
    if headline is None:
        return []
    holders = set(headline.iterancestors())  # the elements themselves: an id() of a freed proxy is reused
    article = next(headline.iterancestors("article"), None)
    for element in found.get("byline", header_first=True)[:20]:
        node: HtmlElement | None = element
        while node is not None and node not in holders:
            marked = f"{node.get('class') or ''} {node.get('id') or ''}"
            if OTHER_TEXTS.search(marked) or (node.tag in ("footer", "aside") and not _within(node, article)):
                break  # an article's own footer or aside is about it (HTML's meaning of them)
            node = node.getparent()
        names = names_in(element) if node is not None and node in holders else []
        if names:
            return names
    return []


def _within(node: HtmlElement, article: HtmlElement | None) -> bool:
    return article is not None and any(parent is article for parent in node.iterancestors("article"))


def _people(raws: list[str], site: str | None) -> tuple[str, ...]:
    names = [name for raw in raws for name in normalise_authors(raw, site_name=site)]
    return tuple(n for n in dict.fromkeys(names) if not _is_site(n, site) and not is_organisation(n, site_name=site))


def _extended(names: tuple[str, ...], visible: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The declared authors, or a visible byline that names them all and more.

    Metadata often keeps only the first author ("Rudolf Fischer" where the byline says "Rudolf
    Fischer und Simon Kohler") or a first name alone ("Todd" over "Todd Bates"); a visible byline
    that contains every declared name, or extends each one, is the fuller statement.
    """
    if names in visible:
        return names  # a visible byline says just these: "La información es de ..." beside it is no author
    for shown in visible:
        if len(shown) < len(names):
            continue
        folded = [name.casefold() for name in shown]
        if all(any(s == n.casefold() or s.startswith(n.casefold() + " ") for s in folded) for n in names):
            return shown
    return names


def _ld_people(values: list[object], by_id: dict[str, dict]) -> list[str]:
    names: list[str] = []
    for value in values:
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
            value = by_id[value["@id"]]
        if isinstance(value, str):
            names.append(value)
        elif isinstance(value, dict) and not (_types(value) & {"Organization", "NewsMediaOrganization"}):
            name = value.get("name")
            if isinstance(name, list):
                name = ", ".join(str(part) for part in name)
            if isinstance(name, str) and name.strip():
                names.append(_full_name(name.strip(), value.get("description")))
    return names


_FULL_NAME = re.compile(r"(?:\s+(?:van|von|de|der|den|del|di|da|le|la))*\s+[A-ZÀ-Þ][\w'’-]+(?=[\s,.;:–—-]|$)")


def _full_name(name: str, description: object) -> str:
    """A first name alone ("Nils") and a bio that opens with the full name ("Nils Pickert ist freier
    Autor...") -> the full name (one surname, particles before it); any other name as it is."""
    if " " in name or not isinstance(description, str) or not description.startswith(name + " "):
        return name
    rest = _FULL_NAME.match(description, len(name))
    return name + rest[0] if rest else name  # one surname, particles before it


def _is_site(name: str, site: str | None) -> bool:
    """The site's own name, or that name inside a longer site name ("Zeit" in "Zeit Online").

    A person's name inside a site name is not the site: "Daniel Lemire" writes "Daniel Lemire's
    blog", and "Heiko" writes at heiko-adams.de (a host is the site only when it is the name whole,
    which ``is_organisation`` tests).
    """
    if not site:
        return False
    folded, site_folded = name.casefold(), site.casefold()
    if folded == site_folded:
        return True
    squeezed, site_squeezed = folded.replace(" ", ""), site_folded.replace(" ", "")
    at = site_squeezed.find(squeezed)
    if at < 0 or re.search(r"\w\.[a-z]{2,4}$", site_squeezed):
        return False
    return not site_squeezed[at + len(squeezed) :].startswith(("'s", "’s"))


def _subtitle(found: Marks, articles: list[dict]) -> str | None:
    """A standfirst the page marks as such; a generic description is not trusted as one."""
    for value in _ld_values(articles, "alternativeHeadline"):
        if isinstance(value, str) and 10 <= len(value.strip()) <= 400:
            return _SPACES.sub(" ", value).strip()
    for element in found.get("standfirst")[:3]:
        text = short_text(element, 400)
        if text and len(text) >= 20:
            return text
    return None


def _language(tree: HtmlElement, metas: dict[str, list[str]]) -> str | None:
    """``<html lang>``, then content-language, og:locale or Dublin Core; the ISO 639-1 part only."""
    candidates = [
        tree.get("lang"),
        tree.get("xml:lang"),
        *_meta_values(metas, ("content-language", "og:locale", "dc.language", "language")),
    ]
    for value in candidates:
        code = (value or "").strip()[:2].lower()
        if len(code) == 2 and code.isalpha():
            return code
    return None
