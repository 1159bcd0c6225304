"""Front matter other tools write: their keys for an article's authors and dates read as cleaner's own.

Static site generators and extractors write front matter with keys of their own.  Jekyll, Hugo, Pelican and
trafilatura's Markdown with metadata write ``author`` and ``date``; Hugo writes ``publishDate`` and
``lastmod``, Jekyll ``last_modified_at``, Pelican ``modified``.  Where the front matter holds no value under
cleaner's key (``authors``, ``published``, ``updated``), the first of these keys that holds one is read in its
place: authors as a page's declared author values are (``normalise_authors``: split on ``;``, ``and`` and
commas, a leading "By" or "Par" dropped, people only), a date as a page's declared date is
(``normalise_date``: ISO 8601 at the precision given; a value that is no date is dropped).  The keys stay in
the file as they were written (``FrontMatter.extra``), so nothing the file said is lost when it is rewritten.

What it does NOT do: read any other key (a ``description`` is a teaser, not the article's subtitle), or
override a value under cleaner's own key.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime
from functools import cache
from importlib import resources

from cleaner.errors import CleanError
from cleaner.io.markdown import FrontMatter
from cleaner.metadata.byline import normalise_authors
from cleaner.metadata.dates import normalise_date
from cleaner.model import ARTICLE_SCHEMA, Metadata
from cleaner.text.language_codes import LanguageError, stated_language

AUTHOR_KEYS = ("author",)
DATE_KEYS = {"published": ("date", "publishDate"), "updated": ("lastmod", "last_modified_at", "modified")}


def front_matter_metadata(front: FrontMatter) -> Metadata:
    """The article's metadata as the front matter states it: under cleaner's keys, else under other tools'.

    Raises ``CleanError`` for a date or language under cleaner's own keys that is none (``_own_values``)."""
    other = {key: value for key, value in front.extra if isinstance(key, str) and value not in (None, "", [])}
    stated = _own_values(front.metadata)
    values: dict[str, object] = {}
    author = next((other[key] for key in AUTHOR_KEYS if key in other), None)
    if not stated.authors and author is not None:  # a name, or a list of names (anything else is no name)
        names = author if isinstance(author, list) else [author]
        values["authors"] = normalise_authors([name for name in names if isinstance(name, str)])
    for field, keys in DATE_KEYS.items():
        date = next((other[key] for key in keys if key in other), None)
        if getattr(stated, field) is None and date is not None and not isinstance(date, dict | list):
            values[field] = normalise_date(str(date))
    return replace(stated, **values).sourced("front-matter") if values else stated  # type: ignore[arg-type]


def _own_values(stated: Metadata) -> Metadata:
    """cleaner's own ``published``, ``updated`` and ``language`` keys as an article writes them: a date in ISO 8601
    (``2024-01-06``, ``2024-01-06T06:48:00+01:00``) or the language's two-letter code stays as written, whatever
    the year; another way of writing a date (``2024-01-06 10:00``, ``6 January 2024``) is read as ISO 8601, a
    code in capitals in lower case, and a locale as the code it opens with (``en-US``, ``pt_BR``: what Hugo, Jekyll
    and other exporters write; ``cleaner.text.language_codes.stated_language``, where ``[tool.cleaner] language``,
    the user's own words, takes a code only).  Anything else is a ``CleanError`` naming the key: such values went
    into the article as written (``published: next tuesday``, ``language: english``, ``language: xx``), no ISO
    value and failing the package's JSON Schema, and dropping them would lose them from a file ``--in-place``
    rewrites."""
    values: dict[str, str] = {}
    for name in ("published", "updated"):
        value = getattr(stated, name)
        if value is None or _is_iso(value):
            continue
        iso = normalise_date(value)
        if iso is None:
            raise CleanError(f"front matter key {name!r} must be a date (ISO 8601: 2024-01-06), not {value!r}")
        values[name] = iso
    if stated.language is not None:
        try:
            language = stated_language(stated.language)  # a locale as its code: data a tool wrote
        except LanguageError as error:
            raise CleanError(f"front matter key 'language' {error}") from None
        if language != stated.language:
            values["language"] = language
    return replace(stated, **values) if values else stated  # type: ignore[arg-type]


@cache
def schema_date() -> re.Pattern[str]:
    """The shapes of a date as the package's JSON Schema defines them (``$defs.date``), its one definition."""
    schema = json.loads(resources.files("cleaner").joinpath(ARTICLE_SCHEMA).read_text(encoding="utf-8"))
    return re.compile(schema["$defs"]["date"]["pattern"])


def _is_iso(value: str) -> bool:
    """Whether a value is an ISO 8601 date of the schema's shapes, and a day of the calendar."""
    if schema_date().fullmatch(value) is None or (len(value) >= 7 and not 1 <= int(value[5:7]) <= 12):
        return False
    try:
        return len(value) < 10 or bool(datetime.fromisoformat(value))
    except ValueError:
        return False
