"""The tool's own output records read back as input: a ``--format json`` file, a ``--format jsonl`` line.

A record of ``clean`` (``Article.to_dict()`` with ``source``, docs/schema.md) holds the article's metadata and
its body blocks.  Cleaning it again reads it as what it stands for, the article in its canonical Markdown form
(docs/canonical-form.md): front matter with the record's title, subtitle, authors, dates, language and URL,
then its blocks with their kinds.  So the metadata is kept and cleaning a record again changes nothing, as
cleaning an ``md`` output again does.  (Read as a JSON Lines record's ``text``, the article lost its metadata;
read as a file's text, its JSON syntax became the body.)  A failure record (``{"id", "source", "error"}``)
holds no article: it is refused naming its error, and so are JSON Lines and one crawl record given as a
document (``zcat crawl.jsonl.gz | clean -``), which were cleaned as an article whose paragraphs were JSON.

A record is told by its keys: ``blocks`` (a list), ``text`` (a string) and ``removed`` (a list) together, which
no crawl record and no article's text carries.  This module does NOT clean anything; the audit trail a record
holds is not read (the cleaning writes its own).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from cleaner.io.markdown import KEYS, LIST_KEYS, render_markdown
from cleaner.model import Article, BodyBlock, Kind, Metadata


class RecordError(ValueError):
    """A record of the tool's own that cannot be read back (a failure record, a malformed field)."""


def is_own_record(record: Mapping[str, Any]) -> bool:
    """Whether a JSON object is an article record ``clean`` wrote."""
    return (
        isinstance(record.get("blocks"), list)
        and isinstance(record.get("text"), str)
        and isinstance(record.get("removed"), list)
    )


def is_failure_record(record: Mapping[str, Any]) -> bool:
    """Whether a JSON object is the failure record ``clean`` writes for a document it could not clean."""
    return isinstance(record.get("error"), str) and set(record) <= {"id", "source", "error"}


def record_markdown(record: Mapping[str, Any]) -> str:
    """The article a record stands for, in the canonical Markdown form; ``RecordError`` where a field is wrong."""
    values: dict[str, Any] = {}
    for key in KEYS:
        value = record.get(key)
        if key in LIST_KEYS:
            value = [] if value is None else value
            if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
                raise RecordError(f"an article record's {key!r} must be a list of strings")
            values[key] = tuple(value)
        elif value is not None and not isinstance(value, str):
            raise RecordError(f"an article record's {key!r} must be a string or null")
        else:
            values[key] = value or None
    blocks = tuple(_block(item) for item in record["blocks"])
    return render_markdown(Article(Metadata(**values), blocks))


def _block(item: object) -> BodyBlock:
    if not isinstance(item, Mapping) or not isinstance(item.get("text"), str):
        raise RecordError("an article record's block must be an object with a 'text' string")
    try:
        kind = Kind(item.get("kind", "paragraph"))
    except ValueError:
        raise RecordError(f"an article record's block has an unknown kind {item.get('kind')!r}") from None
    return BodyBlock(kind, item["text"])


CONTENT_KEYS = ("html", "text", "markdown", "content")  # where a crawl record holds its document (io.records)
WAYS = "clean FILE.jsonl -o OUT.jsonl, or cleaner.clean_many"  # how records are cleaned, said when refused
JSON_LINES = (
    f"JSON Lines (a JSON object a line): many documents, not one article; clean them as records: {WAYS}(records)"
)
ONE_RECORD = f"a JSON record, its document under a key, not an article's text; clean it as one: {WAYS}([record])"


def own_record_text(text: str) -> str | None:
    """The canonical Markdown of a text that is one article record (a ``--format json`` output), else None.

    ``RecordError`` for a failure record or a malformed article record: neither is an article's text; nor are
    JSON Lines or one crawl record (``_records``), which were cleaned as an article whose paragraphs were JSON.
    """
    if not text.lstrip().startswith("{"):
        return None
    if reason := _records(text):
        raise RecordError(reason)
    if '"removed"' not in text and '"error"' not in text:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    if is_failure_record(data):
        raise RecordError(f"a failure record of clean, no article: {data['error']}")
    return record_markdown(data) if is_own_record(data) else None


def _records(text: str) -> str:
    """Why a text of JSON objects is no article, or ``""``: JSON Lines (its first two lines each a JSON object:
    ``zcat crawl.jsonl.gz | clean -``, a crawl saved as ``.txt``), or one JSON object holding a crawl record's content
    (``CONTENT_KEYS``) that is no record of ``clean``'s own.  Any other text opening with ``{`` is read as before."""
    lines = [line for line in text.lstrip().split("\n", 2)[:2] if line.strip()]
    objects = [_json_object(line) for line in lines]
    if len(objects) == 2 and all(item is not None for item in objects):
        return JSON_LINES
    whole = _json_object(text) if len(lines) == 1 else None
    if whole is not None and not is_own_record(whole) and any(isinstance(whole.get(k), str) for k in CONTENT_KEYS):
        return ONE_RECORD
    return ""


def _json_object(text: str) -> dict[str, Any] | None:
    """``text`` read as JSON when it is one object, else None."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None
