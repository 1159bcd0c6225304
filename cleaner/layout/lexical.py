"""Lexical evidence for the text model: a learned weight per word, summed over a block and its neighbours.

Furniture has a vocabulary that is the same across sites (share, subscribe, comments, newsletter,
advertisement, cookie, ...); the text model's other features describe a block's shape and context,
not its words.  A ``Lexicon`` maps lower-cased word tokens (letters only, two or more; a block's
tokens counted once) to a weight, the log-odds that a block holding the token is article content
rather than furniture, learned by ``bench/textlexicon.py`` from the text model's own training labels
over tokens seen on many training sites (so no one site's wording carries weight).  A block's
columns (``COLUMNS``) are the mean weight of its known tokens and the same mean over the block and
its two neighbours on either side; a block without a known token has 0.0 (no evidence), and so has a
cell of a table (``without_cells``: a table's cells are names, labels and figures, whose
words say nothing of whether the table is the article).

A page whose words the lexicon mostly does not know (fewer than ``MIN_COVERAGE`` of its blocks' tokens in
it: a language, a subject or a kind of site its training pages did not have) gets 0.0 in every row
(``covered``): there the weights of the few tokens it knows are noise, not the page's vocabulary, and a
model trained on pages whose words it knew reads them as evidence of furniture.  Training does not apply
the rule (its columns are ``bench/textlexicon.py``'s, cross-fitted), so the model's rows are unchanged.

The lexicon is a data file beside the text model's (``lexicon_path``: ``text_model.txt`` ->
``text_model.lexicon.txt``), one ``token<TAB>weight`` a line, sorted; ``textstages.load_text_model`` reads
it with the model.

What it does NOT do: it learns nothing (``bench/textlexicon.py`` does, cross-fitted over site
groups) and decides nothing (the text model reads the columns with the other features).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

TOKEN = re.compile(r"[^\W\d_]{2,}")
COLUMNS = ("lexical", "lexical_w2")
RADIUS = 2
SUFFIX = ".lexicon.txt"
MEMO = 16384  # block texts whose weights a lexicon keeps (as many as ``tokens`` keeps)
# A page with fewer of its tokens in the lexicon than this gets no lexical evidence.  Chosen over 0.0 / 0.2 / 0.3 /
# 0.4 / 0.5 on one direction of bench/cv_crossbench.py (trained on tfeval, tested on aeb); site-grouped CV cannot
# choose it: every fold's lexicon knows its pages' languages (docs/classifier.md, "Trained on one benchmark")
MIN_COVERAGE = 0.2


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[str, ...]:
    """A block's distinct lower-cased word tokens (letters only, two or more), sorted."""
    return tuple(sorted(set(TOKEN.findall(text.lower()))))


def _window(values: np.ndarray, radius: int) -> np.ndarray:
    padded = np.concatenate((np.zeros(radius + 1), np.cumsum(values), np.full(radius, np.sum(values))))
    return padded[2 * radius + 1 :] - padded[: -2 * radius - 1]


def lexical_columns(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The ``COLUMNS`` of a document's blocks from each block's summed weight and number of known tokens."""
    own = sums / np.maximum(counts, 1.0)
    near = _window(sums, RADIUS) / np.maximum(_window(counts, RADIUS), 1.0)
    return np.column_stack((own, near))


@dataclass(frozen=True)
class Lexicon:
    """Learned token weights (log-odds of article content); tokens not in it carry no evidence.

    A block's summed weight, count of known tokens and count of tokens are kept per text (``_blocks``, emptied when it
    holds ``MEMO`` texts): the pipeline reads a page's kept text again (the settling passes), and the same
    blocks come back each time.
    """

    weights: Mapping[str, float]
    _blocks: dict[str, tuple[float, int, int]] = field(default_factory=dict, compare=False, repr=False)

    def columns(self, texts: Sequence[str]) -> np.ndarray:
        """The ``COLUMNS`` of the blocks whose texts are ``texts``: 0.0 in every row when the lexicon knows fewer
        than ``MIN_COVERAGE`` of their tokens (``covered``)."""
        known = self._blocks.get
        triples = [known(text) or self._block(text) for text in texts]  # a triple is never false
        every = np.fromiter(chain.from_iterable(triples), dtype=float, count=3 * len(triples))
        sums, counts, totals = every.reshape(len(triples), 3).T.copy()  # each a contiguous row
        columns = lexical_columns(sums, counts)
        return columns if covered(float(counts.sum()), float(totals.sum())) else np.zeros_like(columns)

    def _block(self, text: str) -> tuple[float, int, int]:
        known = self._blocks.get(text)
        if known is None:
            words = tokens(text)
            found = [w for w in map(self.weights.get, words) if w is not None]
            known = (sum(found), len(found), len(words))
            if len(self._blocks) >= MEMO:
                self._blocks.clear()
            self._blocks[text] = known
        return known


def covered(known: float, total: float, minimum: float | None = None) -> bool:
    """Whether a page's lexical columns are evidence: the lexicon knows at least ``minimum`` (``MIN_COVERAGE``
    unless told) of its blocks' tokens (each block's distinct tokens counted once).  A page without tokens is
    covered (its columns are 0.0 already)."""
    minimum = MIN_COVERAGE if minimum is None else minimum
    return total <= 0 or known >= minimum * total


def without_cells(columns: np.ndarray, cell_run: np.ndarray) -> np.ndarray:
    """``columns`` with 0.0 (no evidence) in the rows of a table's cells (``cell_run`` above 0, the feature of
    ``cleaner.layout.tables``): a table's cells are names, labels and figures, whose words say nothing of whether
    the table is the article.  Inference (``cleaner.layout.features``) and training (``bench/textlexicon.py``)
    both call it."""
    return np.where(np.asarray(cell_run).reshape(-1, 1) > 0, 0.0, columns)


def dump_lexicon(lexicon: Lexicon) -> str:
    """The data file's text: ``token<TAB>weight`` lines, sorted by token."""
    return "".join(f"{token}\t{lexicon.weights[token]:.4f}\n" for token in sorted(lexicon.weights))


def parse_lexicon(text: str, origin: str) -> Lexicon:
    weights = {}
    for number, line in enumerate(text.splitlines(), start=1):
        token, _, value = line.partition("\t")
        try:
            weights[token] = float(value)
        except ValueError:
            raise ValueError(f"{origin}:{number}: not a token and its weight") from None
    return Lexicon(weights)


def lexicon_path(model: Path) -> Path:
    """The lexicon file that goes with a text model file (beside it)."""
    return model.with_name(model.name.removesuffix(".txt") + SUFFIX)
