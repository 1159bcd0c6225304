"""Text mode on input kinds it was never trained on: out of fold by site, and out of kind.

    python bench/cv_unseen.py ../shared/bench --models DIR            # DIR: bench/cv_text.py --models
    python bench/cv_unseen.py ../shared/bench --models DIR --kinds markdown,justext --keep /tmp/unseen
    python bench/cv_metadata.py ../shared/bench --text-models DIR --keep META   # fold metadata models, once
    python bench/cv_unseen.py ../shared/bench --models DIR --metadata-models META   # metadata out of fold too

The text model learns from five kinds of input (``bench/textdata.py``: bs4 and inscriptis dumps, the bs4
dumps hard-wrapped, trafilatura's and readability's output).  Users bring others.  This script makes seven
more from the benchmark pages' HTML (``bench/textkinds.py`` says how: ``text_content``, ``justext``,
``markdown``, ``markdown_meta``, ``html2text``, ``markdownify``, ``recall``), cleans each as a user's file of
that kind is read (the Markdown kinds as a ``.md`` file, ``format="markdown"``), and each page with its own
fold's text model (``model-fold<k>.txt`` of ``bench/cv_text.py --models``, which never saw the page's site), so
every figure is out of fold by site and, for the kinds the fold models did not train on (``cv_text.py
--train-kinds``), out of kind.

Each (benchmark, kind) folder is scored by the benchmark's own ``score.py`` beside the uncleaned input, and
lost articles are counted on aeb (``bench.scoring.is_lost``).  Nothing here is tuned or trained.

The tfeval rows' author, date and title columns come from the shipped metadata model, trained on these
pages' trained kinds (in-sample), unless ``--metadata-models`` gives the fold metadata models that
``bench/cv_metadata.py --text-models DIR --keep META`` writes (``META/model-fold<k>.json``, each trained
without fold ``k``'s sites, its rows decided by the same fold's text model): then every column is out of fold.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cv_text import report, table  # noqa: E402
from bench.textdata import BENCHES, folds  # noqa: E402
from bench.textkinds import MAKERS, NEEDS  # noqa: E402
from cleaner import CleanError, clean  # noqa: E402
from cleaner.config import Config  # noqa: E402


def fold_config(fold: int, models: Path, metadata_models: Path | None) -> Config:
    """Fold ``fold``'s text model, and its metadata model when ``metadata_models`` is given (else the shipped one)."""
    text_model = models / f"model-fold{fold}.txt"
    if metadata_models is None:
        return Config(text_model=text_model)
    return Config(text_model=text_model, metadata_model=metadata_models / f"model-fold{fold}.json")


def predict(bench_dir: Path, models: Path, kinds: list[str], out: Path, metadata_models: Path | None = None) -> None:
    """Make each kind's input from every page's HTML and clean it with the page's fold models."""
    configs: dict[int, Config] = {}
    for bench in BENCHES:
        for page, where in sorted(folds(bench_dir)[bench].items()):
            fold = where["fold"]
            config = configs.setdefault(fold, fold_config(fold, models, metadata_models))
            html = (bench_dir / "data" / bench / "html" / f"{page}.html").read_text(encoding="utf-8")
            for kind in kinds:
                make, form = MAKERS[kind]
                text = make(html)
                try:
                    article = clean(text, format=form, config=config).to_dict()
                except CleanError:
                    article = {"text": ""}  # an empty input: nothing to keep
                for folder, name, content in (
                    (out / bench / kind, f"{page}.json", json.dumps(article, ensure_ascii=False)),
                    (out / bench / f"{kind}-uncleaned", f"{page}.txt", text),
                ):
                    folder.mkdir(parents=True, exist_ok=True)
                    (folder / name).write_text(content, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("--models", type=Path, required=True, help="bench/cv_text.py --models: the fold text models")
    parser.add_argument("--kinds", default=",".join(MAKERS), help=f"comma-separated, from {', '.join(MAKERS)}")
    parser.add_argument("--keep", type=Path, help="write inputs and predictions here instead of a temporary folder")
    parser.add_argument(
        "--metadata-models", type=Path, help="bench/cv_metadata.py --keep: fold metadata models (else the shipped one)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    args = parser.parse_args(argv)
    kinds = [kind for kind in args.kinds.split(",") if kind]
    unknown = sorted(set(kinds) - set(MAKERS))
    if unknown:
        parser.error(f"unknown kinds: {', '.join(unknown)}")
    absent = sorted({module for kind in kinds for module in NEEDS.get(kind, ()) if find_spec(module) is None})
    if absent:
        parser.error(f"{', '.join(absent)} not installed: pip install -e '.[bench]'")
    missing = [fold for fold in range(5) if not (args.models / f"model-fold{fold}.txt").is_file()]
    if missing:
        parser.error(f"{args.models}: no model-fold{missing[0]}.txt (make them with bench/cv_text.py --models)")
    meta = args.metadata_models
    if meta is not None and not all((meta / f"model-fold{fold}.json").is_file() for fold in range(5)):
        parser.error(f"{meta}: no model-fold<k>.json for every fold (make them with bench/cv_metadata.py --keep)")
    with tempfile.TemporaryDirectory(prefix="cleaner-unseen-") as temp:
        out = args.keep or Path(temp)
        predict(args.bench_dir, args.models, kinds, out, meta)
        rows = report(args.bench_dir, kinds, out)
    print(json.dumps(rows, indent=1) if args.json else table(rows))
    if not args.json:
        source = f"fold models from {meta} (out of fold)" if meta else "the shipped model (in-sample)"
        print(f"author, date, title: {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
