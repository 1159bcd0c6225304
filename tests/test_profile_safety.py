"""Safety of site profiles: nothing below N pages, only removals, one profile per template generation.

The pages here are made in the test: a template (menu, footer, box) around article paragraphs that differ
from page to page.  ``clean`` runs the whole pipeline; the profile is the last layer.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.corpus.twopass import learn_profile
from cleaner.errors import CleanError
from cleaner.pipeline import document_texts, read_document
from cleaner.sites.apply import repetition
from cleaner.sites.keys import RememberedKeys
from cleaner.sites.profile import Parameters, ProfileLearner, block_key, block_keys

ROOT = Path(__file__).resolve().parent.parent

N = Parameters().min_pages
WORDS = [
    "harbour",
    "ferry",
    "council",
    "bridge",
    "market",
    "school",
    "river",
    "quay",
    "weather",
    "tunnel",
    "boat",
    "vote",
    "road",
]


def _paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(14, 24))]
    return f"The {' and the '.join(' '.join(words[i : i + 3]) for i in range(0, len(words), 3))} were discussed."


def _page(template: tuple[list[str], list[str]], rng: random.Random) -> str:
    head, tail = template
    body = [_paragraph(rng) for _ in range(4)]
    return "\n".join([*head, f"Headline number {rng.randint(1, 10**6)} about the valley", *body, *tail]) + "\n"


OLD = (
    ["Home", "Valley News Online", "Sport", "Weather"],
    ["Subscribe to our weekly letter", "Valley News Ltd, 1 Main Street", "All rights reserved"],
)
NEW = (
    ["Start", "The New Valley Post", "Politics", "Culture"],
    ["Get the Post every morning", "Valley Post Media, 7 River Road", "Terms of use"],
)


def _site(templates: list[tuple[list[str], list[str]]], seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [_page(template, rng) for template in templates]


def _body(text: str, profile=None) -> str:
    return clean(text, format="text", profile=profile, site="valley").text


def test_a_site_of_fewer_than_n_pages_is_cleaned_as_without_a_profile() -> None:
    pages = _site([OLD] * N)
    assert "Valley News Ltd, 1 Main Street" in _body(pages[0])  # the pipeline alone keeps the footer
    small = learn_profile(pages[: N - 1], site="valley")
    assert small.sites["valley"].learned_count == 0
    for page in pages:
        assert clean(page, profile=small, site="valley").to_dict() == clean(page).to_dict()
    enough = learn_profile(pages, site="valley")
    assert all("Valley News Ltd, 1 Main Street" not in _body(page, enough) for page in pages)


def test_the_profile_only_removes_and_names_itself() -> None:
    pages = _site([OLD] * (N + 3))
    profile = learn_profile(pages, site="valley")
    for page in pages:
        plain, applied = clean(page, site="valley"), clean(page, profile=profile, site="valley")
        kept = [block.text for block in applied.blocks]
        assert set(kept) <= {block.text for block in plain.blocks}
        assert (applied.authors, applied.published) == (plain.authors, plain.published)
        template = [*OLD[0], *OLD[1]]  # the title changes only when it was a template line ("Home")
        assert applied.title == plain.title or (plain.title in template and applied.title not in template)
        added = [removal for removal in applied.removed if removal not in plain.removed]
        assert added and all((r.layer, r.category) == ("profile", "profile") for r in added)
        assert all(r.rule.startswith("profile:valley#1(") for r in added)
        assert any(paragraph.startswith("The ") for paragraph in kept)  # the article stays


def test_a_redesign_is_learned_as_two_generations_in_any_order() -> None:
    for order in ("in order", "shuffled"):
        pages = _site([OLD] * (N + 2) + [NEW] * (N + 2))
        if order == "shuffled":
            random.Random(3).shuffle(pages)
        profile = learn_profile(pages, site="valley")
        generations = profile.sites["valley"].generations
        assert sorted(g.documents for g in generations) == [N + 2, N + 2], order
        learned = [{item.example for item in g.learned()} for g in generations]
        assert any({*OLD[0], *OLD[1]} <= found for found in learned), order
        assert any({*NEW[0], *NEW[1]} <= found for found in learned), order
        for page in pages:
            body = _body(page, profile)
            assert not any(line in body for line in [*OLD[1], *NEW[1]]), order


def test_four_generations_are_not_averaged_away() -> None:
    """Each template on a quarter of the pages: averaged, no line reaches ``ratio``; split, each does."""
    templates = [
        ([f"Menu {g} {word}" for word in ("alpha", "beta", "gamma")], [f"Footer {g} of the paper"])
        for g in ("red", "green", "blue", "grey")
    ]
    pages = [page for seed, template in enumerate(templates) for page in _site([template] * N, seed=seed)]
    profile = learn_profile(pages, site="valley")
    assert [g.documents for g in profile.sites["valley"].generations] == [N] * 4
    averaged = ProfileLearner(Parameters(join=1e-9, generations=1))
    for page in pages:
        averaged.add("valley", page.split("\n"))
    (merged,) = averaged.profile().sites["valley"].generations
    assert not [item.key for item in merged.learned() if item.key.startswith(("menu", "footer"))]
    for page in pages:
        assert "Footer" not in _body(page, profile)


def test_a_page_that_matches_no_generation_is_left_alone() -> None:
    pages = _site([OLD] * (N + 2))
    profile = learn_profile(pages, site="valley")
    (stranger,) = _site([NEW], seed=9)
    stranger += "Subscribe to our weekly letter\n"  # one old template line on a page of another template
    assert clean(stranger, profile=profile, site="valley").to_dict() == clean(stranger).to_dict()


LINE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=8))
def test_keys_of_a_document_are_the_keys_of_its_blocks(texts: list[str]) -> None:
    """``block_keys`` folds a whole document at once; no block's key depends on its neighbours."""
    assert block_keys(texts) == [block_keys([text])[0] for text in texts]
    assert [block_key(text) for text in texts] == block_keys(texts)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["Home", "home", "Jan 6, 2024", "Jan 7", "a  b", ""]) | LINE, max_size=6)))
def test_remembered_keys_are_the_keys(pages: list[list[str]]) -> None:
    """The keys ``RememberedKeys`` gives are ``block_keys``', whatever it remembers and forgets (a size of 3: its
    two generations turn over every few lines), and it remembers at most a page more than twice its size."""
    remembered = RememberedKeys(3)
    for texts in pages:
        assert remembered.keys(texts) == block_keys(texts)
        assert len(remembered.newer) + len(remembered.older) <= 2 * 3 + 6


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["6 January 2024", "Jan 6, 2024", "06.01.2024", "14:30", "x", "\n", " "]), max_size=8))
def test_dates_are_folded_within_a_block_only(parts: list[str]) -> None:
    texts = ["".join(parts), " ".join(parts), "\n".join(parts)]
    assert block_keys(texts) == [block_keys([text])[0] for text in texts]


def test_clean_learn_prints_pages_and_template_lines_per_site(tmp_path) -> None:
    for name, count in (("valley", N + 1), ("tiny", N - 1)):
        (tmp_path / name).mkdir()
        for number, page in enumerate(_site([OLD] * count)):
            (tmp_path / name / f"p{number}.txt").write_text(page, encoding="utf-8")
    command = [sys.executable, "-m", "cleaner.cli", "learn", str(tmp_path), "-o", str(tmp_path / "p.json")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"tiny: {N - 1} pages, 1 template generation, 0 template lines learned " + (
        f"(none applied: a generation needs {N} pages)"
    )
    assert lines[1].startswith(f"valley: {N + 1} pages, 1 template generation, ")
    assert int(lines[1].split(", ")[2].split()[0]) >= len(OLD[0]) + len(OLD[1])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["", "  ", "- item", "# Head", "> quote", "A line  of text.", "\\- x"]), max_size=10))
def test_learning_reads_the_blocks_cleaning_reads(lines: list[str]) -> None:
    """``document_texts`` (learning's fast path) gives the texts of ``read_document``'s blocks."""
    text = "\n".join(lines)
    if not text.strip():  # both refuse an empty document
        with pytest.raises(CleanError):
            document_texts(text, format="text")
        with pytest.raises(CleanError):
            read_document(text)
        return
    assert document_texts(text, format="text")[0] == [block.text for block in read_document(text).blocks]


def test_repetition_is_the_share_of_pages_and_none_without_a_trusted_profile() -> None:
    """The feature a trained classifier gets: a line's share of its generation's other pages."""
    pages = _site([OLD] * (N + 2))
    profile = learn_profile(pages, site="valley")
    texts = document_texts(pages[0])[0]
    rates = dict(zip(texts, repetition(texts, profile.site("valley")), strict=True))
    assert all(rates[line] == 1.0 for line in [*OLD[0], *OLD[1]])
    assert all(rate == 0.0 for text, rate in rates.items() if text.startswith("The "))  # the article: this page's
    few = learn_profile(pages[: N - 1], site="valley")
    assert repetition(texts, few.site("valley")) is None
    assert repetition(texts, None) is None


@pytest.mark.parametrize("copies", [5, 10])
def test_a_profile_learned_from_copies_of_one_article_never_empties_it(copies: int) -> None:
    """Copies of one article (a story saved several times) repeat whole: the profile learned from them takes every
    line for template. Applied, it would leave no body; the article is cleaned as without the profile."""
    text = (ROOT / "seeds" / "002_694ce83051234cea.txt").read_text(encoding="utf-8")
    profile = learn_profile([text] * copies, site="copies")
    with_profile, without = clean(text, profile=profile, site="copies"), clean(text, site="copies")
    assert with_profile.blocks and with_profile.to_dict() == without.to_dict()


def test_clean_learn_that_reads_no_document_leaves_the_profile_as_it_was(tmp_path: Path) -> None:
    """``clean learn typo`` (a mistyped folder) wrote an empty profile where the folder's would be, the current
    folder's, and replaced the one learned there before: the next ``clean`` applied nothing.  A run that reads no
    document (a missing PATH, an empty folder, records that all fail) writes nothing and says so, exit 2."""
    from clirun import clean_in_process as clean_command

    (tmp_path / "corpus").mkdir()
    (tmp_path / "empty").mkdir()
    for number, page in enumerate(_site([OLD] * (N + 1))):
        (tmp_path / "corpus" / f"p{number}.txt").write_text(page, encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "\\u0000 binary"}\n', encoding="utf-8")
    assert clean_command("learn", ".", "-q", cwd=tmp_path / "corpus").returncode == 0
    profile = tmp_path / "corpus" / ".cleaner" / "profile.json"
    learned = profile.read_bytes()
    for argv, cwd in (
        (["typo"], "corpus"),
        (["../empty", "-o", ".cleaner/profile.json"], "corpus"),
        (["bad.jsonl"], "."),
    ):
        ran = clean_command("learn", *argv, cwd=tmp_path / cwd)
        assert ran.returncode == 2 and "Traceback" not in ran.stderr
        assert ran.stderr.splitlines()[-1].startswith("clean learn: error: no document read: "), ran.stderr
    assert profile.read_bytes() == learned
    assert not (tmp_path / ".cleaner" / "profile.json").exists() and not (tmp_path / "empty" / ".cleaner").exists()


def test_clean_learn_that_reads_no_document_leaves_no_folder_behind(tmp_path: Path) -> None:
    """A run whose files all fail wrote no profile but left the folders made for it (``.cleaner/``, or every folder
    of ``-o``'s path) behind, empty (a new user's probe).  They are taken away again; a folder that existed stays."""
    from clirun import clean_in_process as clean_command

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("", encoding="utf-8")  # fails: empty
    (tmp_path / "kept").mkdir()
    for argv in (["corpus"], ["corpus", "-o", "made/deeper/profile.json"], ["corpus", "-o", "kept/profile.json"]):
        ran = clean_command("learn", *argv, cwd=tmp_path)
        assert ran.returncode == 2 and "no document read" in ran.stderr, ran.stderr
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*")) == [
        "corpus",
        "corpus/a.txt",
        "kept",
    ]
