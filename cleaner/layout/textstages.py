"""Text model stages: the two LightGBM stages that score a page's blocks, and the model file that holds them.

``TextModel.scores`` gives each block the probability that it is article content: the first stage
from the block's feature row (``cleaner.layout.features``), the second from the first stage's
scores around the block (``second_stage``: the neighbours' scores, window means, the best score
before and after, the mean over the block's table) and a few of its own features.  Both predict
with one thread (LightGBM spin-waits on a busy machine otherwise), straight through LightGBM's C API
(``cleaner.metadata.boosters``).  The model file
(``text_model.txt``, shipped in the package) is a JSON header line (the feature names, the
threshold, the number of stages, the least repetition that counts as a site profile's template
evidence) and each stage's LightGBM text dump (``dump_model``, ``parse_model``); beside it, the lexicon
(``cleaner.layout.lexical``: ``text_model.lexicon.txt``).  ``load_text_model`` reads both once.

What it does NOT do: it decides nothing (``cleaner.layout.textmodel`` cuts, guards and settles),
computes no feature (``cleaner.layout.features``) and trains nothing (``bench/train_text.py``).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from cleaner.layout.features import FEATURES
from cleaner.layout.lexical import COLUMNS as LEXICAL_COLUMNS
from cleaner.layout.lexical import Lexicon, lexicon_path, parse_lexicon
from cleaner.metadata.boosters import predict

if TYPE_CHECKING:  # imported where first used: lightgbm brings scipy (0.15 s at every start of `clean learn`)
    import lightgbm

MODEL_FILE = "text_model.txt"


SECTION = "\n=== stage ===\n"


RADII = (1, 2, 3)


WINDOWS = (2, 5)


class ModelFileError(ValueError):
    """The model file is missing, malformed, or made for other features."""


@dataclass(frozen=True)
class TextModel:
    """The two stages and the cut between content and furniture."""

    first: lightgbm.Booster
    second: lightgbm.Booster | None
    threshold: float
    # The least share of a site's other pages a block must be on for a profile's evidence (``site_repetition``)
    # to count as template evidence: below it the block is judged as without a profile.  ``inside``: the same
    # for prose inside the article (``textevidence.evidenced``).  Both learned by ``bench/train_text.py`` from the
    # template-site training corpus; 0.0 (a file without them): every block's evidence counts.
    evidence: float = 0.0
    evidence_inside: float = 0.0
    # The learned word weights whose columns the first stage reads (``cleaner.layout.lexical``), from the data
    # file beside the model file; None: those columns are missing (NaN).
    lexicon: Lexicon | None = None

    def scores(self, rows: np.ndarray, asked: np.ndarray | None = None) -> np.ndarray:
        """The probability that each block is article content, from the blocks' feature rows.

        With ``asked`` (a mask), only those blocks get the second stage's score; the others keep the
        first stage's, which the second stage reads around every block.  The classifier reads the
        open blocks' scores only, and LightGBM's cost grows with the rows it is given.
        """
        return self.scores_of([rows], None if asked is None else [asked])[0]

    def scores_of(self, pages: Sequence[np.ndarray], asked: Sequence[np.ndarray] | None = None) -> list[np.ndarray]:
        """``scores`` of several pages' rows, each stage predicted once for all of them (fewer calls)."""
        edges = np.cumsum([0, *(len(rows) for rows in pages)]).tolist()
        if not edges[-1]:
            return [np.zeros(0) for _ in pages]
        spans = list(itertools.pairwise(edges))
        first = predict(self.first, np.concatenate(pages))
        if self.second is None:
            return [first[low:high] for low, high in spans]
        chosen = None if asked is None else [np.asarray(mask, dtype=bool) for mask in asked]
        second = np.concatenate(  # only the asked blocks' rows: LightGBM's cost grows with the rows it is given
            [
                second_stage(rows, first[low:high], None if chosen is None else chosen[number])
                for number, (rows, (low, high)) in enumerate(zip(pages, spans, strict=True))
            ]
        )
        scores = first.copy()
        if len(second):
            asked_rows = slice(None) if chosen is None else np.concatenate(chosen)
            scores[asked_rows] = predict(self.second, second)
        return [scores[low:high] for low, high in spans]


def second_stage(rows: np.ndarray, first: np.ndarray, asked: np.ndarray | None = None) -> np.ndarray:
    """The second stage's features: the block's own first-stage score and those around it, and a few of its own.

    With ``asked`` (a mask), the rows of those blocks only: each column is computed over the whole page (the
    first-stage scores around a block), and only the asked rows are stacked into the matrix."""
    count = len(first)
    columns = [first]
    for radius in RADII:
        columns.append(
            np.concatenate((np.full(radius, -1.0), first[:-radius])) if count > radius else np.full(count, -1.0)
        )
        columns.append(
            np.concatenate((first[radius:], np.full(radius, -1.0))) if count > radius else np.full(count, -1.0)
        )
    cumulative = np.concatenate(([0.0], np.cumsum(first)))
    index = np.arange(count)
    for radius in WINDOWS:
        low, high = np.maximum(index - radius, 0), np.minimum(index + radius + 1, count)
        columns.append((cumulative[high] - cumulative[low]) / (high - low))
    columns.append(np.full(count, first.mean()))
    columns.append(np.maximum.accumulate(first[::-1])[::-1])  # the best score at or after the block
    columns.append(np.maximum.accumulate(first))  # the best score at or before it
    columns += _cell_unit(rows, first, cumulative)
    matrix = np.column_stack([*columns, rows[:, _SECOND_STAGE_COLUMNS]])
    return matrix if asked is None else matrix[asked]  # the asked rows picked once, not column by column


def _cell_unit(rows: np.ndarray, first: np.ndarray, cumulative: np.ndarray) -> list[np.ndarray]:
    """A run of cell-like lines (a table) judged as one unit: the mean first-stage score over the block's run,
    and the scores of the blocks just before and after the run (the block's own neighbours when in no run)."""
    count = len(first)
    index = np.arange(count)
    start = index - rows[:, FEATURES.index("to_cell_start")].astype(int)
    end = index + rows[:, FEATURES.index("to_cell_end")].astype(int) + 1
    padded = np.concatenate(([-1.0], first, [-1.0]))
    return [(cumulative[end] - cumulative[start]) / (end - start), padded[start], padded[end + 1]]


SECOND_STAGE_OWN = (
    "words",
    "stop_density",
    "prose",
    "in_run",
    "position",
    "role",
    "ends_sentence",
    "cell_run",
    "cell_numbers",
    "cell_period",
    *LEXICAL_COLUMNS,
)
_SECOND_STAGE_COLUMNS = [FEATURES.index(name) for name in SECOND_STAGE_OWN]


def dump_model(
    first: lightgbm.Booster,
    second: lightgbm.Booster | None,
    threshold: float,
    evidence: tuple[float, float] = (0.0, 0.0),
) -> str:
    """The model file's text: a JSON header line, then each stage's LightGBM text dump.

    ``evidence``: the least repetition that counts as template evidence, outside and inside the article."""
    meta = {"features": list(FEATURES), "threshold": threshold, "stages": 1 + (second is not None)}
    header = json.dumps({**meta, "evidence": list(evidence)} if any(evidence) else meta)
    stages = [first.model_to_string(num_iteration=-1)]
    if second is not None:
        stages.append(second.model_to_string(num_iteration=-1))
    return header + SECTION + SECTION.join(stages)


def parse_model(text: str, origin: str, lexicon: Lexicon | None = None) -> TextModel:
    """Read a model file's text (``lexicon``: the one beside it); a ``ModelFileError`` names the origin when it is
    not one."""
    import lightgbm

    header, _, rest = text.partition(SECTION)
    try:
        meta = json.loads(header)
        if meta["features"] != list(FEATURES):
            raise ModelFileError(f"{origin}: the model was trained on other features; retrain it")
        stages = [lightgbm.Booster(model_str=stage) for stage in rest.split(SECTION)]
        outside, inside = (float(value) for value in meta.get("evidence", (0.0, 0.0)))
        second = stages[1] if len(stages) > 1 else None
        return TextModel(stages[0], second, float(meta["threshold"]), outside, inside, lexicon)
    except (ValueError, KeyError, TypeError, lightgbm.basic.LightGBMError) as error:
        if isinstance(error, ModelFileError):
            raise
        raise ModelFileError(f"{origin}: not a text model file ({type(error).__name__}: {error})") from None


@cache
def load_text_model(path: Path | None = None) -> TextModel:
    """The model from ``path``, or the one shipped with cleaner, with the lexicon beside it (read once)."""
    if path is None:
        folder = resources.files("cleaner.layout")
        text = folder.joinpath(MODEL_FILE).read_text(encoding="utf-8")
        name = lexicon_path(Path(MODEL_FILE)).name
        return parse_model(text, MODEL_FILE, parse_lexicon(folder.joinpath(name).read_text(encoding="utf-8"), name))
    try:
        text = Path(path).read_text(encoding="utf-8")
        beside = lexicon_path(Path(path))
        lexicon = parse_lexicon(beside.read_text(encoding="utf-8"), str(beside))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ModelFileError(f"{path}: cannot read the text model or its lexicon: {error}") from None
    return parse_model(text, str(path), lexicon)
