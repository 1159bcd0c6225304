"""Learn the text model's lexicon (``cleaner.layout.lexical``), cross-fitted over site-grouped folds.

A token's weight is a smoothed naive-Bayes log-odds: the training weight of the open blocks holding it
that are content against those that are furniture (the text model's own labels and row weights, each
site weighing like one page), shrunk towards no evidence by ``SMOOTHING`` (pseudo-weight split by the
classes' shares), less the classes' prior log-odds.  Only tokens on at least ``MIN_SITES`` distinct
training sites get a weight, so one site's wording carries none.  Only bench pages teach (the
template-site pages reuse bench pages' text); every document gets columns.

Leakage is the risk: a training row's lexical columns must come from a lexicon that did not see its
site.  ``LexicalCorpus.columns(excluded)`` gives each document the columns of the lexicon learned
without the folds ``excluded`` and without the document's own fold: for the rows a model learns from
(their fold not excluded) that is a lexicon cross-fitted over the training folds; for the rows of the
held-out folds (``excluded``) it is the lexicon of the training folds alone, as the shipped model
meets an unseen site.  ``bench/train_text.py`` (and so ``bench/cv_text.py``) and the experiment
harness call this one function.  Deterministic: the vocabulary is sorted, no randomness.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from cleaner.layout.features import FEATURES
from cleaner.layout.lexical import COLUMNS, Lexicon, lexical_columns, tokens, without_cells

MIN_SITES = 10  # a token on fewer training sites than this has no weight (fixed before measuring)
SMOOTHING = 50.0  # pseudo-weight (half a document's) shrinking a token's log-odds towards 0
TEACHERS = ("aeb", "tfeval")


@dataclass(frozen=True)
class Source:
    """What the lexicon needs of one training document."""

    bench: str
    site: str
    fold: int
    texts: Sequence[str]
    open: np.ndarray
    labels: np.ndarray
    weights: np.ndarray


class LexicalCorpus:
    """Every document's token ids and, per fold, the weighted counts that the lexicons are learned from."""

    def __init__(self, sources: Sequence[Source], folds: int = 5, min_sites: float | None = None) -> None:
        # ``MIN_SITES`` unless told; ``math.inf``: no token gets a weight, every column 0.0 (no lexical evidence)
        self.min_sites = MIN_SITES if min_sites is None else min_sites
        vocab = sorted({token for source in sources for text in source.texts for token in tokens(text)})
        self.vocab = vocab
        index = {token: i for i, token in enumerate(vocab)}
        self.folds = [source.fold for source in sources]
        self.sizes = [len(source.texts) for source in sources]
        self.ids, self.owners = [], []
        for source in sources:
            per_block = [[index[token] for token in tokens(text)] for text in source.texts]
            self.ids.append(np.array([i for ids in per_block for i in ids], dtype=np.int64))
            self.owners.append(np.repeat(np.arange(len(per_block)), [len(ids) for ids in per_block]))
        self.counts = np.zeros((folds, 2, len(vocab)))
        self.sites = np.zeros((folds, len(vocab)))
        pages = _pages_per_site(sources)
        seen: dict[tuple[int, str], set[int]] = {}
        for source, ids, owners in zip(sources, self.ids, self.owners, strict=True):
            if source.bench not in TEACHERS:
                continue
            taught = source.open[owners]
            weights = source.weights[owners][taught] / pages[source.site]
            labels = source.labels[owners][taught] > 0
            np.add.at(self.counts[source.fold, 1], ids[taught][labels], weights[labels])
            np.add.at(self.counts[source.fold, 0], ids[taught][~labels], weights[~labels])
            seen.setdefault((source.fold, source.site), set()).update(ids[taught].tolist())
        for (fold, _), found in sorted(seen.items()):
            self.sites[fold, sorted(found)] += 1

    @lru_cache(maxsize=64)  # noqa: B019 (the corpus lives as long as a training run)
    def weights(self, excluded: frozenset[int]) -> np.ndarray:
        """Each token's weight learned without the folds ``excluded``; NaN for tokens without one."""
        inside = [fold for fold in range(len(self.counts)) if fold not in excluded]
        content, furniture = (self.counts[inside, label].sum(axis=0) for label in (1, 0))
        total_content, total_furniture = content.sum(), furniture.sum()
        if not total_content or not total_furniture:
            return np.full(len(self.vocab), np.nan)
        share = total_content / (total_content + total_furniture)
        odds = np.log((content + SMOOTHING * share) / (furniture + SMOOTHING * (1 - share)))
        odds = np.round(odds - np.log(share / (1 - share)), 4)  # as the data file holds them
        return np.where(self.sites[inside].sum(axis=0) >= self.min_sites, odds, np.nan)

    def lexicon(self, excluded: Iterable[int] = ()) -> Lexicon:
        """The lexicon learned without the folds ``excluded`` (the shipped one: none excluded)."""
        weights = self.weights(frozenset(excluded))
        return Lexicon({self.vocab[i]: float(weights[i]) for i in np.flatnonzero(~np.isnan(weights))})

    def columns(self, excluded: Iterable[int] = ()) -> list[np.ndarray]:
        """Each document's lexical columns from the lexicon learned without ``excluded`` and its own fold."""
        excluded = frozenset(excluded)
        out = []
        for fold, size, ids, owners in zip(self.folds, self.sizes, self.ids, self.owners, strict=True):
            values = self.weights(excluded | {fold})[ids]
            known = ~np.isnan(values)
            sums = np.bincount(owners[known], weights=values[known], minlength=size)
            counts = np.bincount(owners[known], minlength=size).astype(float)
            out.append(lexical_columns(sums, counts))
        return out


def _pages_per_site(sources: Sequence[Source]) -> dict[str, float]:
    """Each site's number of pages (its documents over the five kinds), so that every site weighs like one page."""
    documents = Counter(source.site for source in sources)
    return {site: max(1.0, count / 5.0) for site, count in documents.items()}


LEXICAL = [FEATURES.index(name) for name in COLUMNS]


def filled(rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """A copy of a document's feature rows with its lexical columns (``LexicalCorpus.columns``) in place, 0.0 for
    a table's cells as ``cleaner.layout.features`` has them."""
    out = rows.copy()
    out[:, LEXICAL] = without_cells(columns, rows[:, FEATURES.index("cell_run")])
    return out
