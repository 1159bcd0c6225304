"""Learning's shortcuts give what the general code gives, on generated input (hypothesis).

``clean learn`` reads every document of a corpus, so its path is kept cheap: ``segment.paragraphs`` reads
text that was not hard-wrapped line by line, ``normalise`` skips its three substitutions when a text has
none of their characters, the learner folds a site's repeated lines into keys once
(``ProfileLearner.known``), and ``cleaner.sites.store`` writes the key counts one string per key.  Each is
checked here against the general path it stands for.
"""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.metadata.wrapped import cut_points
from cleaner.sites.generation import Generation, KeyCount, SiteProfile
from cleaner.sites.markers import Markers
from cleaner.sites.profile import Parameters, Profile, ProfileLearner, block_key, block_keys
from cleaner.sites.store import profile_json
from cleaner.text import decode
from cleaner.text.segment import paragraphs, segment

# Lines as page dumps have them, with the shapes the segmenter treats apart: Markdown markers, runs of
# spaces, blank lines of spaces, odd whitespace, and a long line now and then (wrapped text has none).
PIECES = st.sampled_from(
    ["# ", "## ", "- ", "* ", "> ", ">", "\\# ", "\\", "  ", " ", "\t", "\u00a0", "\u2028", "\x85", "Menu", "Home",
     "6 January 2024", "Jan 6, 2024", "14:30", "Öffnungszeiten", "ß", "x" * 60, "The council voted on Monday."]
)  # fmt: skip
LINE = st.lists(PIECES, max_size=6).map("".join)
TEXT = st.lists(LINE, max_size=12).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_paragraphs_are_the_blocks_segment_reads(text: str) -> None:
    text = decode.normalise(text)
    for cut in (None, cut_points):
        assert paragraphs(text, cut) == [(block.kind, block.text) for block in segment(text, cut)]


def test_paragraphs_of_wrapped_text_are_its_blocks_too() -> None:
    line = "The council met on Monday to decide what the bridge will cost the town over the"
    text = "\n".join(
        [line, "next ten years, and who will pay.", line, "end of it.", line, "again and", line, "once more."]
    )
    assert paragraphs(text, cut_points) == [(block.kind, block.text) for block in segment(text, cut_points)]
    assert len(paragraphs(text)) < text.count("\n") + 1  # it was read as wrapped


def _normalised_in_full(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = decode.SPACE_LIKE.sub(" ", text)
    text = decode.INVISIBLE.sub("", text)
    return decode.CONTROL.sub("", text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60) | TEXT)
def test_normalise_is_every_substitution(text: str) -> None:
    assert decode.normalise(text) == _normalised_in_full(text)


@settings(max_examples=300, deadline=None)
@given(LINE | st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_a_key_is_the_key_of_the_stripped_text(text: str) -> None:
    """The learner folds a repeated line once, under its example (the text stripped)."""
    assert block_key(text) == block_key(text.strip())


class _Checked(ProfileLearner):
    """A learner that checks each document's keys against ``block_keys``."""

    def _keys(self, site: str, texts: list[str]) -> list[str]:
        keys = super()._keys(site, texts)
        assert keys == block_keys(texts)
        return keys


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.lists(LINE, max_size=8)), max_size=30))
def test_the_learner_folds_repeated_lines_as_block_keys_does(documents: list[tuple[str, list[str]]]) -> None:
    learner = _Checked(Parameters(prune_every=4))
    for site, texts in documents:
        learner.add(site, texts)
    again = _Checked(Parameters(prune_every=4))
    for site, texts in documents[: len(documents) // 2]:
        again.add(site, texts)
    again = again.profile().learner()  # incremental: what a loaded profile knows
    for site, texts in documents[len(documents) // 2 :]:
        again.add(site, texts)
    assert profile_json(again.profile()) == profile_json(learner.profile())


COUNT = st.builds(
    KeyCount,
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=99),
    st.text(st.characters(codec="utf-8"), max_size=8),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(st.text(st.characters(codec="utf-8"), max_size=8), COUNT, max_size=5), max_size=3))
def test_the_counts_are_written_as_json_writes_them(generations: list[dict[str, KeyCount]]) -> None:
    parameters = Parameters()
    markers = Markers(2, {("a", "b"): 2})
    site = SiteProfile("s", tuple(Generation(4, counts, parameters, markers) for counts in generations), parameters)
    profile = Profile({"s": site}, parameters)
    assert profile_json(profile) == json.dumps(profile.to_dict(), ensure_ascii=False, indent=1) + "\n"
