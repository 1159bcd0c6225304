"""Throughput of the ``clean`` command with one process and with several.

    python bench/cli_jobs.py                                   # ../shared/bench/data/text/tfeval/bs4, jobs 1 and 2
    python bench/cli_jobs.py DATA_DIR --jobs 1 2 4 --repeat 3

Each run is the real command in a subprocess, as a user would type it
(``clean DATA -o OUT --format json --jobs N --quiet``), timed wall-clock from start
to exit, so start-up, reading, cleaning and writing all count.  The best of
``--repeat`` runs is reported, with the speed-up over the first ``--jobs`` value, and
the outputs of every run are compared byte for byte (``--jobs N`` must write exactly
what ``--jobs 1`` writes).

This script measures; it does not tune anything and reads no gold.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "data" / "text" / "tfeval" / "bs4"


def digest(folder: Path) -> str:
    """One hash over every output file's name and bytes."""
    total = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            total.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return total.hexdigest()


def run_once(data: Path, jobs: int, out: Path) -> float:
    command = [sys.executable, "-m", "cleaner.cli", str(data), "-o", str(out), "--format", "json"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    result = subprocess.run([*command, "--jobs", str(jobs), "--quiet"], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"clean --jobs {jobs} failed with exit {result.returncode}:\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="input folder (default: tfeval/bs4)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to compare (default 1 2)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per value; the best is reported (default 2)")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data}: no such folder (give the benchmark data folder as the first argument)")
    files = sum(1 for path in args.data.rglob("*") if path.suffix in (".txt", ".md", ".html", ".htm"))
    print(f"{files} files in {args.data}; {os.cpu_count()} cores; best of {args.repeat}")
    baseline, digests = None, set()
    with tempfile.TemporaryDirectory() as scratch:
        for jobs in args.jobs:
            best = float("inf")
            for attempt in range(args.repeat):
                out = Path(scratch) / f"jobs{jobs}_{attempt}"
                best = min(best, run_once(args.data, jobs, out))
                digests.add(digest(out))
            baseline = baseline or best
            print(f"--jobs {jobs}: {best:6.2f} s  {files / best:7.1f} files/s  speed-up {baseline / best:4.2f}x")
    print("outputs identical across runs" if len(digests) == 1 else f"OUTPUTS DIFFER: {len(digests)} distinct trees")


if __name__ == "__main__":
    main()
