"""bench/cv_crossbench.py: which pages each direction trains on and tests on, and the fixed variants.

Cheap checks of the pure pieces, no training run: each benchmark is trained on once and tested on once by the
model of the other; a direction's test pages are all of the tested benchmark and none of the other; the
template-site corpus made for one benchmark draws templates and donor articles from its pages alone; the
``shipped`` variant is ``train_text.py``'s setting exactly, and ``nolex`` learns an empty lexicon.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

import numpy as np

from bench import cv_crossbench, cv_text, make_sites
from bench.sitedata import of_benches
from bench.textlexicon import LexicalCorpus, Source
from bench.textvariants import VARIANTS
from bench.train_text import PARAMS, Rows, lexical_corpus

ASSIGNMENT = {
    "aeb": {"a2": {"fold": 1, "site": "x.com"}, "a1": {"fold": 0, "site": "y.com"}},
    "tfeval": {"t1": {"fold": 0, "site": "z.de"}, "t2": {"fold": 2, "site": "x.com"}},
}


def test_each_benchmark_is_trained_on_once_and_tested_on_by_the_other() -> None:
    directions = cv_crossbench.DIRECTIONS
    assert sorted(train for train, _ in directions) == sorted(test for _, test in directions) == ["aeb", "tfeval"]
    assert all(train != test for train, test in directions)


def test_a_direction_tests_every_page_of_the_other_benchmark_and_no_other() -> None:
    assert cv_crossbench.tested_pages(ASSIGNMENT, "aeb") == [("aeb", "a1"), ("aeb", "a2")]
    assert cv_crossbench.tested_pages(ASSIGNMENT, "tfeval") == [("tfeval", "t1"), ("tfeval", "t2")]


def test_fold_pages_are_the_folds_pages_of_both_benchmarks_in_order(tmp_path: Path) -> None:
    (tmp_path / "folds.json").write_text(json.dumps(ASSIGNMENT), encoding="utf-8")
    assert cv_text.fold_pages(tmp_path, 0) == [("aeb", "a1"), ("tfeval", "t1")]
    assert cv_text.fold_pages(tmp_path, 3) == []


def _rows(bench: str, page: str) -> Rows:
    empty = np.zeros(0)
    return Rows(bench, page, "bs4", 0, np.zeros((0, 1)), empty.astype(bool), empty, empty)


def test_a_cross_model_learns_from_its_own_benchmarks_bench_rows_alone() -> None:
    items = [_rows("aeb", "a1"), _rows("tfeval", "t1"), _rows("sites", "s/p000.txt"), _rows("aeb", "a2")]
    assert [item.page for item in cv_crossbench.of_bench(items, "aeb")] == ["a1", "a2"]
    assert [item.page for item in cv_crossbench.of_bench(items, "tfeval")] == ["t1"]


def _source(bench: str, page: str, site: str) -> make_sites.Source:
    body = [f"Article line {n} of {page} " + "with many ordinary words in it " * 3 for n in range(8)]
    lines = [f"menu {n}" for n in range(10)] + body + [f"footer {n}" for n in range(10)]
    article = [False] * 10 + [True] * 8 + [False] * 10
    return make_sites.Source(
        bench, page, "bs4", 0, site, "en", tuple(lines), tuple(article), (10, 18), (), "", "",
    )  # fmt: skip


def test_the_site_corpus_of_one_benchmark_draws_only_on_its_pages() -> None:
    sources = [_source(bench, f"{bench}{n}", f"{bench}-site{n}.com") for n in range(12) for bench in ("aeb", "tfeval")]
    kept = of_benches(sources, ("aeb",))
    assert {source.bench for source in kept} == {"aeb"} and len(kept) == 12
    assert of_benches(sources, ("aeb", "tfeval")) == sources  # both: the corpus the shipped model learns from
    plan = make_sites.plan(kept, argparse.Namespace(seed="1", regular=4, redesign=1, small=2, single=3))
    assert plan
    for _, _, templates, pool in plan:
        assert {source.bench for source in [*templates, *pool]} == {"aeb"}


def test_the_shipped_variant_is_train_texts_setting_exactly() -> None:
    assert VARIANTS["shipped"].params == PARAMS and VARIANTS["shipped"].lexical
    assert not VARIANTS["nolex"].lexical and VARIANTS["nolex"].params == PARAMS
    assert set(VARIANTS["regular"].changes) <= set(PARAMS)


def test_without_lexical_columns_the_lexicon_is_empty_and_every_column_zero() -> None:
    texts = ("Share this", "An article sentence with words", "Subscribe now")
    labels, every = np.array([0.0, 1.0, 0.0]), np.ones(3, dtype=bool)
    items = [
        Rows("aeb", f"p{f}{s}", "bs4", f, np.zeros((3, 1)), every, labels, np.ones(3), f"site{f}-{s}", texts)
        for f in range(5)
        for s in range(3)
    ]
    corpus = lexical_corpus(items, lexical=False)
    assert corpus.min_sites == math.inf and not corpus.lexicon().weights
    assert all(not columns.any() for columns in corpus.columns())
    sources = [Source(i.bench, i.site, i.fold, i.texts, i.open, i.labels, i.weights) for i in items]
    assert LexicalCorpus(sources, min_sites=2).lexicon().weights  # the same rows teach a lexicon with it


def test_a_site_whose_pool_holds_no_other_site_has_no_pages() -> None:
    lone = [_source("aeb", f"a{n}", "one-site.com") for n in range(3)]
    rng = random.Random("1")
    assert make_sites.build_site("regular", lone[:1], lone, 12, ["Alex Example"], rng) == []
