"""Text features: what the line classifier sees of each block of a plain-text document.

One row per block, one column per feature (``FEATURES`` names them, in order), computed for a
whole document at once: a short pass over the blocks measures each one (words, stopwords, how it
ends, what the earlier layers decided about it), and the rest is arithmetic over those columns
with numpy (``cleaner.layout.spans``): windows over the neighbours, the page's largest run of prose and
where a block stands in it, how much prose comes before and after it.

The column ``site_repetition`` is the one thing a block's page does not say: the share of its
site's pages (of the page's template generation) that hold the block's line, from a learned site
profile.  The caller computes it (``cleaner.sites.apply.PageMatch.repetition``; this layer sits below the
sites layer and never reads a profile) and passes the numbers in; without them the column is NaN
(missing), which the model learned to read as "no profile": a page cleaned without one is scored as
by a model that never saw the column.

The last two columns (``lexical``, ``lexical_w2``) are the mean learned weight of the block's words, and
of its neighbours' (``cleaner.layout.lexical``: the vocabulary of furniture, the same across sites); 0.0 for
a table's cells.

The same function serves training (``bench/train_text.py``) and inference
(``cleaner.layout.textmodel``), so the model always sees the features it was trained on.

What it does NOT do: it decides nothing (``cleaner.layout.textmodel`` does) and never reads the input
file, only the blocks and the verdicts the earlier layers left on them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import chain

import numpy as np

from cleaner.layout.lexical import COLUMNS as LEXICAL_COLUMNS
from cleaner.layout.lexical import Lexicon, without_cells
from cleaner.layout.spans import CAP, distance_to, ranked_runs, shift, short_runs, since, window, windows
from cleaner.layout.tables import CellRun, cell_runs
from cleaner.metadata.titles import confirming_keys, most_of, title_key
from cleaner.model import Kind, Role, Verdict
from cleaner.text.shape import OPENING_MARKS, SENTENCE_END, words_of
from cleaner.text.shape import TERMINAL_STOP as PERIOD_END

SEPARATORS = re.compile(r"[|•·»›/]")
CLAUSE_MARKS = re.compile(r"[,;:]")
WEBBY = re.compile(r"https?:|www\.|@|\.(?:com|org|net|de|fr|html?)\b", re.IGNORECASE)
DIGITS = re.compile(r"\d")
GLUED = re.compile(r"[a-z][A-Z][a-z]")  # a headline run into its teaser text ("...Student-AthleteA 24-year-old")
ECHO_MAX_WORDS = 30  # a headline that repeats the page's title is no longer than this
PROSE_MIN_WORDS = 8  # a prose line: a sentence's worth of words ...
PROSE_MIN_STOPWORDS = 0.2  # ... of which this share are stopwords (without a stoplist: it ends like a sentence)
SHORT_WORDS = 4  # menu items, links, labels

ROLE_CODES = {
    Role.UNDECIDED: 0,
    Role.BODY: 1,
    Role.TITLE: 2,
    Role.SUBTITLE: 3,
    Role.BYLINE: 4,
    Role.DATELINE: 5,
    Role.FURNITURE: 6,
}
KIND_CODES = {Kind.PARAGRAPH: 0, Kind.HEADING: 1, Kind.LIST_ITEM: 2, Kind.QUOTE: 3}

# What each block says of itself (measured in one pass, see _measure).
OWN = (
    "words",
    "chars",
    "stopwords",
    "stop_density",
    "ends_sentence",
    "ends_period",
    "starts_upper",
    "starts_lower",
    "capital_share",
    "digit_share",
    "clause_marks",
    "separators",
    "webby",
    "glued",
    "kind",
    "role",
    "tail_marker",
    "repeats",
)
FEATURES = (
    *OWN,
    "log_words",
    "prose",
    "chars_vs_longest",
    "words_w1",
    "words_w2",
    "words_w3",
    "prose_w2",
    "prose_w5",
    "stop_w2",
    "short_run",
    "prev_words",
    "next_words",
    "prev_stop",
    "next_stop",
    "prev_role",
    "next_role",
    "prev_prose",
    "next_prose",
    "position",
    "words_before",
    "prose_before",
    "prose_after",
    "in_run",
    "to_run_start",
    "to_run_end",
    "run_share",
    "run_blocks",
    "blocks",
    "log_total_words",
    "prose_share",
    "has_stoplist",
    "since_tail_marker",
    "to_metadata",
    "to_title",
    "echo",
    "to_echo",
    "title_words",
    "title_words_w2",
    "run_rank",
    "own_run_share",
    "own_run_blocks",
    "own_run_mean_words",
    "cell_run",
    "cell_numbers",
    "cell_period",
    "to_cell_start",
    "to_cell_end",
    "cell_prose_before",
    "cell_prose_after",
    "site_repetition",
    *LEXICAL_COLUMNS,
)
COLUMN = {name: place for place, name in enumerate(FEATURES)}
CELL_COLUMNS = FEATURES[COLUMN["cell_run"] : COLUMN["cell_prose_after"] + 1]  # what ``_cells`` fills


def _measure(verdict: Verdict, stopwords: frozenset[str], tail_rules: frozenset[str]) -> tuple[float, ...]:
    """The OWN columns of one block (all but ``repeats``, which needs the whole page), read from the block's text
    and kind as ``_own_columns`` reads them (``Verdict.text`` is the block's text)."""
    return (
        *_text_measures(verdict.block.text, stopwords),
        KIND_CODES[verdict.block.kind],
        ROLE_CODES[verdict.role],
        verdict.role is Role.FURNITURE and verdict.rule in tail_rules,
    )


@lru_cache(maxsize=16384)
def _text_measures(text: str, stopwords: frozenset[str]) -> tuple[float, ...]:
    """What the text alone says, once per text: a block is measured again when its page is settled."""
    words, lowered = words_of(text)
    count = len(words)
    stops = sum(map(stopwords.__contains__, lowered)) if stopwords else 0
    first = text.lstrip(OPENING_MARKS)[:1]
    chars = len(text)
    return (
        count,
        chars,
        stops,
        stops / count if count else 0.0,
        SENTENCE_END.search(text) is not None,
        PERIOD_END.search(text) is not None,
        first.isupper() or first.isdigit(),
        first.islower(),
        sum([word[0].isupper() for word in words]) / count if count else 0.0,  # a word is never empty
        len(DIGITS.findall(text)) / chars if chars else 0.0,
        len(CLAUSE_MARKS.findall(text)) / (count + 1),
        len(SEPARATORS.findall(text)),
        WEBBY.search(text) is not None,
        len(GLUED.findall(text)),
    )


def _title_words(verdicts: Sequence[Verdict], stopwords: frozenset[str]) -> np.ndarray:
    """Per block, the share of the first block's content words (a dump's ``<title>``) that it uses.

    The article talks about what its headline says; teasers of other articles and menus do not.
    """
    title = {low for word, low in zip(*words_of(verdicts[0].text), strict=True) if len(word) > 2} - stopwords
    if not title:
        return np.zeros(len(verdicts))
    size = len(title)
    lowered = [words_of(v.block.text)[1] for v in verdicts]
    shares = [0.0 if title.isdisjoint(words) else len(title.intersection(words)) / size for words in lowered]
    shares[0] = 0.0
    return np.array(shares)


def _echoes(verdicts: Sequence[Verdict], words: np.ndarray, title_words: np.ndarray) -> np.ndarray:
    """Blocks that repeat the first block (a page dump's ``<title>``) as a headline: the article's own.

    Only blocks that use some of the title's words are compared (``title_words``).
    """
    flags = np.zeros(len(verdicts))
    first = verdicts[0].text
    keys = confirming_keys([first])
    for position in np.flatnonzero((words >= 2) & (words <= ECHO_MAX_WORDS) & (title_words > 0)).tolist():
        if position:
            text = verdicts[position].text
            flags[position] = title_key(text) in keys or most_of(text, [first])
    return flags


def _cells(
    verdicts: Sequence[Verdict], prose_words: np.ndarray, cells: Sequence[CellRun] | None
) -> dict[str, np.ndarray]:
    """Each block's table (a run of cell-like lines repeating a row pattern): its size, share of numbers,
    row period, the block's place in it and the prose just outside it (0 for blocks in no table)."""
    count = len(verdicts)
    columns = {name: np.zeros(count) for name in CELL_COLUMNS}
    if cells is None:
        cells = cell_runs([verdict.text for verdict in verdicts])
    for run in cells:
        if not run.period:
            continue  # a menu or a list: ``short_run`` and the windows describe it
        span = slice(run.start, run.end)
        columns["cell_run"][span] = min(run.end - run.start, 4 * CAP)
        columns["cell_numbers"][span] = run.numbers
        columns["cell_period"][span] = run.period
        columns["to_cell_start"][span] = np.arange(run.end - run.start)
        columns["to_cell_end"][span] = np.arange(run.end - run.start)[::-1]
        columns["cell_prose_before"][span] = prose_words[run.start - 1] if run.start else 0.0
        columns["cell_prose_after"][span] = prose_words[run.end] if run.end < count else 0.0
    return columns


def features(
    verdicts: Sequence[Verdict],
    stopwords: frozenset[str],
    tail_rules: frozenset[str] = frozenset(),
    repetition: Sequence[float] | None = None,
    cells: Sequence[CellRun] | None = None,
    lexicon: Lexicon | None = None,
) -> np.ndarray:
    """The feature matrix of a document: one row per verdict, the columns of ``FEATURES``.

    ``repetition``: per verdict, the share of the site's pages holding its line (``site_repetition``);
    None (no trusted site profile applies) leaves the column NaN.  ``cells``: the blocks' ``tables.cell_runs``
    when the caller already found them (the pipeline does, once per page); found here otherwise.  ``lexicon``:
    the text model's learned word weights (``cleaner.layout.lexical``); None leaves its columns NaN (training
    fills them per fit, cross-fitted: ``bench/textlexicon.py``).

    The groups of columns, each a step below: what each block says of itself (``_own_columns``), which
    blocks are prose (``prose_blocks``), the block's neighbours (``_neighbourhood``), its place on the page
    (``_page_shares``), the page's runs of prose (``_prose_runs``), the title and the lines the earlier
    layers marked (``_landmarks``), tables (``_cells``), then the site's and the lexicon's columns.
    """
    count = len(verdicts)
    if repetition is not None and len(repetition) != count:
        raise ValueError(f"repetition has {len(repetition)} values for {count} blocks")
    if not count:
        return np.zeros((0, len(FEATURES)))
    own = _own_columns(verdicts, stopwords, tail_rules)
    col = {name: own[:, index] for index, name in enumerate(OWN)}
    undecided = col["role"] == ROLE_CODES[Role.UNDECIDED]
    prose = prose_blocks(col, bool(stopwords), undecided)
    prose_words = np.where(prose, col["words"], 0.0)
    groups: tuple[Mapping[str, np.ndarray | float], ...] = (
        _neighbourhood(col, prose),
        _page_shares(col["words"], prose_words, bool(stopwords)),
        _prose_runs(col["words"], prose, prose_words, undecided),
        _landmarks(verdicts, col, stopwords),
        _cells(verdicts, prose_words, cells),
        {"site_repetition": np.nan if repetition is None else np.asarray(repetition, dtype=float)},
    )
    return _matrix(verdicts, own, groups, lexicon)


def _own_columns(verdicts: Sequence[Verdict], stopwords: frozenset[str], tail_rules: frozenset[str]) -> np.ndarray:
    """The ``OWN`` columns: each block's measures (``_measure``'s, filled column by column: the text's measures
    in one pass, as numbers straight from the memo), and how often the page holds its text."""
    texts = [verdict.block.text for verdict in verdicts]
    count, measured = len(texts), len(OWN) - 4  # the text's own measures; kind, role, tail marker, repeats follow
    own = np.empty((count, len(OWN)))
    own[:, :measured] = np.fromiter(
        chain.from_iterable([_text_measures(text, stopwords) for text in texts]), dtype=float, count=count * measured
    ).reshape(count, measured)
    own[:, measured] = [KIND_CODES[verdict.block.kind] for verdict in verdicts]
    own[:, measured + 1] = [ROLE_CODES[verdict.role] for verdict in verdicts]
    own[:, measured + 2] = [verdict.role is Role.FURNITURE and verdict.rule in tail_rules for verdict in verdicts]
    repeats = Counter(texts)
    own[:, measured + 3] = [repeats[text] for text in texts]
    return own


def prose_blocks(col: Mapping[str, np.ndarray], has_stoplist: bool, undecided: np.ndarray) -> np.ndarray:
    """The undecided blocks that read as prose: a sentence's worth of words, enough of them stopwords (without
    a stoplist: closed like a sentence).  ``col``: the blocks' ``words``, ``stop_density`` and ``ends_sentence``
    (the model's count here; the guards' script count in ``cleaner.layout.guardcount``)."""
    if has_stoplist:
        prose = (col["words"] >= PROSE_MIN_WORDS) & (col["stop_density"] >= PROSE_MIN_STOPWORDS)
    else:
        prose = (col["words"] >= PROSE_MIN_WORDS) & (col["ends_sentence"] > 0)
    prose &= undecided
    return prose


def largest_run(
    words: np.ndarray, prose: np.ndarray, undecided: np.ndarray
) -> tuple[list[tuple[int, int, float]], int, int]:
    """The page's runs of prose (``ranked_runs``, largest first) and the start and end of the largest.  Prose scores
    its words, other undecided blocks cost a little, decided ones nothing."""
    runs = ranked_runs(np.where(prose, words, np.where(undecided, -np.minimum(words, 10.0) - 2.0, 0.0)))
    start, end = runs[0][:2] if runs else (0, 0)
    return runs, start, end


def _neighbourhood(col: dict[str, np.ndarray], prose: np.ndarray) -> dict[str, np.ndarray]:
    """What the block and its neighbours say: its size, sums over windows of neighbours, the run of short
    blocks it stands in, and the words, stopwords, role and prose of the blocks right before and after it."""
    words, chars, role, density = col["words"], col["chars"], col["role"], col["stop_density"]
    prose_f = prose.astype(float)
    words_w1, words_w2, words_w3 = windows(words, (1, 2, 3))
    prose_w2, prose_w5 = windows(prose_f, (2, 5))
    return {
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
        "prev_stop": shift(density, -1, 0.0),
        "next_stop": shift(density, 1, 0.0),
        "prev_role": shift(role, -1, -1.0),
        "next_role": shift(role, 1, -1.0),
        "prev_prose": shift(prose_f, -1, 0.0),
        "next_prose": shift(prose_f, 1, 0.0),
    }


def _page_shares(words: np.ndarray, prose_words: np.ndarray, has_stoplist: bool) -> dict[str, np.ndarray | float]:
    """Where the block stands on the page (its place, the words and the prose before and after it) and what
    the page is as a whole (its blocks, words, share of prose, whether its language has a stoplist)."""
    count = len(words)
    total_words = words.sum()
    total_prose = prose_words.sum()
    before_words = np.cumsum(words) - words
    before_prose = np.cumsum(prose_words) - prose_words
    return {
        "position": np.arange(count, dtype=float) / count,
        "words_before": before_words / max(total_words, 1.0),
        "prose_before": before_prose / max(total_prose, 1.0),
        "prose_after": (total_prose - before_prose - prose_words) / max(total_prose, 1.0),
        "blocks": float(count),
        "log_total_words": np.log1p(total_words),
        "prose_share": total_prose / max(total_words, 1.0),
        "has_stoplist": float(has_stoplist),
    }


def _prose_runs(
    words: np.ndarray, prose: np.ndarray, prose_words: np.ndarray, undecided: np.ndarray
) -> dict[str, np.ndarray | float]:
    """The page's runs of prose (``ranked_runs``): where the block stands to the largest, and the rank, share of the
    prose, size and mean words of the run it is in (``largest_run``)."""
    count = len(words)
    total_prose = prose_words.sum()
    runs, start, end = largest_run(words, prose, undecided)
    run_rank = np.zeros(count)
    own_run = np.zeros((count, 3))
    for rank, (low, high, _) in enumerate(runs, start=1):
        run_rank[low:high] = rank
        own_run[low:high] = (prose_words[low:high].sum() / max(total_prose, 1.0), high - low, words[low:high].mean())
    index = np.arange(count, dtype=float)
    run_prose = prose_words[start:end].sum()
    return {
        "in_run": ((index >= start) & (index < end)).astype(float),
        "to_run_start": np.clip(index - start, -CAP, CAP),
        "to_run_end": np.clip(index - (end - 1), -CAP, CAP),
        "run_share": run_prose / total_prose if total_prose else 0.0,  # one value for the page
        "run_blocks": float(end - start),
        "run_rank": run_rank,
        "own_run_share": own_run[:, 0],
        "own_run_blocks": own_run[:, 1],
        "own_run_mean_words": own_run[:, 2],
    }


def _landmarks(
    verdicts: Sequence[Verdict], col: dict[str, np.ndarray], stopwords: frozenset[str]
) -> dict[str, np.ndarray]:
    """How far the block stands from the lines that mark the article: the last tail marker, the bylines and
    datelines, the zones' title, the echoes of the dump's first line; and how many of that line's words it uses."""
    role = col["role"]
    title_words = _title_words(verdicts, stopwords)
    echo = _echoes(verdicts, col["words"], title_words)
    return {
        "since_tail_marker": since(col["tail_marker"] > 0),
        "to_metadata": distance_to((role == ROLE_CODES[Role.BYLINE]) | (role == ROLE_CODES[Role.DATELINE])),
        "to_title": distance_to(role == ROLE_CODES[Role.TITLE]),
        "echo": echo,
        "to_echo": distance_to(echo > 0),
        "title_words": title_words,
        "title_words_w2": window(title_words, 2) / 5.0,
    }


def _matrix(
    verdicts: Sequence[Verdict],
    own: np.ndarray,
    groups: Sequence[Mapping[str, np.ndarray | float]],
    lexicon: Lexicon | None,
) -> np.ndarray:
    """The columns in ``FEATURES`` order, each group's put in its place one by one (no column is stacked or
    copied twice; the groups fill every column but the lexicon's, ``tests/test_features_steps.py``); the
    lexicon's columns last, NaN without a lexicon, 0.0 for a table's cells."""
    matrix = np.empty((len(verdicts), len(FEATURES)))
    matrix[:, : len(OWN)] = own
    for group in groups:
        for name, values in group.items():
            matrix[:, COLUMN[name]] = values
    if lexicon is None:
        matrix[:, -len(LEXICAL_COLUMNS) :] = np.nan
    else:
        cell_run = matrix[:, COLUMN["cell_run"]]
        matrix[:, -len(LEXICAL_COLUMNS) :] = without_cells(lexicon.columns([v.text for v in verdicts]), cell_run)
    return matrix
