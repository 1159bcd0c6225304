"""The text model's lexicon: tokens, columns, the data file, and the cross-fitting that keeps a row's site out."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from cleaner.layout.features import FEATURES, features
from cleaner.layout.lexical import COLUMNS, Lexicon, covered, dump_lexicon, lexicon_path, parse_lexicon, tokens
from cleaner.layout.textstages import load_text_model
from cleaner.model import Block, Verdict
from cleaner.text.language import stoplist

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import textlexicon  # noqa: E402
from bench.textlexicon import LexicalCorpus, Source  # noqa: E402

TEXTS = ("Share this on Facebook", "The minister said the budget would rise by 3%", "Subscribe to our newsletter")


def test_tokens_are_distinct_lower_case_words_of_letters() -> None:
    assert tokens("Read more: Read MORE, 2024 a-b über") == ("more", "read", "über")


def test_columns_are_the_mean_weight_of_known_tokens_and_of_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cleaner.layout.lexical.MIN_COVERAGE", 0.0)  # a few known words: the columns alone
    lexicon = Lexicon({"share": -2.0, "facebook": -1.0, "said": 1.0})
    columns = lexicon.columns([*TEXTS, "nothing known"])
    assert columns[:, 0].tolist() == [-1.5, 1.0, 0.0, 0.0]
    assert columns[0, 1] == pytest.approx(-2.0 / 3)  # three known tokens within two blocks of the first
    assert columns[3, 1] == pytest.approx(1.0)


def test_the_data_file_reads_back_and_sits_beside_the_model_file() -> None:
    lexicon = Lexicon({"cookie": -3.5, "said": 2.25})
    assert parse_lexicon(dump_lexicon(lexicon), "x").weights == lexicon.weights
    assert lexicon_path(Path("/m/model-fold0.txt")) == Path("/m/model-fold0.lexicon.txt")
    with pytest.raises(ValueError, match="x:1"):
        parse_lexicon("cookie\tmany\n", "x")


def test_the_shipped_model_comes_with_a_small_lexicon() -> None:
    model = load_text_model()
    assert model.lexicon is not None and 1000 < len(model.lexicon.weights) < 20000
    path = ROOT / "cleaner" / "layout" / lexicon_path(Path("text_model.txt")).name
    assert path.stat().st_size < 1_000_000
    assert model.lexicon.weights["subscribe"] < 0 < model.lexicon.weights["said"]


def test_features_hold_the_lexical_columns_or_nan_without_a_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cleaner.layout.lexical.MIN_COVERAGE", 0.0)  # a few known words: the columns alone
    verdicts = [Verdict(Block(i, text)) for i, text in enumerate(TEXTS)]
    lexicon = Lexicon({"share": -2.0})
    where = [FEATURES.index(name) for name in COLUMNS]
    assert np.isnan(features(verdicts, stoplist("en"))[:, where]).all()
    assert features(verdicts, stoplist("en"), lexicon=lexicon)[0, where[0]] == -2.0


def _sources(folds: int = 5, sites: int = 3) -> list[Source]:
    labels, every = np.array([0.0, 1.0, 0.0]), np.ones(3, dtype=bool)
    return [
        Source("aeb", f"site{f}-{s}", f, TEXTS, every, labels, np.ones(3)) for f in range(folds) for s in range(sites)
    ]


def test_cross_fitted_columns_come_from_a_lexicon_without_the_rows_fold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textlexicon, "MIN_SITES", 2)
    sources = _sources()
    for position in range(3):  # fold 0's sites alone call their furniture "zebra"
        sources[position] = replace(sources[position], texts=("Zebra", *TEXTS[1:]))
    corpus = LexicalCorpus(sources)
    assert corpus.lexicon().weights["zebra"] < 0
    assert "zebra" not in corpus.lexicon({0}).weights
    own = corpus.columns()  # the rows a model learns from: their fold's sites never weigh their words
    assert own[0][0, 0] == 0.0
    assert np.array_equal(own[0], corpus.lexicon({0}).columns(sources[0].texts))
    held = corpus.columns({1})  # a fit without fold 1: its rows are scored by the other folds' lexicon
    assert np.array_equal(held[3], corpus.lexicon({1}).columns(sources[3].texts))
    assert np.array_equal(held[0], corpus.lexicon({0, 1}).columns(sources[0].texts))


def test_a_token_on_few_training_sites_has_no_weight(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textlexicon, "MIN_SITES", 4)
    sources = _sources(folds=2, sites=2)  # every token on four sites
    sources[0] = replace(sources[0], texts=("Zebra", *TEXTS[1:]))
    weights = LexicalCorpus(sources).lexicon().weights
    assert "zebra" not in weights and "share" not in weights and weights["subscribe"] < 0 < weights["said"]


def test_a_tables_cells_carry_no_lexical_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cleaner.layout.lexical.MIN_COVERAGE", 0.0)  # a few known words: the columns alone
    names = ("Garrett", "Thomas", "Richardson", "Smith", "Lawrence", "Ankou")
    lines = [cell for i, name in enumerate(names) for cell in (name, str(60 - i), f"{80 - i}%")]
    long = " and more words, enough of them to be no cell of any table at all."
    edges = [TEXTS[0] + long, TEXTS[2] + long]
    verdicts = [Verdict(Block(i, text)) for i, text in enumerate([edges[0], *lines, edges[1]])]
    rows = features(verdicts, stoplist("en"), lexicon=Lexicon({"share": -2.0, "garrett": -1.0, "subscribe": -3.0}))
    cells = rows[:, FEATURES.index("cell_run")] > 0
    assert cells[1:-1].all() and not cells[0] and not cells[-1]
    where = [FEATURES.index(name) for name in COLUMNS]
    assert (rows[cells][:, where] == 0.0).all() and rows[0, where[0]] == -2.0 and rows[-1, where[0]] == -3.0
    assert np.array_equal(
        textlexicon.filled(rows, np.full((len(rows), 2), 5.0))[cells][:, where], rows[cells][:, where]
    )


def test_a_block_read_again_gets_the_same_columns_from_the_kept_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = Lexicon({"share": -2.0, "minister": 1.5, "budget": 1.0, "subscribe": -3.0})
    fresh = Lexicon(dict(lexicon.weights)).columns(TEXTS)
    assert np.array_equal(lexicon.columns(TEXTS), fresh)
    assert set(lexicon._blocks) == set(TEXTS)
    assert np.array_equal(lexicon.columns(TEXTS), fresh)  # read again: from the kept weights, the same
    monkeypatch.setattr("cleaner.layout.lexical.MEMO", 2)
    assert np.array_equal(Lexicon(dict(lexicon.weights)).columns(TEXTS), fresh)  # emptied when full: the same


def test_a_page_the_lexicon_mostly_does_not_know_gets_no_lexical_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = Lexicon({"share": -2.0, "facebook": -1.0, "said": 1.0, "the": 0.5, "minister": 1.5})
    known = ["Share this on Facebook", "The minister said so"]  # 6 of 9 tokens known
    unknown = ["Teilen Sie dies auf Facebook", "Der Minister sagte, die Steuer steige"]  # 2 of 11
    monkeypatch.setattr("cleaner.layout.lexical.MIN_COVERAGE", 0.5)
    assert np.array_equal(lexicon.columns(known), Lexicon(dict(lexicon.weights)).columns(known))
    assert lexicon.columns(known)[0, 0] == -1.5
    assert (lexicon.columns(unknown) == 0.0).all() and lexicon.columns(unknown).shape == (2, 2)
    monkeypatch.setattr("cleaner.layout.lexical.MIN_COVERAGE", 0.0)  # the rule off: the known tokens' weights
    assert lexicon.columns(unknown)[0, 0] == -1.0 and lexicon.columns(unknown)[1, 0] == 1.5
    assert covered(1, 2, 0.5) and not covered(1, 3, 0.5) and covered(0, 0, 0.5)
