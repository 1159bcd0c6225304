"""Learning's shortcuts give what the general code gives, on generated input (hypothesis).

``clean learn`` reads every document of a corpus, so its path is kept cheap: ``segment.paragraph_texts``
reads text that was not hard-wrapped line by line, and a list item's "* " without the Markdown patterns;
``normalise`` does nothing but NFC to a text printable but for its newlines, and to another replaces the C1
characters where one pass finds them and makes only the substitutions whose characters one pass found; the learner
folds the lines it met lately into keys once (``keys.RememberedKeys``), and the keys look for dates only where one
can start, a month name beside a 0, and ask the word whether it is a month name after matching it, instead of a
pattern holding every name (``keys._fold_dates``), and for times only at a "0:0" (``keys._fold_times``);
``cleaner.sites.store`` writes the key counts one string per key, and the learned lines one string per line.  Each
is checked here against the general path it stands for.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.lexicon.calendar import month_names
from cleaner.metadata.wrapped import cut_points
from cleaner.model import Kind
from cleaner.sites import keys
from cleaner.sites.generation import Generation, KeyCount, LearnerCore, SiteProfile
from cleaner.sites.keys import RememberedKeys
from cleaner.sites.markers import Markers
from cleaner.sites.profile import Parameters, Profile, ProfileLearner, block_key, block_keys
from cleaner.sites.store import profile_json
from cleaner.text import decode
from cleaner.text import segment as segmenting
from cleaner.text.segment import paragraph_texts, segment

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
def test_paragraph_texts_are_the_texts_of_the_blocks_segment_reads(text: str) -> None:
    text = decode.normalise(text)
    for cut in (None, cut_points):
        assert paragraph_texts(text, cut) == [block.text for block in segment(text, cut)]


def _kind_by_the_patterns(line: str) -> tuple[Kind, str]:
    """``segment._markdown_kind`` as it read every marker, with the patterns alone."""
    for pattern, kind in segmenting.MARKDOWN:
        marker = pattern.match(line)
        if marker and len(line) > marker.end():
            return kind, line[marker.end() :]
    if line.startswith("\\") and segmenting.ESCAPED_MARKER.match(line):
        return Kind.PARAGRAPH, line[1:]
    return Kind.PARAGRAPH, line


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["*", "-", "#", ">", "\\", " ", "  ", "\t", "x", "Menu"]), max_size=5).map("".join))
def test_a_list_item_is_read_as_the_patterns_read_it(line: str) -> None:
    assert segmenting._markdown_kind(line) == _kind_by_the_patterns(line)


def test_paragraph_texts_of_wrapped_text_are_its_blocks_too() -> None:
    line = "The council met on Monday to decide what the bridge will cost the town over the"
    text = "\n".join(
        [line, "next ten years, and who will pay.", line, "end of it.", line, "again and", line, "once more."]
    )
    assert paragraph_texts(text, cut_points) == [block.text for block in segment(text, cut_points)]
    assert len(paragraph_texts(text)) < text.count("\n") + 1  # it was read as wrapped


def _normalised_in_full(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\f", "\n\n")  # a page break
    text = unicodedata.normalize("NFC", text.translate(decode.C1_AS_WINDOWS_1252))
    text = decode.SPACE_LIKE.sub(" ", text)
    text = decode.INVISIBLE.sub("", text)
    return decode.CONTROL.sub("", text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60) | TEXT)
def test_normalise_is_every_substitution(text: str) -> None:
    assert decode.normalise(text) == _normalised_in_full(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*map(chr, range(0x80, 0xA0)), "a", "\u00e9", "\u201e", "\n", " "]), max_size=40))
def test_c1_characters_are_replaced_where_found_as_the_table_reads_them(chars: list[str]) -> None:
    text = "".join(chars)
    assert decode.without_c1(text) == text.translate(decode.C1_AS_WINDOWS_1252)


def test_a_printable_text_needs_nfc_alone() -> None:
    """``normalise``'s shortcut: what it replaces or drops is never printable, in a text or in NFC's output of a
    printable one (the pieces a printable character decomposes into, and the characters NFC composes)."""
    changed = f"\r\u2028\u2029{''.join(map(chr, range(0x110000)))}"
    changed = {char for char in changed if decode.ODD.match(char) or char in "\r\u2028\u2029"}
    assert not any(char.isprintable() for char in changed)
    for char in map(chr, range(0x110000)):
        pieces = unicodedata.decomposition(char).split()
        if pieces and not pieces[0].startswith("<"):  # canonical
            assert len(pieces) == 1 or char not in changed  # a character NFC may compose of two
            if char.isprintable():
                assert not changed & set(unicodedata.normalize("NFD", char))  # or leave of a printable one
                assert not changed & set(unicodedata.normalize("NFC", char))


@settings(max_examples=300, deadline=None)
@given(LINE | st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_a_key_is_the_key_of_the_stripped_text(text: str) -> None:
    """The learner folds a repeated line once, under its example (the text stripped)."""
    assert block_key(text) == block_key(text.strip())


class _CheckedKeys(RememberedKeys):
    """Remembered keys checked against ``block_keys`` (a memory of 3 lines: it turns over every few lines)."""

    def keys(self, texts: Sequence[str]) -> list[str]:
        found = super().keys(texts)
        assert found == block_keys(texts)
        return found


def _checked(learner: ProfileLearner) -> ProfileLearner:
    learner.remembered = _CheckedKeys(3)
    return learner


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.lists(LINE, max_size=8)), max_size=30))
def test_the_learner_folds_repeated_lines_as_block_keys_does(documents: list[tuple[str, list[str]]]) -> None:
    learner = _checked(ProfileLearner(Parameters(prune_every=4)))
    for site, texts in documents:
        learner.add(site, texts)
    again = _checked(ProfileLearner(Parameters(prune_every=4)))
    for site, texts in documents[: len(documents) // 2]:
        again.add(site, texts)
    again = _checked(again.profile().learner())  # incremental: what a loaded profile knows
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
    cores = [LearnerCore(3, {key: count.documents for key, count in counts.items()}) for counts in generations]
    found = zip(generations, cores, strict=True)
    site = SiteProfile(
        "s", tuple(Generation(4, counts, parameters, markers, core) for counts, core in found), parameters
    )
    profile = Profile({"s": site}, parameters)
    assert profile_json(profile) == json.dumps(profile.to_dict(), ensure_ascii=False, indent=1) + "\n"


# Text as ``block_keys`` hands it to the date pattern: case-folded, digits folded to 0, one space between words;
# dates of the longest shapes with the longest month names, and their pieces.
MONTHS = st.sampled_from(sorted(month_names(), key=len)[-6:] + sorted(month_names())[::40] + ["jan", "mai", "märz"])
DATE = st.tuples(
    st.sampled_from(["", "0 ", "0. "]),
    MONTHS,
    st.sampled_from(["", "."]),
    st.sampled_from(["", " 0", " 0th"]),
    st.sampled_from(["", ","]),
    st.sampled_from([" 0", " 0 ", "", "0", "x"]),
)
PIECE = st.sampled_from(
    ["0", "0", ".", "/", "-", ",", " ", " ", "\n", "st", "th", "t<time>", "<time>", "x", "am", "le", "_", "é", "ß",
     "0.0.0", "0-0-0t<time>", "0/0/0 ", "words in between ", "²", "\u0301", "  ", "\t", "0,"]
)  # fmt: skip
DATED = st.lists(PIECE | MONTHS | DATE.map("".join), max_size=30).map(
    lambda pieces: re.sub(r" +", " ", "".join(pieces))
)


# The date pattern as first written: the month names in it, longest first (as ``cleaner.sites.keys`` had them, in a
# trie, until compiling its hundreds of branches was found to cost 0.02 s of every ``clean learn``).
_NAMES = "|".join(map(re.escape, sorted(month_names(), key=len, reverse=True)))
_GAP = r"[^\S\n]"
DATE_IN_FULL = re.compile(
    rf"\b0[./-]0[./-]0(?=\b|t<time>)"
    rf"|\b(?:0\.?{_GAP}+)?(?:{_NAMES})\.?(?:{_GAP}+0(?:st|nd|rd|th)?)?,?{_GAP}+0\b"
    rf"|\b0\.?{_GAP}+(?:{_NAMES})\b\.?",
)


@settings(max_examples=1000, deadline=None)
@given(DATED)
def test_dates_are_folded_near_the_0s_as_everywhere(text: str) -> None:
    assert keys._fold_dates(text) == DATE_IN_FULL.sub("<date>", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE.map("".join) | PIECE, max_size=8).map(" ".join), st.sampled_from(sorted(month_names())))
def test_every_month_name_is_folded_as_the_names_in_the_pattern(text: str, name: str) -> None:
    for dated in (f"0 {name} 0", f"{name}. 0, 0 {text}", f"0. {name}{text}", f"{text}0 {name}x 0", f"{name}_ 0"):
        assert keys._fold_dates(dated) == DATE_IN_FULL.sub("<date>", dated)


TIMED = st.lists(
    st.sampled_from(["0:0", "0:0:0", "0", ":", " ", "\t", "\n", "am", "p.m.", "a", "x", "_", "é", "\u0301"]),
    max_size=20,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(TIMED)
def test_times_are_folded_at_each_0_colon_0_as_everywhere(text: str) -> None:
    assert keys._fold_times(text) == keys._TIME.sub("<time>", text)


def _block_keys_in_full(texts: list[str]) -> list[str]:
    """``block_keys`` as it was written first: each text on its own, the date pattern tried everywhere."""
    found = []
    for text in texts:
        key = re.sub(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", " ", text).casefold()
        key = keys._SPACE.sub(" ", keys._DIGITS.sub("0", key))
        found.append(DATE_IN_FULL.sub("<date>", keys._TIME.sub("<time>", key)).strip())
    return found


ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=500, deadline=None)
@given(st.lists(LINE | DATED | ANY_TEXT, max_size=6))
def test_block_keys_are_the_keys_of_each_text_in_full(texts: list[str]) -> None:
    assert block_keys(texts) == _block_keys_in_full(texts)
