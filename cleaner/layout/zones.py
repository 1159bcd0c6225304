"""Zones: the article's head (title, subtitle) and its tail (what follows a tail marker).

Articles share a layout: a head (headline, standfirst, byline, dateline, a picture
with its caption) before the first paragraph, then the body, then a tail of links to
other articles. Two decisions here depend on that layout, not on a block alone:

* Head. The first block is the title when it is shaped like a headline and what
  follows it is not another menu item. The block right after the title is the
  subtitle when it reads as a standfirst (no closing full stop) or when head furniture
  (caption, image slug, byline, dateline) follows it before the body starts.  A CJK full
  stop closes a sentence too: a line ending on it is neither title nor unpunctuated standfirst.
* Title of a page dump. A dump opens with the page's ``<title>`` and repeats the headline
  over the article; the line the first line confirms (``cleaner.metadata.titles``) is the title.
* No head in a text kept whole. Plain text from which the layers remove nothing (no byline, dateline, menu or
  furniture line) and that does not print its headline twice, one copy under the other, has no head: its title
  and subtitle lines stay body (``no_head_in_kept_text``), so that cleaning a cleaned body (which holds no title)
  takes no title from its first lines.
* Tail. Once a tail marker is reached ("More from <site>", "Related", "Previous
  Article": rules with ``action = "tail"``), the run of short headline-like lines
  after it are other articles' headlines, until prose starts again.

What it does not do: it never judges prose against boilerplate (``classify`` does)
and never parses bylines or dates (``metadata`` does, before this layer runs).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from cleaner.metadata.dates import mentions_date
from cleaner.metadata.titles import (
    MIN_HEADLINE,
    TITLE_MAX_CHARS,
    confirming_keys,
    is_title_shaped,
    major_sides,
    most_of,
    title_key,
)
from cleaner.model import Kind, Role, Verdict
from cleaner.text.shape import shape_of

LAYER = "zones"
CLASSIFIER_RULE = "classifier"  # the text model's decision (layout.textmodel)
HEAD_RULE = "classifier.head"  # the text model's lines kept above the article's first sentence (layout.textmodel)
TAIL_RULE = "zones.after-tail-marker"
PAGE_TITLE_RULE = "zones.page-title"  # a first line that gives way to the headline under it
KEPT_TEXT_RULE = "zones.no-head"  # a head line of a text the layers keep whole: body (``no_head_in_kept_text``)
TITLE_SEARCH_DEPTH = 3
SUBTITLE_MIN_WORDS = 5
SUBTITLE_MAX_CHARS = 450
MENU_ITEM_MAX_WORDS = 4
MASTHEAD_MAX_WORDS = 8  # a site's name or a kicker over the headline
HEAD_FURNITURE = frozenset({"caption", "image-slug", "byline", "dateline", "summary", "translation", "medium", "share"})
QUOTES = "\"“”„«»'‘’"
IDEOGRAPHIC_STOP = re.compile(r"[。．][\"'”’」』）)]*$")


def _first_undecided(verdicts: Sequence[Verdict], start: int) -> int | None:
    for position in range(start, len(verdicts)):
        if not verdicts[position].decided:
            return position
    return None


def _title_position(verdicts: Sequence[Verdict]) -> int | None:
    """Where the title is: the first undecided block, if it is a headline and not a menu item."""
    position = _first_undecided(verdicts, 0)
    if position is None or position >= TITLE_SEARCH_DEPTH or not _is_headline(verdicts[position].text):
        return None
    following = _first_undecided(verdicts, position + 1)
    if following is None:
        return None  # a lone line is the body, not a title over nothing
    next_is_metadata = following > position + 1 and verdicts[position + 1].category in HEAD_FURNITURE
    if not next_is_metadata and shape_of(verdicts[following].text).words <= MENU_ITEM_MAX_WORDS:
        return None
    return position


def _masthead(verdicts: Sequence[Verdict]) -> int | None:
    """Where a site's name (or a kicker) stands over a marked headline, if it does: a short line without a
    sentence's end (``**Site Name**``, bold or not) right above a heading its writer marked (a Markdown ``#``
    line, an HTML heading) that is shaped like a headline.  Decision: the marked heading is the headline, so it is
    the title, and the line above is the page's name, removed as ``zones.page-title`` (the title line taken
    first would make the headline its subtitle)."""
    position = _first_undecided(verdicts, 0)
    if position is None or position >= TITLE_SEARCH_DEPTH or verdicts[position].kind is Kind.HEADING:
        return None
    below = position + 1
    if below >= len(verdicts) or verdicts[below].decided or verdicts[below].kind is not Kind.HEADING:
        return None
    shape = shape_of(verdicts[position].text)
    if shape.words > MASTHEAD_MAX_WORDS or shape.ends_sentence or not _is_headline(verdicts[below].text):
        return None
    return position


def _closes_cjk_sentence(text: str) -> bool:
    """Whether the text ends on a CJK full stop, which ``shape_of`` (Latin stops) does not read as a sentence's end."""
    return IDEOGRAPHIC_STOP.search(text) is not None


def _is_headline(text: str) -> bool:
    """Shaped like a headline (``is_title_shaped``), and not a CJK sentence closed by its full stop."""
    return is_title_shaped(text) and not _closes_cjk_sentence(text)


def _is_subtitle(verdicts: Sequence[Verdict], position: int) -> bool:
    """A standfirst right after the title: unpunctuated, or followed by head furniture."""
    if position >= len(verdicts) or verdicts[position].decided:
        return False
    text = verdicts[position].text
    shape = shape_of(text)
    if shape.words < SUBTITLE_MIN_WORDS or len(text) > SUBTITLE_MAX_CHARS:
        return False
    if not shape.ends_sentence and not _closes_cjk_sentence(text):
        return True
    after = verdicts[position + 1] if position + 1 < len(verdicts) else None
    return after is not None and after.decided and after.category in HEAD_FURNITURE


def strip_unbalanced_quote(text: str) -> str:
    """Drop a leading quote mark that is never closed (a standfirst cut from a quotation)."""
    if text[:1] in QUOTES and sum(text.count(mark) for mark in QUOTES) % 2 == 1:
        return text[1:].lstrip()
    return text


def mark_head(verdicts: Sequence[Verdict]) -> list[Verdict]:
    """Decide the title and subtitle blocks, if the head has them."""
    marked = list(verdicts)
    masthead = _masthead(marked)
    if masthead is not None:  # the site's name over the marked headline: the headline is the title
        marked[masthead] = marked[masthead].decide(
            Role.FURNITURE, rule=PAGE_TITLE_RULE, category="boilerplate", layer=LAYER
        )
    title = _title_position(marked)
    if title is None:
        return marked
    marked[title] = marked[title].decide(Role.TITLE, rule="zones.title", category="title", layer=LAYER)
    if _is_subtitle(marked, title + 1):
        subtitle = marked[title + 1]
        marked[title + 1] = subtitle.decide(Role.SUBTITLE, rule="zones.subtitle", category="subtitle", layer=LAYER)
    return marked


def _is_tail_line(text: str) -> bool:
    """Other articles' headlines: short lines without a closing full stop."""
    shape = shape_of(text)
    return shape.words <= 25 and not shape.ends_with_period


def mark_tail(verdicts: Sequence[Verdict], tail_rules: Collection[str]) -> list[Verdict]:
    """After each tail marker, mark the run of headline-like lines as furniture."""
    marked = list(verdicts)
    in_tail = False
    for position, verdict in enumerate(marked):
        if verdict.role is Role.FURNITURE and verdict.rule in tail_rules:
            in_tail = True
        elif verdict.decided:
            continue
        elif in_tail and _is_tail_line(verdict.text):
            marked[position] = verdict.decide(Role.FURNITURE, rule=TAIL_RULE, category="tail", layer=LAYER)
        else:
            in_tail = False
    return marked


def mark_zones(verdicts: Sequence[Verdict], tail_rules: Collection[str], *, head: bool = True) -> list[Verdict]:
    """Both zone decisions: the tail first (so a tail is never taken for a head), then the head.

    ``head=False`` when the container already declared the title (a page's metadata,
    Markdown front matter): the first line is then body like any other.
    """
    tailed = mark_tail(verdicts, tail_rules)
    return mark_head(tailed) if head else tailed


TITLE_LOOKBACK = 4  # boilerplate blocks looked at before the article, nearest first
HEAD_MENU_WORDS = 3
METADATA_WINDOW = 15  # a byline or dateline this close before the article opens its head
OVER_METADATA = 4  # the headline stands at most this many blocks over the byline or dateline
BREADCRUMB_MARKS = "»›>"


def mark_title_before_body(verdicts: Sequence[Verdict]) -> list[Verdict]:
    """In a page dump the headline stands just before the body, after the menus.

    A title the head took (the dump's first line) stays only when nothing but head lines lie
    between it and the article; with menus between, it was the page's ``<title>`` or a site
    name, and the headline over the article replaces it when one is found.  In order: the line
    the first line confirms (``zones.title-echo``), the headline over the article's byline or
    dateline (``zones.title-over-byline``), the nearest headline-shaped boilerplate line
    before the article (``zones.title-before-body``).
    """
    marked = list(verdicts)
    first_body = next((p for p, v in enumerate(marked) if v.role is Role.BODY), None)
    title = next((p for p, v in enumerate(marked) if v.role is Role.TITLE), None)
    if first_body is None or (title is not None and not _menus_between(marked, title, first_body)):
        return marked
    found = _dump_title(marked, first_body)
    if found is None:
        return marked
    position, rule = found
    if title is not None:
        marked[title] = marked[title].decide(Role.FURNITURE, rule=PAGE_TITLE_RULE, category="boilerplate", layer=LAYER)
    marked[position] = marked[position].decide(Role.TITLE, rule=rule, category="title", layer=LAYER)
    return marked


def head_after_title(verdicts: Sequence[Verdict]) -> list[Verdict]:
    """The text model's head lines (``HEAD_RULE``) after the chosen title are the article's own: body again.

    They left the body only while the headline was looked for above the article (site sections,
    kickers and the headline itself stand before it); once the title is chosen, what follows it (a
    standfirst, a list, a subheading) is the article's.  Called after the metadata choice, so
    the title is chosen among the same lines as before.
    """
    marked = list(verdicts)
    title = next((p for p, v in enumerate(marked) if v.role is Role.TITLE), -1)
    for position in range(title + 1, len(marked)):
        verdict = marked[position]
        if verdict.rule == HEAD_RULE and verdict.role is Role.FURNITURE:
            marked[position] = verdict.decide(
                Role.BODY, rule=CLASSIFIER_RULE, category="body", layer=verdict.layer, score=verdict.score
            )
    return marked


def no_head_in_kept_text(verdicts: Sequence[Verdict]) -> list[Verdict]:
    """The verdicts with the head lines given back (``head_after_title``), and, where every other block is
    body, the title and subtitle lines too: a text the layers keep whole has no head.

    A headline stands over furniture the page printed around its article (a byline, a dateline, menus,
    a caption, the headline printed again); a text holding none of it is an article's text from its first
    line, whatever that line looks like (a standfirst, a subheading, a question).  Cleaning the cleaned
    body reads such a text, and a line taken from it for the title would leave the body: so the first
    cleaning's body is what the second keeps (``assemble.settle_output``).
    """
    marked = head_after_title(verdicts)
    heads = (Role.TITLE, Role.SUBTITLE)
    if not any(v.role in heads for v in marked) or any(v.role not in (*heads, Role.BODY) for v in marked):
        return marked
    if any(_printed_twice(marked, position) for position, v in enumerate(marked) if v.role is Role.TITLE):
        return marked  # the headline printed again under it: the text holds its page's repetition, a head
    return [
        v.decide(Role.BODY, rule=KEPT_TEXT_RULE, category="body", layer=LAYER) if v.role in heads else v for v in marked
    ]


def _printed_twice(verdicts: Sequence[Verdict], position: int) -> bool:
    """Whether the block after the title at ``position`` says it again (case and spacing aside)."""
    if position + 1 >= len(verdicts):
        return False
    title, after = verdicts[position].text, verdicts[position + 1].text
    return len(after) <= 2 * len(title) and folded(after) == folded(title)


def folded(text: str | None) -> str:
    """The text spaced and case-folded, as blocks are compared (one new string: no list of its words, which for a
    page run into one line would cost many times its size)."""
    return _SPACES.sub(" ", text or "").strip().casefold()


_SPACES = re.compile(r"\s+")


def _menus_between(verdicts: Sequence[Verdict], start: int, end: int) -> bool:
    return any(verdicts[position].category == "boilerplate" for position in range(start + 1, end))


def _dump_title(verdicts: Sequence[Verdict], first_body: int) -> tuple[int, str] | None:
    """Where a page dump's headline is, and the rule that found it."""
    echo = _title_echo(verdicts, first_body)
    if echo is not None:
        return echo, "zones.title-echo"
    head = next(
        (p for p in range(max(0, first_body - METADATA_WINDOW), first_body) if verdicts[p].role in METADATA_ROLES),
        None,
    )
    if head is not None:
        for position in range(head - 1, max(-1, head - 1 - OVER_METADATA), -1):
            if _is_dump_headline(verdicts[position]):
                return position, "zones.title-over-byline"
    above = _headline_above(verdicts, first_body)
    return None if above is None else (above, "zones.title-before-body")


def _headline_above(verdicts: Sequence[Verdict], first_body: int) -> int | None:
    """The topmost headline line among the last ``TITLE_LOOKBACK`` boilerplate lines before the article.

    Under a headline a page prints a standfirst, a caption, a tag list or a share bar, which can
    be headline-shaped too; the headline is the upper one.  A menu item (a line of at most
    ``HEAD_MENU_WORDS`` words) above it ends the head.
    """
    seen, found = 0, None
    for position in range(first_body - 1, -1, -1):
        verdict = verdicts[position]
        if verdict.category != "boilerplate":
            continue  # metadata and rule furniture (share buttons, captions) stand between
        seen += 1
        if seen > TITLE_LOOKBACK:
            break
        if _is_dump_headline(verdict):
            found = position
        elif found is not None and shape_of(verdict.text).words <= HEAD_MENU_WORDS:
            break
    return found


METADATA_ROLES = frozenset({Role.BYLINE, Role.DATELINE})


def _is_dump_headline(verdict: Verdict) -> bool:
    """A boilerplate line shaped like a headline, not a teaser's date line or a breadcrumb trail.

    The classifier left it outside the article; headlines rarely state a full date
    ("Berlin, 28.10.2021, 058/21", "02.02.2022 • Verband, Presse" are meta lines) and a path
    ("Home » Europa » Deutschland") is navigation.
    """
    text = verdict.text
    return (
        verdict.category == "boilerplate"
        and is_title_shaped(text)
        and shape_of(text).words >= 3
        and not mentions_date(text)
        and sum(text.count(mark) for mark in BREADCRUMB_MARKS) < 2
    )


def _title_echo(verdicts: Sequence[Verdict], first_body: int) -> int | None:
    """Where a page dump repeats its first line's headline, nearest the article first.

    A dump opens with the page's ``<title>`` ("Headline - Site", "Kicker: Headline") and prints
    the headline again as its ``<h1>`` over the article; a line that the first line confirms
    (``cleaner.metadata.titles``) is that headline, however many teasers or form lines stand between.
    A short headline ("Rasende Polizisten", "Zeitphilosophie") is taken when it is the whole
    longer side of a separator in the first line.  Text whose first line is body is no dump.
    """
    first = verdicts[0]
    if len(verdicts) < 3 or first.role is Role.BODY or first.layer == "furniture" or len(first.text) > TITLE_MAX_CHARS:
        return None  # a first line a rule removed ("Home / Aktuell") is a breadcrumb, not the page's title
    page_title = [first.text]
    keys = confirming_keys(page_title)
    sides = {title_key(side) for side in major_sides(page_title[0])}
    for position in range(min(first_body, len(verdicts) - 1), 0, -1):
        text = verdicts[position].text
        key = title_key(text)
        if len(key) >= MIN_HEADLINE and shape_of(text).words >= ECHO_MIN_WORDS and is_title_shaped(text):
            if key in keys or most_of(text, page_title):
                return position
        elif key in sides and len(key) >= ECHO_MIN_CHARS and shape_of(text).headline_like:
            return position
    return None


ECHO_MIN_WORDS = 3  # shorter lines echo only a whole side: "Home", "Der Tagesspiegel" are a menu and a site
ECHO_MIN_CHARS = 4
