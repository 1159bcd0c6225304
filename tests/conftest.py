"""Shared test settings.

Property tests (hypothesis) run derandomized by default, so the suite tests the same generated
examples on every run and CI cannot fail by chance. To search further, run them randomized:
``pytest tests/test_properties.py --hypothesis-profile=explore`` (add ``--hypothesis-seed=N`` to
repeat a run). What a search finds becomes an ``@example`` or a strict xfail.

No example has a wall-clock deadline (hypothesis's default is 200 ms): on a busy shared machine an
example's time says nothing about the code, so a deadline would fail CI by chance. Time limits are
the product's own ``Deadline``, tested in ``tests/test_deadline.py``.
"""

from hypothesis import settings

settings.register_profile("deterministic", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("explore", derandomize=False, print_blob=True, deadline=None)
settings.load_profile("deterministic")
