"""Metadata candidates: every line that may hold the article's title, date or authors, with its features.

A page dump holds the headline, the byline and the dateline somewhere among menus, teasers and
comments.  This module lists the lines that could hold each field and describes each one by
numbers a trained model can weigh (``cleaner.metadata.choice``):

* title: short lines around the start of the article (the article's first body line) and the
  dump's first lines;
* date: what the dateline and credit readers found (``cleaner.metadata.lines``), the date a press
  release opens its first paragraph with, and any date a short line states;
* authors: what the byline and credit readers found, lines right under each other read together,
  and lines made only of person names near the article's start.

Each candidate is described by where it stands (relative to the article's first body line, to the
bylines, datelines and zones' title), by its shape, and by what the readers said of it.  What every
field shares (the page's landmarks and a line's own features) is ``cleaner.metadata.candidatepage``.  The
readers run only on the lines a field's candidates may come from (short lines, near the article's
start), never on the whole page.

What it does NOT do: it decides nothing (``choice`` does), parses no name or date itself (the
readers do) and never edits a verdict.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from cleaner.metadata.authorlines import VALUE_FEATURES, labelled_values, short_value, value_features
from cleaner.metadata.byline import BYLINE_PREFIX, is_byline_word, parse_names
from cleaner.metadata.candidatepage import (
    CLIP,
    DIGITS,
    FAR,
    LINE_FEATURES,
    Page,
    clip,
    content_word_set,
    content_words,
    line_features,
)
from cleaner.metadata.dates import dates_mentioned, lead_date, mentions_date, opening_date
from cleaner.metadata.lines import Candidate, names_publication
from cleaner.metadata.titles import (
    MIN_HEADLINE,
    MOST_OF_TITLE,
    TITLE_MAX_CHARS,
    is_title_shaped,
    title_key,
    within_words,
)
from cleaner.model import Role, Verdict
from cleaner.text.shape import shape_of

FIELDS = ("title", "date", "authors")
TITLE_BEFORE = 40  # title candidates: this many lines before the article's first body line ...
TITLE_AFTER = 3  # ... and this many after it, plus the dump's first lines
TITLE_FIRST_LINES = 3
TITLE_OVER_METADATA = 4  # and the lines just over every byline and dateline
NAMES_BEFORE = 30  # name lines this close before the article's first body line, or beside a dateline
NAMES_AFTER = 5
NAMES_MAX_CHARS = 80
MIN_NAME_WORD = 3  # a shorter last word ("Li", "Ng") is found inside too many other words to count
END_BEFORE = 3  # author lines also at the article's end (a signature, an author box): from this many lines
END_AFTER = 10  # before its last body line to this many after it
LEAD_PARAGRAPHS = 3
TEXT_ONLY = frozenset({"names", "labelled", "short"})  # author sources an HTML page's own metadata stands for
MARKED_SOURCES = frozenset({"names", "short"})  # author sources whose line the choice marks as a byline
PICTURE = frozenset({"caption", "image-slug"})  # the rules' categories of lines about a picture
DATES_BEFORE = 40  # dates stated in lines this close to the article's first body line
DATES_AFTER = 30
_NAME_START = re.compile(r"\s*[A-ZÀ-Þ]")  # a line of names opens with a capital
_YEARISH = re.compile(r"(?:19|20)\d\d|\d[./-]\d{1,2}[./-]\d\d")
RULES_LAYER = "furniture"  # the layer of the furniture rules' decisions (cleaner.rules.furniture)
SOURCES = {
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
TITLE_RULES = {"zones.title": 1, "zones.title-echo": 2, "zones.title-over-byline": 3, "zones.title-before-body": 4}
LABELS = {"": 0, "published": 1, "updated": 2}
BREADCRUMB_MARKS = "»›>"
MAX_CONTENT_WORDS = 40


# ----------------------------------------------------------------- title


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
        found.append(Candidate("title", position, text, "line"))
    return found


def _headline_in_body(page: Page, position: int, text: str, over_metadata: set[int]) -> bool:
    """Article text is the title only when shaped like a headline, and above its first sentence or just over a
    byline or dateline: where the classifier kept a page's head as body, its first sentence may be a menu's."""
    return is_title_shaped(text) and (position <= page.first_prose or position in over_metadata)


def _title_features(page: Page, candidate: Candidate, rank: int, shaped: Sequence[int]) -> list[float]:
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
        float(is_title_shaped(text)),
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
        out.extend((min(len(near) / max(1, len(text)), 20.0), float(is_title_shaped(near)), shared))
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


# ----------------------------------------------------------------- date


def date_candidates(page: Page, found: Sequence[Candidate], day_first: bool | None) -> list[Candidate]:
    """The readers' dates, a lead paragraph's dateline, and the dates short lines state.

    A date its own line labels as an update ("Aktualisiert am 07.02.2024") is no publication date, and
    a date a photo caption states is when the picture was taken.
    """
    dated = [candidate for candidate in found if candidate.field == "date"]
    read = {candidate.position for candidate in dated}
    out = [candidate for candidate in dated if candidate.label != "updated"]
    for position in page.positions(Role.BODY)[:LEAD_PARAGRAPHS]:
        day = lead_date(page.verdicts[position].text, day_first=day_first)
        if day:
            out.append(Candidate("date", position, day, "lead", _label(page.verdicts[position].text)))
            read.add(position)
    for position in page.window(DATES_BEFORE, DATES_AFTER):
        text = page.verdicts[position].text
        if position not in read and page.verdicts[position].category not in PICTURE and _YEARISH.search(text):
            label = _label(text)
            out.extend(
                Candidate("date", position, day, "mention", label) for day in dates_mentioned(text, day_first=day_first)
            )
    return sorted(out, key=lambda candidate: candidate.position)


def _label(text: str) -> str:
    """A stated date's label, as the dateline reader gives it: "published" when its line names the publication."""
    return "published" if names_publication(text) else ""


def _date_features(
    page: Page, candidate: Candidate, rank: int, days: Counter[str], span: tuple[str, str], day_first: bool | None
) -> list[float]:
    day = str(candidate.value)[:10]
    text = page.verdicts[candidate.position].text
    opens = candidate.source == "mention" and (opening_date(text, day_first=day_first) or "")[:10] == day
    return [
        float(opens),
        SOURCES[candidate.source],
        LABELS[candidate.label],
        min(days[day], 20),
        min(_days_between(day, span[1]), 3650),
        min(_days_between(span[0], day), 3650),
        min(rank, 50),
        float(len(str(candidate.value)) > 10),
        len(days),
    ]


DATE_FEATURES = (
    "opens_line",
    "source",
    "label",
    "same_day",
    "to_latest",
    "from_earliest",
    "rank",
    "has_time",
    "days_on_page",
)


def _days_between(earlier: str, later: str) -> int:
    """Days from one ISO day to another (ordinal arithmetic on the numbers, no calendar object)."""
    y1, m1, d1 = (int(part) for part in earlier.split("-"))
    y2, m2, d2 = (int(part) for part in later.split("-"))
    return (y2 - y1) * 372 + (m2 - m1) * 31 + (d2 - d1)


# ----------------------------------------------------------------- authors


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


# ----------------------------------------------------------------- all fields

FEATURES = {
    "title": LINE_FEATURES + TITLE_FEATURES,
    "date": LINE_FEATURES + DATE_FEATURES,
    "authors": LINE_FEATURES + AUTHOR_FEATURES,
}


def candidates(
    verdicts: Sequence[Verdict],
    found: Sequence[Candidate],
    *,
    day_first: bool | None,
    extracted: bool = False,
    titles: bool = True,
    values: bool = True,
) -> dict[str, tuple[list[Candidate], list[list[float]]]]:
    """Every field's candidates and their feature rows (``FEATURES[field]`` names the columns).

    ``extracted`` blocks (an HTML page's main content, whose page states its own metadata) offer
    only what the readers marked and a press release's lead dateline: dates its prose mentions and
    bare name lines are left to the page's own metadata and to htmldate.  Without ``titles`` the title
    field offers nothing (a caller that keeps the page's own title need not measure its lines).
    Without ``values`` only what a choice would mark on the lines is measured, for a caller that wants
    the marked lines and not the values: the date field offers nothing, and the authors field offers
    its candidates only when one of them is a line that choosing it marks (``MARKED_SOURCES``).
    """
    page = Page(verdicts)
    out: dict[str, tuple[list[Candidate], list[list[float]]]] = {}
    out["title"] = _title_rows(page) if titles else ([], [])
    out["date"] = _date_rows(page, found, day_first, extracted) if values else ([], [])
    authors = [c for c in author_candidates(page, found) if not (extracted and c.source in TEXT_ONLY)]
    if values or any(c.source in MARKED_SOURCES for c in authors):
        out["authors"] = _author_rows(page, authors)
    else:
        out["authors"] = ([], [])
    return out


def _date_rows(
    page: Page, found: Sequence[Candidate], day_first: bool | None, extracted: bool
) -> tuple[list[Candidate], list[list[float]]]:
    """The date candidates and their rows."""
    dates = [c for c in date_candidates(page, found, day_first) if not (extracted and c.source == "mention")]
    days = Counter(str(c.value)[:10] for c in dates)
    span = (min(days), max(days)) if days else ("", "")
    return (
        dates,
        [
            line_features(page, c.position) + _date_features(page, c, i, days, span, day_first)
            for i, c in enumerate(dates)
        ],
    )


def _author_rows(page: Page, authors: list[Candidate]) -> tuple[list[Candidate], list[list[float]]]:
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


def _title_rows(page: Page) -> tuple[list[Candidate], list[list[float]]]:
    """The title candidates and their rows, each ranked by its distance to the article's first body line."""
    titles = title_candidates(page)
    from_body = sorted(titles, key=lambda c: (abs(c.position - page.first_body), c.position))
    rank = {id(candidate): index for index, candidate in enumerate(from_body)}
    shaped = [c.position for c in titles if is_title_shaped(str(c.value))]  # in order: titles are by position
    return titles, [line_features(page, c.position) + _title_features(page, c, rank[id(c)], shaped) for c in titles]
