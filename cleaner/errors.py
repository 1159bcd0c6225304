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
  caller has no ``SIGALRM`` handler or timer of its own: a library must not steal its caller's signals;
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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

    @contextmanager
    def armed(self) -> Iterator[None]:
        """Interrupt the code inside, once the limit passes, with ``TimeLimitError`` (where a timer can be used).

        An exception of its own that a library raises in place of the timer's (a bare ``except:``
        re-raising, as langdetect's profile loading does) is the time limit too, and said so.
        """
        if self.seconds is None or not _timer_free():
            yield
            return
        running, fired = [True], [False]

        def expire(signum: int, frame: object) -> None:
            if running[0]:
                fired[0] = True
                # Raised where Python happens to be; inside a finaliser (``__del__``) it is swallowed (and not
                # printed: ``_quiet``), so the timer fires again shortly until the exception reaches ``armed``.
                signal.setitimer(signal.ITIMER_REAL, REPEAT_SECONDS)
                raise _Expired

        previous = signal.signal(signal.SIGALRM, expire)
        unraisable = sys.unraisablehook
        sys.unraisablehook = _quiet(unraisable)
        try:
            # Armed inside the ``try``: a timer that fires at once still meets the ``finally``
            # that puts the caller's handler back (armed before it, it could leak this handler).
            signal.setitimer(signal.ITIMER_REAL, max(self.remaining(), 1e-3))
            yield
        except _Expired:
            raise self.error() from None
        except Exception as error:
            if fired[0]:  # a library caught the timer's exception and raised its own (langdetect's bare except)
                raise self.error() from error
            raise
        finally:
            running[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            sys.unraisablehook = unraisable


def _quiet(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    """``hook`` for every unraisable exception but the timer's: one a finaliser (``__del__``) cannot raise, which
    Python would print with a traceback ("Exception ignored in: ..."); the timer fires again outside it."""

    def quiet(unraisable: Any) -> object:
        return None if isinstance(unraisable.exc_value, _Expired) else hook(unraisable)

    return quiet


def _timer_free() -> bool:
    """True on the main thread of a POSIX process whose ``SIGALRM`` nobody else uses."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


NO_DEADLINE = Deadline(None)
