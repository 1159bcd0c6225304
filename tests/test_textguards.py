"""The text model's guards (``cleaner.layout.textguards``): unsure gaps, bounded removal, lists and tables.

A stand-in model scores blocks by their length alone (long prose sure, middling prose unsure, short
lines furniture), so each test decides what the model thinks and checks what the guards make of it.
"""

from __future__ import annotations

import numpy as np

from cleaner.layout.features import FEATURES, features
from cleaner.layout.textguards import GUARD_RULE, numbered_lists, tables, unsure_gaps
from cleaner.layout.textmodel import RULE, classify_text
from cleaner.model import Block, Role, Verdict
from cleaner.text.language import stoplist

MENU = ["World", "Business", "Politics", "Science", "Health", "Sport", "Culture", "Travel"]
TOPICS = ("bridge", "school", "library", "harbour", "station", "market")


def long_prose(topic: str) -> str:
    return (
        f"The council said on Tuesday that the new {topic} by the river would open in the spring, "
        "after two years of work and a long argument about what it should cost the town."
    )


def unsure_prose(topic: str) -> str:
    return f"Residents who live near the {topic} said that they were glad the work was over."


class ByLength:
    """Sure of long prose (0.9), unsure of middling lines (0.3), sure that short lines are furniture (0.02)."""

    threshold = 0.5
    lexicon = None  # no word weights: the lexical columns missing

    def scores(self, rows: np.ndarray, asked: np.ndarray | None = None) -> np.ndarray:
        words = rows[:, FEATURES.index("words")]
        return np.where(words >= 20, 0.9, np.where(words >= 8, 0.3, 0.02))


def judged(lines: list[str]) -> list[Verdict]:
    verdicts = [Verdict(Block(index, line)) for index, line in enumerate(lines)]
    return classify_text(verdicts, stoplist("en"), model=ByLength())  # type: ignore[arg-type]


def body(marked: list[Verdict]) -> list[str]:
    return [verdict.text for verdict in marked if verdict.role is Role.BODY]


def test_an_unsure_stretch_between_kept_paragraphs_comes_back() -> None:
    """Three middling sentences between four sure paragraphs: more than GAP_SHARE of the kept words."""
    stretch = [unsure_prose("bridge"), unsure_prose("school"), unsure_prose("park")]
    lines = [*MENU, long_prose("bridge"), long_prose("school"), *stretch, long_prose("park"), long_prose("road"), *MENU]
    marked = judged(lines)
    assert body(marked) == lines[8:15]
    assert [verdict.rule for verdict in marked[10:13]] == [GUARD_RULE] * 3
    assert all(verdict.score == 0.3 for verdict in marked[10:13])  # the audit keeps the model's score
    assert all(verdict.role is Role.FURNITURE for verdict in marked[:8] + marked[15:])


def test_a_stretch_with_a_block_the_model_is_sure_of_stays_removed() -> None:
    stretch = [unsure_prose("bridge"), "Advertisement", unsure_prose("school")]
    lines = [*MENU, long_prose("bridge"), long_prose("school"), *stretch, long_prose("park"), long_prose("road"), *MENU]
    marked = judged(lines)
    assert body(marked) == [lines[8], lines[9], lines[13], lines[14]]
    assert {verdict.rule for verdict in marked[10:13]} == {RULE}


def test_a_little_unsure_prose_beside_a_long_article_stays_removed() -> None:
    """One middling line among many sure paragraphs: a caption or a teaser, not a thinned-out article."""
    article = [long_prose(topic) for topic in TOPICS]
    lines = [*MENU, *article[:3], unsure_prose("bridge"), *article[3:], *MENU]
    marked = judged(lines)
    assert body(marked) == article
    assert marked[11].rule == RULE and marked[11].role is Role.FURNITURE


def test_no_gap_is_found_in_the_head_above_the_first_kept_sentence() -> None:
    lines = ["World", unsure_prose("market"), long_prose("bridge"), unsure_prose("school"), long_prose("park")]
    verdicts = [Verdict(Block(index, line)) for index, line in enumerate(lines)]
    rows = features(verdicts, stoplist("en"))  # as the classifier measures them: before it decides
    for position in (0, 2, 4):
        verdicts[position] = verdicts[position].decide(
            Role.BODY, rule=RULE, category="body", layer="classify", score=0.9
        )
    for position in (1, 3):
        verdicts[position] = verdicts[position].decide(
            Role.FURNITURE, rule=RULE, category="boilerplate", layer="classify", score=0.3
        )
    assert unsure_gaps(verdicts, rows) == [[3]]  # "World" (kept, no sentence) is no kept paragraph of the article


def test_extracted_text_with_a_table_keeps_its_table() -> None:
    """Prose at both ends, a long table of short cells between: an extractor's output, not a page dump."""
    cells = [f"{name} {number}" for name in ("Ames", "Berg", "Cole", "Dunn") for number in range(10, 30)]
    lines = [long_prose("bridge"), *cells, long_prose("school")]
    marked = judged(lines)
    assert body(marked) == lines
    assert [verdict for verdict in marked if verdict.role is Role.FURNITURE] == []


def test_a_page_dump_with_a_menu_edge_still_loses_its_short_lines() -> None:
    cells = [f"{name} {number}" for name in ("Ames", "Berg", "Cole", "Dunn") for number in range(10, 30)]
    lines = [*MENU, long_prose("bridge"), *cells, long_prose("school")]
    marked = judged(lines)
    assert body(marked) == [lines[8], lines[-1]]


def test_the_rest_of_a_numbered_list_the_article_opens_comes_back() -> None:
    """The model keeps the list's first item (long) and takes the short items after it for furniture."""
    first = "1) " + long_prose("bridge")
    items = ["2) A folding bicycle", "http://example.org/a", "3) A box of tools", "http://example.org/b", "4) A lamp"]
    lines = [*MENU, long_prose("school"), first, *items, *MENU]
    marked = judged(lines)
    assert body(marked) == [long_prose("school"), first, *items]
    assert {verdict.rule for verdict in marked[10:15]} == {GUARD_RULE}


def test_a_numbered_list_whose_first_item_was_removed_stays_removed() -> None:
    items = ["1) Most read today", "2) A folding bicycle", "3) A box of tools", "4) A lamp"]
    lines = [*MENU, long_prose("bridge"), long_prose("school"), *items, *MENU]
    assert body(judged(lines)) == [long_prose("bridge"), long_prose("school")]


def test_a_list_is_consecutive_numbers_close_together() -> None:
    lines = ["1) One", "2) Two", "x", "y", "z", "3) Three", "1. Eins", "2. Zwei", "4. Vier"]
    verdicts = [Verdict(Block(index, line)) for index, line in enumerate(lines)]
    assert numbered_lists(verdicts) == []  # three lines apart, then a number skipped
    assert numbered_lists([*verdicts[:3], Verdict(Block(3, "3) Three"))]) == [[0, 1, 3]]


class ByTableRow:
    """Sure of long prose (0.9), and of a table's first ``kept`` cells (0.6); the rest furniture (0.02)."""

    threshold = 0.5
    lexicon = None

    def __init__(self, kept: int) -> None:
        self.kept = kept

    def scores(self, rows: np.ndarray, asked: np.ndarray | None = None) -> np.ndarray:
        words = rows[:, FEATURES.index("words")]
        cell = (rows[:, FEATURES.index("cell_period")] > 0) & (rows[:, FEATURES.index("to_cell_start")] < self.kept)
        return np.where(words >= 20, 0.9, np.where(cell, 0.6, 0.02))


def standings() -> list[str]:
    """A table dumped one cell per line: ten rows of a name and two numbers."""
    names = ("Ames", "Berg", "Cole", "Dunn", "Egan", "Ford", "Gray", "Hale", "Ives", "Judd")
    return [cell for rank, name in enumerate(names) for cell in (name, str(100 - rank), str(rank + 3))]


def test_a_table_the_model_kept_most_of_is_kept_whole() -> None:
    """The model kept its first 24 of 30 cells (the cut fell through its last rows): the rest comes back."""
    table = standings()
    lines = [*MENU, long_prose("bridge"), *table, long_prose("school"), *MENU]
    verdicts = [Verdict(Block(index, line)) for index, line in enumerate(lines)]
    marked = classify_text(verdicts, stoplist("en"), model=ByTableRow(24))  # type: ignore[arg-type]
    assert body(marked) == [long_prose("bridge"), *table, long_prose("school")]
    assert {verdict.rule for verdict in marked[9 + 24 : 9 + 30]} == {GUARD_RULE}


def test_a_table_the_model_kept_little_of_stays_as_cut() -> None:
    """Kept 9 of 30 cells, less than TABLE_SHARE: the model's cut stands."""
    table = standings()
    lines = [*MENU, long_prose("bridge"), *table, long_prose("school"), *MENU]
    verdicts = [Verdict(Block(index, line)) for index, line in enumerate(lines)]
    marked = classify_text(verdicts, stoplist("en"), model=ByTableRow(9))  # type: ignore[arg-type]
    assert GUARD_RULE not in {verdict.rule for verdict in marked}
    assert body(marked)[0] == long_prose("bridge") and body(marked)[-1] == long_prose("school")
    assert len(body(marked)) < 2 + len(table)


def test_tables_are_found_from_the_feature_rows() -> None:
    lines = [long_prose("bridge"), *standings(), long_prose("school"), "Home", "News"]
    verdicts = [Verdict(Block(index, line)) for index, line in enumerate(lines)]
    assert tables(features(verdicts, stoplist("en"))) == [range(1, 31)]
