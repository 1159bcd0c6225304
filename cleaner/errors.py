"""The errors of cleaning one document, and the one time limit every document is cleaned under.

``CleanError`` says that an input cannot be cleaned (binary, undecodable, too large, malformed),
in a message meant for the user.  ``TimeLimitError`` is the ``CleanError`` of a document that took
longer than its time limit (``timeout`` in the configuration).

``Deadline`` is that limit for one document, created once by ``cleaner.pipeline.clean`` and
covering every layer, for text and HTML alike.  It is enforced three ways, from cheap to hard:

* ``check(stage)`` between layers and inside the loops that can run long (the furniture rules run
  user patterns, which can backtrack for a long time);
* ``armed()``: on the main thread, a ``SIGALRM`` timer that interrupts Python code (and the ``re``
  and ``regex`` engines, which check for signals) stuck inside one layer.  It is used only when the
  caller has no ``SIGALRM`` handler or timer of its own: a library must not steal its caller's signals
  (``Alarm`` installs that handler once for a run of documents in one process, ``clean learn --jobs 1``);
* beyond this module: the process runner (``cleaner.run.local``) kills a worker whose document
  overruns its limit by a grace period, which also stops C code that never checks for signals.

This module holds no cleaning logic; it does not kill processes.
"""

from __future__ import annotations

import math
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

REPEAT_SECONDS = 0.05


class CleanError(ValueError):
    """The input cannot be cleaned (binary, undecodable, too large, malformed); the message says why."""


class TimeLimitError(CleanError):
    """A document took longer than its time limit; the message names the limit and the stage."""


class _Expired(BaseException):
    """Raised by the timer inside whatever runs; a ``BaseException`` so ``except Exception`` cannot eat it."""


class Deadline:
    """One document's time limit: ``seconds`` from its creation (``None``: no limit)."""

    __slots__ = ("end", "seconds", "stage")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.end = math.inf if seconds is None else time.monotonic() + seconds
        self.stage = "reading"

    def remaining(self) -> float:
        """Seconds left (``inf`` without a limit, never negative)."""
        return max(0.0, self.end - time.monotonic())

    def expired(self) -> bool:
        return time.monotonic() > self.end

    def error(self) -> TimeLimitError:
        return TimeLimitError(
            f"took longer than the time limit of {self.seconds:g} s ('timeout'), stopped in {self.stage}"
        )

    def check(self, stage: str) -> None:
        """Note that ``stage`` starts; raise ``TimeLimitError`` naming it once the limit has passed."""
        self.stage = stage
        if time.monotonic() > self.end:
            raise self.error()

    def armed(self) -> _Armed:
        """Interrupt the code inside, once the limit passes, with ``TimeLimitError`` (where a timer can be used).

        An exception of its own that a library raises in place of the timer's (a bare ``except:``
        re-raising, as langdetect's profile loading does) is the time limit too, and said so.
        """
        return _Armed(self)


class _Armed:
    """``Deadline.armed()``: the timer, set on entering and taken down on leaving, whatever fires when.

    Once fired, the timer fires again every ``REPEAT_SECONDS`` until its exception reaches ``__exit__`` (one raised
    inside a finaliser is swallowed).  On a loaded machine a repeat came while the exception was being handled
    here, and escaped as the bare ``_Expired`` (a crash of the command, the caller's handler and timer left
    behind); so the handler never raises inside this class's own methods, and ``__exit__`` stops it first.
    """

    __slots__ = ("deadline", "fired", "previous", "running", "unraisable")

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.running = self.fired = False
        self.previous: Any = None
        self.unraisable: Callable[[Any], object] | None = None

    def expire(self, signum: int, frame: FrameType | None) -> None:
        if not self.running:
            return
        signal.setitimer(signal.ITIMER_REAL, REPEAT_SECONDS)  # again, until the exception reaches ``__exit__``
        if frame is not None and frame.f_code in _OWN_CODE:  # taking the timer down: it is about to stop
            return
        self.fired = True
        # Raised where Python happens to be; inside a finaliser (``__del__``) it is swallowed (and not
        # printed: ``_quiet``), so the timer fires again shortly until the exception reaches ``__exit__``.
        raise _Expired

    def __enter__(self) -> None:
        if self.deadline.seconds is None or not _timer_free():
            return
        self.previous = signal.signal(signal.SIGALRM, self.expire)
        self.unraisable = sys.unraisablehook
        sys.unraisablehook = _quiet(self.unraisable)
        self.running = True
        signal.setitimer(signal.ITIMER_REAL, max(self.deadline.remaining(), 1e-3))  # firing in here, it waits

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if self.unraisable is None:
            return
        self._stop()
        if isinstance(error, _Expired):
            raise self.deadline.error() from None
        if isinstance(error, Exception) and self.fired and not isinstance(error, TimeLimitError):
            # a library caught the timer's exception and raised its own (langdetect's bare except)
            raise self.deadline.error() from error

    def _stop(self) -> None:
        """Take the timer down, give the caller's handlers back (``running`` first: the handler then does nothing)."""
        self.running = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)
        sys.unraisablehook = self.unraisable  # type: ignore[assignment]
        self.unraisable = None


def _quiet(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    """``hook`` for every unraisable exception but the timer's: one a finaliser (``__del__``) cannot raise, which
    Python would print with a traceback ("Exception ignored in: ..."); the timer fires again outside it."""

    def quiet(unraisable: Any) -> object:
        return None if isinstance(unraisable.exc_value, _Expired) else hook(unraisable)

    return quiet


class Alarm:
    """A run of documents' time limits in this process: the ``SIGALRM`` handler installed once, on entering, and
    each document's ``Deadline`` armed by ``within`` with one timer call on entering and one on leaving.

    ``Deadline.armed`` installs and takes down the handler for each document (the handler converted to an enum and
    back, the caller's ``sys.unraisablehook`` wrapped): a hundredth of a CPU second per thousand documents, which a
    command reading many small documents in one process (``clean learn --jobs 1``) can save.  Between documents the
    handler does nothing.  Where the timer is not free (``_timer_free``: another thread, a caller's handler or
    timer), or outside the ``with``, ``within`` is ``Deadline.armed``.  A process must not fork while it is entered
    (the child would inherit the handler, and its own documents' timers would then be refused as not free).
    """

    __slots__ = ("armed",)

    def __init__(self) -> None:
        self.armed: _Armed | None = None

    def __enter__(self) -> Alarm:
        if self.armed is None and _timer_free():
            armed = _Armed(NO_DEADLINE)
            armed.previous = signal.signal(signal.SIGALRM, armed.expire)
            armed.unraisable = sys.unraisablehook
            sys.unraisablehook = _quiet(armed.unraisable)
            self.armed = armed
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if self.armed is not None:
            self.armed._stop()
            self.armed = None

    def within(self, deadline: Deadline) -> _Armed | _Within:
        """``deadline.armed()``, with the handler installed for the run."""
        if self.armed is None or deadline.seconds is None:
            return deadline.armed()
        return _Within(self.armed, deadline)


class _Within:
    """``Alarm.within``: one document's timer, set on entering and stopped on leaving, its exception turned into the
    ``TimeLimitError`` as ``_Armed`` does."""

    __slots__ = ("armed", "deadline")

    def __init__(self, armed: _Armed, deadline: Deadline) -> None:
        self.armed, self.deadline = armed, deadline

    def __enter__(self) -> None:
        armed = self.armed
        armed.fired = False
        armed.running = True
        signal.setitimer(signal.ITIMER_REAL, max(self.deadline.remaining(), 1e-3))  # firing in here, it waits

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        self.armed.running = False  # first: a repeat landing from here on does nothing
        signal.setitimer(signal.ITIMER_REAL, 0)
        if isinstance(error, _Expired):
            raise self.deadline.error() from None
        if isinstance(error, Exception) and self.armed.fired and not isinstance(error, TimeLimitError):
            raise self.deadline.error() from error


# The handler itself is one: a repeat that lands while ``expire`` runs (called where the timer is being taken down,
# say) would otherwise raise there, out of ``_stop`` before it stopped anything.
_OWN_CODE = frozenset(
    {_Armed.__enter__.__code__, _Armed.__exit__.__code__, _Armed._stop.__code__, _Armed.expire.__code__}
    | {Alarm.__enter__.__code__, Alarm.__exit__.__code__, _Within.__enter__.__code__, _Within.__exit__.__code__}
)


def _timer_free() -> bool:
    """True on the main thread of a POSIX process whose ``SIGALRM`` nobody else uses."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


NO_DEADLINE = Deadline(None)
