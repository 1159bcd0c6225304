"""HTML pages: parse once, find the main content as blocks, gather page metadata.

``read_page`` parses a page with lxml exactly once and shares that tree: the
metadata sources (``cleaner.htmlmeta``) read it, and trafilatura extracts the main
content from it (trafilatura copies a tree it is given, so ours is not mutated).
The extracted XML body is walked into ``Block`` values whose ``kind`` comes from
the tags (``<head>`` -> heading, ``<item>`` -> list item, ``<quote>`` -> quote)
and whose ``link_density`` is measured from the links trafilatura kept.  When
trafilatura returns little or nothing, justext gives a second opinion on the same
tree.

This module does NOT decide what is furniture inside the extracted content: the
blocks go on through the same furniture rules, zones and classifier as text
input, so residue is removed (and audited) in one place.  It does not decode
bytes either, beyond offering ``declared_charset`` to the decode layer.

Every page is bounded in time: markup is capped before parsing, scripts and
styles are dropped before any heavy work, the element count is capped, and the
whole read runs under a deadline (a ``SIGALRM`` timer when called from the main
thread, checks between stages otherwise).  A page that cannot be read within the
bound raises ``PageError`` with a message saying why.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

import lxml.html
import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from cleaner.htmlmeta import PageMetadata, page_metadata
from cleaner.htmltitle import title_key
from cleaner.language import stoplist
from cleaner.model import Block, Kind
from cleaner.secondopinion import justext_pieces, visible_lead

MAX_CHARS = 20_000_000  # markup beyond this is cut off before parsing
MAX_ELEMENTS = 30_000  # elements beyond this are dropped from the end (the largest benchmark page has 6,731)
MIN_TEXT = 250  # below this many characters, trafilatura's result is "little" and justext is asked too

_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
)
_NOISE_TAGS = ("style", "template", "svg", "math", "iframe", "object", "embed", "canvas")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<script[\s>]|<link\s",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


class PageError(ValueError):
    """The page cannot be read: empty, not HTML, or over the time bound (the message says which)."""


@dataclass(frozen=True, slots=True)
class Page:
    """A page's main content as blocks, in reading order, and what the page says about itself."""

    blocks: tuple[Block, ...]
    metadata: PageMetadata

    def to_dict(self) -> dict[str, object]:
        return {
            "blocks": [
                {"index": b.index, "text": b.text, "kind": str(b.kind), "link_density": b.link_density}
                for b in self.blocks
            ],
            "metadata": self.metadata.to_dict(),
        }


# ----------------------------------------------------------------- recognising and decoding


def looks_like_html(text: str) -> bool:
    """True for a web page; False for prose that merely mentions a tag or two.

    A page announces itself near the top (doctype, ``<html>``, ``<head>``, ``<meta>``)
    or is dense with markup, closing tags included; a text article quoting ``<p>`` is neither.
    """
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head[:1] == "<" and _HTML_SIGNS.search(head[:1024]):
        return True
    sample = text[:20000]
    tags = _ANY_TAG.findall(sample)
    closing = sum(1 for tag in tags if tag.startswith("</"))
    return len(tags) >= 10 and closing >= 5 and len(tags) * 30 >= len(sample)


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` or ``http-equiv`` (first 4 KB), lower-cased."""
    match = _META_CHARSET.search(raw[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").strip().lower()
    return name or None


# ----------------------------------------------------------------- the time bound


class _Deadline:
    """Wall-clock bound for one page; ``check`` raises ``PageError`` once it has passed."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self, stage: str) -> None:
        if time.monotonic() > self.end:
            raise PageError(f"page took longer than {self.seconds:g} s to read (during {stage})")


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt Python code after ``seconds`` with ``PageError``, where a timer can be used.

    Only from the main thread, and only when nobody else has a ``SIGALRM`` timer or handler:
    a library must not steal its caller's signals.  Elsewhere the stage checks still apply.
    """
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise PageError(f"page took longer than {seconds:g} s to read")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ----------------------------------------------------------------- parsing once


def parse_page(html: str) -> tuple[HtmlElement, tuple[str, ...]]:
    """Parse the page into one lxml tree, scripts and styles gone; also return its JSON-LD texts.

    JSON-LD lives in ``<script>`` elements, so it is read before every script, style and
    other non-content element is dropped; megabytes of inline code then cost one C-level
    parse, not Python work.  Over-long markup is cut before parsing and an over-large tree
    trimmed from the end, so no later stage sees a pathological page (libxml2 itself
    ignores nesting beyond depth 256).
    """
    html = _XML_DECL.sub("", html[:MAX_CHARS], count=1)
    if not html.strip():
        raise PageError("page is empty")
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise PageError(f"page is not parseable HTML: {error}") from None
    if tree is None or len(tree) == 0:
        raise PageError("page has no elements")
    ld = tuple(text for text in tree.xpath('//script[contains(@type, "ld+json")]/text()') if text.strip())
    etree.strip_elements(tree, *_NOISE_TAGS, "script", with_tail=False)
    _trim(tree)
    return tree, ld


def _trim(tree: HtmlElement) -> None:
    """Drop every element past the first ``MAX_ELEMENTS`` in document order."""
    element = next((e for count, e in enumerate(tree.iter(), start=1) if count > MAX_ELEMENTS), None)
    if element is None:
        return
    node: HtmlElement | None = element
    while node is not None and node.getparent() is not None:
        parent = node.getparent()
        del parent[parent.index(node) + (0 if node is element else 1) :]
        node = parent


# ----------------------------------------------------------------- main content


def read_page(html: str, *, url: str | None = None, timeout: float = 20.0) -> Page:
    """Read one page: its main content as blocks and its metadata, within ``timeout`` seconds.

    Raises ``PageError`` for an empty or unparseable page, or one that cannot be read in time.
    """
    deadline = _Deadline(timeout)
    with _alarm(timeout):
        tree, ld = parse_page(html)
        deadline.check("parsing")
        metadata = page_metadata(tree, jsonld=ld, url=url)
        deadline.check("metadata")
        headlines = [metadata.title or "", *(h1.text_content() for h1 in tree.iter("h1"))]
        blocks = without_title(main_blocks(tree, url=url, language=metadata.language), headlines)
        blocks = with_lead(blocks, tree)
        deadline.check("content extraction")
    language = confirmed_language(metadata.language, blocks)
    if language != metadata.language:
        metadata = replace(metadata, language=language)
    return Page(blocks=blocks, metadata=metadata)


def with_lead(blocks: tuple[Block, ...], tree: HtmlElement) -> tuple[Block, ...]:
    """Put back the lead paragraph extraction dropped (see ``secondopinion.visible_lead``)."""
    if not blocks:
        return blocks
    lead = visible_lead(tree, [block.text for block in blocks])
    if lead is None:
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

    A block is the headline when it equals the page's title or one of its ``<h1>`` texts.  Only
    the first blocks are looked at, before the body proper starts (the first long paragraph), so
    a later paragraph that happens to quote the headline stays.
    """
    keys = {title_key(text) for text in headlines if text and text.strip()}
    kept: list[Block] = []
    for position, block in enumerate(blocks):
        at_top = position < TITLE_WINDOW and all(len(b.text) < 200 for b in blocks[:position])
        if not (at_top and title_key(block.text) in keys):
            kept.append(block)
    if len(kept) == len(blocks):
        return blocks
    return tuple(replace(block, index=i) for i, block in enumerate(kept))


TITLE_WINDOW = 4


def main_blocks(tree: HtmlElement, *, url: str | None = None, language: str | None = None) -> tuple[Block, ...]:
    """The main content of a parsed page as blocks: trafilatura first, justext where it finds little.

    trafilatura runs in its fast mode: its own fallback (comparing with its readability port
    and justext on every page) costs half its time and gained 0.001 snippet F1 on the
    benchmark (docs/benchmarks.md); our justext second opinion covers the pages where it
    finds little.  Comments are not content; links are kept only to measure link density.
    """
    document = trafilatura.bare_extraction(
        tree, url=url, fast=True, include_comments=False, include_links=True, include_images=False,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    pieces = list(_walk(body)) if body is not None else []
    if sum(len(text) for _, text, _ in pieces) < MIN_TEXT:
        second = justext_pieces(tree, language)
        if sum(len(text) for _, text, _ in second) > sum(len(text) for _, text, _ in pieces):
            pieces = second
    pieces = _without_link_tail(pieces)
    return tuple(
        Block(index=i, text=text, kind=kind, link_density=round(density, 3))
        for i, (kind, text, density) in enumerate(pieces)
    )


LINK_TAIL_DENSITY = 0.25  # a teaser links its headline, not its one-line description
LINK_TAIL_MIN = 3


def _without_link_tail(pieces: list[_Piece]) -> list[_Piece]:
    """Cut a run of linked teasers (related stories, "more from") that ends the extracted content.

    Extractors keep such lists when they sit inside the article container.  The run must be at
    least ``LINK_TAIL_MIN`` blocks, each with a link density of ``LINK_TAIL_DENSITY`` or more; up to
    two short unlinked lines after it (a copyright line) do not hide it and are left to the text
    layers.  Links inside the body proper are untouched: only a tail run is cut.
    """
    end = len(pieces)
    for _ in range(2):
        if end and pieces[end - 1][2] < LINK_TAIL_DENSITY and len(pieces[end - 1][1]) < 100:
            end -= 1
    start = end
    while start and pieces[start - 1][2] >= LINK_TAIL_DENSITY:
        start -= 1
    if end - start >= LINK_TAIL_MIN and start > 0:
        pieces = pieces[:start] + pieces[end:]
    return _without_link_runs(pieces)


LINK_RUN_DENSITY = 0.6  # inside the content only lines that are mostly link text


def _without_link_runs(pieces: list[_Piece]) -> list[_Piece]:
    """Cut runs of ``LINK_TAIL_MIN`` or more consecutive link lines anywhere ("Don't miss" boxes).

    Inside the content the bar is higher than at its end: each line must be mostly link text.
    """
    kept: list[_Piece] = []
    run: list[_Piece] = []
    for piece in [*pieces, (Kind.PARAGRAPH, "", 0.0)]:
        if piece[2] >= LINK_RUN_DENSITY and piece[1]:
            run.append(piece)
            continue
        if len(run) < LINK_TAIL_MIN:
            kept.extend(run)
        run = []
        if piece[1]:
            kept.append(piece)
    return kept if len(kept) < len(pieces) and kept else pieces


_Piece = tuple[Kind, str, float]
_SPACES = re.compile(r"\s+")


def _walk(element: etree._Element, kind: Kind | None = None) -> Iterator[_Piece]:
    """Blocks from trafilatura's XML body: one per paragraph, heading, list item, quote line, table row.

    Loose text directly inside a container (trafilatura keeps some) becomes a paragraph of its own.
    """
    yield from _loose(element.text, kind)
    for child in element:
        tag = child.tag
        if tag == "item":
            yield from _lines(child, kind or Kind.LIST_ITEM, skip=("list",))
            for sub in child.iterchildren("list"):
                yield from _walk(sub, kind)
        elif tag == "quote":
            if any(sub.tag in _BLOCK_TAGS for sub in child):
                yield from _lines(child, Kind.QUOTE, skip=_BLOCK_TAGS)
                yield from _walk(child, Kind.QUOTE)
            else:
                yield from _lines(child, Kind.QUOTE)
        elif tag == "head":
            yield from _lines(child, kind or Kind.HEADING)
        elif tag == "table":
            yield from _rows(child, kind)
        elif tag in _INLINE_TAGS or (tag in _TEXT_TAGS and not any(sub.tag in _BLOCK_TAGS for sub in child)):
            yield from _lines(child, kind or Kind.PARAGRAPH)
        elif tag != "graphic":
            yield from _walk(child, kind)
        yield from _loose(child.tail, kind)


_BLOCK_TAGS = ("p", "list", "head", "quote", "table", "div", "item", "code")
_TEXT_TAGS = ("p", "code", "cell", "row")
_INLINE_TAGS = ("hi", "ref", "span", "lb", "del", "b", "i", "em", "strong", "a")


def _loose(text: str | None, kind: Kind | None) -> Iterator[_Piece]:
    clean = _SPACES.sub(" ", text or "").strip()
    if clean:
        yield kind or Kind.PARAGRAPH, clean, 0.0


def _rows(table: etree._Element, kind: Kind | None) -> Iterator[_Piece]:
    for row in table.iter("row"):
        cells = [_SPACES.sub(" ", "".join(cell.itertext())).strip() for cell in row.iterchildren("cell")]
        text = " | ".join(cell for cell in cells if cell)
        if text:
            links = sum(len("".join(ref.itertext())) for ref in row.iter("ref"))
            yield kind or Kind.PARAGRAPH, text, min(1.0, links / len(text))


def _lines(element: etree._Element, kind: Kind, skip: tuple[str, ...] = ()) -> Iterator[_Piece]:
    """The element's inline text, one block per line (``<lb/>`` separates lines), with link density."""
    segments: list[tuple[str, bool]] = []
    _inline(element, segments, in_link=False, skip=skip, top=True)
    line: list[tuple[str, bool]] = []
    for segment in [*segments, ("\n", False)]:
        if segment[0] != "\n":
            line.append(segment)
            continue
        text = _SPACES.sub(" ", "".join(part for part, _ in line)).strip()
        if text:
            linked = sum(len(_SPACES.sub(" ", part)) for part, is_link in line if is_link)
            yield kind, text, min(1.0, linked / len(text))
        line = []


def _inline(element: etree._Element, out: list[tuple[str, bool]], *, in_link: bool, skip: tuple[str, ...],
            top: bool = False) -> None:
    in_link = in_link or element.tag == "ref"
    if element.tag == "lb":
        out.append(("\n", False))
    elif element.text:
        out.append((element.text, in_link))
    for child in element:
        if not (top and child.tag in skip) and child.tag != "graphic":
            _inline(child, out, in_link=in_link, skip=())
        if child.tail:
            out.append((child.tail, in_link and not top))
