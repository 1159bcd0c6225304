"""Tables in plain text: runs of short cell-like lines, found so that a table is judged as one unit.

A table dumped to text (``soup.get_text("\\n")``, an extractor's output) becomes one line per
cell: a player's name, then six bare numbers, then the next row.  Line by line, such cells look
like menu items or counters; as a run they have a shape of their own: a row pattern of
word cells and number cells that repeats.  This module finds those runs:

* ``cell_runs``: the runs of consecutive cell-like blocks (a few words, a short line), with the
  share of number cells and the row period when the run repeats one (``period``);
* ``reopen_table_numbers``: a bare number that a furniture rule removed (a rule for counters:
  claps, comments, shares) is put back to be judged when it is a cell of a repeating table, since
  a counter stands alone beside its button, not in a grid of rows.

The text model's features (``cleaner.layout.features``) describe each block's run, and its second
stage sees the first stage's scores over the whole run, so a table is judged with its
surroundings.  What it does NOT do: decide whether a table is content (the model does) or read
tables in HTML (the HTML layers keep their own structure).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.model import Role, Verdict
from cleaner.rules.furniture import LAYER as RULES_LAYER

WORD = re.compile(r"\w+")
NUMBER = re.compile(r"[\d\s.,:%+\-–−/()#°$€£]*\d[\d\s.,:%+\-–−/()#°$€£]*")
CELL_MAX_WORDS = 10  # a cell: a name, a figure, a short phrase
CELL_MAX_CHARS = 80
MIN_CELLS = 12  # a table: at least this many cells ...
MIN_ROWS = 3  # ... repeating its row pattern at least this often
MAX_PERIOD = 12  # cells in a row
AGREEMENT = 0.85  # the share of cells whose class (word or number) repeats one row later
MIN_OF_CLASS = 3  # a table holds at least this many number cells and this many word cells


@dataclass(frozen=True)
class CellRun:
    """A run [start, end) of consecutive cell-like blocks, its share of number cells and its row period (0: none)."""

    start: int
    end: int
    numbers: float
    period: int


def is_cell(text: str) -> bool:
    return len(text) <= CELL_MAX_CHARS and len(WORD.findall(text)) <= CELL_MAX_WORDS


def is_number(text: str) -> bool:
    return NUMBER.fullmatch(text.strip()) is not None


def row_period(numbers: Sequence[bool]) -> int:
    """The shortest row length (2..MAX_PERIOD) whose pattern of number and word cells repeats, 0 when none does."""
    count, found = len(numbers), sum(numbers)
    if count < MIN_CELLS or found < MIN_OF_CLASS or count - found < MIN_OF_CLASS:
        return 0
    for period in range(2, MAX_PERIOD + 1):
        if count < MIN_ROWS * period:
            break
        same = sum(numbers[k] == numbers[k + period] for k in range(count - period))
        if same >= AGREEMENT * (count - period):
            return period
    return 0


def cell_runs(texts: Sequence[str]) -> list[CellRun]:
    """The runs of two or more consecutive cell-like blocks, in order."""
    runs, start = [], None
    cells = [is_cell(text) for text in texts]
    for position, cell in enumerate([*cells, False]):
        if cell and start is None:
            start = position
        elif not cell and start is not None:
            if position - start >= 2:
                numbers = [is_number(text) for text in texts[start:position]]
                runs.append(CellRun(start, position, sum(numbers) / len(numbers), row_period(numbers)))
            start = None
    return runs


def reopen_table_numbers(verdicts: Sequence[Verdict], runs: Sequence[CellRun] | None = None) -> list[Verdict]:
    """Bare numbers a furniture rule removed are judged again when they are cells of a repeating table.

    ``runs``: the blocks' ``cell_runs`` when the caller has them (they are found once per page and
    passed on to the text model's features); found here otherwise.
    """
    out = list(verdicts)
    if runs is None:
        runs = cell_runs([verdict.text for verdict in verdicts])
    for run in runs:
        if not run.period:
            continue
        for position in range(run.start, run.end):
            verdict = out[position]
            if verdict.role is Role.FURNITURE and verdict.layer == RULES_LAYER and is_number(verdict.text):
                out[position] = Verdict(verdict.block, kind=verdict.block.kind)
    return out
