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

import gzip
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO

from cleaner.io.records import Document, Failure


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def read_documents(path: Path) -> Iterator[Document | Failure]:
    """One ``Document`` per non-blank line; a bad line or an unreadable file is a ``Failure``."""
    source = str(path)
    try:
        handle: IO[bytes] = gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        yield Failure(id=source, reason=f"cannot read: {error.strerror or error}", source=source)
        return
    with handle:
        lineno = 0
        try:
            for lineno, line in enumerate(handle, start=1):
                if line.strip():
                    yield _document(line, f"{source}:{lineno}", source)
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            yield Failure(id=f"{source}:{lineno + 1}", reason=f"cannot read further: {error}", source=source)


def _document(line: bytes, default_id: str, source: str) -> Document | Failure:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return Failure(id=default_id, reason=f"not valid JSON: {error}", source=source)
    if not isinstance(record, Mapping):
        return Failure(id=default_id, reason="not a JSON object", source=source)
    try:
        return Document.from_mapping(record, default_id=default_id, source=source)
    except ValueError as error:
        return Failure(id=default_id, reason=str(error), source=source)


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
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self._temp = Path(temp)
        os.chmod(temp, 0o644)  # mkstemp makes it private; the output is an ordinary file
        self._raw = os.fdopen(fd, "wb")
        self._gzip = gzip.GzipFile(filename="", fileobj=self._raw, mode="wb", mtime=0) if is_gzip(path) else None
        self._text = io.TextIOWrapper(self._gzip or self._raw, encoding="utf-8", newline="\n")

    def write(self, record: Mapping[str, object]) -> None:
        self._text.write(dumps(record) + "\n")
        self.count += 1

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._text.close()  # closes the gzip stream and the file beneath it
        self._raw.close()
        if kind is None:
            os.replace(self._temp, self.path)
        else:
            self._temp.unlink(missing_ok=True)


def write_records(records: Iterable[Mapping[str, object]], path: Path) -> int:
    """Write records to a ``.jsonl`` or ``.jsonl.gz`` file atomically; return how many."""
    with JsonlWriter(path) as writer:
        for record in records:
            writer.write(record)
    return writer.count
