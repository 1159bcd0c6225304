"""How long the HTML report of a big run takes, compared with cleaning that run.

    python bench/report_speed.py                       # ../shared/bench, 20,000 records
    python bench/report_speed.py BENCH --documents 20000 --distinct 2000

``--distinct`` documents are cleaned, one at a time as ``clean_many`` does (page dumps of both
benchmarks in all four text forms and the raw HTML pages, taken in turn so every kind is in),
timed; each gets its page's URL from the benchmark's gold so the report has real sites.  Their
results are then repeated (each copy with its own id) up to ``--documents`` records, and the
report of those records is timed from the cleaned results: making each record
(``Cleaned.to_dict()``, as the ``clean`` command does) and writing the report file.  Cleaning
the repeated copies again would take the same time per document, so the run's cleaning time is
the measured time per document times ``--documents``; the script prints both and their ratio.

This script measures; it does not tune anything and reads no gold beyond the pages' URLs.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from cleaner import clean_many
from cleaner.io.records import Cleaned, Document
from cleaner.report import write_report

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
FORMS = ("bs4", "inscriptis", "trafilatura", "readability")


def inputs(bench: Path) -> list[tuple[Path, str, str | None]]:
    """Every page file of the benchmarks: (path, format, its page's URL), the kinds taken in turn."""
    kinds = []
    for name in ("tfeval", "aeb"):
        gold = json.loads((bench / "data" / name / "gold.json").read_text(encoding="utf-8"))
        urls = {key: value.get("url") or None for key, value in gold.items()}
        kinds.append(
            [(path, "html", urls.get(path.stem)) for path in sorted((bench / "data" / name / "html").glob("*.html"))]
        )
        for form in FORMS:
            folder = bench / "data" / "text" / name / form
            kinds.append([(path, "text", urls.get(path.stem)) for path in sorted(folder.glob("*.txt"))])
    turns = max(map(len, kinds))
    return [kind[index] for index in range(turns) for kind in kinds if index < len(kind)]


def clean_timed(files: list[tuple[Path, str, str | None]]) -> tuple[list[Cleaned], float, int]:
    """The cleaned documents, the seconds cleaning took (reading excluded), and how many failed."""
    documents = [
        Document(id=str(path), content=path.read_bytes(), format=form, url=url, source=str(path))
        for path, form, url in files
    ]
    start = time.perf_counter()
    results = list(clean_many(documents))
    seconds = time.perf_counter() - start
    cleaned = [result for result in results if isinstance(result, Cleaned)]
    return cleaned, seconds, len(results) - len(cleaned)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--documents", type=int, default=20_000, help="records in the reported run")
    parser.add_argument("--distinct", type=int, default=2_000, help="documents actually cleaned and timed")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    files = inputs(args.bench)[: args.distinct]
    cleaned, clean_seconds, failed = clean_timed(files)
    per_document = clean_seconds / len(files)
    print(
        f"cleaned {len(files)} documents ({failed} failed) in {clean_seconds:.1f} s: {1000 * per_document:.1f} ms each"
    )

    def records():
        for index in range(args.documents):
            result = cleaned[index % len(cleaned)]
            yield replace(result, id=f"{index}:{result.id}").to_dict()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.html"
        start = time.perf_counter()
        tally = write_report(records(), path)
        report_seconds = time.perf_counter() - start
        size = path.stat().st_size
    run_seconds = per_document * args.documents
    print(f"report of {tally.read} records: {report_seconds:.2f} s, {size / 1e6:.1f} MB")
    print(f"cleaning {args.documents} documents at that speed: {run_seconds:.0f} s")
    print(f"report / cleaning time: {100 * report_seconds / run_seconds:.2f}%")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
