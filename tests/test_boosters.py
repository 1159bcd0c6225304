"""``boosters.predict``: the same numbers as ``Booster.predict(rows, num_threads=1)``, through LightGBM's C API.

Every shipped model (the text model's two stages, the metadata and page metadata models' fields) is asked
both ways about drawn matrices (any floats, NaN and infinities among them, one row or many, C or Fortran
order, float32 or integers) and about the feature rows of real pages; the answers must be equal, bit for bit.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cleaner.layout.features import features
from cleaner.layout.textstages import load_text_model
from cleaner.metadata.boosters import predict
from cleaner.metadata.choice import load_model
from cleaner.metadata.pagechoice import load_page_model
from cleaner.model import Block, Verdict
from cleaner.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent
TEXT = load_text_model()
BOOSTERS = {
    "text.first": TEXT.first,
    **({"text.second": TEXT.second} if TEXT.second is not None else {}),
    **{f"metadata.{field}": model.boosters[0] for field, model in load_model().fields.items()},
    **{f"page.{field}": model.boosters[0] for field, model in load_page_model().fields.items()},
}
VALUES = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.sampled_from([0.0, -0.0, 1.0, -1.0, 0.5, 1e-35, 1e300]),
    st.integers(-5, 400).map(float),
)


def _same(booster: object, rows: np.ndarray) -> None:
    expected = np.asarray(booster.predict(rows, num_threads=1), dtype=float)  # type: ignore[attr-defined]
    found = predict(booster, rows)  # type: ignore[arg-type]
    assert found.dtype == np.float64 and found.shape == expected.shape
    assert np.array_equal(found, expected, equal_nan=True)


@pytest.mark.parametrize("name", sorted(BOOSTERS))
@settings(max_examples=40)
@given(data=st.data())
def test_drawn_matrices_score_as_booster_predict_scores_them(name: str, data: st.DataObject) -> None:
    booster = BOOSTERS[name]
    count = data.draw(st.integers(1, 12))
    rows = data.draw(hnp.arrays(np.float64, (count, booster.num_feature()), elements=VALUES))
    layout = data.draw(st.sampled_from(["C", "F", "float32", "int"]))
    if layout == "F":
        rows = np.asfortranarray(rows)
    elif layout == "float32":
        rows = rows.clip(-1e30, 1e30).astype(np.float32)  # NaN stays NaN
    elif layout == "int":
        rows = np.nan_to_num(rows, posinf=7, neginf=-7).clip(-1e6, 1e6).astype(np.int64)
    _same(booster, rows)


def test_real_pages_rows_score_as_booster_predict_scores_them() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures" / "text").rglob("*.txt"))[:20]]
    assert texts
    for text in texts:
        verdicts = [Verdict(Block(block.index, block.text)) for block in segment(text)]
        if not verdicts:
            continue
        rows = features(verdicts, frozenset({"the", "a", "of", "and"}), lexicon=TEXT.lexicon)
        _same(TEXT.first, rows)
        _same(TEXT.first, rows[:1])
        _same(TEXT.first, rows[::2])  # a view, not contiguous


def test_no_rows_give_no_scores() -> None:
    assert len(predict(TEXT.first, np.zeros((0, TEXT.first.num_feature())))) == 0


def test_a_multiclass_booster_is_asked_through_booster_predict() -> None:
    """A booster with several scores a row (a user's multiclass model) gets LightGBM's own answer, shape and all."""
    import lightgbm

    rng = np.random.default_rng(0)
    rows, labels = rng.normal(size=(60, 3)), np.arange(60) % 3
    params = {"objective": "multiclass", "num_class": 3, "num_threads": 1, "verbose": -1, "min_data_in_leaf": 2}
    booster = lightgbm.train(params, lightgbm.Dataset(rows, labels), num_boost_round=3)
    _same(booster, rows[:7])
