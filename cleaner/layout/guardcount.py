"""Guard count: the feature rows the guards read, with words and sentence ends counted in every script.

The text model's feature rows (``cleaner.layout.features``) count words and sentence ends by the model's count
(``cleaner.text.shape``), frozen with the model file until the next retraining.  That count is blind to scripts
written without spaces: no block of a Chinese or Japanese page is prose by it, so the guards that keep the
article when the model drops it (``cleaner.layout.textguards``: the prose run, the unsure gaps) never see one.
``guard_rows`` gives them the same rows with the columns they read recounted by the script count
(``shape.script_words_of``, ``shape.script_ends_sentence``):

* ``words``, ``ends_sentence``: the block's words and whether it ends like a sentence, in any script;
* ``prose``: a sentence's worth of those words, enough of them stopwords (without a stoplist: closed like a
  sentence), the rule of ``features.prose_blocks``;
* ``in_run``: the page's largest run of that prose (``features.largest_run``).

On a page where no block holds a character from U+0300 on but neutral punctuation (``shape.beyond_latin``) the
two counts agree, and the model's rows are returned as they are.

Only layers that bring blocks back read it.  The head rule (``textmodel._head_before_article``), which removes the
kept lines above the article's first prose sentence, reads the model's rows: by the script count it took a Chinese
biography's opening paragraphs, which close on no full stop, for its head (tfeval wrapped, out of fold).

What it does NOT do: it feeds nothing to the model (the model's columns stay the model's count), decides
nothing (the guards do), and recounts no other column (the tables' columns, the lexicon's, the neighbours').
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cleaner.layout.features import COLUMN, ROLE_CODES, largest_run, prose_blocks
from cleaner.model import Role, Verdict
from cleaner.text.shape import beyond_latin, script_ends_sentence, script_words_of


def _script_measures(text: str, stopwords: frozenset[str]) -> tuple[float, float, float]:
    """A block's words, share of stopwords and sentence end, by the script count."""
    lowered = script_words_of(text)[1]
    count = len(lowered)
    stops = sum(map(stopwords.__contains__, lowered)) if stopwords else 0
    return count, stops / count if count else 0.0, script_ends_sentence(text)


def guard_rows(verdicts: Sequence[Verdict], stopwords: frozenset[str], rows: np.ndarray) -> np.ndarray:
    """``rows`` (the model's feature rows of ``verdicts``) with ``words``, ``ends_sentence``, ``prose`` and
    ``in_run`` counted in every script; ``rows`` itself when no block is ``beyond_latin``."""
    if not any(beyond_latin(verdict.text) for verdict in verdicts):
        return rows
    measures = np.array([_script_measures(verdict.text, stopwords) for verdict in verdicts], dtype=float)
    col = {"words": measures[:, 0], "stop_density": measures[:, 1], "ends_sentence": measures[:, 2]}
    undecided = rows[:, COLUMN["role"]] == ROLE_CODES[Role.UNDECIDED]
    prose = prose_blocks(col, bool(stopwords), undecided)
    _, start, end = largest_run(col["words"], prose, undecided)
    guard = rows.copy()
    guard[:, COLUMN["words"]] = col["words"]
    guard[:, COLUMN["ends_sentence"]] = col["ends_sentence"]
    guard[:, COLUMN["prose"]] = prose
    guard[:, COLUMN["in_run"]] = 0.0
    guard[start:end, COLUMN["in_run"]] = 1.0
    guard.flags.writeable = False
    return guard
