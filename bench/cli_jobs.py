"""Throughput of the ``clean`` command with one process and with several.

    python bench/cli_jobs.py                                   # ../shared/bench/data/text/tfeval/bs4, jobs 1 and 2
    python bench/cli_jobs.py DATA_DIR --jobs 1 2 4 --repeat 3

Each run is the real command in a subprocess, as a user would type it
(``clean DATA -o OUT --format json --jobs N --quiet``), timed wall-clock from start
to exit, so start-up, reading, cleaning and writing all count.  The best of
``--repeat`` runs is reported, with the speed-up over the first ``--jobs`` value, and
the outputs of every run are compared byte for byte (``--jobs N`` must write exactly
what ``--jobs 1`` writes).

Wall-clock speed-up needs idle cores: the script prints the load average before and
after, how much more a fixed piece of work two processes get done than one (the
speed-up the machine can give at all right now), and the CPU seconds the command's
processes used, which do not depend on other load (equal CPU seconds for every
``--jobs`` value mean the parallel run does no extra work, so on N idle cores it
would run close to N times faster).

This script measures; it does not tune anything and reads no gold.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
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


PROBE = "sum(range(30_000_000))"  # a fixed piece of pure-Python work


def capacity(processes: int) -> float:
    """How many probe runs per second ``processes`` concurrent processes complete: shows the cores really free."""
    start = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-c", PROBE]) for _ in range(processes)]
    for process in running:
        process.wait()
    return processes / (time.perf_counter() - start)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # every finished descendant that was waited for
    return usage.ru_utime + usage.ru_stime


def run_once(data: Path, jobs: int, out: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of the command."""
    command = [sys.executable, "-m", "cleaner.cli", str(data), "-o", str(out), "--format", "json"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cpu, start = cpu_seconds(), time.perf_counter()
    result = subprocess.run([*command, "--jobs", str(jobs), "--quiet"], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"clean --jobs {jobs} failed with exit {result.returncode}:\n{result.stderr}")
    return elapsed, cpu_seconds() - cpu


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
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    one, two = capacity(1), capacity(2)
    print(f"free capacity: 2 processes do {two / one:.2f}x the work of 1 (2.00 on two idle cores)")
    baseline, digests = None, set()
    with tempfile.TemporaryDirectory() as scratch:
        for jobs in args.jobs:
            best, cpu = float("inf"), float("inf")
            for attempt in range(args.repeat):
                out = Path(scratch) / f"jobs{jobs}_{attempt}"
                wall, used = run_once(args.data, jobs, out)
                best, cpu = min(best, wall), min(cpu, used)
                digests.add(digest(out))
            baseline = baseline or best
            speed = f"{files / best:7.1f} files/s  speed-up {baseline / best:4.2f}x"
            print(f"--jobs {jobs}: {best:6.2f} s  {speed}  CPU {cpu:6.2f} s ({1000 * cpu / files:.0f} ms/file)")
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print("outputs identical across runs" if len(digests) == 1 else f"OUTPUTS DIFFER: {len(digests)} distinct trees")


if __name__ == "__main__":
    main()
