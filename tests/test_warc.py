"""Web archive input: WARC files built here with warcio's own writer, read back and cleaned.

The archives hold the seed articles (each line wrapped in ``<p>``, the way a simple
site serves them) and, when ``../shared/bench`` is present, a few real benchmark
pages, among records a crawl also holds (a request, an image, a 404, a redirect,
``warcinfo``).  Cleaning through the archive must give the same articles as cleaning
the same bytes directly; corrupt and truncated records are reported and skipped.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from clirun import Ran, clean_in_process
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner import clean
from cleaner.io.documents import documents_from_path
from cleaner.io.records import Cleaned, Failure
from cleaner.io.warc import read_warc
from cleaner.run.stream import clean_many

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BENCH = Path(os.environ.get("CLEANER_BENCH", ROOT.parent / "shared" / "bench"))
FETCHED = "2026-01-05T10:00:00Z"


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes


def seed_pages() -> list[Page]:
    """The seed articles as minimal HTML pages: one ``<p>`` per line of text."""
    pages = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
        page = f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>\n'
        pages.append(Page(f"https://news.example.org/{path.stem}", page.encode("utf-8")))
    return pages


def bench_pages(count: int) -> list[Page]:
    """Every n-th benchmark HTML page, ``count`` of them (empty when the bench is absent)."""
    files = sorted((BENCH / "data").glob("*/html/*.html"))
    step = max(len(files) // count, 1) if files else 1
    return [
        Page(f"https://bench.example.net/{path.parent.parent.name}/{path.stem}", path.read_bytes())
        for path in files[::step][:count]
    ]


def _http(status: str, content_type: str) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")


def write_warc(path: Path, pages: list[Page], *, noise: bool = True) -> list[int]:
    """Write the pages as HTML response records among other records; return each page record's offset."""
    offsets = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "cleaner tests"}))
        for number, page in enumerate(pages):
            if noise:
                request = writer.create_warc_record(
                    page.url,
                    "request",
                    payload=io.BytesIO(b""),
                    http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True),
                )
                writer.write_record(request)
            offsets.append(handle.tell())
            record = writer.create_warc_record(
                page.url,
                "response",
                payload=io.BytesIO(page.body),
                http_headers=_http("200 OK", "text/html; charset=utf-8"),
                warc_headers_dict={"WARC-Date": FETCHED},
            )
            writer.write_record(record)
            if noise and number % 2 == 0:
                for status, kind, body in (
                    ("200 OK", "image/png", b"\x89PNG\r\n"),
                    ("404 Not Found", "text/html", b"<p>Page not found</p>"),
                    ("301 Moved Permanently", "text/html", b""),
                ):
                    writer.write_record(
                        writer.create_warc_record(
                            page.url + "/x", "response", payload=io.BytesIO(body), http_headers=_http(status, kind)
                        )
                    )
        offsets.append(handle.tell())
    return offsets


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return seed_pages() + bench_pages(6)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_archive_round_trips_to_the_same_articles(tmp_path: Path, pages: list[Page], name: str) -> None:
    archive = tmp_path / name
    write_warc(archive, pages)
    results = list(clean_many(read_warc(archive)))
    assert all(isinstance(result, Cleaned) for result in results), results
    assert [result.url for result in results] == [page.url for page in pages]  # only the 200 HTML pages
    for page, result in zip(pages, results, strict=True):
        assert result.article == clean(page.body, format="html", url=page.url)
        assert result.source == str(archive) and result.id.startswith("<urn:uuid:")


def test_crawl_date_is_kept_as_fetched_not_as_published(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, seed_pages())
    for result in clean_many(read_warc(archive)):
        record = result.to_dict()
        assert record["fetched"] == FETCHED
        assert record["published"] != FETCHED  # seed pages state no date; the crawl date must not stand in


def test_documents_from_path_reads_archives(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, seed_pages()[:2])
    documents = list(documents_from_path(archive))
    assert [document.format for document in documents] == ["html", "html"]
    assert all(document.url.startswith("https://news.example.org/") for document in documents)


def _corrupt(path: Path, offset: int, garbage: bytes) -> None:
    data = bytearray(path.read_bytes())
    data[offset : offset + len(garbage)] = garbage
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_corrupt_record_is_reported_and_skipped(tmp_path: Path, name: str) -> None:
    archive = tmp_path / name
    pages = seed_pages()
    offsets = write_warc(archive, pages, noise=False)
    _corrupt(archive, offsets[2], b"NOT A WARC RECORD")
    results = list(clean_many(read_warc(archive)))
    failures = [result for result in results if isinstance(result, Failure)]
    assert len(failures) == 1
    assert failures[0].id == f"{archive}@{offsets[2]}"
    assert "unreadable WARC record" in failures[0].reason and failures[0].source == str(archive)
    good = [result.url for result in results if isinstance(result, Cleaned)]
    assert good == [page.url for number, page in enumerate(pages) if number != 2]


@pytest.mark.parametrize("digest", [True, False])
def test_a_page_changed_inside_its_block_is_reported_by_its_digest(tmp_path: Path, digest: bool) -> None:
    """An uncompressed archive has no checksum but the records' own digests: a byte changed inside a page
    (its length kept) fails the page's WARC-Block-Digest and the page is reported, the rest read; a page
    whose record states no digest is read as it is."""
    archive = tmp_path / "crawl.warc"
    pages = seed_pages()
    offsets = write_warc(archive, pages, noise=False)
    if not digest:
        data = archive.read_bytes()
        archive.write_bytes(data.replace(b"WARC-Block-Digest: ", b"X-Not-A-Digest-: "))
    data = archive.read_bytes()
    inside = data.index(b"<p>", offsets[2]) + 3
    _corrupt(archive, inside, bytes([data[inside] ^ 0x20]))  # a letter's case changed
    results = list(clean_many(read_warc(archive)))
    failures = [result for result in results if isinstance(result, Failure)]
    good = [result.url for result in results if isinstance(result, Cleaned)]
    if digest:
        assert [
            (failure.id.startswith("<urn:uuid:"), "WARC-Block-Digest" in failure.reason) for failure in failures
        ] == [(True, True)]
        assert good == [page.url for number, page in enumerate(pages) if number != 2]
    else:
        assert failures == [] and good == [page.url for page in pages]


def test_a_response_without_a_target_uri_is_one_failure(tmp_path: Path) -> None:
    """warcio raises AttributeError on a response record without WARC-Target-URI: it was a traceback that
    ended the whole run.  It is a failure for that record, and the records after it are read."""
    archive, pages = _third_record_spoilt(
        tmp_path,
        b"WARC-Target-URI:",
        b"X-Lost-Target-URI:",
        "unreadable WARC record: a response, request or revisit record without a WARC-Target-URI header",
    )
    ran = clean_in_process(archive, "--format", "jsonl", cwd=tmp_path)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert len(ran.stdout.splitlines()) == len(pages) - 1


def test_a_record_without_its_content_length_is_not_called_truncated(tmp_path: Path) -> None:
    """A record of an uncompressed archive whose Content-Length header is lost reads on to the file's end, and was
    reported as "the file ends inside this record (truncated)" although the records after it were then read."""
    _third_record_spoilt(
        tmp_path,
        b"Content-Length:",
        b"Content-Lenxth:",
        "incomplete WARC record: it runs on over the records after it (its Content-Length is missing or wrong)",
    )


def _third_record_spoilt(tmp_path: Path, header: bytes, spoilt: bytes, reason: str) -> tuple[Path, list[Page]]:
    """An uncompressed archive of the seed pages whose third record's ``header`` is renamed ``spoilt``: that record
    is one failure for ``reason`` and every other page is read (the archive and its pages, for more checks)."""
    archive = tmp_path / "crawl.warc"
    pages = seed_pages()
    offsets = write_warc(archive, pages, noise=False)
    data = archive.read_bytes()
    at = data.index(header, offsets[2])
    archive.write_bytes(data[:at] + spoilt + data[at + len(header) :])
    results = list(read_warc(archive))
    assert [result.reason for result in results if isinstance(result, Failure)] == [reason]
    assert [result.url for result in results if not isinstance(result, Failure)] == [
        page.url for number, page in enumerate(pages) if number != 2
    ]
    return archive, pages


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_truncated_archive_is_reported(tmp_path: Path, name: str) -> None:
    archive = tmp_path / name
    pages = seed_pages()
    offsets = write_warc(archive, pages, noise=False)
    archive.write_bytes(archive.read_bytes()[: (offsets[3] + offsets[4]) // 2])
    results = list(read_warc(archive))
    assert [result.url for result in results[:3]] == [page.url for page in pages[:3]]
    assert len(results) == 4 and isinstance(results[3], Failure)
    assert "truncated" in results[3].reason


def test_compressed_payload_and_charset_are_decoded(tmp_path: Path) -> None:
    paragraph = "Ein Bürger äußerte sich über die Straßenbahn und ihre Verspätungen am Morgen."
    text = f"<html><body><p>{paragraph}</p></body></html>"
    archive = tmp_path / "latin.warc.gz"
    with archive.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=iso-8859-1"), ("Content-Encoding", "gzip")],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                "https://de.example/a",
                "response",
                payload=io.BytesIO(gzip.compress(text.encode("latin-1"))),
                http_headers=headers,
            )
        )
    (document,) = read_warc(archive)
    assert document.content == text


def test_unreadable_file_is_one_failure(tmp_path: Path) -> None:
    missing = tmp_path / "gone.warc.gz"
    (failure,) = read_warc(missing)
    assert isinstance(failure, Failure) and failure.id == str(missing) and "cannot read" in failure.reason


def _clean_command(*args: str | Path, cwd: Path) -> Ran:
    """The command, run in this process through ``main(argv)``."""
    return clean_in_process(*args, cwd=cwd)


def test_command_cleans_an_archive_into_json_lines(tmp_path: Path, pages: list[Page]) -> None:
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, pages)
    done = _clean_command(archive, "-o", "out.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    expected = [clean(page.body, format="html", url=page.url).to_dict() for page in pages]
    assert [{key: record[key] for key in expected[0]} for record in records] == expected
    assert {record["source"] for record in records} == {str(archive)}
    assert [record["url"] for record in records] == [page.url for page in pages]
    assert {record["fetched"] for record in records} == {FETCHED}


def test_command_reports_a_corrupt_record_and_writes_the_rest(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    offsets = write_warc(archive, seed_pages(), noise=False)
    _corrupt(archive, offsets[1], b"BROKEN")
    done = _clean_command(archive, "-o", "out.jsonl.gz", cwd=tmp_path)
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith(f"{archive}@{offsets[1]}: error: unreadable WARC record: ")
    records = gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()).decode().splitlines()
    assert len(records) == len(seed_pages()) - 1


def write_wet(path: Path, texts: list[tuple[str, str]]) -> None:
    """A WET file as Common Crawl writes one: a warcinfo record, then one ``conversion`` record of plain text
    (the page's text, UTF-8) per page fetched, referring to its response record."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "cleaner tests", "format": "WET"}))
        for number, (url, text) in enumerate(texts):
            headers = {"WARC-Date": FETCHED, "WARC-Refers-To": f"<urn:uuid:00000000-0000-0000-0000-{number:012}>"}
            record = writer.create_warc_record(
                url,
                "conversion",
                payload=io.BytesIO(text.encode("utf-8")),
                warc_content_type="text/plain",
                warc_headers_dict=headers,
            )
            writer.write_record(record)


def seed_texts() -> list[tuple[str, str]]:
    return [
        (f"https://news.example.org/{path.stem}", path.read_text(encoding="utf-8"))
        for path in sorted(SEEDS.glob("*.txt"))
    ]


@pytest.mark.parametrize("name", ["CC-MAIN-20260105-00000.warc.wet.gz", "crawl.wet"])
def test_a_wet_file_gives_each_page_text(tmp_path: Path, name: str) -> None:
    """Common Crawl's WET files hold each page's text in a ``conversion`` record: each is a text document with
    its URL and crawl date, cleaned as the same text is (a WET file was read as one gzipped article and refused
    as binary data, and a ``.warc.gz`` of conversion records gave no document)."""
    wet = tmp_path / name
    texts = seed_texts()
    write_wet(wet, texts)
    documents = list(documents_from_path(wet))
    assert [(document.format, document.url, document.fetched) for document in documents] == [
        ("text", url, FETCHED) for url, _ in texts
    ]
    done = _clean_command(wet, "-o", "out.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    expected = [clean(text, format="text", url=url).to_dict() for url, text in texts]
    assert [{key: record[key] for key in expected[0]} for record in records] == expected
    assert [record["fetched"] for record in records] == [FETCHED] * len(texts)


def test_an_archive_without_pages_is_named_in_a_note(tmp_path: Path) -> None:
    """A web archive of a PDF, a JSON answer and a robots.txt gave '0 records of 1 JSON Lines/WARC/feed file' and no
    word of why (trial47): one note before the summary names it and says which records are documents, the same
    with any --jobs; an archive with pages is not named; --quiet drops it."""
    empty = tmp_path / "other.warc.gz"
    with empty.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, kind in [("/a.pdf", "application/pdf"), ("/api", "application/json"), ("/robots.txt", "text/plain")]:
            record = writer.create_warc_record(
                f"https://news.example.org{url}",
                "response",
                payload=io.BytesIO(b"x"),
                http_headers=_http("200 OK", kind),
            )
            writer.write_record(record)
    write_warc(tmp_path / "crawl.warc.gz", seed_pages()[:2])
    both = ("other.warc.gz", "crawl.warc.gz", "--format", "jsonl")
    runs = [_clean_command(*both, f"--jobs={jobs}", cwd=tmp_path) for jobs in (1, 2)]
    assert [run.returncode for run in runs] == [0, 0]
    assert runs[0].stderr == runs[1].stderr
    notes = [line for line in runs[0].stderr.splitlines() if line.startswith("clean: ")]
    assert notes == [
        "clean: 1 file held no document to clean: other.warc.gz (a JSON Lines file's are its records; a web "
        "archive's, its HTML pages fetched whole and plain-text conversion records: other records, PDFs, images, "
        "requests, redirects, are skipped)"
    ]
    assert "2 documents read (0 article files, 2 records of 2 JSON Lines/WARC/feed files)" in runs[0].stderr
    quiet = _clean_command("other.warc.gz", "--quiet", cwd=tmp_path)
    assert (quiet.returncode, quiet.stderr) == (0, "")
