"""The size of the HTML report of a million-document run, and the time and memory it takes.

    python bench/report_size.py                        # 1,000,000 synthetic records
    python bench/report_size.py --documents 200000

The records are made up to be the worst case for the report's size, streamed one at a time
(never held in a list): every document long (20 body blocks of 2,500 characters, 20 removed
blocks of up to 6,000), many distinct rules (``--rules``), sites (``--sites``), failure reasons,
and a duplicate report with tens of thousands of groups.  Real runs make smaller reports: their
documents are shorter, so the same sample fits in fewer bytes.

Printed: the file's size (the bound is ``cleaner.report.page.PAGE_BUDGET`` for the document
views plus the overview's fixed cuts), the documents shown, the time per record and the peak
memory (resident set) of the process.

This script measures; it does not tune anything and reads no data.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleaner.report import ReportBuilder

CATEGORIES = ("navigation", "related", "share", "boilerplate", "caption", "tail", "legal", "newsletter")
BODY = ("A long paragraph of the article body, with enough words to read like prose. " * 33)[:2_500]


def records(count: int, rules: int, sites: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """Worst-case records, one at a time."""
    rng = random.Random(seed)
    furniture = [("furniture line " * (1 + 20 * size))[: 300 * size] for size in range(1, 21)]
    for index in range(count):
        site = f"site{rng.randrange(sites)}.example"
        if index % 50 == 0:
            yield {"id": f"f{index}", "source": f"corpus/{site}/{index}.html", "error": f"reason {index % 997}: bad"}
            continue
        removed = [
            {
                "text": furniture[rng.randrange(20)],
                "rule": f"rule-{rng.randrange(rules)}",
                "category": CATEGORIES[rng.randrange(len(CATEGORIES))],
                "layer": "classify" if position % 5 == 0 else "furniture",
                "position": position,
                **({"score": rng.random()} if position % 5 == 0 else {}),
            }
            for position in range(0, 40, 2)
        ]
        yield {
            "id": f"d{index}",
            "source": None,
            "url": f"https://{site}/article/{index}",
            "fetched": None,
            "title": f"Headline number {index}",
            "subtitle": None,
            "authors": ["Jane Doe"],
            "published": "2024-01-06",
            "updated": None,
            "language": "en",
            "sources": {"title": "json-ld", "authors": "meta", "published": "meta"},
            "blocks": [{"kind": "paragraph", "text": BODY, "position": position} for position in range(1, 40, 2)],
            "text": "",
            "removed": removed,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--rules", type=int, default=5_000)
    parser.add_argument("--sites", type=int, default=100_000)
    args = parser.parse_args()
    duplicates = {
        "documents": args.documents,
        "groups": [
            {"kind": "near", "similarity": 0.9, "members": [f"d{i}", f"d{i + 1}"]}
            for i in range(1, args.documents // 20, 2)
        ],
    }
    builder = ReportBuilder()
    start = time.perf_counter()
    for record in records(args.documents, args.rules, args.sites):
        builder.add(record)
    counted = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.html"
        builder.write(path, duplicates=duplicates)
        size = path.stat().st_size
        shown = path.read_text(encoding="utf-8").count('<details class="doc"')
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    groups = len(duplicates["groups"])
    print(f"{builder.tally.read:,} records ({builder.tally.failed:,} failed), {groups:,} duplicate groups")
    print(f"report: {size / 1e6:.1f} MB, {shown:,} documents shown")
    print(f"time: {total:.1f} s ({counted:.1f} s reading records, {1e6 * total / args.documents:.0f} us per record)")
    print(f"peak memory: {peak:.0f} MB (including the generated records)")


if __name__ == "__main__":
    main()
