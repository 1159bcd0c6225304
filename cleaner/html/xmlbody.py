"""trafilatura's XML body walked into blocks: ``(kind, text, link density)`` pieces, in reading order.

One block per paragraph (``<p>``), heading (``<head>``), list item (``<item>``), quote line (``<quote>``) and
table row; a ``<lb/>`` starts a new line.  Inline content belongs to its block: a container's loose text, links,
highlights and a one-line ``<code>`` or quote beside text are one paragraph.  A table row that lays out the page
(a cell holding a heading or a table, or a lone cell of two or more blocks) is read cell by cell, block by block.

This module does NOT extract (``cleaner.html.content`` runs trafilatura and cuts teaser and link runs) and
decides nothing about furniture: the pieces go on to the text layers.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from cleaner.html.elements import spaced_length, spaced_text
from cleaner.model import Kind

Piece = tuple[Kind, str, float]


def walk(element: etree._Element, kind: Kind | None = None) -> Iterator[Piece]:
    """Blocks from trafilatura's XML body: one per paragraph, heading, list item, quote line, table row.

    A container's inline content (its loose text, the links, highlights and inline code or quotes among its
    children, their tails) is read as lines of text between its block children: what stands between two
    blocks is one paragraph, ``<lb/>`` separating its lines, never a block for each inline element.
    """
    run: list[tuple[str, bool]] = [(element.text, False)] if element.text else []
    for child in element:
        if _inline_here(child, run):
            _inline(child, run, in_link=False, skip=())
        elif child.tag != "graphic":
            yield from _run_lines(run, kind or Kind.PARAGRAPH)
            run = []
            yield from _block(child, kind)
        if child.tail:
            run.append((child.tail, False))
    yield from _run_lines(run, kind or Kind.PARAGRAPH)


def _block(child: etree._Element, kind: Kind | None) -> Iterator[Piece]:
    """The blocks of one block element of trafilatura's XML body (``walk``)."""
    tag = child.tag
    if tag == "item" and any((sub.tail or "").strip() for sub in child.iterchildren("list")):
        yield from walk(child, kind or Kind.LIST_ITEM)  # text after a nested list is read after it
    elif tag == "item":
        yield from _lines(child, kind or Kind.LIST_ITEM, skip=("list",))
        for sub in child.iterchildren("list"):
            yield from walk(sub, kind)
    elif tag == "head":
        yield from _lines(child, kind or Kind.HEADING)
    elif tag == "table":
        yield from _rows(child, kind)
    elif tag not in _TEXT_TAGS and tag != "quote":
        yield from walk(child, kind)
    elif any(sub.tag in _BLOCK_TAGS for sub in child):  # inline code and quotes are read by the walk
        yield from walk(child, Kind.QUOTE if tag == "quote" else kind)
    else:
        yield from _lines(child, Kind.QUOTE if tag == "quote" else kind or Kind.PARAGRAPH)


_BLOCK_TAGS = ("p", "list", "head", "quote", "table", "div", "item", "code")
_CELL_BREAKS = frozenset((*_BLOCK_TAGS, "lb"))  # a data cell's blocks and line breaks: apart by a space
_TEXT_TAGS = ("p", "code", "cell", "row")
_INLINE_TAGS = frozenset(("hi", "ref", "span", "lb", "del", "b", "i", "em", "strong", "a"))
_MAYBE_INLINE = frozenset(("code", "quote"))  # a block, or a word or phrase inside a sentence
_OWN_BLOCKS = frozenset(_BLOCK_TAGS) - {"code"}  # what inline code or a quote never holds (nested code it may)


def _inline_here(child: etree._Element, run: list[tuple[str, bool]]) -> bool:
    """Whether ``child`` is inline content of the line ``run`` holds: an inline element, or a ``<code>`` or
    quote of one line of text (none of its own blocks but code) beside text on that line, before or after it.

    trafilatura writes ``<code>`` and ``<quote>`` for a program's listing and a block quote as well as for a
    name in running text (``<code>str</code>``) and a short quotation.
    """
    if child.tag in _INLINE_TAGS:
        return True
    if child.tag not in _MAYBE_INLINE or any(sub.tag in _OWN_BLOCKS for sub in child.iterdescendants()):
        return False
    if "\n" in "".join(child.itertext()).strip():
        return False
    return bool((child.tail or "").strip()) or _line_has_text(run)


def _line_has_text(run: list[tuple[str, bool]]) -> bool:
    """Whether the last line of ``run`` (after its last ``<lb/>``) holds text."""
    for part, _ in reversed(run):
        if part == "\n":
            return False
        if part.strip():
            return True
    return False


def _rows(table: etree._Element, kind: Kind | None) -> Iterator[Piece]:
    """A table's rows: a row of data, one paragraph of its cells joined by `` | ``; a row of layout
    (``_lays_out``), its cells' blocks, each cell walked as the body is (``walk``)."""
    for row in table.iterchildren("row"):
        cells = list(row.iterchildren("cell"))
        if _lays_out(cells):
            for cell in cells:
                yield from walk(cell, kind)
            continue
        text = " | ".join(cell for cell in (spaced_text(cell, _CELL_BREAKS) for cell in cells) if cell)
        if text:
            links = sum(len("".join(ref.itertext())) for ref in row.iter("ref"))
            yield kind or Kind.PARAGRAPH, text, min(1.0, links / len(text))


def _lays_out(cells: list[etree._Element]) -> bool:
    """Whether a table row lays out a page rather than holding data: a cell of it holds a heading or a table, or
    its one cell with text holds two or more blocks (e-mails and older sites set an article's paragraphs in a
    table's cells; a row of data has several cells, each a datum: text, a paragraph or a list)."""
    filled = [cell for cell in cells if "".join(cell.itertext()).strip()]
    if any(sub.tag in ("head", "table") for cell in filled for sub in cell):
        return True
    return len(filled) == 1 and sum(sub.tag in _BLOCK_TAGS for sub in filled[0]) >= 2


def _lines(element: etree._Element, kind: Kind, skip: tuple[str, ...] = ()) -> Iterator[Piece]:
    """The element's inline text, one block per line (``<lb/>`` separates lines), with link density."""
    if not len(element):  # text alone (most paragraphs): one line, all link or none, read without the walk
        raw = (element.text if element.tag != "lb" else None) or ""
        text = " ".join(raw.split())
        if text:
            linked = spaced_length(raw) if element.tag == "ref" else 0
            yield kind, text, min(1.0, linked / len(text))
        return
    segments: list[tuple[str, bool]] = []
    _inline(element, segments, in_link=False, skip=skip, top=True)
    yield from _run_lines(segments, kind)


def _run_lines(segments: list[tuple[str, bool]], kind: Kind) -> Iterator[Piece]:
    """Inline text segments (text, whether it is link text) as one block per line.

    A line ends at ``<lb/>`` and at a text that is a line break alone: trafilatura leaves one where it dissolved
    an element of the page between two others (a ``<div>`` of each entry), and the lines are kept apart.
    """
    line: list[tuple[str, bool]] = []
    for segment in [*segments, ("\n", False)]:
        if segment[0] != "\n":
            line.append(segment)
            continue
        text = " ".join("".join(part for part, _ in line).split())  # white space collapsed and stripped
        if text:
            linked = sum(spaced_length(part) for part, is_link in line if is_link)
            yield kind, text, min(1.0, linked / len(text))
        line = []


def _inline(
    element: etree._Element, out: list[tuple[str, bool]], *, in_link: bool, skip: tuple[str, ...], top: bool = False
) -> None:
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
