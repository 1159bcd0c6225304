"""Text mode trained on one benchmark and tested on the other: out-of-sample figures across distributions.

    python bench/cv_crossbench.py ../shared/bench --models DIR --fold-models FOLDS
    python bench/cv_crossbench.py ../shared/bench --models DIR --fold-models FOLDS --variant nolex --keep OUT

Site-grouped folds (``bench/cv_text.py``) keep a fold's sites out of training, but every fold shares the
benchmark's distribution: languages, page era, the way the dumps were made.  Here, for each direction of
``DIRECTIONS``, the two-stage model and its lexicon are trained (``bench/train_text.py``'s ``write_model``)
on every page of one benchmark in every input kind, with the template-site rows of a corpus made of that
benchmark's pages alone (``bench/sitedata.py``: templates, donor articles and drawn lines), and the real
``cleaner.clean(text, format="text")`` runs with it on every page of the other benchmark in every kind.
Each (benchmark, kind) folder is scored by the benchmark's own ``score.py`` as ``cv_text.py`` scores it, with
the lost-article count on aeb.  With ``--fold-models``, the same pages are also cleaned by ``cv_text.py``'s
site-grouped fold models (those in the folder, or trained there), so the table sets uncleaned, site-grouped
and cross-benchmark figures side by side.

The cross models are kept in ``--models`` (``model-aeb.txt``: trained on aeb, tested on tfeval; and
``model-tfeval.txt``), and reused on a rerun (training is deterministic); a folder holds one variant's
models (``--variant``, ``bench/textvariants.py``).  No gold is read but for scoring and the training labels.
Nothing is tuned here and the shipped model is not touched.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cv_text import BENCH_DIR, fold_models, predict_fold, predict_pages, report  # noqa: E402
from bench.textdata import KINDS, folds  # noqa: E402
from bench.textvariants import VARIANTS  # noqa: E402
from bench.train_text import Rows, load_rows, load_site_rows, write_model  # noqa: E402
from cleaner.layout.lexical import lexicon_path  # noqa: E402

DIRECTIONS = (("aeb", "tfeval"), ("tfeval", "aeb"))  # (trained on, tested on)


def tested_pages(assignment: dict[str, dict[str, dict]], bench: str) -> list[tuple[str, str]]:
    """Every (benchmark, page) of ``bench``, in page order: what the model trained on the other one cleans."""
    return [(bench, page) for page in sorted(assignment[bench])]


def of_bench(items: Sequence[Rows], bench: str) -> list[Rows]:
    """The bench rows of ``bench`` alone (the template-site rows are made apart, ``load_site_rows``)."""
    return [item for item in items if item.bench == bench]


class Rowsets:
    """The training rows, each set read once: the bench pages of both benchmarks, and the template-site rows of
    a corpus made of one benchmark (or both, for the fold models)."""

    def __init__(self, bench_dir: Path) -> None:
        self.bench_dir = bench_dir

    @cache  # noqa: B019 (one object per run)
    def bench_rows(self) -> list[Rows]:
        return load_rows(self.bench_dir)

    def training(self, bench: str) -> list[Rows]:
        """A cross model's rows: ``bench``'s pages and the template-site corpus made of them."""
        return of_bench(self.bench_rows(), bench) + load_site_rows(self.bench_dir, benches=(bench,))

    def everything(self) -> list[Rows]:
        """The fold models' rows, as ``train_text.load_all`` gives them."""
        return self.bench_rows() + load_site_rows(self.bench_dir)


def cross_models(rowsets: Rowsets, models: Path, variant: str) -> dict[str, Path]:
    """Per training benchmark, its model in ``models`` (trained unless there already, with its lexicon)."""
    models.mkdir(parents=True, exist_ok=True)
    setting, paths = VARIANTS[variant], {}
    for trained_on, _ in DIRECTIONS:
        path = models / f"model-{trained_on}.txt"
        if not (path.is_file() and lexicon_path(path).is_file()):
            write_model(
                path, rowsets.training(trained_on), setting.params, setting.lexical, setting.weighting, setting.targets
            )
            print(f"{path}: trained on {trained_on}", file=sys.stderr)
        paths[trained_on] = path
    return paths


def table(cross: list[dict], site_grouped: list[dict] | None) -> str:
    """One line per (benchmark, kind): uncleaned, site-grouped folds (when run), trained on the other benchmark;
    aeb's lost articles likewise."""
    grouped = {(row["bench"], row["kind"]): row for row in site_grouped or []}
    lines = [
        "| bench | input | uncleaned | site-grouped folds | other benchmark only"
        " | lost: uncleaned | lost: folds | lost: other benchmark |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in cross:
        metric = "f1" if row["bench"] == "aeb" else "snip_f1"
        fold_row = grouped.get((row["bench"], row["kind"]))
        cells = [f"{row['uncleaned'][metric]:.3f}", f"{fold_row['cleaned'][metric]:.3f}" if fold_row else "-"]
        cells.append(f"{row['cleaned'][metric]:.3f}")
        if "lost" in row:
            cells += [str(len(row["lost_uncleaned"])), str(len(fold_row["lost"])) if fold_row else "-"]
            cells.append(str(len(row["lost"])))
        else:
            cells += ["", "", ""]
        lines.append(f"| {row['bench']} | {row['kind']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run(bench_dir: Path, args: argparse.Namespace, out: Path) -> tuple[list[dict], list[dict] | None]:
    kinds = [kind for kind in args.kinds.split(",") if kind]
    rowsets, assignment = Rowsets(bench_dir), folds(bench_dir)
    for trained_on, path in cross_models(rowsets, args.models, args.variant).items():
        tested_on = next(test for train, test in DIRECTIONS if train == trained_on)
        predict_pages(bench_dir, tested_pages(assignment, tested_on), path, kinds, out / "cross")
        print(f"trained on {trained_on}, tested on {tested_on}: done", file=sys.stderr)
    grouped = None
    if args.fold_models:
        paths = fold_models(bench_dir, args.fold_models, True, args.variant, rowsets.everything)
        for fold, path in enumerate(paths):
            predict_fold(bench_dir, fold, path, kinds, out / "folds")
        grouped = report(bench_dir, kinds, out / "folds")
    return report(bench_dir, kinds, out / "cross"), grouped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=BENCH_DIR, type=Path)
    parser.add_argument("--models", type=Path, required=True, help="keep the two cross models here; reuse them")
    parser.add_argument("--fold-models", type=Path, help="cv_text.py's fold models (reused, or trained here)")
    parser.add_argument("--variant", default="shipped", choices=sorted(VARIANTS), help="bench/textvariants.py")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, from {', '.join(KINDS)}")
    parser.add_argument("--keep", type=Path, help="write the predictions here instead of a temporary folder")
    parser.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    args = parser.parse_args(argv)
    if not (args.bench_dir / "folds.json").is_file():
        print(f"{args.bench_dir}: no folds.json here; pass the shared bench folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="cleaner-xbench-") as temp:
        out = args.keep or Path(temp)
        cross, grouped = run(args.bench_dir, args, out)
    print(json.dumps({"cross": cross, "site_grouped": grouped}, indent=1) if args.json else table(cross, grouped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
