"""bench/cv_stages.py's simulated decision: the same cut, edges and guard as the text model, from scores.

The script compares second-stage variants on cached fold scores; its figures are worth something
only if its decision is the text model's.  These checks build a page's feature rows with the real
``features`` and give the decision chosen scores.
"""

from __future__ import annotations

import numpy as np

from bench.cv_stages import keep
from cleaner.layout.features import features
from cleaner.model import Block, Verdict
from cleaner.text.language import stoplist

PROSE = (
    "The council said on Tuesday that the new bridge over the river would open in the spring, "
    "after two years of work and a long argument about what it should cost the town and its people."
)
MENU = ["World", "Business", "Politics", "Science", "Health", "Sport", "Culture", "Travel"]


def page(lines: list[str]) -> dict:
    verdicts = [Verdict(Block(index, line)) for index, line in enumerate(lines)]
    return {
        "rows": features(verdicts, stoplist("en")),
        "open": np.ones(len(lines), dtype=bool),
        "body": np.zeros(len(lines), dtype=bool),
    }


def test_a_page_dump_keeps_what_scores_above_the_cut() -> None:
    lines = [*MENU, PROSE, PROSE, PROSE, *MENU]
    scores = np.array([0.1] * 8 + [0.95, 0.4, 0.95] + [0.1] * 8)
    assert keep(page(lines), scores).tolist() == [False] * 8 + [True, False, True] + [False] * 8


def test_extracted_text_loses_only_its_edges() -> None:
    lines = ["Share", PROSE, "A caption of three", PROSE, "Tags"]
    scores = np.array([0.05, 0.9, 0.02, 0.9, 0.05])
    assert keep(page(lines), scores).tolist() == [False, True, True, True, False]


def test_the_guard_keeps_the_prose_run_when_the_model_keeps_almost_nothing() -> None:
    lines = [*MENU, *[PROSE] * 6, *MENU]
    scores = np.full(len(lines), 0.05)
    scores[0] = 0.95  # sure of one menu line only: the cut is 0.5 and keeps nothing of the article
    kept = keep(page(lines), scores)
    assert kept[8:14].all() and not kept[1:8].any()
