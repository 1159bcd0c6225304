"""JSON Lines in and out (``.jsonl`` and ``.jsonl.gz``), as streams.

Reading yields one ``Document`` per line without loading the file; a line that is
not a JSON object with content yields a ``Failure`` naming ``file:line``.  Writing
goes to a temporary file beside the target and is renamed into place when complete,
so a reader never sees half a file and an interrupted run leaves the old one.
Gzip output is written with a zero timestamp and no file name, so the same records
give the same bytes.

This module does not clean anything and does not decide what a record contains
beyond ``Document.from_mapping``.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType

from cleaner.config import DEFAULT_MAX_BYTES
from cleaner.io.files import AtomicFile, source_name
from cleaner.io.records import Document, Failure
from cleaner.text.decode import lone_surrogate

SKIP_CHUNK = 1 << 20
BAD_JSON = "not valid JSON"
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")  # the byte order marks of UTF-16 (PowerShell's Out-File writes one)
UTF16 = (
    "written in UTF-16 (it starts with its byte order mark): JSON Lines are UTF-8; "
    "convert it (iconv -f UTF-16 -t UTF-8)"
)


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def read_documents(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Failure]:
    """One ``Document`` per non-blank line; a bad line or an unreadable file is a ``Failure``.

    A line longer than ``max_bytes`` is a ``Failure`` and is skipped without being held in memory:
    it is read in chunks up to its end, so one huge record costs neither the run nor its memory.
    """
    source = source_name(path)
    try:
        handle: io.BufferedIOBase = gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        yield Failure(id=source, reason=f"cannot read: {error.strerror or error}", source=source)
        return
    with handle:
        lineno = 0
        try:
            while line := handle.readline(max_bytes + 1):
                lineno += 1
                if lineno == 1 and line.startswith(UTF16_MARKS):  # its lines part inside characters: none is whole
                    yield Failure(id=source, reason=UTF16, source=source)
                    return
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    _skip_line(handle)
                    reason = f"record too large: over {max_bytes} bytes (max_bytes); skipped"
                    yield Failure(id=f"{source}:{lineno}", reason=reason, source=source)
                elif line.strip():
                    yield _unended(_document(line, f"{source}:{lineno}", source), line)
        except (OSError, EOFError, zlib.error) as error:
            yield Failure(
                id=f"{source}:{lineno + 1}", reason=f"cannot read further: {_stream_problem(error)}", source=source
            )


def _unended(item: Document | Failure, line: bytes) -> Document | Failure:
    """A line of bad JSON that the file ends inside (no newline) was most likely cut: say so."""
    if isinstance(item, Failure) and item.reason.startswith(BAD_JSON) and not line.endswith(b"\n"):
        reason = f"{BAD_JSON} (the file ends inside this line: truncated?){item.reason[len(BAD_JSON) :]}"
        return Failure(id=item.id, reason=reason, source=item.source)
    return item


def _stream_problem(error: BaseException) -> str:
    """What went wrong with the stream: a gzip file cut short or failing its checksum, in words."""
    text = one_line(error)
    if isinstance(error, EOFError):
        return f"the file ends inside its gzip data (truncated): {text}"
    if text.startswith(("CRC check failed", "Incorrect length of data produced")):
        return f"the gzip data fails its checksum ({text}): the records read before it may hold changed bytes"
    return text


def _skip_line(handle: io.BufferedIOBase) -> None:
    """Read on, a chunk at a time, to just past the end of the current line."""
    while chunk := handle.readline(SKIP_CHUNK):
        if chunk.endswith(b"\n"):
            return


def _document(line: bytes, default_id: str, source: str) -> Document | Failure:
    try:
        # UTF-8 (a byte-order mark skipped): ``json.loads`` of the bytes guessed UTF-16 for a line opening with FF FE
        # and failed in a codec's words ("'utf-16-le' codec can't decode byte 0x0a in position 12: truncated data")
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        at = error.start + len(line) - len(error.object) + 1  # in the line, a byte-order mark counted
        problem = f"not UTF-8: byte 0x{error.object[error.start]:02x} at byte {at} of the line"
        return Failure(id=default_id, reason=f"{BAD_JSON}: {problem}", source=source)
    except (ValueError, RecursionError) as error:  # bad JSON, nesting or numbers beyond the limits
        return Failure(id=default_id, reason=f"{BAD_JSON}: {_json_problem(error)}", source=source)
    if not isinstance(record, Mapping):
        return Failure(id=default_id, reason="not a JSON object", source=source)
    try:
        document = Document.from_mapping(record, default_id=default_id, source=source)
    except ValueError as error:
        return Failure(id=default_id, reason=str(error), source=source)
    for name in ("content", "id", "url", "fetched"):
        value = getattr(document, name)
        if isinstance(value, str) and (surrogate := lone_surrogate(value)):
            reason = f"not valid Unicode: its {name} holds a lone surrogate {surrogate}"
            return Failure(id=default_id, reason=reason, source=source)
    return document


def _json_problem(error: BaseException) -> str:
    """What is wrong with one line's JSON, placed within that line: ``json``'s own words ("line 2 column 1") count
    the line's newline as a second line, which, after the file's own line number, pointed at another record."""
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if isinstance(error, json.JSONDecodeError):
        rest = error.doc[error.pos :]
        where = "at the end of the line" if not rest.strip() else f"at character {error.pos + 1} of the line"
        return f"{error.msg.removesuffix(' at')} {where}"  # json's "Unterminated string starting at" ends in "at"
    return one_line(error)[:200]


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def dumps(record: Mapping[str, object]) -> str:
    """One record as one line: sorted keys, so equal records give equal bytes."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


class JsonlWriter:
    """Write records to ``path`` atomically; use as a context manager.

    The file appears only when the ``with`` block ends without an error; on an
    error the temporary file is removed and an existing ``path`` is left as it was.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._file = AtomicFile(path)
        self._gzip = (
            gzip.GzipFile(filename="", fileobj=self._file.handle, mode="wb", mtime=0) if is_gzip(path) else None
        )
        self._text = io.TextIOWrapper(self._gzip or self._file.handle, encoding="utf-8", newline="\n")

    def write(self, record: Mapping[str, object]) -> None:
        self._text.write(dumps(record) + "\n")
        self.count += 1

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self._text.close()  # closes the gzip stream and the file beneath it
            self._file.commit()
            return
        with contextlib.suppress(OSError, ValueError):
            self._text.close()
        self._file.discard()


def write_records(records: Iterable[Mapping[str, object]], path: Path) -> int:
    """Write records to a ``.jsonl`` or ``.jsonl.gz`` file atomically; return how many."""
    with JsonlWriter(path) as writer:
        for record in records:
            writer.write(record)
    return writer.count
