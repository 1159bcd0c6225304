"""The time limit the benchmark scripts give each document.

The product's limit (``Config.timeout``, 20 s) is wall time: on a machine busy with other work a slow page can
overrun it, and a figure or a training row would then depend on the load, not on the code.  The scripts that
measure figures out of fold and build the shipped models' training rows give each document this limit instead.
This module holds the number only.
"""

from __future__ import annotations

BENCH_TIMEOUT = 3600.0  # seconds: no bench document comes near it, however busy the machine
