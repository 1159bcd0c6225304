"""HTML pages: parse once, find the main content as blocks, gather page metadata.

``read_page`` parses a page with lxml exactly once and shares that tree: the
metadata sources (``cleaner.html.meta``) read it, its ``<head>`` is then dropped (read
once, and no content), and trafilatura extracts the main content from it
(``cleaner.html.content``; trafilatura copies a tree it is given, so ours is not mutated).
Here the headline repeated atop the content is dropped (it is the title), a lead paragraph
extraction lost is put back, and the page's declared language is checked against the body.

This module does NOT decide what is furniture inside the extracted content: the
blocks go on through the same furniture rules, zones and classifier as text
input, so residue is removed (and audited) in one place.  It does not decode
bytes either (``cleaner.html.sniff`` tells a page from text and reads its declared charset).

Every page is bounded in time: scripts and styles are dropped before any heavy work, and the
whole read runs under a deadline (the document's, ``cleaner.errors.Deadline``: a ``SIGALRM`` timer
when called from the main thread, checks between stages otherwise).  A page is read whole or not
at all: one over the size or element limits, or nested deeper than libxml2 can parse (2,048 levels
with ``huge_tree``), raises ``PageError`` saying so instead of being cut short.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from cleaner.errors import Deadline, TimeLimitError
from cleaner.html.content import main_content
from cleaner.html.dates import dates_of
from cleaner.html.declared import declared_body, with_declared_body
from cleaner.html.elements import element_text
from cleaner.html.embedded import Embedded, embedded_texts, shown_noscript, with_embedded_body
from cleaner.html.entries import with_entry_times
from cleaner.html.listing import is_listing, may_be_listing, teasers
from cleaner.html.meta import page_metadata
from cleaner.html.quotes import with_quotes
from cleaner.html.secondopinion import page_description, visible_lead
from cleaner.html.views import FALLBACK, Fallback, outside
from cleaner.io.feeds import feed_kind
from cleaner.metadata.choice import MetadataModel
from cleaner.metadata.offers import Offer
from cleaner.metadata.pagechoice import live_blog_dates
from cleaner.metadata.titles import title_key
from cleaner.model import Block, Metadata
from cleaner.text.decode import normalise
from cleaner.text.language import stoplist

MAX_CHARS = 20_000_000  # a page with more markup is refused (no article page comes near it)
MAX_ELEMENTS = 200_000  # a page with more elements is refused (the largest benchmark page has 6,731)

_PARSER = etree.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
)
# Every element an ``HtmlElement`` (``text_content``, ``drop_tree``...), chosen in C: lxml.html's own parser
# asks a Python method for the class of every element object it makes (a form's is ``FormElement``, which
# nothing here uses), a few per cent of the extraction's time.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)
_NOISE_TAGS = ("style", "template", "svg", "math", "iframe", "object", "embed", "canvas")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


class PageError(ValueError):
    """The page cannot be read: empty, not HTML, or over the time bound (the message says which)."""


@dataclass(frozen=True, slots=True)
class Page:
    """A page's main content as blocks, in reading order, and what the page says about itself."""

    blocks: tuple[Block, ...]
    metadata: Metadata
    guessed: Metadata = field(default_factory=Metadata)  # htmldate's date, when the page states none
    whole_page: bool = False  # no extractor singled the article out (``content.MainContent``)
    left_out: tuple[str, ...] = ()  # the page's prose blocks outside the main content (``views.outside``)
    offers: tuple[Offer, ...] = ()  # every value its sources offer for title, authors, date (``cleaner.html.offers``)
    note: tuple[str, str] | None = None  # (rule, text): where the body was read, or why it is empty (audited)

    def to_dict(self) -> dict[str, object]:
        return {
            "blocks": [block.to_dict() for block in self.blocks],
            "metadata": self.metadata.to_dict(),
            "guessed": self.guessed.to_dict(),
            "whole_page": self.whole_page,
            "left_out": list(self.left_out),
            "offers": [offer.to_dict() for offer in self.offers],
            "note": list(self.note) if self.note else None,
        }


# ----------------------------------------------------------------- the time bound


# ----------------------------------------------------------------- parsing once


def parse_page(html: str) -> tuple[HtmlElement, tuple[str, ...]]:
    """Parse the page into one lxml tree, scripts and styles gone; also return its JSON-LD texts.

    JSON-LD lives in ``<script>`` elements, so it is read before every script, style and
    other non-content element is dropped; megabytes of inline code then cost one C-level
    parse, not Python work.  A page over the markup or element limits, or nested deeper than
    libxml2 reads even with ``huge_tree`` (it would silently drop what lies deeper), raises
    ``PageError``: a page is read whole or refused, never cut short.  So does a web feed (RSS, Atom).
    """
    tree, ld, _ = parse_page_embedded(html)
    return tree, ld


def parse_page_embedded(html: str) -> tuple[HtmlElement, tuple[str, ...], Embedded]:
    """``parse_page``, also giving the script state, ``srcdoc`` and ``<template>`` texts (``cleaner.html.embedded``)."""
    if len(html) > MAX_CHARS:
        raise PageError(f"page too large: {len(html):,} characters of markup, the limit is {MAX_CHARS:,}")
    if kind := feed_kind(html):
        raise PageError(f"an {kind} feed, not an article page: name its file .rss, .atom or .xml to clean its items")
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        raise PageError("page is empty")
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise PageError(f"page is not parseable HTML: {error}") from None
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in _PARSER.error_log):
        raise PageError("page nests elements deeper than the HTML parser can read (2,048 levels)")
    if tree is None or len(tree) == 0:
        raise PageError("page has no elements")
    ld = tuple(_jsonld_texts(tree))
    embedded = embedded_texts(tree)
    etree.strip_elements(tree, *_NOISE_TAGS, "script", with_tail=False)
    shown_noscript(tree)  # an app shell whose article is given to readers without scripts, in <noscript>
    if may_exceed(html) and (count := int(_COUNT_ELEMENTS(tree))) > MAX_ELEMENTS:
        raise PageError(f"page too large: {count:,} elements, the limit is {MAX_ELEMENTS:,}")
    return tree, ld, embedded


def _jsonld_texts(tree: HtmlElement) -> Iterator[str]:
    """The texts of the ``<script>`` elements whose type names JSON-LD, blank ones left out.

    Selected by tag in C and tested in Python: a page has a few scripts, and an XPath testing the type
    attribute costs more.  libxml2 keeps a script's text in one node, so ``.text`` is all of it.
    """
    for script in tree.iter("script"):
        if "ld+json" in (script.get("type") or "") and (text := script.text) and text.strip():
            yield text


def may_exceed(html: str) -> bool:
    """Whether the parsed page could hold more than ``MAX_ELEMENTS`` elements (else they need no count).

    Every element the parser makes opens with a ``<`` of the markup, except those it implies: ``<html>``,
    ``<head>``, ``<body>``, and a ``<p>`` it opens for text where no element may hold it, at most one
    per run of text, and runs are parted by ``<``.  So a page holds at most twice as many elements as
    ``<`` and four (a property test tries markup of every shape; random pages come within 3 of the ``<``).
    """
    return 2 * html.count("<") + 4 > MAX_ELEMENTS


_COUNT_ELEMENTS = etree.XPath("count(//*)")  # the parser drops comments and PIs, so elements are all iter() sees


# ----------------------------------------------------------------- main content


def read_page(
    html: str,
    *,
    url: str | None = None,
    timeout: float = 20.0,
    fallback: Fallback | None = FALLBACK,
    model: MetadataModel | None = None,
    offers: bool = False,
    location: str | None = None,
) -> Page:
    """Read one page: its main content as blocks and its metadata, within ``timeout`` seconds.

    ``fallback`` says when another view of the content is asked (``cleaner.html.views``; None: never).
    The title is chosen among the page's offers by ``model`` (``cleaner.metadata.pagechoice``; None:
    the shipped one); ``offers`` keeps every offer for title, authors and date in the page.  ``location``, the
    address a saved page (MHTML) names, is the page's URL where neither ``url`` nor the page gives one.
    Raises ``PageError`` for an empty or unparseable page, or one that cannot be read in time.
    """
    deadline = Deadline(timeout)
    try:
        with deadline.armed():
            deadline.check("parsing")
            tree, ld, embedded = parse_page_embedded(html)
            deadline.check("metadata")
            stated = page_metadata(
                tree, jsonld=ld, url=url, html=html[:MAX_CHARS], model=model, offers=offers, location=location
            )
            metadata, guessed = stated.metadata, stated.guessed
            deadline.check("content extraction")
            description = page_description(tree)
            without_head(tree)
            headlines = [metadata.title or "", *(element_text(h1) for h1 in tree.iter("h1"))]
            content = main_content(tree, language=metadata.language, fallback=fallback)
            if QUOTE_MARK in html:  # a quote of the article's flow the extraction left out (``cleaner.html.quotes``)
                content = with_quotes(tree, content)
            titled = without_title(content.blocks, headlines)
            blocks = with_lead(titled, tree, description, headlines)
            units = teasers(tree) if not stated.article and may_be_listing(blocks) else ()
            timed, stamps = with_entry_times(blocks, tree)
            deadline.check("content extraction")
    except TimeLimitError:
        raise PageError(f"page took longer than {timeout:g} s to read (during {deadline.stage})") from None
    left_out = back_in_lead(content.left_out, blocks[: len(blocks) - len(titled)])
    listing = len(units) if is_listing(blocks, units) else 0
    blocks = blocks if listing else timed  # a live blog's entries with their time stamps
    if stamps and not listing:  # and its dates: when it opened, its latest entry
        metadata = live_blog_dates(metadata, dates_of(stamp.get("datetime") for stamp in stamps))
    blocks, left_out, note = _body(blocks, left_out, ld, embedded, listing, headlines)
    language = confirmed_language(metadata.language, blocks)
    page = Page(blocks, replace(metadata, language=language), guessed, content.whole_page, left_out, stated.offers)
    return normalised(replace(page, note=note) if note else page)


def _body(
    blocks: tuple[Block, ...],
    left_out: tuple[str, ...],
    ld: tuple[str, ...],
    embedded: Embedded,
    listing: int,
    headlines: list[str],
) -> tuple[tuple[Block, ...], tuple[str, ...], tuple[str, str] | None]:
    """The body where the extraction is not the article: a listing's teasers are none (``listing``: how many
    teasers ``cleaner.html.listing`` found the blocks in, 0 for no listing), a script-rendered page's is its
    declared or embedded text (``declared``, ``embedded``); with the audit's note."""
    if listing:
        texts = tuple(block.text for block in blocks)
        return (), (*texts, *left_out), (LISTING_RULE, f"a listing page: {listing} teasers of other articles")
    blocks, left_out = with_declared_body(blocks, left_out, declared_body(ld))
    blocks, left_out, source = with_embedded_body(blocks, left_out, embedded)
    if source is None:
        return blocks, left_out, None
    note = f"body read from the page's {source}: its markup shows under a tenth of that text"
    return without_title(blocks, headlines), left_out, (EMBEDDED_RULE, note)


# Only a page whose markup holds a quote can have one left out: a search of the markup costs a fraction of a walk
# of its tree (embed codes write the tag in lower case; a page writing it in capitals is not searched).
QUOTE_MARK = "<blockquote"
LISTING_RULE = "extractor.listing-page"  # the note that a page of teasers holds no article
EMBEDDED_RULE = "extractor.embedded-body"  # the note that a page's body came from outside its markup


def normalised(page: Page) -> Page:
    """The page's text in the one normal form of every layer (``cleaner.text.decode.normalise``).

    Normalising what is read out rather than the markup costs a fraction (markup is mostly
    tags and indentation), and it also reaches characters written as entities (``&nbsp;``, ``&shy;``).
    """
    texts = [(block, normalise(block.text).strip()) for block in page.blocks]
    kept = [(block, text) for block, text in texts if text]  # a block of invisibles only is no block
    blocks = tuple(  # a block already in its place and form is kept as it is (``replace`` costs a few microseconds)
        block if block.index == i and block.text == text else replace(block, index=i, text=text)
        for i, (block, text) in enumerate(kept)
    )
    meta = page.metadata
    fields: dict[str, Any] = {
        name: normalise(value) for name in _TEXT_FIELDS if isinstance(value := getattr(meta, name), str)
    }
    authors = tuple(normalise(name) for name in meta.authors)
    left_out = tuple(text for text in map(normalise, page.left_out) if text.strip())
    metadata = replace(meta, authors=authors, **fields)
    return Page(blocks, metadata, page.guessed, page.whole_page, left_out, page.offers, page.note)


_TEXT_FIELDS = ("title", "subtitle", "site_name")


def without_head(tree: HtmlElement) -> None:
    """Drop the page's ``<head>`` once its metadata is read: what is left is all the content layers need.

    The extractors copy and search the whole tree they are given (trafilatura drops the head only
    after copying it and running its pruning XPaths over it): without it they do about 8% less
    work, for the same result.
    """
    head = tree.find("head")
    if head is not None:
        tree.remove(head)


def back_in_lead(left_out: tuple[str, ...], lead: Sequence[Block]) -> tuple[str, ...]:
    """The prose the content left out, without what the lead put back holds (``views.outside``).

    ``left_out`` was measured against the content's blocks; the blocks kept here are those blocks less
    the headline, and the lead (``with_lead``) if one came back.  A prose block holds no line break, so
    it is found in a block's own text or not at all: only the lead can hold what was left out.
    """
    return tuple(outside(left_out, [block.text for block in lead])) if lead else left_out


def with_lead(
    blocks: tuple[Block, ...], tree: HtmlElement, description: str, headlines: Sequence[str] = ()
) -> tuple[Block, ...]:
    """Put back the lead paragraph extraction dropped (see ``secondopinion.visible_lead``), unless it is a headline."""
    if not blocks:
        return blocks
    lead = visible_lead(tree, [block.text for block in blocks], description)
    if lead is None or title_key(lead) in {title_key(text) for text in headlines if text}:
        return blocks
    return (Block(index=0, text=lead), *(replace(block, index=i + 1) for i, block in enumerate(blocks)))


LANGUAGE_SAMPLE = 2000
MIN_STOPWORD_SHARE = 0.15  # prose in its own language scores 0.3-0.5; another language under 0.1
_WORDS = re.compile(r"[^\W\d_]+")


def confirmed_language(declared: str | None, blocks: tuple[Block, ...]) -> str | None:
    """The page's declared language when its text agrees, else None (so the pipeline detects it).

    Templates often declare ``lang="en"`` over German text; the declared language is kept only
    when at least ``MIN_STOPWORD_SHARE`` of the body's words are its stop words.  Languages
    without a stoplist keep their declaration: nothing speaks against it.
    """
    if declared is None:
        return None
    stopwords = stoplist(declared)
    if not stopwords:
        return declared
    words = _WORDS.findall(" ".join(block.text for block in blocks)[:LANGUAGE_SAMPLE].lower())
    if len(words) < 20:
        return None
    return declared if sum(word in stopwords for word in words) >= MIN_STOPWORD_SHARE * len(words) else None


def without_title(blocks: tuple[Block, ...], headlines: list[str]) -> tuple[Block, ...]:
    """Drop the headline repeated at the top of the extracted content: it is metadata, not body.

    A block is the headline when it equals the page's title or one of its ``<h1>`` texts.  An
    ``<h1>`` text is looked for in the first blocks only, before the body proper starts (the first
    long paragraph); the title (``headlines[0]``) anywhere, since the title is never a body block
    (docs/schema.md): templates repeat it above a gallery, a box or the article's end.
    """
    title = title_key(headlines[0]) if headlines and headlines[0].strip() else None
    keys = {title_key(text) for text in headlines if text and text.strip()}
    kept: list[Block] = []
    for position, block in enumerate(blocks):
        at_top = position < TITLE_WINDOW and all(len(b.text) < 200 for b in blocks[:position])
        key = title_key(block.text)
        if not ((at_top and key in keys) or key == title):
            kept.append(block)
    if len(kept) == len(blocks):
        return blocks
    return tuple(replace(block, index=i) for i, block in enumerate(kept))


TITLE_WINDOW = 4
