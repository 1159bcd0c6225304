"""Web archives in: the HTML pages of a ``.warc`` or ``.warc.gz`` file, read with ``warcio``.

Each ``response`` record whose HTTP ``Content-Type`` is HTML (and each ``resource``
record of an HTML page) becomes one ``Document``: its ``WARC-Record-ID`` as id, its
``WARC-Target-URI`` as ``url`` (a metadata source for the cleaner: site, canonical
link) and its ``WARC-Date`` as ``fetched``.  The crawl date is when the page was
fetched, not when it was published, so it is never used as ``published``; it travels
to the output record as its own field.  Other records (requests, metadata, images,
redirects, ``warcinfo``) are skipped without a word.

A record that cannot be read (bad headers, broken compression, a truncated file)
yields a ``Failure`` with the record id (or ``file@offset`` when even that is lost)
and reading goes on from the next record that parses, so one corrupt record never
costs the rest of the file.

This module does not clean pages and does not write WARC files.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from cleaner.config import DEFAULT_MAX_BYTES
from cleaner.io.records import Document, Failure

HTML_TYPES = ("text/html", "application/xhtml+xml")
# AttributeError: warcio's on a response, request or revisit record without WARC-Target-URI (None.startswith).
READ_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    AttributeError,
)
NO_TARGET = "a response, request or revisit record without a WARC-Target-URI header"
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
RESYNC_CHUNK = 1 << 20


def read_warc(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Failure]:
    """The HTML pages of a WARC file, in file order, with a ``Failure`` for each unreadable record."""
    source = str(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed below; generators cannot use a with around yields here)
    except OSError as error:
        yield Failure(id=source, reason=f"cannot read: {error.strerror or error}", source=source)
        return
    with handle:
        compressed = handle.read(2) == GZIP_MAGIC[:2]
        if not _starts_like_an_archive(handle, compressed=compressed):
            reason = "not a WARC file: it does not start with a WARC/1.x record (or an ARC header)"
            yield Failure(id=source, reason=reason, source=source)
            return
        offset: int | None = 0
        while offset is not None:
            handle.seek(offset)
            stop = yield from _read_from(handle, source, max_bytes)
            if stop is None:
                return
            failed_at, ident, reported, reason = stop
            if not reported:
                yield Failure(id=ident, reason=f"unreadable WARC record: {reason}", source=source)
            offset = _next_record(handle, failed_at + 1, compressed=compressed)


Stop = tuple[int, str, bool, str]
ARCHIVE_STARTS = (b"WARC/", b"filedesc://")


def _starts_like_an_archive(handle: IO[bytes], *, compressed: bool) -> bool:
    """Whether the file's first record header is a WARC (or ARC) one, decompressing its start if need be."""
    handle.seek(0)
    head = handle.read(1 << 16)
    if compressed:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith(ARCHIVE_STARTS)


class _Records(ArchiveIterator):
    """warcio's iterator, counting records not followed by a blank line instead of printing about each."""

    INC_RECORD = ""


def _read_from(handle: IO[bytes], source: str, max_bytes: int) -> Generator[Document | Failure, None, Stop | None]:
    """Read records from the handle's position to the end (returns ``None``) or to an error.

    On an error, returns where the failing record starts, its id (``file@offset``
    when its headers are lost), whether a ``Failure`` for it was already yielded
    (its payload failed to read), and the reason.
    """
    records = _Records(handle)
    current: tuple[int, str, bool] | None = None  # the record last yielded: offset, id, failed
    try:
        for record in records:
            ident = record.rec_headers.get_header("WARC-Record-ID") or f"{source}@{records.offset}"
            current = (records.offset, ident, False)
            if _is_html_page(record):
                item = _document(record, ident, source, max_bytes)
                current = (records.offset, ident, isinstance(item, Failure))
                yield item
    except READ_ERRORS as error:
        if current is not None and records.offset == current[0]:  # failed while finishing that record
            return current[0], current[1], current[2], _reason(error)
        return records.offset, f"{source}@{records.offset}", False, _reason(error)
    if records.err_count:
        reason = f"{records.err_count} record(s) not followed by a blank line: a Content-Length may be wrong"
        yield Failure(id=source, reason=reason, source=source)
    if records.offset < os.fstat(handle.fileno()).st_size:  # warcio stops quietly inside a cut record
        return records.offset, f"{source}@{records.offset}", False, "the file ends inside this record (truncated)"
    return None


def _is_html_page(record: Any) -> bool:
    if record.rec_type == "response" and record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def _document(record: Any, ident: str, source: str, max_bytes: int) -> Document | Failure:
    try:
        content = record.content_stream().read(max_bytes + 1)
    except READ_ERRORS as error:
        return Failure(id=ident, reason=f"unreadable WARC record: {_reason(error)}", source=source)
    if len(content) > max_bytes:
        return Failure(id=ident, reason=f"too large: more than {max_bytes} bytes", source=source)
    if _missing(record):
        return Failure(id=ident, reason=f"truncated WARC record: {_missing(record)} bytes missing", source=source)
    return Document(
        id=ident,
        content=_decoded(content, record),
        format="html",
        url=record.rec_headers.get_header("WARC-Target-URI"),
        fetched=record.rec_headers.get_header("WARC-Date"),
        source=source,
    )


def _decoded(content: bytes, record: Any) -> str | bytes:
    """Decode with the HTTP header's charset when it declares one that fits; else leave to the cleaner.

    The transport's charset outranks a ``<meta charset>`` (HTML standard), but a
    header that lies is common enough that bytes it cannot decode go on undecoded.
    """
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers is not None else None) or ""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            try:
                return content.decode(value.strip("\"' "))
            except (LookupError, UnicodeDecodeError):
                return content
    return content


def _missing(record: Any) -> int:
    """How many bytes of the record block the file lacks (a truncated file or record)."""
    while record.raw_stream.read(1 << 16):  # the rest of the block, past what the page needed
        pass
    return max(getattr(record.raw_stream, "limit", 0), 0)


def _reason(error: BaseException) -> str:
    """One printable line: warcio quotes the offending bytes, which may be binary."""
    if isinstance(error, AttributeError):
        return NO_TARGET
    text = "".join(char if char.isprintable() and char.isascii() else "?" for char in " ".join(str(error).split()))
    return (text or type(error).__name__)[:100]


def _next_record(handle: IO[bytes], start: int, *, compressed: bool) -> int | None:
    """The offset of the next record after ``start`` that warcio can parse, or ``None``.

    Candidates are gzip member starts (compressed files) or ``WARC/1.`` version lines;
    a candidate that does not parse (the magic bytes inside compressed data) is passed
    over silently, since the failure was already reported once.
    """
    magic = GZIP_MAGIC if compressed else WARC_MAGIC
    position = start
    while (candidate := _find(handle, magic, position)) is not None:
        handle.seek(candidate)
        try:
            next(iter(_Records(handle)))
        except StopIteration:
            return None
        except READ_ERRORS:
            position = candidate + 1
            continue
        return candidate
    return None


def _find(handle: IO[bytes], magic: bytes, start: int) -> int | None:
    """The first offset at or after ``start`` where ``magic`` occurs, reading in chunks."""
    handle.seek(start)
    carry = b""
    base = start
    while chunk := handle.read(RESYNC_CHUNK):
        window = carry + chunk
        found = window.find(magic)
        if found >= 0:
            return base - len(carry) + found
        carry = window[-(len(magic) - 1) :]
        base += len(chunk)
    return None
