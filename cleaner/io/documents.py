"""Documents from files: an article file is one document, a JSON Lines file one per line, a WARC one per page, a
web feed one per item.

``documents_from_path`` turns a file into ``Document`` records (or a ``Failure`` naming what cannot be
read); ``input_files`` finds the files under the paths a user named, as the ``clean`` command does;
``as_document`` turns one element of a stream (str, bytes, mapping) into a ``Document``.

This module reads and never cleans (``cleaner.run.stream`` does) nor writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from cleaner.config import DEFAULT_MAX_BYTES
from cleaner.io import jsonl
from cleaner.io.feeds import FEED_SUFFIXES, is_feed, read_feed
from cleaner.io.files import (
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    Finder,
    InputError,
    read_article,
    source_format,
    source_name,
)
from cleaner.io.records import Document, Failure

ARTICLE_SUFFIXES = frozenset({".txt"}) | MARKDOWN_SUFFIXES | HTML_SUFFIXES  # what each is read as: io.files
# Web archives: WARC files of pages, and WET files (Common Crawl's ``.warc.wet.gz``: each page's text, in WARC records)
WARC_SUFFIXES = (".warc", ".warc.gz")
ARCHIVE_SUFFIXES = (*WARC_SUFFIXES, ".wet", ".wet.gz")
CONTAINER_SUFFIXES = (".jsonl", ".jsonl.gz", *ARCHIVE_SUFFIXES, *FEED_SUFFIXES)


def folder_site(document: Document) -> str | None:
    """The fallback site of a document read from a file: the name of its folder."""
    return Path(document.source).absolute().parent.name or None if document.source else None


def as_document(item: object, *, default_id: str) -> Document:
    """Turn one element of the input stream into a ``Document``."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str | bytes):
        return Document(id=default_id, content=item)
    if isinstance(item, Mapping):
        return Document.from_mapping(item, default_id=default_id)
    hint = ""
    if isinstance(item, os.PathLike):  # a file's path, given where its content is asked
        hint = f" (a file: clean_file({os.fspath(item)!r}), or documents_from_path(path) for its documents)"
    kind = type(item).__name__
    raise TypeError(f"cannot clean a value of type {kind}: expected str, bytes, Document or a mapping{hint}")


def check_many(documents: object, caller: str) -> None:
    """``TypeError`` for one document given where an iterable of them is asked: a ``str`` or ``bytes`` would be
    read one character per document, and a record (a mapping) one key per document."""
    if isinstance(documents, str | bytes | bytearray | memoryview | Mapping):
        kind = type(documents).__name__
        raise TypeError(f"{caller} takes an iterable of documents, not one {kind}: clean() takes one, or pass [it]")


def is_container(path: Path) -> bool:
    """Whether a file holds many documents (JSON Lines, a web archive, or a web feed: ``feeds.is_feed``)."""
    return path.name.lower().endswith(CONTAINER_SUFFIXES) or is_feed(path)


def documents_from_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Failure]:
    """The documents in one file; a file that cannot be read yields one ``Failure``."""
    name = path.name.lower()
    if name.endswith(ARCHIVE_SUFFIXES):
        from cleaner.io import warc  # warcio (and fsspec under it): a tenth of a second at every start

        yield from warc.read_warc(path, max_bytes=max_bytes)
    elif name.endswith((".jsonl", ".jsonl.gz")):
        yield from jsonl.read_documents(path, max_bytes=max_bytes)
    elif is_feed(path):
        yield from read_feed(path, max_bytes=max_bytes)
    else:
        yield _article_file(path, max_bytes=max_bytes)


def _article_file(path: Path, *, max_bytes: int) -> Document | Failure:
    """One article file, read and refused by the same rules as the ``clean`` command."""
    source = source_name(path)
    try:
        content = read_article(path, max_bytes)
    except InputError as error:
        return Failure(id=source, reason=str(error), source=source)
    return Document(id=source, content=content, format=source_format(path), source=source)


def input_files(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *, exclude: Iterable[str] = ()
) -> list[Path]:
    """Files named, and article (compressed too: ``a.txt.gz``), JSON Lines, WARC and feed files found under folders, in
    sorted order.

    ``paths`` is a list of paths or one path (a ``str`` is one path, never a sequence of one-letter ones).

    The walk is the ``clean`` command's (``cleaner.io.files.Finder``): hidden files and folders
    (``.git``, ``.cleaner``) are not walked into, a folder symlink is followed once, and
    ``exclude`` globs apply below a folder.  The order is deterministic so that a distributed
    run and a local run see the documents in the same order.  A missing path raises
    ``FileNotFoundError``.  A symlink leading out of a folder named is left out, as the command skips
    it: a walk never reads what was not named.  A path met in a walk that cannot be walked (a symlink loop) is
    listed: reading it gives its failure record, where the command gives its one line, and the run goes on.
    """
    named = [Path(path) for path in ([paths] if isinstance(paths, str | os.PathLike) else paths)]
    found = Finder(include=INPUT_GLOBS, exclude=tuple(exclude)).find(named)
    for item in found:
        if item.error and item.path in named:
            raise FileNotFoundError(f"{item.path}: {item.error}")
    return [item.path for item in found if not item.skipped]


INPUT_GLOBS = tuple(f"*{suffix}" for suffix in (*sorted(ARTICLE_SUFFIXES), *CONTAINER_SUFFIXES))
