"""Text model: the trained classifier that decides which open blocks of plain text are the article.

The model file (``text_model.txt``, shipped in the package, rebuilt by ``bench/train_text.py``)
holds two LightGBM models: the first scores each block from its features and its neighbours'
(``cleaner.layout.features``); the second rescores it from the first stage's scores around it.
A block whose final score (the probability that it is article content) is below the page's cut
is furniture, with rule ``classifier`` and its score in the audit trail.  The cut is the model's
``threshold``, or a lower one on a page where no block is sure content (``page_threshold``: an
article that is a table, a list or a calendar).  Text not shaped like a page dump (no menu-like
lines around its prose: what an extractor leaves) is judged by the same model but loses only its
edges: the blocks before the first and after the last block with a fair score (the cut is
``cleaner.layout.textcut``'s).

Safeguards:

* only blocks no earlier layer decided are judged (rules, bylines, datelines and the head stand);
* the guards (``cleaner.layout.textguards``, rule ``classifier.guard``): losing the article is worse
  than keeping furniture.  The page's largest run of prose is kept when the kept text is far smaller;
  in a page dump, stretches between kept paragraphs that the model was unsure of (every block a fair
  score) come back when they hold a fair share of the kept words, and so does the rest of a numbered
  list whose first item the model kept, and of a table most of whose cells it kept; and text shaped like
  an extractor's output (prose with fair scores at both ends) that the cut would strip of more than a
  fifth of its words is cut as extracted text, at its edges only, even when its tables or lists make it
  look like a page dump;
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
reads it with the column only when a block it could remove is still body then (``textevidence.removed_by_evidence``,
the one place that decides what the evidence removes), its second stage only for the blocks in question
when their scores settle the cut (``textevidence``).  A block removed only because of the evidence gets the
rule ``classifier.profile`` with its score, which the sites layer names after the profile
(``cleaner.sites.apply.credit_profile``); when no trusted profile applies (None), the column is
missing and the page is judged as without a profile.

Only a block's kind changes inside the body: a headline-like line followed by prose becomes a
heading (``classify``'s test).

The model's two stages, how a page's rows are scored, and the model file are
``cleaner.layout.textstages`` (its names stay importable from here); the cut from the scores is
``cleaner.layout.textcut``'s, and what a profile's evidence removes ``cleaner.layout.textevidence``'s.

What it does NOT do: it trains nothing (``bench/train_text.py`` does), scores no row itself
(``textstages`` does), reads no metadata and edits no text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from cleaner.errors import NO_DEADLINE, Deadline
from cleaner.layout.classify import is_heading
from cleaner.layout.features import FEATURES, features
from cleaner.layout.guardcount import guard_rows
from cleaner.layout.tables import CellRun
from cleaner.layout.textcut import WORDS, Shape, cut, page_shape
from cleaner.layout.textevidence import PROFILE_RULE, removed_by_evidence
from cleaner.layout.textguards import GUARD_MIN_WORDS as GUARD_MIN_WORDS
from cleaner.layout.textguards import (
    GUARD_RULE,
    LAYER,
    keep_numbered_lists,
    keep_prose_run,
    keep_tables,
    keep_unsure_gaps,
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

STAGE = "the classifier"  # the stage a document stopped in, as the pipeline names it
SETTLE_ROUNDS = 20  # each round only removes (the guard's blocks stay), so the loop ends well before
MIN_OPEN = 4  # fewer open blocks than this are kept: too short a text to be a page dump
HEAD_MAX_BLOCKS = 6  # a head (kicker, headline, standfirst, picture credit, share line) is a few blocks


Repetition = Callable[[list[str]], "Sequence[float] | None"]
"""A site profile's evidence for a page's block texts: per block, the share of the site's pages holding its
line; None when no trusted profile applies to the page."""


def _alone(texts: list[str]) -> list[Verdict]:
    """The kept texts as blocks of their own, undecided: a second reading without the earlier layers."""
    return [_alone_block(index, text) for index, text in enumerate(texts)]


@lru_cache(maxsize=16384)  # each settling round meets most of the last round's blocks in the same places
def _alone_block(index: int, text: str) -> Verdict:
    return Verdict(Block(index, text))


def _settle(
    model: TextModel,
    verdicts: list[Verdict],
    rows: np.ndarray,
    stopwords: frozenset[str],
    dump: bool,
    deadline: Deadline = NO_DEADLINE,
) -> None:
    """The guard and the head rule, then the kept blocks judged again on their own, until nothing changes.

    The prose-run and unsure-gaps guards read the page's prose by the script count (``guardcount.guard_rows``:
    the model's rows with words and sentence ends counted in every script), so they see an article in any
    script; the head rule, which removes, and the tables guard read the model's rows.

    The model meets the kept blocks alone, as the kept text: what it would remove leaves now, with
    its score, and the guard and the head rule look again at what is left (see the module doc).  The
    other layers' second look is the pipeline's, on the output (``assemble.settle_output``).  It reads
    without a site profile's evidence: ``classify_text`` removes what the evidence removed afterwards.
    """
    tail_rules: frozenset[str] = frozenset()
    guard = guard_rows(verdicts, stopwords, rows)
    for _ in range(SETTLE_ROUNDS):
        deadline.check(STAGE)  # a round of a page of 200,000 lines takes seconds: its limit is checked
        keep_prose_run(verdicts, guard)
        if dump:
            _head_before_article(verdicts, rows)
            keep_unsure_gaps(verdicts, guard)  # after the head rule: the gaps lie past the article's first sentence
            keep_numbered_lists(verdicts)
            keep_tables(verdicts, rows)
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
            [
                (
                    v.block.text,
                    v.block.kind,
                    v.role,
                    v.role is Role.FURNITURE and v.rule in tail_rules,
                    v.block.link_density,
                )
                for v in verdicts
            ]
        )
        self.key = (id(model), stopwords, blocks)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Page) and other.model is self.model and other.key == self.key


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
    evidence (``rows``: the blocks' feature rows, the evidence's column missing); see ``textcut.cut`` for the
    decision; and the page's shape (``textcut.page_shape``, None when too few blocks are open to be judged).  What a
    profile's evidence removes from it is ``textevidence.removed_by_evidence``'s to decide."""
    count = len(verdicts)
    open_mask = np.array([not verdict.decided for verdict in verdicts], dtype=bool)
    if open_mask.sum() < MIN_OPEN:
        return np.ones(count), np.ones(count, dtype=bool), False, None
    if rows is None:
        rows = features(verdicts, stopwords, tail_rules, None, None, model.lexicon)
    scores = model.scores(rows, open_mask)
    shape = page_shape(verdicts, rows, open_mask, stopwords)
    return (scores, *cut(model, scores, open_mask, shape, rows[:, WORDS]), shape)


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
    between: range = range(0),
    deadline: Deadline = NO_DEADLINE,
) -> list[Verdict]:
    """Decide every open block of plain text: article content (body) or furniture, by the model.

    ``repetition`` gives a site profile's evidence for block texts (see the module doc), ``between`` the
    blocks between the site's article markers (``textevidence.copied`` reads them); ``cells`` the
    blocks' tables (``tables.cell_runs``) when the caller already found them.  With the evidence, the page
    is decided as without a profile (the model's reading without the evidence, the guards, the head rule
    and the settling pass), and then the blocks the evidence removes (``textevidence.removed_by_evidence``)
    leave the body with ``PROFILE_RULE``: once the template is gone, the guards and the settling pass would read
    another page, and the profile only removes what it has template evidence for.  ``deadline`` (the document's
    time limit) is checked before each settling round.
    """
    model = model or load_text_model()
    marked = list(verdicts)
    rows, scores, keep, dump, shape = _judged(_Page(model, marked, stopwords, tail_rules, cells))
    for position, (verdict, kept, score) in enumerate(zip(verdicts, keep.tolist(), scores.tolist(), strict=True)):
        if verdict.decided:
            continue
        if kept:
            marked[position] = verdict.decide(
                Role.BODY, rule=RULE, category="body", layer=LAYER, kind=verdict.block.kind, score=score
            )
        else:
            marked[position] = _furniture(verdict, score)
    if rows is not None:  # enough open blocks to be judged (``MIN_OPEN``)
        _settle(model, marked, rows, stopwords, dump, deadline)
        evidence = repetition([verdict.text for verdict in verdicts]) if repetition else None
        if evidence is not None:
            body = np.array([verdict.role is Role.BODY for verdict in marked], dtype=bool)
            removed = removed_by_evidence(
                model, verdicts, rows, keep, evidence, body, stopwords, scores, shape, between
            )
            for position, score in removed:
                marked[position] = _furniture(marked[position], score, PROFILE_RULE)
    _headings(marked)
    return marked
