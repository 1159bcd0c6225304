"""The page as the metadata candidates see it: its verdicts, where the article starts, and each line's features.

``Page`` wraps a page's verdicts after the classifier with what every field's candidates measure
against: the article's first body line and first sentence, the headline's likely place (the echo
of the dump's first line, else the zones' title), the bylines and datelines, how often a line
repeats.  ``line_features`` describes a line by where it stands and what it looks like: the part
of a candidate's features that every field shares (``LINE_FEATURES`` names them).

What it does NOT do: it lists no candidate and computes no field's own features (each field's module does:
``cleaner.metadata.titlecandidates``, ``datecandidates``, ``authorcandidates``), and it reads no name or date.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from cleaner.metadata.titles import (
    MIN_HEADLINE,
    MOST_OF_TITLE,
    TITLE_MAX_CHARS,
    confirming_keys,
    major_sides,
    title_key,
    within_words,
)
from cleaner.model import Role, Verdict
from cleaner.text.shape import shape_of

ECHO_SLACK = 8  # an echo is at most this much longer than the first line (quotes, spacing)
DIGITS = re.compile(r"\d")
CONTENT_WORD = re.compile(r"\w{4,}")  # a word of four letters or more: what a headline and its article share
PROFILE_LAYER = "profile"  # the layer of the site profile's decisions (cleaner.sites.profile)
PROSE_WORDS = 8  # a body line of this many words closed like a sentence is article text, not a headline
FAR = 99  # the distance written when there is nothing to measure to
CLIP = 60
ROLES = {role: code for code, role in enumerate(Role)}
LAYERS = {"": 0, "furniture": 1, "metadata": 2, "zones": 3, "classify": 4, "profile": 5}
CATEGORIES = {
    name: code
    for code, name in enumerate(
        (
            "",
            "body",
            "keep",
            "title",
            "subtitle",
            "byline",
            "dateline",
            "boilerplate",
            "tail",
            "heading",
            "caption",
            "image-slug",
            "related",
            "newsletter",
            "navigation",
            "summary",
            "medium",
            "legal",
            "comments",
            "advertisement",
            "share",
            "cookie",
            "translation",
            "corpus",
        )
    )
}


def clip(value: float, bound: int = CLIP) -> float:
    return max(-bound, min(bound, value))


@dataclass(frozen=True)
class Page:
    """A page's verdicts after the classifier, and what the features measure against."""

    verdicts: Sequence[Verdict]

    @cached_property
    def first_body(self) -> int:
        return next((p for p, v in enumerate(self.verdicts) if v.role is Role.BODY), len(self.verdicts))

    @cached_property
    def last_body(self) -> int:
        """The article's last body line (the first line's place when there is none)."""
        return next((p for p in range(len(self.verdicts) - 1, -1, -1) if self.verdicts[p].role is Role.BODY), 0)

    @cached_property
    def first_prose(self) -> int:
        """The article's first body line that is a sentence of some length: the headline stands above it."""
        return next(
            (
                p
                for p, v in enumerate(self.verdicts)
                if v.role is Role.BODY and shape_of(v.text).ends_sentence and shape_of(v.text).words >= PROSE_WORDS
            ),
            len(self.verdicts),
        )

    @cached_property
    def has_furniture(self) -> bool:
        """Some line left the body as furniture, a byline or a dateline: the text is not an article alone."""
        return any(v.role in (Role.FURNITURE, Role.BYLINE, Role.DATELINE) for v in self.verdicts)

    def open_line(self, position: int) -> bool:
        """A line the chooser may take: a head line (not body, not a standfirst), or any line of a page
        that has furniture, bylines or datelines.

        Text that is all body (an article already cleaned) offers no line: cleaning the cleaned
        text again must take nothing out of its body.  A line the site profile learned is on every
        page of the site, so it is no article's own.
        """
        verdict = self.verdicts[position]
        if verdict.layer == PROFILE_LAYER:
            return False
        return verdict.role not in (Role.BODY, Role.SUBTITLE) or self.has_furniture

    def body_before(self, position: int) -> int:
        """How many body lines stand above the line."""
        return bisect_left(self.by_role[Role.BODY], position)

    @cached_property
    def by_role(self) -> dict[Role, list[int]]:
        found: dict[Role, list[int]] = {role: [] for role in Role}
        for position, verdict in enumerate(self.verdicts):
            found[verdict.role].append(position)
        return found

    def positions(self, role: Role) -> list[int]:
        return self.by_role[role]

    @cached_property
    def metadata_lines(self) -> list[int]:
        return sorted(self.by_role[Role.BYLINE] + self.by_role[Role.DATELINE])

    @cached_property
    def title_lines(self) -> list[int]:
        return self.by_role[Role.TITLE]

    @cached_property
    def stripped(self) -> list[str]:
        """Each line's text, stripped: what the title candidates and their neighbours are."""
        return [v.text.strip() for v in self.verdicts]

    @cached_property
    def counts(self) -> Counter[str]:
        return Counter(text.casefold() for text in self.stripped)

    @cached_property
    def first_line(self) -> str:
        return self.verdicts[0].text if self.verdicts else ""

    @cached_property
    def echo_keys(self) -> set[str]:
        return confirming_keys([self.first_line]) if len(self.first_line) <= TITLE_MAX_CHARS else set()

    @cached_property
    def first_key(self) -> str:
        return title_key(self.first_line)

    @cached_property
    def folded(self) -> str:
        """Every line case-folded, one a line: what counting a name's mentions searches."""
        return "\n".join([v.block.text for v in self.verdicts]).casefold()  # folding reads no context: line by line

    def mentions(self, folded: str, *, body: bool = False) -> int:
        """How often the page (or its body) contains a case-folded text; counted once per page and text."""
        key = (folded, body)
        if key not in self.counted:
            self.counted[key] = (self.body_folded if body else self.folded).count(folded)
        return self.counted[key]

    @cached_property
    def counted(self) -> dict[tuple[str, bool], int]:
        return {}

    @cached_property
    def line_rows(self) -> dict[int, list[float]]:
        """Each line's shared features, filled as ``line_features`` computes them."""
        return {}

    @cached_property
    def body_folded(self) -> str:
        """The article's body lines case-folded, one a line."""
        return "\n".join([v.block.text for v in self.verdicts if v.role is Role.BODY]).casefold()

    @cached_property
    def body_words(self) -> Counter[str]:
        """How often each content word (``content_words``) stands in the article's body lines."""
        return Counter(CONTENT_WORD.findall(self.body_folded))  # no word crosses the newline between lines

    @cached_property
    def sides(self) -> set[str]:
        return {title_key(side) for side in major_sides(self.first_line)}

    @cached_property
    def echo_lines(self) -> list[int]:
        """The lines after the first that repeat the first line (the page's ``<title>`` in a dump)."""
        longest = len(self.first_line) + ECHO_SLACK  # echoes' own cheap exit, without a call for every line
        return [
            p
            for p, text in enumerate(self.stripped)
            if p and MIN_HEADLINE <= len(text) <= longest and echoes(self, text)
        ]

    @cached_property
    def headline(self) -> int:
        """Where the headline most likely stands, before any model: the echo of the first line nearest
        the article's start, else the zones' title nearest it, else the article's first body line."""
        for lines in (self.echo_lines, self.title_lines):
            if lines:
                return min(lines, key=lambda p: (abs(p - self.first_body), -p))
        return self.first_body

    @cached_property
    def mixed_spacing(self) -> bool:
        """Blank lines set some lines apart and not others, as a text browser renders a page (headings and
        paragraphs apart, the items of lists and menus together); a naive dump has no blank line at all."""
        alone = sum(v.block.alone for v in self.verdicts)
        return 0 < alone < len(self.verdicts)

    def set_apart(self, position: int) -> float:
        """1 when blank lines set the line apart, 0 when they do not, -1 where spacing says nothing."""
        return float(self.verdicts[position].block.alone) if self.mixed_spacing else -1.0

    def window(self, before: int, after: int) -> range:
        return range(max(0, self.first_body - before), min(len(self.verdicts), self.first_body + after + 1))


@lru_cache(maxsize=8192)  # once per text: a line is a candidate's and its neighbours', on the page and read again
def content_words(text: str) -> tuple[str, ...]:
    """The case-folded words of four letters or more, in order, repeats kept."""
    return tuple(CONTENT_WORD.findall(text.casefold()))


@lru_cache(maxsize=8192)
def content_word_set(text: str) -> frozenset[str]:
    """The distinct ``content_words`` of a text."""
    return frozenset(content_words(text))


def nearest(positions: Sequence[int], position: int) -> float:
    """Signed distance to the nearest of ``positions``, sorted ascending (negative: it stands above; of two
    as near, the one above)."""
    if not positions:
        return FAR
    index = bisect_left(positions, position)
    if index == len(positions):
        return clip(positions[-1] - position)
    below = positions[index]
    if index and position - positions[index - 1] <= below - position:
        return clip(positions[index - 1] - position)
    return clip(below - position)


def line_features(page: Page, position: int) -> list[float]:
    """Where a line stands and what it looks like: the part every field shares.

    A line offers candidates for several fields and several values: its row is computed once per
    page (callers concatenate it with their own features and never change it).
    """
    row = page.line_rows.get(position)
    if row is None:
        row = page.line_rows[position] = _line_row(page, position)
    return row


def _line_row(page: Page, position: int) -> list[float]:
    verdict = page.verdicts[position]
    lines = len(page.verdicts)
    chars, words, capitalised, digits, full_stop = _text_measures(verdict.block.text)
    return [
        clip(position - page.first_body),
        position / max(1, lines),
        math.log1p(lines),
        ROLES[verdict.role],
        LAYERS.get(verdict.layer, 6),
        CATEGORIES.get(verdict.category, len(CATEGORIES)),
        chars,
        words,
        capitalised,
        digits,
        full_stop,
        nearest(page.positions(Role.BYLINE), position),
        nearest(page.positions(Role.DATELINE), position),
        min(page.body_before(position), CLIP),
        min(page.counts[page.stripped[position].casefold()], 10),
        nearest(page.title_lines, position),
        clip(position - page.headline),
    ]


@lru_cache(maxsize=8192)  # once per text: the body read again when the output settles offers the same lines
def _text_measures(text: str) -> tuple[int, int, float, float, float]:
    """What a line's text alone says: its characters and words (bounded), the share of its words that are
    capitalised, the share of its characters that are digits, and whether it ends with a full stop."""
    words = text.split()
    capitals = sum([word[0].isupper() for word in words])  # a word is never empty
    digits = len(DIGITS.findall(text))
    return (
        min(len(text), 400),
        min(len(words), 80),
        capitals / len(words) if words else 0.0,
        digits / len(text) if text else 0.0,
        float(shape_of(text).ends_with_period),
    )


LINE_FEATURES = (
    "from_body",
    "relative_position",
    "log_lines",
    "role",
    "layer",
    "category",
    "chars",
    "words",
    "capitalised",
    "digits",
    "full_stop",
    "to_byline",
    "to_dateline",
    "body_before",
    "repeats",
    "to_title",
    "from_headline",
)


def echoes(page: Page, text: str) -> bool:
    """The line repeats the dump's first line (the page's ``<title>``), whole or a side of it."""
    if not MIN_HEADLINE <= len(text) <= len(page.first_line) + ECHO_SLACK:
        return False  # cheap exit: menu items are shorter, prose is longer
    key = title_key(text)
    if len(key) < MIN_HEADLINE:
        return False
    most = len(key) >= MOST_OF_TITLE * len(page.first_line) and within_words(key, page.first_key)
    return key in page.echo_keys or key in page.sides or most
