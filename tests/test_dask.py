"""Dask: a real ``LocalCluster`` with two worker processes gives byte for byte the local output.

The corpus is the seeds, a spread sample of the benchmark development pages (every n-th raw
HTML page and text dump; skipped when ``../shared/bench`` is absent), a WARC file built here with
one corrupt record, and a JSON Lines file with one bad line.  Records are compared as ``json.dumps(sort_keys=True)``
lines, and the partitioned JSON Lines output as file bytes.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

pytest.importorskip("dask.bag", reason="the 'dask' extra is not installed")
distributed = pytest.importorskip("distributed", reason="the 'dask' extra is not installed")

from test_warc import seed_pages, write_warc  # noqa: E402

from cleaner.io.documents import input_files  # noqa: E402
from cleaner.io.jsonl import JsonlWriter  # noqa: E402
from cleaner.io.records import Document, Failure  # noqa: E402
from cleaner.run.dask import DaskExecutor, clean_bag, clean_partition, write_jsonl  # noqa: E402
from cleaner.run.executor import SerialExecutor  # noqa: E402
from cleaner.run.stream import Cleaning, clean_many, cleaning_job  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BENCH = Path(os.environ.get("CLEANER_BENCH", ROOT.parent / "shared" / "bench"))
HTML_PAGES = 12
TEXT_DUMPS = 6


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


class Containers(NamedTuple):
    archive: Path  # a WARC file whose third page record is corrupt
    records: Path  # a JSON Lines file whose third line is broken
    corrupt_offset: int

    @property
    def paths(self) -> list[Path]:
        return [self.archive, self.records]


@pytest.fixture(scope="module")
def containers(tmp_path_factory: pytest.TempPathFactory) -> Containers:
    folder = tmp_path_factory.mktemp("containers")
    archive = folder / "crawl.warc.gz"
    offsets = write_warc(archive, seed_pages(), noise=False)
    data = bytearray(archive.read_bytes())
    data[offsets[2] : offsets[2] + 12] = b"CORRUPT DATA"
    archive.write_bytes(bytes(data))
    lines = [
        json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")}) for path in sorted(SEEDS.glob("*.txt"))
    ]
    records = folder / "records.jsonl.gz"
    records.write_bytes(gzip.compress(("\n".join([*lines[:2], "{broken", *lines[2:]]) + "\n").encode()))
    return Containers(archive, records, offsets[2])


def bench_pages() -> list[Path]:
    """HTML_PAGES raw HTML pages and TEXT_DUMPS text dumps, spread over the development split."""
    html = sorted((BENCH / "data").glob("*/html/*.html"))
    text = sorted((BENCH / "data" / "text").glob("*/bs4/*.txt"))
    if not html or not text:
        pytest.skip(f"benchmark pages not found under {BENCH} (set CLEANER_BENCH)")
    return html[:: len(html) // HTML_PAGES][:HTML_PAGES] + text[1 :: len(text) // TEXT_DUMPS][:TEXT_DUMPS]


def lines(records: list[dict[str, object]]) -> list[str]:
    return [json.dumps(record, sort_keys=True) for record in records]


def local_run(files: list[Path]) -> list[dict[str, object]]:
    return clean_partition([str(path) for path in files])


def test_seeds_on_the_cluster_equal_the_local_run(client: distributed.Client, containers: Containers) -> None:
    files = input_files([SEEDS, *containers.paths])
    bag = clean_bag([SEEDS, *containers.paths])
    assert bag.npartitions == len(files) == 7  # one partition per file
    records = bag.compute()
    assert lines(records) == lines(local_run(files))
    errors = [record for record in records if "error" in record]
    assert [(error["source"], error["id"]) for error in errors] == [
        (str(containers.archive), f"{containers.archive}@{containers.corrupt_offset}"),
        (str(containers.records), f"{containers.records}:3"),
    ]
    assert len(records) == 5 + 4 + 5 + 2  # seeds, the WARC's good pages, the JSON Lines records, 2 errors


def test_bench_pages_on_the_cluster_equal_the_local_run(client: distributed.Client) -> None:
    files = bench_pages()
    records = clean_bag(files).compute()
    assert len(records) == len(files) == HTML_PAGES + TEXT_DUMPS
    assert lines(records) == lines(local_run(files))
    assert sum("error" in record for record in records) == 0


def test_partitioned_output_equals_local_files(
    client: distributed.Client, containers: Containers, tmp_path: Path
) -> None:
    files = input_files([SEEDS, *containers.paths])
    counts = write_jsonl(clean_bag(files), tmp_path / "dask", compress=True)
    assert counts == {"records": 14, "errors": 2}
    expected = tmp_path / "local"
    for index, path in enumerate(files):
        records = local_run([path])
        for name, chosen in (
            ("part", [r for r in records if "error" not in r]),
            ("errors", [r for r in records if "error" in r]),
        ):
            if chosen or name == "part":
                with JsonlWriter(expected / f"{name}-{index:05d}.jsonl.gz") as writer:
                    for record in chosen:
                        writer.write(record)
    written = sorted(path.name for path in (tmp_path / "dask").iterdir())
    assert written == sorted(path.name for path in expected.iterdir())
    for name in written:
        assert (tmp_path / "dask" / name).read_bytes() == (expected / name).read_bytes(), name
    error_file = tmp_path / "dask" / f"errors-{files.index(containers.archive):05d}.jsonl.gz"
    (failure,) = [json.loads(line) for line in gzip.decompress(error_file.read_bytes()).splitlines()]
    assert failure["id"] == f"{containers.archive}@{containers.corrupt_offset}"
    assert failure["error"].startswith("unreadable WARC record")


def test_configuration_is_one_graph_key_shared_by_all_partitions(client: distributed.Client) -> None:
    from cleaner import Config

    config = Config(max_bytes=3000)
    bag = clean_bag([SEEDS], config=config)
    keys = [key for key in dict(bag.__dask_graph__()) if "cleaner-config" in str(key)]
    assert len(keys) == 1
    records = bag.compute()
    assert lines(records) == lines(clean_partition([str(p) for p in input_files([SEEDS])], config=config))
    assert any("too large" in str(record.get("error")) for record in records)  # the configuration reached them


def test_a_learned_profile_reaches_the_workers_once(client: distributed.Client) -> None:
    corpus = pytest.importorskip(
        "cleaner.corpus.twopass", reason="site profiles (cleaner.corpus.twopass) are not available"
    )
    folder = ROOT / "fixtures" / "corpus"
    if not folder.is_dir():
        pytest.skip(f"no corpus fixtures in {folder}")
    local = corpus.Corpus.from_paths([folder])
    profile = local.learn()
    bag = clean_bag([folder], profile=profile)
    assert len([key for key in dict(bag.__dask_graph__()) if "cleaner-profile" in str(key)]) == 1
    records = bag.compute()
    assert lines(records) == lines([result.to_dict() for result in local.clean(profile)])
    learned = [
        removal for record in records for removal in record.get("removed", []) if removal["rule"].startswith("profile:")
    ]
    assert learned, "the profile removed nothing: it did not reach the workers"


def test_the_partition_function_runs_without_dask_on_records(tmp_path: Path) -> None:
    """What Spark's ``mapPartitions`` does: an iterator of rows, in a process that never imports Dask."""
    script = tmp_path / "spark_like.py"
    script.write_text(
        "import json, sys\n"
        "from pathlib import Path\n"
        "from cleaner.run.dask import clean_partition\n"
        "files = sorted(Path(sys.argv[1]).glob('*.txt'))\n"
        "rows = ({'id': p.stem, 'text': p.read_text(encoding='utf-8')} for p in files)\n"
        "records = clean_partition(rows, None)\n"
        "assert 'dask' not in sys.modules, 'Dask was imported'\n"
        "print(json.dumps(records, sort_keys=True))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script), str(SEEDS)], capture_output=True, text=True, timeout=300, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    expected = [
        result.to_dict()
        for result in clean_many(
            {"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in sorted(SEEDS.glob("*.txt"))
        )
    ]
    assert json.loads(done.stdout) == expected


def test_the_dask_executor_gives_what_the_serial_one_gives(client: distributed.Client) -> None:
    """One runner: the stream's cleaning job over documents, a bad one and a reader's failure, on the cluster."""
    seeds = sorted(SEEDS.glob("*.txt"))
    documents = [Document(id=path.stem, content=path.read_bytes(), source=str(path)) for path in seeds]
    bad = [Failure(id="x.jsonl:3", reason="not valid JSON"), Document(id="empty", content=b" ")]
    items = [*documents[:2], *bad, *documents[2:]]
    job = cleaning_job(Cleaning())
    on_dask = list(DaskExecutor(partition_size=2, window=2).map(job, items))
    here = list(SerialExecutor().map(job, items))
    assert [result.to_dict() for result in on_dask] == [result.to_dict() for result in here]
    assert [result.ok for result in on_dask] == [True, True, False, False, True, True, True]


def test_a_second_run_into_the_same_folder_leaves_no_earlier_failures(
    client: distributed.Client, tmp_path: Path
) -> None:
    """A user fixed the one bad line of a shard and wrote the bag again into the same folder: its
    ``errors-00000.jsonl`` from the first run stayed, listing a failure the second run did not have."""
    shard = tmp_path / "shard.jsonl"
    good = json.dumps({"id": "a", "text": (SEEDS / "002_694ce83051234cea.txt").read_text(encoding="utf-8")})
    shard.write_text(f"{good}\n{{broken\n", encoding="utf-8")
    out = tmp_path / "out"
    assert write_jsonl(clean_bag([shard]), out) == {"records": 1, "errors": 1}
    assert (out / "errors-00000.jsonl").is_file()
    shard.write_text(f"{good}\n", encoding="utf-8")
    assert write_jsonl(clean_bag([shard]), out) == {"records": 1, "errors": 0}
    assert sorted(path.name for path in out.iterdir()) == ["part-00000.jsonl"]


def test_an_unknown_format_stops_clean_bag_before_anything_runs() -> None:
    """``clean_bag(paths, format="htm")`` gave a bag whose every record was a failure (``unknown format``)."""
    with pytest.raises(ValueError, match=r"unknown format 'htm'"):
        clean_bag([SEEDS], format="htm")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"clean_bag\(\) takes config as a cleaner.Config"):
        clean_bag([SEEDS], config={"timeout": 5})  # type: ignore[arg-type]


def test_a_workers_first_documents_do_not_pay_its_loads_against_their_time_limit() -> None:
    # A fresh worker process loads the models, rule sets, langdetect's profiles and, for HTML, the date
    # parser (3-4 s of CPU) before its first partition's documents; the time limit is wall-clock, so it is set
    # from this machine's pace now: four times the slowest of these documents cleaned warm (at least 0.75 s),
    # which must stay below what the loads take in a fresh process, else the test could not tell the two apart
    # (on the old code the first document ran out of 0.75 s, "stopped in byline and dateline lines").
    from cleaner.config import Config

    files = [*sorted(SEEDS.glob("*.txt")), *sorted((ROOT / "fixtures" / "html").glob("*.html"))[:2]]
    limit = max(0.75, 4 * _slowest_warm_document(files))
    loads = _fresh_process_loads()
    assert limit < loads, f"a limit of {limit:.2f} s cannot tell a document from the loads ({loads:.2f} s)"
    with (
        distributed.LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster,
        distributed.Client(cluster),
    ):
        records = clean_bag(files, config=Config(timeout=limit)).compute()
    assert len(records) == len(files)
    assert [record.get("error") for record in records if "error" in record] == []


def _slowest_warm_document(files: list[Path]) -> float:
    """Wall seconds of the slowest file cleaned in this process once its loads are paid."""
    import cleaner

    cleaner.warm_up()  # this process's loads, HTML's included
    times = []
    for path in files:
        start = time.perf_counter()
        clean_partition(path)
        times.append(time.perf_counter() - start)
    return max(times)


def _fresh_process_loads() -> float:
    """Wall seconds a fresh Python process takes to import cleaner and pay its loads (``warm_up``)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import cleaner; cleaner.warm_up()"], check=True, cwd=ROOT)
    return time.perf_counter() - start
