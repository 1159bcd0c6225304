"""Metadata lines: find the byline and dateline blocks and read names and dates from them.

A byline ("By Jane Doe and John Roe") or a dateline ("Updated: January 06, 2024,
6:48 AM", "2 min readJan 6, 2024") is consumed: its values go into the article and
the block itself goes into the audit trail. A bare name line ("Christian Baghai") is
only a byline next to a dateline, as on Medium; elsewhere a short capitalised line may
be a heading. Once the authors are known, lines that only repeat an author's name (the
Medium footer) are furniture.

What it does not do: parsing names and dates is ``byline``'s and ``dates``' job; page
metadata (JSON-LD, meta tags) is read by ``htmlmeta`` and the modules it uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.metadata.byline import is_byline_word, parse_byline
from cleaner.metadata.credits import parse_credit
from cleaner.metadata.dates import find_dateline, lead_date, opening_date
from cleaner.metadata.datewords import PUBLISHED_WORDS
from cleaner.metadata.names import looks_like_name
from cleaner.model import Metadata, Role, Verdict

LAYER = "metadata"
MAX_LINE_CHARS = 160
_DIGIT = re.compile(r"\d")


def _credit_lines(verdicts: list[Verdict], day_first: bool) -> tuple[dict[int, tuple[str, ...]], list[Metadata]]:
    """Mark lines carrying both names and a date ("Posted on March 3, 2024 by Tom Hale")."""
    names: dict[int, tuple[str, ...]] = {}
    dates: list[Metadata] = []
    for position, verdict in enumerate(verdicts):
        if verdict.decided or len(verdict.text) > MAX_LINE_CHARS or not _DIGIT.search(verdict.text):
            continue  # a credit line carries a date, and every date has digits
        credit = parse_credit(verdict.text, day_first=day_first)
        if credit is None:
            credit = _split_credit(verdicts, position, day_first)
        if credit is not None:
            verdicts[position] = verdict.decide(
                Role.BYLINE, rule="metadata.byline-dateline", category="byline", layer=LAYER
            )
            names[position] = credit.authors
            dates.append(credit)
    return names, dates


def _split_credit(verdicts: list[Verdict], position: int, day_first: bool) -> Metadata | None:
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


def _datelines(verdicts: list[Verdict], day_first: bool) -> list[Metadata]:
    """Mark every short undecided block that is wholly a dateline; return the dates in order."""
    found = []
    for position, verdict in enumerate(verdicts):
        if verdict.decided or len(verdict.text) > MAX_LINE_CHARS or not _DIGIT.search(verdict.text):
            continue  # relative dates ("yesterday") are not read, and every date read has digits
        dateline = find_dateline(verdict.text, day_first=day_first)
        if dateline is not None and (dateline.published or dateline.updated):
            verdicts[position] = verdict.decide(
                Role.DATELINE, rule="metadata.dateline", category="dateline", layer=LAYER
            )
            found.append(dateline)
    return found


def _labelled_published(verdicts: Sequence[Verdict], day_first: bool) -> str | None:
    """The first date a dateline labels as the publication ("Veröffentlicht: 26.12.2022").

    Page dumps print today's date in the header ("Donnerstag, 16. Februar 2012") and other
    articles' dates in teasers, unlabelled; the article's own dateline often names its date, so
    a labelled one wins over any unlabelled one, wherever it stands.
    """
    for verdict in verdicts:
        if verdict.rule not in DATE_RULES or not PUBLISHED_WORDS.intersection(
            _LOWER_WORDS.findall(verdict.text.lower())
        ):
            continue
        if verdict.rule == "metadata.dateline":
            found = find_dateline(verdict.text, day_first=day_first)
        else:
            found = parse_credit(verdict.text, day_first=day_first)
        if found is not None and found.published:
            return found.published
    return None


DATE_RULES = frozenset({"metadata.dateline", "metadata.byline-dateline"})
_LOWER_WORDS = re.compile(r"[^\W\d_]+")


def _next_to_dateline(verdicts: Sequence[Verdict], position: int) -> bool:
    """A dateline is the block before or after, or the one past a separator line ("|", "-", "•")."""
    for step in (-1, 1):
        other = position + step
        if 0 <= other < len(verdicts) and _SEPARATOR_LINE.fullmatch(verdicts[other].text):
            other += step
        if 0 <= other < len(verdicts) and verdicts[other].role is Role.DATELINE:
            return True
    return False


_SEPARATOR_LINE = re.compile(r"[\s|·•*/–—-]+")


def _bylines(verdicts: list[Verdict]) -> dict[int, tuple[str, ...]]:
    """Mark byline blocks; return the names each gives, by position."""
    names: dict[int, tuple[str, ...]] = {}
    for position, verdict in enumerate(verdicts):
        if verdict.decided or len(verdict.text) > MAX_LINE_CHARS:
            continue
        found = parse_byline(verdict.text)  # () is a byline naming no person: "By Reuters"
        if found is None and _next_to_dateline(verdicts, position) and looks_like_name(verdict.text):
            found = (verdict.text.strip(),)
        if found is None:
            found = _split_byline(verdicts, position)
        if found is not None:
            verdicts[position] = verdict.decide(Role.BYLINE, rule="metadata.byline", category="byline", layer=LAYER)
            names[position] = found
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


def _first_byline_names(by_position: dict[int, tuple[str, ...]]) -> list[str]:
    """The names of the first byline that names a person, and of the bylines right under it.

    A page dump carries the bylines of teasers, related articles and comments as well as the
    article's; the article's stands first, under its headline.  Bylines on consecutive blocks
    (``BYLINE_GROUP``) are one byline printed over several lines.
    """
    names: list[str] = []
    last = None
    for position in sorted(by_position):
        found = by_position[position]
        if not found:
            continue
        if last is not None and position - last > BYLINE_GROUP:
            break
        names.extend(found)
        last = position
    return names


BYLINE_GROUP = 1


def _dedupe(names: Sequence[str]) -> list[str]:
    """Names in order of first appearance, each once (compared case-insensitively)."""
    first_by_key: dict[str, str] = {}
    for name in names:
        first_by_key.setdefault(name.casefold(), name)
    return list(first_by_key.values())


def _author_repeats(verdicts: list[Verdict], authors: Sequence[str]) -> None:
    """Lines that only repeat an author's name, as Medium's footer does, are furniture."""
    known = {name.casefold() for name in authors}
    for position, verdict in enumerate(verdicts):
        if not verdict.decided and verdict.text.strip().casefold() in known:
            verdicts[position] = verdict.decide(
                Role.FURNITURE, rule="medium.author-repeat", category="medium", layer=LAYER
            )


def _lead_date(verdicts: Sequence[Verdict], day_first: bool) -> str | None:
    """The date the first paragraphs open with ("Berlin, 21. November 2022 – ..."); they stay body."""
    openings = [verdict.text for verdict in verdicts if not verdict.decided][:LEAD_PARAGRAPHS]
    return next(filter(None, (lead_date(text, day_first=day_first) for text in openings)), None)


LEAD_PARAGRAPHS = 3


def _opening_date(verdicts: Sequence[Verdict], day_first: bool) -> str | None:
    """The first short line opening with a date before a label ("01.02.2022 Allgemein"); it is not marked.

    Only asked when no dateline and no lead paragraph gave the date: the line may be a teaser's
    date as well as the article's, so it is the last resort, and the classifier decides the line.
    """
    for verdict in verdicts:
        if not verdict.decided and _DIGIT.search(verdict.text):
            found = opening_date(verdict.text, day_first=day_first)
            if found:
                return found
    return None


def mark_metadata_lines(verdicts: Sequence[Verdict], *, language: str | None = None) -> tuple[list[Verdict], Metadata]:
    """Decide byline and dateline blocks and return the values they carry.

    Lines with both names and a date go first (a dateline alone would not take them);
    ``language`` says how to read 03/05/2024 (day first everywhere but English).
    """
    marked = list(verdicts)
    day_first = language is not None and language != "en"
    credit_names, credit_dates = _credit_lines(marked, day_first)
    datelines = credit_dates + _datelines(marked, day_first)
    by_position = credit_names | _bylines(marked)
    _author_repeats(marked, [name for names in by_position.values() for name in names])
    authors = _dedupe(_first_byline_names(by_position))
    published = _labelled_published(marked, day_first) or next(
        (line.published for line in datelines if line.published), None
    )
    published = published or _lead_date(marked, day_first) or _opening_date(marked, day_first)
    updated = next((line.updated for line in datelines if line.updated), None)
    found = Metadata(published=published, updated=updated).sourced("dateline")
    return marked, Metadata(authors=tuple(authors)).sourced("byline").prefer(found)
