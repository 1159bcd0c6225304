"""Cleaning one document: read it, decide its blocks, choose its metadata, assemble the ``Article``.

``clean`` is the library's entry point: it arms the document's ``Deadline``, reads the document
(``cleaner.pipeline.reading``), runs the block layers (``cleaner.pipeline.deciding``), chooses the
metadata (declared wins over what the lines say, which wins over guessed) and assembles the article
with its audit trail.  ``warm_up`` pays the one-off loads.

What it does NOT do: it holds no rules and no heuristics of its own; each step is a layer's function.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import cache
from pathlib import Path

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.errors import NO_DEADLINE, CleanError, Deadline
from cleaner.html.dates import warm_up as warm_up_dates
from cleaner.io.documents import is_container
from cleaner.io.files import InputError, read_article, source_format
from cleaner.io.records import Format
from cleaner.layout.assemble import Reread, build_article, metadata_from_blocks, no_title_in_body, settle_output
from cleaner.layout.textstages import load_text_model
from cleaner.layout.zones import head_after_title, no_head_in_kept_text
from cleaner.lexicon import day_first
from cleaner.metadata.authorlines import without_label
from cleaner.metadata.byline import credited_organisations
from cleaner.metadata.choice import choose_metadata, load_model
from cleaner.metadata.names import names_no_person
from cleaner.metadata.pagechoice import load_page_model
from cleaner.model import VALUE_FIELDS, Article, Metadata, Removal, Role, Verdict
from cleaner.pipeline.deciding import Decided, decide_blocks
from cleaner.pipeline.reading import Reading, check_arguments, decoded_text, read_decoded, read_document
from cleaner.rules.furniture import warm_up as warm_up_rules
from cleaner.sites.profile import Profile, SiteProfile, site_of
from cleaner.text.language import detect_language
from cleaner.text.language import warm_up as warm_up_language


def clean_blocks(
    reading: Reading, config: Config, site: SiteProfile | None = None, deadline: Deadline = NO_DEADLINE
) -> Article:
    """Run the block layers over a document read, choose its metadata and assemble the article.

    Its ``declared`` metadata wins over what the lines say, which wins over ``guessed`` metadata.
    The title is chosen among the lines only when the container declared none.  Plain text settles
    on a body that cleaning it again keeps whole (``assemble.settle_output``).  A site profile never
    empties a document: where it would leave no body the document is cleaned without it (``_unprofiled``).
    """
    article = _clean_blocks(reading, config, site, deadline)
    if site is None or article.blocks:
        return article
    return _unprofiled(reading, config, deadline) or article


def _unprofiled(reading: Reading, config: Config, deadline: Deadline) -> Article | None:
    """The document cleaned without its site's profile, where that keeps a body.

    A profile removes what repeats across a site's pages; copies of one article (a syndicated story saved five
    times, a page fetched twice) repeat whole, and the profile learned from them takes every line for template.
    """
    article = _clean_blocks(reading, config, None, deadline)
    return article if article.blocks else None


def _clean_blocks(reading: Reading, config: Config, site: SiteProfile | None, deadline: Deadline) -> Article:
    declared = reading.declared
    decided, verdicts, lines = _decide_and_choose(reading, config, site, deadline)
    if reading.plain:
        verdicts = settle_output(no_title_in_body(verdicts), _reread(config, site, deadline))
    deadline.check("assembling the article")
    detected = Metadata(language=decided.language or _body_language(verdicts, config)).sourced("detected")
    from_text = _people_only(metadata_from_blocks(verdicts).prefer(lines).prefer(detected), declared.site_name)
    if decided.whole:  # the canonical form read back: its front matter is the whole statement
        from_text = detected
    article = build_article(verdicts, declared.prefer(from_text).prefer(reading.guessed))
    outside = tuple(Removal(text, OUTSIDE_RULE, "outside-content", "extractor") for text in reading.left_out)
    return replace(article, removed=article.removed + _source_note(reading) + outside)


def _source_note(reading: Reading) -> tuple[Removal, ...]:
    """The audit's note of a page whose body is not its extraction: read from its script state, srcdoc or
    template, or a listing page's teasers, none of them an article (``cleaner.html.page``)."""
    if reading.note is None:
        return ()
    rule, text = reading.note
    return (Removal(text, rule, "source", "extractor"),)


def _body_language(verdicts: list[Verdict], config: Config) -> str | None:
    """The body's language, when the blocks the layers judged told none (their first prose a menu run into one
    line, in several languages): cleaning the body again reads it there, so the first cleaning does too."""
    return detect_language((verdict.text for verdict in verdicts if verdict.role is Role.BODY), default=config.language)


def _decide_and_choose(
    reading: Reading, config: Config, site: SiteProfile | None, deadline: Deadline, values: bool = True
) -> tuple[Decided, list[Verdict], Metadata]:
    """The block layers, then the metadata choice: the verdicts with the title marked, and the lines' metadata
    (without ``values``, only the marked verdicts are wanted: see ``choose_metadata``)."""
    decided = decide_blocks(reading, config, site, deadline)
    deadline.check("choosing the metadata")
    verdicts, lines = choose_metadata(
        decided.verdicts,
        decided.found,
        day_first=day_first(decided.language),
        model=load_model(config.metadata_model),
        choose_title=reading.declared.title is None and not decided.whole,
        extracted=reading.extracted,
        values=values,
    )
    if reading.plain:
        verdicts = no_head_in_kept_text(verdicts)
    return decided, verdicts, lines


def _reread(config: Config, site: SiteProfile | None, deadline: Deadline) -> Reread:
    """How ``clean(article.text, format="text")`` reads a body: its layers, its title, its head lines given back.

    Only the verdicts are used (what the reading keeps), never the metadata it would find: its values are not chosen.
    """

    def reread(texts: list[str]) -> list[Verdict]:
        reading = read_document("\n\n".join(texts), format="text", config=config, deadline=deadline)
        return head_after_title(_decide_and_choose(reading, config, site, deadline, values=False)[1])

    return reread


OUTSIDE_RULE = "extractor.outside-content"  # prose of the page that the main content does not hold


def _people_only(found: Metadata, site_name: str | None) -> Metadata:
    """Drop authors the lines name that are no person, a byline label they open with aside: an agency, a newsroom,
    a company, a domain ("By Reuters", "von Redaktion", "Autor: example.pl"), a bare role ("Staff Writer"), the
    site itself ("Miami Today on November 7, 2023"), as the page's own author offers are (``cleaner.html.authors``),
    or a value holding a slash ("Anna Weber/dpa": a writer and an agency, or two writers, as one value).

    The text layers read a byline's shape; only the page knows its own name.  The organisations among the names
    dropped (an agency, a company, a newsroom, the site; not a bare role) go to ``organisations``, as a
    page's credited organisations do, when the lines credit no person; their source is the authors'.
    """
    if not found.authors:
        return found
    bare = [without_label(author) for author in found.authors]
    people = tuple(
        author
        for author, name in zip(found.authors, bare, strict=True)
        if not names_no_person(name, site_name=site_name)
    )
    if people == found.authors:
        return found
    credited = () if people else credited_organisations(bare, site_name=site_name)
    sources = dict(found.sources)
    if credited and "authors" in sources:
        sources["organisations"] = sources["authors"]
    moved = replace(found, authors=people, organisations=found.organisations or credited)
    return replace(
        moved, sources=tuple((name, sources[name]) for name in VALUE_FIELDS if getattr(moved, name) and name in sources)
    )


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
    raises ``TypeError`` when ``source`` is neither ``str`` nor ``bytes`` (or ``url``, ``site``, ``format``, ``config``,
    ``profile`` of another type than documented), ``ValueError`` for an unknown ``format``, both before the document
    is read, and ``CleanError`` for a ``str`` holding a lone surrogate.  Bytes that
    are not valid UTF-8 in a mostly UTF-8 text are replaced with U+FFFD and listed in ``removed``
    (rule ``decode.invalid-utf8``), and so are the NUL characters dropped past the first 8 KB (``decode.nul``).
    """
    check_arguments(url, config, profile, format=format, site=site)
    config = config or DEFAULT_CONFIG
    deadline = Deadline(config.timeout)
    with deadline.armed():
        deadline.check("decoding")
        decoded = decoded_text(source, config)
        notes = decoded.notes
        reading = read_decoded(
            decoded.text, format=format, url=url, config=config, deadline=deadline, location=decoded.location
        )
        site_profile = profile.site(site_of(reading.url, site)) if profile else None
        article = clean_blocks(reading, config, site_profile, deadline)
    return replace(article, removed=(*notes, *article.removed)) if notes else article


def clean_file(
    path: str | os.PathLike[str],
    *,
    config: Config | None = None,
    profile: Profile | None = None,
    site: str | None = None,
) -> Article:
    """Clean one article file as the ``clean`` command reads it: ``.html``/``.htm``/``.xhtml``/``.shtml`` as a page
    (``.mhtml``/``.mht``, a page a browser saved as one file, as its page),
    ``.md`` and ``.markdown`` as Markdown, anything else by its content (a compressed file, ``page.html.gz``, ``.bz2``,
    ``.xz``, decompressed, as the name inside it says); the site of a ``profile`` is the page's, else
    ``site``, else the file's folder.  A file that cannot be an article (missing, not a regular file, unreadable,
    empty, binary, over ``max_bytes``) raises ``CleanError`` naming the file and the reason, as the command says it;
    so does a JSON Lines or WARC file or a web feed (as the command tells them), which holds many documents.
    """
    check_arguments(None, config, profile, caller="clean_file()", site=site)
    if not isinstance(path, str | os.PathLike) or isinstance(os.fspath(path), bytes):
        raise TypeError(f"clean_file() takes the file's path as str or os.PathLike, not {type(path).__name__}")
    config = config or DEFAULT_CONFIG
    path = Path(path)
    if is_container(path):  # the command streams its records; read whole, it was one "article" of JSON or bytes
        raise CleanError(
            f"{path}: a JSON Lines, WARC or feed file holds many documents, not one article: clean its records with "
            "cleaner.clean_many(documents_from_path(path)), after from cleaner.io.documents import documents_from_path"
        )
    try:
        raw = read_article(path, config.max_bytes)
    except InputError as error:
        raise CleanError(f"{path}: {error}") from None
    folder = site or path.absolute().parent.name
    try:
        return clean(raw, format=source_format(path), config=config, profile=profile, site=folder)
    except CleanError as error:  # the same kind (a TimeLimitError stays one), naming the file
        raise type(error)(f"{path}: {error}") from None


def warm_up(config: Config | None = None, *, html: bool = True) -> None:
    """Pay cleaning's one-off costs now, not on whichever document first needs them.

    Compiles ``config``'s rules, loads the models it names (the shipped ones by default) and
    langdetect's language profiles; with ``html``, also the page model, htmldate's date parser (whose
    first use compiles patterns for every locale: 1.5-2 s of CPU, once per process) and the page readers
    (one small page cleaned).  Optional: ``clean`` pays each cost when first needed, against that
    document's time limit; the ``clean`` command's processes call this before their first document
    (``cleaner.run.executor.Job.warm_up``), and the benchmark before its timed pass (reporting the
    time), so that pages per second measure per-page work.
    """
    check_arguments(None, config, caller="warm_up()")
    config = config or DEFAULT_CONFIG
    warm_up_rules(config.rules)
    config.keep_patterns  # noqa: B018  # compiled once, on first use
    load_text_model(config.text_model)
    load_model(config.metadata_model)
    warm_up_language()
    if html:
        load_page_model(config.page_metadata_model)
        _page_models.add(config.page_metadata_model)
        _warm_up_pages()


_page_models: set[Path | None] = set()  # the page models ``warm_up`` loaded in this process (None: the shipped one)


def pages_warm(config: Config | None = None) -> bool:
    """Whether this process has paid the HTML layer's one-off loads for ``config`` (``warm_up`` with ``html``):
    those of every configuration, and the page model it names (a retrained one is a load of its own)."""
    model = (config or DEFAULT_CONFIG).page_metadata_model
    return _warm_up_pages.cache_info().currsize > 0 and model in _page_models


@cache
def _warm_up_pages() -> None:
    """htmldate's date parser and the page readers and extractors (one small page cleaned: 0.1-0.4 s), once a
    process: a worker that warms up before every batch it is given (a Dask task) pays them once."""
    warm_up_dates()
    clean(_WARM_UP_PAGE, format="html")


# A page that goes through every reader of the HTML layer once (extractors, metadata, the page model).
_WARM_UP_PAGE = (
    "<html><head><title>A headline</title></head><body><article><h1>A headline</h1>"
    "<p>By A. Writer</p><p>One paragraph of a few words, enough to be read as an article's text.</p>"
    "</article></body></html>"
)
