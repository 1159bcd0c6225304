"""``cleaner.layout.features.features``, split into named steps, computes the matrix the one long function did.

``reference_features`` below is that function as it stood before the split (main at 6eb5845), kept here
only to check against: on generated pages (every role, kind, tail rule, stoplist or none, site
repetition or none, lexicon or none) and on every block list the text model scores while cleaning the
text fixtures, the two matrices must be the same to the bit (NaN where NaN).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.layout import features as module
from cleaner.layout import textmodel
from cleaner.layout.features import (
    FEATURES,
    OWN,
    PROSE_MIN_STOPWORDS,
    PROSE_MIN_WORDS,
    ROLE_CODES,
    SHORT_WORDS,
    _cells,
    _echoes,
    _measure,
    _title_words,
    features,
)
from cleaner.layout.lexical import COLUMNS as LEXICAL_COLUMNS
from cleaner.layout.lexical import Lexicon, without_cells
from cleaner.layout.spans import CAP, distance_to, ranked_runs, shift, short_runs, since, window, windows
from cleaner.layout.tables import CellRun
from cleaner.layout.textmodel import load_text_model
from cleaner.model import Block, Kind, Role, Verdict
from cleaner.text.language import stoplist

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
TAIL_RULE = "tail.related"


def reference_features(
    verdicts: Sequence[Verdict],
    stopwords: frozenset[str],
    tail_rules: frozenset[str] = frozenset(),
    repetition: Sequence[float] | None = None,
    cells: Sequence[CellRun] | None = None,
    lexicon: Lexicon | None = None,
) -> np.ndarray:
    count = len(verdicts)
    if repetition is not None and len(repetition) != count:
        raise ValueError(f"repetition has {len(repetition)} values for {count} blocks")
    if not count:
        return np.zeros((0, len(FEATURES)))
    repeats = Counter(verdict.text for verdict in verdicts)
    own = np.array(
        [(*_measure(v, stopwords, tail_rules), repeats[v.text]) for v in verdicts],
        dtype=float,
    )
    col = {name: own[:, index] for index, name in enumerate(OWN)}
    words, chars, role = col["words"], col["chars"], col["role"]
    undecided = role == ROLE_CODES[Role.UNDECIDED]
    has_stoplist = bool(stopwords)
    if has_stoplist:
        prose = (words >= PROSE_MIN_WORDS) & (col["stop_density"] >= PROSE_MIN_STOPWORDS)
    else:
        prose = (words >= PROSE_MIN_WORDS) & (col["ends_sentence"] > 0)
    prose &= undecided
    prose_words = np.where(prose, words, 0.0)
    total_prose = prose_words.sum()
    total_words = words.sum()
    scores = np.where(prose, words, np.where(undecided, -np.minimum(words, 10.0) - 2.0, 0.0))
    runs = ranked_runs(scores)
    start, end = runs[0][:2] if runs else (0, 0)
    run_rank = np.zeros(count)
    own_run = np.zeros((count, 3))
    for rank, (low, high, _) in enumerate(runs, start=1):
        run_rank[low:high] = rank
        own_run[low:high] = (
            prose_words[low:high].sum() / max(prose_words.sum(), 1.0),
            high - low,
            words[low:high].mean(),
        )
    title_words = _title_words(verdicts, stopwords)
    echo = _echoes(verdicts, words, title_words)
    index = np.arange(count, dtype=float)
    in_run = (index >= start) & (index < end)
    run_prose = prose_words[start:end].sum()
    prose_f = prose.astype(float)
    before_words = np.cumsum(words) - words
    before_prose = np.cumsum(prose_words) - prose_words
    words_w1, words_w2, words_w3 = windows(words, (1, 2, 3))
    prose_w2, prose_w5 = windows(prose_f, (2, 5))
    derived: dict[str, np.ndarray | float] = {
        "log_words": np.log1p(words),
        "prose": prose_f,
        "chars_vs_longest": chars / max(chars.max(), 1.0),
        "words_w1": words_w1,
        "words_w2": words_w2,
        "words_w3": words_w3,
        "prose_w2": prose_w2,
        "prose_w5": prose_w5,
        "stop_w2": window(col["stopwords"], 2) / np.maximum(words_w2, 1.0),
        "short_run": np.minimum(short_runs(words <= SHORT_WORDS), CAP),
        "prev_words": shift(words, -1, 0.0),
        "next_words": shift(words, 1, 0.0),
        "prev_stop": shift(col["stop_density"], -1, 0.0),
        "next_stop": shift(col["stop_density"], 1, 0.0),
        "prev_role": shift(role, -1, -1.0),
        "next_role": shift(role, 1, -1.0),
        "prev_prose": shift(prose_f, -1, 0.0),
        "next_prose": shift(prose_f, 1, 0.0),
        "position": index / count,
        "words_before": before_words / max(total_words, 1.0),
        "prose_before": before_prose / max(total_prose, 1.0),
        "prose_after": (total_prose - before_prose - prose_words) / max(total_prose, 1.0),
        "in_run": in_run.astype(float),
        "to_run_start": np.clip(index - start, -CAP, CAP),
        "to_run_end": np.clip(index - (end - 1), -CAP, CAP),
        "run_share": run_prose / total_prose if total_prose else 0.0,
        "run_blocks": float(end - start),
        "blocks": float(count),
        "log_total_words": np.log1p(total_words),
        "prose_share": total_prose / max(total_words, 1.0),
        "has_stoplist": float(has_stoplist),
        "since_tail_marker": since(col["tail_marker"] > 0),
        "to_metadata": distance_to((role == ROLE_CODES[Role.BYLINE]) | (role == ROLE_CODES[Role.DATELINE])),
        "to_title": distance_to(role == ROLE_CODES[Role.TITLE]),
        "echo": echo,
        "to_echo": distance_to(echo > 0),
        "title_words": title_words,
        "title_words_w2": window(title_words, 2) / 5.0,
        "run_rank": run_rank,
        "own_run_share": own_run[:, 0],
        "own_run_blocks": own_run[:, 1],
        "own_run_mean_words": own_run[:, 2],
        **_cells(verdicts, prose_words, cells),
        "site_repetition": np.nan if repetition is None else np.asarray(repetition, dtype=float),
    }
    matrix = np.empty((count, len(FEATURES)))
    matrix[:, : len(OWN)] = own
    for place, name in enumerate(FEATURES[len(OWN) : -len(LEXICAL_COLUMNS)], start=len(OWN)):
        matrix[:, place] = derived[name]
    matrix[:, -len(LEXICAL_COLUMNS) :] = np.nan
    if lexicon is not None:
        cell_run = matrix[:, FEATURES.index("cell_run")]
        matrix[:, -len(LEXICAL_COLUMNS) :] = without_cells(lexicon.columns([v.text for v in verdicts]), cell_run)
    return matrix


def same_bits(new: np.ndarray, old: np.ndarray) -> bool:
    """Equal to the bit: the same shape and bytes (so NaN matches NaN, and -0.0 does not match 0.0)."""
    return new.shape == old.shape and new.dtype == old.dtype and new.tobytes() == old.tobytes()


WORDS = [
    "the", "and", "of", "to", "said", "council", "bridge", "River", "Home", "Sport", "News", "By", "Jane",
    "Doe", "2024", "12.03.2024", "www.example.com", "https://x.org/a.html", "a@b.de", "|", "•", "»", "/",
    "Student-AthleteA", "über", "Straße", "«quoted»", "(aside)", "—", "1,200", "Share",
]  # fmt: skip
ENDINGS = ["", ".", "!", "?", "…", ":", ";", '."', ".)", ","]
LINE = st.builds(
    lambda words, ending: " ".join(words) + ending,
    st.lists(st.sampled_from(WORDS), min_size=0, max_size=24),
    st.sampled_from(ENDINGS),
)
RULES = ["", TAIL_RULE, "nav.menu", "zones.title"]
VERDICT = st.tuples(LINE, st.sampled_from(list(Role)), st.sampled_from(list(Kind)), st.sampled_from(RULES))
TABLE = ["Team | Won | Lost", "Reds | 12 | 3", "Blues | 10 | 5", "Greens | 7 | 8", "Greys | 2 | 13"]


def page_of(rows: list[tuple[str, Role, Kind, str]]) -> list[Verdict]:
    out = []
    for index, (text, role, kind, rule) in enumerate(rows):
        verdict = Verdict(Block(index, text, kind), kind=kind)
        if role is not Role.UNDECIDED:
            verdict = verdict.decide(role, rule=rule, category="", layer="test", kind=kind)
        out.append(verdict)
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(VERDICT, min_size=0, max_size=40),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.data(),
)
def test_the_steps_compute_the_long_functions_matrix(
    rows: list[tuple[str, Role, Kind, str]],
    english: bool,
    with_table: bool,
    with_repetition: bool,
    with_lexicon: bool,
    data: st.DataObject,
) -> None:
    if with_table:
        place = data.draw(st.integers(0, len(rows)))
        rows[place:place] = [(line, Role.UNDECIDED, Kind.PARAGRAPH, "") for line in TABLE]
    verdicts = page_of(rows)
    stopwords = stoplist("en") if english else frozenset()
    tail_rules = frozenset({TAIL_RULE})
    repetition = (
        data.draw(st.lists(st.floats(0, 1), min_size=len(verdicts), max_size=len(verdicts)))
        if with_repetition
        else None
    )
    lexicon = load_text_model().lexicon if with_lexicon else None
    new = features(verdicts, stopwords, tail_rules, repetition, None, lexicon)
    old = reference_features(verdicts, stopwords, tail_rules, repetition, None, lexicon)
    assert same_bits(new, old)


def test_the_steps_compute_the_long_functions_matrix_on_the_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every block list the text model scores while cleaning the text fixtures, with the arguments it passes."""
    checked = []

    def both(*args: object) -> np.ndarray:
        new = features(*args)  # type: ignore[arg-type]
        assert same_bits(new, reference_features(*args))  # type: ignore[arg-type]
        checked.append(len(new))
        return new

    monkeypatch.setattr(textmodel, "features", both)
    for path in sorted(FIXTURES.glob("*.txt")):
        clean(path.read_text(encoding="utf-8"))
    assert len(checked) >= len(list(FIXTURES.glob("*.txt"))) and sum(checked) > 500


def test_a_wrong_repetition_length_is_refused_and_an_empty_page_has_no_rows() -> None:
    with pytest.raises(ValueError, match="repetition has 1 values for 2 blocks"):
        features(page_of([("a", Role.UNDECIDED, Kind.PARAGRAPH, "")] * 2), frozenset(), repetition=[0.5])
    assert module.features([], frozenset()).shape == (0, len(FEATURES))


def test_the_steps_fill_every_column_but_the_lexicons_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_matrix`` starts from ``np.empty``: a column no step fills would hold whatever the memory held."""
    seen: list[str] = []
    matrix = module._matrix

    def recording(
        verdicts: Sequence[Verdict], own: np.ndarray, groups: Sequence[dict], lexicon: Lexicon | None
    ) -> np.ndarray:
        seen.extend(name for group in groups for name in group)
        return matrix(verdicts, own, groups, lexicon)

    monkeypatch.setattr(module, "_matrix", recording)
    features(page_of([(line, Role.UNDECIDED, Kind.PARAGRAPH, "") for line in TABLE]), frozenset())
    assert sorted(seen) == sorted(FEATURES[len(OWN) : -len(LEXICAL_COLUMNS)])
