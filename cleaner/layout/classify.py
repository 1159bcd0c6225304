"""Classify: decide the blocks no rule recognised, as article text or boilerplate.

The algorithm is justext's idea reduced to one pass over a score:

1. Each undecided block gets a score from its own shape alone: long prose with many
   stopwords (for the detected language) scores its length; a short sentence scores a
   little; a headline-like or link-heavy line costs a fixed penalty; long text with
   few stopwords (tag clouds, lists of names) costs part of its length.
2. Is this a whole page's text (menus and all) or text an extractor already reduced
   to the article? A dump has menu-like runs of short lines before the first or after
   the last prose block, or very many one-to-three word lines. Extracted text is kept
   whole (only rules and zones remove from it): cutting it would lose the lists,
   results tables and short paragraphs that belong to the article.
3. In a dump, the article is the contiguous run of undecided blocks with the highest
   total score (decided blocks are transparent). That run starts and ends on prose,
   so a menu, a footer or a teaser list outside it is boilerplate, while headings and
   short paragraphs between paragraphs stay: this is the "revise by neighbours" step.
4. Inside the kept text, headline-like lines followed by prose become headings.

Because scores depend on a block alone and the run starts and ends on positive
blocks, the result has no menu-like edges: cleaning it again keeps it whole, so the
layer is idempotent. The thresholds were set on the development half of the bench
(docs/benchmarks.md).

What it does not do: it never overrides a decision an earlier layer took (rules,
zones, metadata), and it never edits text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cleaner.model import Kind, Role, Verdict
from cleaner.text.shape import has_words, shape_of

LAYER = "classify"
OUTSIDE_MAIN_RULE = "classify.outside-main-text"  # a block outside the page's main run of text
LONG_CHARS = 150
STOPWORDS_HIGH = 0.30
STOPWORDS_LOW = 0.20
LINE_PENALTY = 30.0
MAX_LINK_DENSITY = 0.5
HEADING_MAX_WORDS = 18
DUMP_EDGE_BLOCKS = 6
DUMP_TAIL_BLOCKS = 25
MENU_ITEM_WORDS = 3
DUMP_MENU_ITEMS = 50
MENU_MEAN_WORDS = 5.0


def block_scores(
    chars: np.ndarray,
    words: np.ndarray,
    stopword_density: np.ndarray,
    ends_sentence: np.ndarray,
    link_density: np.ndarray,
    has_stoplist: bool,
) -> np.ndarray:
    """How much each block looks like article prose, from its shape; positive is prose, negative is furniture.

    One value per block, the columns being the blocks' ``Shape`` values (the text model passes its
    feature columns, which measure the same).
    """
    ends_sentence = ends_sentence.astype(bool)
    if has_stoplist:
        prose_low, prose_high = stopword_density >= STOPWORDS_LOW, stopword_density >= STOPWORDS_HIGH
    else:
        prose_low = prose_high = ends_sentence & (words >= 4)
    long = chars >= LONG_CHARS
    return np.select(
        [link_density > MAX_LINK_DENSITY, long & prose_low, ends_sentence & (words >= 3) & prose_high, long],
        [-np.maximum(LINE_PENALTY, chars * 0.5), chars * 1.0, chars * 0.5, -chars * 0.3],
        -LINE_PENALTY,
    )


def looks_like_page_dump(scores: Sequence[float], words: Sequence[int]) -> bool:
    """True when menu-like lines stand before the first or after the last prose block.

    That is a whole page's text: navigation above the article, footers below it. Text
    an extractor already reduced to the article starts and ends on the article (a
    title, a byline, at most a list that belongs to it, whose items are longer than
    menu entries); there the classifier keeps everything the rules left.
    """
    positive = [position for position, score in enumerate(scores) if score > 0]
    if not positive:
        return False
    before = range(positive[0])
    after = range(positive[-1] + 1, len(scores))
    menu_items = sum(1 for score, count in zip(scores, words, strict=True) if score < 0 and count <= MENU_ITEM_WORDS)
    return (
        menu_items >= DUMP_MENU_ITEMS
        or _menu_like(before, words, DUMP_EDGE_BLOCKS)
        or _menu_like(after, words, DUMP_TAIL_BLOCKS)
    )


def _menu_like(edge: range, words: Sequence[int], minimum: int) -> bool:
    """Many lines of a few words each: a menu, a footer, a list of section links."""
    return len(edge) >= minimum and sum(words[position] for position in edge) / len(edge) <= MENU_MEAN_WORDS


def best_run(scores: Sequence[float]) -> tuple[int, int] | None:
    """The [start, end) run with the highest total (the longest among equals), or None if none is positive."""
    best_total, best = 0.0, None
    total, start = 0.0, 0
    for position, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, position
        total += score
        if total > best_total or (best and total == best_total and position + 1 - start > best[1] - best[0]):
            best_total, best = total, (start, position + 1)
    return best


def _may_head(verdict: Verdict, following: Verdict | None) -> bool:
    """False where ``is_heading`` is, found without measuring a long block: most of an extracted article's blocks
    are paragraphs of more than ``HEADING_MAX_WORDS`` words, not split into words only to learn that."""
    return (
        verdict.block.kind is Kind.PARAGRAPH
        and following is not None
        and not has_words(verdict.text, HEADING_MAX_WORDS + 1)
    )


def is_heading(verdict: Verdict, following: Verdict | None) -> bool:
    """A kept line that heads what follows: short, headline-like, not closed like a sentence, over a long block."""
    shape = shape_of(verdict.text)
    closes_like_heading = not shape.ends_sentence or verdict.text.endswith(("?", "!"))
    return (
        verdict.block.kind is Kind.PARAGRAPH
        and shape.headline_like
        and shape.words <= HEADING_MAX_WORDS
        and closes_like_heading
        and following is not None
        and shape_of(following.text).words > HEADING_MAX_WORDS
    )


def _body(verdict: Verdict, following: Verdict | None) -> Verdict:
    if _may_head(verdict, following) and is_heading(verdict, following):
        return verdict.decide(Role.BODY, rule="classify.heading", category="heading", layer=LAYER, kind=Kind.HEADING)
    return verdict.decide(Role.BODY, rule="classify.main-text", category="body", layer=LAYER, kind=verdict.block.kind)


def main_run(undecided: Sequence[Verdict], stopwords: frozenset[str], *, whole_page: bool | None) -> tuple[int, int]:
    """The undecided blocks' run (start, end) that is the article: the best-scoring one in a page's whole text,
    else all of them.  Text an extractor chose (``whole_page`` False) is kept whole, so it is not scored."""
    if whole_page is False:
        return (0, len(undecided))
    shapes = [shape_of(verdict.text, stopwords) for verdict in undecided]
    words = [shape.words for shape in shapes]
    scores = block_scores(
        np.array([shape.chars for shape in shapes], dtype=float),
        np.array(words, dtype=float),
        np.array([shape.stopword_density for shape in shapes], dtype=float),
        np.array([shape.ends_sentence for shape in shapes], dtype=bool),
        np.array([verdict.block.link_density for verdict in undecided], dtype=float),
        bool(stopwords),
    ).tolist()
    if whole_page is None:
        whole_page = looks_like_page_dump(scores, words)
    run = best_run(scores) if whole_page else None
    return run or (0, len(undecided))


def classify(
    verdicts: Sequence[Verdict], stopwords: frozenset[str], *, whole_page: bool | None = None, headings: bool = True
) -> list[Verdict]:
    """Decide every undecided block: body inside the best-scoring run, boilerplate outside it.

    ``whole_page`` says whether the blocks are a whole page's text; None (plain text of unknown
    origin) tells by their shape (``looks_like_page_dump``).  An HTML page's main content, which
    an extractor already chose, is not searched for the article again (False).  ``headings``: a
    short line before a long one may become a heading; not in Markdown, whose markers say which
    blocks are headings (a plain line there is a paragraph, so cleaning Markdown output again
    keeps every block's kind).
    """
    marked = list(verdicts)
    open_positions = [position for position, verdict in enumerate(marked) if not verdict.decided]
    run = main_run([marked[position] for position in open_positions], stopwords, whole_page=whole_page)
    for rank, position in enumerate(open_positions):
        verdict = marked[position]
        if run[0] <= rank < run[1]:
            following = marked[open_positions[rank + 1]] if headings and rank + 1 < len(open_positions) else None
            marked[position] = _body(verdict, following)
        else:
            marked[position] = verdict.decide(
                Role.FURNITURE, rule=OUTSIDE_MAIN_RULE, category="boilerplate", layer=LAYER
            )
    return marked
