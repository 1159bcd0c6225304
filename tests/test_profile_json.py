"""The profile file's text: ``profile_json`` writes what ``json.dumps(..., ensure_ascii=False, indent=1)`` writes.

``cleaner.sites.store`` writes the indented form itself (``json`` encodes with ``indent`` in pure Python,
a third of ``clean learn``'s time on a large corpus); these tests hold it to ``json``'s text byte for byte,
on the fixture corpora's profile and on arbitrary JSON values; and a profile read back is the profile.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.corpus.twopass import Corpus, count_document
from cleaner.io.records import Document
from cleaner.sites.generation import Generation, KeyCount
from cleaner.sites.parameters import Parameters, ProfileError
from cleaner.sites.profile import Profile
from cleaner.sites.store import (
    _count_from_list,
    _Counts,
    _counts_from_mapping,
    _indented,
    _Learned,
    _Sink,
    _write,
    load_profile,
    profile_json,
    save_profile,
)

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def learner_profiles() -> tuple[Profile, Profile]:
    """The fixture corpora's profile, as a snapshot and as the learner's own counts (``clean learn``'s)."""
    corpus = Corpus.from_paths([CORPUS])
    learner = Profile().learner()
    documents = [document for document in corpus.documents if isinstance(document, Document)]
    assert len(documents) == len(corpus.documents)  # the fixture corpora are read whole, as records
    for document in documents:
        count_document(document, config=corpus.config).add_to(learner)
    return learner.profile(), learner.profile(snapshot=False)


def _dumped(value: object) -> str:
    out = _Sink()
    _indented(value, "\n", out)
    return "".join(out)


def test_profile_json_is_json_dumps_indented(learner_profiles: tuple[Profile, Profile]) -> None:
    snapshot, own = learner_profiles
    assert snapshot.learned_count > 0
    expected = json.dumps(snapshot.to_dict(), ensure_ascii=False, indent=1) + "\n"
    assert profile_json(snapshot) == expected
    assert profile_json(own) == expected


def test_the_file_is_written_a_site_at_a_time_as_the_text_reads(
    learner_profiles: tuple[Profile, Profile], tmp_path: Path
) -> None:
    """``save_profile`` writes each site's text as it is made (``_Sink``): the file is ``profile_json``'s text."""
    profile = learner_profiles[1]
    assert len(profile.sites) >= 2
    written: list[str] = []
    _write(profile, _Sink(written.append))
    assert len(written) == len(profile.sites) + 1  # one piece per site, and the file's end
    assert "".join(written) == profile_json(profile)
    save_profile(profile, tmp_path / "profile.json")
    assert (tmp_path / "profile.json").read_text(encoding="utf-8") == profile_json(profile)
    assert [path.name for path in tmp_path.iterdir()] == ["profile.json"]  # no temporary file left


def test_learned_count_counts_the_learned_lines(learner_profiles: tuple[Profile, Profile]) -> None:
    profile = learner_profiles[0]
    for site in profile.sites.values():
        assert site.learned_count == sum(len(generation.learned()) for generation in site.generations)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8")),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_indented_matches_json_on_any_value(value: object) -> None:
    assert _dumped(value) == json.dumps(value, ensure_ascii=False, indent=1)


@pytest.mark.parametrize(
    "value", [{}, [], [[]], {"a": {}}, {"a": [], "b": [{}]}, ("x", 1), '\u2028\x00"\\', -0.0, 1e300]
)
def test_indented_edge_values(value: object) -> None:
    assert _dumped(value) == json.dumps(value, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("value", [float("nan"), {1: "a"}, {"a": {1, 2}}, [float("inf")]])
def test_indented_refuses_what_a_profile_never_holds(value: object) -> None:
    with pytest.raises(TypeError):
        _dumped(value)


# Texts where JSON escapes something (quotes, backslashes, control characters, a line break), some only in part
# of the keys, beside plain and non-ASCII ones.
KEY_TEXTS = st.text(alphabet=st.sampled_from(["a", "b", " ", '"', "\\", "\n", "\x00", "\x1f", "é", "\u2028", "—", "0"]))
COUNTS = st.dictionaries(
    st.one_of(KEY_TEXTS, st.text(alphabet=st.characters(codec="utf-8"))),
    st.tuples(st.integers(0, 30), st.integers(0, 5), st.one_of(st.just(""), KEY_TEXTS)),
    max_size=12,
)


def _key_counts(data: dict[str, tuple[int, int, str]]) -> dict[str, KeyCount]:
    return {key: KeyCount(documents, error, example=example) for key, (documents, error, example) in data.items()}


@settings(max_examples=300, deadline=None)
@given(COUNTS, st.integers(0, 3))
def test_key_counts_are_written_as_json_writes_them(data: dict[str, tuple[int, int, str]], depth: int) -> None:
    """``_Counts`` writes a generation's counts with a few joins (the keys as they are, but for those JSON escapes):
    the text is ``json.dumps``'s at any depth, whatever the keys and examples hold."""
    counts = _key_counts(data)
    value: object = _Counts(counts)
    written: object = {key: counts[key].to_list() for key in sorted(counts)}
    for _ in range(depth):
        value, written = {"a": value}, {"a": written}
    assert _dumped(value) == json.dumps(written, ensure_ascii=False, indent=1)


@settings(max_examples=200, deadline=None)
@given(COUNTS, st.integers(1, 12), st.sampled_from([0.1, 0.3, 0.5]))
def test_learned_lines_are_written_as_json_writes_them(
    data: dict[str, tuple[int, int, str]], documents: int, ratio: float
) -> None:
    """``_Learned`` writes ``Generation.learned()`` from the template and the counts, in its order (most documents
    first, then by key), as ``json.dumps`` writes the lines' dicts."""
    generation = Generation(documents, _key_counts(data), Parameters(ratio=ratio, min_pages=2))
    expected = {"learned": [item.to_dict() for item in generation.learned()]}
    assert _dumped({"learned": _Learned(generation)}) == json.dumps(expected, ensure_ascii=False, indent=1)


COUNT_VALUES = st.one_of(
    st.tuples(st.integers(-1, 9), st.integers(-1, 9)).map(list),
    st.tuples(st.integers(0, 9), st.integers(0, 9), st.one_of(st.text(max_size=3), st.integers())).map(list),
    st.lists(st.one_of(st.integers(0, 3), st.booleans(), st.text(max_size=2), st.none()), max_size=4),
    st.one_of(st.integers(), st.text(max_size=3), st.none(), st.dictionaries(st.sampled_from("01"), st.integers())),
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(max_size=4), COUNT_VALUES, max_size=6))
def test_counts_are_read_as_each_entry_is(data: dict[str, object]) -> None:
    """``_counts_from_mapping`` checks a generation's lists at once and falls back to ``_count_from_list`` for each:
    the same counts, or the same error naming the first wrong entry, on any JSON value."""
    try:
        expected: object = {key: _count_from_list(value, origin="p.json", key=key) for key, value in data.items()}
    except ProfileError as error:
        expected = str(error)
    try:
        found: object = _counts_from_mapping(data, "p.json")
    except ProfileError as error:
        found = str(error)
    assert found == expected


def test_a_profile_read_back_is_the_profile_and_leaves_the_collector_on(
    learner_profiles: tuple[Profile, Profile], tmp_path: Path
) -> None:
    path = tmp_path / "profile.json"
    save_profile(learner_profiles[0], path)
    assert gc.isenabled()
    assert profile_json(load_profile(path)) == profile_json(learner_profiles[0])
    assert gc.isenabled()
    gc.disable()
    try:
        load_profile(path)
        assert not gc.isenabled()  # as it was found
    finally:
        gc.enable()
