"""Choose the text model's LightGBM hyper-parameters out of fold, on folds 0-3, with fold 4 held back.

    python bench/tune_text.py ../shared/bench --cache /tmp/tune            # every setting of GRID
    python bench/tune_text.py ../shared/bench --cache /tmp/tune --settings regular --two-stage \
        --rounds 200 --folds 0,1,2,3,4                                        # both stages, fold 4 apart

``bench/train_text.py`` trains both stages with ``PARAMS`` and ``ROUNDS``.  This script compares a
small, fixed grid of alternatives (``GRID``, written before any was measured) the way
``bench/cv_stages.py`` compares second-stage variants, but for the training settings:

* for each setting and each held-out fold, the first stage is trained on the other four folds (the
  bench pages in every kind and the template-site pages, ``train_text``'s rows and weights, the lexical
  columns cross-fitted as ``cv_stages.lexical_rows`` gives them) and
  scores the held-out fold; a setting trained for ``rounds`` is also read at the fewer rounds of
  its ``checkpoints`` (boosting adds trees one by one, so the first k trees are the k-round model);
* the decision is simulated from the first stage's scores alone (``cv_stages.keep``: the dump
  tests, the cut, the edges, the prose guard), and scored per (benchmark, kind) with the
  benchmark's own metrics, next to the weighted log loss of the held-out open blocks;
* the choice criterion, fixed in advance: the mean of the ten F1 cells (aeb and tfeval, five kinds)
  on folds 0-3 less 0.01 per lost aeb article (``bench/cv_guard.py``'s criterion).

With ``--two-stage`` both stages are simulated for a setting (the first stage also cross-fitted over
each pair of folds, ten more fits, the second stage trained on those scores with the same setting, as
``bench/train_text.py`` does): the way to compare the chosen setting with the shipped one on folds
0-3 and to confirm it once on fold 4, printed apart, before a ``bench/cv_text.py`` run.  The rows are
cached in ``--cache`` (``docs.pkl``) and so are each setting's first-stage scores
(``<setting>-fold<f>.pkl``, ``<setting>-pair<fg>-<rounds>.pkl``); training data changes need a fresh
folder.  Nothing here changes the shipped model.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from pathlib import Path

import lightgbm
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cv_guard import LOST_COST  # noqa: E402
from bench.cv_stages import FOLDS, HELD_BACK, _stack, corpus_of, lexical_rows, load, report  # noqa: E402
from bench.train_text import PARAMS, ROUNDS, _fit  # noqa: E402
from cleaner.layout.textmodel import second_stage  # noqa: E402

# name: (changes to PARAMS, rounds trained, rounds read); one factor at a time around the shipped setting
GRID: dict[str, tuple[dict[str, float], int, tuple[int, ...]]] = {
    "shipped": ({}, 400, (ROUNDS, 400)),
    "leaves63": ({"num_leaves": 63}, 400, (200, 400)),
    "leaves15": ({"num_leaves": 15}, 400, (200, 400)),
    "regular": ({"min_data_in_leaf": 200, "lambda_l2": 10.0}, 400, (200, 400)),
    "features50": ({"feature_fraction": 0.5}, 200, (200,)),
    # not a LightGBM parameter: extractor output weighs twice a page dump's document (the brief's third idea)
    "extracted2": ({"extracted_weight": 2.0}, 200, (200,)),
}
EXTRACTED = ("trafilatura", "readability")
CHOOSING = tuple(fold for fold in range(FOLDS) if fold != HELD_BACK)  # folds 0-3


def fit(changes: dict[str, float], rounds: int, docs: list[dict], columns: list[np.ndarray]) -> lightgbm.Booster:
    """``train_text``'s fit with the setting's changes; ``extracted_weight`` (not LightGBM's) scales the
    weight of the extractor-output documents (trafilatura, readability) against the page dumps'."""
    params = {**PARAMS, **changes}
    scale = params.pop("extracted_weight", 1.0)
    rows, labels, weights = _stack(docs, columns)
    if scale != 1.0:
        factor = np.concatenate([np.full(int(d["open"].sum()), scale if d["kind"] in EXTRACTED else 1.0) for d in docs])
        weights = weights * factor
    return _fit(params, rounds, rows, labels, weights)


def cached_docs(bench_dir: Path, cache: Path) -> list[dict]:
    path = cache / "docs.pkl"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    docs = load(bench_dir)
    path.write_bytes(pickle.dumps(docs, protocol=5))
    return docs


def fold_scores(docs: list[dict], name: str, fold: int, cache: Path) -> dict[int, list[np.ndarray]]:
    """The held-out fold's first-stage scores under setting ``name``, per checkpoint (rounds)."""
    path = cache / f"{name}-fold{fold}.pkl"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    changes, rounds, checkpoints = GRID[name]
    rows = lexical_rows(docs, corpus_of(docs), {fold})
    inside = [i for i, d in enumerate(docs) if d["fold"] != fold]
    model = fit(changes, rounds, [docs[i] for i in inside], [rows[i] for i in inside])
    held = [i for i, d in enumerate(docs) if d["fold"] == fold]
    out = {k: [model.predict(rows[i], num_iteration=k, num_threads=1) for i in held] for k in checkpoints}
    path.write_bytes(pickle.dumps(out, protocol=5))
    return out


def pair_scores(
    docs: list[dict], name: str, pair: tuple[int, int], cache: Path, checkpoints: tuple[int, ...]
) -> dict[int, dict[int, np.ndarray]]:
    """The first stage trained without both folds of ``pair``, scoring their documents (the cross-fitted
    scores a second stage learns from, as ``cv_stages.first_stage``), per checkpoint and document index;
    trained only as far as the last checkpoint asked for (the first k trees are the k-round model)."""
    rounds = max(checkpoints)
    path = cache / f"{name}-pair{pair[0]}{pair[1]}-{rounds}.pkl"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    changes = GRID[name][0]
    rows = lexical_rows(docs, corpus_of(docs), pair)
    inside = [i for i, d in enumerate(docs) if d["fold"] not in pair]
    model = fit(changes, rounds, [docs[i] for i in inside], [rows[i] for i in inside])
    held = [i for i, d in enumerate(docs) if d["fold"] in pair]
    out = {k: {i: model.predict(rows[i], num_iteration=k, num_threads=1) for i in held} for k in checkpoints}
    path.write_bytes(pickle.dumps(out, protocol=5))
    return out


def two_stage(
    docs: list[dict], name: str, folds: list[int], cache: Path, only: set[int] | None = None
) -> dict[int, list[np.ndarray]]:
    """Held-out scores of both stages under setting ``name`` (the second stage with the same parameters and
    rounds, trained on cross-fitted first-stage scores as ``bench/train_text.py`` does), per checkpoint
    (``only``: those checkpoints alone)."""
    changes, _, checkpoints = GRID[name]
    checkpoints = tuple(k for k in checkpoints if only is None or k in only)
    every = itertools.combinations(range(FOLDS), 2)
    pairs = {pair: pair_scores(docs, name, pair, cache, checkpoints) for pair in every}
    out = {k: [np.zeros(len(d["rows"])) for d in docs] for k in checkpoints}
    for fold in folds:
        held = fold_scores(docs, name, fold, cache)
        rows = lexical_rows(docs, corpus_of(docs), {fold})
        held_index = [i for i, d in enumerate(docs) if d["fold"] == fold]
        inside = [i for i, d in enumerate(docs) if d["fold"] != fold]
        for k in checkpoints:
            columns = [second_stage(rows[i], pairs[tuple(sorted((fold, docs[i]["fold"])))][k][i]) for i in inside]
            model = fit(changes, k, [docs[i] for i in inside], columns)
            for i, first in zip(held_index, held[k], strict=True):
                out[k][i] = model.predict(second_stage(rows[i], first), num_threads=1)
        print(f"{name}: second stage for fold {fold}", file=sys.stderr, flush=True)
    return out


def first_only(docs: list[dict], name: str, folds: list[int], cache: Path) -> dict[int, list[np.ndarray]]:
    """Held-out first-stage scores of every document in ``folds`` under setting ``name``, per checkpoint."""
    out = {k: [np.zeros(len(d["rows"])) for d in docs] for k in GRID[name][2]}
    for fold in folds:
        held = [i for i, d in enumerate(docs) if d["fold"] == fold]
        for k, scores in fold_scores(docs, name, fold, cache).items():
            for i, s in zip(held, scores, strict=True):
                out[k][i] = s
    return out


def log_loss(docs: list[dict], scores: list[np.ndarray], chosen: list[int]) -> float:
    """Weighted log loss over the chosen documents' open blocks (train_text's weights)."""
    total = weight = 0.0
    for i in chosen:
        mask = docs[i]["open"]
        p = np.clip(scores[i][mask], 1e-6, 1 - 1e-6)
        y, w = docs[i]["labels"][mask], docs[i]["weights"][mask]
        total += float(np.sum(-w * (y * np.log(p) + (1 - y) * np.log(1 - p))))
        weight += float(np.sum(w))
    return total / weight if weight else 0.0


def criterion(table: str) -> float:
    """Mean F1 of the cells less LOST_COST per lost article (``cv_stages.report``'s lines)."""
    values, lost = [], 0
    for line in table.splitlines():
        parts = line.split()
        values.append(float(parts[2]))
        lost += int(parts[4]) if len(parts) > 4 else 0
    return float(np.mean(values)) - LOST_COST * lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("--cache", type=Path, required=True, help="the rows and each setting's scores, kept here")
    parser.add_argument("--folds", default=",".join(map(str, CHOOSING)), help="held-out folds to score")
    parser.add_argument("--settings", default=",".join(GRID), help=f"comma-separated, from {', '.join(GRID)}")
    parser.add_argument("--two-stage", action="store_true", help="both stages (fifteen first-stage fits a setting)")
    parser.add_argument("--rounds", help="with --two-stage: only these checkpoints (comma-separated)")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    docs = cached_docs(args.bench_dir, args.cache)
    folds = [int(f) for f in args.folds.split(",")]
    for name in args.settings.split(","):
        if args.two_stage:
            only = {int(k) for k in args.rounds.split(",")} if args.rounds else None
            per_rounds = two_stage(docs, name, folds, args.cache, only)
        else:
            per_rounds = first_only(docs, name, folds, args.cache)
        split = ([f for f in folds if f in CHOOSING], [f for f in folds if f not in CHOOSING])
        groups = [group for group in split if group]
        for rounds, scores in per_rounds.items():
            for group in groups:  # folds 0-3 (choosing) apart from the fold held back
                chosen = [i for i, d in enumerate(docs) if d["fold"] in group]
                table = report(args.bench_dir, docs, scores, set(group))
                loss = log_loss(docs, scores, chosen)
                stages = "both stages" if args.two_stage else "first stage"
                figures = f"criterion {criterion(table):.4f} loss {loss:.4f}"
                print(f"== {name} {stages} rounds {rounds} folds {group}: {figures}")
                print(table, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
