"""Text evidence: what a site profile's evidence removes from a page the text model has decided.

With a learned site profile, the column ``site_repetition`` holds, per block, the share of the site's pages
holding its line.  The evidence only removes, and only what it is template evidence for: a block the model keeps
without the column is removed only when the model with the column removes it and the block is on at least the
learned share of the site's other pages (``evidenced``: article text repeats too, far less often than template,
and prose inside the article needs a higher share), and is not as rare as the page's own article (``copied``:
copies of it that learning counted as pages make its lines repeat).  The model reads the page with the column
only when such a block is still body (``removed_by_evidence``, the one place that decides), its second stage
only for the blocks in question when their scores settle the cut (``_weighed_cut``).

What it does NOT do: decide the page without the evidence, guard or settle it (``cleaner.layout.textmodel``),
or learn or match a profile (``cleaner.sites``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cleaner.layout.features import FEATURES
from cleaner.layout.textcut import CONFIDENT, EDGE_CUT, WORDS, Shape, cut, page_shape
from cleaner.layout.textstages import TextModel
from cleaner.model import Verdict

PROFILE_RULE = "classifier.profile"  # removed only because of the site profile's evidence (see the module doc)
REPETITION = FEATURES.index("site_repetition")
PROSE = FEATURES.index("prose")


def removed_by_evidence(
    model: TextModel,
    verdicts: Sequence[Verdict],
    rows: np.ndarray,
    keep: np.ndarray,
    evidence: Sequence[float],
    body: np.ndarray,
    stopwords: frozenset[str],
    plain: np.ndarray | None = None,
    shape: Shape | None = None,
    between: range = range(0),
) -> list[tuple[int, float]]:
    """The blocks still ``body`` that a site profile's evidence removes, each with its score with the evidence.

    ``rows``, ``keep``, ``plain`` (its scores) and ``shape`` are the page's reading without the evidence
    (``textmodel``'s; the shape reads no evidence, so it is the same with it: found again when not given).  A
    block that reading keeps is the evidence's to remove only when the profile has template evidence for it
    (``evidenced``) and the model reading the page with the evidence (its ``site_repetition`` column) removes
    it, and it is not as rare as the page's own article (``copied``); the decision stays the one without the
    evidence (the guards read the scores: a template line's lower score with the evidence must not stop a guard
    from keeping what it keeps without a profile).  So the model reads the page with the evidence only when such
    a block is still ``body`` (after the settling pass): on other pages the evidence removes nothing, and its
    reading is skipped.  The cut with the evidence is ``cut``'s, computed from the fewest second-stage scores
    that settle it (``_weighed_cut``).  ``between``: the blocks between the site's article markers on this page
    (``cleaner.sites.apply.PageMatch.between``; empty when the profile knows no such place), which ``copied`` reads.
    """
    weighed = rows.copy()
    weighed[:, REPETITION] = evidence
    candidates = keep & body & evidenced(weighed, keep, model.evidence, model.evidence_inside)
    if candidates.any():
        candidates &= ~copied(weighed, keep, max(model.evidence, model.evidence_inside), between)
    if not candidates.any():
        return []
    open_mask = np.array([not verdict.decided for verdict in verdicts], dtype=bool)
    shape = shape if shape is not None else page_shape(verdicts, rows, open_mask, stopwords)
    scores, kept = _weighed_cut(model, weighed, open_mask, shape, candidates, plain)
    return [(position, float(scores[position])) for position in np.flatnonzero(candidates & ~kept).tolist()]


WITNESSES = 3  # the open blocks the reading without the evidence scores highest: one sure block settles the cut


def _weighed_cut(
    model: TextModel,
    weighed: np.ndarray,
    open_mask: np.ndarray,
    shape: Shape,
    candidates: np.ndarray,
    plain: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray]:
    """The scores with the evidence and ``cut``'s ``keep``, exact at least for the ``candidates``.

    The second stage scores each block apart (from the first stage's scores of the whole page), so it is asked
    first for the candidates, the first and last open blocks and a few witnesses (the blocks ``plain`` scores
    highest).  On a page shaped like a dump (``page_shape``), not cut as extracted text (its edges, as
    ``removes_too_much`` reads them), where one of those scores is sure content (``CONFIDENT``), ``cut`` keeps
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
    return scores, cut(model, scores, open_mask, shape, weighed[:, WORDS])[0]


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


def copied(rows: np.ndarray, article: np.ndarray, ceiling: float, between: range = range(0)) -> np.ndarray:
    """The blocks as rare as the page's own article: its copies learned as pages of the site, counted out.

    A corpus holds copies of one article (a page saved twice, a syndicated story), and learning counts those
    it does not recognise as copies (``cleaner.sites.profile``) as pages: then every line of the article is on
    as many of the other pages as there are copies, and reads as template evidence on each copy.  So the
    page's own share is the repetition that holds the most words of the blocks ``article`` keeps, of those
    below ``ceiling`` (prose that common is template evidence even inside the article): on almost every page
    0.0, its own lines.  When it is above 0.0, the blocks on no more of the other pages than that are the
    page's, as a line of this page alone is.

    The words are weighed twice: on the whole page, and only ``between`` the site's article markers (the
    template lines the article sits between on most of its pages), and the higher of the two shares is the
    page's.  A copy may hold more words of its own elsewhere than its article has (a sidebar of teasers drawn
    for that page alone): on the page they outweigh the article, between the markers they are not.  On a page
    without copies the article between the markers is its own (0.0), and the page's share is as before.
    """
    repetition = rows[:, REPETITION]
    kept = np.asarray(article, dtype=bool) & (repetition < ceiling)  # (NaN, no profile: never below)
    inside = np.zeros(len(rows), dtype=bool)
    inside[between.start : between.stop] = True
    own = max(_most_words(rows, kept), _most_words(rows, kept & inside))
    return repetition <= own if own > 0.0 else np.zeros(len(rows), dtype=bool)


def _most_words(rows: np.ndarray, chosen: np.ndarray) -> float:
    """The repetition that holds the most words of the ``chosen`` blocks (ties: the lowest), 0.0 for none."""
    if not chosen.any():
        return 0.0
    shares, level = np.unique(rows[chosen, REPETITION], return_inverse=True)
    return float(shares[int(np.argmax(np.bincount(level, weights=rows[chosen, WORDS])))])


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
