"""The records a run passes along: a ``Document`` in, a ``Cleaned`` article or a ``Failure`` out.

A ``Document`` is one input with the metadata its container gave (id, URL, crawl date, the file it
came from); ``Cleaned`` and ``Failure`` are what became of it, each with a JSON-ready ``to_dict()``
(the record written by ``--format jsonl``, the Dask bag and the audit report).

This module holds data only: it reads no file (``cleaner.io.documents`` does) and cleans nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from cleaner.model import Article

Format = Literal["auto", "text", "html", "markdown"]
FORMATS: tuple[Format, ...] = get_args(Format)


def check_format(form: object) -> None:
    """``ValueError`` for a format that is none of ``FORMATS``, naming them."""
    if form not in FORMATS:
        raise ValueError(f"unknown format {form!r} (expected one of {', '.join(FORMATS)})")


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: its content and the metadata the container gave.

    ``fetched`` is when a crawler fetched the page (a WARC record's ``WARC-Date``).
    It is *not* a publication date and is never used as one: it is carried to the
    output record as its own field.
    """

    id: str
    content: str | bytes
    format: Format = "auto"
    url: str | None = None
    fetched: str | None = None
    source: str | None = None

    @classmethod
    def from_mapping(cls, record: Mapping[str, Any], *, default_id: str, source: str | None = None) -> Document:
        """Read a JSON record: ``html`` or ``text`` (or ``content`` with ``format``), ``url``, ``id``.

        ``url`` and ``date`` are also looked up under ``metadata``, the layout of
        Common Crawl derived corpora; a ``date`` is kept as ``fetched``, not published.
        Raises ``ValueError`` saying what is missing.
        """
        given = record.get("metadata")
        meta: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
        content, form = _content_of(record)
        url = record.get("url") or meta.get("url")
        fetched = record.get("fetched") or record.get("date") or meta.get("date")
        ident = record.get("id")
        return cls(
            id=str(ident) if ident not in (None, "") else default_id,
            content=content,
            format=form,
            url=str(url) if url else None,
            fetched=str(fetched) if fetched else None,
            source=source,
        )


def _content_of(record: Mapping[str, Any]) -> tuple[str, Format]:
    for key in ("html", "text", "markdown"):
        if isinstance(record.get(key), str):
            return record[key], key
    if isinstance(record.get("content"), str):
        form = record.get("format", "auto")
        check_format(form)
        return record["content"], form
    raise ValueError("record has no 'html', 'text', 'markdown' or 'content' string")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A document that was cleaned: the article and where it came from."""

    id: str
    article: Article
    source: str | None = None
    url: str | None = None
    fetched: str | None = None

    ok = True

    def to_dict(self) -> dict[str, object]:
        """``Article.to_dict()`` plus ``id``, ``source``, ``url`` and ``fetched`` (crawl date).

        ``url`` is the one the container gave, else the article's own (a page's canonical link).
        """
        return {
            **self.article.to_dict(),
            "id": self.id,
            "source": self.source,
            "url": self.url or self.article.url,
            "fetched": self.fetched,
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read or cleaned, and why (one line, no traceback)."""

    id: str
    reason: str
    source: str | None = None

    ok = False

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "source": self.source, "error": self.reason}


Result = Cleaned | Failure
