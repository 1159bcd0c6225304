"""Metadata lines: mark the byline and dateline blocks and record what each one says.

A byline ("By Jane Doe and John Roe") or a dateline ("Updated: January 06, 2024,
6:48 AM", "2 min readJan 6, 2024") is consumed: the block goes into the audit trail, and
its names or dates become a ``Candidate`` for the article's authors or publication date.
A bare name line ("Christian Baghai") is only a byline next to a dateline, as on Medium;
elsewhere a short capitalised line may be a heading.  Lines that only repeat a byline's
name (the Medium footer) are furniture.

What it does not do: it does not choose which byline or dateline is the article's (a page dump
carries teasers' and comments' bylines too): ``cleaner.metadata.choice`` ranks the candidates
once the article's place on the page is known.  Parsing names and dates is ``byline``'s,
``credits``' and ``dates``' job; page metadata (JSON-LD, meta tags) is read by the html layer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.errors import NO_DEADLINE, Deadline
from cleaner.metadata.byline import is_byline_word, parse_byline
from cleaner.metadata.credits import parse_credit
from cleaner.metadata.dates import find_dateline
from cleaner.metadata.datewords import PUBLISHED_WORDS
from cleaner.metadata.names import looks_like_name
from cleaner.model import Metadata, Role, Verdict

LAYER = "metadata"
STAGE = "byline and dateline lines"  # the stage a document stopped in, as the pipeline names it
MAX_LINE_CHARS = 160
DATELINE_RULE = "metadata.dateline"  # a line that is wholly a dateline (or a period: no date)
_YEARISH = re.compile(r"\d\d\d\d|\d[./-]\d\d?[./-]?\d\d")  # a year, or a short one after day and month
_LOWER_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value a line offers for a field of the article: ``field`` is "title", "date" or "authors".

    ``source`` names the reader that found it ("dateline", "credit", "byline", ...); ``label`` is
    what a dateline's own words call the date ("published", "updated", or "").
    """

    field: str
    position: int
    value: str | tuple[str, ...]
    source: str
    label: str = ""


SOURCES = {  # each candidate ``source``'s code in the date and author candidates' features
    "line": 0,
    "dateline": 1,
    "credit": 2,
    "lead": 3,
    "mention": 4,
    "byline": 5,
    "split-byline": 6,
    "name-by-dateline": 7,
    "names": 8,
    "group": 9,
    "labelled": 10,
    "short": 11,
}


def names_publication(text: str) -> bool:
    """The line names the publication ("Veröffentlicht:", "Posted on", "Publié"): a word of ``published_labels``."""
    return not PUBLISHED_WORDS.isdisjoint(_LOWER_WORDS.findall(text.lower()))


def _date_candidates(position: int, text: str, found: Metadata, source: str) -> list[Candidate]:
    """A dateline's dates: labelled "published" when the line names the publication ("Veröffentlicht:")."""
    out = []
    if found.published:
        named = names_publication(text)
        out.append(Candidate("date", position, found.published, source, "published" if named else ""))
    if found.updated:
        out.append(Candidate("date", position, found.updated, source, "updated"))
    return out


def _dated_lines(verdicts: Sequence[Verdict]) -> list[int]:
    """The open lines short enough to read that hold a year: a credit line or a dateline carries a date,
    and every date read has a year (relative dates, "yesterday", are not read)."""
    return [
        position
        for position, verdict in enumerate(verdicts)
        if verdict.role is Role.UNDECIDED
        and len(verdict.block.text) <= MAX_LINE_CHARS
        and _YEARISH.search(verdict.block.text)
    ]


def _credit_lines(
    verdicts: list[Verdict], dated: Sequence[int], day_first: bool | None, deadline: Deadline
) -> list[Candidate]:
    """Mark lines carrying both names and a date ("Posted on March 3, 2024 by Tom Hale") among the ``dated``."""
    found: list[Candidate] = []
    for position in dated:
        deadline.check(STAGE)
        verdict = verdicts[position]
        if verdict.decided:
            continue  # the names' line of a credit split over two lines
        credit = parse_credit(verdict.text, day_first=day_first)
        if credit is None:
            credit = _split_credit(verdicts, position, day_first)
        if credit is not None:
            verdicts[position] = verdict.decide(
                Role.BYLINE, rule="metadata.byline-dateline", category="byline", layer=LAYER
            )
            found.append(Candidate("authors", position, credit.authors, "credit"))
            found.extend(_date_candidates(position, verdict.text, credit, "credit"))
    return found


def _split_credit(verdicts: list[Verdict], position: int, day_first: bool | None) -> Metadata | None:
    """A date and a byline word on one line, the names on the next ("10.12.2022 18:27 von" / "Hinrich Neumann").

    Page dumps break the line where the name is a link of its own; read together, the two lines
    must make a credit line, and the names' line is marked a byline too.
    """
    words = verdicts[position].text.split()
    following = position + 1
    if len(words) < 2 or not is_byline_word(words[-1]) or following >= len(verdicts):
        return None
    names_line = verdicts[following]
    if names_line.decided or len(names_line.text) > MAX_LINE_CHARS:
        return None
    credit = parse_credit(f"{verdicts[position].text.strip()} {names_line.text.strip()}", day_first=day_first)
    if credit is not None:
        verdicts[following] = names_line.decide(
            Role.BYLINE, rule="metadata.byline-dateline", category="byline", layer=LAYER
        )
    return credit


def _datelines(
    verdicts: list[Verdict], dated: Sequence[int], day_first: bool | None, deadline: Deadline
) -> list[Candidate]:
    """Mark every ``dated`` block still undecided that is wholly a dateline; return its dates."""
    found = []
    for position in dated:
        deadline.check(STAGE)
        verdict = verdicts[position]
        if verdict.decided:
            continue
        dateline = find_dateline(verdict.text, day_first=day_first)
        if dateline is not None:  # a period (``find_dateline``'s NO_DATES) is a date line too, offering no date
            verdicts[position] = verdict.decide(Role.DATELINE, rule=DATELINE_RULE, category="dateline", layer=LAYER)
            found.extend(_date_candidates(position, verdict.text, dateline, "dateline"))
    return found


DATE_RULES = frozenset({DATELINE_RULE, "metadata.byline-dateline"})


def _next_to_dateline(verdicts: Sequence[Verdict], position: int, datelines: frozenset[int]) -> bool:
    """A dateline is the block before or after, or the one past a separator line ("|", "-", "•").

    ``datelines`` are the dateline blocks' positions: a block with none within two places is refused
    without reading its neighbours.
    """
    if datelines.isdisjoint(range(position - 2, position + 3)):
        return False
    for step in (-1, 1):
        other = position + step
        if 0 <= other < len(verdicts) and _SEPARATOR_LINE.fullmatch(verdicts[other].text):
            other += step
        if 0 <= other < len(verdicts) and verdicts[other].role is Role.DATELINE:
            return True
    return False


_SEPARATOR_LINE = re.compile(r"[\s|·•*/–—-]+")


def _bylines(verdicts: list[Verdict], deadline: Deadline) -> list[Candidate]:
    """Mark byline blocks; return the names each gives."""
    names: list[Candidate] = []
    # the datelines' places (this loop marks bylines only, so they stay as they are): else no line stands next to one
    datelines = frozenset(position for position, verdict in enumerate(verdicts) if verdict.role is Role.DATELINE)
    for position, verdict in enumerate(verdicts):
        deadline.check(STAGE)
        text = verdict.block.text
        if verdict.role is not Role.UNDECIDED or len(text) > MAX_LINE_CHARS:
            continue
        found, source = parse_byline(text), "byline"  # () is a byline naming no person: "By Reuters"
        if found is None and datelines and _next_to_dateline(verdicts, position, datelines) and looks_like_name(text):
            found, source = (text.strip(),), "name-by-dateline"
        if found is None and is_byline_word(text):  # the test _split_byline opens with, without the call
            found, source = _split_byline(verdicts, position), "split-byline"
        if found is not None:
            verdicts[position] = verdict.decide(Role.BYLINE, rule="metadata.byline", category="byline", layer=LAYER)
            names.append(Candidate("authors", position, found, source))
    return names


def _split_byline(verdicts: list[Verdict], position: int) -> tuple[str, ...] | None:
    """A byline word alone on its line and the names on the next ("Von" / "Ernst Lohoff").

    Read together they must make a byline; the names' line is marked a byline too.
    """
    following = position + 1
    if not is_byline_word(verdicts[position].text) or following >= len(verdicts):
        return None
    names_line = verdicts[following]
    if names_line.decided or len(names_line.text) > MAX_LINE_CHARS:
        return None
    found = parse_byline(f"{verdicts[position].text.strip()} {names_line.text.strip()}")
    if found is not None:
        verdicts[following] = names_line.decide(Role.BYLINE, rule="metadata.byline", category="byline", layer=LAYER)
    return found


def _author_repeats(verdicts: list[Verdict], authors: Sequence[str]) -> None:
    """Lines that only repeat an author's name, as Medium's footer does, are furniture."""
    known = {name.casefold() for name in authors}
    if not known:
        return  # no author named: no line can repeat one
    for position, verdict in enumerate(verdicts):
        if verdict.role is Role.UNDECIDED and verdict.text.strip().casefold() in known:
            verdicts[position] = verdict.decide(
                Role.FURNITURE, rule="metadata.author-repeat", category="medium", layer=LAYER
            )


def mark_metadata_lines(
    verdicts: Sequence[Verdict], *, day_first: bool | None, deadline: Deadline = NO_DEADLINE
) -> tuple[list[Verdict], list[Candidate]]:
    """Decide byline and dateline blocks and return the values they offer, in page order.

    Lines with both names and a date go first (a dateline alone would not take them);
    ``day_first`` says how to read 03/05/2024 (``cleaner.lexicon.day_first``).  ``deadline`` (the
    document's time limit) is checked at every line read: a page of 100,000 dated paragraphs takes seconds.
    """
    marked = list(verdicts)
    dated = _dated_lines(marked)
    found = _credit_lines(marked, dated, day_first, deadline) + _datelines(marked, dated, day_first, deadline)
    found += _bylines(marked, deadline)
    _author_repeats(marked, [name for item in found if item.field == "authors" for name in item.value])
    return marked, sorted(found, key=lambda item: item.position)
