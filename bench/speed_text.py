"""Speed of text mode: the whole ``clean(text, format="text")`` per input kind, in pages per second.

    python bench/speed_text.py ../shared/bench                    # aeb: bs4, inscriptis, trafilatura, readability
    python bench/speed_text.py ../shared/bench --bench tfeval --sources bs4 --rounds 3
    python bench/speed_text.py ../shared/bench --sources bs4 --stages        # and where the time goes

Every page of every kind is read into memory and cleaned once untimed (imports, the models' first
load, compiled patterns); then, round after round, each kind's pages are cleaned in turn and
timed.  Before each kind's round, cleaner's bounded per-text caches (``functools.lru_cache`` with
a ``maxsize``: shapes, features, languages; the furniture rules' memo, and langdetect's words) are emptied, so a round
meets its pages as new pages, as a corpus does, not as the warm-up left them; one-off loads
(unbounded caches: models, rule files, word lists) stay, and the heap the warm-up leaves is frozen out of
the garbage collector's view, as the ``clean`` command's process and its workers freeze theirs after their
first document (``cleaner.run.executor.settle_heap``).  Time is this process's CPU time
(``time.process_time``), so the load of a shared machine distorts the figures less than wall
time, and the kinds, measured in the same rounds, compare by their ratios.  The table gives each
kind's best round (the one least disturbed by other work) and the median, and the machine's load
average when the run ended.

With ``--stages``, each stage listed in ``STAGES`` is timed inside ``clean()`` too (the functions are
wrapped by name where they are called, as ``bench/speed_html.py`` does), and a table per kind gives
its CPU milliseconds a page (the mean over the rounds) and its share of ``clean()``.  Stages nest, and
the text model's settling reads the kept text again through the layers before it (counted in their
rows too), so the rows do not add up; the wrappers cost a little, so the pages per second of such
a run are a little lower than without ``--stages``.

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

from bench.speed_html import timed  # noqa: E402
from cleaner import clean  # noqa: E402
from cleaner.config import DEFAULT_CONFIG  # noqa: E402
from cleaner.rules import furniture  # noqa: E402
from cleaner.run.executor import settle_heap  # noqa: E402
from cleaner.text import language  # noqa: E402

SOURCES = ("bs4", "inscriptis", "trafilatura", "readability")
# (module that calls the stage, function name (``Class.method`` on the class), what the row is)
STAGES = (
    ("cleaner.pipeline.cleaning", "read_decoded", "segment the text into blocks"),
    ("cleaner.pipeline.cleaning", "decide_blocks", "block layers (all below, to the metadata choice)"),
    ("cleaner.pipeline.deciding", "furniture_verdicts", "  furniture rules"),
    ("cleaner.pipeline.deciding", "cell_runs", "  tables"),
    ("cleaner.pipeline.deciding", "detect_language", "  language"),
    ("cleaner.text.language", "_langdetect", "    langdetect, where the stopword vote is not clear"),
    ("cleaner.pipeline.deciding", "mark_metadata_lines", "  byline and dateline readers"),
    ("cleaner.pipeline.deciding", "mark_zones", "  zones"),
    ("cleaner.pipeline.deciding", "classify_text", "  text model"),
    ("cleaner.layout.textmodel", "features", "    features"),
    ("cleaner.layout.textstages", "TextModel.scores_of", "    LightGBM, both stages"),
    ("cleaner.layout.textmodel", "_settle", "    settling: the kept text read again"),
    ("cleaner.pipeline.cleaning", "choose_metadata", "metadata choice"),
    ("cleaner.metadata.choice", "candidates", "  candidates and their features"),
    ("cleaner.pipeline.cleaning", "settle_output", "settling the output: the body read again by every layer"),
)


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
    language.forget_words()  # langdetect's words and their n-grams


def one_round(texts: list[str]) -> float:
    """CPU seconds to clean every text once, its caches emptied first."""
    forget()
    start = time.process_time()
    for text in texts:
        clean(text, format="text")
    return time.process_time() - start


def stage_table(kind: str, spent: dict[str, float], total: float, pages: int) -> str:
    """Each stage's CPU ms a page and share of ``clean()`` over ``pages`` cleanings that took ``total`` seconds."""
    lines = [f"\n| {kind}: stage | ms a page | share of clean() |", "|---|---|---|"]
    lines.append(f"| clean(text, format='text') | {1000 * total / pages:.2f} | 100% |")
    for _, name, label in STAGES:
        share = spent[name] / total if total else 0.0
        lines.append(f"| {label.replace('  ', '. ')} | {1000 * spent[name] / pages:.2f} | {100 * share:.0f}% |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("--bench", default="aeb")
    parser.add_argument("--sources", default=",".join(SOURCES), help="comma-separated input kinds")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N pages of each kind")
    parser.add_argument("--stages", action="store_true", help="also time each stage inside clean() (STAGES)")
    args = parser.parse_args(argv)
    folder = args.bench_dir / "data" / "text" / args.bench
    kinds = {kind: load(folder / kind)[: args.limit] for kind in args.sources.split(",")}
    if not all(kinds.values()):
        parser.error(f"{folder}: no dumps of {', '.join(kind for kind, texts in kinds.items() if not texts)} here")
    for texts in kinds.values():
        one_round(texts)  # warm up
    settle_heap()  # as the clean command's process and its workers do after their first document
    spent = {name: 0.0 for _, name, _ in STAGES}
    if args.stages:
        for module_name, name, _ in STAGES:
            timed(module_name, name, spent)
    seconds: dict[str, list[float]] = {kind: [] for kind in kinds}
    stages: dict[str, dict[str, float]] = {kind: dict.fromkeys(spent, 0.0) for kind in kinds}
    for _ in range(args.rounds):
        for kind, texts in kinds.items():
            spent.update(dict.fromkeys(spent, 0.0))
            seconds[kind].append(one_round(texts))
            stages[kind] = {name: stages[kind][name] + value for name, value in spent.items()}
    print(f"| input ({args.bench}) | pages | pages/s, best round | pages/s, median | ms a page (best) |")
    print("|---|---|---|---|---|")
    for kind, texts in kinds.items():
        best, median = min(seconds[kind]), statistics.median(seconds[kind])
        pages = len(texts)
        print(f"| {kind} | {pages} | {pages / best:.1f} | {pages / median:.1f} | {best * 1000 / pages:.2f} |")
    if args.stages:
        for kind, texts in kinds.items():
            print(stage_table(kind, stages[kind], sum(seconds[kind]), len(texts) * args.rounds))
    load_average = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"\n{args.rounds} rounds, CPU time; load average {load_average} at {time.strftime('%H:%M UTC', time.gmtime())}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
