"""bench/tune_text.py: the fixed choice criterion, and the grid it chooses among.

The script's choice is honest only if the criterion is the one stated before measuring (the mean of
the F1 cells less 0.01 per lost article, as ``bench/cv_guard.py``) and every setting reads rounds it
was trained for.
"""

from __future__ import annotations

import numpy as np
import pytest

from bench import tune_text
from bench.train_text import PARAMS, ROUNDS, _fit

KNOWN = {"num_leaves", "min_data_in_leaf", "lambda_l2", "feature_fraction", "learning_rate", "extracted_weight"}
REPORT = "\n".join(
    [
        "aeb bs4 0.9000 lost 0",
        "aeb readability 0.9500 lost 2",
        "tfeval bs4 0.8000",
        "tfeval readability 0.8500",
    ]
)


def test_the_criterion_is_the_mean_f1_less_a_hundredth_per_lost_article() -> None:
    assert tune_text.criterion(REPORT) == pytest.approx((0.90 + 0.95 + 0.80 + 0.85) / 4 - 0.02)


def test_every_setting_reads_only_rounds_it_trained_and_the_shipped_one_is_there() -> None:
    for changes, rounds, checkpoints in tune_text.GRID.values():
        assert checkpoints and max(checkpoints) <= rounds
        assert set(changes) <= KNOWN
    changes, _, checkpoints = tune_text.GRID["shipped"]
    assert not changes and ROUNDS in checkpoints


def test_the_first_k_trees_of_a_longer_training_are_the_k_round_model() -> None:
    """The checkpoints read a 400-round model at 200 rounds: with train_text's bagging and feature
    sampling (fixed seeds), that must be the model 200 rounds of training give."""
    rng = np.random.default_rng(3)
    rows = rng.normal(size=(600, 6))
    labels = (rows[:, 0] + rng.normal(scale=0.5, size=600) > 0).astype(float)
    weights = rng.uniform(0.5, 2.0, size=600)
    short = _fit({**PARAMS, "min_data_in_leaf": 5}, 10, rows, labels, weights)
    long = _fit({**PARAMS, "min_data_in_leaf": 5}, 20, rows, labels, weights)
    assert np.array_equal(short.predict(rows, num_threads=1), long.predict(rows, num_iteration=10, num_threads=1))
