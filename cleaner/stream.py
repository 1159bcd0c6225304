"""Cleaning a stream of documents, one at a time, with bounded memory.

``clean_many`` is a generator over any iterable of documents (strings, bytes,
``Document`` records, or JSON-like mappings with ``url``/``html``/``text``/``id``):
it holds one document at a time, so a corpus of any size streams through it.  A
document that cannot be cleaned yields a ``Failure`` (its id and the reason) and the
stream goes on; nothing raises for one bad document.

``documents_from_path`` turns a file into documents: an article file (``.txt``,
``.md``, ``.html``, ``.htm``) is one document, a JSON Lines file (``.jsonl``,
``.jsonl.gz``) one per line, a web archive (``.warc``, ``.warc.gz``) one per HTML
response record.

This module does not clean (``cleaner.pipeline`` does), does not learn site profiles
(``cleaner.profile`` does), and does not write output (``cleaner.jsonl`` does).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.config import DEFAULT_MAX_BYTES, Config
from cleaner.files import Finder, InputError, read_article, source_format
from cleaner.model import Article
from cleaner.pipeline import CleanError, clean

FORMATS = ("auto", "text", "html", "markdown")
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
CONTAINER_SUFFIXES = (".jsonl", ".jsonl.gz", ".warc", ".warc.gz")


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: its content and the metadata the container gave.

    ``fetched`` is when a crawler fetched the page (a WARC record's ``WARC-Date``).
    It is *not* a publication date and is never used as one: it is carried to the
    output record as its own field.
    """

    id: str
    content: str | bytes
    format: str = "auto"
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
        meta = record.get("metadata") if isinstance(record.get("metadata"), Mapping) else {}
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


def _content_of(record: Mapping[str, Any]) -> tuple[str, str]:
    for key, form in (("html", "html"), ("text", "text"), ("markdown", "markdown")):
        if isinstance(record.get(key), str):
            return record[key], form
    if isinstance(record.get("content"), str):
        form = record.get("format", "auto")
        if form not in FORMATS:
            raise ValueError(f"unknown format {form!r} (expected one of {', '.join(FORMATS)})")
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
        """``Article.to_dict()`` plus ``id``, ``source``, ``url`` and ``fetched`` (crawl date)."""
        return {
            **self.article.to_dict(),
            "id": self.id,
            "source": self.source,
            "url": self.url,
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


def clean_many(
    documents: Iterable[str | bytes | Document | Mapping[str, Any] | Failure],
    *,
    config: Config | None = None,
    profile: object | None = None,
    format: str = "auto",
    site: str | None = None,
) -> Iterator[Result]:
    """Clean documents one by one, yielding a ``Cleaned`` or a ``Failure`` for each, in order.

    Strings and bytes get their position as id.  ``format`` applies to documents
    that do not say their own.  A ``Failure`` in the input (a reader could not parse
    a record) is passed through, so readers and cleaning share one error stream.
    With a ``profile``, a document without a URL belongs to its folder's site, else to ``site``.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (expected one of {', '.join(FORMATS)})")
    for position, item in enumerate(documents):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            document = as_document(item, default_id=str(position))
        except (TypeError, ValueError) as error:
            yield Failure(id=_id_of(item, position), reason=str(error))
            continue
        yield clean_document(document, config=config, format=format, **_profile_for(profile, document, site))


def clean_document(document: Document, *, config: Config | None = None, format: str = "auto", **extra: Any) -> Result:
    """Clean one document; any error becomes a ``Failure`` naming the document."""
    form = document.format if document.format != "auto" else format
    try:
        article = clean(document.content, format=form, url=document.url, config=config, **extra)
    except CleanError as error:
        return Failure(id=document.id, reason=str(error), source=document.source)
    except Exception as error:  # one document must never end the stream: report it and go on
        return Failure(
            id=document.id, reason=f"internal error: {type(error).__name__}: {error}", source=document.source
        )
    return Cleaned(id=document.id, article=article, source=document.source, url=document.url, fetched=document.fetched)


def _profile_for(profile: object | None, document: Document, site: str | None) -> dict[str, object]:
    """The profile, and the fallback site: the folder's name (as in ``cleaner.corpus``), else ``site``."""
    if profile is None:
        return {}
    from cleaner.corpus import folder_site  # it imports this module

    return {"profile": profile, "site": folder_site(document) or site}


def _id_of(item: object, position: int) -> str:
    if isinstance(item, Mapping) and item.get("id") not in (None, ""):
        return str(item["id"])
    return str(position)


def as_document(item: object, *, default_id: str) -> Document:
    """Turn one element of the input stream into a ``Document``."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str | bytes):
        return Document(id=default_id, content=item)
    if isinstance(item, Mapping):
        return Document.from_mapping(item, default_id=default_id)
    raise TypeError(f"cannot clean a {type(item).__name__}: expected str, bytes, Document or a mapping")


def is_container(path: Path) -> bool:
    """Whether a file holds many documents (JSON Lines or a web archive)."""
    return path.name.lower().endswith(CONTAINER_SUFFIXES)


def documents_from_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Failure]:
    """The documents in one file; a file that cannot be read yields one ``Failure``."""
    from cleaner import jsonl, warc  # these import this module

    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        yield from warc.read_warc(path, max_bytes=max_bytes)
    elif name.endswith((".jsonl", ".jsonl.gz")):
        yield from jsonl.read_documents(path)
    else:
        yield _article_file(path, max_bytes=max_bytes)


def _article_file(path: Path, *, max_bytes: int) -> Document | Failure:
    """One article file, read and refused by the same rules as the ``clean`` command."""
    source = str(path)
    try:
        content = read_article(path, max_bytes)
    except InputError as error:
        return Failure(id=source, reason=str(error), source=source)
    return Document(id=source, content=content, format=source_format(path), source=source)


def input_files(paths: Iterable[str | os.PathLike[str]], *, exclude: Iterable[str] = ()) -> list[Path]:
    """Files named, and article, JSON Lines and WARC files found under folders, in sorted order.

    The walk is the ``clean`` command's (``cleaner.files.Finder``): hidden files and folders
    (``.git``, ``.cleaner``) are not walked into, a folder symlink is followed once, and
    ``exclude`` globs apply below a folder.  The order is deterministic so that a distributed
    run and a local run see the documents in the same order.  A missing path raises
    ``FileNotFoundError``.
    """
    found = Finder(include=INPUT_GLOBS, exclude=tuple(exclude)).find(Path(path) for path in paths)
    for item in found:
        if item.error:
            raise FileNotFoundError(f"{item.path}: {item.error}")
    return [item.path for item in found]


INPUT_GLOBS = tuple(f"*{suffix}" for suffix in (*sorted(ARTICLE_SUFFIXES), *CONTAINER_SUFFIXES))
