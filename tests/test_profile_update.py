"""``clean learn --update`` gives the file learning everything at once gives, wherever the corpus is split.

The learner recomputes a generation's core (the lines on half of its pages, which a page is matched to and its
article's markers found by) only now and then (``cleaner.sites.profile._Counting.current_core``), so the core in
use at a page depends on the pages before it.  The file keeps the learner's last core (``learner_core``): a run
that goes on from the file uses the core the learner at once had, and the two files are the same, byte for byte.
Here the fixtures' sites are learned whole and split at every page, in process and through the command; and
generated pages of one template, split anywhere (hypothesis).
"""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest
from clirun import clean_in_process
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.corpus.learning import learn_profile
from cleaner.sites.generation import KeyCount, core_keys
from cleaner.sites.profile import Parameters, ProfileError, ProfileLearner
from cleaner.sites.store import load_profile, profile_from_mapping, profile_json, save_profile

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
SITES = sorted(CORPUS.iterdir())


def _pages(site: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(site.iterdir())]


def _in_two_runs(pages: list[str], split: int, folder: Path, *, keep_core: bool = True) -> str:
    """The file of ``pages[:split]`` learned, saved, read back and learned on with ``pages[split:]``; without
    ``keep_core``, the first file as written before it kept the learner's cores."""
    save_profile(learn_profile(pages[:split], site="site"), folder / "first.json")
    if not keep_core:
        data = json.loads((folder / "first.json").read_text(encoding="utf-8"))
        for generation in data["sites"]["site"]["generations"]:
            generation.pop("learner_core", None)
        (folder / "first.json").write_text(json.dumps(data), encoding="utf-8")
    return profile_json(learn_profile(pages[split:], site="site", profile=load_profile(folder / "first.json")))


# The fixtures' sites one by one, all three one after the other as one site, and their pages interleaved.
CORPORA = {
    **{site.name: _pages(site) for site in SITES},
    "one after the other": [page for site in SITES for page in _pages(site)],
    "interleaved": [page for pages in itertools.zip_longest(*map(_pages, SITES)) for page in pages if page],
}


@pytest.mark.parametrize("name", CORPORA)
def test_learning_on_from_the_file_gives_the_file_learned_at_once(name: str, tmp_path: Path) -> None:
    pages = CORPORA[name]
    whole = profile_json(learn_profile(pages, site="site"))
    assert [split for split in range(1, len(pages)) if _in_two_runs(pages, split, tmp_path) != whole] == []


def test_update_through_the_command_where_the_core_was_computed_pages_before(tmp_path: Path) -> None:
    """A split where the cores matter: one where a file without them (as written before) gives another profile."""
    site = CORPUS / "harbour-gazette"
    pages = _pages(site)
    whole = profile_json(learn_profile(pages, site="site"))
    differing = [s for s in range(1, len(pages)) if _in_two_runs(pages, s, tmp_path, keep_core=False) != whole]
    assert differing  # main 7a8e735 differed at 8 of its 12 pages
    split = differing[0]
    for folder, names in (("corpus", sorted(site.iterdir())[:split]), ("later", sorted(site.iterdir())[split:])):
        (tmp_path / folder / site.name).mkdir(parents=True)
        for path in names:
            shutil.copy(path, tmp_path / folder / site.name / path.name)
    at_once = clean_in_process("learn", "corpus", "later", "-o", "whole.json", cwd=tmp_path)
    first = clean_in_process("learn", "corpus", "-o", "parts.json", cwd=tmp_path)
    second = clean_in_process("learn", "later", "-o", "parts.json", "--update", cwd=tmp_path)
    assert at_once.returncode == first.returncode == second.returncode == 0, second.stderr
    assert (tmp_path / "parts.json").read_bytes() == (tmp_path / "whole.json").read_bytes()
    assert '"learner_core": {' in (tmp_path / "whole.json").read_text(encoding="utf-8")


TEMPLATE = ["Home", "Valley News Online", "Sport and weather", "Subscribe to our weekly letter", "All rights reserved"]
WORDS = ["bridge", "ferry", "market", "school", "river", "tunnel"]
PAGE = st.tuples(  # the template lines before the article, those after it; which of the article's lines
    st.lists(st.sampled_from(TEMPLATE), max_size=3, unique=True),
    st.lists(st.sampled_from(TEMPLATE), max_size=3, unique=True),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True),
)


def _document(number: int, before: list[str], after: list[str], words: list[str]) -> list[str]:
    """A page with its own article (a headline and sentences no other page has) between template lines."""
    article = [f"Story {number} of the day"] + [
        f"The {word} was discussed by the council for {number} hours on Tuesday evening before the vote was taken."
        for word in words
    ]
    return [*before, *article, *after]


@settings(max_examples=100, deadline=None)
@given(st.lists(PAGE, min_size=2, max_size=40), st.data())
def test_any_split_of_generated_pages_gives_the_same_file(
    pages: list[tuple[list[str], list[str], list[str]]], data: st.DataObject
) -> None:
    """Template lines that come and go (so the core changes), around articles of their own; split anywhere."""
    documents = [_document(number, *page) for number, page in enumerate(pages)]
    split = data.draw(st.integers(1, len(documents) - 1))
    at_once, first = ProfileLearner(Parameters(min_pages=2)), ProfileLearner(Parameters(min_pages=2))
    for document in documents:
        at_once.add("valley", document)
    for document in documents[:split]:
        first.add("valley", document)
    learner = profile_from_mapping(json.loads(profile_json(first.profile())), origin="first").learner()
    for document in documents[split:]:
        learner.add("valley", document)
    assert profile_json(learner.profile()) == profile_json(at_once.profile())


@pytest.mark.parametrize(
    "core",
    [[], {"documents": 0, "keys": {}}, {"documents": 9, "keys": {}}, {"documents": 2, "keys": {"home": 3}},
     {"documents": 2, "keys": {"home": True}}, {"documents": 2, "keys": []}],
)  # fmt: skip
def test_a_malformed_learner_core_is_refused_naming_the_file(core: object, tmp_path: Path) -> None:
    data = {"format": "cleaner-profile/2", "sites": {"s": {"generations": [{"documents": 3, "learner_core": core}]}}}
    (tmp_path / "p.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError, match=r"p\.json: site 's' generation 1: 'learner_core' must be"):
        load_profile(tmp_path / "p.json")
    del data["sites"]["s"]["generations"][0]["learner_core"]  # type: ignore[index]
    (tmp_path / "p.json").write_text(json.dumps(data), encoding="utf-8")
    assert load_profile(tmp_path / "p.json").sites["s"].generations[0].learner_core is None  # a file without one


@given(st.permutations([*TEMPLATE, *(f"Story {number} of the day" for number in range(4))]))
def test_a_core_is_the_same_whatever_order_its_counts_were_made_in(keys: list[str]) -> None:
    """A learner read from the file holds its counts sorted, the learner at once as first seen: ``shared`` sums a
    core's shares in its order, and sums of floats in two orders can differ in their last bit (they did, and
    another page joined another generation)."""
    counts = {key: KeyCount(1 + len(key) % 3) for key in keys}
    assert list(core_keys(counts, 4, Parameters()).items()) == list(
        core_keys(dict(sorted(counts.items())), 4, Parameters()).items()
    )
