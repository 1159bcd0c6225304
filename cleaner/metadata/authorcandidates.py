"""Author candidates: the lines that may name the article's authors, and what describes each one.

The candidates are what the byline and credit readers found, bylines on consecutive lines read
together, values after a byline label inside a line and short lines, and lines made only of person
names, near the article's start, beside a dateline or around its end (a signature, an author box).
Each is described (``AUTHOR_FEATURES``) by where it came from, how many names it holds, how often the
page names them, how the names look, the byline labels around it, and how many other candidates
agree on it.

What it does NOT do: it parses no name itself (``cleaner.metadata.byline`` and
``cleaner.metadata.authorlines`` do), does not choose the authors (``cleaner.metadata.choice`` does),
and never edits a verdict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cleaner.metadata.authorlines import VALUE_FEATURES, labelled_values, short_value, value_features
from cleaner.metadata.byline import BYLINE_PREFIX, is_byline_word, parse_names
from cleaner.metadata.candidatepage import DIGITS, Page, clip, line_features
from cleaner.metadata.lines import SOURCES, Candidate
from cleaner.model import Role

NAMES_BEFORE = 30  # name lines this close before the article's first body line, or beside a dateline
NAMES_AFTER = 5
NAMES_MAX_CHARS = 80
MIN_NAME_WORD = 3  # a shorter last word ("Li", "Ng") is found inside too many other words to count
END_BEFORE = 3  # author lines also at the article's end (a signature, an author box): from this many lines
END_AFTER = 10  # before its last body line to this many after it
_NAME_START = re.compile(r"\s*[A-ZÀ-Þ]")  # a line of names opens with a capital


def author_rows(page: Page, authors: list[Candidate]) -> tuple[list[Candidate], list[list[float]]]:
    """The author candidates' rows (each candidate's rank, and how many others agree on its value, count)."""
    first = next((c.position for c in authors if c.source != "names"), None)
    keys = [_value_key(c) for c in authors]
    values = Counter(keys)
    return (
        authors,
        [
            line_features(page, c.position) + _author_features(page, c, i, first, values[key] - 1)
            for i, (c, key) in enumerate(zip(authors, keys, strict=True))
        ],
    )


def author_candidates(page: Page, found: Sequence[Candidate]) -> list[Candidate]:
    """The readers' bylines, bylines on consecutive lines read together too, and name lines near the start."""
    out = [candidate for candidate in found if candidate.field == "authors" and candidate.value]
    by_position = {candidate.position: candidate for candidate in out}
    for candidate in list(out):
        below = by_position.get(candidate.position + 1)
        if below is not None:
            joined = tuple(dict.fromkeys((*candidate.value, *below.value)))
            out.append(Candidate("authors", candidate.position, joined, "group"))
    near = set(page.window(NAMES_BEFORE, NAMES_AFTER))
    near.update(p + step for p in page.positions(Role.DATELINE) for step in (-2, -1, 1, 2))
    near.update(_end_window(page))
    out.extend(_value_candidates(page, near, set(by_position)))
    for position in sorted(near - set(by_position)):
        if not 0 <= position < len(page.verdicts):
            continue
        verdict = page.verdicts[position]
        if verdict.role in (Role.BYLINE, Role.DATELINE) or len(verdict.text) > NAMES_MAX_CHARS:
            continue
        if not page.open_line(position):
            continue
        if not _NAME_START.match(verdict.text) or DIGITS.search(verdict.text):
            continue  # a line of names opens with a capital and has no digits
        named = parse_names(verdict.text)
        if named:
            out.append(Candidate("authors", position, named, "names"))
    return sorted(out, key=lambda candidate: candidate.position)


def _end_window(page: Page) -> range:
    """The lines around the article's last body line, where a signature or an author box stands."""
    body = page.positions(Role.BODY)
    if not body:
        return range(0)
    return range(max(0, body[-1] - END_BEFORE), min(len(page.verdicts), body[-1] + END_AFTER + 1))


def _value_candidates(page: Page, near: set[int], read: set[int]) -> list[Candidate]:
    """Values after a byline label inside a line, and short lines, near the article's start and end.

    Lines the byline reader read offer only their labelled values (an agency or a newsroom it
    does not report as a person); its own names are already candidates.
    """
    lines = set(near) | set(page.positions(Role.BYLINE))
    out: list[Candidate] = []
    for position in sorted(lines):
        if not 0 <= position < len(page.verdicts) or not page.open_line(position):
            continue
        text = page.verdicts[position].text
        values = labelled_values(text)
        out.extend(Candidate("authors", position, names, "labelled") for names in values)
        if position in read or page.verdicts[position].role is Role.DATELINE:
            continue
        short = short_value(text)
        if short is not None and short not in values and parse_names(text) is None:
            out.append(Candidate("authors", position, short, "short"))
    return out


def _author_features(
    page: Page, candidate: Candidate, rank: int, first_byline: int | None, agreeing: int
) -> list[float]:
    """The ``AUTHOR_FEATURES`` of one candidate (``agreeing``: how many others offer the same names)."""
    names = tuple(candidate.value)
    text = page.verdicts[candidate.position].text
    mentions = page.mentions(names[0].casefold())
    return [
        SOURCES[candidate.source],
        len(names),
        min(rank, 50),
        min(mentions, 20),
        float(candidate.position == first_byline),
        float(BYLINE_PREFIX.match(text.strip()) is not None),
        sum(len(name.split()) for name in names) / len(names),
        *value_features(names, text),
        float(_label_line(page, candidate.position - 1)),
        float(_label_line(page, candidate.position + 1)),
        min(agreeing, 10),
        float(names[0].casefold() in page.first_line.casefold()),
        clip(candidate.position - page.last_body),
        _in_body(page, names[0]),
    ]


def _in_body(page: Page, name: str) -> int:
    """How often the article's text names the value's last word: a person the article is about, not its writer."""
    tokens = name.casefold().split()
    if not tokens or len(tokens[-1]) < MIN_NAME_WORD:
        return 0
    return min(page.mentions(tokens[-1], body=True), 20)


def _value_key(candidate: Candidate) -> frozenset[str]:
    """What two candidates agree on: the same names, whatever their case and order."""
    return frozenset(name.casefold() for name in candidate.value)


def _label_line(page: Page, position: int) -> bool:
    """The line is only a byline label ("By", "Autor:"), as dumps print it apart from the name."""
    return 0 <= position < len(page.verdicts) and is_byline_word(page.verdicts[position].text)


AUTHOR_FEATURES = (
    "source",
    "names",
    "rank",
    "mentions",
    "first_byline",
    "byline_word",
    "name_tokens",
    *VALUE_FEATURES,
    "label_above",
    "label_below",
    "agreeing",
    "in_first_line",
    "from_end",
    "in_body",
)
