"""Web archives in: the HTML pages of a ``.warc`` or ``.warc.gz`` file, read with ``warcio``, and the texts of
a WET file (Common Crawl's ``.warc.wet.gz``).

Each ``response`` record whose HTTP ``Content-Type`` is HTML (and each ``resource``
record of an HTML page) becomes one ``Document``, and so does each ``conversion`` record of plain text (a WET
file's text of a page, read as text): its ``WARC-Record-ID`` as id, its
``WARC-Target-URI`` as ``url`` (a metadata source for the cleaner: site, canonical
link) and its ``WARC-Date`` as ``fetched``.  The crawl date is when the page was
fetched, not when it was published, so it is never used as ``published``; it travels
to the output record as its own field.  Other records (requests, metadata, images,
redirects, ``warcinfo``) are skipped without a word.

A record that cannot be read (bad headers, broken compression) or is not whole
yields a ``Failure`` with the record id (or ``file@offset`` when even that is lost)
and reading goes on from the next record that parses, so one corrupt record never
costs the rest of the file.  warcio reads a cut record as far as the file goes and
says nothing (headers cut short parse as fewer headers), so each record is checked
here: it declares a Content-Length, has that many bytes of block, and in a
``.warc.gz`` file ends its gzip member, whose checksum then matched.  A file cut
inside a record is ``the file ends inside this record (truncated)``; an uncompressed
file cut in the blank lines after its last record is reported too.  A page whose block
does not match its ``WARC-Block-Digest`` (bytes changed inside it: an uncompressed file
has no other checksum) is a ``Failure`` too; a page without one is read as it is.  A
``WARC-Payload-Digest`` is not checked: crawlers compute it over chunked or over
decoded bodies, so a mismatch there says nothing of damage.

This module does not clean pages and does not write WARC files.
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException
from warcio.utils import BUFF_SIZE

from cleaner.config import DEFAULT_MAX_BYTES
from cleaner.io.compressed import ZLIB_PREFIX
from cleaner.io.files import source_name
from cleaner.io.records import Document, Failure, Format

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPE = "text/plain"  # a conversion record's (Common Crawl's WET files: the text of each page fetched)
# warcio logs a warning (a target URI with spaces, quoted raw: control characters and all) that Python printed
# on standard error when no logging is set up; the caller's own logging configuration still gets it.
logging.getLogger("warcio").addHandler(logging.NullHandler())
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
NOT_WARC = "not a WARC file: it does not start with a WARC/1.x record (or an ARC header)"
TRUNCATED = "the file ends inside this record (truncated)"
UNCLOSED = "the file ends without the blank lines that close its last record (truncated)"
MISFIT = "its block does not end where its Content-Length says (no blank line and WARC header after it)"
NO_BLANK_LINE = "not followed by the blank line that ends a record: a Content-Length may be wrong"
RUNS_ON = "incomplete WARC record: it runs on over the records after it (its Content-Length is missing or wrong)"
CHANGED = "its block does not match its WARC-Block-Digest: bytes changed inside it"


def read_warc(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Failure]:
    """The HTML pages of a WARC file, in file order, with a ``Failure`` for each unreadable record."""
    source = source_name(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed below; generators cannot use a with around yields here)
    except OSError as error:
        yield Failure(id=source, reason=f"cannot read: {error.strerror or error}", source=source)
        return
    with handle:
        compressed = handle.read(2) == GZIP_MAGIC[:2]
        if problem := _start_problem(handle, compressed=compressed):
            yield Failure(id=source, reason=problem, source=source)
            return
        offset: int | None = 0
        while offset is not None:
            handle.seek(offset)
            failed_at = yield from _read_from(handle, source, max_bytes, compressed=compressed)
            if failed_at is None:
                return
            offset = _next_record(handle, failed_at + 1, compressed=compressed)


ARCHIVE_STARTS = (b"WARC/", b"filedesc://")


def _start_problem(handle: IO[bytes], *, compressed: bool) -> str | None:
    """Why the file is not an archive: its first record header is not a WARC (or ARC) one, or it is cut short.

    The start is decompressed if need be; a non-empty file that ends before the first
    header line is complete is truncated, not something else.
    """
    handle.seek(0)
    raw = head = handle.read(1 << 16)
    if compressed:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, 64)
        except zlib.error:
            return NOT_WARC
    head = head.lstrip(b"\r\n")
    if head.startswith(ARCHIVE_STARTS):
        return None
    if raw and (GZIP_MAGIC.startswith(raw) or any(start.startswith(head) for start in ARCHIVE_STARTS)):
        return f"the file ends inside its first record (truncated): {len(raw)} bytes"
    return NOT_WARC


class _Reader(DecompressingBufferedReader):
    """warcio's reader of the file, raising a gzip error where warcio prints it and reads on as if the data ended.

    In a ``.warc.gz`` file (``strict``) an error in a member's first bytes is an error
    too, where warcio would take the member for uncompressed data.
    """

    def __init__(self, stream: IO[bytes], *, strict: bool) -> None:
        super().__init__(stream, block_size=BUFF_SIZE)
        self.strict = strict

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor is not None and data and (self.strict or self.num_block_read):
            return bytes(self.decompressor.decompress(data))
        return bytes(super()._decompress(data))


class _Records(ArchiveIterator):
    """warcio's iterator on ``_Reader``, counting records not followed by a blank line instead of printing each.

    Each record is read to its end here (``read_to_end``, which the iterator would call
    before the next record anyway) so it can be checked before the next one is parsed.
    """

    INC_RECORD = ""

    def __init__(self, handle: IO[bytes], *, compressed: bool) -> None:
        super().__init__(handle, check_digests=True)  # True: problems are listed, neither raised nor printed
        self.reader = _Reader(self.fh, strict=compressed)


def _read_from(
    handle: IO[bytes], source: str, max_bytes: int, *, compressed: bool
) -> Generator[Document | Failure, None, int | None]:
    """Read records from the handle's position to the end (returns ``None``) or to a record that fails.

    A record that fails gets its ``Failure`` (with its id, or ``file@offset`` when its
    headers are lost) and the offset where it starts is returned, to look for the next
    record after it.
    """
    records = _Records(handle, compressed=compressed)
    size = os.fstat(handle.fileno()).st_size
    current: tuple[int, str, bool] | None = None  # the record being read: offset, id, failure reported
    misplaced = 0  # records not followed by a blank line, already reported one by one
    try:
        for record in records:
            start = records.offset
            ident = record.rec_headers.get_header("WARC-Record-ID") or f"{source}@{start}"
            current = (start, ident, False)
            kind = _document_format(record)
            item = _document(record, ident, source, max_bytes, kind) if kind else None
            errors = records.err_count
            if problem := _incomplete(records, record, size):
                if problem == TRUNCATED and _next_record(handle, start + 1, compressed=compressed) is not None:
                    problem = RUNS_ON  # read to the file's end, over records that follow: the file is not cut here
                where = ident if _headers_whole(record) else f"{source}@{start}"  # a cut header may hold half an id
                yield Failure(id=where, reason=problem, source=source)
                return start
            if problem := _misread(records, record, errors, page=isinstance(item, Document)):
                misplaced += records.err_count - errors
                item = Failure(id=ident, reason=f"unreadable WARC record: {problem}", source=source)
            if item is not None:
                current = (start, ident, isinstance(item, Failure))
                yield item
    except READ_ERRORS as error:
        if current is None or records.offset != current[0]:  # the next record's headers failed to parse
            current = (records.offset, f"{source}@{records.offset}", False)
        if not current[2]:
            yield Failure(id=current[1], reason=_read_error(records, error, size), source=source)
        return current[0]
    return (yield from _after_the_last(records, source, size, misplaced, compressed=compressed))


def _after_the_last(
    records: _Records, source: str, size: int, misplaced: int, *, compressed: bool
) -> Generator[Failure, None, int | None]:
    """What warcio passes over quietly once it stops: records not followed by a blank line, a cut file."""
    if records.err_count > misplaced:
        reason = f"{records.err_count - misplaced} record(s) {NO_BLANK_LINE}"
        yield Failure(id=source, reason=reason, source=source)
    if records.offset < size:  # a gzip member cut before it gave any data
        yield Failure(id=f"{source}@{records.offset}", reason=TRUNCATED, source=source)
        return records.offset
    if not compressed and not _closed(records):
        yield Failure(id=f"{source}@{size}", reason=UNCLOSED, source=source)
    return None


def _read_error(records: _Records, error: BaseException, size: int) -> str:
    """The reason for a record warcio failed on: the file cut inside it when its headers ran to the file's end."""
    reader = records.reader
    if (
        not isinstance(error, zlib.error)
        and reader is not None
        and records.fh.tell() >= size
        and not reader.rem_length()
    ):
        return TRUNCATED
    return f"unreadable WARC record: {_reason(error)}"


def _misread(records: _Records, record: Any, errors: int, *, page: bool) -> str | None:
    """Why a whole record is not what its bytes were, as far as can be seen, or ``None``.

    A WARC record without a WARC-Type (lost to damage: the header is mandatory) would
    pass for one of a type that is skipped.  A page whose block did not end where its
    Content-Length says (no blank line after it, or no WARC header line after those)
    holds bytes that are not its own: bytes are missing inside it.  A page whose block
    digest failed had bytes changed inside it.
    """
    if record.format == "warc" and not record.rec_type:
        return "its headers have no WARC-Type"
    if not page:
        return None
    if any(problem.startswith("block digest failed") for problem in record.digest_checker.problems):
        return CHANGED
    line = records.next_line
    if records.err_count > errors:
        return MISFIT
    if line and not line.startswith(b"WARC/") and records.reader.decompressor is None and not _closed(records):
        return MISFIT
    return None


def _separator(records: _Records) -> bytes:
    """The blank lines warcio read after the record just read in an uncompressed file (two CRLFs when whole)."""
    if records.member_info is None:
        return b""
    start, length = records.member_info
    position = records.fh.tell()
    records.fh.seek(start + length)
    separator = records.fh.read(records.offset - start - length)
    records.fh.seek(position)
    return bytes(separator)


def _closed(records: _Records) -> bool:
    """Whether the record just read in an uncompressed file is followed by the blank lines that close it."""
    return records.member_info is None or _separator(records).count(b"\n") >= 2


def _incomplete(records: _Records, record: Any, size: int) -> str | None:
    """Why the record just read is not whole (the file or the record cut short, broken compression), or ``None``.

    warcio reads a cut record as far as the file goes and reports nothing: headers cut
    in the middle parse as fewer headers, a block short of its Content-Length reads short.
    A whole record declares a Content-Length, has that many bytes of block and, in a
    ``.warc.gz`` file, ends its gzip member (whose checksum then matched).
    """
    try:
        records.read_to_end()
    except READ_ERRORS as error:
        return f"unreadable WARC record: {_reason(error)}"
    decompressor = records.reader.decompressor
    if _declared_length(record) is None:
        problem = "its headers have no valid Content-Length"
    elif getattr(record.raw_stream, "limit", 0) > 0:
        problem = f"its block is {record.raw_stream.limit} bytes shorter than its Content-Length"
    elif decompressor is not None and not records.next_line and not decompressor.eof:
        problem = "its gzip member does not end"
    else:
        return None
    if records.offset >= size and (decompressor is None or not decompressor.eof):  # read up to the file's end
        return TRUNCATED
    return f"incomplete WARC record: {problem}"


def _declared_length(record: Any) -> int | None:
    """The record's block length as its headers state it, ``None`` when missing or not a number."""
    if record.format == "arc":
        return record.length if isinstance(record.length, int) else None
    try:
        length = int(record.rec_headers.get_header("Content-Length") or "")
    except ValueError:
        return None
    return length if length >= 0 else None


def _headers_whole(record: Any) -> bool:
    """Whether the record's header block ended (some of its block was read), so its id is whole."""
    stream = record.raw_stream
    return bool(getattr(stream, "limit", 0) < getattr(stream, "_orig_limit", 0))


def _document_format(record: Any) -> Format | None:
    """``html`` for a record of an HTML page fetched whole, ``text`` for a conversion record of plain text (a WET
    file's), ``None`` for any other record."""
    if record.rec_type == "response" and record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type in ("resource", "conversion"):
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    media_type = content_type.split(";")[0].strip().lower()
    if record.rec_type == "conversion":
        return "text" if media_type == TEXT_TYPE else None
    return "html" if media_type in HTML_TYPES else None


def _document(record: Any, ident: str, source: str, max_bytes: int, kind: Format) -> Document | Failure:
    try:
        content = record.content_stream().read(max_bytes + 1)
    except READ_ERRORS as error:
        return Failure(id=ident, reason=f"unreadable WARC record: {_reason(error)}", source=source)
    if len(content) > max_bytes:
        return Failure(id=ident, reason=f"too large: more than {max_bytes} bytes", source=source)
    return Document(
        id=ident,
        content=_decoded(content, record),
        format=kind,
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


def _reason(error: BaseException) -> str:
    """One printable line: warcio quotes the offending bytes, which may be binary; a gzip member's damage in the
    words ``cleaner.io.compressed`` says it for a ``.gz`` file (``corrupt gzip data: invalid distance too far back``,
    where zlib said ``Error -3 while decompressing data: ...``)."""
    if isinstance(error, AttributeError):
        return NO_TARGET
    text = "".join(char if char.isprintable() and char.isascii() else "?" for char in " ".join(str(error).split()))
    if isinstance(error, zlib.error):
        text = f"corrupt gzip data: {ZLIB_PREFIX.sub('', text)}"
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
            next(iter(_Records(handle, compressed=compressed)))
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
