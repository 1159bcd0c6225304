"""Stopping the ``clean`` command: ``kill -TERM`` and ``Ctrl-C`` end the run, whatever code they interrupt.

The signal raises in whatever runs (``Terminated`` for SIGTERM, ``KeyboardInterrupt`` for SIGINT), so
the run unwinds at once and removes its temporary files.  A library that turns every exception into its
own (langdetect's bare ``except:`` while it loads its language profiles, on the first document) makes that
the document's error instead, and the run would go on; so the handlers also record the signal, and
``check`` (called after each document) raises it again.

This module installs and removes the handlers; it prints nothing and cleans nothing.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Terminated(BaseException):
    """``SIGTERM`` arrived: end the run as Ctrl-C does, removing temporary files and stopping workers.

    A ``BaseException``, as ``KeyboardInterrupt`` is: the handlers that turn one document's error into
    its failure line (``except Exception``) must not take it for that document's and go on."""


_received: list[int] = []  # the signals this run was sent, in order


def _on_term(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    raise Terminated


def _on_int(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    raise KeyboardInterrupt


@contextmanager
def stoppable() -> Iterator[None]:
    """Handle SIGTERM and SIGINT for the run: in the main thread, and only where nobody else handles them
    (a shell's background job ignores SIGINT; an embedding program may have its own SIGTERM handler)."""
    _received.clear()
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    ours = {signal.SIGTERM: (_on_term, (signal.SIG_DFL, None)), signal.SIGINT: (_on_int, (signal.default_int_handler,))}
    previous = {
        signum: signal.signal(signum, handler)
        for signum, (handler, defaults) in ours.items()
        if signal.getsignal(signum) in defaults
    }
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _received.clear()


def check() -> None:
    """Raise again the signal the run was sent, when some code took the first raise for an error of its own."""
    if _received:
        raise Terminated if _received[0] == signal.SIGTERM else KeyboardInterrupt
