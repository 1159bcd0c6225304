"""The local parallel executor: worker processes on this machine, results in input order.

``ProcessExecutor(jobs).map(job, items)`` starts ``jobs`` worker processes, sends each the job's
context once, then hands out one item at a time to each idle worker and yields the results in
input order.  At most ``2 * jobs`` items are read ahead of the one being yielded, so a stream of
any length runs in bounded memory, and the output is byte for byte that of a serial run.

Three things a plain process pool does not do, and this one does:

* **a hard time limit per item**: the work keeps to its own deadline (``cleaner.errors.Deadline``),
  but C code that never checks for signals cannot be interrupted from inside; a worker still busy
  with one item ``GRACE`` seconds past the job's ``time_limit`` is killed, the item becomes a
  ``Failure``, and a fresh worker takes its place;
* **workers never outlive the parent**: each worker watches a pipe whose only writing end the
  parent holds; when the parent exits in any way (``kill -TERM``, ``kill -9``, a crash) the pipe
  closes and the worker exits at once, even in the middle of an item;
* **a dying worker costs one item**: its item becomes a ``Failure`` and the run goes on.

A worker pays the job's one-off costs before its first item (``Job.warm_up``: models, rule sets), outside
that item's time limit, and says when it is ready; the parent's clock for an item starts then.  An item that
needs loads the warm-up left out (``Job.warm_up_item``: the HTML layer for the first page of a stream warmed
up for text) gets them the same way: the worker says it is warming up, pays them, says it is ready, and the
item's clock starts again.  Where workers are forked, the parent warms up once before it starts any, and
for an item's own needs before the first item that has them, retiring the workers forked before when they
are idle, so that every worker, a replacement too, starts warm and shares what was loaded.
A worker freezes its heap before its second item (``executor.settle_heap``).
Workers ignore ``SIGINT`` (Ctrl-C reaches the whole process group): the parent stops them.
Processes are forked where the platform can (fast, nothing to import again), else spawned.
This module does not know what the work is (``cleaner.run.executor.Job``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from cleaner.io.records import Failure
from cleaner.run.executor import (
    Executor,
    Job,
    SerialExecutor,
    attempt,
    item_warm_up,
    settle_heap,
    warm_up,
    warm_up_for,
)

T = TypeVar("T")
R = TypeVar("R")

READ_AHEAD = 2  # items read ahead per worker
STOP_WAIT = 2.0  # seconds a worker gets to exit after it is told to
WARM_UP_WAIT = 120.0  # seconds a new worker may take to warm up before its first item's clock starts anyway
READY = (-1, None)  # what a worker sends once it has warmed up
WARMING = (-2, None)  # what a worker sends when it starts warming up for an item (``Job.warm_up_item``)


def grace(limit: float) -> float:
    """How long past its time limit an item may run before its worker is killed."""
    return 1.0 + 0.25 * limit


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _serve(tasks: Connection, lifeline: Connection, parent_end: Connection, job: Job[Any, Any, Any]) -> None:
    """A worker: run items until told to stop or the parent is gone."""
    parent_end.close()  # a forked worker inherits the parent's end; only the parent may hold it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with_parent, args=(lifeline,), daemon=True).start()
    warm_up(job)  # before the first item, outside its time limit; forked from a warm parent, at once
    with contextlib.suppress(OSError):
        tasks.send(READY)
    served = 0
    while True:
        try:
            message = tasks.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        if served == 1:
            settle_heap()  # the first item loaded what every later one uses
        served += 1
        pending = item_warm_up(job, item)
        if pending is not None:  # the item needs loads the warm-up left out: paid before its clock starts
            tasks.send(WARMING)
            with contextlib.suppress(Exception):
                pending()
            tasks.send(READY)
        tasks.send((index, attempt(job, item)))


def _exit_with_parent(lifeline: Connection) -> None:
    """Block until the parent's end of the lifeline closes (it never writes), then exit at once."""
    with contextlib.suppress(EOFError, OSError):
        lifeline.recv()
    os._exit(1)


class _Worker:
    """One worker process, its task pipe, and the item it is busy with."""

    def __init__(
        self, context: multiprocessing.context.BaseContext, job: Job[Any, Any, Any], lifeline: Any, warmth: int
    ) -> None:
        self.warmth = warmth  # how many of the parent's warm-ups it was forked after
        self.connection, theirs = context.Pipe()
        self.process: BaseProcess = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(theirs, lifeline[0], lifeline[1], job), daemon=True
        )
        self.process.start()
        theirs.close()
        self.ready = False  # it has warmed up (``READY``)
        self.busy: tuple[int, Any, float] | None = None  # index, item, when its clock started

    def send(self, index: int, item: Any) -> None:
        self.connection.send((index, item))
        self.busy = (index, item, time.monotonic())

    def overdue_at(self, limit: float) -> float:
        """When the item it is busy with is overdue: its limit and the grace period after its clock started,
        which is when the item was sent to a ready worker, else when the worker said it was ready."""
        assert self.busy is not None
        return self.busy[2] + limit + grace(limit) + (0.0 if self.ready else WARM_UP_WAIT)

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.connection.send(None)
        self.process.join(timeout=None if kill else STOP_WAIT)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


class ProcessExecutor:
    """Runs a job's items in ``jobs`` worker processes (see the module docstring)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)

    def map(self, job: Job[Any, T, R], items: Iterable[T | Failure]) -> Iterator[R | Failure]:
        return _Run(job, self.jobs).results(iter(items))


def local_executor(jobs: int) -> Executor:
    """``jobs`` worker processes; with one job, this process (``clean``'s own deadline bounds each item), which
    runs only this work (the command's): its heap is frozen as a worker's is (``executor.settle_heap``)."""
    return ProcessExecutor(jobs) if jobs > 1 else SerialExecutor(settle=True)


class _Run:
    """One ``map``: the workers, the items in flight, and the results waiting for their turn."""

    def __init__(self, job: Job[Any, Any, Any], jobs: int) -> None:
        self.job = job
        self.jobs = jobs
        self.context = _context()
        self.lifeline = self.context.Pipe(duplex=False)  # (read end for workers, write end kept here)
        self.workers: list[_Worker] = []
        self.done: dict[int, Any] = {}
        self.fork = self.context.get_start_method() == "fork"
        self.cold = True  # no worker started yet (a run with no item to clean warms nothing up)
        self.warmth = 0  # the warm-ups this process paid for its workers to be forked after (``_warm``)

    def results(self, items: Iterator[Any]) -> Iterator[Any]:
        sys.stdout.flush()  # a forked worker must not inherit unwritten output and write it again
        sys.stderr.flush()
        next_out = sent = 0
        exhausted = False
        try:
            while True:
                while not exhausted and sent - next_out < READ_AHEAD * self.jobs and self._has_room():
                    item = next(items, _END)
                    if item is _END:
                        exhausted = True
                        break
                    if isinstance(item, Failure):
                        self.done[sent] = item
                    else:
                        self._warm(item)
                        self._idle_worker().send(sent, item)
                    sent += 1
                while next_out in self.done:
                    yield self.done.pop(next_out)
                    next_out += 1
                if exhausted and next_out == sent:
                    return
                if any(worker.busy for worker in self.workers):
                    self._collect()
        finally:
            for worker in self.workers:
                worker.stop(kill=worker.busy is not None)
            self.lifeline[0].close()
            self.lifeline[1].close()

    def _has_room(self) -> bool:
        """Whether an item can be sent now: a worker is idle, or another may be started."""
        return len(self.workers) < self.jobs or any(worker.busy is None for worker in self.workers)

    def _warm(self, item: Any) -> None:
        """Where workers are forked, warm this process up for them: with the job's warm-up before the first
        worker starts, and with an item's own (``Job.warm_up_item``) before the first item that needs it, once.
        Workers forked before such a warm-up are retired when idle (``_idle_worker``): the next are forked warm,
        and the loads are paid once for the run, not once in every worker."""
        if not self.fork:
            return
        if self.cold:
            warm_up(self.job)
            self.cold = False
        if warm_up_for(self.job, item):
            self.warmth += 1

    def _idle_worker(self) -> _Worker:
        for worker in [worker for worker in self.workers if worker.busy is None]:
            if worker.warmth == self.warmth:
                return worker
            worker.stop()  # forked before this process's last warm-up: a fresh fork starts warmer
            self.workers.remove(worker)
        worker = _Worker(self.context, self.job, self.lifeline, self.warmth)
        self.workers.append(worker)
        return worker

    def _collect(self) -> None:
        """Wait for a result, a dead worker or an overdue item, and record what happened."""
        busy = [worker for worker in self.workers if worker.busy is not None]
        waits: dict[Any, _Worker] = {worker.connection: worker for worker in busy}
        waits.update({worker.process.sentinel: worker for worker in busy})
        for ready in wait(list(waits), timeout=self._until_overdue(busy)):
            worker = waits[ready]
            if worker.busy is None:
                continue  # its result and its exit were both ready
            if ready is worker.connection:
                self._receive(worker)
            elif not worker.connection.poll():
                self._replace(worker, _died(worker))
        limit = self.job.time_limit
        if limit is None:
            return
        now = time.monotonic()
        for worker in busy:
            if worker.busy is not None and now > worker.overdue_at(limit):
                self._replace(
                    worker,
                    f"took longer than the time limit of {limit:g} s ('timeout'); its worker process was stopped",
                )

    def _until_overdue(self, busy: list[_Worker]) -> float | None:
        limit = self.job.time_limit
        if limit is None:
            return None
        now = time.monotonic()
        return max(0.0, min(worker.overdue_at(limit) - now for worker in busy))

    def _receive(self, worker: _Worker) -> None:
        try:
            index, result = worker.connection.recv()
        except (EOFError, OSError):
            self._replace(worker, _died(worker))
            return
        if (index, result) == WARMING:  # its item's clock stops until it says it is ready again
            worker.ready = False
            return
        if (index, result) == READY:
            worker.ready = True
            if worker.busy is not None:  # its item's clock starts now
                worker.busy = (*worker.busy[:2], time.monotonic())
            return
        self.done[index] = result
        worker.busy = None

    def _replace(self, worker: _Worker, reason: str) -> None:
        """Record the worker's item as failed, kill the worker; a new one starts when needed."""
        assert worker.busy is not None
        index, item, _ = worker.busy
        ident, source = self.job.label(item)
        self.done[index] = Failure(id=ident, reason=reason, source=source)
        worker.busy = None
        worker.stop(kill=True)
        self.workers.remove(worker)


def _died(worker: _Worker) -> str:
    """Why a worker's item failed when the worker ended: its exit status, once the process is reaped."""
    worker.process.join(timeout=STOP_WAIT)  # its pipe closes a moment before its exit status is known
    return f"its worker process died ({_exit_reason(worker.process.exitcode)})"


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


_END = object()
