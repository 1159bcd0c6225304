"""The plain data that flows between the pipeline layers.

Data flows one way: input -> ``Block`` (segment, html) -> ``Verdict`` (furniture,
zones, classify, metadata) -> ``Article`` (article).  Every layer takes and returns
these frozen values; no layer mutates another's output or reaches back into it.

This module holds only data and its JSON form; it makes no decisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from enum import StrEnum


class Kind(StrEnum):
    """What a block is in the body of an article."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"


class Role(StrEnum):
    """What the pipeline decided a block is.

    ``UNDECIDED`` is the state before the classifier has spoken; every block leaves
    the pipeline with one of the other roles.
    """

    UNDECIDED = "undecided"
    BODY = "body"
    TITLE = "title"
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    DATELINE = "dateline"
    FURNITURE = "furniture"

    @property
    def is_metadata(self) -> bool:
        return self in (Role.TITLE, Role.SUBTITLE, Role.BYLINE, Role.DATELINE)


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-sized unit of the input, before any decision about it.

    ``kind`` is a hint from the source (an HTML ``<h2>``, a Markdown ``#``); plain text
    blocks start as paragraphs and may be promoted to headings by the classifier.
    ``link_density`` is the share of the block's characters inside links (HTML only).
    """

    index: int
    text: str
    kind: Kind = Kind.PARAGRAPH
    link_density: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {"index": self.index, "text": self.text, "kind": str(self.kind), "link_density": self.link_density}


@dataclass(frozen=True, slots=True)
class Verdict:
    """A block with the decision taken about it and who took it.

    ``rule`` names the rule id (furniture rules), or the reason (zones, classifier,
    metadata), so the audit trail can always say why a block left the body.
    """

    block: Block
    role: Role = Role.UNDECIDED
    kind: Kind = Kind.PARAGRAPH
    rule: str = ""
    category: str = ""
    layer: str = ""

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def decided(self) -> bool:
        return self.role is not Role.UNDECIDED

    def decide(self, role: Role, *, rule: str, category: str, layer: str, kind: Kind | None = None) -> Verdict:
        """Return a copy carrying a new decision (verdicts are immutable)."""
        return replace(self, role=role, rule=rule, category=category, layer=layer, kind=kind or self.kind)


@dataclass(frozen=True, slots=True)
class BodyBlock:
    """One block of the cleaned body."""

    kind: Kind
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": str(self.kind), "text": self.text}


@dataclass(frozen=True, slots=True)
class Removal:
    """One entry of the audit trail: a block that is not in the body, and why."""

    text: str
    rule: str
    category: str
    layer: str

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "rule": self.rule, "category": self.category, "layer": self.layer}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a source says about an article: the six fields every source can state.

    The one record of these fields.  ``Article`` extends it with the body; a page's own
    statements (``htmlmeta.PageMetadata``) and Markdown front matter (``markdown.FrontMatter``)
    extend it with what only they carry.  Dates are ISO 8601 strings at the precision the
    source gave; ``language`` is an ISO 639-1 code.  Every field may be missing.
    """

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    language: str | None = None

    @property
    def metadata(self) -> Metadata:
        """These six fields alone, as a plain ``Metadata`` (of an article, a page, front matter)."""
        return Metadata(**self.metadata_fields())

    def metadata_fields(self) -> dict[str, object]:
        """The six fields by name, as they are: to build one record from another."""
        return {name: getattr(self, name) for name in METADATA_FIELDS}

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form of the six fields, in this order (records that extend this one add keys after)."""
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "published": self.published,
            "updated": self.updated,
            "language": self.language,
        }


METADATA_FIELDS = tuple(f.name for f in fields(Metadata))


@dataclass(frozen=True, slots=True)
class Article(Metadata):
    """A cleaned article: its metadata (the fields of ``Metadata``), body blocks, and the audit trail.

    ``language`` is ``None`` when the body is too short to tell.
    """

    blocks: tuple[BodyBlock, ...] = ()
    removed: tuple[Removal, ...] = field(default=())

    @property
    def text(self) -> str:
        """The body: paragraphs and headings joined by one blank line."""
        return "\n\n".join(block.text for block in self.blocks)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form with exactly the documented keys (see docs/schema.md)."""
        return {
            **Metadata.to_dict(self),  # not super(): a slotted dataclass is rebuilt, which breaks it
            "blocks": [block.to_dict() for block in self.blocks],
            "text": self.text,
            "removed": [removal.to_dict() for removal in self.removed],
        }
