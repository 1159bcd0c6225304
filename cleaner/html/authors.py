"""A page's person authors, picked by an explicit precedence (docs/html.md lists it).

JSON-LD ``author`` of the article object (``@id`` references resolved, organisations
dropped, a first name alone completed from its ``description``), then author ``<meta>``
tags, then a marked byline element, then a byline line under the headline: the first
that names a person wins, and a visible byline that names every declared author and
more, or extends each name, replaces it.  A credit line near the headline ("Posted by
Konstantin") is asked last.  Names are normalised by ``cleaner.metadata.byline``; an organisation
or the site itself is never a person author.

This module does NOT read dates, titles or other fields and does not look at the
extracted body (a byline block there is the text layers' concern, ``cleaner.metadata.lines``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from cleaner.html.marks import (
    OTHER_TEXTS,
    Marks,
    byline_names,
    elsewhere,
    header_byline,
    names_in,
    short_text,
    text_of,
)
from cleaner.html.sources import ld_values, meta_values, types_of
from cleaner.lexicon import alternation
from cleaner.metadata.byline import credited_organisations, normalise_authors
from cleaner.metadata.credits import credited_names
from cleaner.metadata.names import is_organisation

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


@dataclass(frozen=True, slots=True)
class Credits:
    """Who a page credits: ``authors`` are people; ``organisations`` are credited organisations or the site."""

    authors: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, list[str]]:
        return {"authors": list(self.authors), "organisations": list(self.organisations)}


def page_authors(
    tree: HtmlElement,
    found: Marks,
    metas: dict[str, list[str]],
    objects: list[dict],
    articles: list[dict],
    site: str | None,
) -> Credits:
    """Person authors: JSON-LD, meta tags, marked byline elements, a byline line under the headline.

    Organisations and the site itself are no authors: the first source that credits any goes to
    ``organisations``.  The first source that names a person gives the authors.
    """
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    declared = ld_values(articles, "author")
    sources: list[list[str]] = [
        ld_people(declared, by_id),
        [value for value in meta_values(metas, AUTHOR_META) if not value.startswith(("http", "@", "www."))],
        byline_names(found) or bylines_beside_headline(found),
        header_byline(tree, found),
    ]
    organisations = _organisations([_ld_organisations(declared, by_id), *sources[1:3]], site)
    found_names = [people(raws, site) for raws in sources]
    for at, names in enumerate(found_names):
        if names:
            return Credits(_extended(names, found_names[max(at + 1, 2) :]), organisations)
    return Credits(people(_credit_lines(found), site), organisations)


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


def bylines_beside_headline(found: Marks) -> list[str]:
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
    names = [name for raw in raws for name in normalise_authors(raw, site_name=site)]
    return tuple(n for n in dict.fromkeys(names) if not is_organisation(n, site_name=site))


def _extended(names: tuple[str, ...], visible: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The declared authors, or a visible byline that names them all and more, or writes out their user names.

    Metadata often keeps only the first author ("Rudolf Fischer" where the byline says "Rudolf
    Fischer und Simon Kohler") or a first name alone ("Todd" over "Todd Bates"); a visible byline
    that contains every declared name, or extends each one, is the fuller statement.
    """
    if names in visible:
        return names  # a visible byline says just these: "La información es de ..." beside it is no author
    if all(_is_handle(name) for name in names):
        written = next((shown for shown in visible if shown and not any(map(_is_handle, shown))), None)
        return written or names  # "sarah-indra" in the metadata, "Mark Newton" on the page
    for shown in visible:
        if len(shown) < len(names):
            continue
        folded = [name.casefold() for name in shown]
        if all(any(s == n.casefold() or s.startswith(n.casefold() + " ") for s in folded) for n in names):
            return shown
    return names


def _is_handle(name: str) -> bool:
    """A user name rather than a written name: one token, lower-case or joined by ``-``/``_``."""
    return " " not in name and (name.islower() or "_" in name or "-" in name.strip("-"))


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
