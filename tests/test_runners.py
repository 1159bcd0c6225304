"""One runner: the same ``Job`` gives the same results in this process and in worker processes
(and on a Dask cluster: ``tests/test_dask.py``).

Also what only the process executor does: it kills a worker whose item overruns its limit, turns a
dying worker into one failure record, reads a bounded number of items ahead, and its workers exit
when the parent is killed (``kill -TERM`` and ``kill -9`` of a real ``clean --jobs 2`` run: at ``kill -TERM`` the
command stops and reaps them itself; ``kill -9``, and ``kill -TERM`` of a library caller with no handler, leave them
to the lifeline, and they exit on their own).  A real
``clean --jobs 1`` run stops at ``kill -TERM`` or ``Ctrl-C`` in the middle of a document, too.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cleaner.io.records import Failure
from cleaner.run import executor
from cleaner.run.executor import Job, SerialExecutor
from cleaner.run.local import READ_AHEAD, ProcessExecutor

ROOT = Path(__file__).resolve().parent.parent


def shout(prefix: str, item: str) -> str:
    """The work of the tests: fails on some items, hangs or dies on others."""
    if item == "bad":
        raise ValueError("a bad item")
    if item == "hang":
        time.sleep(120)  # not interrupted by anything but a kill
    if item == "die":
        os._exit(3)
    return f"{prefix}{item.upper()}"


ITEMS = ["a", "b", Failure(id="x", reason="could not be read"), "bad", *map(str, range(30))]


def expected() -> list[object]:
    return list(SerialExecutor().map(Job(shout, "> "), ITEMS))


def test_serial_results_and_failures_in_place() -> None:
    results = expected()
    assert results[:2] == ["> A", "> B"] and results[4:] == [f"> {n}" for n in range(30)]
    assert results[2] == Failure(id="x", reason="could not be read")
    assert results[3] == Failure(id="bad", reason="internal error: ValueError: a bad item")


def test_worker_processes_give_the_serial_results() -> None:
    assert list(ProcessExecutor(2).map(Job(shout, "> "), ITEMS)) == expected()


def frozen(_: object, item: str) -> tuple[str, bool, int]:
    """The work of the heap test: the item, whether this process has settled its heap, and how many objects its
    collector has frozen."""
    return item, executor._settled_in == os.getpid(), gc.get_freeze_count()


def test_a_worker_freezes_its_heap_before_its_second_item_and_a_library_caller_is_left_alone() -> None:
    results = list(ProcessExecutor(1).map(Job(frozen, None), ["a", "b", "c"]))
    assert [settled for _, settled, _ in results] == [False, True, True]
    assert results[1][2] > results[0][2]  # what the first item left alive, frozen before the second
    before = executor._settled_in, gc.get_freeze_count()
    assert [item for item, _, _ in SerialExecutor().map(Job(frozen, None), ["a", "b", "c"])] == ["a", "b", "c"]
    assert executor._settled_in == before[0] and gc.get_freeze_count() <= before[1]  # nothing more frozen here


def test_an_overrunning_item_is_killed_and_the_run_goes_on() -> None:
    limit = 2.0  # long enough for a new worker to start on a busy machine, so only "hang" overruns
    start = time.monotonic()
    results = list(ProcessExecutor(2).map(Job(shout, "", time_limit=limit), ["a", "hang", "b", "die", "c"]))
    assert time.monotonic() - start < 60  # the hanging item sleeps for 120 s: it was killed, not waited for
    assert results[0::2] == ["A", "B", "C"]
    assert results[1] == Failure(
        id="hang", reason="took longer than the time limit of 2 s ('timeout'); its worker process was stopped"
    )
    assert results[3] == Failure(id="die", reason="its worker process died (exit code 3)")


def test_items_are_read_a_bounded_way_ahead() -> None:
    pulled = []

    def items() -> Iterator[str]:
        for number in range(200):
            pulled.append(number)
            yield str(number)

    jobs = 2
    for position, _ in enumerate(ProcessExecutor(jobs).map(Job(shout, ""), items())):
        assert len(pulled) <= position + 1 + READ_AHEAD * jobs
    assert len(pulled) == 200


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            children = (task / "children").read_text()
        except FileNotFoundError:  # a thread that ended between the listing and the reading
            continue
        found += [int(child) for child in children.split()]
    return found


# How long a test waits for a new ``clean`` process to reach the point where it is stopped: its imports and its
# warm-up are seconds of CPU, which a CI machine at load 11-15 stretched past the 30 s the tests used to give it
# (the signal then landed before the command's handlers were in place).  A wait for a condition, never a delay.
STARTS_WITHIN = 300.0


def wait_for(condition: Callable[[], object], seconds: float = STARTS_WITHIN) -> bool:
    """Whether ``condition()`` came true within ``seconds`` (polled every 50 ms)."""
    give_up = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > give_up:
            return False
        time.sleep(0.05)
    return True


def _running(pid: int) -> bool:
    """Alive and not a zombie (a dead worker nobody reaped yet has exited all the same)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


PR_SET_CHILD_SUBREAPER = 36  # prctl(2): orphaned descendants are adopted by this process, not by init


@contextlib.contextmanager
def adopting() -> Iterator[None]:
    """This process adopts the processes its children leave behind (a child subreaper), for as long as it lasts."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        pytest.skip("cannot become a child subreaper")
    try:
        yield
    finally:
        libc.prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)


def outlived(pids: list[int]) -> list[int]:
    """The processes of ``pids`` that this process adopted (they outlived their parent), killed and reaped here."""
    adopted = []
    for pid in pids:
        try:
            if os.waitpid(pid, os.WNOHANG) == (0, 0):  # adopted, and still running
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        except ChildProcessError:  # not a child of this process: its own parent reaped it
            continue
        adopted.append(pid)
    return adopted


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to find the workers")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_workers_exit_when_the_parent_is_killed(tmp_path: Path, how: signal.Signals) -> None:
    """``kill -9`` leaves the workers to notice that their parent is gone (the lifeline: they exit within seconds);
    ``kill -TERM`` lets the parent stop them itself before it exits, so none outlives it.  The TERM case used to
    check only that the workers were gone within seconds, which the lifeline ensures anyway: it passed with the
    parent's own stop broken.  The test now adopts what the parent leaves behind (a child subreaper) and, for
    TERM, requires that it left nothing: every worker was reaped by its parent."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cleaner]\ntimeout = 60.0\n[[tool.cleaner.rule]]\nid = "mine.slow"\ncategory = "mine"\n'
        'pattern = "(a|aa)+b"\nwhy = "keeps the workers busy"\n'
    )
    (tmp_path / "in").mkdir()
    for number in range(4):
        (tmp_path / "in" / f"{number}.txt").write_text("\n\n".join("a" * 40 for _ in range(1000)))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "cleaner.cli", "in", "-o", "out.jsonl", "--jobs", "2"]
    with adopting():
        parent = subprocess.Popen(command, cwd=tmp_path, env=env, stderr=subprocess.PIPE)
        # the parent warms up (rules, models) before it starts its workers
        assert wait_for(lambda: len(_children(parent.pid)) == 2), "the run did not start two workers"
        workers = _children(parent.pid)
        time.sleep(0.3)
        parent.send_signal(how)
        parent.wait(timeout=120)
        deadline = time.monotonic() + 5
        while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _running(pid)], "workers outlived their parent"
        left_behind = outlived(workers)
    leftovers = [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")]
    if how == signal.SIGTERM:
        assert parent.returncode == 143 and b"clean: terminated" in parent.stderr.read()  # type: ignore[union-attr]
        assert left_behind == [], "a terminated run left its workers to exit after it"
        assert leftovers == [], "a terminated run left its temporary file"
        assert not (tmp_path / "out.jsonl").exists(), "a terminated run wrote a partial output"
    else:
        assert sorted(left_behind) == sorted(workers)  # nothing runs after kill -9: they exit on their own
        assert len(leftovers) == 1  # nothing runs after kill -9: the next run removes it
        (tmp_path / "small.txt").write_text("A short article of two sentences. It ends here.\n")
        again = subprocess.run([*command[:3], "small.txt", "-o", "out.jsonl"], cwd=tmp_path, env=env, check=False)
        assert again.returncode == 0
        assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []


# A library caller with no SIGTERM handler of its own, as most programs are: ``kill -TERM`` ends it at once, with no
# unwinding and no exit handlers, so only the lifeline can stop its workers.
CALLER = """
import time
from cleaner.run.executor import Job
from cleaner.run.local import ProcessExecutor

def hang(_, item):
    time.sleep(120)

for _ in ProcessExecutor(2).map(Job(hang, None), ["a", "b"]):
    pass
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to find the workers")
def test_workers_exit_when_a_library_caller_is_terminated() -> None:
    """The command stops its workers itself at ``kill -TERM`` (above), so its TERM case passed with the lifeline
    broken; a caller without a handler leaves them to the lifeline, as ``kill -9`` does: they exit on their own."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with adopting():
        parent = subprocess.Popen([sys.executable, "-c", CALLER], env=env)
        assert wait_for(lambda: len(_children(parent.pid)) == 2), "the caller did not start two workers"
        workers = _children(parent.pid)
        parent.send_signal(signal.SIGTERM)
        parent.wait(timeout=120)
        assert parent.returncode == -signal.SIGTERM  # no handler, no unwinding: nothing of the caller ran after it
        assert wait_for(lambda: not any(_running(pid) for pid in workers), 5.0), "workers outlived their parent"
        assert sorted(outlived(workers)) == sorted(workers)  # they exited on their own, after their parent


def _sigint_by_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_a_serial_run_stops_when_told_to(tmp_path: Path, how: signal.Signals) -> None:
    """``clean --jobs 1`` stopped while a document is being cleaned ends there, as ``--jobs 2`` does:
    the signal is not taken for that document's failure, and the run does not go on to the next one."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cleaner]\ntimeout = 60.0\n[[tool.cleaner.rule]]\nid = "mine.slow"\ncategory = "mine"\n'
        'pattern = "(a|aa)+b"\nwhy = "each block runs to the match time limit"\n'
    )
    (tmp_path / "in").mkdir()
    for number in range(2):  # blocks all different, so each costs the match time limit: seconds a document
        (tmp_path / "in" / f"{number}.txt").write_text("\n\n".join(f"{'a' * 40} {n}" for n in range(200)))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "cleaner.cli", "in", "-o", "out.jsonl", "--jobs", "1", "--report", "r.html"]
    # a shell runs a background job with SIGINT ignored, and a child keeps what it inherits: the run's own
    # handler is installed only where SIGINT is not ignored (as `nohup` users expect), so give it the default
    parent = subprocess.Popen(command, cwd=tmp_path, env=env, stderr=subprocess.PIPE, preexec_fn=_sigint_by_default)
    # the outputs' temporary files: the run has installed its handlers and is about to clean its first document
    assert wait_for(lambda: any(path.name.endswith(".tmp") for path in tmp_path.iterdir())), "the run did not start"
    time.sleep(0.5)
    parent.send_signal(how)
    parent.wait(timeout=120)  # at once, or after the document it was in, if a library took the signal for its error
    stderr = parent.stderr.read().decode()  # type: ignore[union-attr]
    expected = (143, "clean: terminated") if how == signal.SIGTERM else (130, "clean: interrupted")
    assert (parent.returncode, "internal error" in stderr) == (expected[0], False), stderr
    assert expected[1] in stderr
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []
    assert not (tmp_path / "out.jsonl").exists(), "a stopped run wrote a partial output"
    assert not (tmp_path / "r.html").exists(), "a stopped run wrote a report"


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_a_signal_a_library_swallowed_still_stops_the_run(how: signal.Signals) -> None:
    """langdetect loads its profiles under a bare ``except:`` that re-raises its own exception: a signal
    arriving then became that document's 'internal error' and the run went on.  The handler records the
    signal, and the command's check after each document raises it again."""
    from cleaner.cli import stopping

    if how == signal.SIGINT and signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        pytest.skip("SIGINT is ignored or handled by the process running the tests")
    with stopping.stoppable():
        try:  # as langdetect.detector_factory does
            try:
                os.kill(os.getpid(), how)
                time.sleep(5)  # the handler raises before this ends
            except:  # noqa: E722
                raise ValueError("Profile format error.") from None
        except ValueError:
            pass  # the document's failure, as the batch's handler records it
        with pytest.raises(stopping.Terminated if how == signal.SIGTERM else KeyboardInterrupt):
            stopping.check()
    stopping.check()  # a new run starts with nothing received


_WARM: list[int] = []  # the processes whose warm-up ran (a forked worker inherits its parent's list)


def warm_where_not(parent: int) -> None:
    """A warm-up that takes 2.5 s in a worker process (longer than the 1 s limit and its grace period) and
    no time in the parent: what a spawned worker pays, or a forked one whose parent did not warm up."""
    if os.getpid() != parent:
        time.sleep(2.5)
    _WARM.append(os.getpid())


def warmed(_: int, item: str) -> tuple[str, bool]:
    return item, os.getpid() in _WARM or any(pid == os.getppid() for pid in _WARM)


def test_workers_warm_up_before_their_first_item_outside_its_time_limit() -> None:
    """Each worker's first item paid the one-off loads (models, rule sets) against its own time limit, and with a
    short limit failed where later items did not; now the job's warm-up runs first, and the parent's clock for
    an item starts once its worker says it is ready, so a slow warm-up is no overrun."""
    job = Job(warmed, os.getpid(), time_limit=1.0, warm_up=warm_where_not)
    results = list(ProcessExecutor(2).map(job, ["a", "b", "c", "d", "e"]))
    assert results == [(item, True) for item in "abcde"]
    _WARM.clear()
    assert list(SerialExecutor().map(job, ["a"])) == [("a", False)]  # a library caller's process: left alone
    assert list(SerialExecutor(settle=True).map(job, ["a"])) == [("a", False)]  # one item pays its own loads
    assert list(SerialExecutor(settle=True).map(job, ["a", "b"])) == [("a", True), ("b", True)]  # the command's
    _WARM.clear()


def warm_for_pages(parent: int, item: str) -> object:
    """An item's own warm-up (``Job.warm_up_item``): a page needs 2.5 s of loads in a worker that has not paid
    them (longer than the 1 s limit and its grace period), none in the parent; text needs none."""
    if not item.startswith("page") or os.getpid() in _WARM or os.getppid() in _WARM:
        return None
    return lambda: warm_where_not(parent)


def warm_in_workers_only(parent: int, item: str) -> object:
    """``warm_for_pages`` as spawned workers meet it: the parent has nothing to warm up for them."""
    return None if os.getpid() == parent else warm_for_pages(parent, item)


def warmed_by(_: int, item: str) -> tuple[str, tuple[int, ...]]:
    return item, tuple(_WARM)  # the processes whose warm-up this process has (or inherited)


def test_an_item_warms_up_what_it_needs_outside_its_time_limit() -> None:
    """A stream of text paid the HTML layer's loads (seconds of CPU) in every process before its first document;
    now a page's loads are paid before the first page that needs them, outside its time limit: where workers
    are forked, by the parent, once, and the workers forked before are retired; elsewhere by each worker,
    which says it is warming up, and the item's clock starts again once it is ready."""
    parent = os.getpid()
    items = ["a", "b", "page1", "c", "page2", "page3", "d"]
    job = Job(warmed_by, parent, time_limit=1.0, warm_up_item=warm_for_pages)
    results = list(ProcessExecutor(2).map(job, items))
    assert results == [(item, () if n < 2 else (parent,)) for n, item in enumerate(items)]
    assert [parent, *()] == _WARM  # paid once, for every worker
    _WARM.clear()
    assert list(SerialExecutor(settle=True).map(job, items)) == [
        (item, () if n < 2 else (parent,)) for n, item in enumerate(items)
    ]
    _WARM.clear()
    assert list(SerialExecutor().map(job, ["page1", "page2"])) == [("page1", ()), ("page2", ())]  # left alone
    spawned = Job(warmed_by, parent, time_limit=1.0, warm_up_item=warm_in_workers_only)
    results = list(ProcessExecutor(2).map(spawned, items))
    assert [item for item, _ in results] == items  # none overran: a worker's warm-up stopped its item's clock
    assert results[:2] == [("a", ()), ("b", ())]
    assert all(len(pids) == 1 and parent not in pids for item, pids in results if item.startswith("page"))
    assert _WARM == []
