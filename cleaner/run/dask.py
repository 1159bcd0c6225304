"""Cleaning on a Dask cluster: the Dask ``Executor``, and a lazy ``dask.bag.Bag`` of records partitioned by file.

``DaskExecutor`` is the Dask implementation of ``cleaner.run.executor.Executor``: it maps any
``Job`` over items in partitions of ``partition_size`` items, computing a bounded window of
partitions at a time, and yields the results in input order, a ``Failure`` for any item whose
work raised.  The job's context is one key of each window's graph.  Dask workers run tasks in
threads, where no timer can interrupt them: each document keeps to its time limit through the
checks of its ``Deadline`` only (``cleaner.errors``).  Each partition starts with the job's warm-up
(``Job.warm_up``: models, rule sets) and each document with its own (``Job.warm_up_item``: the page readers
before the first page), so a worker's first document does not pay those loads against its time limit; they
are kept, so later partitions' warm-ups cost next to nothing.

``clean_bag(paths)`` lists the input files (article files, JSON Lines, WARC, feeds) on the
client and returns a bag with one partition per file; nothing is read until the bag
is computed or written.  Each partition runs ``clean_partition``, a plain function of
``(paths_or_records, profile)`` that returns a list of dicts, so the same function
runs under Spark's ``mapPartitions`` (see docs/scaling.md).  A site profile and a
configuration are put in the task graph once, as a single key every partition
depends on, so a worker receives each of them once, not once per file.

Records are ``Article.to_dict()`` plus ``id``, ``source``, ``url`` and ``fetched``;
a document that failed is a record ``{"id", "source", "error"}`` in the same bag, so
a bad document never fails a partition.  ``write_jsonl`` writes one ``part-NNNNN.jsonl``
per partition and the failures beside them in ``errors-NNNNN.jsonl``.

The output equals a local run over the same paths (``clean_partition`` over the
sorted file list), record for record.  ``clean_bag`` and ``write_jsonl`` need the
``dask`` extra (``pip install cleaner[dask]``); ``clean_partition`` does not.  This
module does not start or choose a cluster: the caller's
``dask.distributed.Client`` (or Dask's default scheduler) runs the graph.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from cleaner.config import DEFAULT_CONFIG, DEFAULT_MAX_BYTES, Config
from cleaner.io.documents import documents_from_path, input_files
from cleaner.io.jsonl import JsonlWriter
from cleaner.io.records import Document, Failure, Format
from cleaner.pipeline.reading import check_arguments
from cleaner.run.executor import Job, attempt, warm_up, warm_up_for
from cleaner.run.stream import Cleaning, as_documents, cleaning_job
from cleaner.sites.store import load_profile

if TYPE_CHECKING:  # Dask is imported where it is used, so clean_partition runs without it (under Spark)
    import dask.bag as db
    from dask.delayed import Delayed

PathOrRecord = str | os.PathLike[str] | Document | Mapping[str, object]
T = TypeVar("T")
R = TypeVar("R")


class DaskExecutor:
    """Maps a job over items on Dask: ``partition_size`` items a task, ``window`` tasks computed at a time.

    Runs on the default ``dask.distributed.Client`` when one exists (else Dask's default scheduler).
    Memory on the client is bounded by one window of items and results.
    """

    def __init__(self, *, partition_size: int = 64, window: int = 32) -> None:
        self.partition_size = max(1, partition_size)
        self.window = max(1, window)

    def map(self, job: Job[Any, T, R], items: Iterable[T | Failure]) -> Iterator[R | Failure]:
        import dask
        import dask.bag as db

        context = _once(job.context, "context")
        bare = replace(job, context=None)  # the context travels as its own key
        iterator = iter(items)
        while chunk := list(islice(iterator, self.partition_size * self.window)):
            bag = db.from_sequence(chunk, partition_size=self.partition_size)
            (results,) = dask.compute(bag.map_partitions(_attempt_all, bare, context))
            yield from results


def _attempt_all(items: Iterable[Any], job: Job[Any, Any, Any], context: object) -> list[Any]:
    """One partition: ``attempt`` every item with the context given to the partition, after the job's warm-up
    (once a worker process: its loads are kept, so a later partition's warm-up costs next to nothing)."""
    whole = replace(job, context=context)
    warm_up(whole)
    return [_warmed_attempt(whole, item) for item in items]


def _warmed_attempt(job: Job[Any, T, R], item: T | Failure) -> R | Failure:
    """``attempt`` the item once what it needs beyond the job's warm-up is loaded (``Job.warm_up_item``)."""
    warm_up_for(job, item)
    return attempt(job, item)


def clean_partition(
    paths_or_records: Iterable[PathOrRecord] | str | os.PathLike[str],
    profile: object | None = None,
    *,
    format: Format = "auto",
    config: Config | None = None,
) -> list[dict[str, object]]:
    """Clean one partition: file paths (expanded into their documents) or records, in order; a ``str`` is one path.

    Returns one dict per document: an article record, or a failure record with an
    ``error`` key.  Never raises for a bad document or an unreadable file.
    """
    if isinstance(paths_or_records, str | os.PathLike):
        paths_or_records = [paths_or_records]  # one path, not one path per character
    limit = config.max_bytes if config is not None else DEFAULT_MAX_BYTES
    job = cleaning_job(Cleaning(config or DEFAULT_CONFIG, profile, format))
    warm_up(job)  # the loads before the first document's time limit starts; once a process (kept after)
    documents = as_documents(_documents(paths_or_records, limit))
    return [_warmed_attempt(job, document).to_dict() for document in documents]


def _documents(items: Iterable[PathOrRecord], max_bytes: int) -> Iterator[Document | Failure | Mapping]:
    for item in items:
        if isinstance(item, str | os.PathLike):
            yield from documents_from_path(Path(item), max_bytes=max_bytes)
        else:
            yield item


def clean_bag(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    profile: object | None = None,
    format: Format = "auto",
    config: Config | None = None,
) -> db.Bag:
    """A lazy bag of cleaned records, one partition per input file (folders are walked).

    ``profile`` is a learned site profile or the path of one (loaded here, once).  An unknown ``format``
    raises ``ValueError`` and a ``config`` of the wrong type ``TypeError``, before anything is listed.
    """
    check_arguments(None, config, caller="clean_bag()", format=format)  # else every record would fail the same way
    files = [str(path) for path in input_files(paths, exclude=(config or DEFAULT_CONFIG).exclude)]
    if not files:
        raise FileNotFoundError("no article, JSON Lines, WARC or feed files in the given paths")
    import dask.bag as db

    profile = _load_profile(profile)
    bag = db.from_sequence(files, partition_size=1)
    return bag.map_partitions(clean_partition, _once(profile, "profile"), format=format, config=_once(config, "config"))


def _load_profile(profile: object | None) -> object | None:
    if isinstance(profile, str | os.PathLike):
        return load_profile(Path(profile))
    return profile


def _once(value: object | None, name: str) -> Delayed | None:
    """The value as one graph key (sent to each worker once); ``None`` stays ``None``."""
    import dask

    if value is None:
        return None
    return dask.delayed(value, name=f"cleaner-{name}-{dask.base.tokenize(value)}", pure=True)


def write_jsonl(bag: db.Bag, folder: str | os.PathLike[str], *, compress: bool = False) -> dict[str, int]:
    """Compute the bag and write ``part-NNNNN.jsonl`` (and ``errors-NNNNN.jsonl``) per partition.

    Each file is written atomically by the worker that cleaned the partition (the
    folder must be reachable from the workers); a partition without failures removes the
    ``errors-NNNNN`` file an earlier run into the folder left.  Returns the counts of records
    and failures written.  ``compress`` writes ``.jsonl.gz``.
    """
    import dask

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    suffix = ".jsonl.gz" if compress else ".jsonl"
    parts = bag.to_delayed(optimize_graph=True)
    writes = [dask.delayed(_write_partition)(part, str(target), index, suffix) for index, part in enumerate(parts)]
    counts = dask.compute(*writes)
    return {"records": sum(ok for ok, _ in counts), "errors": sum(bad for _, bad in counts)}


def _write_partition(records: Sequence[Mapping[str, object]], folder: str, index: int, suffix: str) -> tuple[int, int]:
    good = [record for record in records if "error" not in record]
    bad = [record for record in records if "error" in record]
    with JsonlWriter(Path(folder) / f"part-{index:05d}{suffix}") as writer:
        for record in good:
            writer.write(record)
    errors = Path(folder) / f"errors-{index:05d}{suffix}"
    if bad:
        with JsonlWriter(errors) as writer:
            for record in bad:
                writer.write(record)
    else:  # an earlier run's failures of this partition are not this run's
        errors.unlink(missing_ok=True)
    return len(good), len(bad)
