"""Training variants of the text model, fixed before they were measured, for out-of-sample comparisons.

    python bench/cv_text.py ../shared/bench --models DIR --variant nolex
    python bench/cv_crossbench.py ../shared/bench --models DIR --fold-models DIR2 --variant nolex

A variant is a change to ``bench/train_text.py``'s ``PARAMS``, whether the model has its lexical
columns, how its rows weigh (``train_text.row_weights``) and what its fits learn (``train_text.train``'s
``targets``); ``shipped`` is ``train_text.py`` unchanged (byte for byte the models it trains).  The other two
should lean less on the training pages' distribution (written on 5 December 2026 before any was run):
``nolex``, the model without its learned word lexicon (every lexical column 0.0, the lexicon file empty),
and ``regular``, fewer leaves with more rows per leaf and more L2 shrinkage.  ``seed8`` (6 December 2026) is the
shipped training with another seed, for retraining's noise: how far two trainings of the same code and data differ.
Two more (8 December 2026, fixed before any was run, each with a seed-8 twin): ``tokens``, a block weighs its
words (at least 1) instead of ``1 + log(1 + words)``, every document still weighing the same (the scorer counts a
page's tokens and averages pages), for the lexicon and the evidence rates too; and ``soft``, both stages' fits learn
the covered share the labels threshold (aeb: the gold's; tfeval: the teacher's, the snippets still 0.0 / 1.0) with
LightGBM's ``cross_entropy`` objective, the lexicon, the evidence rates and everything else still reading the labels.

Nothing here trains or scores; ``bench/cv_text.py`` and ``bench/cv_crossbench.py`` do, and neither
changes the shipped model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bench.train_text import PARAMS, TARGETS, WEIGHTINGS


@dataclass(frozen=True)
class Variant:
    """Changes to ``PARAMS``, whether the model reads the lexical columns, how the rows weigh (one of
    ``train_text.WEIGHTINGS``) and what the fits learn (one of ``train_text.TARGETS``)."""

    changes: Mapping[str, object] = field(default_factory=dict)
    lexical: bool = True
    weighting: str = "log"
    targets: str = "hard"

    def __post_init__(self) -> None:
        if self.weighting not in WEIGHTINGS or self.targets not in TARGETS:
            raise ValueError(f"weighting {self.weighting!r} or targets {self.targets!r}: not train_text's")

    @property
    def params(self) -> dict:
        return {**PARAMS, **self.changes}


VARIANTS = {
    "shipped": Variant(),
    "nolex": Variant(lexical=False),
    "regular": Variant({"num_leaves": 15, "min_data_in_leaf": 200, "lambda_l2": 10.0}),
    "seed8": Variant({"seed": 8}),
    "tokens": Variant(weighting="tokens"),
    "tokens8": Variant({"seed": 8}, weighting="tokens"),
    "soft": Variant({"objective": "cross_entropy"}, targets="soft"),
    "soft8": Variant({"objective": "cross_entropy", "seed": 8}, targets="soft"),
}
