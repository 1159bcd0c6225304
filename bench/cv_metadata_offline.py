"""Out-of-fold figures of the metadata chooser in about a minute: rows built once, fold models scoring them.

    python bench/cv_metadata_offline.py ../shared/bench --text-models MODELS --cache /tmp/decided.pkl
    python bench/cv_metadata_offline.py ../shared/bench --text-models MODELS --cache /tmp/decided.pkl --seeds 0,1

``bench/cv_metadata.py`` runs the whole pipeline for every fold (about 9 minutes).  This script is for
comparing changes to the candidates, their features or the training parameters: each tfeval page is
read once in every input kind, its blocks decided by its own fold's text model (``model-fold<k>.txt``
of ``bench/cv_text.py --models``, which never saw the page), and the decided verdicts are cached in
``--cache`` (they depend on reading and on the text model only: delete the file after changing
either).  The candidates and their features are then computed from the cache with the current code,
and each fold is scored by metadata models trained on the other four folds with
``bench/train_metadata.py``'s parameters and threshold rule (``choose_offline``).

It differs from ``cv_metadata.py`` in one respect: there, fold ``k``'s training rows are read with fold
``k``'s text model; here every page's rows with its own fold's.  On main e8f8046 (seed 0) it gave
titles 336 / 298 / 322 of 423 and authors 154 / 153 / 149 of 260 (bs4 / inscriptis / wrapped) where
the pipeline gave 336 / 296 / 324 and 156 / 152 / 151.  Figures for single pages are as noisy as a
model's seed: compare with two or more ``--seeds``, and say how many variants were compared.  The authors'
score is the mean of five models (``train_metadata.BAGS``), seeds ``s`` to ``s + 4`` for ``--seeds s``: give
seeds five apart (``--seeds 0,5``) for models that share none.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bench.train_metadata as training  # noqa: E402
from bench.metadata_data import (  # noqa: E402
    KINDS,
    Data,
    FieldRows,
    add_document,
    decided_documents,
    folds_of,
    gold_of,
    scorer,
)
from cleaner.config import Config  # noqa: E402
from cleaner.lexicon import day_first  # noqa: E402
from cleaner.metadata.candidates import FIELDS, candidates  # noqa: E402

REPORTED = ("bs4", "inscriptis", "wrapped")


def decide_all(bench_dir: Path, text_models: Path) -> list[tuple]:
    """Every (page, kind) document's decided verdicts and reader candidates, by the page's own fold text model."""
    folds = folds_of(bench_dir)
    configs = {fold: Config(text_model=text_models / f"model-fold{fold}.txt") for fold in set(folds.values())}
    out = []
    for page, kind, fold, wanted, decided in decided_documents(bench_dir, KINDS, None, configs.__getitem__):
        language = day_first(decided.language)
        out.append((page, kind, fold, wanted, list(decided.verdicts), list(decided.found), language))
    return out


def rows_of(bench_dir: Path, decided: list[tuple]) -> Data:
    """The candidate rows of the cached documents, with the current candidates and features."""
    evalcore, gold = scorer(bench_dir), gold_of(bench_dir)
    data = Data({name: FieldRows() for name in FIELDS}, [])
    for page, kind, fold, wanted, verdicts, found, first in decided:
        options = candidates(verdicts, found, day_first=first)
        add_document(data, evalcore, (page, kind, fold), gold[page], wanted, options)
    return data


def scores(data: Data, field: str) -> dict[int, bool]:
    """Per document with gold, whether the field is right, each fold chosen by a model of the other four."""
    right: dict[int, bool] = {}
    for fold in sorted(training.ALL_FOLDS):
        folds = training.ALL_FOLDS - {fold}
        boosters = training.train(data, field, folds)
        threshold = None if field in training.RANKED else training.author_threshold(data, folds)
        right.update(training.choose_offline(data, field, boosters, {fold}, threshold))
    return right


def report(data: Data, field: str, right: dict[int, bool]) -> str:
    rows = data.rows[field]
    cells = []
    for kind in REPORTED:
        named = [doc for doc in rows.with_gold if data.documents[doc][1] == kind]
        cell = f"{kind} {sum(right.get(doc, False) for doc in named)}/{len(named)}"
        silent = [doc for doc in rows.without if data.documents[doc][1] == kind]
        if silent:
            cell += f" (none where none {sum(right.get(doc, False) for doc in silent)}/{len(silent)})"
        cells.append(cell)
    return " | ".join(cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("--text-models", type=Path, required=True, help="cv_text.py --models: the fold text models")
    parser.add_argument("--cache", type=Path, required=True, help="the decided documents (written if missing)")
    parser.add_argument("--fields", default=",".join(FIELDS))
    parser.add_argument("--seeds", default="0")
    args = parser.parse_args(argv)
    if args.cache.is_file():
        decided = pickle.loads(args.cache.read_bytes())
    else:
        decided = decide_all(args.bench_dir, args.text_models)
        args.cache.write_bytes(pickle.dumps(decided))
    data = rows_of(args.bench_dir, decided)
    for seed in (int(value) for value in args.seeds.split(",")):
        training.PARAMS["seed"] = training.RANK_PARAMS["seed"] = seed
        for field in args.fields.split(","):
            print(f"seed {seed} {field}: {report(data, field, scores(data, field))}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
