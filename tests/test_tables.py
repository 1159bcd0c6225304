"""Tables in plain text: cell runs, row periods, and the number cells a counter rule must not take."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cleaner import clean
from cleaner.config import DEFAULT_CONFIG
from cleaner.layout.features import FEATURES, features
from cleaner.layout.tables import cell_runs, is_number, reopen_table_numbers, row_period
from cleaner.model import Block, Role, Verdict
from cleaner.run.batch import Settings, process
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


def test_a_markdown_table_keeps_its_number_cells() -> None:
    """Markdown (cleaner's own canonical form read back) reopens a table's numbers as plain text does."""
    cells = HEADER + [cell for row in ROWS for cell in row]
    article = clean("\n\n".join([PROSE, *cells, PROSE.replace("season", "year")]), format="markdown")
    kept = [block.text for block in article.blocks]
    assert [cell for cell in cells if is_number(cell)] == [text for text in kept if is_number(text)]


def test_a_second_in_place_keeps_the_table_the_first_kept(tmp_path: Path) -> None:
    """The numbers of a table the first ``--in-place`` kept are not taken for counters by the second."""
    cells = HEADER + [cell for row in ROWS for cell in row]
    path = tmp_path / "race.txt"
    path.write_text("\n".join([PROSE, *cells, PROSE.replace("season", "year")]), encoding="utf-8")
    rewrite = Settings(DEFAULT_CONFIG, rewrite=True)
    first = process(rewrite, path)
    assert first.changed and any(is_number(block.text) for block in first.article.blocks)
    path.write_text(first.canonical, encoding="utf-8")
    second = process(rewrite, path)
    assert not second.error and not second.changed, second.canonical
