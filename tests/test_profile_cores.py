"""The learner's cores are ``core_counts`` of all of a generation's counts, though it reads only its candidates.

``cleaner.sites.profile._Counting`` recomputes a generation's core (its non-prose lines on at least half of its
pages, sorted by key) from the keys that can be in it: every key while the generation has one or two pages, then
the keys on two pages or more, each told prose or not once (``split_core_counts``).  Here pages of a few template
lines, prose and one-off lines (hypothesis) are learned with pruning every five pages, directly and from a profile
read back (``Profile.learner``), and after each page every generation's core, recomputed now from the candidates,
is checked against ``core_counts`` of all its counts, keys and order.
"""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.sites.generation import Generation, core_counts
from cleaner.sites.profile import Parameters, ProfileLearner

PROSE = [f"this is sentence number {n} of an article, long enough to be read as prose by the learner." for n in "abc"]
LINES = ["home", "news", "sport", "contact us", "© 2024 the gazette", "more from the gazette", *PROSE]
PAGE = st.lists(st.one_of(st.sampled_from(LINES), st.text("abcde ", min_size=1, max_size=8)), max_size=12)
PARAMETERS = Parameters(prune_every=5, generations=3)


def _check_cores(learner: ProfileLearner) -> None:
    for generations in learner.sites.values():
        for generation in generations:
            if not generation.documents:
                continue
            recomputed = copy.deepcopy(generation)
            recomputed.core_at = -1  # due now: computed from the candidates
            recomputed.current_core(PARAMETERS)
            expected = core_counts(generation.counts, generation.documents, PARAMETERS)
            assert list(recomputed.core_counts.items()) == list(expected.items())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("xy"), PAGE), max_size=25), st.integers(0, 25))
def test_the_cores_are_those_of_all_the_counts(pages: list[tuple[str, list[str]]], split: int) -> None:
    learner = ProfileLearner(PARAMETERS)
    for number, (site, texts) in enumerate(pages):
        if number == split:  # from here on, from the profile so far, read back as ``--update`` reads it
            learner = learner.profile().learner()
        learner.add(site, texts)
        _check_cores(learner)


RATIOS = st.sampled_from([(0.3, 1.0), (0.01, 1.0), (0.3, 0.05), (0.6, 0.7)])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("xy"), PAGE), max_size=25), st.integers(0, 25), RATIOS)
def test_a_learned_profile_judges_all_its_counts(
    pages: list[tuple[str, list[str]]], split: int, ratios: tuple[float, float]
) -> None:
    """``ProfileLearner.profile`` reads each generation's template and core off the keys on two documents or more
    (its candidates) where no key of one document can be in them: the same as off every count, at any ratio."""
    parameters = Parameters(prune_every=5, generations=3, ratio=ratios[0], prose_ratio=ratios[1])
    learner = ProfileLearner(parameters)
    for number, (site, texts) in enumerate(pages):
        if number == split:
            learner = learner.profile().learner()
        learner.add(site, texts)
        for snapshot in (True, False):
            for site_profile in learner.profile(snapshot=snapshot).sites.values():
                for generation in site_profile.generations:
                    judged = Generation(generation.documents, generation.counts, parameters, generation.markers)
                    assert generation.template == judged.template
                    assert list(generation.core.items()) == list(judged.core.items())
