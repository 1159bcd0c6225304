"""The main content of a parsed page as blocks: trafilatura's extraction, walked into ``Block`` values.

trafilatura (fast mode, comments excluded, links kept to measure link density) extracts the
article from the shared tree; its XML body is walked into blocks (``cleaner.html.xmlbody``: one per paragraph,
heading, list item, quote line and table row).  Where trafilatura finds little, justext's good paragraphs are used
(``cleaner.html.secondopinion``).  Runs of link lines (teaser lists at the end of the content,
"Don't miss" boxes inside it) are cut here, as part of the extraction; paragraphs trafilatura
split at a link are joined again, and a body that adverts split into several containers of one
class is read on into the later ones.

This module does NOT parse, read metadata, or decide furniture inside the content: the blocks
go on through the text layers, which remove and audit residue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from lxml import etree
from lxml.html import HtmlElement

from cleaner.html.elements import element_text, text_of
from cleaner.html.secondopinion import justext_pieces
from cleaner.html.views import (
    FALLBACK,
    Fallback,
    bare_container,
    needs_second_view,
    outside,
    page_prose,
    second_view,
    size,
)
from cleaner.html.xmlbody import Piece, walk
from cleaner.model import Block, Kind

if TYPE_CHECKING:
    from trafilatura.settings import Extractor

MIN_TEXT = 250  # below this many characters, trafilatura's result is "little" and justext is asked too


@dataclass(frozen=True, slots=True)
class MainContent:
    """A page's main content as blocks; ``whole_page`` when no extractor could single the article out.

    trafilatura falls back to the whole page's text (menus and footers included) when its
    extractor fails; the text layers then look for the article in it, as in any page dump.
    """

    blocks: tuple[Block, ...]
    whole_page: bool = False
    left_out: tuple[str, ...] = ()  # the page's prose blocks the content does not hold (``views.outside``)

    def to_dict(self) -> dict[str, object]:
        return {
            "blocks": [block.to_dict() for block in self.blocks],
            "whole_page": self.whole_page,
            "left_out": list(self.left_out),
        }


def main_content(
    tree: HtmlElement, *, language: str | None = None, fallback: Fallback | None = FALLBACK
) -> MainContent:
    """The main content of a parsed page as blocks: trafilatura first, another view where it finds little.

    trafilatura runs in its fast mode: its own fallback (comparing with its readability port
    and justext on every page) costs half its time, so it is asked only where the fast mode
    finds much less than the page's prose (``cleaner.html.views``); justext is asked where the
    fast mode finds under ``MIN_TEXT`` characters or falls back to the whole page's text.
    Comments are not content; links are kept only to measure link density.
    """
    pieces, whole_page = first_extraction(tree, language=language)
    prose = page_prose(tree)
    other = None if fallback is None else _second_view(tree, pieces, prose, fallback, language)
    if other is not None:  # a page dump the view was added to (``_second_view``) is still one
        pieces, whole_page = other, whole_page and bool(pieces) and pieces[0] in other
    # The extraction's own trailing teasers go before its body is read on, and the body's, read on, after.
    pieces = _without_link_tail(_without_link_tail(pieces) + _continuations(tree, pieces))
    blocks = tuple(
        Block(index=i, text=text, kind=kind, link_density=round(density, 3))
        for i, (kind, text, density) in enumerate(pieces)
    )
    return MainContent(blocks, whole_page, tuple(outside(prose, [text for _, text, _ in pieces])))


def _second_view(
    tree: HtmlElement, pieces: list[Piece], prose: list[str], fallback: Fallback, language: str | None
) -> list[Piece] | None:
    """The second view's pieces where it is asked and taken, else ``None``.

    It is asked where the extraction holds little of the page's prose (``needs_second_view``), or where the
    elements trafilatura never extracts hold most of it (``_prose_set_aside``); it is taken where it holds
    ``fallback.gain`` times the extraction's text.  Asked for the prose set aside, it is added to the extraction,
    not put in its place: the extraction's blocks it does not hold stay, first (an intro beside a post set in
    an ``<aside>``; a short article beside a longer sidebar of prose, which the view may take alone).
    """
    set_aside = not needs_second_view(pieces, prose, fallback)
    if set_aside and not _prose_set_aside(tree, pieces, prose):
        return None
    other = second_view(
        tree,
        fallback.view,
        trafilatura_full=lambda fast: trafilatura_pieces(tree, fast=fast)[0],
        language=language,
        first=pieces,
    )
    if size(other) < fallback.gain * size(pieces):
        return None
    if not set_aside:
        return other
    missing = set(outside([text for _, text, _ in pieces], [text for _, text, _ in other]))
    return [piece for piece in pieces if piece[1] in missing] + other


def _prose_set_aside(tree: HtmlElement, pieces: list[Piece], prose: list[str]) -> bool:
    """Whether the extraction holds less than half of the page's prose and the elements trafilatura never
    extracts (``_NEVER_EXTRACTED``: some themes and page builders put the whole post in an ``<aside>`` or a
    ``<footer>``) hold more than half of it: the article may be there, and the second view is asked."""
    half = sum(len(text) for text in prose) / 2
    if size(pieces) >= half:
        return False
    outermost = (
        node for node in tree.iter(_NEVER_EXTRACTED) if next(node.iterancestors(_NEVER_EXTRACTED), None) is None
    )
    return sum(len(text) for node in outermost for text in page_prose(node)) > half


def first_extraction(tree: HtmlElement, *, language: str | None) -> tuple[list[Piece], bool]:
    """trafilatura's fast extraction, or justext's paragraphs where it finds little or the whole page."""
    pieces, whole_page = trafilatura_pieces(tree, fast=True)
    if size(pieces) < MIN_TEXT or whole_page:
        second = justext_pieces(tree, language)
        found = size(second)
        if found > size(pieces) or (found >= MIN_TEXT and whole_page):
            return second, False
    return pieces, whole_page


# Any format but "python" makes bare_extraction hand back its XML body without also writing it out
# as text (``xmltotxt``, a tenth of its fast mode's time); the extraction itself is the same.
_BODY_ONLY = "txt"


# trafilatura's options, made once for each mode (reading its configuration costs a tenth of a millisecond
# a page; trafilatura does not change options it is given).  Without a URL: it would only resolve link
# targets, and only the links' text is read here.
@cache
def _options(fast: bool) -> Extractor:
    from trafilatura.settings import Extractor  # imported on first use, as trafilatura below

    return Extractor(output_format=_BODY_ONLY, fast=fast, comments=False, links=True, images=False, with_metadata=False)


def trafilatura_pieces(tree: HtmlElement, *, fast: bool) -> tuple[list[Piece], bool]:
    """trafilatura's extraction walked into pieces, and whether it fell back to the whole page's text.

    trafilatura copies the tree it is given (twice, and once more in fast mode for a comparison it
    then skips) and runs its pruning expressions over the copies, only to delete every ``<nav>``,
    ``<aside>`` and ``<footer>`` first thing (``tree_cleaning``).  These are taken out of the tree
    while it extracts (about a third of the elements of a bench page) and put back in place after it.
    """
    import trafilatura  # with htmldate, which it imports, a tenth of a second that `clean learn` never needs

    with _set_aside(tree, _NEVER_EXTRACTED) if _paragraph_outside(tree, _NEVER_EXTRACTED) else nullcontext():
        document = trafilatura.bare_extraction(tree, options=_options(fast))
    body = getattr(document, "body", None)
    if body is None:
        return [], False
    _mend_split_links(body)
    return list(walk(body)), _is_page_dump(body)


# Elements trafilatura's extractor deletes before it reads a page (``MANUALLY_CLEANED``), the commonest
# in templates: navigation, sidebars, footers.  Its fallbacks on the raw tree (``baseline``, and
# ``html2txt`` measuring the page) drop sidebars and footers too, but read a navigation's text, and
# its articles and paragraphs (markup left open can put a whole article inside a ``<nav>``).
_NEVER_EXTRACTED = ("nav", "aside", "footer")
_READ_RAW = frozenset(("nav",))
_BASELINE_TAGS = ("article", "blockquote", "code", "p", "pre", "q", "quote")


def _paragraph_outside(tree: HtmlElement, tags: tuple[str, ...]) -> bool:
    """Whether a ``<p>`` of the page stands outside every element of ``tags``, or the page has none.

    trafilatura's recall retry (``tree_cleaning`` in its "recall" focus, asked where its extraction covers
    little of the page) undoes its deletions when they would leave no paragraph: on a page whose every
    paragraph sits in an ``<aside>`` or ``<footer>`` (some themes and page builders put the whole post in
    one), it reads them.  Such a page is given to trafilatura whole, so that the retry finds them.
    """
    paragraphs = tree.iter("p")
    first = next(paragraphs, None)
    if first is None:
        return True
    return any(next(paragraph.iterancestors(tags), None) is None for paragraph in (first, *paragraphs))


@contextmanager
def _set_aside(tree: HtmlElement, tags: tuple[str, ...]) -> Iterator[None]:
    """Stand an element of the same tag and tail in for each outermost element of ``tags`` in ``tree``,
    empty, or holding only its text lines where trafilatura's fallbacks read them (``_READ_RAW``; an
    element with paragraphs or articles there stays); put the elements back on exit, as they were."""
    taken, stand_ins = [], []
    for element in tree.iter(tags):
        if element.getparent() is None or next(element.iterancestors(tags), None) is not None:
            continue
        stand_in = element.makeelement(element.tag)
        if element.tag in _READ_RAW:
            if next(element.iter(_BASELINE_TAGS), None) is not None:
                continue
            stand_in.text = "\n".join(line for text in element.itertext() if (line := text.strip()))
        taken.append(element)
        stand_ins.append(stand_in)
    for element, stand_in in zip(taken, stand_ins, strict=True):
        stand_in.tail = element.tail
        element.getparent().replace(element, stand_in)
    try:
        yield
    finally:
        for element, stand_in in zip(taken, stand_ins, strict=True):
            tail = element.tail
            stand_in.getparent().replace(stand_in, element)
            element.tail = tail


def _mend_split_links(body: etree._Element) -> None:
    """Rejoin paragraphs trafilatura split at a link, in place.

    With links kept, trafilatura cuts ``<br>``-separated text at a link that follows a block
    ("...the last i9" | "<ref>MacBook Pro</ref>was released, ..."), and drops the space after
    the link.  A paragraph that opens with a link glued to the next word continues the previous
    one when that one ends mid-sentence; the lost space is put back either way.
    """
    for paragraph in list(body.iter("p")):
        opening = paragraph[0] if len(paragraph) and not (paragraph.text or "").strip() else None
        if opening is None or opening.tag != "ref" or not (opening.tail or "")[:1].isalnum():
            continue
        opening.tail = " " + (opening.tail or "")
        previous = paragraph.getprevious()
        if previous is not None and previous.tag == "p" and not _ENDS_SENTENCE.search("".join(previous.itertext())):
            _append_paragraph(previous, paragraph)


_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”»)]\s*$|^\s*$")


def _append_paragraph(first: etree._Element, second: etree._Element) -> None:
    """Move ``second``'s content to the end of ``first``, a space between, and drop ``second``."""
    if len(first):
        first[-1].tail = (first[-1].tail or "") + " " + (second.text or "")
    else:
        first.text = (first.text or "") + " " + (second.text or "")
    for child in list(second):
        first.append(child)
    second.getparent().remove(second)


# Classes of an article's body container ("article__body", "entry-content", "post-text", "story-body").
_BODY_CLASS = re.compile(r"(?:article|post|entry|story|body)[-_]{0,2}(?:body|content|text|container)", re.IGNORECASE)
_CONTINUED_TAGS = ("p", "h2", "h3", "li")


def _continuations(tree: HtmlElement, pieces: list[Piece]) -> list[Piece]:
    """Paragraphs of the later containers of the article's body, into which adverts split it.

    Some templates close the article's body container before an advert and open another of the
    same class after it ("article__body", ad row, "article__body"); extractors keep the first.
    The container is the body-classed ancestor of the first extracted paragraph; its later
    namesakes are read paragraph by paragraph, and the text layers judge what they hold.  Where
    that paragraph is a ``<div>`` holding no block element (page builders write paragraphs so),
    such divs are the later containers' paragraphs too; beside ``<p>`` paragraphs they are labels
    and widgets ("Subscribe", "Advertisement"), and are not read.
    """
    found_in = _body_container(tree, pieces)
    if found_in is None:
        return []
    container, paragraph_tag = found_in
    tags = (*_CONTINUED_TAGS, "div") if paragraph_tag == "div" else _CONTINUED_TAGS
    seen = {text for _, text, _ in pieces}
    found: list[Piece] = []
    for later in container.xpath(f"following::{container.tag}[@class=$name]", name=container.get("class")):
        for element in later.iter(*tags):
            if element.tag == "div" and not (bare_container(element) and _outside_read(element, later)):
                continue
            text = text_of(element)
            if text and text not in seen:
                seen.add(text)
                linked = sum(len(text_of(link)) for link in element.iter("a"))
                found.append((_CONTINUED_KINDS[element.tag], text, min(1.0, linked / len(text))))
    return found


_CONTINUED_KINDS = {
    "p": Kind.PARAGRAPH, "div": Kind.PARAGRAPH, "h2": Kind.HEADING, "h3": Kind.HEADING, "li": Kind.LIST_ITEM,
}  # fmt: skip


def _outside_read(element: HtmlElement, container: HtmlElement) -> bool:
    """Whether no paragraph, heading or list item of ``container`` around the element is read whole already."""
    for ancestor in element.iterancestors():
        if ancestor is container:
            return True
        if ancestor.tag in _CONTINUED_KINDS and ancestor.tag != "div":
            return False
    return True


def _body_container(tree: HtmlElement, pieces: list[Piece]) -> tuple[HtmlElement, str] | None:
    """The body-classed element around the first extracted paragraph of prose (a ``<p>``, else a ``<div>``
    holding no block element), and that paragraph's tag, if any."""
    probe = next((text[:40] for kind, text, _ in pieces if kind is Kind.PARAGRAPH and len(text) >= 100), None)
    found = _paragraph_with(tree, probe) if probe else None
    if found is None:
        return None
    container = next((node for node in found.iterancestors() if _BODY_CLASS.search(node.get("class") or "")), None)
    return None if container is None else (container, found.tag)


def _paragraph_with(tree: HtmlElement, probe: str) -> HtmlElement | None:
    """The first ``<p>`` (else bare ``<div>``) whose text, no-break spaces made plain and XML spaces collapsed,
    holds ``probe``.

    As XPath's ``normalize-space(translate(., nbsp, ' '))`` reads it, but stopping at the first match (the
    article's first paragraph is early in the page), where an XPath would read every paragraph.
    """
    for paragraph in tree.iter("p"):
        if _holds_probe(paragraph, probe):
            return paragraph
    return next((div for div in tree.iter("div") if bare_container(div) and _holds_probe(div, probe)), None)


def _holds_probe(element: HtmlElement, probe: str) -> bool:
    return probe in _XML_SPACES.sub(" ", element_text(element).replace("\u00a0", " ")).strip(" \t\r\n")


_XML_SPACES = re.compile(r"[ \t\r\n]+")  # what XPath's normalize-space collapses (ASCII spaces only)


DUMP_LINES = 20  # lines in trafilatura's one-paragraph fallback that mark it as the whole page's text


def _is_page_dump(body: etree._Element | None) -> bool:
    """True when trafilatura's main extractor failed and it returned its baseline: the page's whole text.

    That fallback is one paragraph holding every line of the page (menus, footers and all), so
    justext's good paragraphs are asked for instead; they win when they hold more text than
    ``MIN_TEXT`` (below).
    """
    if body is None or len(body) != 1 or body[0].tag != "p" or len(body[0]):
        return False
    return (body[0].text or "").count("\n") >= DUMP_LINES


LINK_TAIL_DENSITY = 0.25  # a teaser links its headline, not its one-line description
LINK_TAIL_MIN = 3


def _without_link_tail(pieces: list[Piece]) -> list[Piece]:
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
    while start and _teaser_like(pieces[start - 1]):
        start -= 1
    if end - start >= LINK_TAIL_MIN and start > 0:
        pieces = pieces[:start] + pieces[end:]
    return _without_link_runs(pieces)


def _teaser_like(piece: Piece) -> bool:
    """A linked teaser: enough link text, and short unless mostly link (a paragraph of prose cites its sources)."""
    _, text, density = piece
    return density >= LINK_TAIL_DENSITY and (len(text) <= TEASER_MAX or density >= 0.5)


TEASER_MAX = 200
LINK_RUN_DENSITY = 0.6  # inside the content only lines that are mostly link text


def _without_link_runs(pieces: list[Piece]) -> list[Piece]:
    """Cut runs of ``LINK_TAIL_MIN`` or more consecutive link lines anywhere ("Don't miss" boxes).

    Inside the content the bar is higher than at its end: each line must be mostly link text.
    """
    kept: list[Piece] = []
    run: list[Piece] = []
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
