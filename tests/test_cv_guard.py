"""bench/cv_guard.py's nested choice: the objective and the tie rule, on per-page figures built here.

The script's out-of-fold figures are honest only if each fold's share is chosen on the other folds'
pages alone, by the stated objective (mean F1 of the cells less 0.01 per lost article), a tie going to
the candidate listed first.  It needs the benchmark's ``evalcore`` (beside ``score.py``) for the F1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import cv_guard

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
pytestmark = pytest.mark.skipif(not (BENCH / "evalcore.py").is_file(), reason="../shared/bench is not present")

PERFECT, HALF = (1.0, 0.0, 0.0, False), (0.5, 0.0, 0.5, True)  # aeb (tp, fp, fn shares, lost)


def figures(aeb: dict[str, tuple], snippets: dict[str, tuple[int, int, int]]) -> dict:
    return {("aeb", "bs4"): aeb, ("tfeval", "bs4"): snippets}


def test_a_lost_article_costs_a_hundredth_besides_its_f1() -> None:
    kept = figures({"a": PERFECT, "b": PERFECT}, {"t": (2, 0, 0)})
    lost = figures({"a": PERFECT, "b": HALF}, {"t": (2, 0, 0)})
    assert cv_guard.objective(BENCH, kept, {"a", "b", "t"}) == pytest.approx(1.0)
    f1_lost = 2 * 1.0 * 0.75 / 1.75  # precision 1, recall the mean of 1 and 0.5
    assert cv_guard.objective(BENCH, lost, {"a", "b", "t"}) == pytest.approx((f1_lost + 1.0) / 2 - 0.01)
    assert cv_guard.objective(BENCH, lost, {"a", "t"}) == pytest.approx(1.0)  # the page left out does not count


def test_each_choice_sees_only_the_pages_it_is_given_and_a_tie_goes_to_the_first(monkeypatch) -> None:
    monkeypatch.setattr(cv_guard, "CANDIDATES", (0.1, None))
    guarded = figures({"a": PERFECT, "b": PERFECT}, {"t": (2, 0, 0)})
    unguarded = figures({"a": PERFECT, "b": HALF}, {"t": (2, 0, 0)})
    every = {"share-0.1": guarded, "off": unguarded}
    assert cv_guard.choose(BENCH, every, {"a", "b", "t"})[0] == 0.1
    assert cv_guard.choose(BENCH, every, {"a", "t"})[0] == 0.1  # equal without page b: the first listed
    worse = figures({"a": HALF, "b": PERFECT}, {"t": (2, 0, 0)})
    assert cv_guard.choose(BENCH, {"share-0.1": worse, "off": unguarded}, {"a", "t"})[0] is None
