"""Site-grouped cross-validation of text mode: out-of-fold figures only.

    python bench/cv_text.py ../shared/bench                   # all kinds, both benchmarks
    python bench/cv_text.py ../shared/bench --kinds bs4,wrapped --keep /tmp/cv
    python bench/cv_text.py ../shared/bench --models DIR --train-kinds bs4,inscriptis,wrapped,trafilatura,\
        readability,html2text,text_content --kinds bs4,inscriptis,wrapped,trafilatura,readability,html2text,text_content

For each of the five folds of ``folds.json`` (pages grouped by site), the text model is trained
(``bench/train_text.py``, same data and parameters as the shipped model) on the other four
folds, written to a temporary file, and the real ``cleaner.clean(text, format="text")`` runs
with it (``Config.text_model``) on the held-out fold's pages, in every input kind.  Once every
page has its out-of-fold prediction, each (benchmark, kind) folder is scored by the benchmark's
own ``score.py``, next to the uncleaned input.  Lost articles are counted on aeb: pages whose
gold body has at least 100 words and whose prediction recovers less than half of its 4-token
shingles.

``--train-kinds`` adds kinds made from the pages' HTML to the training (``textdata.KINDS_EXTRA``); ``--kinds``
may clean and score them too (each read as a user's file of that kind is, ``textdata.input_format``).

Nothing is tuned here: the parameters are fixed in ``bench/train_text.py`` (``--variant``: one of the
variants fixed in ``bench/textvariants.py``, for comparisons; a ``--models`` folder holds one variant's models).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.limits import BENCH_TIMEOUT  # noqa: E402
from bench.scoring import is_lost, score_json  # noqa: E402
from bench.textdata import BENCHES, KINDS, KINDS_EXTRA, folds, gold_of, input_format, input_text  # noqa: E402
from bench.textvariants import VARIANTS  # noqa: E402
from bench.train_text import Rows, kinds_option, load_all, write_model  # noqa: E402
from cleaner import CleanError, clean  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.layout.lexical import lexicon_path  # noqa: E402

FOLDS = 5


def fold_models(
    bench_dir: Path,
    models: Path,
    reuse: bool = True,
    variant: str = "shipped",
    load: Callable[[], Sequence[Rows]] | None = None,
) -> list[Path]:
    """The five fold models in ``models``, each trained on the other four folds (``bench/train_text.py``:
    its parameters, threshold, learned evidence rates and lexicon, beside the model; ``variant``: one of
    ``bench/textvariants.py``); with ``reuse``, a model already there is kept (training is deterministic).
    ``load`` gives the training rows (``train_text.load_all`` by default), called only when a model is trained."""
    models.mkdir(parents=True, exist_ok=True)
    setting = VARIANTS[variant]
    paths: list[Path] = []
    items: Sequence[Rows] | None = None
    for fold in range(FOLDS):
        path = models / f"model-fold{fold}.txt"
        if not (reuse and path.is_file() and lexicon_path(path).is_file()):
            items = items if items is not None else (load() if load else load_all(bench_dir))
            training = [item for item in items if item.fold != fold]
            # the lexicon learned without the held-out fold, cross-fitted
            write_model(path, training, setting.params, setting.lexical, setting.weighting, setting.targets)
        paths.append(path)
    return paths


def fold_pages(bench_dir: Path, fold: int) -> list[tuple[str, str]]:
    """The (benchmark, page) pairs of fold ``fold``, in the benchmarks' order and each one's page order."""
    assignment = folds(bench_dir)
    return [
        (bench, page) for bench in BENCHES for page, where in sorted(assignment[bench].items()) if where["fold"] == fold
    ]


def predict_pages(bench_dir: Path, pages: Sequence[tuple[str, str]], model: Path, kinds: list[str], out: Path) -> None:
    """Clean ``pages`` (benchmark, page) of every kind with ``model``: ``out/<bench>/<kind>/<page>.json``, and the
    input as it is in ``out/<bench>/<kind>-uncleaned/<page>.txt``."""
    config = Config(text_model=model, timeout=BENCH_TIMEOUT)
    for bench, page in pages:
        for kind in kinds:
            text = input_text(bench_dir, bench, kind, page)
            if text is None:
                continue
            try:
                article = clean(text, format=input_format(kind), config=config).to_dict()
            except CleanError:
                article = {"text": ""}  # an empty input: nothing to keep
            folder = out / bench / kind
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{page}.json").write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
            raw = out / bench / f"{kind}-uncleaned"
            raw.mkdir(parents=True, exist_ok=True)
            (raw / f"{page}.txt").write_text(text, encoding="utf-8")


def predict_fold(bench_dir: Path, fold: int, model: Path, kinds: list[str], out: Path) -> None:
    """Clean the held-out fold's pages of every kind with the fold's model."""
    predict_pages(bench_dir, fold_pages(bench_dir, fold), model, kinds, out)


def lost_articles(bench_dir: Path, pred: Path) -> list[str]:
    """The aeb pages whose prediction in ``pred`` (cleaned JSON, or uncleaned text) lost its article (``is_lost``)."""
    sys.path.insert(0, str(bench_dir.resolve()))
    import evalcore

    lost = []
    for page, entry in sorted(gold_of(bench_dir, "aeb").items()):
        path, raw = pred / f"{page}.json", pred / f"{page}.txt"
        if path.is_file():
            text = json.loads(path.read_text(encoding="utf-8"))["text"]
        else:
            text = raw.read_text(encoding="utf-8") if raw.is_file() else ""
        if is_lost(evalcore, entry["body"], text):
            lost.append(page)
    return lost


def report(bench_dir: Path, kinds: list[str], out: Path) -> list[dict[str, object]]:
    rows = []
    for bench in BENCHES:
        for kind in kinds:
            cleaned = score_json(bench_dir, bench, out / bench / kind)["all"]
            raw = score_json(bench_dir, bench, out / bench / f"{kind}-uncleaned")["all"]
            row = {"bench": bench, "kind": kind, "cleaned": cleaned, "uncleaned": raw}
            if bench == "aeb":
                row["lost"] = lost_articles(bench_dir, out / bench / kind)
                row["lost_uncleaned"] = lost_articles(bench_dir, out / bench / f"{kind}-uncleaned")
            rows.append(row)
    return rows


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| bench | input | uncleaned | cleaned (out of fold) | author | date | title"
        " | lost: uncleaned | lost: cleaned |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        metric = "f1" if row["bench"] == "aeb" else "snip_f1"
        cleaned, raw = row["cleaned"], row["uncleaned"]
        meta = [f"{cleaned[k]:.3f}" if k in cleaned else "" for k in ("author_acc", "date_acc", "title_acc")]
        lost = f"{len(row['lost_uncleaned'])} | {len(row['lost'])}" if "lost" in row else " | "
        lines.append(
            f"| {row['bench']} | {row['kind']} | {raw[metric]:.3f} | {cleaned[metric]:.3f} | "
            + " | ".join(meta)
            + f" | {lost} |"
        )
    return "\n".join(lines)


BENCH_DIR = ROOT.parent / "shared" / "bench"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=BENCH_DIR, type=Path)
    parser.add_argument(
        "--kinds", type=kinds_option, default=KINDS, help=f"comma-separated, from {', '.join(KINDS + KINDS_EXTRA)}"
    )
    parser.add_argument(
        "--train-kinds",
        type=kinds_option,
        default=KINDS,
        help="the kinds the fold models learn from (train_text.py --kinds)",
    )
    parser.add_argument("--keep", type=Path, help="write predictions and models here instead of a temporary folder")
    parser.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    parser.add_argument(
        "--models",
        type=Path,
        help="keep the fold models here, and reuse those already there (training is deterministic)",
    )
    parser.add_argument(
        "--variant", default="shipped", choices=sorted(VARIANTS), help="a training variant (bench/textvariants.py)"
    )
    args = parser.parse_args(argv)
    if not (args.bench_dir / "folds.json").is_file():
        print(f"{args.bench_dir}: no folds.json here; pass the shared bench folder", file=sys.stderr)
        return 2
    kinds = list(args.kinds)
    with tempfile.TemporaryDirectory(prefix="cleaner-cv-") as temp:
        out = args.keep or Path(temp)
        out.mkdir(parents=True, exist_ok=True)
        load = lambda: load_all(args.bench_dir, args.train_kinds)  # noqa: E731
        models = fold_models(args.bench_dir, args.models or out, args.models is not None, args.variant, load)
        for fold, model in enumerate(models):
            predict_fold(args.bench_dir, fold, model, kinds, out)
            print(f"fold {fold} done", file=sys.stderr)
        rows = report(args.bench_dir, kinds, out)
    print(json.dumps(rows, indent=1) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
