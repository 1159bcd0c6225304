"""Options both commands take (``clean`` and ``clean learn``): ``--jobs``'s and ``--timeout``'s parsing.

They live apart from either command so that ``clean --help`` builds its parser without importing ``clean learn``'s
modules (the readers and the learner), and ``clean learn`` without the cleaning pipeline's.  This module checks
arguments only; it runs nothing.
"""

from __future__ import annotations

import argparse


def add_timeout(parser: argparse.ArgumentParser) -> None:
    """``--timeout SECONDS``: this run's time limit of one document, over the configuration's ``timeout``."""
    parser.add_argument(
        "--timeout",
        type=seconds,
        metavar="SECONDS",
        help="time limit of one document (default: the configuration's timeout, 20)",
    )


def whole_number(text: str) -> int:
    """A ``--jobs`` argument: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def seconds(text: str) -> float:
    """A ``--timeout`` argument, checked as the configuration's ``timeout`` is."""
    from cleaner.config import MAX_TIMEOUT  # the configuration's reader: only when --timeout is given

    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value <= MAX_TIMEOUT:  # also refuses nan
        raise argparse.ArgumentTypeError(
            f"must be a positive number of seconds, at most {MAX_TIMEOUT:,.0f}, not {text!r}"
        )
    return value
