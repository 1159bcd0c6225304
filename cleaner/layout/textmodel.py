"""Text model: the trained classifier that decides which open blocks of plain text are the article.

The model file (``text_model.txt``, shipped in the package, rebuilt by ``bench/train_text.py``)
holds two LightGBM models: the first scores each block from its features and its neighbours'
(``cleaner.layout.features``); the second rescores it from the first stage's scores around it.
A block whose final score (the probability that it is article content) is below the page's cut
is furniture, with rule ``classifier`` and its score in the audit trail.  The cut is the model's
``threshold``, or a lower one on a page where no block is sure content (``page_threshold``: an
article that is a table, a list or a calendar).  Text not shaped like a page dump (no menu-like
lines around its prose: what an extractor leaves) is judged by the same model but loses only its
edges: the blocks before the first and after the last block with a fair score (``EDGE_CUT``).

Safeguards:

* only blocks no earlier layer decided are judged (rules, bylines, datelines and the head stand);
* the guards (``cleaner.layout.textguards``, rule ``classifier.guard``): losing the article is worse
  than keeping furniture.  The page's largest run of prose is kept when the kept text is far smaller;
  in a page dump, stretches between kept paragraphs that the model was unsure of (every block a fair
  score) come back when they hold a fair share of the kept words, and so does the rest of a numbered
  list whose first item the model kept; and text shaped like an
  extractor's output (prose with fair scores at both ends) that the cut would strip of more than half
  its words is cut as extracted text, at its edges only, even when its tables or lists make it look
  like a page dump;
* the head: in a page dump, blocks kept above the article's first prose sentence leave the body
  (rule ``classifier.head``), so the head layer can take the headline as the title; those after
  the chosen title come back once it is chosen (``zones.head_after_title``);
* settling: the kept blocks are judged again by the model on their own, as blocks of the kept
  text; what it would remove leaves now, and the guard and the head look again, until nothing
  changes.  That cleaning the cleaned text removes nothing more is the pipeline's own check on the
  output (``assemble.settle_output``), which reads it through every layer.  A page's judgement (its
  feature rows, both stages' scores, the cut, its shape) is remembered for the last few pages asked (``_judged``):
  that pass asks again what the settling pass's last round asked, the kept text on its own.

A site profile's evidence: with ``repetition`` (the pipeline's, from a learned profile; this layer
never reads one), the column ``site_repetition`` holds, per block, the share of the site's pages
holding its line.  The model was trained with it on template-site pages and without it (NaN) on the
bench pages.  The evidence only removes, and only what it is template evidence for: a block the
model removes without the column is removed, and one it keeps is removed only when the model with the
column removes it and the block is on at least the learned share of the site's other pages
(``evidenced``: article text repeats too, far less often than template, and prose inside the article
needs a higher share); every other block gets the decision it gets without a profile.  So a profile
never makes the classifier keep what it would remove without one, nor remove a line it has no
template evidence for.  The page is decided as without a profile, settling pass and all, and the model
reads it with the column only when a block it could remove is still body then (``_removed_by_evidence``,
the one place that decides what the evidence removes), its second stage only for the blocks in question
when their scores settle the cut (``_weighed_cut``).  A block removed only because of the evidence gets the
rule ``classifier.profile`` with its score, which the sites layer names after the profile
(``cleaner.sites.apply.credit_profile``); when no trusted profile applies (None), the column is
missing and the page is judged as without a profile.

Only a block's kind changes inside the body: a headline-like line followed by prose becomes a
heading (``classify``'s test).

The model's two stages, how a page's rows are scored, and the model file are
``cleaner.layout.textstages`` (its names stay importable from here).

What it does NOT do: it trains nothing (``bench/train_text.py`` does), scores no row itself
(``textstages`` does), reads no metadata and edits no text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from cleaner.layout.classify import block_scores, is_heading, looks_like_page_dump
from cleaner.layout.features import FEATURES, features
from cleaner.layout.tables import CellRun
from cleaner.layout.textguards import GUARD_MIN_WORDS as GUARD_MIN_WORDS
from cleaner.layout.textguards import (
    GUARD_RULE,
    LAYER,
    keep_numbered_lists,
    keep_prose_run,
    keep_unsure_gaps,
    removes_too_much,
)
from cleaner.layout.textguards import GUARD_SHARE as GUARD_SHARE
from cleaner.layout.textstages import MODEL_FILE as MODEL_FILE
from cleaner.layout.textstages import ModelFileError as ModelFileError
from cleaner.layout.textstages import TextModel as TextModel
from cleaner.layout.textstages import dump_model as dump_model
from cleaner.layout.textstages import load_text_model as load_text_model
from cleaner.layout.textstages import parse_model as parse_model
from cleaner.layout.textstages import second_stage as second_stage
from cleaner.layout.zones import CLASSIFIER_RULE as RULE
from cleaner.layout.zones import HEAD_RULE
from cleaner.model import Block, Kind, Role, Verdict

PROFILE_RULE = "classifier.profile"  # removed only because of the site profile's evidence (see the module doc)
REPETITION = FEATURES.index("site_repetition")
PROSE = FEATURES.index("prose")
SETTLE_ROUNDS = 20  # each round only removes (the guard's blocks stay), so the loop ends well before
MIN_OPEN = 4  # fewer open blocks than this are kept: too short a text to be a page dump
# An unsure page: no open block scores this high, so the model has not found the article (a table, a
# list, a calendar).  There the cut is conservative: blocks scoring UNSURE_THRESHOLD or more stay.
# Both chosen by nested site-grouped CV (each fold's choice made on the other four; docs/classifier.md).
CONFIDENT = 0.9
UNSURE_THRESHOLD = 0.2
HEAD_MAX_BLOCKS = 6  # a head (kicker, headline, standfirst, picture credit, share line) is a few blocks
DUMP_FURNITURE_SHARE = 0.5  # a text most of whose open blocks the model takes for furniture is a page dump,
DUMP_MIN_OPEN = 20  # when it has a page's worth of open blocks (a short text is read as it is shaped)
EDGE_CUT = 0.1  # text shaped like an extractor's output loses its edges below this score (docs/classifier.md)


Repetition = Callable[[list[str]], "Sequence[float] | None"]
"""A site profile's evidence for a page's block texts: per block, the share of the site's pages holding its
line; None when no trusted profile applies to the page."""


def _alone(texts: list[str]) -> list[Verdict]:
    """The kept texts as blocks of their own, undecided: a second reading without the earlier layers."""
    return [Verdict(Block(index, text)) for index, text in enumerate(texts)]


def _settle(
    model: TextModel,
    verdicts: list[Verdict],
    rows: np.ndarray,
    stopwords: frozenset[str],
    dump: bool,
) -> None:
    """The guard and the head rule, then the kept blocks judged again on their own, until nothing changes.

    The model meets the kept blocks alone, as the kept text: what it would remove leaves now, with
    its score, and the guard and the head rule look again at what is left (see the module doc).  The
    other layers' second look is the pipeline's, on the output (``assemble.settle_output``).  It reads
    without a site profile's evidence: ``classify_text`` removes what the evidence removed afterwards.
    """
    tail_rules: frozenset[str] = frozenset()
    for _ in range(SETTLE_ROUNDS):
        keep_prose_run(verdicts, rows)
        if dump:
            _head_before_article(verdicts, rows)
            keep_unsure_gaps(verdicts, rows)  # after the head rule: the gaps lie past the article's first sentence
            keep_numbered_lists(verdicts)
        kept = [position for position, verdict in enumerate(verdicts) if verdict.role is Role.BODY]
        texts = [verdicts[p].text for p in kept]
        _, scores, keep, _, _ = _judged(_Page(model, _alone(texts), stopwords, tail_rules))
        changed = False
        for rank, position in enumerate(kept):
            verdict = verdicts[position]
            if verdict.layer != LAYER or verdict.rule == GUARD_RULE:
                continue
            if not keep[rank]:
                verdicts[position] = _furniture(verdict, float(scores[rank]))
                changed = True
        if not changed:
            return


class _Page:
    """What ``_judge`` is asked about a page, equal to another question when the answer must be the same.

    Two pages are the same question when the model is the same object and the blocks agree in everything
    the features and the cut read of them: text, kind, role, whether a tail rule removed it (the only use of
    ``tail_rules``), link density; and the stopwords agree.  (The tables, ``cells``, are found from the texts,
    so they are no part of the question; nor is a site profile's evidence, which ``_judge`` does not read.)
    The settling pass's last reading of the kept text is asked again when the pipeline reads its output back
    (``assemble.settle_output``), with the configuration's tail rules where the settling pass has none.
    """

    __slots__ = ("cells", "key", "model", "stopwords", "tail_rules", "verdicts")

    def __init__(
        self,
        model: TextModel,
        verdicts: Sequence[Verdict],
        stopwords: frozenset[str],
        tail_rules: frozenset[str],
        cells: Sequence[CellRun] | None = None,
    ) -> None:
        self.model, self.verdicts, self.cells = model, verdicts, cells
        self.stopwords, self.tail_rules = stopwords, tail_rules
        blocks = tuple(
            (
                v.block.text,
                v.block.kind,
                v.role,
                v.role is Role.FURNITURE and v.rule in tail_rules,
                v.block.link_density,
            )
            for v in verdicts
        )
        self.key = (id(model), stopwords, blocks)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Page) and other.model is self.model and other.key == self.key


Shape = tuple[bool, bool]
"""``_page_shape``: whether the open blocks are a page dump's, and whether they start and end on prose."""


@lru_cache(maxsize=16)
def _judged(page: _Page) -> tuple[np.ndarray | None, np.ndarray, np.ndarray, bool, Shape | None]:
    """The page's feature rows (None when too few blocks are open to be judged) and ``_judge``'s answer, once
    per question (``_Page``; the cache holds the model, so no other object takes its id).  Read-only arrays."""
    rows = None
    if sum(1 for verdict in page.verdicts if not verdict.decided) >= MIN_OPEN:
        rows = features(page.verdicts, page.stopwords, page.tail_rules, None, page.cells, page.model.lexicon)
    scores, keep, dump, shape = _judge(page.model, page.verdicts, page.stopwords, page.tail_rules, rows)
    for array in (rows, scores, keep):
        if array is not None:
            array.flags.writeable = False
    return rows, scores, keep, dump, shape


def _judge(
    model: TextModel,
    verdicts: Sequence[Verdict],
    stopwords: frozenset[str],
    tail_rules: frozenset[str],
    rows: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, bool, Shape | None]:
    """The model's scores, which blocks stay and whether the text is a page dump, without a site profile's
    evidence (``rows``: the blocks' feature rows, the evidence's column missing); see ``_cut`` for the
    decision; and the page's shape (``_page_shape``, None when too few blocks are open to be judged).  What a
    profile's evidence removes from it is ``_removed_by_evidence``'s to decide."""
    count = len(verdicts)
    open_mask = np.array([not verdict.decided for verdict in verdicts], dtype=bool)
    if open_mask.sum() < MIN_OPEN:
        return np.ones(count), np.ones(count, dtype=bool), False, None
    if rows is None:
        rows = features(verdicts, stopwords, tail_rules, None, None, model.lexicon)
    scores = model.scores(rows, open_mask)
    shape = _page_shape(verdicts, rows, open_mask, stopwords)
    return (scores, *_cut(model, scores, open_mask, shape, rows[:, WORDS]), shape)


def _removed_by_evidence(
    model: TextModel,
    verdicts: Sequence[Verdict],
    rows: np.ndarray,
    keep: np.ndarray,
    evidence: Sequence[float],
    body: np.ndarray,
    stopwords: frozenset[str],
    plain: np.ndarray | None = None,
    shape: Shape | None = None,
) -> list[tuple[int, float]]:
    """The blocks still ``body`` that a site profile's evidence removes, each with its score with the evidence.

    ``rows``, ``keep``, ``plain`` (its scores) and ``shape`` are the page's reading without the evidence
    (``_judge``; the shape reads no evidence, so it is the same with it: found again when not given).  A
    block that reading keeps is the evidence's to remove only when the profile has template evidence for it
    (``evidenced``) and the model reading the page with the evidence (its ``site_repetition`` column) removes
    it; the decision stays the one without the evidence (the guards read the scores: a template line's lower
    score with the evidence must not stop a guard from keeping what it keeps without a profile).  So the model
    reads the page with the evidence only when such a block is still ``body`` (after the settling pass): on
    other pages the evidence removes nothing, and its reading is skipped.  The cut with the evidence is
    ``_cut``'s, computed from the fewest second-stage scores that settle it (``_weighed_cut``).
    """
    weighed = rows.copy()
    weighed[:, REPETITION] = evidence
    candidates = keep & body & evidenced(weighed, keep, model.evidence, model.evidence_inside)
    if not candidates.any():
        return []
    open_mask = np.array([not verdict.decided for verdict in verdicts], dtype=bool)
    shape = shape if shape is not None else _page_shape(verdicts, rows, open_mask, stopwords)
    scores, kept = _weighed_cut(model, weighed, open_mask, shape, candidates, plain)
    return [(position, float(scores[position])) for position in np.flatnonzero(candidates & ~kept).tolist()]


WITNESSES = 3  # the open blocks the reading without the evidence scores highest: one sure block settles the cut


def _weighed_cut(
    model: TextModel,
    weighed: np.ndarray,
    open_mask: np.ndarray,
    shape: tuple[bool, bool],
    candidates: np.ndarray,
    plain: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray]:
    """The scores with the evidence and ``_cut``'s ``keep``, exact at least for the ``candidates``.

    The second stage scores each block apart (from the first stage's scores of the whole page), so it is asked
    first for the candidates, the first and last open blocks and a few witnesses (the blocks ``plain`` scores
    highest).  On a page shaped like a dump (``_page_shape``), not cut as extracted text (its edges, as
    ``removes_too_much`` reads them), where one of those scores is sure content (``CONFIDENT``), ``_cut`` keeps
    exactly the blocks scoring the model's threshold: the candidates' fate is known.  Elsewhere every open
    block is scored and cut, as without this shortcut.
    """
    opened = np.flatnonzero(open_mask)
    if len(opened):  # (no open block: nothing to shortcut)
        asked = candidates & open_mask
        asked[[opened[0], opened[-1]]] = True
        if plain is not None:
            others = np.flatnonzero(open_mask & ~candidates)
            asked[others[np.argsort(-plain[others], kind="stable")[:WITNESSES]]] = True
        scores = model.scores(weighed, asked)
        shaped, prose_edges = shape
        edges = not prose_edges or min(scores[opened[0]], scores[opened[-1]]) < EDGE_CUT
        if shaped and edges and float(scores[asked].max()) >= CONFIDENT:
            return scores, scores >= model.threshold
    scores = model.scores(weighed, open_mask)
    return scores, _cut(model, scores, open_mask, shape, weighed[:, WORDS])[0]


def evidenced(rows: np.ndarray, article: np.ndarray, outside: float, inside: float) -> np.ndarray:
    """Which blocks a site profile's evidence may remove: those on at least ``outside`` of the site's other
    pages, or ``inside`` for prose inside the article (``inside_article``).  NaN (no profile) is evidence
    for nothing.

    The two shares are learned (``bench/train_text.py``): article text repeats across a site's pages too
    (a background paragraph of a series), far less often than its template does.
    """
    repetition, prose = rows[:, REPETITION], rows[:, PROSE] > 0
    within = inside_article(rows, article, outside) & prose
    return repetition >= np.where(within, max(inside, outside), outside)


def inside_article(rows: np.ndarray, article: np.ndarray, outside: float) -> np.ndarray:
    """The blocks from the one right before the first to the one right after the last prose block of
    ``article`` that the profile has no evidence for (on less than ``outside`` of the site's other pages, or no
    profile).  ``article`` is the blocks the model keeps without the evidence (in training: the gold's
    blocks).  The edges count as inside, as in the rule-based layer (``cleaner.sites.apply``): a paragraph a
    series repeats on some of its pages often ends the article, and the model may not keep a prose block of
    the page's own after it."""
    own = np.flatnonzero(np.asarray(article, dtype=bool) & (rows[:, PROSE] > 0) & ~(rows[:, REPETITION] >= outside))
    within = np.zeros(len(rows), dtype=bool)
    if len(own):
        within[max(own[0] - 1, 0) : own[-1] + 2] = True
    return within


def _cut(
    model: TextModel, scores: np.ndarray, open_mask: np.ndarray, shape: tuple[bool, bool], words: np.ndarray
) -> tuple[np.ndarray, bool]:
    """Which blocks stay, from the model's scores, and whether the text is a page dump.

    (A few lines, fewer than ``MIN_OPEN`` open blocks, are no page: the model's context (runs,
    windows, the page's share of prose) says nothing about them, so ``_judge`` keeps them, score 1.0.)  A
    page dump (menu-like lines before or after its prose: ``classify``'s shape test; or most of
    its ``DUMP_MIN_OPEN`` or more open blocks furniture by the model's scores) keeps the
    blocks scoring at least the page's cut (``page_threshold``).  Text an extractor already
    reduced to the article loses only its edges: the open blocks before the first and after the
    last block scoring ``EDGE_CUT`` or more (residual share buttons, tags, teasers); inside, a
    low score costs more article than furniture.  So is a page dump shaped like an extractor's output
    (``shape``'s second flag: prose at both ends) from which the cut would remove too much
    (``textguards.removes_too_much``).
    """
    shaped, prose_edges = shape
    dump = shaped
    if not dump and open_mask.sum() >= DUMP_MIN_OPEN:
        dump = float(np.mean(scores[open_mask] < model.threshold)) > DUMP_FURNITURE_SHARE
    if dump:
        keep = scores >= page_threshold(model, scores, open_mask)
        if not removes_too_much(keep, open_mask, words, scores, prose_edges, EDGE_CUT):
            return keep, True
    good = np.flatnonzero(open_mask & (scores >= EDGE_CUT))
    keep = np.ones(len(scores), dtype=bool)
    if len(good):
        index = np.arange(len(scores))
        keep = ~open_mask | ((index >= good[0]) & (index <= good[-1]))
    return keep, False


def page_threshold(model: TextModel, scores: np.ndarray, open_blocks: np.ndarray | Sequence[bool]) -> float:
    """The cut for this page: the model's threshold, or a conservative one when no open block is sure content.

    A page whose article is a table, a list or a calendar has no block the model is sure of; there
    the threshold alone would cut most of the article, so blocks it gives a fair chance are kept.
    """
    chances = scores[np.asarray(open_blocks, dtype=bool)] if len(scores) else scores
    if len(chances) and float(chances.max()) < CONFIDENT:
        return min(model.threshold, UNSURE_THRESHOLD)
    return model.threshold


def _page_shape(
    verdicts: Sequence[Verdict], rows: np.ndarray, open_mask: np.ndarray, stopwords: frozenset[str]
) -> tuple[bool, bool]:
    """Whether the open blocks are a whole page's text (menus and all), by ``classify``'s shape test; and
    whether the first and the last open block are prose by that test (as an extractor's output starts and ends).

    The blocks' shapes are read from their feature rows, which measure what ``Shape`` does.
    """
    chars, words, density, ends = (rows[open_mask, FEATURES.index(name)] for name in _SHAPE_COLUMNS)
    links = np.array([verdict.block.link_density for verdict in verdicts], dtype=float)[open_mask]
    scores = block_scores(chars, words, density, ends > 0, links, bool(stopwords))
    prose_edges = bool(len(scores)) and scores[0] > 0 and scores[-1] > 0
    return looks_like_page_dump(scores.tolist(), words.astype(int).tolist()), prose_edges


_SHAPE_COLUMNS = ("chars", "words", "stop_density", "ends_sentence")
WORDS = FEATURES.index("words")


def _furniture(verdict: Verdict, score: float, rule: str = RULE) -> Verdict:
    return verdict.decide(Role.FURNITURE, rule=rule, category="boilerplate", layer=LAYER, score=score)


def _head_before_article(verdicts: list[Verdict], rows: np.ndarray) -> None:
    """In a page dump, kept lines before the article's first prose sentence are its head, not body.

    A page dump is text above which the model removed page furniture (menus, teasers).  Its body
    starts on prose that ends like a sentence, as ``classify``'s run starts on prose; what the
    model kept above it (headline, kicker) leaves the body so that the head layer
    (``zones.mark_title_before_body``) can take the headline as the title.  Text an extractor
    already reduced to the article keeps its first lines, and text with no prose sentence at all
    is left as the model decided.  A head is a few blocks (``HEAD_MAX_BLOCKS``); beyond them the
    article opens with a list or a table, which stays.
    """
    prose, sentence = (rows[:, FEATURES.index(name)] for name in ("prose", "ends_sentence"))
    first = next((p for p, v in enumerate(verdicts) if v.role is Role.BODY and prose[p] and sentence[p]), None)
    removed = (RULE, PROFILE_RULE)
    if first is None or not any(v.rule in removed and v.role is Role.FURNITURE for v in verdicts[:first]):
        return
    head = [p for p in range(first) if verdicts[p].role is Role.BODY and verdicts[p].layer == LAYER]
    # more than a head: the article opens with a list or a table before its first sentence; its
    # headline is among the first lines kept
    for position in head[:HEAD_MAX_BLOCKS]:
        verdicts[position] = verdicts[position].decide(
            Role.FURNITURE, rule=HEAD_RULE, category="boilerplate", layer=LAYER, score=verdicts[position].score
        )


def _headings(verdicts: list[Verdict]) -> None:
    """Inside the kept text, headline-like lines followed by prose are headings (``classify``'s test)."""
    kept = [p for p, v in enumerate(verdicts) if v.role is Role.BODY and v.layer == LAYER]
    for rank, position in enumerate(kept):
        following = verdicts[kept[rank + 1]] if rank + 1 < len(kept) else None
        if is_heading(verdicts[position], following):
            verdicts[position] = verdicts[position].decide(
                Role.BODY, rule=verdicts[position].rule, category="heading", layer=LAYER, kind=Kind.HEADING
            )


def classify_text(
    verdicts: Sequence[Verdict],
    stopwords: frozenset[str],
    tail_rules: frozenset[str] = frozenset(),
    model: TextModel | None = None,
    repetition: Repetition | None = None,
    cells: Sequence[CellRun] | None = None,
) -> list[Verdict]:
    """Decide every open block of plain text: article content (body) or furniture, by the model.

    ``repetition`` gives a site profile's evidence for block texts (see the module doc); ``cells`` the
    blocks' tables (``tables.cell_runs``) when the caller already found them.  With the evidence, the page
    is decided as without a profile (the model's reading without the evidence, the guards, the head rule
    and the settling pass), and then the blocks the evidence removes (``_removed_by_evidence``) leave the body
    with ``PROFILE_RULE``: once the template is gone, the guards and the settling pass would read another page,
    and the profile only removes what it has template evidence for.
    """
    model = model or load_text_model()
    marked = list(verdicts)
    rows, scores, keep, dump, shape = _judged(_Page(model, marked, stopwords, tail_rules, cells))
    for position, verdict in enumerate(marked):
        if verdict.decided:
            continue
        if keep[position]:
            marked[position] = verdict.decide(
                Role.BODY,
                rule=RULE,
                category="body",
                layer=LAYER,
                kind=verdict.block.kind,
                score=float(scores[position]),
            )
        else:
            marked[position] = _furniture(verdict, float(scores[position]))
    if rows is not None:  # enough open blocks to be judged (``MIN_OPEN``)
        _settle(model, marked, rows, stopwords, dump)
        evidence = repetition([verdict.text for verdict in verdicts]) if repetition else None
        if evidence is not None:
            body = np.array([verdict.role is Role.BODY for verdict in marked], dtype=bool)
            removed = _removed_by_evidence(model, verdicts, rows, keep, evidence, body, stopwords, scores, shape)
            for position, score in removed:
                marked[position] = _furniture(marked[position], score, PROFILE_RULE)
    _headings(marked)
    return marked
