"""Title candidates: the lines that may hold the article's headline, and what describes each one.

The candidates are the short lines around the start of the article (its first body line), the
dump's first lines, the lines just over every byline and dateline, and the echoes of the dump's
first line (a page's ``<title>``); the last item of a numbered list (a breadcrumb trail a text browser numbered)
is offered without its number.  Each is described (``TITLE_FEATURES``) by how it compares with the
first line, its shape, its distance to the bylines and datelines, the zones' title rule, how far it
stands from the article's first sentence, how much of its wording the article uses, and the lines
right above and below it.

What it does NOT do: it does not choose the title (``cleaner.metadata.choice`` does), does not compute
what every field's rows share (``cleaner.metadata.candidatepage``), and never edits a verdict.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from cleaner.metadata.candidatepage import (
    CLIP,
    FAR,
    Page,
    clip,
    content_word_set,
    content_words,
    line_features,
)
from cleaner.metadata.dates import mentions_date
from cleaner.metadata.lines import Candidate
from cleaner.metadata.titles import (
    MIN_HEADLINE,
    MOST_OF_TITLE,
    TITLE_MAX_CHARS,
    is_headline_shaped,
    title_key,
    within_words,
)
from cleaner.model import Role
from cleaner.text.shape import shape_of

TITLE_BEFORE = 40  # title candidates: this many lines before the article's first body line ...
TITLE_AFTER = 3  # ... and this many after it, plus the dump's first lines
TITLE_FIRST_LINES = 3
TITLE_OVER_METADATA = 4  # and the lines just over every byline and dateline
RULES_LAYER = "furniture"  # the layer of the furniture rules' decisions (cleaner.rules.furniture)
TITLE_RULES = {"zones.title": 1, "zones.title-echo": 2, "zones.title-over-byline": 3, "zones.title-before-body": 4}
BREADCRUMB_MARKS = "»›>"
MAX_CONTENT_WORDS = 40
LIST_NUMBER = re.compile(r"(\d{1,3})\.\s+(?=\S)")  # a numbered list item's opening number: "5. "
LIST_GAP = 2  # lines between two items of a numbered list at most (a blank line a text browser adds)
LIST_MIN_ITEMS = 3  # a breadcrumb trail: home, a section, the headline at least


def title_rows(page: Page) -> tuple[list[Candidate], list[list[float]]]:
    """The title candidates and their rows, each ranked by its distance to the article's first body line."""
    titles = title_candidates(page)
    from_body = sorted(titles, key=lambda c: (abs(c.position - page.first_body), c.position))
    rank = {id(candidate): index for index, candidate in enumerate(from_body)}
    shaped = [c.position for c in titles if is_headline_shaped(str(c.value))]  # in order: titles are by position
    return titles, [line_features(page, c.position) + _title_features(page, c, rank[id(c)], shaped) for c in titles]


def title_candidates(page: Page) -> list[Candidate]:
    """Short lines before and at the article's start, the dump's first lines, and its first line's echoes."""
    window = set(range(min(TITLE_FIRST_LINES, len(page.verdicts)))) | set(page.window(TITLE_BEFORE, TITLE_AFTER))
    over_metadata = {p - step for p in page.metadata_lines for step in range(1, TITLE_OVER_METADATA + 1)}
    window.update(over_metadata)
    window.update(page.echo_lines)
    found = []
    for position in sorted(p for p in window if 0 <= p < len(page.verdicts)):
        verdict = page.verdicts[position]
        text = verdict.text.strip()
        if not text or len(text) > TITLE_MAX_CHARS or verdict.role in (Role.BYLINE, Role.DATELINE):
            continue
        if not page.open_line(position):
            continue
        if verdict.role is Role.BODY and not _headline_in_body(page, position, text, over_metadata):
            continue
        if verdict.layer == RULES_LAYER:
            continue  # a furniture rule says what the line is: a menu, a prompt, a credit, never the headline
        found.append(Candidate("title", position, _without_list_number(page, position, text), "line"))
    return found


def _without_list_number(page: Page, position: int, text: str) -> str:
    """The line without its number when it ends a numbered list of ``LIST_MIN_ITEMS`` or more from "1.": a text
    browser numbers the items of an ordered list, and a breadcrumb trail printed as one ends with the headline
    ("1. Home", ..., "5. Headline").  An item another follows (an agenda's, a list in the article) keeps it."""
    match = LIST_NUMBER.match(text)
    number = int(match.group(1)) if match else 0
    if match is None or number < LIST_MIN_ITEMS:
        return text
    if _numbered(page, range(position + 1, position + LIST_GAP + 2), number + 1) is not None:
        return text
    at = position
    for wanted in range(number - 1, 0, -1):
        found = _numbered(page, range(at - 1, at - LIST_GAP - 2, -1), wanted)
        if found is None:
            return text
        at = found
    return text[match.end() :]


def _numbered(page: Page, positions: range, number: int) -> int | None:
    """The first of ``positions`` whose line opens with list number ``number``."""
    for other in positions:
        if 0 <= other < len(page.verdicts):
            match = LIST_NUMBER.match(page.stripped[other])
            if match is not None and int(match.group(1)) == number:
                return other
    return None


def _headline_in_body(page: Page, position: int, text: str, over_metadata: set[int]) -> bool:
    """Article text is the title only when shaped like a headline, and above its first sentence or just over a
    byline or dateline: where the classifier kept a page's head as body, its first sentence may be a menu's."""
    return is_headline_shaped(text) and (position <= page.first_prose or position in over_metadata)


def _title_features(page: Page, candidate: Candidate, rank: int, shaped: Sequence[int]) -> list[float]:
    """The ``TITLE_FEATURES`` of one candidate (``rank``: its place by distance to the first body line)."""
    text = str(candidate.value)
    key = title_key(text)
    below = bisect_right(page.metadata_lines, candidate.position)  # the first byline or dateline under the line
    verdict = page.verdicts[candidate.position]
    return [
        float(candidate.position == 0),
        float(candidate.position > 0 and key in page.echo_keys),
        float(
            candidate.position > 0
            and len(key) >= max(MIN_HEADLINE, MOST_OF_TITLE * len(page.first_line))
            and within_words(key, page.first_key)
        ),
        float(candidate.position > 0 and key in page.sides),
        *_title_shape(text),
        min(page.metadata_lines[below] - candidate.position, FAR) if below < len(page.metadata_lines) else FAR,
        float(candidate.position > 0 and len(key) >= MIN_HEADLINE and key in page.first_key),
        TITLE_RULES.get(verdict.rule, 0),
        rank,
        page.set_apart(candidate.position),
        _quoted(page, text),
        *_in_article(page, candidate.position, text),
        *_at_start(page, candidate.position, shaped),
        *_neighbours(page, candidate.position, text),
    ]


@lru_cache(maxsize=8192)  # once per text: the body read again when the output settles offers the same lines
def _title_shape(text: str) -> tuple[float, float, float, float]:
    """What the line's text alone says of a headline: title-shaped, headline-like, stating a date, and how
    many breadcrumb marks it holds."""
    return (
        float(is_headline_shaped(text)),
        float(shape_of(text).headline_like),
        float(mentions_date(text)),
        float(sum(text.count(mark) for mark in BREADCRUMB_MARKS)),
    )


def _at_start(page: Page, position: int, shaped: Sequence[int]) -> tuple[float, int]:
    """Where the line stands to the article's first sentence: the distance in lines, and how many headline-shaped
    candidates stand between them (0: the nearest headline-shaped line above it; -1: the line is below it).
    In a dump without the page's ``<title>`` the headline is the nearest such line above the first paragraph,
    a standfirst or a kicker beside it, menus and teasers further up."""
    if position >= page.first_prose:
        return clip(position - page.first_prose), -1
    between = bisect_left(shaped, page.first_prose) - bisect_right(shaped, position)
    return clip(position - page.first_prose), min(between, CLIP)


def _neighbours(page: Page, position: int, text: str) -> tuple[float, ...]:
    """The shape of the lines right above and below: a headline stands between a menu or a kicker and a longer
    standfirst or byline; a menu item or a teaser stands among lines like itself.  Each neighbour's length in
    characters over the line's (0: no line there), whether it is headline-shaped, and the share of the line's
    content words it uses (a standfirst under its headline repeats some)."""
    words = content_word_set(text)
    out: list[float] = []
    for other in (position - 1, position + 1):
        if not 0 <= other < len(page.verdicts):
            out.extend((0.0, -1.0, -1.0))
            continue
        near = page.stripped[other]
        shared = len(words & content_word_set(near)) / len(words) if words else -1.0
        out.extend((min(len(near) / max(1, len(text)), 20.0), float(is_headline_shaped(near)), shared))
    return tuple(out)


def _in_article(page: Page, position: int, text: str) -> tuple[float, int]:
    """The share of the line's content words that the article's body uses (its own words aside when it is
    a body line), and how many content words it has: a headline names what its article is about, a menu
    item, a share prompt or another article's headline mostly does not.  -1 when it has none."""
    words = content_words(text)
    if not words:
        return -1.0, 0
    body = page.body_words
    if page.verdicts[position].role is Role.BODY:
        own = Counter(words)
        found = sum(body.get(word, 0) > own[word] for word in words)
    else:  # no word of its own to set aside: a word counts when the body has it (a count is never 0)
        found = sum(word in body for word in words)
    return found / len(words), min(len(words), MAX_CONTENT_WORDS)


def _quoted(page: Page, text: str) -> int:
    """How often other lines hold the line's text inside them: a breadcrumb trail, a share prompt or a
    teaser's link often ends with the headline ("Startseite » Energie » <headline>")."""
    folded = text.casefold()
    if len(folded) < MIN_HEADLINE:
        return 0
    return min(page.mentions(folded) - page.counts[folded], 10)


TITLE_FEATURES = (
    "first_line",
    "echo",
    "most_of_first",
    "side_of_first",
    "title_shaped",
    "headline_like",
    "states_date",
    "breadcrumbs",
    "metadata_below",
    "inside_first",
    "zones_rule",
    "rank_from_body",
    "set_apart",
    "quoted",
    "in_article",
    "content_words",
    "to_prose",
    "shaped_to_prose",
    "above_chars",
    "above_shaped",
    "above_shares",
    "below_chars",
    "below_shaped",
    "below_shares",
)
