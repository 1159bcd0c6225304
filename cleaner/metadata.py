"""Metadata lines: find the byline and dateline blocks and read names and dates from them.

A byline ("By Jane Doe and John Roe") or a dateline ("Updated: January 06, 2024,
6:48 AM", "2 min readJan 6, 2024") is consumed: its values go into the article and
the block itself goes into the audit trail. A bare name line ("Christian Baghai") is
only a byline next to a dateline, as on Medium; elsewhere a short capitalised line may
be a heading. Once the authors are known, lines that only repeat an author's name (the
Medium footer) are furniture.

What it does not do: parsing names and dates is ``byline``'s and ``dates``' job; page
metadata (JSON-LD, meta tags) is read by ``htmlmeta``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.byline import looks_like_name, parse_byline
from cleaner.dates import Dateline, find_dateline
from cleaner.model import Role, Verdict

LAYER = "metadata"
MAX_LINE_CHARS = 160


@dataclass(frozen=True, slots=True)
class LineMetadata:
    """What the byline and dateline blocks of the text said."""

    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None


def _datelines(verdicts: list[Verdict]) -> list[Dateline]:
    """Mark every short undecided block that is wholly a dateline; return the dates in order."""
    found = []
    for position, verdict in enumerate(verdicts):
        if verdict.decided or len(verdict.text) > MAX_LINE_CHARS:
            continue
        dateline = find_dateline(verdict.text)
        if dateline is not None and (dateline.published or dateline.updated):
            verdicts[position] = verdict.decide(
                Role.DATELINE, rule="metadata.dateline", category="dateline", layer=LAYER
            )
            found.append(dateline)
    return found


def _next_to_dateline(verdicts: Sequence[Verdict], position: int) -> bool:
    neighbours = (position - 1, position + 1)
    return any(0 <= other < len(verdicts) and verdicts[other].role is Role.DATELINE for other in neighbours)


def _bylines(verdicts: list[Verdict]) -> list[str]:
    """Mark byline blocks; return the names in order, without repeats."""
    names: list[str] = []
    for position, verdict in enumerate(verdicts):
        if verdict.decided or len(verdict.text) > MAX_LINE_CHARS:
            continue
        found = parse_byline(verdict.text)
        if not found and looks_like_name(verdict.text) and _next_to_dateline(verdicts, position):
            found = (verdict.text.strip(),)
        if found:
            verdicts[position] = verdict.decide(Role.BYLINE, rule="metadata.byline", category="byline", layer=LAYER)
            names.extend(name for name in found if name.casefold() not in {n.casefold() for n in names})
    return names


def _author_repeats(verdicts: list[Verdict], authors: Sequence[str]) -> None:
    """Lines that only repeat an author's name, as Medium's footer does, are furniture."""
    known = {name.casefold() for name in authors}
    for position, verdict in enumerate(verdicts):
        if not verdict.decided and verdict.text.strip().casefold() in known:
            verdicts[position] = verdict.decide(
                Role.FURNITURE, rule="medium.author-repeat", category="medium", layer=LAYER
            )


def mark_metadata_lines(verdicts: Sequence[Verdict]) -> tuple[list[Verdict], LineMetadata]:
    """Decide byline and dateline blocks and return the values they carry."""
    marked = list(verdicts)
    datelines = _datelines(marked)
    authors = _bylines(marked)
    _author_repeats(marked, authors)
    published = next((line.published for line in datelines if line.published), None)
    updated = next((line.updated for line in datelines if line.updated), None)
    return marked, LineMetadata(tuple(authors), published, updated)
