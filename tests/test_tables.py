"""Tables in plain text: cell runs, row periods, and the number cells a counter rule must not take."""

from __future__ import annotations

import numpy as np

from cleaner.layout.features import FEATURES, features
from cleaner.layout.tables import cell_runs, is_number, reopen_table_numbers, row_period
from cleaner.model import Block, Role, Verdict
from cleaner.text.language import stoplist

HEADER = ["Pos.", "Driver", "Points", "Wins"]
ROWS = [[str(rank), f"Driver {name}", str(5000 - rank * 7), str(rank % 3)] for rank, name in enumerate("ABCDEFGH", 1)]
PROSE = "The season ended with a close fight for the title, decided only in the very last race of the year."


def test_numbers_and_cells() -> None:
    assert is_number("5040") and is_number("85%") and is_number(" 1,349.00 ")
    assert not is_number("Top 5") and not is_number("Kyle Busch")


def test_a_table_repeats_its_row_pattern() -> None:
    cells = HEADER + [cell for row in ROWS for cell in row]
    runs = cell_runs([PROSE, *cells, PROSE])
    assert [(run.start, run.end, run.period) for run in runs] == [(1, 1 + len(cells), 4)]
    assert runs[0].numbers == 24 / 36  # three number cells in each of eight rows, none in the header


def test_a_menu_or_a_counter_pair_is_no_table() -> None:
    menu = [
        "Home",
        "News",
        "Sport",
        "Weather",
        "Culture",
        "Travel",
        "Video",
        "Audio",
        "Live",
        "Contact",
        "About",
        "Jobs",
    ]
    assert [run.period for run in cell_runs(menu)] == [0]
    assert row_period([True, False] * 3) == 0  # too few cells for a table
    assert row_period([True] * 20) == 0  # numbers alone (a pager) have no word column


def test_only_a_tables_bare_numbers_are_reopened() -> None:
    texts = HEADER + [cell for row in ROWS for cell in row]
    removed = [
        Verdict(Block(i, text)).decide(Role.FURNITURE, rule="medium.stats", category="medium", layer="furniture")
        if is_number(text)
        else Verdict(Block(i, text))
        for i, text in enumerate(texts)
    ]
    reopened = reopen_table_numbers(removed)
    assert all(not verdict.decided for verdict in reopened)
    alone = [Verdict(Block(0, PROSE)), removed[4], Verdict(Block(2, PROSE))]  # a counter between paragraphs
    assert reopen_table_numbers(alone)[1].role is Role.FURNITURE


def test_tables_found_once_are_the_tables_found_again() -> None:
    """The pipeline finds a page's tables once and passes them to the reopening and to the features."""
    texts = [PROSE, *HEADER, *(cell for row in ROWS for cell in row), PROSE, "Home", "News", "Sport"]
    verdicts = [Verdict(Block(i, text)) for i, text in enumerate(texts)]
    found = cell_runs(texts)
    assert reopen_table_numbers(verdicts, found) == reopen_table_numbers(verdicts)
    stopwords = stoplist("en")
    passed, again = features(verdicts, stopwords, cells=found), features(verdicts, stopwords)
    assert passed[:, FEATURES.index("cell_period")].max() == 4
    assert np.array_equal(passed, again, equal_nan=True)
