"""The pipeline: one document in, one ``Article`` out, through the layers in order.

    decode -> segment (text, Markdown) | html (pages) -> furniture rules -> language
           -> metadata lines -> zones -> classify -> site profile -> article

Each step is a function over plain data (see ``model``); this module only chooses the
input path and passes the data along. It holds no rules and no heuristics of its own.

Every document runs under one ``Deadline`` (``cleaner.errors``: ``timeout`` in the configuration),
from decoding to the assembled article: checked between the layers, handed to the layers that
loop long, and armed as a timer when ``clean`` runs on the main thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.errors import NO_DEADLINE, CleanError, Deadline
from cleaner.html import page as html_layer
from cleaner.html.dates import warm_up as warm_up_dates
from cleaner.io import markdown
from cleaner.io.records import FORMATS, Format
from cleaner.layout.assemble import build_article, metadata_from_blocks
from cleaner.layout.classify import classify
from cleaner.layout.tables import CellRun, cell_runs, reopen_table_numbers
from cleaner.layout.textmodel import Reopen, classify_text, load_text_model
from cleaner.layout.zones import mark_title_before_body, mark_zones
from cleaner.lexicon import day_first
from cleaner.metadata.choice import choose_metadata, load_model
from cleaner.metadata.lines import Candidate, mark_metadata_lines
from cleaner.metadata.names import is_organisation
from cleaner.metadata.pagechoice import load_page_model
from cleaner.model import Article, Block, Metadata, Removal, Role, Verdict
from cleaner.rules.furniture import mark_furniture
from cleaner.sites.apply import apply_profile, credit_profile, match_page
from cleaner.sites.profile import Profile, SiteProfile, site_of
from cleaner.text.decode import DecodeError, decode_reporting, normalise
from cleaner.text.language import detect_language, stoplist
from cleaner.text.language import warm_up as warm_up_language
from cleaner.text.segment import paragraphs, segment

NOTHING = Metadata()  # no source said anything
FENCE_SAMPLE = 16  # enough of the start to see a front matter fence behind a BOM or a CRLF


DECODE_RULE = "decode.invalid-utf8"


def _to_text(source: str | bytes, config: Config) -> tuple[str, tuple[Removal, ...]]:
    """Decoded, not yet normalised (a page's markup is not: ``html`` normalises what it reads out),
    with an audit entry for the bytes that were not valid UTF-8 in a mostly UTF-8 text."""
    if isinstance(source, bytes | bytearray | memoryview):
        source = bytes(source)
    elif not isinstance(source, str):
        raise TypeError(f"clean() takes the document as str or bytes, not {type(source).__name__}")
    if len(source) > config.max_bytes:
        raise CleanError(f"too large: {len(source):,} bytes (limit {config.max_bytes:,}; see 'max_bytes')")
    if not source.strip():
        raise CleanError("empty: the document has no text")
    if isinstance(source, str):
        return source, ()
    try:
        decoded = decode_reporting(source, declared=html_layer.declared_charset(source))
    except DecodeError as error:
        raise CleanError(str(error)) from None
    if not decoded.replaced:
        return decoded.text, ()
    shown = " ".join(f"\\x{byte:02x}" for byte in decoded.replaced[:20])
    more = f" and {len(decoded.replaced) - 20} more" if len(decoded.replaced) > 20 else ""
    note = Removal(shown + more, DECODE_RULE, "encoding", "decode")
    return decoded.text, (note,)


def _resolve_format(text: str, format: Format) -> Format:
    if format not in FORMATS:
        raise CleanError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if format != "auto":
        return format
    if normalise(text[:FENCE_SAMPLE]).startswith(f"{markdown.FENCE}\n"):
        return "markdown"
    return "html" if html_layer.looks_like_html(text) else "text"


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

    @property
    def url(self) -> str | None:
        return self.declared.url


def _read(text: str, format: Format, url: str | None, config: Config, deadline: Deadline) -> Reading:
    if format == "html":
        deadline.check("reading the page")
        try:
            timeout = min(config.timeout, deadline.remaining())
            page = html_layer.read_page(
                text, url=url, timeout=timeout, model=load_page_model(config.page_metadata_model)
            )
        except html_layer.PageError as error:
            raise (deadline.error() if deadline.expired() else CleanError(str(error))) from None
        return page_reading(page, url)
    text = normalise(text)
    if format == "markdown":
        try:
            front, body = markdown.split_front_matter(text)
        except markdown.FrontMatterError as error:
            raise CleanError(str(error)) from None
        if front is not None:
            declared = _given_url(url).prefer(front.metadata)
            return Reading(segment(body), declared, marked=True, stated=_states_the_article(front))
        return Reading(segment(text), _given_url(url), marked=True)
    return Reading(segment(text), _given_url(url))


def _states_the_article(front: markdown.FrontMatter) -> bool:
    """Whether front matter states some of the article's metadata (not only a corpus's own keys)."""
    meta = front.metadata
    return any((meta.title, meta.subtitle, meta.authors, meta.published, meta.updated, meta.language))


def _whole_statement(reading: Reading, verdicts: Sequence[Verdict]) -> bool:
    """Whether the front matter is the article's whole metadata: the canonical form read back.

    The canonical form writes every field cleaning found, and its body holds no byline or dateline
    line (they were removed); a field it leaves out was searched for and not found.  Searching the
    body again (a date at the start of a paragraph, a heading atop it) would find what the first
    reading rejected in its context, and a second ``--in-place`` would change the file.  Front matter
    beside byline or dateline lines (a scraper's title over a raw body) is not the whole statement,
    and neither is one holding only a corpus's own keys (``id``, ``url``).
    """
    return reading.stated and not any(verdict.role in (Role.BYLINE, Role.DATELINE) for verdict in verdicts)


def _given_url(url: str | None) -> Metadata:
    """The URL the caller gave: it wins over the one a page or front matter states."""
    return Metadata(url=url).sourced("given")


def page_reading(page: html_layer.Page, url: str | None = None) -> Reading:
    """A page read by the html layer as a ``Reading``: its metadata declared, htmldate's date guessed.

    The page's declared language is kept by the html layer only when the body's stopwords agree
    with it, so it can stand in for detection.
    """
    declared = _given_url(url).prefer(page.metadata)
    extracted = not page.whole_page
    return Reading(list(page.blocks), declared, page.guessed, extracted=extracted, left_out=page.left_out, html=True)


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
    text, _ = _to_text(source, config)
    deadline.check("segmenting")
    return _read(text, _resolve_format(text, format), url, config, deadline)


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
    text, _ = _to_text(source, config)
    deadline.check("segmenting")
    resolved = _resolve_format(text, format)
    if resolved == "text":
        return [body for _, body in paragraphs(normalise(text))], url
    reading = _read(text, resolved, url, config, deadline)
    return [block.text for block in reading.blocks], reading.url


def rule_verdicts(
    blocks: Sequence[Block], config: Config, *, language: str | None = None, deadline: Deadline = NO_DEADLINE
) -> tuple[list[Verdict], list[Candidate]]:
    """The layers before the site profile: furniture rules, then byline and dateline lines.

    Profiles learn from what these leave undecided (``cleaner.corpus.twopass``), so the two agree.
    ``language`` tells the dateline reader whether 03/05/2024 is day first.
    """
    return mark_metadata_lines(furniture_verdicts(blocks, config, deadline), day_first=day_first(language))


def furniture_verdicts(blocks: Sequence[Block], config: Config, deadline: Deadline = NO_DEADLINE) -> list[Verdict]:
    """Every block with a verdict, decided where a furniture rule (or a keep pattern) says so."""
    verdicts = [Verdict(block, kind=block.kind) for block in blocks]
    return mark_furniture(verdicts, config.rules, config.keep_patterns, deadline=deadline)


def _language(verdicts: Sequence[Verdict], declared: str | None, config: Config) -> str | None:
    """The declared language, else the one detected in the blocks furniture rules leave.

    Captions, credits and prompts are often in another language than the article (English
    agency credits on a French page); detected without them, the language is the one the
    body's own text gives, so cleaning the cleaned body again finds the same language.
    """
    if declared:
        return declared
    texts = (verdict.text for verdict in verdicts if verdict.role is not Role.FURNITURE)
    return detect_language(texts, default=config.language)


@dataclass(frozen=True, slots=True)
class Decided:
    """A document's verdicts after every block layer, before the metadata is chosen (what training sees)."""

    verdicts: list[Verdict]
    found: list[Candidate]
    language: str | None
    whole: bool = False  # the front matter is the whole statement of the metadata (``_whole_statement``)


def open_verdicts(
    reading: Reading, config: Config, deadline: Deadline = NO_DEADLINE
) -> tuple[list[Verdict], list[Candidate], str | None, bool]:
    """The layers before the classifier: rules, language, metadata lines, zones.

    What they leave undecided is what the classifier judges (``bench/train_text.py`` trains the
    text model on exactly these verdicts); also the metadata candidates, the language, and whether
    front matter is the whole statement of the metadata.
    """
    return _open(reading, config, deadline)[:4]


def _open(
    reading: Reading, config: Config, deadline: Deadline
) -> tuple[list[Verdict], list[Candidate], str | None, bool, list[CellRun] | None]:
    """``open_verdicts``, and the plain text's tables (``tables.cell_runs``, found once for the page: the
    table numbers are reopened by them and the text model's features describe them; None for other input)."""
    verdicts = furniture_verdicts(reading.blocks, config, deadline)
    cells = None
    if not (reading.html or reading.marked):
        cells = cell_runs([verdict.text for verdict in verdicts])
        verdicts = reopen_table_numbers(verdicts, cells)  # a table's number cells are judged with it, not as counters
    deadline.check("language detection")
    language = _language(verdicts, reading.declared.language, config)
    deadline.check("byline and dateline lines")
    verdicts, found = mark_metadata_lines(verdicts, day_first=day_first(language))
    whole = _whole_statement(reading, verdicts)
    deadline.check("zones")
    verdicts = mark_zones(verdicts, config.tail_rule_ids, head=reading.declared.title is None and not whole)
    return verdicts, found, language, whole, cells


def _reopen(config: Config, deadline: Deadline) -> Reopen:
    """How a second cleaning reads kept texts (the text model settles on what it would keep)."""

    def reopen(texts: list[str]) -> tuple[list[Verdict], frozenset[str], list[CellRun] | None]:
        verdicts, _, language, _, cells = _open(Reading(segment("\n\n".join(texts))), config, deadline)
        return verdicts, stoplist(language), cells

    return reopen


def decide_blocks(
    reading: Reading, config: Config, site: SiteProfile | None = None, deadline: Deadline = NO_DEADLINE
) -> Decided:
    """Run the block layers over a document read: rules, language, metadata lines, zones, classifier, profile.

    Plain text is judged by the trained text model (``layout.textmodel``); a page's blocks and
    Markdown by ``classify``, where ``extracted`` blocks (an HTML page's main content) and cleaner's
    own canonical form read back are not searched for the article again.  A site profile is the last
    layer (``sites.apply``); for plain text its evidence is also one more feature of the text model
    (``site_repetition``), and the removals that evidence caused are credited to it.
    """
    verdicts, found, language, whole, cells = _open(reading, config, deadline)
    page = match_page([verdict.text for verdict in verdicts], site)  # the page's keys and generation, found once
    find_head = reading.declared.title is None and not whole
    deadline.check("the classifier")
    stopwords = stoplist(language)
    plain = not (reading.html or reading.marked)
    if plain:
        model = load_text_model(config.text_model)
        reopen = _reopen(config, deadline)
        evidence = page.repetition if page is not None else None
        verdicts = classify_text(verdicts, stopwords, config.tail_rule_ids, model, reopen, evidence, cells)
    else:
        whole_page = False if reading.extracted or whole else None  # cleaner's own output read back: kept
        verdicts = classify(verdicts, stopwords, whole_page=whole_page, headings=not reading.marked)
    if find_head:
        verdicts = mark_title_before_body(verdicts)
    deadline.check("the site profile")
    if plain:
        verdicts = credit_profile(verdicts, page)  # the text model weighed its evidence: the removals it caused
    verdicts = apply_profile(verdicts, page)  # last: it removes body blocks the layers above kept (sites.apply)
    return Decided(verdicts, found, language, whole)


def clean_blocks(
    reading: Reading, config: Config, site: SiteProfile | None = None, deadline: Deadline = NO_DEADLINE
) -> Article:
    """Run the block layers over a document read, choose its metadata and assemble the article.

    Its ``declared`` metadata wins over what the lines say, which wins over ``guessed`` metadata.
    The title is chosen among the lines only when the container declared none.
    """
    declared = reading.declared
    decided = decide_blocks(reading, config, site, deadline)
    deadline.check("choosing the metadata")
    verdicts, lines = choose_metadata(
        decided.verdicts,
        decided.found,
        day_first=day_first(decided.language),
        model=load_model(config.metadata_model),
        choose_title=declared.title is None and not decided.whole,
        extracted=reading.extracted,
    )
    deadline.check("assembling the article")
    detected = Metadata(language=decided.language).sourced("detected")
    from_text = _without_the_site(metadata_from_blocks(verdicts).prefer(lines).prefer(detected), declared.site_name)
    if decided.whole:  # the canonical form read back: its front matter is the whole statement
        from_text = detected
    article = build_article(verdicts, declared.prefer(from_text).prefer(reading.guessed))
    outside = tuple(Removal(text, OUTSIDE_RULE, "outside-content", "extractor") for text in reading.left_out)
    return replace(article, removed=article.removed + outside)


OUTSIDE_RULE = "extractor.outside-content"  # prose of the page that the main content does not hold


def _without_the_site(found: Metadata, site_name: str | None) -> Metadata:
    """Drop authors the lines name that are the site itself ("Miami Today on November 7, 2023").

    The text layers read a byline's shape; only the page knows its own name.
    """
    if not site_name or not found.authors:
        return found
    return replace(found, authors=tuple(a for a in found.authors if not is_organisation(a, site_name=site_name)))


def clean(
    source: str | bytes,
    *,
    format: Format = "auto",
    url: str | None = None,
    config: Config | None = None,
    profile: Profile | None = None,
    site: str | None = None,
) -> Article:
    """Clean one scraped article (plain text, Markdown or an HTML page) into an ``Article``.

    With a ``profile``, the furniture it learned for the document's site is removed too; the
    site is the host of ``url`` (or of the page's own URL), else ``site`` (e.g. its folder name).

    Raises ``CleanError`` when the input is not a document (empty, binary, undecodable, too
    large), and its ``TimeLimitError`` when cleaning takes longer than ``config.timeout`` seconds;
    raises ``TypeError`` when ``source`` is neither ``str`` nor ``bytes``.  Bytes that are not valid
    UTF-8 in a mostly UTF-8 text are replaced with U+FFFD and listed in ``removed``
    (rule ``decode.invalid-utf8``).
    """
    config = config or DEFAULT_CONFIG
    deadline = Deadline(config.timeout)
    with deadline.armed():
        deadline.check("decoding")
        text, notes = _to_text(source, config)
        reading = read_document(text, format=format, url=url, config=config, deadline=deadline)
        site_profile = profile.site(site_of(reading.url, site)) if profile else None
        article = clean_blocks(reading, config, site_profile, deadline)
    return replace(article, removed=(*notes, *article.removed)) if notes else article


def warm_up(config: Config | None = None) -> None:
    """Pay cleaning's one-off costs now, not on whichever document first needs them.

    Loads the models ``config`` names (the shipped ones by default), langdetect's language
    profiles and htmldate's date parser (whose first use compiles patterns for every locale:
    1.5-2 s of CPU, once per process).  Optional: ``clean`` pays each cost when first needed;
    a long-running worker may call this when it starts, and the benchmark calls it before its
    timed pass (reporting the time), so that pages per second measure per-page work.
    """
    config = config or DEFAULT_CONFIG
    load_page_model(config.page_metadata_model)
    load_text_model(config.text_model)
    load_model(config.metadata_model)
    warm_up_language()
    warm_up_dates()


__all__ = [
    "FORMATS",
    "CleanError",
    "Format",
    "Reading",
    "Role",
    "clean",
    "clean_blocks",
    "decide_blocks",
    "document_texts",
    "open_verdicts",
    "read_document",
    "rule_verdicts",
    "warm_up",
]
