"""Train the page title ranker and write the model the package ships.

    python bench/train_page_metadata.py ../shared/bench          # writes cleaner/metadata/page_metadata_model.json
    python bench/train_page_metadata.py ../shared/bench --work /tmp/pm --out /tmp/model.json

A LightGBM model scores each title offer of an HTML page (``cleaner.html.offers``): the
probability that its value is the article's title (``bench/page_metadata_data.py`` builds the rows
from the benchmark alone: every tfeval page with a gold title).  The parameters and the row order
are those of the text metadata model (``bench/train_metadata.py``): fixed parameters and seed, one
thread, rows in page-id order, so the same data gives the same file byte for byte.  The best offer
is taken unless the model all but rules it out (threshold 0.05).

``model_text`` also trains authors and date models (the threshold of authors by an inner
cross-validation over the training folds); ``bench/cv_page_metadata.py`` uses them to measure that
choice out of fold; the product does not ship them (docs/benchmarks.md says why).  ``--work``
keeps the rows (and for authors and dates the text metadata models trained without each fold) and
reuses them when present.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.metadata_data import Data  # noqa: E402
from bench.page_metadata_data import build, text_fold_models  # noqa: E402
from bench.train_metadata import ALL_FOLDS, FIXED_THRESHOLDS, author_threshold, train  # noqa: E402
from cleaner.metadata.offers import PAGE_FEATURES, PAGE_FIELDS  # noqa: E402
from cleaner.metadata.pagechoice import PRODUCT_FIELDS  # noqa: E402

MODEL_PATH = ROOT / "cleaner" / "metadata" / "page_metadata_model.json"


def model_text(data: Data, folds: set[int], fields: tuple[str, ...] = PAGE_FIELDS) -> str:
    """The page model file of ``fields`` for the given training folds."""
    out = {}
    for field in fields:
        names = PAGE_FEATURES[field]
        booster = train(data, field, folds, names)
        threshold = FIXED_THRESHOLDS.get(field) or author_threshold(data, folds, names)
        out[field] = {
            "features": list(names),
            "threshold": threshold,
            "model": booster.model_to_string(num_iteration=-1),
        }
    return json.dumps(out, indent=1) + "\n"


def rows(bench_dir: Path, work: Path, fields: tuple[str, ...] = PAGE_FIELDS) -> Data:
    """The rows of ``fields``, built once per ``work`` folder (the title alone needs no text model)."""
    cached = work / f"page-rows-{'-'.join(fields)}.pickle"
    if cached.is_file():
        return pickle.loads(cached.read_bytes())
    text_models = text_fold_models(bench_dir, work) if set(fields) - {"title"} else None
    data = build(bench_dir, text_models, fields)
    cached.write_bytes(pickle.dumps(data))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--work", type=Path, help="folder for the fold text models and the rows (reused when there)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cleaner-page-metadata-") as temp:
        work = args.work or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        data = rows(args.bench_dir, work, PRODUCT_FIELDS)
        args.out.write_text(model_text(data, ALL_FOLDS, PRODUCT_FIELDS), encoding="utf-8")
    sizes = {field: len(data.rows[field].labels) for field in PRODUCT_FIELDS}
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes) from {len(data.documents)} pages, rows {sizes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
