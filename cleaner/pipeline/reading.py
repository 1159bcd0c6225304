"""Reading a document: bytes or text in, its blocks and what its container declares out (``Reading``).

Decodes bytes (``to_text``: size, emptiness, binary data and invalid UTF-8 checked here, with audit entries for
replaced bytes and dropped NULs; a page a browser saved as MHTML is its HTML part, ``cleaner.io.mhtml``),
chooses the input path (``auto``: Markdown front matter, an HTML page, or plain text),
and reads the document: a page through the html layer (its blocks, declared metadata, htmldate's
guess), Markdown with front matter through it (cleaner's canonical form read back, or an authored post:
its blocks as their markers say), plain text by segmenting it.  Markdown without front matter is what
scrapers save pages as: it is read as plain text is (the text model judges it).  Markdown, and plain text
written in it, is read as the text a reader sees (``read_markdown``: links, emphasis, escapes).

What it does NOT do: it decides nothing about the blocks (``cleaner.pipeline.deciding`` runs the
block layers) and chooses no metadata (``cleaner.pipeline.cleaning``).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.errors import NO_DEADLINE, CleanError, Deadline
from cleaner.html.sniff import declared_charset, looks_like_html
from cleaner.io import markdown
from cleaner.io.feeds import feed_kind
from cleaner.io.mhtml import HEADER_BYTES, is_mhtml, may_be_mhtml, page_of_mhtml
from cleaner.io.ownrecords import RecordError, own_record_text
from cleaner.io.records import Format, check_format
from cleaner.model import Block, Metadata, Removal
from cleaner.sites.profile import Profile
from cleaner.text.decode import (
    BINARY,
    NOT_TEXT,
    DecodeError,
    binary_start,
    decode_reporting,
    lone_surrogate,
    normalise,
    not_text,
    without_c1,
)
from cleaner.text.emphasis import read_emphasis
from cleaner.text.escapes import read_escapes
from cleaner.text.headings import hash_headings
from cleaner.text.links import read_links, written_in_markdown
from cleaner.text.pages import running_lines
from cleaner.text.segment import paragraph_texts, segment
from cleaner.text.unrendered import part_unrendered

if TYPE_CHECKING:
    from cleaner.html.page import Page

NOTHING = Metadata()  # no source said anything


FENCE_SAMPLE = 16  # enough of the start to see a front matter fence behind a BOM or a CRLF


DECODE_RULE = "decode.invalid-utf8"
NUL_RULE = "decode.nul"


def check_arguments(
    url: object,
    config: object,
    profile: object = None,
    *,
    caller: str = "clean()",
    format: object = "auto",
    site: object = None,
) -> None:
    """``TypeError`` for a ``url`` or a ``site`` that is no ``str`` (or None), a ``config`` that is no ``Config``
    and a ``profile`` that is no site ``Profile`` (or None): caught here, not as an ``AttributeError`` deep
    inside, or a number in the output's ``url``.  A ``format`` is checked by ``check_format`` (``TypeError`` for
    no ``str``, ``ValueError`` for none of ``FORMATS``).  ``caller`` names the function in the message."""
    check_format(format, caller)
    if url is not None and not isinstance(url, str):
        raise TypeError(f"{caller} takes url as str or None, not {type(url).__name__}")
    if site is not None and not isinstance(site, str):
        raise TypeError(f"{caller} takes site as str or None, not {type(site).__name__}")
    if config is not None and not isinstance(config, Config):
        kind = type(config).__name__
        raise TypeError(f"{caller} takes config as a cleaner.Config (cleaner.load_config(path) reads one), not {kind}")
    if profile is not None and not isinstance(profile, Profile):
        kind = type(profile).__name__
        reader = "cleaner.sites.store.load_profile(path) reads one"
        raise TypeError(f"{caller} takes profile as a site Profile ({reader}), not {kind}")
    if url is not None and (surrogate := lone_surrogate(url)):
        raise CleanError(f"not valid Unicode: the url holds a lone surrogate {surrogate}")


@dataclass(frozen=True, slots=True)
class DecodedDocument:
    """A document decoded: its text, the audit entries of decoding, and the address a saved page (MHTML) names."""

    text: str
    notes: tuple[Removal, ...] = ()
    location: str | None = None  # an MHTML file's Content-Location: the page's URL where the page states none


def to_text(source: str | bytes, config: Config) -> DecodedDocument:
    """Decoded, not yet normalised (a page's markup is not: ``html`` normalises what it reads out),
    with audit entries for the bytes that were not valid UTF-8 in a mostly UTF-8 text and for the NUL characters
    the normal form drops (one in the first 8 KB is binary data, refused; past them the document keeps its text),
    and, for a page a browser saved as MHTML, the address it was saved from."""
    if isinstance(source, bytes | bytearray | memoryview):
        source = bytes(source)
    elif not isinstance(source, str):
        raise TypeError(f"clean() takes the document as str or bytes, not {type(source).__name__}{_hint(source)}")
    if isinstance(source, str) and not _saved_page(source):
        check_text(source, config)
        return DecodedDocument(source, _dropped_nuls(source))
    raw = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    check_size(raw, config)
    saved = page_of_mhtml(raw)  # a page a browser saved as one file: its HTML part, read as the page's bytes
    if saved is not None:
        raw = saved.html
    try:
        decoded = decode_reporting(raw, declared=(saved and saved.charset) or declared_charset(raw))
    except DecodeError as error:
        raise CleanError(str(error)) from None
    notes = (Removal(_escaped(decoded.replaced), DECODE_RULE, "encoding", "decode"),) if decoded.replaced else ()
    location = saved.location if saved is not None else None
    return DecodedDocument(decoded.text, (*notes, *_dropped_nuls(decoded.text, raw)), location)


def _hint(source: object) -> str:
    """What to pass instead of a path or an open file, which ``clean()`` was given as the document: its message
    named the type only, and ``clean(Path("a.txt"))`` is the first call many write."""
    if isinstance(source, os.PathLike):
        return f" (a file: clean_file({os.fspath(source)!r}) reads and cleans it)"
    if callable(getattr(source, "read", None)):
        return " (an open file: pass its content, handle.read())"
    return ""


def _saved_page(text: str) -> bool:
    """Whether a text is an MHTML file (``cleaner.io.mhtml``), read as its bytes are (its header names in any case):
    asked only of a text opening with a header line, not of a page's markup or of prose."""
    start = text[:HEADER_BYTES]
    return may_be_mhtml(start) and is_mhtml(start.encode("utf-8", "surrogatepass"))


def check_size(source: str | bytes, config: Config) -> None:
    """``CleanError`` for a document over ``max_bytes`` or with nothing but white space."""
    if len(source) > config.max_bytes:
        raise CleanError(f"too large: {len(source):,} bytes (limit {config.max_bytes:,}; see 'max_bytes')")
    if _blank(source):
        raise CleanError("empty: the document has no text")


def _blank(source: str | bytes) -> bool:
    """Nothing but white space, or, in a text, invisible format characters (zero-width spaces and joiners, byte order
    marks, soft hyphens: Unicode's Cf), which the normal form drops; the first visible character ends the search."""
    stripped = source.strip()
    if isinstance(stripped, bytes):
        return not stripped
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in stripped)


def check_text(text: str, config: Config, *, judged: bool = False) -> None:
    """``CleanError`` for a text that cannot be cleaned, as bytes that decode to it cannot: too large, empty, a lone
    surrogate (no UTF-8 output could hold it), binary data (a NUL in its start, or ``not_text``, unless ``judged``:
    ``decode_reporting`` has asked it of the text that bytes decoded to, and its answer, an ``is_binary`` call when the
    text holds control characters, is the same a second time)."""
    check_size(text, config)
    if surrogate := lone_surrogate(text):
        raise CleanError(f"not valid Unicode: the text holds a lone surrogate {surrogate}")
    if binary_start(text):
        raise CleanError(BINARY)
    if not judged and not_text(text):
        raise CleanError(NOT_TEXT)


def _dropped_nuls(text: str, raw: bytes | None = None) -> tuple[Removal, ...]:
    """The audit entry for the NUL characters of ``text`` (past its first 8 KB: ``check_text``), which the normal
    form drops; none when there are none (the bytes ``text`` was decoded from, when given, tell that faster: a NUL
    character is a NUL byte in every encoding)."""
    count = 0 if raw is not None and b"\x00" not in raw else text.count("\x00")
    return (Removal(_escaped((0,) * count), NUL_RULE, "encoding", "decode"),) if count else ()


def _escaped(values: tuple[int, ...]) -> str:
    """Bytes as an audit entry shows them: the first 20 escaped (``\\xff \\xe9``), and how many more."""
    shown = " ".join(f"\\x{byte:02x}" for byte in values[:20])
    return shown + (f" and {len(values) - 20} more" if len(values) > 20 else "")


def _resolve_format(text: str, format: Format) -> Format:
    check_format(format)
    if format != "auto":
        return format
    start = normalise(text[:FENCE_SAMPLE])
    if start.startswith(f"{markdown.FENCE}\n"):
        return "markdown"
    if start.startswith(f"{markdown.TOML_FENCE}\n") and _toml_front_matter(text):
        return "markdown"
    return "html" if looks_like_html(text) or feed_kind(text) else "text"  # the page reader refuses a feed


def _toml_front_matter(text: str) -> bool:
    """Whether a text opening with ``+++`` opens with TOML front matter (a line of ``+++`` is otherwise no marker:
    such a text is read as it was, as plain text)."""
    try:
        return markdown.split_front_matter(normalise(text))[0] is not None
    except markdown.FrontMatterError:
        return True  # front matter meant and mistyped: reading it as Markdown says so


def reads_as_page(source: object, format: str) -> bool:
    """Whether ``clean(source, format=format)`` reads ``source`` as an HTML page, told from its start alone and
    without decoding it (bytes are sniffed as Latin-1 with their NUL bytes dropped, which keeps a page's ASCII
    markup in any ASCII-based encoding and in UTF-16): for choosing what to warm up, never for reading."""
    if format != "auto":
        return format == "html"
    if isinstance(source, bytes | bytearray | memoryview):
        start = bytes(source[:SNIFF_CHARS])
        for mark in BYTE_ORDER_MARKS:
            start = start.removeprefix(mark)
        source = start.replace(b"\x00", b"").decode("latin-1")
    return isinstance(source, str) and _resolve_format(source[:SNIFF_CHARS], "auto") == "html"


SNIFF_CHARS = 20_000  # what ``looks_like_html`` reads of a document
BYTE_ORDER_MARKS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class Reading:
    """A document read but not yet judged: its blocks and what its container says about it.

    ``declared`` (a page's metadata, Markdown front matter) wins over what the text's lines say;
    ``guessed`` (htmldate's date for a page that states none) only fills what they leave empty.
    """

    blocks: list[Block]
    declared: Metadata = NOTHING
    guessed: Metadata = NOTHING
    extracted: bool = False  # an extractor chose these blocks as the article (an HTML page's main content)
    left_out: tuple[str, ...] = ()  # a page's prose blocks outside its main content: audited, never body
    marked: bool = False  # Markdown: each block's kind is what its marker says (a plain line is a paragraph)
    stated: bool = False  # front matter states some of the article's metadata (see ``_whole_statement``)
    html: bool = False  # read from a page's markup (plain text, not Markdown, is judged by the text model)
    note: tuple[str, str] | None = None  # a page's (rule, text) note: where its body was read, or why it is empty
    running: frozenset[str] = frozenset()  # plain text with page breaks: its running lines (``text.pages``)

    @property
    def url(self) -> str | None:
        return self.declared.url

    @property
    def plain(self) -> bool:
        """Plain text: neither a page's markup nor Markdown (what the text model judges, tables and all)."""
        return not (self.html or self.marked)


def _read(
    text: str, format: Format, url: str | None, config: Config, deadline: Deadline, location: str | None = None
) -> Reading:
    if format == "html":
        # The html layer (parsers, metadata readers, the page model) is imported for the first page:
        # reading plain text, as `clean learn` does over a corpus of dumps, needs none of it.
        from cleaner.html import page as html_layer
        from cleaner.metadata.pagechoice import load_page_model

        deadline.check("reading the page")
        try:
            timeout = min(config.timeout, deadline.remaining())
            page = html_layer.read_page(
                _without_next_line(text),
                url=url,
                timeout=timeout,
                model=load_page_model(config.page_metadata_model),
                location=location,
            )
        except html_layer.PageError as error:
            raise (deadline.error() if deadline.expired() else CleanError(str(error))) from None
        return page_reading(page, url)
    running, typeset = running_lines(text), "\f" in text  # before normalise makes the page breaks blank lines
    text = normalise(text)
    if format == "markdown":
        try:
            front, body = markdown.split_front_matter(text)
        except markdown.FrontMatterError as error:
            raise CleanError(str(error)) from None
        if front is not None:
            stated = _front_matter_metadata(front)
            declared = _given_url(url).prefer(stated)
            return Reading(segment(read_markdown(body)), declared, marked=True, stated=_states_the_article(stated))
    header, body = markdown.split_reader_header(text)
    if header is not None:  # a reader service's Markdown: its header declares metadata, the page below is judged
        declared = _given_url(url).prefer(_front_matter_metadata(header))
        return Reading(segment(_as_plain(body, markdown=True), _cut_points), declared)
    # Plain text, and Markdown without front matter; a wrapped paragraph may have taken in a byline (_cut_points)
    blocks = segment(_as_plain(text, markdown=format == "markdown"), _cut_points, typeset=typeset)
    return Reading(blocks, _given_url(url), running=running)


def _without_next_line(html: str) -> str:
    """The page with its C1 control characters read as windows-1252 where it holds U+0085 (NEL, windows-1252's
    "…"), which its extractors would take for a space.  The other C1 characters reach the page's texts as they
    are, and ``normalise`` reads them there: searching every page for all 32 of them cost more than 1 % of a
    page's cleaning, the one character 1/40 of that."""
    return without_c1(html) if "\x85" in html else html


def read_markdown(text: str) -> str:
    """Markdown read as the text a reader sees: its links as their text (images dropped), its underlined
    headings as ``#`` headings, which the segmenter reads, its emphasis as the text it marks, its backslash
    escapes as their characters (an escaped character hidden from the other readers)."""
    return read_escapes(text, lambda hidden: read_emphasis(hash_headings(read_links(hidden))))


def _as_plain(text: str, markdown: bool = False) -> str:
    """Text read as Markdown when it is (``markdown``: a Markdown file) or is written in it (what scrapers save
    pages as, ``written_in_markdown``); unrendered text parted where its elements met
    (``cleaner.text.unrendered``); any other text as it is."""
    return _plain_lines(text, markdown)[0]


def _plain_lines(text: str, markdown: bool = False) -> tuple[str, list[str] | None]:
    """``_as_plain``'s text, and its lines when it is the text they were split from (``None`` when it was parted):
    the lines are split once, for ``part_unrendered`` and then ``paragraph_texts``."""
    if markdown or written_in_markdown(text):  # the test asked once
        text = read_markdown(text)
    lines = text.split("\n")
    plain = part_unrendered(text, lines)  # after the links are read: a run inside a link's Markdown parts nothing
    return plain, lines if plain is text else None


def _front_matter_metadata(front: markdown.FrontMatter) -> Metadata:
    """``cleaner.metadata.frontkeys.front_matter_metadata``, imported for the first front matter: its author and
    date readers are the metadata layer's, which `clean learn` over a corpus of dumps never needs."""
    from cleaner.metadata.frontkeys import front_matter_metadata

    return front_matter_metadata(front)


def _cut_points(lines: Sequence[str], first: str) -> Sequence[int]:
    """``cleaner.metadata.wrapped.cut_points``, imported for the first paragraph the segmenter joins from
    wrapped lines: its byline, credit and date readers are a third of `clean learn`'s start, and a corpus of
    dumps that are not hard-wrapped never needs them."""
    from cleaner.metadata.wrapped import cut_points

    return cut_points(lines, first)


def _saved_at(location: str) -> Metadata:
    """The address a saved page (MHTML) names, as the page's own URL: below any URL the caller gave or it states."""
    return Metadata(url=location).sourced("page")


def _states_the_article(meta: Metadata) -> bool:
    """Whether front matter states some of the article's metadata (not only a corpus's own keys)."""
    return any((meta.title, meta.subtitle, meta.authors, meta.published, meta.updated, meta.language))


def _given_url(url: str | None) -> Metadata:
    """The URL the caller gave: it wins over the one a page or front matter states."""
    return Metadata(url=url).sourced("given")


def page_reading(page: Page, url: str | None = None) -> Reading:
    """A page read by the html layer as a ``Reading``: its metadata declared, htmldate's date guessed.

    The page's declared language is kept by the html layer only when the body's stopwords agree
    with it, so it can stand in for detection.
    """
    declared = _given_url(url).prefer(page.metadata)
    extracted = not page.whole_page
    return Reading(
        list(page.blocks),
        declared,
        page.guessed,
        extracted=extracted,
        left_out=page.left_out,
        html=True,
        note=page.note,
    )


def read_document(
    source: str | bytes,
    *,
    format: Format = "auto",
    url: str | None = None,
    config: Config | None = None,
    deadline: Deadline = NO_DEADLINE,
) -> Reading:
    """A document's blocks before any decision, its metadata and its URL (what profiles learn from)."""
    config = config or DEFAULT_CONFIG
    decoded = to_text(source, config)
    return read_decoded(
        decoded.text, format=format, url=url, config=config, deadline=deadline, location=decoded.location
    )


def decoded_text(source: str | bytes, config: Config) -> DecodedDocument:
    """``to_text``, the text that bytes decode to also checked as a text given as such is (size, emptiness, lone
    surrogates): ``read_document`` checks it so, and ``read_decoded`` reads it without checking it again."""
    decoded = to_text(source, config)
    if not isinstance(source, str):
        check_text(decoded.text, config, judged=True)
    return decoded


def format_read_as(source: str | bytes, format: Format, config: Config) -> Format:
    """The format ``clean(source, format=format)`` reads ``source`` as: ``"text"``, ``"markdown"`` or ``"html"``
    (for a caller that must treat a page unlike text, such as ``--in-place``, which never rewrites a page)."""
    return _resolve_format(to_text(source, config).text, format)


def read_decoded(
    text: str,
    *,
    format: Format = "auto",
    url: str | None = None,
    config: Config,
    deadline: Deadline = NO_DEADLINE,
    location: str | None = None,
) -> Reading:
    """``read_document`` of a text ``decoded_text`` gave: its checks, each a pass over the whole page, are not
    run again.  ``location``, the address a saved page (MHTML) names, is the page's URL where it states none."""
    deadline.check("segmenting")
    text, format = as_own_record(text, format)
    reading = _read(text, _resolve_format(text, format), url, config, deadline, location)
    if location and not reading.url:  # read as text: the saved page's address is the document's
        return replace(reading, declared=reading.declared.prefer(_saved_at(location)))
    return reading


def as_own_record(text: str, format: Format) -> tuple[str, Format]:
    """A ``clean`` output record given as a document (a ``--format json`` file) read as the article it stands for,
    in the canonical Markdown form (``cleaner.io.ownrecords``); any other text as it is.  A failure record or a
    malformed one raises ``CleanError`` saying so."""
    if format != "auto" or text.lstrip()[:1] != "{":
        return text, format
    try:
        markdown_text = own_record_text(text)
    except RecordError as error:
        raise CleanError(str(error)) from None
    return (markdown_text, "markdown") if markdown_text is not None else (text, format)


def document_texts(
    source: str | bytes,
    *,
    format: Format = "auto",
    url: str | None = None,
    config: Config | None = None,
    deadline: Deadline = NO_DEADLINE,
) -> tuple[list[str], str | None]:
    """The texts of a document's blocks and its URL, as ``read_document`` gives them (what profiles count).

    Plain text is segmented without building blocks: learning reads every document of a corpus.
    """
    config = config or DEFAULT_CONFIG
    decoded = to_text(source, config)
    deadline.check("segmenting")
    text, format = as_own_record(decoded.text, format)
    resolved = _resolve_format(text, format)
    if resolved == "text":
        plain, lines = _plain_lines(normalise(text))
        return paragraph_texts(plain, _cut_points, lines), url or decoded.location
    reading = _read(text, resolved, url, config, deadline, decoded.location)
    return [block.text for block in reading.blocks], reading.url or decoded.location
