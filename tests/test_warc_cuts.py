"""Cut, shortened and damaged web archives: no record is ever lost without a word.

Small WARC files written here with warcio's own writer (a ``warcinfo``, an HTML response,
a request, a second HTML response; gzip and not) are cut at every byte offset, have a
byte range taken out of them, or have single bytes changed, and are read with
``read_warc``.  Whatever the damage, every HTML page is either a ``Document`` holding
exactly its page or is covered by a ``Failure``; nothing raises; a page is never handed
on partial.  warcio itself reads a cut record as far as the file goes and says nothing,
so before this was checked a cut inside a record's headers lost it (and, in the first
record, the whole file) silently.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from clirun import clean_in_process
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.io.records import Document, Failure
from cleaner.io.warc import read_warc

PAGES = (
    ("https://news.example.org/one", "<html><body><p>The first page, a few words.</p></body></html>\n"),
    ("https://news.example.org/two", "<html><body><p>A second page: other words here.</p></body></html>\n"),
)


@dataclass(frozen=True)
class Record:
    start: int
    end: int  # where the next record starts (a gzip member's end; past the two CRLFs otherwise)
    whole: int  # from where the record can be read whole: its gzip member's end, or its block's
    id: str
    page: str | None  # the HTML of a page record


@dataclass(frozen=True)
class Archive:
    data: bytes
    records: tuple[Record, ...]

    @property
    def pages(self) -> dict[str, str]:
        return {record.id: record.page for record in self.records if record.page is not None}


def _archive(*, gzip: bool) -> Archive:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    written = [(writer.create_warcinfo_record("cut.warc", {"software": "cleaner tests"}), None)]
    for number, (url, page) in enumerate(PAGES):
        if number:
            request = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
            written.append(
                (writer.create_warc_record(url, "request", payload=io.BytesIO(), http_headers=request), None)
            )
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(page.encode()), http_headers=headers)
        written.append((record, page))
    records = []
    for number, (record, page) in enumerate(written):
        record.rec_headers.replace_header("WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>")
        record.rec_headers.replace_header("WARC-Date", "2026-01-05T10:00:00Z")  # the same bytes on every run
        start = buffer.tell()
        writer.write_record(record)
        end = buffer.tell()
        ident = record.rec_headers.get_header("WARC-Record-ID")
        records.append(Record(start, end, end if gzip else end - len(b"\r\n\r\n"), ident, page))
    return Archive(buffer.getvalue(), tuple(records))


ARCHIVES = {"warc.gz": _archive(gzip=True), "warc": _archive(gzip=False)}


def _read(path: Path, data: bytes | None = None) -> tuple[list[Document], list[Failure]]:
    if data is not None:
        path.write_bytes(data)
    results = list(read_warc(path))  # an exception fails the test
    documents = [result for result in results if isinstance(result, Document)]
    return documents, [result for result in results if isinstance(result, Failure)]


def _whole_pages(archive: Archive, documents: list[Document]) -> None:
    """Every document is a whole page of the archive, each once, in file order."""
    pages = archive.pages
    assert [document.content for document in documents] == [pages[document.id] for document in documents]
    assert [document.id for document in documents] == [ident for ident in pages if ident in {d.id for d in documents}]


def _no_page_lost_or_partial(archive: Archive, documents: list[Document], failures: list[Failure]) -> None:
    """Every document is a whole page; a page not read is covered by a failure."""
    _whole_pages(archive, documents)
    if len(documents) < len(archive.pages):
        assert failures, "a page was lost without a failure"


@pytest.mark.parametrize("kind", list(ARCHIVES))
def test_a_cut_at_any_offset_keeps_the_whole_records_and_reports_the_cut_one(tmp_path: Path, kind: str) -> None:
    archive = ARCHIVES[kind]
    path = tmp_path / f"cut.{kind}"
    boundaries = {record.end for record in archive.records}
    silent = []
    path.write_bytes(archive.data)
    for cut in range(len(archive.data) - 1, 0, -1):  # shortening one file is much faster than writing each
        os.truncate(path, cut)
        documents, failures = _read(path)
        whole = [record.id for record in archive.records if record.whole <= cut and record.page is not None]
        assert [document.id for document in documents] == whole, cut
        _whole_pages(archive, documents)
        if cut not in boundaries and len(failures) != 1:
            silent.append(cut)
        assert all("truncated" in failure.reason for failure in failures), (cut, failures)
    assert not silent, f"{len(silent)} cuts not reported exactly once: {silent}"


@pytest.mark.parametrize("kind", list(ARCHIVES))
def test_a_cut_on_a_record_boundary_is_a_whole_shorter_archive(tmp_path: Path, kind: str) -> None:
    archive = ARCHIVES[kind]
    for record in archive.records[:-1]:
        documents, failures = _read(tmp_path / f"cut.{kind}", archive.data[: record.end])
        assert not failures
        assert [d.id for d in documents] == [r.id for r in archive.records if r.end <= record.end and r.page]


@settings(max_examples=200)
@given(data=st.data())
def test_a_byte_range_taken_out_of_a_compressed_archive_loses_no_page_silently(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    archive = ARCHIVES["warc.gz"]
    start = data.draw(st.integers(0, len(archive.data) - 1), label="start")
    stop = data.draw(st.integers(start + 1, len(archive.data)), label="stop")
    path = tmp_path_factory.mktemp("range") / "cut.warc.gz"
    documents, failures = _read(path, archive.data[:start] + archive.data[stop:])
    _no_page_lost_or_partial(archive, documents, failures)


@settings(max_examples=100)
@given(data=st.data())
def test_a_byte_range_taken_out_of_a_page_loses_it_with_a_failure(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """An uncompressed archive has no checksum: bytes taken out of a page are seen when the record's block,
    read to its Content-Length, runs past the blank lines that end it (more than those 4 bytes lost) or
    past the end of the file."""
    archive = ARCHIVES["warc"]
    record = data.draw(st.sampled_from([record for record in archive.records if record.page]), label="record")
    payload = archive.data.index(record.page.encode(), record.start)
    start = data.draw(st.integers(payload, payload + len(record.page) - 5), label="start")
    stop = data.draw(st.integers(start + 5, payload + len(record.page)), label="stop")
    path = tmp_path_factory.mktemp("range") / "cut.warc"
    documents, failures = _read(path, archive.data[:start] + archive.data[stop:])
    _no_page_lost_or_partial(archive, documents, failures)
    assert record.id not in {document.id for document in documents}


def test_a_changed_byte_anywhere_in_a_compressed_archive_loses_no_page_silently(tmp_path: Path) -> None:
    """gzip's checksum covers every byte of a record: a change is a failure, never a changed page."""
    archive = ARCHIVES["warc.gz"]
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(archive.data)
    with path.open("r+b") as handle:
        for position, byte in enumerate(archive.data):
            os.pwrite(handle.fileno(), bytes([byte ^ 0xFF]), position)  # changed in place: much faster than writing
            documents, failures = _read(path)
            os.pwrite(handle.fileno(), bytes([byte]), position)
            _no_page_lost_or_partial(archive, documents, failures)


def test_the_command_names_the_file_and_offset_of_a_cut_record(tmp_path: Path) -> None:
    archive = ARCHIVES["warc.gz"]
    second = archive.records[-1]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(archive.data[: second.start + 40])  # inside the last page's WARC headers
    ran = clean_in_process(cut, "-o", "out.jsonl", cwd=tmp_path)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    errors = [line for line in ran.stderr.splitlines() if ": error: " in line]
    assert errors == [f"{cut}@{second.start}: error: the file ends inside this record (truncated)"]
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_a_changed_byte_in_a_page_member_is_its_failure_quietly_and_the_next_page_is_read(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """warcio wrote gzip's error to standard error and read on as if the member ended: a partial page."""
    archive = ARCHIVES["warc.gz"]
    first = next(record for record in archive.records if record.page)
    middle = (first.start + first.end) // 2
    damaged = archive.data[:middle] + bytes([archive.data[middle] ^ 0xFF]) + archive.data[middle + 1 :]
    path = tmp_path / "cut.warc.gz"
    documents, failures = _read(path, damaged)
    assert [document.id for document in documents] == [archive.records[-1].id]
    assert len(failures) == 1 and failures[0].id in (first.id, f"{path}@{first.start}")
    assert failures[0].reason.startswith("unreadable WARC record: corrupt gzip data: ")  # not zlib's "Error -3 ..."
    assert capfd.readouterr().err == ""


def test_a_record_that_lost_its_warc_type_is_a_failure_not_a_skipped_record(tmp_path: Path) -> None:
    """WARC-Type is mandatory: a record without it passed for one of a type that is skipped, taking its page."""
    archive = ARCHIVES["warc"]
    first = next(record for record in archive.records if record.page)
    line = archive.data.index(b"WARC-Type: response\r\n", first.start)
    documents, failures = _read(tmp_path / "cut.warc", archive.data[:line] + archive.data[line + 21 :])
    assert [failure.reason for failure in failures] == ["unreadable WARC record: its headers have no WARC-Type"]
    assert failures[0].id == first.id
    assert [document.id for document in documents] == [archive.records[-1].id]


def test_warcio_s_warning_about_a_target_uri_never_reaches_the_terminal(tmp_path: Path) -> None:
    """warcio logged the URI raw (an escape sequence in it reached the terminal); the page is still read.

    In a process of its own: pytest's log capture would take the warning before Python printed it.
    """
    archive = ARCHIVES["warc"]
    target = b"WARC-Target-URI: https://news.example.org/one"
    path = tmp_path / "cut.warc"
    path.write_bytes(archive.data.replace(target, target + b" \x1b[2J", 1))  # the header is outside Content-Length
    code = "import sys; from cleaner.io.warc import read_warc; print(len(list(read_warc(sys.argv[1]))))"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    ran = subprocess.run([sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True, check=True)
    assert (ran.stdout, ran.stderr) == (f"{len(archive.pages)}\n", "")
