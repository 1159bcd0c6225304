"""Pages a browser saved as one file (MHTML, ``.mhtml``/``.mht``) are read as the page they hold.

Read as text, an MHTML file was cleaned into its MIME headers and the page's quoted-printable markup ("=3D" for
every "="); a folder walk skipped the files without a word.  The files here are made as Chromium and Firefox
extensions write them: CRLF lines, the page quoted-printable or base64, an image part after it.
"""

from __future__ import annotations

import base64
import json
import quopri
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import clean, clean_file
from cleaner.corpus.learning import learn_profile
from cleaner.io.mhtml import HEADER_BYTES, is_mhtml, may_be_mhtml, page_of_mhtml
from cleaner.pipeline import document_texts
from tests.clirun import clean_in_process

PROSE = [
    "Die Gemeinde hat am Dienstag beschlossen, dass die Nachtbusse wieder fahren, und die Linie wird von der "
    "Innenstadt bis zum Bahnhof verlängert, damit auch die Pendler aus den Dörfern etwas davon haben.",
    "Der Bürgermeister sagte, die Kosten würden zur Hälfte vom Land getragen, und der Fahrplan gelte ab März für "
    "alle Nächte von Freitag auf Samstag und von Samstag auf Sonntag.",
]
URL = "https://www.example.de/lokales/nachtbusse"


def page(charset: str, head: str = "") -> bytes:
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    return (
        f"<html><head><meta charset='{charset}'>{head}<title>Nachtbusse fahren wieder | Beispiel-Zeitung</title></head>"
        f"<body><nav><a href='/'>Startseite</a> <a href='/lokales'>Lokales</a></nav><article>"
        f"<h1>Nachtbusse fahren wieder</h1>{paragraphs}</article><footer>© 2024 Beispiel-Zeitung</footer></body></html>"
    ).encode(charset)


def mhtml(
    charset: str = "utf-8", transfer: str = "quoted-printable", url: str = URL, html: bytes | None = None
) -> bytes:
    html = html or page(charset)
    body = quopri.encodestring(html) if transfer == "quoted-printable" else base64.encodebytes(html)
    parts = [
        b"From: <Saved by Blink>",
        f"Snapshot-Content-Location: {url}".encode(),
        b"Subject: Nachtbusse fahren wieder | Beispiel-Zeitung",
        b"MIME-Version: 1.0",
        b"Content-Type: multipart/related;",
        b'\ttype="text/html";',
        b'\tboundary="----MultipartBoundary--x1----"',
        b"",
        b"",
        b"------MultipartBoundary--x1----",
        f"Content-Type: text/html; charset={charset}".encode(),
        f"Content-Transfer-Encoding: {transfer}".encode(),
        f"Content-Location: {url}".encode(),
        b"",
        body,
        b"------MultipartBoundary--x1----",
        b"Content-Type: image/png",
        b"Content-Transfer-Encoding: base64",
        b"",
        base64.encodebytes(bytes(range(256))),
        b"------MultipartBoundary--x1------",
        b"",
    ]
    return b"\r\n".join(parts)


@pytest.mark.parametrize(("charset", "transfer"), [("utf-8", "quoted-printable"), ("windows-1252", "base64")])
def test_an_mhtml_file_is_read_as_its_page(charset: str, transfer: str) -> None:
    raw = mhtml(charset, transfer)
    saved = page_of_mhtml(raw)
    assert saved is not None
    assert (saved.html, saved.charset) == (page(charset), charset)
    article = clean(raw)
    assert article.title == "Nachtbusse fahren wieder"
    assert [block.text for block in article.blocks] == PROSE


def test_an_mhtml_text_is_read_as_its_bytes_are() -> None:
    assert [block.text for block in clean(mhtml().decode("ascii")).blocks] == PROSE


@pytest.mark.parametrize("as_text", [False, True], ids=["bytes", "str"])
@pytest.mark.parametrize("spelling", [b"MULTIPART/RELATED", b"Multipart/Related", b"multipart/RELATED"])
def test_the_content_type_is_read_in_any_case(spelling: bytes, as_text: bool) -> None:
    """MIME types are caseless (RFC 2045): a file whose header says ``MULTIPART/RELATED`` is a saved page, given as
    bytes or as a text (whose test asked for the lower-case spelling and read such a file as text)."""
    raw = mhtml().replace(b"multipart/related", spelling)
    assert spelling in raw
    article = clean(raw.decode("ascii") if as_text else raw)
    assert [block.text for block in article.blocks] == PROSE


DATED = "https://www.example.de/lokales/2024/03/05/nachtbusse"


def test_the_saved_address_is_the_page_url() -> None:
    """A page saved as MHTML names its address in ``Content-Location``: where the page states no URL it is the
    article's ``url``, and what is read from a page's URL (the site's name, a date in its path) is read from it, as
    from the same page with a canonical link."""
    linked = clean(page("utf-8", f"<link rel='canonical' href='{DATED}'>"))
    saved = clean(mhtml(url=DATED))
    assert linked.url == saved.url == DATED
    assert saved.published == linked.published == "2024-03-05"
    assert saved.site_name == linked.site_name == "example.de"
    assert saved.to_dict()["sources"]["url"] == "page"


def test_the_page_and_the_caller_name_the_url_first() -> None:
    """The saved address stands for the page's own URL only where it states none: its canonical link wins, and
    the url the caller gives wins over both."""
    stated = page("utf-8", "<link rel='canonical' href='https://www.example.de/lokales/nachtbusse-fahren'>")
    assert clean(mhtml(html=stated)).url == "https://www.example.de/lokales/nachtbusse-fahren"
    assert clean(mhtml(), url="https://mirror.example.org/a").url == "https://mirror.example.org/a"


@pytest.mark.parametrize("location", ["cid:frame-1@mhtml.blink", "file:///home/user/page.html", "about:blank"])
def test_a_location_that_is_no_web_address_is_no_url(location: str) -> None:
    raw = mhtml(url=location)
    saved = page_of_mhtml(raw)
    assert saved is not None and saved.location is None
    assert clean(raw).url is None


def test_the_file_s_address_stands_in_for_the_part_s() -> None:
    """Chromium names the address in the file's ``Snapshot-Content-Location`` too; a part without its own gives it."""
    raw = mhtml().replace(f"Content-Location: {URL}\r\n\r\n".encode(), b"\r\n")
    assert f"\nContent-Location: {URL}".encode() not in raw
    saved = page_of_mhtml(raw)
    assert saved is not None and saved.location == URL


def test_saved_pages_are_keyed_to_their_site() -> None:
    """Learning keys a document to its URL's site: a saved page's address gives it one, as a record's url does."""
    assert document_texts(mhtml())[1] == URL
    assert document_texts(mhtml().decode("ascii"), format="text")[1] == URL
    assert set(learn_profile([mhtml(), mhtml(url="https://news.example.com/a")]).sites) == {
        "example.de",
        "news.example.com",
    }
    assert clean(mhtml(), format="text").url == URL


@pytest.mark.parametrize("suffix", [".mhtml", ".mht", ".MHTML"])
def test_a_folder_walk_takes_mhtml_files(suffix: str, tmp_path: Path) -> None:
    corpus = tmp_path / "saved"
    corpus.mkdir()
    (corpus / f"story{suffix}").write_bytes(mhtml())
    result = clean_in_process("saved", "-o", "out", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (written,) = (tmp_path / "out").iterdir()
    assert json.loads(written.read_text("utf-8"))["text"] == "\n\n".join(PROSE)
    assert [block.text for block in clean_file(corpus / f"story{suffix}").blocks] == PROSE


@pytest.mark.parametrize(
    "raw",
    [
        # an e-mail: MIME too, but no saved page
        b"From: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n",
        # a text that quotes the header in its prose
        b"Content-Type: multipart/related is the MIME type an MHTML file declares.\r\n\r\nMIME-Version: 1.0 too.\r\n",
        # headers of a related message that holds no page
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: image/png\r\n\r\nx",
    ],
    ids=["e-mail", "prose", "no page"],
)
def test_other_texts_are_no_saved_page(raw: bytes) -> None:
    assert page_of_mhtml(raw) is None


def _is_mhtml_by_definition(raw: bytes) -> bool:
    """``is_mhtml`` as its docstring states it: the header block up to the first blank line, every line a header
    line, one declaring MIME-Version and one a multipart/related content type."""
    start = raw[:HEADER_BYTES].lstrip(b"\r\n")
    blank = re.search(rb"\r?\n\r?\n", start)
    if blank is None:
        return False
    header = start[: blank.start()]
    lines = header.splitlines()
    declares = re.search(rb"^mime-version:", header, re.I | re.M) and re.search(
        rb"^content-type:\s*multipart/related", header, re.I | re.M
    )
    return bool(declares) and all(re.fullmatch(rb"[!-9;-~]+:[^\r\n]*|[ \t][^\r\n]*", line) for line in lines)


_LINES = [b"MIME-Version: 1.0", b"Content-Type: multipart/related; boundary=x", b"X-Id: 1", b" folded on", b"\tfolded"]
_LINES += [b"Hello world", b":", b"a", b"", b"\xff", b"mime-version:", b"content-type: multipart/related", b"Note:x\ty"]


@settings(max_examples=500, deadline=None)
@example([(_LINES[3], b"\n"), (_LINES[0], b"\n"), (_LINES[1], b"\r\n"), (b"", b"\r\n")])  # a folded line first
@example([(_LINES[0], b"\r"), (_LINES[1], b"\n"), (b"", b"\n"), (_LINES[5], b"")])
@given(st.lists(st.tuples(st.sampled_from(_LINES), st.sampled_from([b"\n", b"\r\n", b"\r", b""])), max_size=8))
def test_is_mhtml_asks_the_first_line_first_with_the_same_answers(lines: list[tuple[bytes, bytes]]) -> None:
    """The first line is tested before the header block is searched (a text's first line is seldom a header line:
    most documents are refused there): the answers are those of the whole test."""
    pieces = [line + end for line, end in lines]
    raw = b"".join(pieces)
    assert is_mhtml(raw) == _is_mhtml_by_definition(raw)
    assert is_mhtml(mhtml()) and _is_mhtml_by_definition(mhtml())
    text = raw.decode("utf-8", "replace")
    assert may_be_mhtml(text) or not is_mhtml(text.encode("utf-8"))  # the text's prefilter never refuses a file
