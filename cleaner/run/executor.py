"""One way to map work over many documents: a ``Job`` says what to do with one item, an ``Executor`` where.

As in datatrove's executors, the work is separate from where it runs.  A ``Job`` is a plain
function of ``(context, item)`` (picklable: defined at module level) plus the context every
worker needs once (the configuration, a site profile, the run's settings), a way to name an item in
a failure record, and the time limit of one item.  An ``Executor`` maps a job over an iterable of
items and yields one result per item, in input order, with bounded memory:

* ``SerialExecutor`` (here) runs in the calling process: one item at a time;
* ``ProcessExecutor`` (``cleaner.run.local``) runs worker processes on this machine, at most a few
  items in flight per worker, and kills a worker whose item overruns its time limit;
* ``DaskExecutor`` (``cleaner.run.dask``) runs partitions on a Dask cluster, a bounded window of them
  at a time.

In a process of its own (a worker, or the command's process), once the first item is done, what it
loaded for good (the models, the rule files, the word lists: tens of thousands of objects) is frozen
out of the garbage collector's view (``settle_heap``), so that its full collections stop walking them
again and again: before the second item.  A library caller's process is never frozen unless asked
(``SerialExecutor(settle=True)``): freezing is a choice about the whole process's heap.

Whatever goes wrong with one item (an exception in the work, a worker that dies or overruns)
becomes a ``Failure`` record in its place, and the run goes on.  An item that already is a
``Failure`` (a reader could not parse a record) is passed through as it is, in its place.

This module does not clean: the jobs' work functions live with what they do (``cleaner.run.batch``,
``cleaner.run.stream``, ``cleaner.cli.learn``).
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any, Generic, Protocol, TypeVar

from cleaner.io.records import Failure

C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)  # a job giving an ``Outcome`` is a job giving ``Outcome | Failure``


def label_of(item: object) -> tuple[str, str | None]:
    """The id and source file a failure record gives an item: its ``id``/``source``, else its text."""
    ident = getattr(item, "id", None)
    if isinstance(ident, str):
        return ident, getattr(item, "source", None)
    return str(item), str(item) if isinstance(item, os.PathLike) else None


@dataclass(frozen=True)
class Job(Generic[C, T, R_co]):
    """What to do with each item: ``work(context, item)``, with ``context`` sent to each worker once.

    ``time_limit`` is the seconds one item may take; the work is expected to keep to it itself
    (``clean`` runs under its ``Deadline``), and executors that can stop a runaway item do so once it
    is exceeded by a grace period.  ``None``: no limit.  ``warm_up(context)`` pays the work's one-off
    costs (models, rule sets): a process that runs only this work calls it before its first item, outside
    any item's time limit, so that the first item is not the one that pays them, and may fail for it.
    ``warm_up_item(context, item)`` tells the costs one item needs that ``warm_up`` left out (the HTML layer
    for a page of a stream warmed up for text): a callable paying them, or ``None`` when this process has
    none left to pay (it is asked before every item, so it must be cheap); such a process calls it before
    the item, outside the item's time limit too.
    """

    work: Callable[[C, T], R_co]
    context: C
    time_limit: float | None = None
    label: Callable[[T], tuple[str, str | None]] = label_of
    warm_up: Callable[[C], None] | None = None
    warm_up_item: Callable[[C, T], Callable[[], None] | None] | None = None


def warm_up(job: Job[Any, Any, Any]) -> None:
    """Run the job's warm-up, if it has one.  One that fails leaves its cost, and its error, to the items:
    each meets the error again and fails with it in its own record, as it would without a warm-up."""
    if job.warm_up is not None:
        with contextlib.suppress(Exception):
            job.warm_up(job.context)


def item_warm_up(job: Job[Any, T, Any], item: T | Failure) -> Callable[[], None] | None:
    """What ``item`` still needs warmed up in this process beyond the job's warm-up (``Job.warm_up_item``),
    or ``None``.  Like ``warm_up``, a question or a warm-up that fails leaves the cost, and the error, to the item."""
    if job.warm_up_item is None or isinstance(item, Failure):
        return None
    try:
        return job.warm_up_item(job.context, item)
    except Exception:  # the item meets the error again, and fails with it in its own record
        return None


def warm_up_for(job: Job[Any, T, Any], item: T | Failure) -> bool:
    """Pay what ``item`` still needs warmed up in this process (``item_warm_up``), before its time limit starts;
    whether there was any."""
    pending = item_warm_up(job, item)
    if pending is None:
        return False
    with contextlib.suppress(Exception):
        pending()
    return True


def attempt(job: Job[C, T, R], item: T | Failure) -> R | Failure:
    """The item's result, or a ``Failure`` naming it when the work raised (never raises for one item)."""
    if isinstance(item, Failure):
        return item
    try:
        return job.work(job.context, item)
    except Exception as error:  # one item must never end the run: say what happened, in one line
        ident, source = job.label(item)
        return Failure(id=ident, reason=f"internal error: {type(error).__name__}: {one_line(error)}", source=source)


# Objects allocated (net) between two young collections once the heap is settled (Python's default: 700).  A
# document's cleaning keeps thousands of objects alive while it runs, which the default walks again and again.
YOUNG_COLLECTION = 10_000
_settled_in: int | None = None  # the process whose heap ``settle_heap`` froze (a forked worker is another)


def settle_heap() -> None:
    """Freeze the objects alive now out of the cyclic garbage collector's view, once per process.

    Called before a process's second item, when the first has loaded the models and the lexicons
    that every later item uses: its full collections then walk only the objects made since, and stop
    paying for the long-lived ones again and again.  The garbage is collected first, so no
    unreachable cycle is frozen (frozen objects are still freed when their last reference goes);
    what stays frozen is what was alive once, never per-item growth.  Young collections then come
    every ``YOUNG_COLLECTION`` allocations: garbage cycles wait a little longer (a few MB at most),
    and the objects an item holds while it runs are walked fewer times.  A second call in the same
    process does nothing.
    """
    global _settled_in
    if _settled_in == os.getpid():
        return
    _settled_in = os.getpid()
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION, *gc.get_threshold()[1:])


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


class Executor(Protocol):
    """Maps a job over items, yielding a result or a ``Failure`` for each, in input order."""

    def map(self, job: Job[Any, T, R], items: Iterable[T | Failure]) -> Iterator[R | Failure]: ...


class SerialExecutor:
    """Runs every item in the calling process, one at a time (``clean``'s own deadline bounds each).

    With ``settle``, for a process that runs only this (the ``clean`` command), not for a library caller's:
    when there are two items or more, the job's warm-up runs before the first, and each item's own
    (``Job.warm_up_item``) before it (one item alone pays only the loads it needs: a pre-commit hook given
    one file), and the process's heap is frozen before the second (``settle_heap``).
    """

    def __init__(self, settle: bool = False) -> None:
        self.settle = settle

    def map(self, job: Job[Any, T, R], items: Iterable[T | Failure]) -> Iterator[R | Failure]:
        iterator = iter(items)
        if not self.settle:
            yield from (attempt(job, item) for item in iterator)
            return
        ahead = [item for item in (next(iterator, _NONE), next(iterator, _NONE)) if item is not _NONE]
        if len(ahead) < 2:  # one item (or none): it pays what it needs, as a library caller's would
            yield from (attempt(job, item) for item in ahead)
            return
        warm_up(job)
        for position, item in enumerate(chain(ahead, iterator)):
            if position == 1:
                settle_heap()
            warm_up_for(job, item)
            yield attempt(job, item)


_NONE: Any = object()  # no item


def default_jobs() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
