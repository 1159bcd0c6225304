"""The plain data that flows between the pipeline layers.

Data flows one way: input -> ``Block`` (segment, html) -> ``Verdict`` (furniture,
zones, classify, metadata) -> ``Article`` (article).  Every layer takes and returns
these frozen values; no layer mutates another's output or reaches back into it.

What it does NOT do: it makes no decisions; it holds only data and its JSON form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
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
    ``link_density`` is the share of the block's characters inside links (HTML only).  ``alone``: in
    plain text, the block stood between blank lines by itself (a text browser sets headings and
    paragraphs apart that way, not the items of a list or a menu).
    """

    index: int
    text: str
    kind: Kind = Kind.PARAGRAPH
    link_density: float = 0.0
    alone: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "index": self.index,
            "text": self.text,
            "kind": str(self.kind),
            "link_density": self.link_density,
            "alone": self.alone,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """A block with the decision taken about it and who took it.

    ``rule`` names the rule id (furniture rules), or the reason (zones, classifier,
    metadata), so the audit trail can always say why a block left the body.  ``score`` is
    the text classifier's probability that the block is article content, when it decided.
    """

    block: Block
    role: Role = Role.UNDECIDED
    kind: Kind = Kind.PARAGRAPH
    rule: str = ""
    category: str = ""
    layer: str = ""
    score: float | None = None

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def decided(self) -> bool:
        return self.role is not Role.UNDECIDED

    def decide(
        self, role: Role, *, rule: str, category: str, layer: str, kind: Kind | None = None, score: float | None = None
    ) -> Verdict:
        """Return a copy carrying a new decision (verdicts are immutable; built directly, as ``replace`` is slow)."""
        return Verdict(self.block, role, kind or self.kind, rule, category, layer, score)


@dataclass(frozen=True, slots=True)
class BodyBlock:
    """One block of the cleaned body; ``position`` is its index among the document's blocks."""

    kind: Kind
    text: str
    position: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {"kind": str(self.kind), "text": self.text, "position": self.position}


@dataclass(frozen=True, slots=True)
class Removal:
    """One entry of the audit trail: a block that is not in the body, and why.

    ``rule`` is the rule id or the reason, ``layer`` the layer that decided; ``position`` is the
    block's index among the document's blocks (body blocks share the numbering, so a removal can be
    shown in place); ``score`` is the classifier's probability that the block is article text, when
    the classifier decided.
    """

    text: str
    rule: str
    category: str
    layer: str
    position: int | None = None
    score: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "rule": self.rule,
            "category": self.category,
            "layer": self.layer,
            "position": self.position,
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a source says about an article: the one record of these fields, for every source.

    Every reader returns one (a page's declarations, Markdown front matter, the byline and dateline
    lines of the text, one credit line), and ``prefer`` merges them field by field.  Dates are ISO
    8601 strings at the precision the source gave; ``language`` is an ISO 639-1 code; ``site_name``
    is the name the site gives itself (never an author).  ``sources`` says where each value came
    from (``("title", "page")``...), for the fields that have one.  Every field may be missing.
    """

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    organisations: tuple[str, ...] = ()  # credited as authors but no people: agencies, publishers, the site
    sources: tuple[tuple[str, str], ...] = ()

    def source(self, name: str) -> str | None:
        """Where the value of field ``name`` came from, if it has a value and a known source."""
        return dict(self.sources).get(name) if getattr(self, name) else None

    def sourced(self, source: str) -> Metadata:
        """This record with ``source`` named for every field that has a value and no source yet."""
        known = dict(self.sources)
        pairs = tuple((name, known.get(name, source)) for name in VALUE_FIELDS if getattr(self, name))
        return replace(self, sources=pairs)

    def prefer(self, fallback: Metadata) -> Metadata:
        """Field by field, this record's value (and its source) where it has one, else the fallback's."""
        mine, theirs = dict(self.sources), dict(fallback.sources)
        values: dict[str, object] = {}
        sources = []
        for name in VALUE_FIELDS:
            own = getattr(self, name)
            values[name] = own or getattr(fallback, name)
            source = (mine if own else theirs).get(name)
            if values[name] and source:
                sources.append((name, source))
        return Metadata(**values, sources=tuple(sources))  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: every field in order, tuples as lists, ``sources`` as a mapping."""
        out: dict[str, object] = {name: _json(getattr(self, name)) for name in VALUE_FIELDS}
        out["sources"] = {name: source for name, source in self.sources if getattr(self, name)}
        return out


VALUE_FIELDS = tuple(f.name for f in fields(Metadata) if f.name != "sources")


def _json(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: its ``metadata``, its body blocks, and the audit trail of what was removed.

    The metadata fields read as attributes of the article (``article.title``); ``language`` is
    ``None`` when the body is too short to tell.
    """

    metadata: Metadata = Metadata()
    blocks: tuple[BodyBlock, ...] = ()
    removed: tuple[Removal, ...] = ()

    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def subtitle(self) -> str | None:
        return self.metadata.subtitle

    @property
    def authors(self) -> tuple[str, ...]:
        return self.metadata.authors

    @property
    def organisations(self) -> tuple[str, ...]:
        return self.metadata.organisations

    @property
    def published(self) -> str | None:
        return self.metadata.published

    @property
    def updated(self) -> str | None:
        return self.metadata.updated

    @property
    def language(self) -> str | None:
        return self.metadata.language

    @property
    def url(self) -> str | None:
        return self.metadata.url

    @property
    def site_name(self) -> str | None:
        return self.metadata.site_name

    @property
    def text(self) -> str:
        """The body: paragraphs and headings joined by one blank line."""
        return "\n\n".join(block.text for block in self.blocks)

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as JSON text, characters as written; it validates against ``ARTICLE_SCHEMA``."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form with exactly the documented keys (see docs/schema.md)."""
        return {
            **self.metadata.to_dict(),
            "blocks": [block.to_dict() for block in self.blocks],
            "text": self.text,
            "removed": [removal.to_dict() for removal in self.removed],
        }


ARTICLE_SCHEMA = "schema/article.schema.json"
"""The JSON Schema of ``Article.to_dict()`` (and, under ``$defs/record``, of a run's records), shipped in the
package: ``importlib.resources.files("cleaner").joinpath(ARTICLE_SCHEMA)``."""
