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

from dataclasses import replace

from cleaner.io.markdown import FrontMatter
from cleaner.metadata.byline import normalise_authors
from cleaner.metadata.dates import normalise_date
from cleaner.model import Metadata

AUTHOR_KEYS = ("author",)
DATE_KEYS = {"published": ("date", "publishDate"), "updated": ("lastmod", "last_modified_at", "modified")}


def front_matter_metadata(front: FrontMatter) -> Metadata:
    """The article's metadata as the front matter states it: under cleaner's keys, else under other tools'."""
    other = {key: value for key, value in front.extra if isinstance(key, str) and value not in (None, "", [])}
    stated = front.metadata
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
