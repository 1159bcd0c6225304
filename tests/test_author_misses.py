"""bench/author_misses.py: what kind of miss a wrong text-mode author is, on made-up candidates.

The benchmark's own scorer compares the names (skipped when ``../shared/bench`` is absent).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.author_misses import miss_category, where_in_dump
from bench.metadata_data import scorer
from cleaner.metadata.lines import Candidate

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
pytestmark = pytest.mark.skipif(not (BENCH / "evalcore.py").is_file(), reason="needs ../shared/bench")
DUMP = "Home\nSkip Navigation\nAnna Weber\nThe headline\n(c) 2020 - Jane Roe\nProse of the article."


def _candidates(*values: str) -> list[Candidate]:
    return [Candidate("authors", at, (value,), "names") for at, value in enumerate(values)]


def test_a_right_value_scored_best_but_under_the_threshold() -> None:
    items = _candidates("Skip Navigation", "Anna Weber")
    assert miss_category(scorer(BENCH), "Anna Weber", items, [0.02, 0.1], 0.25, DUMP) == (
        "offered: the best candidate, under the threshold"
    )


def test_a_right_value_outranked_by_menu_words_that_score_under_the_threshold_too() -> None:
    items = _candidates("Skip Navigation", "Anna Weber")
    category = miss_category(scorer(BENCH), "Anna Weber", items, [0.1, 0.02], 0.25, DUMP)
    assert category == "offered: outranked, the winner under the threshold too"


def test_a_newsroom_credited_as_author_is_counted_apart() -> None:
    items = _candidates("Redaktion")
    assert miss_category(scorer(BENCH), "Redaktion", items, [0.9], 0.25, DUMP) == "the gold names no person, offered"


def test_where_a_value_no_candidate_offers_stands_in_the_dump() -> None:
    assert where_in_dump(frozenset({"jane roe"}), DUMP) == "not offered: the gold inside a longer line"
    assert where_in_dump(frozenset({"anna weber"}), DUMP) == "not offered: the gold a whole line"
    assert where_in_dump(frozenset({"john doe"}), DUMP).startswith("not offered: the gold's names")


def test_a_page_naming_nobody_given_an_author_is_counted_by_the_candidate_s_source() -> None:
    items = [Candidate("authors", 0, ("Anna Weber",), "byline")]
    assert miss_category(scorer(BENCH), "", items, [0.9], 0.25, DUMP) == "names nobody, given an author: byline"
