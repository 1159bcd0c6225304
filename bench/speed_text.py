"""Speed of text mode: the whole ``clean(text, format="text")`` per input kind, in pages per second.

    python bench/speed_text.py ../shared/bench                    # aeb: bs4, inscriptis, trafilatura, readability
    python bench/speed_text.py ../shared/bench --bench tfeval --sources bs4 --rounds 3

Every page of every kind is read into memory and cleaned once untimed (imports, the models' first
load, compiled patterns); then, round after round, each kind's pages are cleaned in turn and
timed.  Before each kind's round, cleaner's bounded per-text caches (``functools.lru_cache`` with
a ``maxsize``: shapes, features, languages; and the furniture rules' memo) are emptied, so a round
meets its pages as new pages, as a corpus does, not as the warm-up left them; one-off loads
(unbounded caches: models, rule files, word lists) stay.  Time is this process's CPU time
(``time.process_time``), so the load of a shared machine distorts the figures less than wall
time, and the kinds, measured in the same rounds, compare by their ratios.  The table gives each
kind's best round (the one least disturbed by other work) and the median, and the machine's load
average when the run ended.

This script measures; it tunes nothing and reads no gold.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import clean  # noqa: E402
from cleaner.config import DEFAULT_CONFIG  # noqa: E402
from cleaner.rules import furniture  # noqa: E402

SOURCES = ("bs4", "inscriptis", "trafilatura", "readability")


def load(folder: Path) -> list[str]:
    """The folder's non-empty dumps (``clean()`` refuses an empty document)."""
    texts = (path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt")))
    return [text for text in texts if text.strip()]


PER_TEXT_CACHE = 16  # an lru_cache this large or larger remembers texts, not files (or rule sets)


def forget() -> None:
    """Empty cleaner's bounded per-text caches (the one-off loads stay)."""
    for name, module in list(sys.modules.items()):
        if name != "cleaner" and not name.startswith("cleaner."):
            continue
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                size = value.cache_parameters()["maxsize"]
                if size is not None and size >= PER_TEXT_CACHE:
                    value.cache_clear()
    by_length = furniture._by_length(tuple(DEFAULT_CONFIG.rules))  # the rules remember their answers
    by_length.memo.clear()
    by_length.long_memo.clear()


def one_round(texts: list[str]) -> float:
    """CPU seconds to clean every text once, its caches emptied first."""
    forget()
    start = time.process_time()
    for text in texts:
        clean(text, format="text")
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("--bench", default="aeb")
    parser.add_argument("--sources", default=",".join(SOURCES), help="comma-separated input kinds")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    kinds = {kind: load(args.bench_dir / "data" / "text" / args.bench / kind) for kind in args.sources.split(",")}
    for texts in kinds.values():
        one_round(texts)  # warm up
    seconds: dict[str, list[float]] = {kind: [] for kind in kinds}
    for _ in range(args.rounds):
        for kind, texts in kinds.items():
            seconds[kind].append(one_round(texts))
    print(f"| input ({args.bench}) | pages | pages/s, best round | pages/s, median | ms a page (best) |")
    print("|---|---|---|---|---|")
    for kind, texts in kinds.items():
        best, median = min(seconds[kind]), statistics.median(seconds[kind])
        pages = len(texts)
        print(f"| {kind} | {pages} | {pages / best:.1f} | {pages / median:.1f} | {best * 1000 / pages:.2f} |")
    load_average = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"\n{args.rounds} rounds, CPU time; load average {load_average} at {time.strftime('%H:%M UTC', time.gmtime())}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
