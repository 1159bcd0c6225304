"""Who a page credits: the readers of its person authors, and the organisations it credits.

``ld_people`` reads JSON-LD ``author`` values (``@id`` references resolved, organisations dropped,
a first name alone completed from its ``description``), ``bylines_beside_headline`` a byline
element inside a comment- or sidebar-classed wrapper that also holds the headline, and ``people``
normalises raw names (``cleaner.metadata.byline``) and drops organisations and the site itself;
``shown_as`` writes a declared account name ("jane_doe") as the page shows it ("Jane Doe").
``cleaner.html.offers`` turns every source into an author offer and a trained ranker chooses
among them (``cleaner.metadata.pagechoice``).  ``page_organisations`` gives the organisations the
first crediting source names (JSON-LD organisation authors, author tags, byline elements): they
go to ``organisations``, never to ``authors``.

This module does NOT choose the authors, reads no dates, titles or other fields, and does not look
at the extracted body (a byline block there is the text layers' concern, ``cleaner.metadata.lines``).
"""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement

from cleaner.html.bylines import byline_credits, names_in
from cleaner.html.elements import OTHER_TEXTS, element_text, text_of
from cleaner.html.marks import Marks
from cleaner.html.sources import ld_values, meta_values, types_of
from cleaner.lexicon import alternation, words
from cleaner.metadata.byline import credited_organisations, normalise_authors
from cleaner.metadata.names import is_organisation, looks_like_name

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


def page_organisations(
    found: Marks, metas: dict[str, list[str]], objects: list[dict], articles: list[dict], site: str | None
) -> tuple[str, ...]:
    """The organisations a page credits (JSON-LD organisation authors, author tags, byline elements), or the site.

    The first of these sources that credits any gives them; they are never person authors.
    """
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    declared = ld_values(articles, "author")
    tags = [value for value in meta_values(metas, AUTHOR_META) if not value.startswith(("http", "@", "www."))]
    return _organisations(
        [_ld_organisations(declared, by_id), tags, byline_credits(found) or bylines_beside_headline(found)], site
    )


def _organisations(sources: list[list[str]], site: str | None) -> tuple[str, ...]:
    """The organisations the first crediting source names (JSON-LD organisations, meta tags, bylines)."""
    for raws in sources:
        named = credited_organisations(raws, site_name=site)
        if named:
            return named
    return ()


def _ld_organisations(values: list[object], by_id: dict[str, dict]) -> list[str]:
    """Names of the JSON-LD authors typed as organisations."""
    names = []
    for value in values:
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
            value = by_id[value["@id"]]
        if isinstance(value, dict) and types_of(value) & _ORGANISATION_TYPES and isinstance(value.get("name"), str):
            names.append(value["name"].strip())
    return names


_ORGANISATION_TYPES = frozenset(("Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization"))


def bylines_beside_headline(found: Marks) -> list[str]:
    """Names from a byline element whose comment/sidebar-classed wrapper also holds the ``<h1>``.

    ``byline_credits`` skips bylines inside sidebars and comments (other people's names), but some
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
        if element in found.mastheads:
            continue
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


def people(raws: list[str], site: str | None) -> tuple[str, ...]:
    """The people ``raws`` name: normalised, no organisation, not the site, no dateline label ("Updated")."""
    names = [name for raw in raws for name in normalise_authors(raw, site_name=site)]
    return tuple(
        n for n in dict.fromkeys(names) if n.casefold() not in _DATE_LABELS and not is_organisation(n, site_name=site)
    )


_DATE_LABELS = words("updated_labels") | words("published_labels")


def ld_people(values: list[object], by_id: dict[str, dict]) -> list[str]:
    names: list[str] = []
    for value in values:
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
            value = by_id[value["@id"]]
        if isinstance(value, str):
            names.append(value)
        elif isinstance(value, dict) and not (types_of(value) & _ORGANISATION_TYPES):
            name = value.get("name")
            if isinstance(name, list):
                name = ", ".join(str(part) for part in name)
            if isinstance(name, str) and name.strip():
                names.append(_full_name(name.strip(), value.get("description")))
    return names


_FULL_NAME = re.compile(rf"(?:\s+{alternation('name_particles')})*\s+[A-ZÀ-Þ][\w'’-]+(?=[\s,.;:–—-]|$)")


def _full_name(name: str, description: object) -> str:
    """A first name alone ("Nils") and a bio that opens with the full name ("Nils Pickert ist freier
    Autor...") -> the full name (one surname, particles before it); any other name as it is."""
    if " " in name or not isinstance(description, str) or not description.startswith(name + " "):
        return name
    rest = _FULL_NAME.match(description, len(name))
    return name + rest[0] if rest else name  # one surname, particles before it


def shown_as(names: tuple[str, ...], tree: HtmlElement) -> tuple[str, ...]:
    """Each user name among ``names`` ("jane_doe", "jane.doe", "jane-doe", "janedoe") as the page shows it
    ("Jane Doe", "Jàne Dœ"): the first short element text of the same letters that reads as a person's name.

    A CMS often declares the account name where the page prints the author's name; a handle the page
    does not spell out as a name stays as it is.
    """
    handles = {name: _letters(name) for name in names if _HANDLE.fullmatch(name)}
    if not handles:
        return names
    shown: dict[str, str] = {}
    for element in tree.iter(_NAME_TAGS):
        text = element_text(element)
        if len(text) > MAX_SHOWN_NAME:
            continue
        text = " ".join(text.split())
        for name, letters in handles.items():
            if name not in shown and " " in text and _letters(text) == letters and looks_like_name(text):
                shown[name] = text
        if len(shown) == len(handles):
            break
    return tuple(shown.get(name, name) for name in names)


MAX_SHOWN_NAME = 60
_NAME_TAGS = ("a", "span", "strong", "b", "em", "li", "dd", "p", "h3", "h4", "h5", "h6", "div")
# One token, joined by a separator or all in lower case: "jane_doe", "Jane.Doe", "janedoe" (not "Jane").
_HANDLE = re.compile(r"[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)+|[a-z0-9]{5,}")


def _letters(text: str) -> str:
    """Lower-case letters and digits only, accents dropped: "Jàne Dœ-Li" -> "janedoeli".

    ASCII text, most of what a page's short elements hold, is read by one substitution: its case folding is
    ``lower``, it has nothing to decompose, and its letters and digits are ``a-z0-9`` once lowered.
    """
    if text.isascii():
        return _NOT_ASCII_ALNUM.sub("", text.lower())
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in folded if char.isalnum() and not unicodedata.combining(char))


_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]+")
