"""Deciding a document's blocks: the block layers in order, from furniture rules to the site profile.

    furniture rules -> running page lines (text with page breaks) -> sentence rules -> table numbers (plain text)
        -> language -> byline and dateline lines -> zones -> text model (plain text) | classify (pages, Markdown)
        -> head -> site profile

``open_verdicts`` runs the layers before the classifier (what ``bench/train_text.py`` trains on);
``decide_blocks`` runs them all.  (That cleaning the output changes nothing is checked on the output
itself: ``assemble.settle_output``, called by ``cleaner.pipeline.cleaning``.)

What it does NOT do: it reads no document (``cleaner.pipeline.reading``), chooses no metadata and
assembles no article (``cleaner.pipeline.cleaning``), and holds no rule or threshold of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.config import Config
from cleaner.errors import NO_DEADLINE, Deadline
from cleaner.layout.classify import classify
from cleaner.layout.tables import CellRun, cell_runs, reopen_table_numbers
from cleaner.layout.textmodel import STAGE as CLASSIFIER_STAGE
from cleaner.layout.textmodel import classify_text
from cleaner.layout.textstages import load_text_model
from cleaner.layout.zones import mark_title_before_body, mark_zones
from cleaner.lexicon import day_first
from cleaner.metadata.lines import STAGE as METADATA_STAGE
from cleaner.metadata.lines import Candidate, mark_metadata_lines
from cleaner.model import Block, Role, Verdict
from cleaner.pipeline.reading import Reading
from cleaner.rules.furniture import mark_furniture
from cleaner.rules.sentences import mark_sentence_furniture
from cleaner.sites.apply import apply_profile, credit_profile, match_page
from cleaner.sites.profile import SiteProfile
from cleaner.text.language import detect_language, stoplist
from cleaner.text.pages import mark_running_lines


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
    verdicts = [Verdict(block, Role.UNDECIDED, block.kind) for block in blocks]
    return mark_furniture(verdicts, config.rules, config.keep_patterns, deadline=deadline)


def _language(verdicts: Sequence[Verdict], declared: str | None, config: Config) -> str | None:
    """The declared language, else the one detected in the blocks furniture rules leave.

    Captions, credits and prompts are often in another language than the article (English
    agency credits on a French page); detected without them, the language is the one the
    body's own text gives, so cleaning the cleaned body again finds the same language.
    """
    if declared:
        return declared
    texts = (verdict.block.text for verdict in verdicts if verdict.role is not Role.FURNITURE)
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
    verdicts = mark_running_lines(furniture_verdicts(reading.blocks, config, deadline), reading.running)
    # a subscribe or follow box left as one block: a page's too, as its output read back as Markdown meets it
    verdicts = mark_sentence_furniture(verdicts, config.rules)
    cells = None
    if not reading.html:  # plain text, and Markdown such as cleaner's own output read back
        cells = cell_runs([verdict.block.text for verdict in verdicts])
        verdicts = reopen_table_numbers(verdicts, cells)  # a table's number cells are judged with it, not as counters
    deadline.check("language detection")
    language = _language(verdicts, reading.declared.language, config)
    deadline.check(METADATA_STAGE)
    verdicts, found = mark_metadata_lines(verdicts, day_first=day_first(language), deadline=deadline)
    whole = _whole_statement(reading, verdicts)
    deadline.check("zones")
    verdicts = mark_zones(verdicts, config.tail_rule_ids, head=reading.declared.title is None and not whole)
    return verdicts, found, language, whole, cells


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
    page = match_page([verdict.block.text for verdict in verdicts], site)  # the page's keys and generation, found once
    find_head = reading.declared.title is None and not whole
    deadline.check(CLASSIFIER_STAGE)
    stopwords = stoplist(language)
    if reading.plain:
        model = load_text_model(config.text_model)
        evidence, between = (page.repetition, page.between) if page is not None else (None, range(0))
        verdicts = classify_text(verdicts, stopwords, config.tail_rule_ids, model, evidence, cells, between, deadline)
    else:
        whole_page = False if reading.extracted or whole else None  # cleaner's own output read back: kept
        verdicts = classify(verdicts, stopwords, whole_page=whole_page, headings=not reading.marked)
    if find_head:
        verdicts = mark_title_before_body(verdicts)
    deadline.check("the site profile")
    if reading.plain:
        verdicts = credit_profile(verdicts, page)  # the text model weighed its evidence: the removals it caused
    verdicts = apply_profile(verdicts, page)  # last: it removes body blocks the layers above kept (sites.apply)
    return Decided(verdicts, found, language, whole)
