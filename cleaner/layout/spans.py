"""Arithmetic over a page's blocks in order: what the text features measure around each block.

Each function takes one number (or flag) per block, in page order, and gives one per block back:
sums over a window of neighbours, the value a few blocks away, the length of the run of flagged
blocks a block stands in, the distance to the nearest flagged block and the blocks since the last
one (capped at ``CAP``); and the page's best runs by score (the runs of prose, ranked).

What it does NOT do: it knows nothing of text, roles or models: ``cleaner.layout.features`` decides
what the numbers are and names the columns.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

RUNS = 5  # runs ranked (the largest is 1), beyond that a block is in no run
CAP = 50.0  # distances in blocks are capped here: further is "far"


def window(values: np.ndarray, radius: int) -> np.ndarray:
    """Sum of ``values`` over each block and its ``radius`` neighbours on either side."""
    return windows(values, (radius,))[0]


def windows(values: np.ndarray, radii: Sequence[int]) -> list[np.ndarray]:
    """``window`` for several radii, from one running sum: each is the same difference of the same two sums.

    Padded for the widest radius: zeros before the values' running sum and their total after it, so the
    sum up to a block past either end is that of the end.
    """
    widest = max(radii)
    padded = np.concatenate((np.zeros(widest + 1), np.cumsum(values), np.full(widest, np.sum(values))))
    count = len(values)
    return [
        padded[widest + radius + 1 : widest + radius + 1 + count] - padded[widest - radius : widest - radius + count]
        for radius in radii
    ]


def shift(values: np.ndarray, step: int, fill: float) -> np.ndarray:
    """The value of the block ``step`` places away (+1: the next one), ``fill`` past the ends."""
    out = np.full_like(values, fill, dtype=float)
    if step > 0:
        out[:-step] = values[step:]
    else:
        out[-step:] = values[:step]
    return out


def best_run(scores: Sequence[float], offset: int = 0) -> tuple[int, int, float]:
    """The [start, end) run of blocks with the highest total score (Kadane) and that total (empty: none positive)."""
    best_total, best = 0.0, (offset, offset)
    total, start = 0.0, 0
    for position, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, position
        total += score
        if total > best_total:
            best_total, best = total, (offset + start, offset + position + 1)
    return (*best, best_total)


def ranked_runs(scores: np.ndarray) -> list[tuple[int, int, float]]:
    """The page's runs of prose, largest first: the best run, then the best in what lies either side, and so on."""
    values = scores.tolist()
    runs: list[tuple[int, int, float]] = []
    spans = [(0, len(values))]
    while spans and len(runs) < RUNS:
        found = [best_run(values[low:high], low) for low, high in spans]
        best = max(range(len(found)), key=lambda i: found[i][2])
        start, end, total = found[best]
        if total <= 0:
            break
        low, high = spans.pop(best)
        runs.append((start, end, total))
        spans += [span for span in ((low, start), (end, high)) if span[1] > span[0]]
    return runs


def short_runs(short: np.ndarray) -> np.ndarray:
    """For each block, the length of the run of consecutive short blocks it belongs to (0 if not short)."""
    out = np.zeros(len(short))
    start = None
    for position, flag in enumerate([*short.tolist(), False]):
        if flag and start is None:
            start = position
        elif not flag and start is not None:
            out[start:position] = position - start
            start = None
    return out


def distance_to(flags: np.ndarray) -> np.ndarray:
    """Signed distance from each block to the nearest flagged block (positive: it lies after), capped."""
    positions = np.flatnonzero(flags)
    if not len(positions):
        return np.full(len(flags), CAP)
    index = np.arange(len(flags))
    nearest = positions[np.abs(index[:, None] - positions[None, :]).argmin(axis=1)]
    return np.clip(index - nearest, -CAP, CAP)


def since(flags: np.ndarray) -> np.ndarray:
    """Blocks since the last flagged block at or before each block (CAP when none)."""
    index = np.arange(len(flags))
    last = np.maximum.accumulate(np.where(flags, index, -1))
    return np.where(last >= 0, np.minimum(index - last, CAP), CAP)
