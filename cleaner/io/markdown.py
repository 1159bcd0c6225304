"""The canonical Markdown form of an article: YAML front matter, then the body.

This is the corpus form ``clean --format md`` and ``clean --in-place`` write::

    ---
    title: Iraq sets date for talks on coalition exit
    authors:
    - Jane Doe
    published: '2024-01-05'
    language: en
    ---

    First paragraph.

    ## A heading

    - a list item

    > a quote

The form is chosen so that reading it back yields the same article, which makes
cleaning a fixed point: ``clean`` on its own Markdown output changes nothing, byte
for byte.  That needs three things from this module: front matter keys in a fixed
order with every value quoted safely, one marker per block kind (``## ``, ``- ``,
``> ``), a backslash before a paragraph that starts with a character the segmenter
would read as a marker, and a backslash before each character of the text that
Markdown would read as syntax (``cleaner.text.escapes``), so that the body renders
as its text and reads back as it.

This module writes the form and splits front matter off a document (YAML between ``---`` lines, or TOML between
``+++`` lines as Hugo and Zola write it; and the header a reader service puts over a page it gives as Markdown,
``split_reader_header``, read as front matter).  It does not
segment or clean the body: the pipeline cleans the body as text (the segmenter
reads the markers) and takes front matter values over what the text layers find.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from cleaner.model import Article, BodyBlock, Kind, Metadata
from cleaner.text.decode import lone_surrogate
from cleaner.text.escapes import escape_markdown
from cleaner.text.segment import MARKER_STARTS

if TYPE_CHECKING:
    import yaml

FENCE = "---"
TOML_FENCE = "+++"  # Hugo's and Zola's TOML front matter, read as YAML's is (written back as YAML)
# Characters that open a block marker (or an escape) when they start a paragraph.
# Front matter keys that are not the article's, as read (a corpus's own ``id``, ``tags``).
Extra = tuple[tuple[object, object], ...]
KEYS = (  # in this order: every field of an article's metadata (docs/schema.md), so a record read back keeps them all
    "title",
    "subtitle",
    "authors",
    "published",
    "updated",
    "language",
    "url",
    "site_name",
    "organisations",
)
LIST_KEYS = frozenset({"authors", "organisations"})  # lists of names; the other keys hold one string
# An article with no metadata and no body: empty front matter, which reads back as that article (an empty
# file would be refused as input, so cleaning the output again would fail instead of changing nothing).
EMPTY = f"{FENCE}\n{FENCE}\n"
MARKERS = {Kind.HEADING: "## ", Kind.LIST_ITEM: "- ", Kind.QUOTE: "> ", Kind.PARAGRAPH: ""}
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_CLOSING_TOML_FENCE = re.compile(r"^\+\+\+[ \t]*\r?$", re.MULTILINE)
_TOML_KEY_LINE = re.compile(r"""(?:"[^"\n]*"|'[^'\n]*'|[\w.-]+)[ \t]*=|\[""")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
# The header a reader service puts over a page it gives as Markdown (Jina Reader's r.jina.ai and the tools that
# copy its form): "Title: ...", "URL Source: ...", other "Name: value" lines, then "Markdown Content:".
READER_KEYS = {"Title": "title", "URL Source": "url", "Published Time": "published"}  # to front matter keys
READER_BODY = "Markdown Content:"
READER_HEAD_LINES = 24  # lines a header may span, blank ones included
_READER_LINE = re.compile(r"([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}):(?: (.*))?")
# A YAML mapping's first line (``title: ...``, ``"a key":``): front matter meant.
_KEY_LINE = re.compile(r"""(?:"[^"\n]*"|'[^'\n]*'|[^\W\d][\w.-]*)[ \t]*:(?:[ \t]|$)""")


class FrontMatterError(ValueError):
    """The document opens with a front matter block that is not a valid YAML mapping (or TOML table)."""


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """An article's front matter: the article's own keys as ``metadata``, and the other keys as ``extra``.

    ``extra`` holds the keys that are not the article's (a corpus's own ``id`` or ``tags``), in file
    order, so rewriting a file into the canonical form keeps them.
    """

    metadata: Metadata = field(default_factory=Metadata)
    extra: Extra = ()

    def to_dict(self) -> dict[object, object]:
        """The article's keys that carry a value, in the fixed order, then the extra keys as read."""
        values: dict[object, object] = {
            key: list(value) if key in LIST_KEYS else value for key in KEYS if (value := getattr(self.metadata, key))
        }
        return {**values, **dict(self.extra)}


@cache
def _string_loader() -> type[yaml.SafeLoader]:
    """A safe YAML loader that keeps dates as the strings the author wrote (made at the first front matter:
    PyYAML is imported where first used, so reading plain text, as ``clean learn`` does, never loads it).

    PyYAML turns ``2024-01-05`` into a ``date`` and ``2024-01-05 10:00Z`` into a UTC
    ``datetime``; both lose the precision and offset the source gave.
    """
    import yaml

    class _StringLoader(yaml.SafeLoader):
        pass

    _StringLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _StringLoader


@cache
def _word_loader() -> type[yaml.SafeLoader]:
    """``_string_loader`` that also keeps YAML 1.1's booleans as the words written (``no``, ``Yes``, ``off``), for the
    article's own keys (``_as_written``)."""
    loader = _string_loader()

    class _WordLoader(loader):  # type: ignore[valid-type,misc]
        pass

    _WordLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in loader.yaml_implicit_resolvers.items()
    }
    return _WordLoader


def _as_written(data: dict[object, object], block: str) -> dict[object, object]:
    """The front matter with the article's keys (``KEYS``) as written where YAML 1.1 read a word as a boolean:
    ``language: no`` is Norwegian's code, as YAML 1.2 (Hugo's) and the canonical form (which quotes it) read it, and
    ``title: Yes`` a title; until users55 they were ``'False'`` (refused) and ``'True'``.  A corpus's own keys keep
    YAML 1.1's reading (``draft: no`` is false, as Jekyll reads it)."""
    if not any(isinstance(item, bool) for key in KEYS for item in _items(data.get(key))):
        return data
    import yaml

    words = yaml.load(block, Loader=_word_loader())
    return {key: words[key] if key in KEYS else value for key, value in data.items()}


def _items(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def _scalar(value: object, key: str) -> str | None:
    if isinstance(value, dict | list):
        raise FrontMatterError(f"front matter key {key!r} must be a single value")
    text = "" if value is None else str(value).strip()
    return text or None


def _names(value: object, key: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(name for name in (_scalar(item, key) for item in items) if name)


def _front_matter(data: dict[object, object]) -> FrontMatter:
    values = {
        name: _names(data.get(name), name) if name in LIST_KEYS else _scalar(data.get(name), name) for name in KEYS
    }
    extra = tuple((key, value) for key, value in data.items() if key not in KEYS)
    metadata = Metadata(**values)  # type: ignore[arg-type]
    return FrontMatter(metadata.sourced("front-matter"), extra)


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """Split a document into its front matter and body; ``(None, text)`` when it has none.

    Front matter opens with ``---`` on the first line and closes with ``---`` (or
    ``...``) on a line of its own, and holds a YAML mapping (or nothing at all).
    Anything else between two such lines is Markdown between two horizontal rules, not
    front matter: a list, a paragraph, a ``#`` heading (to YAML a comment), links that
    YAML cannot read.  A block that opens with a ``key:`` line but is not valid YAML is
    a ``FrontMatterError``: front matter meant, and mistyped.  Keys other than the
    article's go to ``extra``.
    """
    lines = text.split("\n", 1)
    fence = lines[0].lstrip("\ufeff").rstrip(" \t\r")
    if len(lines) < 2 or fence not in (FENCE, TOML_FENCE):
        return None, text
    if fence == TOML_FENCE:
        return _split_toml(text, lines[1])
    closing = _CLOSING_FENCE.search(lines[1])
    if closing is None:
        return None, text
    block = lines[1][: closing.start()]
    import yaml

    try:
        data = yaml.load(block, Loader=_string_loader())  # a SafeLoader: no objects
    except yaml.YAMLError as error:
        if not _KEY_LINE.match(_first_line(block, comments=False)):
            return None, text
        raise FrontMatterError(f"front matter is not valid YAML: {' '.join(str(error).split())}") from None
    if not isinstance(data, dict) and (data is not None or _first_line(block)):
        return None, text
    surrogate = _lone_surrogate(data)
    if surrogate:
        raise FrontMatterError(f"front matter holds a lone surrogate {surrogate}, which no UTF-8 file can hold")
    body = lines[1][closing.end() :].lstrip("\r\n")
    return _front_matter(_as_written(data or {}, block)), body


def _split_toml(text: str, rest: str) -> tuple[FrontMatter | None, str]:
    """``split_front_matter`` for front matter between ``+++`` lines, in TOML (Hugo's default, Zola's only form):
    its keys were body text ("+++", ``title = "..."``) and its title and date were not read.  A block whose first line
    is no ``key =`` or ``[table]`` line is no front matter (``(None, text)``); one that is but does not parse is a
    ``FrontMatterError``.  TOML's dates and times become the ISO 8601 strings YAML front matter keeps."""
    closing = _CLOSING_TOML_FENCE.search(rest)
    if closing is None:
        return None, text
    block = rest[: closing.start()]
    try:
        data = tomllib.loads(block.replace("\r\n", "\n"))
    except tomllib.TOMLDecodeError as error:
        if not _TOML_KEY_LINE.match(_first_line(block)):
            return None, text
        raise FrontMatterError(f"front matter is not valid TOML: {' '.join(str(error).split())}") from None
    if not data and _first_line(block):
        return None, text
    body = rest[closing.end() :].lstrip("\r\n")
    return _front_matter(_iso_dates(data)), body


def _iso_dates(value: Any) -> Any:
    """A TOML value with its dates and times (``datetime``, ``date``, ``time``) as ISO 8601 strings, in its
    tables and arrays too."""
    if isinstance(value, dict):
        return {key: _iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso_dates(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date | datetime.time) else value


def split_reader_header(text: str) -> tuple[FrontMatter | None, str]:
    """Split a reader service's header off a page it gave as Markdown; ``(None, text)`` when it has none.

    The header opens with ``Title:``, holds ``URL Source:`` and closes with a ``Markdown Content:`` line, each of
    its lines ``Name: value`` (blank lines between).  Its URL and published time are the article's metadata, as
    front matter states them; its other lines (a description, a warning) are kept as extra keys.  Its title is the
    page's ``<title>`` (a site's name and all): it opens the body, as a page dump's first line is the page's title,
    and the title is chosen from the body's lines as a dump's.  The body is the page, menus and all, which the
    pipeline cleans as Markdown without front matter.
    """
    if not text.lstrip("\ufeff").startswith("Title:"):  # most texts: nothing split
        return None, text
    lines = text.lstrip("\ufeff").split("\n", READER_HEAD_LINES)
    fields: dict[object, object] = {}
    for number, line in enumerate(lines[:READER_HEAD_LINES]):
        if line.strip() == READER_BODY:
            if "title" in fields and "url" in fields:
                title = fields.pop("title")
                return _front_matter(fields), f"{title}\n\n" + "\n".join(lines[number + 1 :])
            break
        match = _READER_LINE.fullmatch(line.strip())
        if match is None and line.strip():
            break
        if match is not None and (fields or match[1] == "Title"):
            fields[READER_KEYS.get(match[1], match[1])] = match[2] or ""
    return None, text


def _first_line(block: str, *, comments: bool = True) -> str:
    """The block's first line that is not blank (with ``comments`` false, nor a ``#`` comment), or ``""``."""
    lines = (line.strip() for line in block.splitlines())
    return next((line for line in lines if line and (comments or not line.startswith("#"))), "")


def _lone_surrogate(data: object) -> str:
    """The first lone surrogate in the loaded front matter's strings, keys and values (its escape), or ``""``.

    Each list or mapping is looked at once, however many aliases lead to it (a YAML "billion laughs"
    block stays cheap).
    """
    seen: set[int] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if surrogate := lone_surrogate(item):
                return surrogate
        elif isinstance(item, dict | list) and id(item) not in seen:
            seen.add(id(item))
            stack.extend([*item.keys(), *item.values()] if isinstance(item, dict) else item)
    return ""


def render_front_matter(front: FrontMatter) -> str:
    """The front matter block with its fences, or ``""`` when no key has a value."""
    data = front.to_dict()
    if not data:
        return ""
    import yaml

    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1_000_000)
    return f"{FENCE}\n{dumped}{FENCE}\n"


def render_block(block: BodyBlock, *, inline: bool = True) -> str:
    """One block as Markdown: a marker for its kind, or an escape for a paragraph that opens with a marker's
    character its text's escaping left bare; its syntax escaped (with ``inline`` false, only that opening:
    plain text reads a marker and that escape, and would keep any other backslash as written)."""
    text = _LINE_BREAKS.sub(" ", block.text.strip())
    escaped = escape_markdown(text) if inline else text
    if block.kind is Kind.PARAGRAPH and text[:1] in MARKER_STARTS and not escaped.startswith("\\" + text[:1]):
        return "\\" + escaped
    return MARKERS[block.kind] + escaped


def render_markdown(article: Article, *, extra: Extra = (), markdown: bool = True) -> str:
    """The canonical Markdown form: front matter, a blank line, blocks separated by blank lines.

    ``extra`` is front matter the article itself does not hold (a corpus's own keys, see ``FrontMatter``).
    ``markdown`` false: the file is read back as Markdown only when it opens with front matter (a ``.txt``);
    without any, it is read as plain text, so its inline syntax is not escaped (a plain reader would keep
    the backslashes, and each rewrite would add more).
    """
    head = render_front_matter(FrontMatter(article.metadata, extra))
    inline = markdown or bool(head)
    body = "\n\n".join(render_block(block, inline=inline) for block in article.blocks if block.text.strip())
    if not body:
        return head or EMPTY
    return f"{head}\n{body}\n" if head else f"{body}\n"
