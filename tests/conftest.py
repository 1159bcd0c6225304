"""Shared test settings.

Property tests (hypothesis) run derandomized by default, so the suite tests the same generated
examples on every run and CI cannot fail by chance. Hypothesis also draws some examples from the
constants of the project's modules it finds imported (its "local constants"), so what a test worker
had imported before a property test (which test files it ran first, a module imported where first
used) changed the examples: one run of unchanged code met an example the others did not
(6 December 2026). Every module of ``cleaner`` and ``bench`` is therefore imported here first, and
the set is the same in every run. To search further, run them randomized:
``pytest tests/test_properties.py --hypothesis-profile=explore`` (add ``--hypothesis-seed=N`` to
repeat a run). What a search finds becomes an ``@example`` or a strict xfail.

No example has a wall-clock deadline (hypothesis's default is 200 ms): on a busy shared machine an
example's time says nothing about the code, so a deadline would fail CI by chance. Time limits are
the product's own ``Deadline``, tested in ``tests/test_deadline.py``.
"""

import importlib
import pkgutil

from hypothesis import settings

import bench
import cleaner


def _import_every_module() -> None:
    """Import each module of the package and of the benchmark scripts (not ``__main__``, which runs the command)."""
    for package in (cleaner, bench):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if not module.name.endswith(".__main__"):
                importlib.import_module(module.name)


_import_every_module()

settings.register_profile("deterministic", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("explore", derandomize=False, print_blob=True, deadline=None)
settings.load_profile("deterministic")
