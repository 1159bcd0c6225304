"""One run record, read for the report: its figures (for the overview) and its document view.

A run's record is ``Article.to_dict()`` plus ``id``, ``source``, ``url`` and ``fetched``, or a
failure ``{"id", "source", "error"}`` (docs/schema.md).  ``figures`` reads what every record
contributes to the overview: cheap, done for every record.  ``document_view`` turns a record into
the ``DocumentView`` a page shows: done only for the documents the report keeps.

Fields added to the schema later (``position`` of blocks and removals, ``score`` of classifier
removals, ``sources`` of the metadata) are used when present: without positions the removed
blocks are listed after the body (``DocumentView.placed`` is False), without ``sources`` the
origin of each metadata field is "not recorded".  Very long texts are cut (``BLOCK_CHARS`` per
block, ``DOCUMENT_CHARS`` per document, shared by body and removed blocks), saying how much was left out.

This module reads records; it does not count them (``tally``), choose them (``sample``) or
write HTML (``page``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from cleaner.text.urls import site_host

BLOCK_CHARS = 4_000  # one block's text beyond this is cut, saying how much was left out
DOCUMENT_CHARS = 40_000  # a document's text beyond this is left out, block by block
REMOVED_ROOM = 0.6  # the share of DOCUMENT_CHARS removed blocks may take when the body needs the rest
UNKNOWN_SITE = "(unknown site)"
META_FIELDS = ("title", "subtitle", "authors", "organisations", "published", "updated", "language", "site_name")


@dataclass(frozen=True, slots=True)
class Removals:
    """One record's removed blocks counted by category, rule and layer: ``{name: [blocks, characters]}``."""

    categories: dict[str, list[int]]
    rules: dict[str, list[int]]
    layers: dict[str, list[int]]
    rule_categories: dict[str, str]  # each rule's category
    scores: tuple[float, ...]  # the classifier's scores, where it decided


@dataclass(frozen=True, slots=True)
class Figures:
    """What one record adds to the overview, and what the sample chooses by."""

    order: int
    id: str
    site: str
    failed: bool
    kept_blocks: int
    kept_chars: int
    removed_blocks: int
    removed_chars: int
    rules: tuple[str, ...]  # distinct rule ids, in order of first removal
    doubt: float | None  # distance of the least sure classifier score from 0.5; None when none was scored
    placed: bool  # every block and removal has a position (``null`` where the schema gives a removal none)
    removals: Removals

    @property
    def share(self) -> float:
        """The share of the document's characters that were removed (0 for an empty document)."""
        total = self.kept_chars + self.removed_chars
        return self.removed_chars / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Item:
    """One block of a document view: kept (``kind`` is a block kind) or removed (``kind`` "removed")."""

    kind: str
    text: str
    category: str = ""
    rule: str = ""
    layer: str = ""
    score: float | None = None
    cut: int = 0  # characters of the text left out

    @property
    def removed(self) -> bool:
        return self.kind == "removed"


@dataclass(frozen=True, slots=True)
class Omission:
    """A run of blocks left out of a long document's view."""

    blocks: int
    chars: int
    removed: bool


@dataclass(frozen=True, slots=True)
class DocumentView:
    """What the report shows of one document."""

    figures: Figures
    source: str | None
    url: str | None
    fetched: str | None
    meta: tuple[tuple[str, str, str | None], ...]  # (field, value, where it came from)
    sourced: bool  # the record says where its metadata came from
    items: tuple[Item | Omission, ...]
    placed: bool  # items are in document order; else the body, then the removed blocks

    @property
    def title(self) -> str:
        return next((value for name, value, _ in self.meta if name == "title"), "")


def site_of(record: Mapping[str, Any]) -> str:
    """The site of a record: the host of its URL (without ``www.``; the archived page's for a web archive's replay
    address), else its source's folder."""
    url = record.get("url")
    host = site_host(url) if isinstance(url, str) else None
    if host is not None:
        return host
    source = record.get("source")
    if isinstance(source, str) and source:
        return PurePath(source).parent.name or UNKNOWN_SITE
    return UNKNOWN_SITE


def record_id(record: Mapping[str, Any], order: int) -> str:
    for key in ("id", "source"):
        value = record.get(key)
        if value not in (None, ""):
            return str(value)
    return f"#{order}"


def _entries(record: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = record.get(key)
    if not isinstance(value, list):
        return []
    return [entry for entry in value if type(entry) is dict or isinstance(entry, Mapping)]


def _text(entry: Mapping[str, Any]) -> str:
    text = entry.get("text")
    return text if type(text) is str else ""


def _score(entry: Mapping[str, Any]) -> float | None:
    score = entry.get("score")
    return float(score) if isinstance(score, int | float) and not isinstance(score, bool) else None


def _placed(entry: Mapping[str, Any]) -> bool:
    """Whether a removal has its place: a position, or ``null`` where the schema gives none (the decoding's note,
    prose the extractor left out: they never were blocks).  A record made before positions has no key at all."""
    position = entry.get("position", False)
    return type(position) is int or position is None


def _removals(removed: list[Mapping[str, Any]]) -> tuple[Removals, bool]:
    """The removed blocks of one record counted by category, rule and layer, and whether all have a position.

    One pass, one count per distinct (rule, category, layer): this runs for every record of a run.
    """
    counts: dict[tuple[object, object, object], list[int]] = {}
    scores = []
    placed = True
    for entry in removed:
        get = entry.get
        text = get("text")
        chars = len(text) if type(text) is str else 0
        key = (get("rule") or "", get("category") or "uncategorised", get("layer") or "")
        amount = counts.get(key)
        if amount is None:
            counts[key] = [1, chars]
        else:
            amount[0] += 1
            amount[1] += chars
        score = get("score")
        if score is not None and type(score) in (int, float):
            scores.append(float(score))
        placed = placed and _placed(entry)
    tables: tuple[dict[str, list[int]], dict[str, list[int]], dict[str, list[int]]] = ({}, {}, {})
    kinds: dict[str, str] = {}
    for (rule, category, layer), (blocks, chars) in counts.items():
        kinds.setdefault(str(rule), str(category))
        for table, name in zip(tables, (str(category), str(rule), str(layer)), strict=True):
            amount = table.setdefault(name, [0, 0])
            amount[0] += blocks
            amount[1] += chars
    return Removals(*tables, kinds, tuple(scores)), placed


def figures(record: Mapping[str, Any], order: int) -> Figures:
    """The overview's figures of one record (a failure has none but its site)."""
    blocks, removed = _entries(record, "blocks"), _entries(record, "removed")
    removals, placed = _removals(removed)
    kept_chars = 0
    for block in blocks:
        text = block.get("text")
        kept_chars += len(text) if type(text) is str else 0
        placed = placed and type(block.get("position")) is int
    return Figures(
        order=order,
        id=record_id(record, order),
        site=site_of(record),
        failed="error" in record,
        kept_blocks=len(blocks),
        kept_chars=kept_chars,
        removed_blocks=len(removed),
        removed_chars=sum(chars for _, chars in removals.categories.values()),
        rules=tuple(removals.rules),
        doubt=min((abs(score - 0.5) for score in removals.scores), default=None),
        placed=placed,
        removals=removals,
    )


def _item(entry: Mapping[str, Any], removed: bool) -> Item:
    """One block as shown: its text (one line already, as the schema says) cut past ``BLOCK_CHARS``."""
    text = _text(entry)
    cut = max(0, len(text) - BLOCK_CHARS)
    if cut:
        text = text[:BLOCK_CHARS]
    if not removed:
        return Item(kind=str(entry.get("kind") or "paragraph"), text=text, cut=cut)
    return Item(
        kind="removed",
        text=text,
        category=str(entry.get("category") or "uncategorised"),
        rule=str(entry.get("rule") or ""),
        layer=str(entry.get("layer") or ""),
        score=_score(entry),
        cut=cut,
    )


def _ordered(record: Mapping[str, Any], placed: bool) -> list[Item]:
    """Body and removed blocks in document order when positioned; else the body, then the removed."""
    body = [(entry, False) for entry in _entries(record, "blocks")]
    removed = [(entry, True) for entry in _entries(record, "removed")]
    pairs = body + removed
    if placed:
        pairs.sort(key=_place)  # stable: a shared position keeps input order
    return [_item(entry, is_removed) for entry, is_removed in pairs]


def _place(pair: tuple[Mapping[str, Any], bool]) -> float:
    """Where a block stands: its position; a removal without one (``null``) before the blocks when it is the
    decoding's note (listed first, layer ``decode``), else after them (the prose the extractor left out)."""
    position = pair[0].get("position")
    if type(position) is int:
        return position
    return -1 if pair[0].get("layer") == "decode" else math.inf


def _within_budget(items: list[Item]) -> list[Item | Omission]:
    """Leave blocks out past ``DOCUMENT_CHARS``: removed blocks may take up to ``REMOVED_ROOM`` of it
    (more when the body leaves room), the body the rest; each keeps its blocks in order until its room is spent.
    """
    removed_total = sum(len(item.text) for item in items if item.removed)
    body_total = sum(len(item.text) for item in items if not item.removed)
    removed_room = min(removed_total, max(DOCUMENT_CHARS - body_total, int(DOCUMENT_CHARS * REMOVED_ROOM)))
    room = {True: removed_room, False: DOCUMENT_CHARS - removed_room}
    result: list[Item | Omission] = []
    for item in items:
        if len(item.text) <= room[item.removed]:
            result.append(item)
            room[item.removed] -= len(item.text)
            continue
        last = result[-1] if result else None
        if isinstance(last, Omission) and last.removed == item.removed:
            result[-1] = Omission(last.blocks + 1, last.chars + len(item.text) + item.cut, item.removed)
        else:
            result.append(Omission(1, len(item.text) + item.cut, item.removed))
    return result


def _meta(record: Mapping[str, Any]) -> tuple[tuple[tuple[str, str, str | None], ...], bool]:
    sources = record.get("sources")
    sourced = isinstance(sources, Mapping)
    rows = []
    for name in META_FIELDS:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(str(part) for part in value)
        origin = sources.get(name) if sourced else None  # type: ignore[union-attr]
        rows.append((name, "" if value in (None, "") else str(value), str(origin) if origin else None))
    return tuple(rows), sourced


def document_view(record: Mapping[str, Any], figures: Figures) -> DocumentView:
    """The view of one cleaned record (``figures`` is ``figures(record, order)``)."""
    meta, sourced = _meta(record)
    url, source, fetched = (record.get(key) for key in ("url", "source", "fetched"))
    return DocumentView(
        figures=figures,
        source=str(source) if source else None,
        url=str(url) if url else None,
        fetched=str(fetched) if fetched else None,
        meta=meta,
        sourced=sourced,
        items=tuple(_within_budget(_ordered(record, figures.placed))),
        placed=figures.placed,
    )


def view_size(view: DocumentView) -> int:
    """An estimate of the view's size in the page, in characters (text plus markup per block)."""
    return 600 + sum(len(item.text) + 160 if isinstance(item, Item) else 80 for item in view.items)
