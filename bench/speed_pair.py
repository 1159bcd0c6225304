"""Two checkouts' text-mode speed, compared page by page in turn: the ratio of their CPU times on the same pages.

    python bench/speed_pair.py ../shared/bench BASE NEW                       # aeb bs4 dumps, three rounds
    python bench/speed_pair.py ../shared/bench ../base . --sources bs4,trafilatura --rounds 5

``BASE`` and ``NEW`` are two checkouts of cleaner (a detached worktree of main and a branch).  Each runs in a
process of its own with its checkout first on ``sys.path`` and reads the pages, cleans every one untimed once and
settles its heap, as ``bench/speed_text.py`` does.  Then, round after round, both empty their per-text caches
(``speed_text.forget``) and clean the same page in turn, page after page, the first to go alternating; each
process reports its own CPU time (``time.process_time``) for each page.  Whatever else the machine runs falls on
both alike within a few tens of milliseconds, so their ratio holds steadier than runs of ``speed_text.py``
alternated, which moved by a tenth and more at load 6-9.  Two checkouts of the same code read 1.004-1.008 (load
5-6); at load 7-10 one pair's rounds still spread by a few hundredths (1.046-1.078), so take several rounds.

Each round prints each kind's pages per second for both and the ratio (BASE's time over NEW's: above 1, NEW is
faster); the summary, the median ratio over the rounds and its range.

This script measures; it tunes nothing and reads no gold.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# What each checkout's process runs: commands on standard input, one answer a line on standard output.
CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bench.speed_text import load, one_round, forget
from cleaner import clean
from cleaner.run.executor import settle_heap
folder, limit = Path(sys.argv[2]), int(sys.argv[4]) if sys.argv[4] != "all" else None
kinds = {kind: load(folder / kind)[:limit] for kind in sys.argv[3].split(",")}
for texts in kinds.values():
    one_round(texts)
settle_heap()
print(" ".join(f"{kind}={len(texts)}" for kind, texts in kinds.items()), flush=True)
for line in sys.stdin:
    command = line.split()
    if command[0] == "forget":
        forget()
        print("ok", flush=True)
        continue
    text = kinds[command[0]][int(command[1])]
    start = time.process_time()
    clean(text, format="text")
    print(time.process_time() - start, flush=True)
"""


class Checkout:
    """One checkout's process, cleaning what it is told."""

    def __init__(self, tree: Path, folder: Path, sources: str, limit: int | None = None) -> None:
        environment = dict(os.environ, PYTHONPATH=str(tree))
        self.process = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tree), str(folder), sources, "all" if limit is None else str(limit)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=environment,
            cwd=tree,
        )
        assert self.process.stdout is not None
        self.pages = {kind: int(count) for kind, count in (item.split("=") for item in self.ask(None).split())}

    def ask(self, command: str | None) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        if command is not None:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if not answer:
            raise RuntimeError(f"the checkout's process stopped (exit code {self.process.wait()})")
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def one_round(pair: tuple[Checkout, Checkout], kind: str, first: int) -> tuple[float, float]:
    """Both checkouts' CPU seconds over a kind's pages, cleaned in turn (``first``: which goes first on page 0)."""
    for checkout in pair:
        checkout.ask("forget")
    spent = [0.0, 0.0]
    for page in range(pair[0].pages[kind]):
        order = (0, 1) if (page + first) % 2 == 0 else (1, 0)
        for side in order:
            spent[side] += float(pair[side].ask(f"{kind} {page}"))
    return spent[0], spent[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("base", type=Path, help="the checkout compared against (main)")
    parser.add_argument("new", type=Path, help="the checkout measured")
    parser.add_argument("--bench", default="aeb")
    parser.add_argument("--sources", default="bs4", help="comma-separated input kinds")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N pages of each kind")
    args = parser.parse_args(argv)
    folder = args.bench_dir.resolve() / "data" / "text" / args.bench
    pair = (
        Checkout(args.base.resolve(), folder, args.sources, args.limit),
        Checkout(args.new.resolve(), folder, args.sources, args.limit),
    )
    print(f"started {time.strftime('%H:%M', time.gmtime())} UTC, load {os.getloadavg()[0]:.1f}")
    ratios: dict[str, list[float]] = {kind: [] for kind in pair[0].pages}
    for number in range(args.rounds):
        for kind, pages in pair[0].pages.items():
            base, new = one_round(pair, kind, number)
            ratios[kind].append(base / new)
            speeds = f"base {pages / base:.1f}, new {pages / new:.1f} pages/s"
            print(f"round {number + 1}, {kind}: {speeds}, {base / new:.3f}x")
    for checkout in pair:
        checkout.close()
    print(f"ended {time.strftime('%H:%M', time.gmtime())} UTC, load {os.getloadavg()[0]:.1f}")
    for kind, found in ratios.items():
        spread = f"rounds {min(found):.3f}-{max(found):.3f}"
        print(f"{kind}: new/base pages per second {statistics.median(found):.3f}x ({spread})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
