"""Speed of text mode, and the share of it the metadata readers and the chooser take.

    python bench/speed_metadata.py ../shared/bench                 # text/aeb/bs4
    python bench/speed_metadata.py ../shared/bench --bench tfeval --source inscriptis

Every page is cleaned once untimed (imports, caches, the models' first load), then the whole
``clean(text, format="text")`` is timed page by page, and so are the two metadata steps inside it:
marking byline and dateline lines (``cleaner.metadata.lines.mark_metadata_lines``) and choosing
the title, date and authors (``cleaner.metadata.choice.choose_metadata``).  Time is this process's
CPU time (``time.process_time``), so the load of a shared machine distorts it less than wall time.
Pages per second count the whole ``clean()``; the metadata figures are its part of that time.

This script measures; it tunes nothing and reads no gold.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cleaner.metadata.choice as choice  # noqa: E402
import cleaner.metadata.lines as lines  # noqa: E402
import cleaner.pipeline as pipeline  # noqa: E402
import cleaner.pipeline.cleaning as cleaning  # noqa: E402
import cleaner.pipeline.deciding as deciding  # noqa: E402

SPENT: dict[str, float] = {"lines": 0.0, "choice": 0.0}


def timed(name: str, function: Callable) -> Callable:
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] += time.process_time() - start

    return wrapper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("--bench", default="aeb")
    parser.add_argument("--source", default="bs4")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    folder = args.bench_dir / "data" / "text" / args.bench / args.source
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    for text in texts:
        pipeline.clean(text, format="text")  # warm up
    deciding.mark_metadata_lines = timed("lines", lines.mark_metadata_lines)  # where the pipeline calls them
    cleaning.choose_metadata = timed("choice", choice.choose_metadata)
    start = time.process_time()
    for _ in range(args.rounds):
        for text in texts:
            pipeline.clean(text, format="text")
    total = time.process_time() - start
    pages = len(texts) * args.rounds
    print(f"{args.bench}/{args.source}: {pages} pages, {total:.2f} s CPU, {pages / total:.0f} pages/s")
    for name, seconds in SPENT.items():
        print(f"  {name:7s} {seconds * 1000 / pages:6.2f} ms a page ({seconds / total:5.1%} of clean())")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
