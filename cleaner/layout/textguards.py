"""Guards on the text model's decisions: losing the article is worse than keeping furniture.

Five guards, each about the shape of the model's decision on a page, not about any page's wording:

* the prose run (``keep_prose_run``): when the kept text is far smaller than the page's largest run
  of prose (less than ``GUARD_SHARE`` of a run of ``GUARD_MIN_WORDS`` or more), the run's prose is kept;
* unsure gaps (``keep_unsure_gaps``): in a page dump, a stretch of blocks the model removed between two
  kept blocks of the article, every one of which it gave a fair chance (``UNSURE_SCORE`` or more) and
  which holds prose, is article the model was unsure of, not furniture between its paragraphs
  (furniture there, an advert, a teaser list, a share bar, has blocks it is sure of).  Those stretches
  come back when their prose is at least ``GAP_SHARE`` of the kept words: a page whose article the
  cut thinned out, not one where a caption or two scored low.  ``GAP_SHARE`` was chosen by nested
  site-grouped CV (``bench/cv_guard.py``: each fold's value chosen on the other four folds);
* numbered lists (``keep_numbered_lists``): in a page dump, a numbered list (three or more lines
  opening with consecutive numbers, "1)", "2.", at most ``LIST_GAP`` lines apart) whose first item the
  model kept is the article's list: its items and the lines between them (a link, a description)
  come back, however the model scored them further down the list;
* bounded removal (``removes_too_much``): text shaped like an extractor's output, whose first and last
  open blocks are prose the model gives a fair chance, loses at most ``EXTRACTED_MAX_REMOVED`` of its
  words to the cut, even when its many short lines (tables, lists) make it look like a page dump;
  beyond that the conservative cut for extracted text applies (``textmodel``: only the edges go);
* tables (``keep_tables``): in a page dump, a table (a run of cell-like lines repeating a row pattern,
  ``cleaner.layout.tables``) is one unit, the article's or furniture: when the model kept at least
  ``TABLE_SHARE`` of the cells it judged, the cells it removed come back (a cut through a table, its
  later rows scored a little lower than its first, tears it).

``EXTRACTED_MAX_REMOVED`` and ``TABLE_SHARE`` were chosen by nested site-grouped CV over the fold models'
out-of-fold output (each fold's value chosen on the other four folds; docs/classifier.md).

The blocks a guard brings back carry the rule ``classifier.guard`` and their model score.

The prose run and the unsure gaps read the rows ``textmodel`` gives them: the model's feature rows with the
columns ``words``, ``ends_sentence``, ``prose`` and ``in_run`` counted in every script (``guardcount.guard_rows``),
so a Chinese or Japanese article is prose to them though the model's columns (frozen with the model file) do not
see it; the tables guard reads the model's rows (its columns count no words).

What it does NOT do: score blocks (``textstages``), choose the page's cut or tell a page dump
(``textmodel``), or read the page's words: it works on the verdicts, the feature rows and the scores
(and on the lines' opening numbers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from cleaner.layout.features import FEATURES
from cleaner.layout.zones import CLASSIFIER_RULE as RULE
from cleaner.model import Role, Verdict

LAYER = "classify"
GUARD_RULE = "classifier.guard"
GUARD_SHARE = 0.15  # keep the prose run's prose when the kept text is far smaller: less than this share of it
GUARD_MIN_WORDS = 100  # and the run is an article's worth of prose
UNSURE_SCORE = 0.2  # a fair chance: the conservative cut of an unsure page (``textcut.UNSURE_THRESHOLD``)
GAP_SHARE: float | None = 0.3  # unsure gaps come back when their prose is this share of the kept words (None: off)
EXTRACTED_MAX_REMOVED = 0.2  # extractor-shaped text loses at most this share of its open words to the cut (nested CV)
NUMBERED = re.compile(r"(\d{1,3})[.)]\s+\S")  # a list item's opening number: "1) ...", "12. ..."
LIST_GAP = 2  # lines between two items of a numbered list (a link, a description) at most
LIST_MIN_ITEMS = 3
TABLE_SHARE: float | None = 0.75  # a table the model kept this share of its judged cells of is kept whole (None: off)
_WORDS, _PROSE, _SENTENCE, _IN_RUN = (FEATURES.index(name) for name in ("words", "prose", "ends_sentence", "in_run"))
_PERIOD, _TO_START, _TO_END = (FEATURES.index(name) for name in ("cell_period", "to_cell_start", "to_cell_end"))


def _restore(verdicts: list[Verdict], positions: Sequence[int]) -> None:
    for position in positions:
        verdict = verdicts[position]
        verdicts[position] = verdict.decide(
            Role.BODY, rule=GUARD_RULE, category="body", layer=LAYER, score=verdict.score
        )


def keep_prose_run(verdicts: list[Verdict], rows: np.ndarray) -> None:
    """Keep the prose of the page's largest run of prose when the model kept far less text than it holds."""
    prose, in_run, words = rows[:, _PROSE], rows[:, _IN_RUN], rows[:, _WORDS]
    run_prose = float(np.sum(words * prose * in_run))
    if run_prose >= GUARD_MIN_WORDS and _kept_words(verdicts, words) < GUARD_SHARE * run_prose:
        removed = [p for p in np.flatnonzero(in_run * prose).tolist() if _removed_here(verdicts[p])]
        _restore(verdicts, removed)


def _kept_words(verdicts: Sequence[Verdict], words: np.ndarray) -> float:
    return sum(words[p] for p, v in enumerate(verdicts) if v.role is Role.BODY)


def _removed_here(verdict: Verdict) -> bool:
    """Removed by this layer (the model, the head rule or a profile's evidence), not by an earlier one."""
    return verdict.layer == LAYER and verdict.role is Role.FURNITURE


def unsure_gaps(verdicts: Sequence[Verdict], rows: np.ndarray) -> list[list[int]]:
    """The stretches of model-removed blocks between two kept blocks of the article that are all unsure.

    The article starts on its first kept prose sentence (where ``textmodel``'s head rule starts it; prose and
    sentence ends as ``rows`` give them, the guards' script count), so no gap lies in the head.  Blocks other
    layers decided (a rule, a dateline) neither count nor break a stretch; a stretch must hold prose.
    """
    prose, sentence = rows[:, _PROSE], rows[:, _SENTENCE]
    gaps: list[list[int]] = []
    stretch: list[int] = []
    unsure, started = True, False
    for position, verdict in enumerate(verdicts):
        if verdict.role is Role.BODY and (started or (prose[position] and sentence[position])):
            if started and stretch and unsure and any(prose[p] for p in stretch):
                gaps.append(stretch)
            stretch, unsure, started = [], True, True
        elif started and verdict.layer == LAYER and verdict.role is Role.FURNITURE and verdict.rule == RULE:
            stretch.append(position)
            unsure = unsure and (verdict.score or 0.0) >= UNSURE_SCORE
    return gaps


def keep_unsure_gaps(verdicts: list[Verdict], rows: np.ndarray, share: float | None = None) -> None:
    """Bring back the unsure gaps when their prose is at least ``share`` (default ``GAP_SHARE``) of the kept words."""
    share = GAP_SHARE if share is None else share
    if share is None:
        return
    gaps = [position for gap in unsure_gaps(verdicts, rows) for position in gap]
    if not gaps:
        return
    words, prose = rows[:, _WORDS], rows[:, _PROSE]
    if sum(words[p] for p in gaps if prose[p]) >= share * _kept_words(verdicts, words):
        _restore(verdicts, gaps)


def removes_too_much(
    keep: np.ndarray, open_mask: np.ndarray, words: np.ndarray, scores: np.ndarray, prose_edges: bool, edge: float
) -> bool:
    """Whether the cut removes more than ``EXTRACTED_MAX_REMOVED`` of the words of extractor-shaped text.

    Extractor-shaped: the first and last open blocks are prose (``prose_edges``, by ``classify``'s shape
    test) and the model gives both at least ``edge`` (what the edges cut of extracted text keeps).
    """
    opened = np.flatnonzero(open_mask)
    if not prose_edges or not len(opened) or min(scores[opened[0]], scores[opened[-1]]) < edge:
        return False
    total = float(np.sum(words[open_mask]))
    return total > 0 and float(np.sum(words[open_mask & ~keep])) > EXTRACTED_MAX_REMOVED * total


def numbered_lists(verdicts: Sequence[Verdict]) -> list[list[int]]:
    """The positions of the items of each numbered list: consecutive numbers at most ``LIST_GAP`` lines apart."""
    numbers = {p: int(match.group(1)) for p, v in enumerate(verdicts) if (match := NUMBERED.match(v.text))}
    lists, seen = [], set()
    for start in sorted(numbers):
        if start in seen:
            continue
        chain = [start]
        while (
            following := next(
                (q for q in range(chain[-1] + 1, chain[-1] + LIST_GAP + 2) if numbers.get(q) == numbers[chain[-1]] + 1),
                None,
            )
        ) is not None:
            chain.append(following)
        seen.update(chain)
        if len(chain) >= LIST_MIN_ITEMS:
            lists.append(chain)
    return lists


def keep_numbered_lists(verdicts: list[Verdict]) -> None:
    """Bring back the rest of each numbered list whose first item the model kept (items and the lines between)."""
    for items in numbered_lists(verdicts):
        if verdicts[items[0]].role is not Role.BODY:
            continue
        span = range(items[0], items[-1] + 1)
        _restore(verdicts, [p for p in span if verdicts[p].layer == LAYER and verdicts[p].rule == RULE])


def tables(rows: np.ndarray) -> list[range]:
    """The positions of each table (``tables.cell_runs``' runs that repeat a row pattern), from the feature rows."""
    starts = np.flatnonzero((rows[:, _PERIOD] > 0) & (rows[:, _TO_START] == 0))
    return [range(int(start), int(start + rows[start, _TO_END]) + 1) for start in starts]


def keep_tables(verdicts: list[Verdict], rows: np.ndarray, share: float | None = None) -> None:
    """Keep a table whole when the model kept at least ``share`` (default ``TABLE_SHARE``) of the cells it judged.

    A table is one unit, the article or furniture: a cut through it (its later rows scored a little lower
    than its first) keeps a torn table.  The cells the model removed come back when it kept most of them.
    """
    share = TABLE_SHARE if share is None else share
    if share is None:
        return
    for table in tables(rows):
        judged = [p for p in table if verdicts[p].layer == LAYER and verdicts[p].rule in (RULE, GUARD_RULE)]
        kept = sum(verdicts[p].role is Role.BODY for p in judged)
        if judged and kept and kept >= share * len(judged):
            _restore(verdicts, [p for p in judged if verdicts[p].role is Role.FURNITURE])
