"""The records a run passes along: a ``Document`` in, a ``Cleaned`` article or a ``Failure`` out.

A ``Document`` is one input with the metadata its container gave (id, URL, crawl date, the file it
came from); ``Cleaned`` and ``Failure`` are what became of it, each with a JSON-ready ``to_dict()``
(the record written by ``--format jsonl``, the Dask bag and the audit report).

This module holds data only: it reads no file (``cleaner.io.documents`` does) and cleans nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from cleaner.io.ownrecords import RecordError, is_failure_record, is_own_record, record_markdown
from cleaner.model import Article

Format = Literal["auto", "text", "html", "markdown"]
FORMATS: tuple[Format, ...] = get_args(Format)
SKIPPED = "; record skipped"  # how a bad record's message ends: a stream goes on without it


class FormatError(ValueError):
    """A format that is none of ``FORMATS``: a ``ValueError``, as an unknown value is in Python."""


def check_format(form: object, caller: str = "") -> None:
    """``FormatError`` (a ``ValueError``) for a format that is none of ``FORMATS``, naming them.

    With ``caller`` (a function's ``format`` argument: ``clean()``, ``clean_many()``), the message names the
    function, as its other argument checks do, and a format that is no ``str`` (``None``) is a ``TypeError``.
    Without it (a ``Document``'s format, checked again where it is read), any wrong value is a ``FormatError``; a
    record's ``format`` field is checked where it is read, in the words of its other fields (``_record_format``).
    """
    if form in FORMATS:
        return
    choices = ", ".join(FORMATS)
    if caller and not isinstance(form, str):
        raise TypeError(f"{caller} takes format as a str (one of {choices}), not {type(form).__name__}")
    raise FormatError(f"{caller + ': ' if caller else ''}unknown format {form!r} (expected one of {choices})")


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: its content and the metadata the container gave.

    ``fetched`` is when a crawler fetched the page (a WARC record's ``WARC-Date``).
    It is *not* a publication date and is never used as one: it is carried to the
    output record as its own field.
    """

    id: str
    content: str | bytes
    format: Format = "auto"
    url: str | None = None
    fetched: str | None = None
    source: str | None = None

    @classmethod
    def from_mapping(cls, record: Mapping[str, Any], *, default_id: str, source: str | None = None) -> Document:
        """Read a JSON record: ``html`` or ``text`` (or ``content`` with ``format``), ``url``, ``id``.

        ``url`` and ``date`` are also looked up under ``metadata``, the layout of
        Common Crawl derived corpora; a ``date`` is kept as ``fetched``, not published.
        A ``url`` or crawl date that is neither a string nor ``null`` (a number, a list) is refused, never
        turned into a string; so is a ``format`` that is none of ``FORMATS`` (``null`` is ``"auto"``).
        A record ``clean`` wrote (``cleaner.io.ownrecords``) is read as the article it stands for, its metadata
        kept, its ``source`` its id where it has none; a failure record of ``clean`` is refused naming its error.
        Raises ``ValueError`` saying what is missing or which field is wrong.
        """
        given = record.get("metadata")
        meta: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
        content, form = _own_content(record) or _content_of(record)
        url = string_of(record.get("url"), "url") or string_of(meta.get("url"), "metadata.url")
        fetched = _fetched_of(record, meta)
        ident = record.get("id")
        if ident in (None, "") and is_own_record(record):  # a file's record names the file it was cleaned from
            ident = record.get("source")
        return cls(
            id=str(ident) if ident not in (None, "") else default_id,
            content=content,
            format=form,
            url=url,
            fetched=fetched,
            source=source,
        )


def string_of(value: object, field: str) -> str | None:
    """A record's string field (its URL, its crawl date): a non-empty string, else ``None`` for none (absent,
    ``null``, ``""``).

    Anything else raises ``ValueError`` naming ``field``: a number or a list made into a string
    would pass for a URL, and the article's site and metadata would be read from it.
    """
    if value is None or isinstance(value, str):
        return value or None
    raise ValueError(f"'{field}' must be a string, not {_json_kind(value)} ({_shown(value)}){SKIPPED}")


def _fetched_of(record: Mapping[str, Any], meta: Mapping[str, Any]) -> str | None:
    """The crawl date: the first of ``fetched``, ``date`` and ``metadata.date`` that is given (not absent, ``null``
    or ``""``), which must be a string; a number (an epoch? seconds or milliseconds?) or a list raises ``ValueError``
    naming the field, as a ``url`` does, rather than being carried on as ``"5"``."""
    given = (("fetched", record.get("fetched")), ("date", record.get("date")), ("metadata.date", meta.get("date")))
    for name, value in given:
        if value is not None and value != "":
            return string_of(value, name)
    return None


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _own_content(record: Mapping[str, Any]) -> tuple[str, Format] | None:
    """A record ``clean`` wrote, read as the article it stands for (``cleaner.io.ownrecords``), else None.

    A failure record raises ``ValueError`` naming its error: it holds no article."""
    if is_failure_record(record):
        raise ValueError(f"a failure record of clean, no article ({record['error']}){SKIPPED}")
    if not is_own_record(record):
        return None
    try:
        return record_markdown(record), "markdown"
    except RecordError as error:
        raise ValueError(f"{error}{SKIPPED}") from None


def _content_of(record: Mapping[str, Any]) -> tuple[str, Format]:
    for key in ("html", "text", "markdown"):
        if isinstance(record.get(key), str):
            return record[key], key
    if isinstance(record.get("content"), str):
        return record["content"], _record_format(record.get("format"))
    raise ValueError("record has no 'html', 'text', 'markdown' or 'content' string")


def _record_format(value: object) -> Format:
    """A record's ``format`` field: one of ``FORMATS``, and ``"auto"`` for none (absent or ``null``, as a ``null``
    ``url`` is no URL).  Anything else raises ``FormatError`` naming the field in JSON's words, as ``string_of`` does:
    ``'format' must be one of auto, text, html, markdown, not 'htm'; record skipped``."""
    if value is None:
        return "auto"
    for form in FORMATS:
        if value == form and isinstance(value, str):
            return form
    given = _shown(value) if isinstance(value, str) else f"{_json_kind(value)} ({_shown(value)})"
    raise FormatError(f"'format' must be one of {', '.join(FORMATS)}, not {given}{SKIPPED}")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A document that was cleaned: the article and where it came from.

    ``page`` says it was read as an HTML page: its article was extracted from the markup (not in ``to_dict``).
    """

    id: str
    article: Article
    source: str | None = None
    url: str | None = None
    fetched: str | None = None
    page: bool = field(default=False, compare=False)

    ok = True

    def to_dict(self) -> dict[str, object]:
        """``Article.to_dict()`` plus ``id``, ``source``, ``url`` and ``fetched`` (crawl date).

        ``url`` is the one the container gave, else the article's own (a page's canonical link).
        """
        return {
            **self.article.to_dict(),
            "id": self.id,
            "source": self.source,
            "url": self.url or self.article.url,
            "fetched": self.fetched,
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read or cleaned, and why (one line, no traceback)."""

    id: str
    reason: str
    source: str | None = None

    ok = False

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "source": self.source, "error": self.reason}


Result = Cleaned | Failure
