"""Cleaning a stream of documents with bounded memory: ``clean_many`` and its one-document job.

``clean_many`` is a generator over any iterable of documents (strings, bytes, ``Document``
records, or JSON-like mappings with ``url``/``html``/``text``/``id``).  It turns each into a
``Document`` as it comes (so a corpus of any size streams through) and maps ``CLEAN`` (one
document in, a ``Cleaned`` article or a ``Failure`` out) over them with an executor
(``cleaner.run.executor``): in this process by default, in worker processes
(``cleaner.run.local.ProcessExecutor``) or on Dask (``cleaner.run.dask.DaskExecutor``) on request.
A document that cannot be read or cleaned yields a ``Failure`` (its id and the reason) in its place
and the stream goes on; nothing raises for one bad document.

Files become documents in ``cleaner.io.documents``.  This module does not clean
(``cleaner.pipeline`` does), does not learn site profiles (``cleaner.sites.profile`` does), and
does not write output (``cleaner.io.jsonl`` does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.errors import CleanError
from cleaner.io.documents import as_document, check_many, folder_site
from cleaner.io.records import Cleaned, Document, Failure, Format, FormatError, Result
from cleaner.pipeline import clean, pages_warm, reads_as_page, warm_up
from cleaner.pipeline.reading import check_arguments
from cleaner.run.executor import Executor, Job, SerialExecutor, one_line

Item = str | bytes | Document | Mapping[str, Any] | Failure


@dataclass(frozen=True)
class Cleaning:
    """What every document of a stream is cleaned with: sent once to each worker.

    ``pages`` says the stream holds HTML pages (a web archive's): a worker then warms the HTML layer up with
    the rest, before its first document; otherwise on the first page it meets (``warm_up_document``).
    """

    config: Config = DEFAULT_CONFIG
    profile: object | None = None
    format: Format = "auto"
    site: str | None = None
    pages: bool = False


def clean_document(cleaning: Cleaning, document: Document) -> Result:
    """Clean one document; a ``CleanError`` becomes a ``Failure`` naming the document."""
    form = _format_of(cleaning, document)
    extra: dict[str, Any] = {}
    if cleaning.profile is not None:  # a document without a URL belongs to its folder's site, else to ``site``
        extra = {"profile": cleaning.profile, "site": folder_site(document) or cleaning.site}
    try:
        article = clean(document.content, format=form, url=document.url, config=cleaning.config, **extra)
    except (CleanError, FormatError, TypeError) as error:  # a ``Document`` made with a wrong format: its failure
        return Failure(id=document.id, reason=one_line(error), source=document.source)
    page = reads_as_page(document.content, form)
    return Cleaned(document.id, article, document.source, document.url, document.fetched, page=page)


def cleaning_job(cleaning: Cleaning) -> Job[Cleaning, Document, Result]:
    """The job of cleaning documents one by one, under the configuration's time limit."""
    return Job(
        clean_document,
        cleaning,
        time_limit=cleaning.config.timeout,
        warm_up=warm_up_cleaning,
        warm_up_item=warm_up_document,
    )


def warm_up_cleaning(cleaning: Cleaning) -> None:
    """A worker's one-off loads, before its first document (``Job.warm_up``); the HTML layer's only when the
    stream is said to hold pages (``format="html"``, ``pages``): a stream of text never needs them."""
    warm_up(cleaning.config, html=cleaning.pages or cleaning.format == "html")


def warm_up_document(cleaning: Cleaning, document: Document) -> Callable[[], None] | None:
    """The HTML layer's warm-up when ``document`` is a page and this process has not paid it yet
    (``Job.warm_up_item``): seconds of CPU that the first page of a stream would pay against its time limit."""
    if pages_warm(cleaning.config) or not reads_as_page(document.content, _format_of(cleaning, document)):
        return None
    return partial(warm_up, cleaning.config, html=True)


def _format_of(cleaning: Cleaning, document: Document) -> Format:
    return document.format if document.format != "auto" else cleaning.format


def as_documents(items: Iterable[Item]) -> Iterator[Document | Failure]:
    """Each item as a ``Document`` (strings and bytes get their position as id), or a ``Failure``."""
    for position, item in enumerate(items):
        if isinstance(item, Failure | Document):
            yield item
            continue
        try:
            yield as_document(item, default_id=str(position))
        except (TypeError, ValueError) as error:
            yield Failure(id=_id_of(item, position), reason=one_line(error))


def clean_many(
    documents: Iterable[Item],
    *,
    config: Config | None = None,
    profile: object | None = None,
    format: Format = "auto",
    site: str | None = None,
    executor: Executor | None = None,
) -> Iterator[Result]:
    """Clean documents one by one, yielding a ``Cleaned`` or a ``Failure`` for each, in order.

    Strings and bytes get their position as id.  ``format`` applies to documents
    that do not say their own.  A ``Failure`` in the input (a reader could not parse
    a record) is passed through, so readers and cleaning share one error stream.
    With a ``profile``, a document without a URL belongs to its folder's site, else to ``site``.
    ``executor`` runs the cleaning elsewhere (worker processes, Dask); by default, here.  A ``config``,
    ``profile``, ``site`` or ``format`` of the wrong type raises ``TypeError`` at once, and an unknown ``format``
    ``ValueError`` (as ``clean`` says them), before any document is read, and so does one
    document (a ``str``, ``bytes`` or a record) given as ``documents``.
    """
    check_arguments(None, config, profile, caller="clean_many()", format=format, site=site)
    check_many(documents, "clean_many()")
    job = cleaning_job(Cleaning(config or DEFAULT_CONFIG, profile, format, site))
    return (executor or SerialExecutor()).map(job, as_documents(documents))


def _id_of(item: object, position: int) -> str:
    if isinstance(item, Mapping) and item.get("id") not in (None, ""):
        return str(item["id"])
    return str(position)
