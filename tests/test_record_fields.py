"""A JSON Lines record's ``url`` that is not a string is refused for that record, never made into one.

A number or a list turned into a string would pass for the page's address (its site, its metadata);
the record fails with one line naming the file, the line and the field, and the stream goes on.
``null`` (or ``""``) is no URL, as a missing key is.  A record's ``format`` field is checked the same way and said
in the same words (it kept the library's ``unknown format None``, a Python word for JSON's ``null``).
"""

from __future__ import annotations

import json
from pathlib import Path

from clirun import clean_in_process as clean_command

from cleaner import clean_many
from cleaner.io.jsonl import read_documents

ROOT = Path(__file__).resolve().parent.parent
TEXT = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
RECORDS = [
    {"id": "number", "text": TEXT, "url": 5},
    {"id": "list", "text": TEXT, "url": ["https://a.example/x"]},
    {"id": "null", "text": TEXT, "url": None},
    {"id": "good", "text": TEXT, "url": "https://news.example.org/a"},
    {"id": "nested", "text": TEXT, "metadata": {"url": 7}},
    {"id": "boolean", "text": TEXT, "url": False},
]


def write_records(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in RECORDS), encoding="utf-8")
    return path


def test_a_url_that_is_not_a_string_fails_its_record_only(tmp_path: Path) -> None:
    path = write_records(tmp_path)
    results = list(clean_many(read_documents(path)))
    assert [result.ok for result in results] == [False, False, True, True, False, False]
    assert results[0].reason == "'url' must be a string, not a number (5); record skipped"  # type: ignore[union-attr]
    assert results[1].reason.startswith("'url' must be a string, not a list")  # type: ignore[union-attr]
    assert results[4].reason.startswith("'metadata.url' must be a string, not a number")  # type: ignore[union-attr]
    assert results[5].reason.startswith("'url' must be a string, not a boolean")  # type: ignore[union-attr]
    assert [result.id for result in results] == [f"{path}:1", f"{path}:2", "null", "good", f"{path}:5", f"{path}:6"]
    assert results[2].url is None and results[3].url == "https://news.example.org/a"  # type: ignore[union-attr]


def test_the_command_names_the_file_the_line_and_the_field(tmp_path: Path) -> None:
    write_records(tmp_path)
    result = clean_command("crawl.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "crawl.jsonl:1: error: 'url' must be a string, not a number (5); record skipped" in result.stderr
    assert "crawl.jsonl:5: error: 'metadata.url' must be a string" in result.stderr
    written = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in written] == ["null", "good"]


def test_mappings_given_to_clean_many_are_checked_the_same_way() -> None:
    results = list(clean_many([{"text": TEXT, "url": 12}, {"text": TEXT}]))
    assert [result.ok for result in results] == [False, True]
    assert "'url' must be a string, not a number (12)" in results[0].reason  # type: ignore[union-attr]


def test_a_records_format_is_refused_in_the_words_of_its_other_fields(tmp_path: Path) -> None:
    """A ``format`` that is none of the four fails its record naming the field, in JSON's words, as ``url`` does;
    ``null`` is no format (``auto``), as a ``null`` url is no URL."""
    records = [
        {"id": "htm", "content": TEXT, "format": "htm"},
        {"id": "number", "content": TEXT, "format": 3},
        {"id": "null", "content": TEXT, "format": None},
        {"id": "text", "content": TEXT, "format": "text"},
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    results = list(clean_many(read_documents(path)))
    choices = "auto, text, html, markdown"
    assert [result.ok for result in results] == [False, False, True, True]
    assert results[0].reason == f"'format' must be one of {choices}, not 'htm'; record skipped"  # type: ignore[union-attr]
    assert results[1].reason == f"'format' must be one of {choices}, not a number (3); record skipped"  # type: ignore[union-attr]
    assert results[2].to_dict()["text"] == results[3].to_dict()["text"]
    result = clean_command("crawl.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert f"crawl.jsonl:1: error: 'format' must be one of {choices}, not 'htm'; record skipped" in result.stderr


def test_a_crawl_date_that_is_not_a_string_fails_its_record_the_same_way() -> None:
    """``"date": 5`` was carried on as ``fetched: "5"`` (and an object as its Python repr) while ``"url": 5`` failed
    the record: a crawl date is a string, or absent; anything else fails its record naming the field."""
    records = [
        {"id": "number", "text": TEXT, "date": 5},
        {"id": "object", "text": TEXT, "fetched": {"at": "2024-01-05"}},
        {"id": "nested", "text": TEXT, "metadata": {"date": [2024, 1, 5]}},
        {"id": "good", "text": TEXT, "date": "2024-01-05T06:48:00Z"},
        {"id": "null", "text": TEXT, "date": None, "metadata": {"date": "2024-01-06"}},
    ]
    results = list(clean_many(records))
    assert [result.ok for result in results] == [False, False, False, True, True]
    assert results[0].reason == "'date' must be a string, not a number (5); record skipped"  # type: ignore[union-attr]
    assert results[1].reason.startswith("'fetched' must be a string, not an object")  # type: ignore[union-attr]
    assert results[2].reason.startswith("'metadata.date' must be a string, not a list")  # type: ignore[union-attr]
    assert [result.fetched for result in results[3:]] == ["2024-01-05T06:48:00Z", "2024-01-06"]  # type: ignore[union-attr]
