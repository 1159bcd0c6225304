"""Site-grouped cross-validation of text-mode metadata: out-of-fold figures only.

    python bench/cv_text.py ../shared/bench --models MODELS            # the text model's fold models, once
    python bench/cv_metadata.py ../shared/bench --text-models MODELS   # every input kind
    python bench/cv_metadata.py ../shared/bench --text-models MODELS --kinds bs4,inscriptis --keep /tmp/cv-metadata

For each of the five folds of ``folds.json`` (tfeval pages grouped by site), the metadata models
are trained (``bench/train_metadata.py``: same data, parameters and threshold rule as the shipped
model) on the other four folds and written to a temporary file; then the real
``cleaner.clean(text, format="text")`` runs with that model (``Config.metadata_model``) on the
held-out fold's pages, in every input kind.

The text model decides which lines are kept and what the metadata readers see, so it must not have
seen the held-out fold either: with ``--text-models MODELS`` (the ``model-fold<k>.txt`` files that
``bench/cv_text.py --models`` writes) fold ``k``'s text model decides the blocks both for the rows
its metadata model learns from and for the held-out pages, as the shipped pair of models does for
all pages.  Without it the shipped text model, trained on every page, decides them: its verdicts on
the held-out pages are in-sample, and the script says so in its output.

Once every page has its out-of-fold prediction, each kind's folder is scored by the benchmark's own
``score.py``: author, date and title accuracy, how often no author is given where the page has none,
and the snippet F1 of the body.

Nothing is tuned here: the parameters are fixed in ``bench/train_metadata.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.limits import BENCH_TIMEOUT  # noqa: E402
from bench.metadata_data import BENCH, KINDS, build, folds_of, input_text  # noqa: E402
from bench.scoring import score_json  # noqa: E402
from bench.train_metadata import ALL_FOLDS, model_text  # noqa: E402
from cleaner import clean  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.errors import CleanError  # noqa: E402

COLUMNS = ("author_acc", "author_empty_ok", "date_acc", "title_acc", "snip_f1")


def predict_fold(bench_dir: Path, fold: int, config: Config, kinds: list[str], out: Path) -> None:
    """Clean the held-out fold's pages of every kind with the fold's models (``config``)."""
    for page, page_fold in sorted(folds_of(bench_dir).items()):
        if page_fold != fold:
            continue
        for kind in kinds:
            text = input_text(bench_dir, kind, page)
            if text is None:
                continue
            try:
                article = clean(text, format="text", config=config).to_dict()
            except CleanError:
                continue  # an empty dump: no prediction, which the scorer counts as empty
            folder = out / kind
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{page}.json").write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")


def text_model(folder: Path | None, fold: int) -> Path | None:
    """Fold ``fold``'s text model in ``folder`` (None: the shipped one); a missing file is an error."""
    if folder is None:
        return None
    path = folder / f"model-fold{fold}.txt"
    if not path.is_file():
        raise SystemExit(f"cv_metadata: {path}: no such text model (make them with cv_text.py --models {folder})")
    return path


def training_pages(bench_dir: Path, fold: int) -> set[str]:
    """The tfeval pages outside ``fold``: the ones its metadata model learns from."""
    return {page for page, page_fold in folds_of(bench_dir).items() if page_fold != fold}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument(
        "--keep", type=Path, help="write predictions and fold models here instead of a temporary folder"
    )
    parser.add_argument(
        "--text-models", type=Path, help="the text model's fold models (cv_text.py --models): out of fold throughout"
    )
    args = parser.parse_args(argv)
    kinds = args.kinds.split(",")
    shared = None if args.text_models else build(args.bench_dir, kinds=KINDS)
    with tempfile.TemporaryDirectory(prefix="cleaner-cv-metadata-") as temp:
        work = args.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        for fold in sorted(ALL_FOLDS):
            text_config = Config(text_model=text_model(args.text_models, fold), timeout=BENCH_TIMEOUT)
            # the models learn from every kind, as the shipped one does
            data = shared or build(
                args.bench_dir, kinds=KINDS, pages=training_pages(args.bench_dir, fold), config=text_config
            )
            model = work / f"model-fold{fold}.json"
            model.write_text(model_text(data, ALL_FOLDS - {fold}), encoding="utf-8")
            config = Config(metadata_model=model, text_model=text_config.text_model, timeout=BENCH_TIMEOUT)
            predict_fold(args.bench_dir, fold, config, kinds, work / "pred")
            print(f"fold {fold} done", file=sys.stderr, flush=True)
        if args.text_models is None:
            print("text model: the shipped one, trained on every page (its verdicts are in-sample here)")
        else:
            print(f"text model: fold models from {args.text_models} (out of fold)")
        print("| input | pages | " + " | ".join(COLUMNS) + " |")
        print("|---|---|" + "---|" * len(COLUMNS))
        for kind in kinds:
            found = score_json(args.bench_dir, BENCH, work / "pred" / kind)["all"]
            values = " | ".join("" if found.get(c) is None else f"{found[c]:.3f}" for c in COLUMNS)
            print(f"| {kind} | {found['n']} | {values} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
