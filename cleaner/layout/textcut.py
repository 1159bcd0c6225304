"""Text cut: which open blocks of plain text stay, from the text model's scores and the page's shape.

A page dump (menu-like lines around its prose, by ``classify``'s shape test, or most of a page's worth of
open blocks scored furniture) keeps the blocks scoring at least the page's cut: the model's threshold, or
a conservative one where no block is sure content (``page_threshold``: an article that is a table, a list
or a calendar).  Text shaped like an extractor's output, or a dump the cut would strip of too much of it
(``textguards.removes_too_much``), loses only its edges (``EDGE_CUT``).

What it does NOT do: score blocks (``cleaner.layout.textstages``), guard the article or settle the cut
(``cleaner.layout.textmodel``, ``cleaner.layout.textguards``), or read a site profile's evidence
(``cleaner.layout.textevidence``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cleaner.layout.classify import block_scores, looks_like_page_dump
from cleaner.layout.features import FEATURES
from cleaner.layout.textguards import removes_too_much
from cleaner.layout.textstages import TextModel
from cleaner.model import Verdict

# An unsure page: no open block scores this high, so the model has not found the article (a table, a
# list, a calendar).  There the cut is conservative: blocks scoring UNSURE_THRESHOLD or more stay.
# Both chosen by nested site-grouped CV (each fold's choice made on the other four; docs/classifier.md).
CONFIDENT = 0.9
UNSURE_THRESHOLD = 0.2
DUMP_FURNITURE_SHARE = 0.5  # a text most of whose open blocks the model takes for furniture is a page dump,
DUMP_MIN_OPEN = 20  # when it has a page's worth of open blocks (a short text is read as it is shaped)
EDGE_CUT = 0.1  # text shaped like an extractor's output loses its edges below this score (docs/classifier.md)
WORDS = FEATURES.index("words")
_SHAPE_COLUMNS = ("chars", "words", "stop_density", "ends_sentence")

Shape = tuple[bool, bool]
"""``page_shape``: whether the open blocks are a page dump's, and whether they start and end on prose."""


def cut(
    model: TextModel, scores: np.ndarray, open_mask: np.ndarray, shape: Shape, words: np.ndarray
) -> tuple[np.ndarray, bool]:
    """Which blocks stay, from the model's scores, and whether the text is a page dump.

    (A few lines, fewer than ``MIN_OPEN`` open blocks, are no page: the model's context (runs,
    windows, the page's share of prose) says nothing about them, so ``textmodel`` keeps them, score 1.0.)  A
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


def page_shape(
    verdicts: Sequence[Verdict], rows: np.ndarray, open_mask: np.ndarray, stopwords: frozenset[str]
) -> Shape:
    """Whether the open blocks are a whole page's text (menus and all), by ``classify``'s shape test; and
    whether the first and the last open block are prose by that test (as an extractor's output starts and ends).

    The blocks' shapes are read from their feature rows, which measure what ``Shape`` does.
    """
    chars, words, density, ends = (rows[open_mask, FEATURES.index(name)] for name in _SHAPE_COLUMNS)
    links = np.array([verdict.block.link_density for verdict in verdicts], dtype=float)[open_mask]
    scores = block_scores(chars, words, density, ends > 0, links, bool(stopwords))
    prose_edges = bool(len(scores)) and scores[0] > 0 and scores[-1] > 0
    return looks_like_page_dump(scores.tolist(), words.astype(int).tolist()), prose_edges
