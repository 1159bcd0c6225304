"""Shared test settings.

Property tests (hypothesis) run derandomized by default, so the suite tests the same generated
examples on every run and CI cannot fail by chance. To search further, run them randomized:
``pytest tests/test_properties.py --hypothesis-profile=explore`` (add ``--hypothesis-seed=N`` to
repeat a run). What a search finds becomes an ``@example`` or a strict xfail.
"""

from hypothesis import settings

settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile("deterministic")
