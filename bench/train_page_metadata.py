"""Train the page metadata ranker (title, authors, publication date) and write the model the package ships.

    python bench/train_page_metadata.py ../shared/bench          # writes cleaner/metadata/page_metadata_model.json
    python bench/train_page_metadata.py ../shared/bench --work /tmp/pm --out /tmp/model.json
    python bench/train_page_metadata.py ../shared/bench --check    # exit 1 if that would change the shipped file

One LightGBM model per field scores each offer of an HTML page (``cleaner.html.offers``): the
probability that its value is the article's title, authors or publication date
(``bench/page_metadata_data.py`` builds the rows from the benchmark alone: every tfeval page with
gold for the field, authors also where the gold names nobody).  The parameters and the row order
are those of the text metadata model (``bench/train_metadata.py``): fixed parameters and seed, one
thread, rows in page-id order, so the same data gives the same file byte for byte.  The best offer
is taken unless the model all but rules it out (``THRESHOLD``); nothing is tuned on the data but
the models.  ``bench/cv_page_metadata.py`` measures the choice out of fold.  ``--work`` keeps the
rows and reuses them when present.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from pathlib import Path

import lightgbm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.metadata_data import Data  # noqa: E402
from bench.page_metadata_data import build  # noqa: E402
from bench.shipped import rebuilt  # noqa: E402
from bench.train_metadata import ALL_FOLDS, PARAMS, ROUNDS  # noqa: E402
from cleaner.metadata.offers import PAGE_FEATURES, PAGE_FIELDS  # noqa: E402
from cleaner.metadata.pagechoice import PRODUCT_FIELDS  # noqa: E402

MODEL_PATH = ROOT / "cleaner" / "metadata" / "page_metadata_model.json"
# The lowest score a field's best offer needs.  What a page offers for its title, date and authors is
# the page's own statement: the best offer is taken unless the model all but rules it out.  (For
# authors, a threshold that also maximises silence where the benchmark's gold names nobody made the
# ranker silent on pages that plainly declare a person author: docs/benchmarks-history.md.)
THRESHOLD = 0.05
# What is known before any data, as monotone constraints (other things equal): an author offer from a
# source earlier in ``AUTHOR_SOURCES`` (the markup's structured statement first, then meta tags, then
# what the page shows, then the text's lines) is no less likely, and neither is one that names every
# name of another offer and more.  The benchmark has few pages where sources disagree (about ten):
# too few to learn this order from, so it is stated.
MONOTONE = {"authors": {"source": -1, "covers_other": 1}}


def train(data: Data, field: str, folds: set[int]) -> lightgbm.Booster:
    """One field's model on the rows of ``folds``: the text metadata model's parameters, and ``MONOTONE``."""
    names = list(PAGE_FEATURES[field])
    features, labels = data.arrays(field, folds)
    params = dict(PARAMS)
    if field in MONOTONE:
        params["monotone_constraints"] = [MONOTONE[field].get(name, 0) for name in names]
    dataset = lightgbm.Dataset(features, labels, feature_name=names, free_raw_data=False)
    return lightgbm.train(params, dataset, num_boost_round=ROUNDS)


def model_text(data: Data, folds: set[int], fields: tuple[str, ...] = PAGE_FIELDS) -> str:
    """The page model file of ``fields`` for the given training folds."""
    out = {}
    for field in fields:
        names = PAGE_FEATURES[field]
        booster = train(data, field, folds)
        threshold = THRESHOLD
        out[field] = {
            "features": list(names),
            "threshold": threshold,
            "model": booster.model_to_string(num_iteration=-1),
        }
    return json.dumps(out, indent=1) + "\n"


def rows(bench_dir: Path, work: Path, fields: tuple[str, ...] = PAGE_FIELDS) -> Data:
    """The rows of ``fields``, built once per ``work`` folder (the title alone needs no text model)."""
    cached = work / f"page-offer-rows-{'-'.join(fields)}.pickle"
    if cached.is_file():
        return pickle.loads(cached.read_bytes())
    data = build(bench_dir, None, fields)
    cached.write_bytes(pickle.dumps(data))
    return data


def write(bench_dir: Path, out: Path, work: Path | None) -> int:
    """Build the rows (cached in ``work``, else in a temporary folder), train on every fold and write ``out``."""
    with tempfile.TemporaryDirectory(prefix="cleaner-page-metadata-") as temp:
        folder = work or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        data = rows(bench_dir, folder, PRODUCT_FIELDS)
    out.write_text(model_text(data, ALL_FOLDS, PRODUCT_FIELDS), encoding="utf-8")
    sizes = {field: len(data.rows[field].labels) for field in PRODUCT_FIELDS}
    print(f"wrote {out} ({out.stat().st_size:,} bytes) from {len(data.documents)} pages, rows {sizes}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--work", type=Path, help="folder for the fold text models and the rows (reused when there)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="train into a temporary folder and exit 1 if the model differs from --out's (the shipped file by "
        "default); nothing is written (rows cached in --work are reused: leave it out to build them afresh)",
    )
    args = parser.parse_args(argv)
    if not args.check:
        return write(args.bench_dir, args.out, args.work)
    command = "python bench/train_page_metadata.py"
    return rebuilt(lambda built: write(args.bench_dir, built, args.work), [args.out], command)


if __name__ == "__main__":
    raise SystemExit(main())
