"""Training variants of the text model, fixed before they were measured, for out-of-sample comparisons.

    python bench/cv_text.py ../shared/bench --models DIR --variant nolex
    python bench/cv_crossbench.py ../shared/bench --models DIR --fold-models DIR2 --variant nolex

A variant is a change to ``bench/train_text.py``'s ``PARAMS`` and whether the model has its lexical
columns; ``shipped`` is ``train_text.py`` unchanged (byte for byte the models it trains).  The other two
should lean less on the training pages' distribution (written on 5 December 2026 before any was run):
``nolex``, the model without its learned word lexicon (every lexical column 0.0, the lexicon file empty),
and ``regular``, fewer leaves with more rows per leaf and more L2 shrinkage.  ``seed8`` (6 December 2026) is the
shipped training with another seed, for retraining's noise: how far two trainings of the same code and data differ.

Nothing here trains or scores; ``bench/cv_text.py`` and ``bench/cv_crossbench.py`` do, and neither
changes the shipped model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bench.train_text import PARAMS


@dataclass(frozen=True)
class Variant:
    """Changes to ``PARAMS``, and whether the model reads the lexical columns."""

    changes: Mapping[str, object] = field(default_factory=dict)
    lexical: bool = True

    @property
    def params(self) -> dict:
        return {**PARAMS, **self.changes}


VARIANTS = {
    "shipped": Variant(),
    "nolex": Variant(lexical=False),
    "regular": Variant({"num_leaves": 15, "min_data_in_leaf": 200, "lambda_l2": 10.0}),
    "seed8": Variant({"seed": 8}),
}
