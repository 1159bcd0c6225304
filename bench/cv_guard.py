"""Choose the unsure-gap guard's share (or the lexicon's coverage) by nested site-grouped CV; out-of-fold figures.

    python bench/cv_guard.py ../shared/bench --models /tmp/models --work /tmp/cv_guard
    python bench/cv_guard.py ../shared/bench --models /tmp/models --work /tmp/cv_coverage --setting coverage

The guard (``cleaner.layout.textguards.keep_unsure_gaps``) brings back, in a page dump, stretches
between kept paragraphs that the model was unsure of, when their prose is at least ``GAP_SHARE`` of
the kept words.  For each candidate share (``CANDIDATES``; None is no guard) every page of every
kind is cleaned by the real ``clean()`` with its fold's model (``bench/cv_text.py``'s fold models,
trained here when ``--models`` does not hold them yet), into ``--work/<candidate>/``.  Then, for
each fold, the share is chosen on the other four folds' pages only, by the mean of the ten cells'
F1 (aeb shingle F1, tfeval snippet F1; five kinds) less 0.01 per lost aeb article
(``scoring.is_lost``); a tie goes to the candidate listed first, the one that keeps more.  The
held-out fold's pages take the prediction of the share chosen without them, and these out-of-fold
predictions are scored by the benchmark's ``score.py`` (``cv_text.report``).  The share chosen on
all five folds is the one to ship.  A candidate's folder is reused when it is complete (delete it
after changing the code).

``--setting coverage`` chooses the same way the lexicon's ``MIN_COVERAGE`` (``cleaner.layout.lexical``: a page
with fewer of its tokens in the lexicon gets no lexical evidence) over ``COVERAGES``, 0.0 (the rule off) first.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import cv_text  # noqa: E402
from bench.scoring import is_lost, snippet_counts  # noqa: E402
from bench.textdata import BENCHES, KINDS, folds, gold_of  # noqa: E402
from cleaner.layout import lexical, textguards  # noqa: E402

CANDIDATES: tuple[float | None, ...] = (0.0, 0.1, 0.2, 0.3, None)
COVERAGES: tuple[float | None, ...] = (0.0, 0.2, 0.3, 0.4, 0.5)  # fixed before any fold was cleaned with them
SETTINGS = {"gap": (textguards, "GAP_SHARE"), "coverage": (lexical, "MIN_COVERAGE")}
LOST_COST = 0.01


def _name(share: float | None) -> str:
    return "off" if share is None else f"share-{share}"


def predict(bench_dir: Path, paths: list[Path], share: float | None, out: Path, setting: str = "gap") -> None:
    """Every page of every kind cleaned out of fold with the setting's value (``SETTINGS``) set to ``share``."""
    if (out / "complete").is_file():
        return
    module, name = SETTINGS[setting]
    setattr(module, name, share)
    for fold, path in enumerate(paths):
        cv_text.predict_fold(bench_dir, fold, path, list(KINDS), out)
    (out / "complete").write_text("", encoding="utf-8")


def page_figures(bench_dir: Path, out: Path) -> dict[tuple[str, str], dict[str, tuple]]:
    """Per (bench, kind), per page: aeb (tp, fp, fn shares, lost) or tfeval (tp, fp, fn snippet counts)."""
    sys.path.insert(0, str(bench_dir.resolve()))
    import evalcore

    figures: dict[tuple[str, str], dict[str, tuple]] = {}
    for bench in BENCHES:
        gold = gold_of(bench_dir, bench)
        for kind in KINDS:
            cell = figures.setdefault((bench, kind), {})
            for path in sorted((out / bench / kind).glob("*.json")):
                page, text = path.stem, json.loads(path.read_text(encoding="utf-8"))["text"]
                if bench == "aeb":
                    body = gold[page]["body"]
                    cell[page] = (*evalcore.page_tp_fp_fn(body, text), is_lost(evalcore, body, text))
                else:
                    cell[page] = snippet_counts(gold[page], text)
    return figures


def objective(bench_dir: Path, figures: dict[tuple[str, str], dict[str, tuple]], pages: set[str]) -> float:
    """Mean F1 of the ten cells over ``pages``, less ``LOST_COST`` per lost aeb article."""
    sys.path.insert(0, str(bench_dir.resolve()))
    import evalcore

    cells, lost = [], 0
    for (bench, _), cell in sorted(figures.items()):
        chosen = [value for page, value in cell.items() if page in pages]
        if bench == "aeb":
            cells.append(evalcore.body_scores([value[:3] for value in chosen])[2])
            lost += sum(bool(value[3]) for value in chosen)
        else:
            tp, fp, fn = (sum(value[i] for value in chosen) for i in range(3))
            precision, recall = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
            cells.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(cells) / len(cells) - LOST_COST * lost


def choose(
    bench_dir: Path, figures: dict, pages: set[str], candidates: tuple[float | None, ...] | None = None
) -> tuple[float | None, dict[str, float]]:
    """The candidate (``CANDIDATES`` unless told) with the best ``objective`` on ``pages``; a tie goes to the first."""
    candidates = candidates or CANDIDATES
    values = {_name(share): objective(bench_dir, figures[_name(share)], pages) for share in candidates}
    best = candidates[0]
    for share in candidates[1:]:
        if values[_name(share)] > values[_name(best)]:
            best = share
    return best, values


def assemble(work: Path, assignment: dict, chosen: dict[int, float | None]) -> Path:
    """The out-of-fold predictions: each fold's pages from the candidate chosen without them."""
    target = work / "nested"
    shutil.rmtree(target, ignore_errors=True)
    for bench in BENCHES:
        for page, where in assignment[bench].items():
            source = work / _name(chosen[where["fold"]]) / bench
            for kind in KINDS:
                for folder, suffix in ((kind, ".json"), (f"{kind}-uncleaned", ".txt")):
                    path = source / folder / f"{page}{suffix}"
                    if path.is_file():
                        (target / bench / folder).mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, target / bench / folder / path.name)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=cv_text.BENCH_DIR, type=Path)
    parser.add_argument("--models", type=Path, required=True, help="the fold models (cv_text.py --models)")
    parser.add_argument("--work", type=Path, required=True, help="each candidate's predictions, kept here")
    parser.add_argument("--setting", default="gap", choices=sorted(SETTINGS), help="the value chosen")
    args = parser.parse_args(argv)
    candidates = COVERAGES if args.setting == "coverage" else CANDIDATES
    paths = cv_text.fold_models(args.bench_dir, args.models)
    figures = {}
    for share in candidates:
        predict(args.bench_dir, paths, share, args.work / _name(share), args.setting)
        figures[_name(share)] = page_figures(args.bench_dir, args.work / _name(share))
        print(f"{_name(share)} done", file=sys.stderr)
    assignment = folds(args.bench_dir)
    every = {bench: {page: where["fold"] for page, where in assignment[bench].items()} for bench in BENCHES}
    chosen = {}
    for fold in range(cv_text.FOLDS):
        inner = {page for bench in BENCHES for page, where in every[bench].items() if where != fold}
        chosen[fold], values = choose(args.bench_dir, figures, inner, candidates)
        print(f"fold {fold}: chose {_name(chosen[fold])} ({', '.join(f'{k} {v:.5f}' for k, v in values.items())})")
    every_page = {page for bench in BENCHES for page in every[bench]}
    shipped, values = choose(args.bench_dir, figures, every_page, candidates)
    print(f"all folds: {_name(shipped)} ({', '.join(f'{k} {v:.5f}' for k, v in values.items())})")
    rows = cv_text.report(args.bench_dir, list(KINDS), assemble(args.work, assignment, chosen))
    print(cv_text.table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
