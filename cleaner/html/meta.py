"""What a page says about itself: title, subtitle, authors, dates, language, site name, URL.

Reads the already-parsed tree (and the JSON-LD texts collected before scripts were
dropped) and gathers what every source a page offers says:

- JSON-LD objects of an article type (``NewsArticle``, ``Article``, ``BlogPosting``...,
  also inside ``@graph`` and lists): ``headline``, ``author``, ``datePublished``,
  ``dateModified``, ``publisher``;
- ``<meta>`` tags: OpenGraph, ``article:*``, ``name=author``/``date``, Dublin Core,
  Parse.ly, Sailthru, citation tags;
- microdata (``itemprop``), ``<time datetime>``, visible byline and dateline elements;
- the URL, when the caller gives one (a date in the path, the host as site name);
- htmldate's date where the page's own dates disagree or give no day; a day only it gives is
  kept apart (the second record returned), below what the article's text states.

The title, the authors and the publication date are chosen among the page's offers
(``cleaner.html.offers``) by a trained ranker (``cleaner.metadata.pagechoice``); the update is the
one the markup declares, unless it is no later (docs/html.md lists the sources).  ``cleaner.html.sources`` reads
``<meta>`` tags and JSON-LD as they are, ``cleaner.html.title`` and ``cleaner.html.authors`` read
titles and names; this module picks the subtitle, language, site name and URL and puts the fields
together.  Authors and dates are normalised by the same code as text input
(``cleaner.metadata.byline``, ``cleaner.metadata.dates``).  Published and updated dates are kept
apart; an organisation or the site name is never a person author (it goes to ``organisations``).

This module does NOT look at the extracted body and does not decide which body
blocks are bylines or datelines: the pipeline merges these values with what the text
layers find (a field the page leaves empty is filled from the text's lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from lxml.html import HtmlElement

from cleaner.html.authors import page_organisations
from cleaner.html.dates import page_updated
from cleaner.html.elements import short_text
from cleaner.html.marks import Marks, marks, masthead_names
from cleaner.html.offers import Place, author_offers, date_offers, guessed_offers, title_offers
from cleaner.html.sources import first_meta, jsonld_objects, ld_values, meta_tags, meta_values, types_of
from cleaner.html.title import without_date_part, without_site_part
from cleaner.metadata.choice import MetadataModel
from cleaner.metadata.offers import Offer
from cleaner.metadata.pagechoice import chosen, load_page_model, with_dates
from cleaner.model import Metadata
from cleaner.text.language_codes import is_language_code
from cleaner.text.urls import host_of

__all__ = ["page_metadata"]

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
SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "cxenseparse:site")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Statements:
    """What a page states about itself: ``metadata`` (one value per field), htmldate's ``guessed`` date
    (only when the page states none), and every ``offers`` its sources make for the title, authors
    and publication date (``cleaner.html.offers``), for the pipeline to weigh against the text's lines."""

    metadata: Metadata
    guessed: Metadata = field(default_factory=Metadata)
    offers: tuple[Offer, ...] = ()
    article: bool = False  # the page declares itself an article: a JSON-LD article type, or ``og:type`` article

    def to_dict(self) -> dict[str, object]:
        return {
            "metadata": self.metadata.to_dict(),
            "guessed": self.guessed.to_dict(),
            "offers": [offer.to_dict() for offer in self.offers],
        }


def page_metadata(
    tree: HtmlElement,
    *,
    jsonld: Iterable[str] = (),
    url: str | None = None,
    html: str | None = None,
    model: MetadataModel | None = None,
    offers: bool = False,
    location: str | None = None,
) -> Statements:
    """What the page states (every source gathered, one value per field: see the module docstring),
    and what htmldate guesses when it states no publication date (below what the text states).

    The title and the authors are the choice of ``model`` (``cleaner.metadata.pagechoice``; None: the
    shipped one) among the page's offers.  With ``offers``, every offer for the title, authors and
    publication date is returned too (what ``bench/page_metadata_data.py`` trains on).  ``location`` (the address a
    saved page names, ``cleaner.io.mhtml``) is the page's URL where neither ``url``, og:url nor a canonical link is.
    """
    metas = meta_tags(tree)
    found = marks(tree)
    objects = list(jsonld_objects(jsonld))
    articles = [obj for obj in objects if types_of(obj) & ARTICLE_TYPES] or [
        obj for obj in objects if types_of(obj) & PAGE_TYPES
    ]
    page_url = url or first_meta(metas, ("og:url",)) or _canonical(tree) or location
    site_name = _site_name(metas, objects, page_url)
    site_names = _site_names(found, metas, objects, site_name, page_url)
    place = Place(found, html.count("\n") + 1 if html else 0)
    made = [
        *title_offers(tree, found, metas, articles, site_names, place),
        *author_offers(tree, found, metas, objects, articles, site_name, place),
    ]
    dated = page_dates(tree, found, metas, articles, page_url, html, place)
    stated = Metadata(
        subtitle=_subtitle(found, articles),
        language=_language(tree, metas),
        url=page_url,
        site_name=site_name,
        organisations=page_organisations(found, metas, objects, articles, site_name),
    ).sourced("page")
    model = model or load_page_model()
    stated = chosen(stated, made, model, ("title", "authors"))
    if stated.title:  # whatever offer won: a site-name or date part is no part of the headline
        stated = replace(stated, title=without_date_part(without_site_part(stated.title, site_names)))
    stated, guessed = with_dates(stated, dated, model, page_updated(metas, articles))
    declared = any(types_of(obj) & ARTICLE_TYPES for obj in objects) or any(
        value.strip().lower().startswith("article") for value in metas.get("og:type", ())
    )
    return Statements(stated, guessed, (*made, *dated) if offers else (), declared)


def page_dates(
    tree: HtmlElement, found: Marks, metas: dict[str, list[str]], articles: list[dict], url: str | None,
    html: str | None, place: Place,
) -> list[Offer]:  # fmt: skip
    """Every date the page offers for its publication, htmldate's among them (``cleaner.html.offers``)."""
    dated = date_offers(tree, found, metas, articles, url, place)
    return dated + guessed_offers(tree, url, html, dated)


# ----------------------------------------------------------------- fields


def _canonical(tree: HtmlElement) -> str | None:
    hrefs = tree.xpath('//link[@rel="canonical"]/@href')
    return hrefs[0].strip() if hrefs and str(hrefs[0]).startswith("http") else None


def _site_name(metas: dict[str, list[str]], objects: list[dict], url: str | None) -> str | None:
    """og:site_name, then the JSON-LD publisher or WebSite name, then application-name; else the host."""
    named = first_meta(metas, ("og:site_name",))
    if named:
        return named
    for obj in objects:
        publisher = obj.get("publisher")
        person = isinstance(publisher, dict) and "Person" in {publisher.get("@type"), publisher.get("type")}
        if (
            isinstance(publisher, dict)
            and not person
            and isinstance(publisher.get("name"), str)
            and publisher["name"].strip()
        ):
            return publisher["name"].strip()
    for obj in objects:
        if "WebSite" in types_of(obj) and isinstance(obj.get("name"), str) and obj["name"].strip():
            return obj["name"].strip()
    named = first_meta(metas, SITE_META[1:])
    if named:
        return named
    host = host_of(url)
    return host.removeprefix("www.") if host else None


def _site_names(
    found: Marks, metas: dict[str, list[str]], objects: list[dict], site: str | None, url: str | None
) -> list[str]:
    """Every name the page gives itself: declared names, the host without its suffix, logo and brand text."""
    names = [site or "", *meta_values(metas, SITE_META)]
    names += [obj["name"] for obj in objects if "WebSite" in types_of(obj) and isinstance(obj.get("name"), str)]
    host = host_of(url)
    if host:
        names.append(host.removeprefix("www.").rsplit(".", 1)[0])
    names += masthead_names(found)
    for element in found.get("brand")[:6]:
        text = short_text(element, 60)
        text = text or (" ".join(element.xpath(".//img/@alt")) if text == "" else None)
        if text and 2 <= len(text) <= 60:
            names.append(text)
    return [name for name in names if name]


def _subtitle(found: Marks, articles: list[dict]) -> str | None:
    """A standfirst the page marks as such; a generic description is not trusted as one."""
    for value in ld_values(articles, "alternativeHeadline"):
        if isinstance(value, str) and 10 <= len(value.strip()) <= 400:
            return _SPACES.sub(" ", value).strip()
    for element in found.get("standfirst")[:3]:
        text = short_text(element, 400)
        if text and len(text) >= 20:
            return text
    return None


def _language(tree: HtmlElement, metas: dict[str, list[str]]) -> str | None:
    """``<html lang>``, then content-language, og:locale or Dublin Core; the ISO 639-1 part only, and only a code of
    a language (``cleaner.text.language_codes``): ``lang="xx"`` declares none, so detection decides, and the article
    never carries a language its own front matter would refuse when it is cleaned again."""
    candidates = [
        tree.get("lang"),
        tree.get("xml:lang"),
        *meta_values(metas, ("content-language", "og:locale", "dc.language", "language")),
    ]
    for value in candidates:
        code = (value or "").strip()[:2].lower()
        if is_language_code(code):
            return code
    return None
