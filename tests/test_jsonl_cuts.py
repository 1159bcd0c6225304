"""Cut and damaged JSON Lines files (``.jsonl``, ``.jsonl.gz``): no record is lost or changed without a word.

A small file is cut at every byte offset and read with ``read_documents``: the records
before the cut are read whole, the one cut is a ``Failure`` that says the file ends
inside it, nothing raises.  (This held on main 501de6b too: a cut JSON object is never
valid JSON and Python's gzip raises at a cut; the messages did not say it was a cut.)
A gzip file whose checksum fails says that the records read before it may hold changed
bytes: gzip checks its checksum only at the end of the data, after they were handed on.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from cleaner.io.jsonl import read_documents
from cleaner.io.records import Document, Failure

RECORDS = [{"id": f"r{number}", "content": f"Paragraph {number}: a few words, äöü.\n\nAnother."} for number in range(3)]
TEXT = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in RECORDS).encode()
ENDS = [TEXT.index(b"\n", TEXT.index(record["id"].encode())) + 1 for record in RECORDS]  # past each newline
FILES = {"jsonl": TEXT, "jsonl.gz": gzip.compress(TEXT, mtime=0)}


def _read(path: Path) -> tuple[list[Document], list[Failure]]:
    results = list(read_documents(path))  # an exception fails the test
    return [r for r in results if isinstance(r, Document)], [r for r in results if isinstance(r, Failure)]


@pytest.mark.parametrize("kind", list(FILES))
def test_a_cut_at_any_offset_keeps_the_whole_records_and_reports_the_cut_one(tmp_path: Path, kind: str) -> None:
    data = FILES[kind]
    path = tmp_path / f"cut.{kind}"
    path.write_bytes(data)
    contents = {record["id"]: record["content"] for record in RECORDS}
    for cut in range(len(data) - 1, 0, -1):  # shortening one file is much faster than writing each
        os.truncate(path, cut)
        documents, failures = _read(path)
        assert [document.content for document in documents] == [contents[document.id] for document in documents]
        if kind == "jsonl":
            whole = [record["id"] for record, end in zip(RECORDS, ENDS, strict=True) if end - 1 <= cut]
            assert [document.id for document in documents] == whole, cut
            assert len(failures) == (0 if cut in ENDS or cut + 1 in ENDS else 1), cut
        else:
            assert len(failures) == 1, cut  # gzip's end marker is at the end of the file
        if failures and cut >= 10:  # past gzip's 10-byte header
            assert "truncated" in failures[0].reason, (cut, failures)


def test_a_gzip_file_failing_its_checksum_says_the_records_before_may_be_changed(tmp_path: Path) -> None:
    data = bytearray(FILES["jsonl.gz"])
    data[-6] ^= 0xFF  # in the CRC-32 of the trailer
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(bytes(data))
    documents, failures = _read(path)
    assert len(documents) == len(RECORDS)
    assert [failure.id for failure in failures] == [f"{path}:{len(RECORDS) + 1}"]
    assert "fails its checksum" in failures[0].reason and "may hold changed bytes" in failures[0].reason
