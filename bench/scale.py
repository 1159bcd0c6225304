"""Scale benchmark: pages per second on a Dask LocalCluster, and worker memory as the corpus grows.

    python bench/scale.py                                  # text inputs: 1x20000, 2x20000, 2x100000
    python bench/scale.py --input html --runs 1x591,2x591  # the raw HTML pages, once each
    python bench/scale.py --bench ../shared/bench --runs 2x20000 --shard 1000 --json results.json
    python bench/scale.py --plain 30000 --runs 1x30000        # no Dask: RSS after each shard

The benchmark pages (``<bench>/data/text/*/trafilatura/*.txt``, what an extractor left,
cleaned as text; or ``<bench>/data/*/html/*.html``) are repeated, each copy with its own
id, into JSON Lines shards of ``--shard`` documents in a scratch folder; a run is
``write_jsonl(clean_bag(shards), out)`` on a fresh ``LocalCluster`` of N single-threaded
worker processes.  The time counts from submitting the graph to the last file written
(the cluster is started and each worker has cleaned one page beforehand, so start-up and
imports are not counted).  Each worker's resident memory (RSS, via psutil) is sampled
every 0.2 s; the table gives the RSS after warm-up, the largest sample per worker, and
the largest sample in each fifth of the run (a leak shows as peaks rising fifth by fifth).

Bounded memory means the peak RSS per worker does not grow with the number of
documents: a worker holds one partition (one shard) at a time, whatever the corpus size.
Dask's own statistical profiler is switched off (``--dask-profiler`` leaves it on): it keeps
one profile per second of work for an hour, which grows each worker's RSS by about
4 MB a minute whatever is being run, and would hide what cleaning itself holds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from itertools import cycle, islice
from pathlib import Path

import dask
import psutil
from dask.distributed import Client, LocalCluster

from cleaner.run.dask import clean_bag, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


@dataclass(frozen=True)
class Run:
    workers: int
    documents: int
    seconds: float
    pages_per_second: float
    records: int
    errors: int
    rss_start_mb: list[float]
    rss_peak_mb: list[float]
    rss_peak_by_fifth_mb: list[list[float]]  # per worker: the peak in each fifth of the run's time
    load_average: float


def inputs(bench: Path, kind: str) -> list[tuple[str, str]]:
    """(format, content) of every benchmark page of the chosen kind, in sorted order."""
    pattern = "text/*/trafilatura/*.txt" if kind == "text" else "*/html/*.html"
    files = sorted((bench / "data").glob(pattern))
    if not files:
        sys.exit(f"scale.py: no benchmark pages match {bench / 'data' / pattern}")
    return [(kind, path.read_text(encoding="utf-8", errors="replace")) for path in files]


def build_shards(pages: list[tuple[str, str]], count: int, shard: int, folder: Path) -> list[Path]:
    """``count`` documents (the pages repeated, ids d0000000...) in shards of ``shard`` documents."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    documents = islice(cycle(pages), count)
    for index in range(0, count, shard):
        path = folder / f"shard-{index // shard:05d}.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as handle:
            for number, (kind, content) in enumerate(islice(documents, shard), start=index):
                handle.write(json.dumps({"id": f"d{number:07d}", kind: content}) + "\n")
        paths.append(path)
    return paths


class Sampler:
    """Samples the RSS of the worker processes in a background thread; keeps each one's peak."""

    def __init__(self, pids: list[int], every: float = 0.2) -> None:
        self.processes = [psutil.Process(pid) for pid in pids]
        self.peaks = [0] * len(pids)
        self.samples: list[tuple[float, list[int]]] = []
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def rss(self) -> list[int]:
        return [process.memory_info().rss for process in self.processes]

    def _loop(self) -> None:
        while not self._stop.is_set():
            now = self.rss()
            self.samples.append((time.perf_counter(), now))
            self.peaks = [max(peak, rss) for peak, rss in zip(self.peaks, now, strict=True)]
            self._stop.wait(self.every)

    def peaks_by_fifth(self) -> list[list[float]]:
        """Per worker, the largest sample in each fifth of the sampled time: flat, or growing?"""
        first, last = self.samples[0][0], self.samples[-1][0]
        span = max(last - first, 1e-9)
        fifths = [[0] * 5 for _ in self.processes]
        for moment, values in self.samples:
            fifth = min(int(5 * (moment - first) / span), 4)
            for worker, rss in enumerate(values):
                fifths[worker][fifth] = max(fifths[worker][fifth], rss)
        return [[round(rss / MB, 1) for rss in worker] for worker in fifths]

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peaks = [max(peak, now) for peak, now in zip(self.peaks, self.rss(), strict=True)]


def _warm_up(sample: tuple[str, str]) -> int:
    from cleaner import clean

    kind, content = sample
    clean(content, format=kind)
    return os.getpid()


def run(shards: list[Path], workers: int, documents: int, sample: tuple[str, str], scratch: Path) -> Run:
    out = scratch / f"out-{workers}x{documents}"
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, memory_limit=0
        ) as cluster,
        Client(cluster) as client,
    ):
        pids = list(client.run(_warm_up, sample).values())
        with Sampler(pids) as sampler:
            start_rss = sampler.rss()
            began = time.perf_counter()
            counts = write_jsonl(clean_bag(shards), out)
            seconds = time.perf_counter() - began
    shutil.rmtree(out, ignore_errors=True)
    done = counts["records"] + counts["errors"]  # what was cleaned (whole shards), not what was asked
    return Run(
        workers,
        done,
        round(seconds, 1),
        round(done / seconds, 1),
        counts["records"],
        counts["errors"],
        [round(rss / MB, 1) for rss in start_rss],
        [round(peak / MB, 1) for peak in sampler.peaks],
        sampler.peaks_by_fifth(),
        os.getloadavg()[0],
    )


def plain(shards: list[Path], scratch: Path) -> None:
    """The same work without Dask, shard after shard in this process: RSS after each shard."""
    from cleaner.run.dask import _write_partition, clean_partition

    process, began = psutil.Process(), time.perf_counter()
    for index, shard in enumerate(shards):
        records = clean_partition([str(shard)])
        peak = process.memory_info().rss
        _write_partition(records, str(scratch / "out-plain"), index, ".jsonl")
        del records
        print(f"shard {index}: RSS {peak / MB:.1f} MB, {time.perf_counter() - began:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--input", choices=("text", "html"), default="text")
    parser.add_argument("--runs", default="1x20000,2x20000,2x100000", help="WORKERSxDOCUMENTS, comma-separated")
    parser.add_argument("--shard", type=int, default=1000, help="documents per JSON Lines shard (= per partition)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--plain", type=int, metavar="DOCUMENTS", help="no Dask: clean this many in this process")
    parser.add_argument(
        "--dask-profiler",
        action="store_true",
        help="leave Dask's profiler on (its per-second history grows worker RSS for an hour)",
    )
    args = parser.parse_args()
    dask.config.set({"distributed.worker.profile.enabled": args.dask_profiler})  # workers inherit the config
    runs = [tuple(int(part) for part in item.split("x")) for item in args.runs.split(",")]
    pages = inputs(args.bench, args.input)
    scratch = Path(tempfile.mkdtemp(prefix="cleaner-scale-"))
    try:
        largest = max(documents for _, documents in runs)
        shards = build_shards(pages, largest, args.shard, scratch / "in")
        print(
            f"{args.input} inputs: {len(pages)} pages repeated to {largest} documents, "
            f"{len(shards)} shards of {args.shard}",
            flush=True,
        )
        if args.plain:
            plain(shards[: -(-args.plain // args.shard)], scratch)
            return
        results = []
        for workers, documents in runs:
            result = run(shards[: -(-documents // args.shard)], workers, documents, pages[0], scratch)
            results.append(result)
            print(json.dumps(asdict(result)), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(
        "\n| workers | documents | seconds | pages/s | RSS after warm-up (MB) | peak RSS (MB) "
        "| peak RSS in each fifth of the run (MB) |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in results:
        fifths = "; ".join(" / ".join(map(str, worker)) for worker in r.rss_peak_by_fifth_mb)
        print(
            f"| {r.workers} | {r.documents} | {r.seconds} | {r.pages_per_second} | "
            f"{', '.join(map(str, r.rss_start_mb))} | {', '.join(map(str, r.rss_peak_mb))} | {fifths} |"
        )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
