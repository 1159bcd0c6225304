"""Cleaning a stream of documents, one at a time, with bounded memory.

``clean_many`` is a generator over any iterable of documents (strings, bytes,
``Document`` records, or JSON-like mappings with ``url``/``html``/``text``/``id``):
it holds one document at a time, so a corpus of any size streams through it.  A
document that cannot be cleaned yields a ``Failure`` (its id and the reason) and the
stream goes on; nothing raises for one bad document.

Files become documents in ``cleaner.io.documents``.

This module does not clean (``cleaner.pipeline`` does), does not learn site profiles
(``cleaner.sites.profile`` does), and does not write output (``cleaner.io.jsonl`` does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from cleaner.config import Config
from cleaner.io.documents import as_document, folder_site
from cleaner.io.records import FORMATS, Cleaned, Document, Failure, Result
from cleaner.pipeline import CleanError, clean


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
    """The profile, and the fallback site: the folder's name (as in ``cleaner.corpus.twopass``), else ``site``."""
    if profile is None:
        return {}
    return {"profile": profile, "site": folder_site(document) or site}


def _id_of(item: object, position: int) -> str:
    if isinstance(item, Mapping) and item.get("id") not in (None, ""):
        return str(item["id"])
    return str(position)
