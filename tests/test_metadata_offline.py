"""The bench's offline choice (``bench/cv_metadata_offline.py``) scores authors as ``clean()`` reports them.

``clean()`` drops a text line's author that is no person (an organisation, a newsroom, a role:
``cleaner.metadata.names.names_no_person``), so a candidate that names only such can never make a page's
authors right, and leaves a page that names nobody silent.  These tests build made-up documents, with the
benchmark's own scorer (skipped when ``../shared/bench`` is absent).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.metadata_data import Data, FieldRows, add_document, reported_right, scorer
from bench.train_metadata import choose_offline, train
from cleaner.metadata.candidates import FEATURES, FIELDS
from cleaner.metadata.lines import Candidate
from cleaner.metadata.names import names_no_person

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
needs_bench = pytest.mark.skipif(not (BENCH / "evalcore.py").is_file(), reason="needs ../shared/bench")


@pytest.mark.parametrize(
    ("name", "no_person"),
    [("Redaktion", True), ("Reuters", True), ("Anna Weber/dpa", True), ("Staff Writer", True), ("Anna Weber", False)],
)
def test_an_author_value_that_names_no_person_is_told(name: str, no_person: bool) -> None:
    assert names_no_person(name) is no_person


@needs_bench
@pytest.mark.parametrize(
    ("value", "gold", "right"),
    [
        (("Anna Weber",), "Anna Weber", True),
        (("Anna Weber", "Reuters"), "Anna Weber", True),  # the agency beside the writer is dropped, the writer stays
        (("Redaktion",), "Redaktion", False),  # the gold credits a newsroom: clean() reports no author
        (("Von Redaktion",), "", True),  # a page naming nobody stays silent
        (("Anna Weber",), "", False),
    ],
)
def test_a_candidate_is_right_as_clean_reports_it(value: tuple[str, ...], gold: str, right: bool) -> None:
    assert reported_right(scorer(BENCH), "authors", value, {"author": gold}) is right


def _documents(evalcore, pages: list[tuple[str, tuple[str, ...]]]) -> Data:
    """One document per (gold author, candidate value), every row alike, so the model scores them all the same."""
    data = Data({name: FieldRows() for name in FIELDS}, [])
    row = [0.0] * len(FEATURES["authors"])
    for index, (gold, value) in enumerate(pages):
        options = {"authors": ([Candidate("authors", 0, value, "byline")], [row])}
        add_document(data, evalcore, (f"page{index}", "bs4", index % 2), {"author": gold}, ["authors"], options)
    return data


@needs_bench
def test_offline_a_chosen_newsroom_is_no_right_author_and_leaves_a_page_naming_nobody_silent() -> None:
    pages = [("Redaktion", ("Redaktion",)), ("", ("Redaktion",)), ("Anna Weber", ("Anna Weber",))] * 8
    data = _documents(scorer(BENCH), pages)
    boosters = train(data, "authors", {0, 1})
    right = choose_offline(data, "authors", boosters, {0, 1}, threshold=0.0)  # every best candidate is chosen
    by_gold = {gold: right[index] for index, (gold, _) in enumerate(pages)}
    assert by_gold == {"Redaktion": False, "": True, "Anna Weber": True}
