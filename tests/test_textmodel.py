"""The text classifier: its model file, its training, its guard, and idempotence on real dumps.

The shipped model must load and judge blocks; training must give the same model from the same
rows; the guard must keep a page's long run of prose whatever the model says; and cleaning the
cleaned text of real page dumps (a sample of ``../shared/bench``, skipped when it is absent)
must change nothing.  The model's quality is measured out of fold by ``bench/cv_text.py``, not here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.layout import textmodel
from cleaner.layout.features import FEATURES, features
from cleaner.layout.textmodel import (
    GUARD_RULE,
    RULE,
    ModelFileError,
    TextModel,
    classify_text,
    dump_model,
    load_text_model,
    parse_model,
)
from cleaner.model import Article, Block, Role, Verdict
from cleaner.text.language import stoplist
from cleaner.text.shape import shape_of

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
needs_bench = pytest.mark.skipif(not (BENCH / "folds.json").is_file(), reason="../shared/bench is not present")

PROSE = (
    "The council said on Tuesday that the new bridge over the river would open in the spring, "
    "after two years of work and a long argument about what it should cost the town."
)
MENU = ["World", "Business", "Politics", "Science", "Health", "Sport", "Culture", "Travel"]


def verdicts_of(lines: list[str]) -> list[Verdict]:
    return [Verdict(Block(index, line)) for index, line in enumerate(lines)]


def test_the_shipped_model_loads_and_scores_every_block() -> None:
    model = load_text_model()
    lines = [*MENU, PROSE, PROSE.replace("bridge", "road"), PROSE.replace("river", "railway"), *MENU]
    rows = features(verdicts_of(lines), stoplist("en"))
    assert rows.shape == (len(lines), len(FEATURES))
    scores = model.scores(rows)
    assert scores.shape == (len(lines),) and np.all((scores >= 0) & (scores <= 1))
    assert min(scores[8:11]) > max(scores[:8])  # the prose outscores the menu


LINE_TEXT = st.lists(
    st.sampled_from([*"abcXYZ éß'’-.,;:!?…\"»)]|•/@0129\t", "the", "and", "www.", "com", "Home"]), max_size=30
).map("".join)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(LINE_TEXT.filter(str.strip), min_size=1, max_size=6))
def test_feature_rows_measure_what_shape_measures(lines: list[str]) -> None:
    """The page-dump test reads blocks' shapes from the feature rows: the columns must be the shapes' values."""
    stopwords = stoplist("en")
    rows = features(verdicts_of(lines), stopwords)
    for row, line in zip(rows, lines, strict=True):
        shape = shape_of(line, stopwords)
        measured = {name: row[FEATURES.index(name)] for name in ("chars", "words", "stop_density", "ends_sentence")}
        assert measured == {
            "chars": shape.chars,
            "words": shape.words,
            "stop_density": shape.stopword_density,
            "ends_sentence": float(shape.ends_sentence),
        }


def test_a_judgement_is_remembered_for_the_same_question_only() -> None:
    """The output's reading asks the model what the settling pass asked; the answer is remembered, and only
    a question that agrees in everything the features and the cut read gets it (``textmodel._Page``)."""
    model, stopwords = load_text_model(), stoplist("en")
    lines = [*MENU, PROSE, PROSE.replace("bridge", "road"), PROSE.replace("river", "railway"), *MENU]
    textmodel._judged.cache_clear()
    first = textmodel._judged(textmodel._Page(model, verdicts_of(lines), stopwords, frozenset()))
    fresh = textmodel._judge(model, verdicts_of(lines), stopwords, frozenset())
    assert all(np.array_equal(one, other) for one, other in zip(first[1:], fresh, strict=True))
    # other tail rules, none of which removed a block: the same question
    same = textmodel._Page(model, verdicts_of(lines), stopwords, frozenset({"footer.rule"}))
    assert textmodel._judged(same) is first
    # a block a tail rule removed: another question, answered afresh
    tailed = verdicts_of(lines)
    tailed[0] = tailed[0].decide(Role.FURNITURE, rule="footer.rule", category="footer", layer="furniture")
    other = textmodel._judged(textmodel._Page(model, tailed, stopwords, frozenset({"footer.rule"})))
    assert other is not first and other[0] is not None and other[0][0, FEATURES.index("tail_marker")] == 1.0
    with pytest.raises(ValueError):
        first[1][0] = 0.5  # shared answers are read-only


def test_classifier_removals_carry_rule_and_score() -> None:
    lines = [*MENU, PROSE, PROSE.replace("bridge", "road"), PROSE.replace("river", "railway"), *MENU]
    article = clean("\n".join(lines), format="text")
    by_classifier = [removal for removal in article.removed if removal.rule == RULE]
    assert by_classifier and all(0.0 <= removal.score < load_text_model().threshold for removal in by_classifier)
    assert all(removal.score is None for removal in article.removed if removal.rule != RULE)
    assert article.to_dict()["removed"][0].keys() >= {"text", "rule", "category", "layer", "score"}


class Pessimist:
    """A model that takes everything for furniture: what the guard is for."""

    def __init__(self, model: TextModel) -> None:
        self.threshold = model.threshold
        self.lexicon = model.lexicon

    def scores(self, rows: np.ndarray, asked: np.ndarray | None = None) -> np.ndarray:
        return np.zeros(len(rows))


def test_the_guard_keeps_the_long_prose_run_the_model_would_drop() -> None:
    lines = [*MENU, *(PROSE.replace("bridge", word) for word in ("road", "school", "library", "park")), *MENU]
    marked = classify_text(verdicts_of(lines), stoplist("en"), model=Pessimist(load_text_model()))  # type: ignore[arg-type]
    kept = [verdict.text for verdict in marked if verdict.role is Role.BODY]
    assert kept == lines[8:12]
    assert {verdict.rule for verdict in marked[8:12]} == {GUARD_RULE}
    assert all(verdict.role is Role.FURNITURE for verdict in marked[:8] + marked[12:])


def test_a_file_that_is_no_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="not a text model file"):
        parse_model("hello", "bad.txt")
    header_only = dump_model(load_text_model().first, None, 0.5).replace('"features": [', '"features": ["other", ')
    with pytest.raises(ModelFileError, match="other features"):
        parse_model(header_only, "old.txt")
    with pytest.raises(ModelFileError, match="cannot read"):
        load_text_model(tmp_path / "missing.txt")


@needs_bench
def test_training_is_deterministic_on_a_small_sample() -> None:
    sys.path.insert(0, str(ROOT))
    from bench import train_text

    folds = json.loads((BENCH / "folds.json").read_text(encoding="utf-8"))["tfeval"]
    pages = {page for fold in (0, 1) for page in sorted(p for p, w in folds.items() if w["fold"] == fold)[:2]}
    items = train_text.load_rows(BENCH, kinds=("bs4",), benches=("tfeval",), pages=pages)
    assert len(items) == 4
    params = {**train_text.PARAMS, "min_data_in_leaf": 5}
    first = [dump_model(*train_text.train(items, params, rounds=10)[:2], 0.5) for _ in range(2)]
    assert first[0] == first[1]
    assert textmodel.parse_model(first[0], "sample").second is not None


def bench_dumps() -> list[Path]:
    folders = [BENCH / "data" / "text" / bench / kind for bench in ("aeb", "tfeval") for kind in ("bs4", "inscriptis")]
    return sorted(path for folder in folders for path in folder.glob("*.txt"))


def cleaned_twice(path: Path) -> tuple[Article, Article | None]:
    first = clean(path.read_bytes(), format="text")
    return first, clean(first.text, format="text") if first.text.strip() else None  # nothing left: nothing to clean


@needs_bench
@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_cleaning_a_cleaned_bench_dump_changes_nothing(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(bench_dumps()))
    first, second = cleaned_twice(path)
    if second is None:
        return
    assert second.removed == (), path.name
    kept = [*filter(None, (second.title, second.subtitle)), *(block.text for block in second.blocks)]
    assert " ".join(kept).split() == first.text.split(), path.name


@needs_bench
@pytest.mark.parametrize("page", ["tfd7c3a706e541", "tf61201bc9e4d7"])
def test_second_cleaning_without_the_title_line_removes_nothing(page: str) -> None:
    """Once failing: a kept line the title readers took afterwards was missing from the second reading."""
    _, second = cleaned_twice(BENCH / "data" / "text" / "tfeval" / "inscriptis" / f"{page}.txt")
    assert second is not None and second.removed == ()


def test_text_an_extractor_reduced_is_kept_whole() -> None:
    paragraphs = [PROSE.replace("bridge", word) for word in ("road", "school", "library", "park", "harbour")]
    article = clean("\n\n".join(["Short list of changes", *paragraphs, "Fewer delays"]), format="text")
    assert [removal for removal in article.removed if removal.layer == "classify"] == []
    assert [block.text for block in article.blocks][-6:] == [*paragraphs, "Fewer delays"]
