"""The metadata chooser: its candidates, its model file, and what it may take out of the body."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.lexicon import day_first
from cleaner.metadata.candidatepage import Page
from cleaner.metadata.candidates import FEATURES, FIELDS, candidates
from cleaner.metadata.choice import MODEL_FILE, ModelFileError, load_model, parse_model
from cleaner.metadata.titlecandidates import _in_article, title_candidates
from cleaner.model import Block, Role, Verdict
from cleaner.pipeline import decide_blocks, read_document

PROSE = (
    "Die Gemeinde hat am Dienstag beschlossen, dass die Nachtbusse wieder fahren, und die Linie wird von "
    "der Innenstadt bis zum Bahnhof verlängert, damit auch die Pendler aus den Dörfern etwas davon haben."
)
MENU = "\n".join(["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Region", "Kontakt", "Impressum"])


def _options(text: str) -> dict:
    decided = decide_blocks(read_document(text, format="text"), DEFAULT_CONFIG)
    return candidates(decided.verdicts, decided.found, day_first=day_first(decided.language))


def test_the_shipped_model_has_every_field_with_its_features() -> None:
    model = load_model()
    for field in FIELDS:
        assert model.fields[field].boosters[0].num_feature() == len(FEATURES[field])
    # the date's and the title's models rank a page's candidates (the best is always taken); the authors'
    # gives probabilities
    assert model.fields["date"].threshold == -math.inf
    assert model.fields["title"].threshold == -math.inf
    assert 0.0 < model.fields["authors"].threshold < 1.0


def test_a_model_for_other_features_is_refused_with_the_file_named(tmp_path: Path) -> None:
    shipped = json.loads((Path(__file__).parent.parent / "cleaner" / "metadata" / MODEL_FILE).read_text())
    shipped["date"]["features"] = shipped["date"]["features"][:-1]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(shipped), encoding="utf-8")
    with pytest.raises(ModelFileError, match=r"model\.json: the date model was trained on other features"):
        load_model(path)


@pytest.mark.parametrize("text", ["", "not json", "{}", '{"title": {"features": []}}'])
def test_a_malformed_model_file_is_a_clear_error(text: str) -> None:
    with pytest.raises(ModelFileError, match=r"broken\.json"):
        parse_model(text, "broken.json")


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="cannot read the metadata model"):
        clean("Ein Titel\n" + PROSE, format="text", config=Config(metadata_model=tmp_path / "none.json"))


def test_a_date_labelled_as_an_update_is_no_publication_candidate() -> None:
    options = _options(f"{MENU}\nNachtbusse fahren wieder\nAktualisiert am 07.02.2024, 16:05 Uhr\n{PROSE}\n{PROSE}")
    assert "2024-02-07T16:05:00" not in [candidate.value for candidate in options["date"][0]]
    article = clean(f"{MENU}\nNachtbusse fahren wieder\nAktualisiert am 07.02.2024, 16:05 Uhr\n{PROSE}\n{PROSE}")
    assert (article.published, article.updated) == (None, "2024-02-07T16:05:00")


def test_a_date_stated_in_a_line_naming_the_publication_is_labelled_published() -> None:
    options = _options(f"{MENU}\nNachtbusse fahren wieder\nDieser Beitrag wurde am 04.02.2020 veröffentlicht\n{PROSE}")
    stated = {c.value: c.label for c in options["date"][0] if c.source == "mention"}
    assert stated == {"2020-02-04": "published"}
    options = _options(f"{MENU}\nNachtbusse fahren wieder\n04.02.2020 Allgemein\n{PROSE}")
    assert {c.value: c.label for c in options["date"][0] if c.source == "mention"} == {"2020-02-04": ""}


@pytest.mark.xfail(
    strict=True,
    reason="the text model rebuilt on 8 December 2026 (the Chinese and Korean bylines moved 9 documents' rows) does "
    "not offer the signing name on this made-up page with eight prose lines (with six it does): a retraining's move "
    "on one text; out of fold the authors are 0.581 / 0.577 / 0.573 (docs/benchmarks.md note 7)",
)
def test_a_name_signing_the_article_at_its_end_is_an_author_candidate() -> None:
    body = "\n".join([PROSE] * 8)  # the name stands after the lines near the article's start
    options = _options(f"Nachtbusse fahren wieder | Stadtanzeiger\n{MENU}\n{body}\nAnna Weber\n{MENU}")
    signed = [c for c in options["authors"][0] if c.value == ("Anna Weber",)]
    assert [c.source for c in signed] == ["names"]
    far = "\n".join(f"Teaser {n}" for n in range(12))
    options = _options(f"Nachtbusse fahren wieder | Stadtanzeiger\n{MENU}\n{body}\n{far}\nAnna Weber\n{MENU}")
    assert [c for c in options["authors"][0] if c.value == ("Anna Weber",)] == []


def test_text_that_is_all_body_offers_no_title_or_name_line() -> None:
    options = _options(f"{PROSE}\nAnna Weber\n{PROSE}\n{PROSE}")
    assert options["title"][0] == []
    assert [c for c in options["authors"][0] if c.source == "names"] == []


def test_every_candidate_has_a_full_feature_row() -> None:
    text = f"Nachtbusse fahren wieder | Stadtanzeiger\n{MENU}\nNachtbusse fahren wieder\nVon Anna Weber\n12.12.2019\n"
    options = _options(text + f"{PROSE}\n{PROSE}")
    for field in FIELDS:
        items, rows = options[field]
        assert items, field
        assert all(len(row) == len(FEATURES[field]) for row in rows)


def _column(options: dict, field: str, name: str, value: object) -> list[float]:
    """The ``name`` feature of the field's candidates whose value is ``value``."""
    items, rows = options[field]
    index = FEATURES[field].index(name)
    return [row[index] for item, row in zip(items, rows, strict=True) if item.value == value]


def test_a_title_line_that_a_breadcrumb_ends_with_is_counted_as_quoted() -> None:
    headline = "Nachtbusse fahren wieder"
    text = f"{MENU}\nStartseite » Region » {headline}\nTeilen: {headline}\n{headline}\nVon Anna Weber\n{PROSE}\n{PROSE}"
    assert _column(_options(text), "title", "quoted", headline) == [2]
    assert _column(_options(f"{MENU}\n{headline}\nVon Anna Weber\n{PROSE}\n{PROSE}"), "title", "quoted", headline) == [
        0
    ]


def test_the_headline_echoing_the_first_line_is_the_title_and_the_byline_under_it_the_author() -> None:
    text = (
        f"Nachtbusse fahren wieder in die Stadtteile | Stadtanzeiger\n{MENU}\n"
        f"Nachtbusse fahren wieder in die Stadtteile\nVon Anna Weber\n12.12.2019\n{PROSE}\n{PROSE}\n{MENU}"
    )
    article = clean(text, format="text")
    assert (article.title, article.authors, article.published) == (
        "Nachtbusse fahren wieder in die Stadtteile",
        ("Anna Weber",),
        "2019-12-12",
    )


BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
needs_bench = pytest.mark.skipif(not (BENCH / "score.py").is_file(), reason="../shared/bench is not present")


@needs_bench
def test_training_is_deterministic_and_labels_follow_the_scorer() -> None:
    from bench.metadata_data import build, folds_of
    from bench.train_metadata import model_text

    pages = set(sorted(folds_of(BENCH))[:12])
    data = build(BENCH, kinds=("bs4",), pages=pages)
    assert {doc[0] for doc in data.documents} <= pages
    assert any(data.rows["title"].labels) and any(data.rows["date"].labels)
    folds = {doc[2] for doc in data.documents}
    first, second = model_text(data, folds), model_text(data, folds)
    assert first == second
    assert json.loads(first)["date"]["features"] == list(FEATURES["date"])
    # the authors' score is the mean of five models of different seeds; the ranked fields have one
    assert len(json.loads(first)["authors"]["model"]) == 5
    assert len(set(json.loads(first)["authors"]["model"])) == 5
    assert isinstance(json.loads(first)["title"]["model"], str)


@needs_bench
def test_offline_rows_from_cached_verdicts_equal_the_pipeline_rows() -> None:
    from bench.cv_metadata_offline import rows_of
    from bench.metadata_data import build, folds_of, gold_of, input_text, wanted_fields

    pages = set(sorted(folds_of(BENCH))[:6])
    gold, folds = gold_of(BENCH), folds_of(BENCH)
    decided = []
    for page in sorted(pages & set(gold)):
        found = decide_blocks(read_document(input_text(BENCH, "bs4", page), format="text"), DEFAULT_CONFIG)
        first = day_first(found.language)
        decided.append((page, "bs4", folds[page], wanted_fields(gold[page]), found.verdicts, found.found, first))
    offline, direct = rows_of(BENCH, decided), build(BENCH, kinds=("bs4",), pages=pages)
    assert offline.documents == direct.documents
    assert all(offline.rows[name] == direct.rows[name] for name in FIELDS)
    assert any(offline.rows["title"].labels)


def test_a_headline_is_told_apart_by_the_words_its_article_uses() -> None:
    headline, other = "Nachtbusse fahren wieder", "Sonderangebote im Kaufhaus entdecken"
    options = _options(f"{MENU}\n{other}\n{headline}\nVon Anna Weber\n{PROSE}\n{PROSE}")
    assert _column(options, "title", "in_article", headline) == [1.0]
    assert _column(options, "title", "content_words", headline) == [3]
    assert _column(options, "title", "in_article", other) == [0.0]


def test_a_body_line_counts_only_the_other_body_lines_words() -> None:
    page = Page([_verdict(0, "Nachtbusse fahren", Role.BODY), _verdict(1, PROSE, Role.BODY)])
    assert _in_article(page, 0, "Nachtbusse fahren") == (1.0, 2)
    alone = Page([_verdict(0, "Nachtbusse fahren", Role.BODY), _verdict(1, "Kontakt", Role.FURNITURE)])
    assert _in_article(alone, 0, "Nachtbusse fahren") == (0.0, 2)
    assert _in_article(alone, 0, "Ein Tag") == (-1.0, 0)  # no word of four letters


def test_a_headline_kept_as_body_over_a_byline_is_a_title_candidate_below_a_menu_sentence() -> None:
    # The classifier kept the page's head as body: its first sentence is a notice, not the article's.
    lines = [
        (PROSE, Role.BODY),
        ("Weitere Nachrichten", Role.BODY),
        (PROSE, Role.BODY),
        (PROSE, Role.BODY),
        ("Startseite", Role.FURNITURE),
        ("Nachtbusse fahren wieder", Role.BODY),
        ("Von Anna Weber", Role.BYLINE),
        (PROSE, Role.BODY),
    ]
    page = Page([_verdict(index, text, role) for index, (text, role) in enumerate(lines)])
    found = [candidate.value for candidate in title_candidates(page)]
    assert "Nachtbusse fahren wieder" in found
    assert "Weitere Nachrichten" not in found  # headline-shaped, below the first sentence, over no byline


def _verdict(index: int, text: str, role: Role) -> Verdict:
    return Verdict(Block(index=index, text=text), role=role, layer="classify")


SHIPPED = Path(__file__).resolve().parent.parent / "cleaner" / "metadata" / MODEL_FILE


def _booster_text(seed: int, features: int) -> str:
    """A small real LightGBM model of ``features`` columns, made up from random rows."""
    import lightgbm
    import numpy as np

    generator = np.random.default_rng(seed)
    rows = generator.normal(size=(200, features))
    labels = (rows[:, 0] + generator.normal(scale=0.5, size=200) > 0).astype(float)
    params = {"objective": "binary", "num_leaves": 4, "min_data_in_leaf": 5, "verbosity": -1, "seed": seed}
    return lightgbm.train(params, lightgbm.Dataset(rows, labels), num_boost_round=5).model_to_string()


def test_a_field_of_several_models_scores_each_candidate_by_their_mean() -> None:
    import lightgbm
    import numpy as np

    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    width = len(FEATURES["authors"])
    texts = [_booster_text(seed, width) for seed in range(3)]
    shipped["authors"] = {"features": list(FEATURES["authors"]), "threshold": 0.3, "model": texts}
    model = parse_model(json.dumps(shipped), "bagged.json")
    rows = np.random.default_rng(7).normal(size=(9, width))
    expected = np.mean([lightgbm.Booster(model_str=text).predict(rows) for text in texts], axis=0)
    assert len(model.fields["authors"].boosters) == 3
    assert np.allclose(model.scores("authors", rows.tolist()), expected)
    assert len(model.fields["date"].boosters) == 1  # a field of one model, as files before bagging write it


def test_a_field_with_an_empty_list_of_models_is_a_clear_error() -> None:
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    shipped["authors"]["model"] = []
    with pytest.raises(ModelFileError, match=r"empty\.json: not a metadata model file"):
        parse_model(json.dumps(shipped), "empty.json")
