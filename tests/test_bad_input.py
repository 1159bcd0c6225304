"""Bad input never stops a run, never eats memory and never talks garbage (issue 11, cases 4, 5, 9, 10).

Each case runs the real code path on real files: the command (in this process), ``clean learn``,
``clean_many`` over the JSON Lines reader, ``clean_partition``, and ``clean`` on HTML pages.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import tracemalloc
from pathlib import Path

import pytest
from clirun import clean_in_process as clean_command
from clirun import clean_subprocess

from cleaner import Config, clean, clean_many
from cleaner.config import find_config
from cleaner.errors import CleanError
from cleaner.io.jsonl import read_documents
from cleaner.pipeline import document_texts, read_document
from cleaner.run.dask import clean_partition
from cleaner.sites.profile import Profile
from cleaner.sites.store import load_profile

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BAD_LINES = {
    "nesting": "[" * 100_000,
    "huge number": '{"text": ' + "9" * 5000 + "}",
    "lone surrogate": '{"text": "a \\ud800 b"}',
    "not an object": "[1, 2]",
    "no content": '{"title": "nothing else"}',
}


def good_line(number: int) -> str:
    return json.dumps({"id": f"good-{number}", "text": SEEDS[number].read_text(encoding="utf-8")})


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A JSON Lines file: a good record, every kind of bad one, another good record."""
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join([good_line(0), *BAD_LINES.values(), good_line(1)]) + "\n", encoding="utf-8")
    return path


def test_bad_records_are_failures_and_the_stream_goes_on(records: Path) -> None:
    results = list(clean_many(read_documents(records)))
    assert [result.ok for result in results] == [True, False, False, False, False, False, True]
    reasons = [result.reason for result in results[1:-1]]  # type: ignore[union-attr]
    assert reasons[0] == "not valid JSON: nested too deeply"
    assert reasons[1].startswith("not valid JSON: Exceeds the limit (4300 digits)")
    assert reasons[2] == "not valid Unicode: its content holds a lone surrogate \\ud800"
    assert [result.id for result in results[1:-1]] == [f"{records}:{line}" for line in range(2, 7)]


def test_the_command_writes_every_good_record(records: Path, tmp_path: Path) -> None:
    result = clean_command(records, "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    written = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in written] == ["good-0", "good-1"]
    assert len([line for line in result.stderr.splitlines() if ": error: " in line]) == 5
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith("7 documents read (0 article files, 7 records of 1 JSON Lines/WARC/feed file): ")
    assert ", 5 failed;" in summary


def test_clean_learn_counts_the_good_records(records: Path, tmp_path: Path) -> None:
    result = clean_command("learn", records, "-o", "profile.json", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "(0 read now, 5 failed)" not in result.stderr and "(2 read now, 5 failed)" in result.stderr


def test_clean_learn_names_a_failed_records_file_as_clean_does(tmp_path: Path) -> None:
    """``clean learn crawl.jsonl`` printed a failed record with an id of its own as ``a: error: ...``, without its
    file; ``clean`` prints ``crawl.jsonl: a: error: ...``: the same lines now, for the same records."""
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join([good_line(0), json.dumps({"id": "a", "text": ""}), good_line(1)]) + "\n")
    errors = [
        [line for line in clean_command(*command, cwd=tmp_path).stderr.splitlines() if ": error: " in line]
        for command in (("learn", "crawl.jsonl", "-o", "profile.json"), ("crawl.jsonl", "-o", "out.jsonl"))
    ]
    assert errors[0] == errors[1] == ["crawl.jsonl: a: error: empty: the document has no text"], errors


def test_clean_partition_gives_failure_records(records: Path) -> None:
    out = clean_partition([str(records)])
    assert [("error" in record) for record in out] == [False, True, True, True, True, True, False]


def test_a_record_over_max_bytes_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl.gz"
    huge = '{"text": "' + "a" * 30_000_000 + '"}'
    path.write_bytes(gzip.compress(f"{good_line(0)}\n{huge}\n{good_line(1)}\n".encode(), compresslevel=1))
    tracemalloc.start()
    results = list(read_documents(path, max_bytes=100_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [type(result).__name__ for result in results] == ["Document", "Failure", "Document"]
    assert results[1].reason == "record too large: over 100000 bytes (max_bytes); skipped"  # type: ignore[union-attr]
    assert peak < 5_000_000, f"reading held {peak:,} bytes"
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner]\nmax_bytes = 100000\n")
    command = clean_command(path, "-o", "out.jsonl", cwd=tmp_path)
    assert command.returncode == 2 and f"{path}:2: error: record too large" in command.stderr


# ----------------------------------------------------------------------------- 9. large and deep HTML

PARAGRAPH = "<p>Paragraph {n} of the story, long enough to be read as prose by anyone who reads it.</p>"


def test_deep_html_is_read_whole_or_refused() -> None:
    body = "".join(PARAGRAPH.format(n=n) for n in range(6))
    deep = f"<html><head><title>Deep</title></head><body>{'<div>' * 600}{body}{'</div>' * 600}</body></html>"
    assert len(clean(deep, format="html").blocks) == 6  # deeper than libxml2's default 256 levels
    deeper = deep.replace("<div>" * 600, "<div>" * 3000).replace("</div>" * 600, "</div>" * 3000)
    with pytest.raises(CleanError, match="deeper than the HTML parser can read"):
        clean(deeper, format="html")


def test_a_page_with_many_elements_keeps_its_article() -> None:
    links = "".join(f"<li><a href='/{n}'>Link {n}</a></li>" for n in range(16_000))  # 32,000 elements
    body = "".join(PARAGRAPH.format(n=n) for n in range(6))
    page = f"<html><head><title>Many</title></head><body><ul>{links}</ul><article>{body}</article></body></html>"
    article = clean(page, format="html")
    assert [block.text for block in article.blocks][-1].startswith("Paragraph 5 of the story")


# ----------------------------------------------------------------------------- 10. the smaller ones


def test_names_with_control_characters_are_escaped(tmp_path: Path) -> None:
    (tmp_path / "evil\x1b[31m.txt").write_bytes(b"")
    lines = tmp_path / "ids.jsonl"
    lines.write_text(json.dumps({"id": "rec\x1b]0;pwned\x07", "text": " "}) + "\n", encoding="utf-8")
    result = clean_command("evil\x1b[31m.txt", lines, "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "evil\\x1b[31m.txt: error: empty" in result.stderr
    assert "rec\\x1b]0;pwned\\x07: error: empty" in result.stderr


def test_diff_headers_escape_names_too(tmp_path: Path) -> None:
    """--diff is read in a terminal as much as the error lines are: a name's escape sequence or newline
    must neither reach it nor split the header line."""
    for name in ("evil\x1b[31m.txt", "two\nlines.txt"):
        (tmp_path / name).write_bytes(SEEDS[1].read_bytes())
    result = clean_command("--diff", "evil\x1b[31m.txt", "two\nlines.txt", cwd=tmp_path)
    headers = [line for line in result.stdout.splitlines() if line.startswith(("--- ", "+++ "))]
    assert result.returncode == 1 and "\x1b" not in result.stdout
    assert headers == [
        "--- evil\\x1b[31m.txt\t(original)",
        "+++ evil\\x1b[31m.txt\t(cleaned)",
        "--- two\\nlines.txt\t(original)",
        "+++ two\\nlines.txt\t(cleaned)",
    ]


PROSE = "<p>" + "A long paragraph of article text about the harbour and the town council meeting. " * 5 + "</p>"


def _page_with_headline(escaped: str) -> str:
    ld = f'{{"@type": "NewsArticle", "headline": "{escaped}", "datePublished": "2024-01-05"}}'
    head = f'<head><script type="application/ld+json">{ld}</script></head>'
    return f"<html>{head}<body><article>{PROSE * 3}</article></body></html>"


def test_a_lone_surrogate_escape_in_json_ld_is_read_as_a_replacement_character(tmp_path: Path) -> None:
    """JSON allows "\\ud800"; a page whose JSON-LD headline holds one (a generator cut an emoji in two) gave
    a title no UTF-8 output holds, and the command stopped with a traceback at writing it, losing the
    whole JSON Lines file.  A valid pair stays the character it encodes."""
    assert clean(_page_with_headline("Harbour \\ud800 news")).title == "Harbour \ufffd news"
    assert clean(_page_with_headline("Harbour \\ud83d\\ude00 news")).title == "Harbour \U0001f600 news"
    (tmp_path / "page.html").write_text(_page_with_headline("Harbour \\udfff news"), encoding="utf-8")
    ran = clean_command("page.html", "-o", "all.jsonl", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert json.loads((tmp_path / "all.jsonl").read_text(encoding="utf-8"))["title"] == "Harbour \ufffd news"


def test_a_url_that_cannot_be_split_costs_its_host_not_the_document(tmp_path: Path) -> None:
    """urlsplit raises ValueError on 'http://[::1' (an unclosed IPv6 bracket): a page whose og:url or headline
    link was one, or a record or caller giving one, failed as 'internal error: ValueError: Invalid IPv6 URL'."""
    head = '<head><title>Harbour news</title><meta property="og:url" content="http://[::1/story"></head>'
    headline = '<h1><a href="http://[x/">Harbour news</a></h1>'
    page = f"<html>{head}<body><article>{headline}{PROSE * 3}</article></body></html>"
    article = clean(page)
    assert (article.title, article.url, article.site_name) == ("Harbour news", "http://[::1/story", None)
    assert clean(SEEDS[0].read_bytes(), url="https://[x", profile=Profile()).url == "https://[x"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    ran = clean_command("page.html", "-o", "out", "--report", "report.html", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr


def test_a_text_file_named_warc_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "notes.warc").write_bytes(SEEDS[0].read_bytes())
    result = clean_command("notes.warc", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "notes.warc: error: not a WARC file: it does not start with a WARC/1.x record (or an ARC header)"
    )
    assert len(result.stderr.splitlines()) == 2  # the error and the summary


def test_a_compressed_article_is_said_to_be_compressed(tmp_path: Path) -> None:
    """A crawler's compressed page (gzip, bzip2, xz, a zip) was refused as "binary data (NUL bytes), not text",
    which says nothing of what to do; now the refusal of one given by content names the compression and the command
    that undoes it, in ``clean``, in a stream and in ``clean -``.  Text that only opens with the same letters is still
    text.  (A file is read decompressed, whether its name says it is compressed, ``page.html.gz``, since robust52,
    or not, a gzipped ``page.html``, since robust53, and a zip file is said to be an archive to unpack:
    tests/test_compressed.py, tests/test_plain_compressed.py.)"""
    import bz2
    import lzma

    page = f"<html><body><p>{SEEDS[0].read_text(encoding='utf-8')}</p></body></html>".encode()
    piped = clean_command("-", cwd=tmp_path, stdin=lzma.compress(page))
    assert piped.returncode == 2
    assert piped.stderr.splitlines()[0] == "-: error: compressed data (xz), not text: decompress it first (unxz)"
    with pytest.raises(CleanError, match=r"^compressed data \(gzip\)"):
        clean(gzip.compress(page))
    failure = next(iter(clean_many([bz2.compress(page)])))
    assert not failure.ok and failure.reason.startswith("compressed data (bzip2)")
    assert clean(b"BZh is how the format opens; this line says so in plain words.").text.startswith("BZh")


def test_deeply_nested_json_ld_is_ignored_not_a_crash() -> None:
    nested = '{"@type": "NewsArticle", "headline": "Deep", "about": ' + "[" * 100_000 + "]" * 100_000 + "}"
    body = "".join(PARAGRAPH.format(n=n) for n in range(6))
    page = (
        f'<html><head><script type="application/ld+json">{nested}</script><title>A title</title></head>'
        f"<body><article>{body}</article></body></html>"
    )
    article = clean(page, format="html")
    assert article.title == "A title" and len(article.blocks) == 6


def test_the_configuration_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner]\nmax_bytes = 10\n")
    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    assert find_config(repo / "articles") == Config()
    assert find_config(tmp_path / "elsewhere").max_bytes == 10  # outside a repository it is found
    (repo / "articles" / "story.txt").write_bytes(SEEDS[0].read_bytes())
    assert clean_command("articles/story.txt", "--quiet", cwd=repo).returncode == 0


def test_clean_learn_escapes_names_too(tmp_path: Path) -> None:
    (tmp_path / "evil\x1b[2J.txt").write_bytes(b"")
    result = clean_command("learn", "evil\x1b[2J.txt", "-o", "profile.json", cwd=tmp_path)
    assert result.returncode == 2 and "\x1b" not in result.stderr
    assert "evil\\x1b[2J.txt: error: empty" in result.stderr


def test_clean_learn_writes_a_site_named_for_a_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    """A site is named for its folder when no URL says otherwise: ``clean learn`` stopped with a
    ``UnicodeEncodeError`` traceback writing the profile of a folder named ``s\\xe9`` (Latin-1, as old archives
    hold).  The name is written with JSON's escape and reads back as the folder's name, which cleaning looks up."""
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/corpus/s\xe9"))
    folder.mkdir(parents=True)
    for number, seed in enumerate(SEEDS[:4]):
        (folder / f"{number}.txt").write_bytes(seed.read_bytes())
    result = clean_command("learn", "corpus", "-o", "profile.json", cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert list(load_profile(tmp_path / "profile.json").sites) == [folder.name]
    assert "s\\udce9" in (tmp_path / "profile.json").read_text(encoding="utf-8")


def test_a_page_readability_cannot_parse_prints_no_traceback(tmp_path: Path) -> None:
    """readability-lxml logs the error it raises (``error getting summary:`` and a traceback) before the
    cleaner catches it; with no logging set up, Python's last-resort handler printed it on the command's
    standard error for a page with a form feed before a ``<base href>``.  The page is cleaned, silently."""
    prose = "A long paragraph of article text about the harbour and the council. " * 5
    page = f'<html><body><p>{prose}</p><p>Note:\x0c<base href="/">end</p></body></html>'
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    result = clean_subprocess("page.html", "-o", "page.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "error getting summary" not in result.stderr
    # the summary line, after the warning that the article has no body (its prose is left outside the main content)
    lines = result.stderr.splitlines()
    assert lines[:-1] == ["page.html: warning: no article text found; written with an empty body"], lines


def test_a_nul_is_binary_data_in_a_record_as_in_a_file(tmp_path: Path) -> None:
    """A file holding a NUL in its first 8 KB was refused as binary data, while a JSON Lines record (or a ``str``
    given to ``clean``) holding ``"\\u0000"`` there was cleaned, the NUL dropped: the same text got two answers.
    Both are refused now, with the same line, and the stream goes on.  Past the first 8 KB a NUL is dropped from
    both, as before (a tfeval page holds one deep in its markup, and keeps its article)."""
    article = SEEDS[2].read_text(encoding="utf-8")
    held = article.replace(". ", ".\x00 ", 1)
    message = "binary data (NUL bytes), not text"
    for document in (held, held.encode()):
        with pytest.raises(CleanError, match=re.escape(message)):
            clean(document)
    late = article + "\n\n" + "A line of filler text.\n\n" * 400 + "The last\x00 line.\n"
    assert clean(late).to_dict() == clean(late.encode()).to_dict()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "held.txt").write_text(held, encoding="utf-8")
    records = [{"id": "held", "text": held}, {"id": "good", "text": article}]
    (tmp_path / "in" / "crawl.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    ran = clean_command("in/held.txt", "in/crawl.jsonl", "-o", "out.jsonl", "--jobs", "1", cwd=tmp_path)
    errors = sorted(line for line in ran.stderr.splitlines() if ": error: " in line)
    assert errors == [f"in/crawl.jsonl: held: error: {message}", f"in/held.txt: error: {message}"], ran.stderr
    assert [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()] == ["good"]


def test_a_nul_behind_a_byte_order_mark_is_binary_data_as_without_one(tmp_path: Path) -> None:
    """Bytes that start with a byte-order mark were decoded without the NUL check: ``clean`` caught the NUL in the
    decoded text, but reading a document for learning did not, so ``clean learn`` learned from a binary file saved
    with a UTF-8 BOM and refused the same file without one.  Each reader now refuses both, with the same line."""
    held = SEEDS[2].read_bytes().replace(b". ", b".\x00 ", 1)
    message = "binary data (NUL bytes), not text"
    for document in (held, b"\xef\xbb\xbf" + held, b"\xff\xfe" + held.decode().encode("utf-16-le")):
        for read in (clean, read_document, document_texts):
            with pytest.raises(CleanError, match=re.escape(message)):
                read(document)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plain.txt").write_bytes(held)
    (tmp_path / "in" / "bom.txt").write_bytes(b"\xef\xbb\xbf" + held)
    (tmp_path / "in" / "good.txt").write_bytes(SEEDS[2].read_bytes())
    ran = clean_command("learn", "in", cwd=tmp_path)
    errors = sorted(line for line in ran.stderr.splitlines() if ": error: " in line)
    assert errors == [f"in/bom.txt: error: {message}", f"in/plain.txt: error: {message}"], ran.stderr


def test_bad_json_is_placed_within_its_line(tmp_path: Path) -> None:
    """A record cut in the middle of a file was reported as ``crawl.jsonl:5: error: not valid JSON: Expecting
    value: line 2 column 1 (char 23)``: ``json`` counted the line's newline as a second line, so the message
    pointed at another record of the file.  It now says where in the line the JSON goes wrong."""
    path = tmp_path / "crawl.jsonl"
    path.write_text(
        "\n".join([good_line(0), '{"id": "cut", "text": ', '{"id": "x", "text": "a" "b"}', good_line(1)]) + "\n"
    )
    results = list(clean_many(read_documents(path)))
    assert [result.ok for result in results] == [True, False, False, True]
    assert [result.reason for result in results[1:3]] == [  # type: ignore[union-attr]
        "not valid JSON: Expecting value at the end of the line",
        "not valid JSON: Expecting ',' delimiter at character 25 of the line",
    ]


def test_a_jsons_own_at_is_not_said_twice(tmp_path: Path) -> None:
    """``json``'s "Unterminated string starting at" and "Invalid control character at" were followed by the
    place, "at character 20 of the line": "starting at at character 20" until users55.  Through the command, on a
    file cut inside its last record's string, and a record holding a raw tab."""
    (tmp_path / "crawl.jsonl").write_text(good_line(0) + '\n{"id": "tab", "text": "a\tb"}\n{"id": "cut", "text": "abc')
    ran = clean_command("crawl.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert ran.returncode == 2
    assert [line for line in ran.stderr.splitlines() if ": error: " in line] == [
        "crawl.jsonl:2: error: not valid JSON: Invalid control character at character 25 of the line",
        "crawl.jsonl:3: error: not valid JSON (the file ends inside this line: truncated?): Unterminated string "
        "starting at character 23 of the line",
    ]


def test_a_utf16_json_lines_file_is_one_clear_failure(tmp_path: Path) -> None:
    """A JSON Lines file saved in UTF-16 (PowerShell's ``Out-File`` writes it so) was split at the byte 0x0A inside
    its characters: the first record failed as "'utf-16-le' codec can't decode byte 0x0a", the next read by
    chance as UTF-16-BE, the last as bad JSON.  It is one failure saying what the file is."""
    path = tmp_path / "crawl.jsonl"
    path.write_bytes(("\n".join([good_line(0), good_line(1)]) + "\n").encode("utf-16"))
    results = list(read_documents(path))
    assert [(result.id, result.reason) for result in results] == [  # type: ignore[union-attr]
        (
            str(path),
            "written in UTF-16 (it starts with its byte order mark): JSON Lines are UTF-8; convert it "
            "(iconv -f UTF-16 -t UTF-8)",
        )
    ]


def test_a_json_lines_record_that_is_not_utf8_is_one_failure_saying_so(tmp_path: Path) -> None:
    """A line in Latin-1, or opening with the bytes FF FE, among UTF-8 lines: ``json.loads`` of its bytes guessed
    UTF-16 for the second and failed in a codec's words ("'utf-16-le' codec can't decode byte 0x0a in position 12").
    Now each is one failure naming the byte, and the records around them are read."""
    path = tmp_path / "crawl.jsonl"
    lines = [
        good_line(0).encode(),
        b"\xff\xfe garbage",
        '{"id": "x", "text": "caf\xe9"}'.encode("latin-1"),
        good_line(1).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    results = list(read_documents(path))
    assert [getattr(result, "reason", "") for result in results] == [
        "",
        "not valid JSON: not UTF-8: byte 0xff at byte 1 of the line",
        "not valid JSON: not UTF-8: byte 0xe9 at byte 25 of the line",
        "",
    ]
