"""Web feeds (RSS 0.9x, 1.0 and 2.0, Atom): one document per item, as a small page holding what the item gives.

A feed is a list of items, each with its own title, link, authors, dates and content (the whole article in
``content:encoded`` or Atom's ``content`` on many blogs and news sites, a summary on others).  ``read_feed`` reads a
feed file with feedparser (the library that reads every version and dialect of both formats, and malformed feeds
too, and sanitises their HTML) and turns each item into a ``Document`` whose content is a page: the item's HTML in
an ``<article>`` under its title, with its title, authors and dates in the page's JSON-LD and its link as the
canonical URL.  The HTML layers then read it as any page (its furniture removed, its metadata read from the JSON-LD
as a page's is), so a feed's item and the page it links to come out as the same kind of article.  A file is a feed
when its name says so (``.rss``, ``.atom``, compressed too) or, for an ``.xml`` file, when its root element is one
(``is_feed``).

What it does NOT do: it fetches nothing (not the items' links, not the feed: feedparser is given the file's bytes,
never a name or URL, and resolves no external entity), keeps no item without content (one ``Failure`` each, the
rest read on), and takes nothing from the feed's channel but its language.  The whole file is read at once, at most
``max_bytes`` of it (decompressed), as an article file is.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Iterator, Mapping
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from cleaner.io.compressed import inner_name, start_of
from cleaner.io.files import InputError, read_article, source_name
from cleaner.io.records import Document, Failure
from cleaner.text.language_codes import LanguageError, stated_language

FEED_SUFFIXES = (".rss", ".atom")  # a file so named is read as a feed (compressed too: ``news.rss.gz``)
SNIFFED_SUFFIXES = (".xml",)  # a file so named is a feed when its root element is one
FEED_SNIFF = 4096  # the first bytes read to tell a feed (``feed_kind`` reads as much)
NO_CONTENT = "a feed item with no content (neither content nor a summary)"
NOT_A_FEED = "not an RSS or Atom feed"
NO_ROOT = "its root element is no <rss>, <feed> or <rdf:RDF>"

# A feed's root element, after an XML declaration, stylesheet instructions, comments and a doctype.  The run before
# it is possessive: a comment ends at its first "-->", and a start of many comments that is not followed by a root is
# refused at once (tried again with each comment read on to a later "-->", the time doubled with every comment).
_FEED_ROOT = re.compile(
    r"(?:\s|<\?[^>]*\?>|<!--.*?-->|<!doctype[^>]*>)*+<(?P<root>rss|feed|rdf:rdf)[\s>]", re.IGNORECASE | re.DOTALL
)
# The root element's opening anywhere in the start: without one the root pattern cannot match, and a page's start
# (comments, a doctype) gives that pattern many ways to fail, which cost a third of a millisecond to try.
_FEED_OPENING = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_FEED_KINDS = {"rss": "RSS", "feed": "Atom", "rdf:rdf": "RSS"}


def feed_kind(text: str) -> str | None:
    """``"RSS"`` or ``"Atom"`` when the document is a web feed (its root element is ``<rss>``, ``<feed>`` or
    RSS 1.0's ``<rdf:RDF>``), else None: a list of items, not an article page."""
    head = text[:FEED_SNIFF].lstrip("\ufeff")
    if _FEED_OPENING.search(head) is None:
        return None
    match = _FEED_ROOT.match(head)
    return _FEED_KINDS[match["root"].lower()] if match else None


def is_feed(path: Path) -> bool:
    """Whether the file at ``path`` is read as a web feed: by its name, or an ``.xml`` file whose root is a feed's."""
    name = inner_name(path.name).lower()
    if name.endswith(FEED_SUFFIXES):
        return True
    if not name.endswith(SNIFFED_SUFFIXES) or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            start = start_of(handle, path.name, FEED_SNIFF)
    except (OSError, ValueError):  # unreadable, or not in the compression its name says: reading it says so
        return False
    return feed_kind(_start_text(start)) is not None


def read_feed(path: Path, *, max_bytes: int) -> Iterator[Document | Failure]:
    """The items of the feed at ``path``, in the feed's order, each a ``Document`` (a page) or a ``Failure``."""
    source = source_name(path)
    try:
        data = read_article(path, max_bytes)
    except InputError as error:
        yield Failure(id=source, reason=str(error), source=source)
        return
    if feed_kind(_start_text(data)) is None:  # told before parsing: junk full of <item> tags took 20 s to refuse
        yield Failure(id=source, reason=f"{NOT_A_FEED}: {NO_ROOT}", source=source)
        return
    import feedparser  # type: ignore[import-untyped]  # a tenth of a second: paid by runs that read a feed only

    parsed = feedparser.parse(io.BytesIO(data))  # a stream: a str would be taken for a file name or a URL
    if not parsed.get("version"):
        yield Failure(id=source, reason=_not_a_feed(parsed), source=source)
        return
    language = _language(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        ident = f"{source}#{number}"
        page = item_page(entry, language)
        if page is None:
            yield Failure(id=ident, reason=NO_CONTENT, source=source)
        else:
            yield Document(id=ident, content=page, format="html", url=entry.get("link") or None, source=source)


def _start_text(data: bytes) -> str:
    """The first ``FEED_SNIFF`` bytes as text (UTF-16 when a byte-order mark says so), for ``feed_kind``."""
    start = data[:FEED_SNIFF]
    encoding = "utf-16" if start.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
    return start.decode(encoding, "replace")


def _not_a_feed(parsed: Mapping[str, Any]) -> str:
    problem = parsed.get("bozo_exception")
    return f"{NOT_A_FEED}: {' '.join(str(problem).split()) if problem else NO_ROOT}"


def item_page(entry: Mapping[str, Any], language: str | None = None) -> str | None:
    """The page standing for one feed item (feedparser's entry), or None when it has no content."""
    body = _body(entry)
    if body is None:
        return None
    title = " ".join(str(entry.get("title") or "").split())
    facts: dict[str, Any] = {"@context": "https://schema.org", "@type": "Article"}
    if title:
        facts["headline"] = title
    authors = [name for name in (_author_name(author) for author in entry.get("authors") or []) if name]
    if authors:
        facts["author"] = [{"@type": "Person", "name": name} for name in authors]
    for key, field in (("datePublished", "published"), ("dateModified", "updated")):
        if when := iso_date(_own(entry, field)):
            facts[key] = when
    lang = f' lang="{language}"' if language else ""
    link = entry.get("link")
    canonical = f'<link rel="canonical" href="{html.escape(link)}">' if isinstance(link, str) and link else ""
    state = json.dumps(facts, ensure_ascii=False).replace("</", "<\\/")  # no "</script>" inside the script
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    return (
        f'<!DOCTYPE html><html{lang}><head><meta charset="utf-8"><title>{html.escape(title)}</title>{canonical}'
        f'<script type="application/ld+json">{state}</script></head>'
        f"<body><article>{heading}\n{body}\n</article></body></html>"
    )


def _body(entry: Mapping[str, Any]) -> str | None:
    """The item's content as HTML: its fullest content, else its summary; None when it has neither."""
    contents = [part for part in entry.get("content") or [] if str(part.get("value") or "").strip()]
    if contents:
        part = max(contents, key=lambda item: len(item["value"]))
        return _as_html(part["value"], part.get("type"))
    summary = str(entry.get("summary") or "")
    if not summary.strip():
        return None
    return _as_html(summary, (entry.get("summary_detail") or {}).get("type"))


def _as_html(value: str, kind: str | None) -> str:
    """Content as HTML: HTML and XHTML as they are; plain text, and "HTML" holding no tag (as many summaries are: its
    entities read first), escaped, a paragraph per blank-line-separated part."""
    marked = kind in (None, "text/html", "application/xhtml+xml")
    if marked and "<" in value:
        return value
    text = html.unescape(value) if marked else value
    parts = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "\n".join(f"<p>{html.escape(part)}</p>" for part in parts)


def _own(entry: Mapping[str, Any], key: str) -> object:
    """The entry's own value of ``key``: feedparser's entries give ``published`` for a missing ``updated`` (with a
    warning), which would make every item look updated when it was published."""
    return dict.get(entry, key) if isinstance(entry, dict) else entry.get(key)


def _author_name(author: Mapping[str, Any]) -> str:
    """An author's name (feedparser reads ``jane@example.org (Jane Miller)`` into name and e-mail)."""
    return " ".join(str(author.get("name") or "").split())


def iso_date(value: object) -> str | None:
    """An item's date in ISO 8601: RSS's RFC 822 dates converted (their offset kept), Atom's as they are."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value.strip()  # ISO 8601 already (Atom), or a form the page's date reading makes sense of or drops


def _language(value: object) -> str | None:
    """The feed's language as an ISO 639-1 code (RSS writes a locale: ``en-us``), or None when it names none."""
    try:
        return stated_language(value.strip() if isinstance(value, str) else value)
    except LanguageError:
        return None
