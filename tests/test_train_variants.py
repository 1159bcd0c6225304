"""bench/train_text.py's opt-in row weights and soft targets, and the variants of bench/textvariants.py that use them.

Cheap checks of the pure pieces, no training run: the labels are the covered share thresholded at
``textdata.COVERED`` (so the soft targets and the labels cannot disagree); "tokens" weighs a block by its words
(at least 1) and every document still sums to ``DOCUMENT_WEIGHT``; the fits read the covered share only when
asked; the shipped variant keeps train_text's defaults.
"""

from __future__ import annotations

import numpy as np
import pytest

from bench.textdata import COVERED, shingle_coverage, shingle_labels
from bench.textvariants import VARIANTS, Variant
from bench.train_text import DOCUMENT_WEIGHT, PARAMS, Rows, _stack, row_weights
from cleaner.layout.features import FEATURES

REFERENCE = "The council approved the new budget on Tuesday after a long debate about schools"


def test_the_labels_are_the_covered_share_thresholded() -> None:
    blocks = [
        "The council approved the new budget on Tuesday",  # every token in a gold shingle
        "after a long debate about parking fees and taxes",  # the first 5 of 9 tokens (gold ends on "about")
        "Share this story with friends",  # none
        "!!!",  # no token at all
    ]
    coverage = shingle_coverage(blocks, REFERENCE)
    assert coverage[0] == 1.0 and coverage[2] == 0.0 and coverage[3] == 0.0
    assert 0.0 < coverage[1] < 1.0
    assert np.array_equal(shingle_labels(blocks, REFERENCE), (coverage >= COVERED).astype(float))


def _matrix(words: list[float]) -> np.ndarray:
    matrix = np.zeros((len(words), len(FEATURES)))
    matrix[:, FEATURES.index("words")] = words
    return matrix


def test_tokens_weigh_a_block_by_its_words_and_a_document_as_much_as_before() -> None:
    matrix, open_blocks = _matrix([0, 1, 4, 20, 50]), np.array([True, True, True, True, False])
    tokens, log = row_weights(matrix, open_blocks, "tokens"), row_weights(matrix, open_blocks, "log")
    assert tokens[open_blocks].sum() == pytest.approx(DOCUMENT_WEIGHT) == log[open_blocks].sum()
    assert tokens[0] == tokens[1] and tokens[3] == pytest.approx(20 * tokens[1])  # at least one word each
    assert log[3] / log[1] == pytest.approx((1 + np.log1p(20)) / (1 + np.log1p(1)))


def test_the_fits_learn_the_covered_share_only_when_asked() -> None:
    labels, coverage = np.array([1.0, 0.0, 1.0]), np.array([0.75, 0.25, 1.0])
    every = np.ones(3, dtype=bool)
    item = Rows("aeb", "p", "bs4", 0, np.zeros((3, 1)), every, labels, np.ones(3), "s", (), coverage)
    assert np.array_equal(_stack([item], [item.rows])[1], labels)
    assert np.array_equal(_stack([item], [item.rows], "soft")[1], coverage)
    bare = Rows("aeb", "p", "bs4", 0, np.zeros((3, 1)), every, labels, np.ones(3))
    with pytest.raises(ValueError, match="covered share"):
        _stack([bare], [bare.rows], "soft")


def test_the_shipped_variant_keeps_the_defaults_and_each_new_one_has_a_seed_8_twin() -> None:
    shipped = VARIANTS["shipped"]
    assert (shipped.params, shipped.weighting, shipped.targets) == (PARAMS, "log", "hard")
    for name in ("tokens", "soft"):
        first, twin = VARIANTS[name], VARIANTS[f"{name}8"]
        assert (first.weighting, first.targets) == (twin.weighting, twin.targets)
        assert twin.params == {**first.params, "seed": 8}
    assert VARIANTS["soft"].params["objective"] == "cross_entropy" and VARIANTS["soft"].targets == "soft"
    with pytest.raises(ValueError, match="weighting"):
        Variant(weighting="sqrt")
