"""Duplicates: rewrites of one story are not duplicates; one article saved twice is.

The five seeds are five outlets' rewrites of one news story: they share facts and a quoted
statement, and must not be grouped.  The same article saved twice (another URL, other furniture,
a changed date line, a correction appended) must be, exactly or nearly.
"""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import pytest
from clirun import clean_in_process

from cleaner.corpus.duplicates import DuplicateFinder, find_duplicates, shingles
from cleaner.corpus.twopass import Corpus
from cleaner.sites.profile import Parameters, block_key
from cleaner.sites.store import save_profile

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def seeds() -> list[tuple[str, str]]:
    return [(path.name, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]


def _jaccard(first: str, second: str) -> float:
    a, b = shingles(block_key(first).split(), 5), shingles(block_key(second).split(), 5)
    return len(a & b) / len(a | b)


def test_rewrites_of_one_story_are_not_duplicates(seeds: list[tuple[str, str]]) -> None:
    assert len(seeds) == 5
    report = Corpus.from_paths([SEEDS]).duplicates()
    assert report.documents == 5
    assert report.groups == ()
    assert find_duplicates(seeds).groups == ()


def test_one_article_saved_twice_is_a_near_duplicate(seeds: list[tuple[str, str]], tmp_path: Path) -> None:
    """A second save: other furniture, a changed date line, a correction at the end."""
    name, text = seeds[2]
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    first_line, rest = text.split("\n", 1)
    copy = (
        f"{first_line}\nUpdated: January 07, 2024 10:12 GMT\nListen to this article\n{rest}\n"
        "This article was amended on 7 January 2024 to give the full name of the prime minister's office.\n"
        "Most read\nGulf states weigh new security pact\n"
    )
    (folder / "copy-from-second-url.txt").write_text(copy, encoding="utf-8")
    for other_name, other_text in seeds[3:]:
        (folder / other_name).write_text(other_text, encoding="utf-8")
    results = list(Corpus.from_paths([folder]).clean())
    report = Corpus.from_paths([folder]).duplicates(results)
    bodies = {result.id: result.article.text for result in results}
    assert len(report.groups) == 1
    group = report.groups[0]
    assert group.kind == "near"
    assert sorted(group.members) == sorted(str(folder / n) for n in ("copy-from-second-url.txt", name))
    assert group.members[0] == str(folder / name)  # the first in sorted file order is kept
    assert report.redundant == {str(folder / "copy-from-second-url.txt")}
    assert _jaccard(*(bodies[member] for member in group.members)) >= 0.8
    assert abs(group.similarity - _jaccard(*(bodies[member] for member in group.members))) < 0.1


def test_the_same_page_saved_from_its_amp_url_is_an_exact_duplicate_once_cleaned() -> None:
    """The AMP copy lacks the newsletter box the other copy has.  The box is prose on 8 of the site's 11
    pages, which the default profile keeps (a sentence must be on every page: docs/corpus.md); a
    profile that trusts sentences on seven pages in ten removes it, and the two copies are one.  (The other
    copy is a copy: learning counts it once, docs/corpus.md, so the site has 11 pages, not 12.)"""
    corpus = Corpus.from_paths([CORPUS / "rheinblick"])
    profile = corpus.learn(parameters=Parameters(prose_ratio=0.7))
    report = corpus.duplicates(list(corpus.clean(profile)))
    amp, original = (str(CORPUS / "rheinblick" / name) for name in ("gutachten-bruecke-amp.md", "gutachten-bruecke.md"))
    assert [(group.kind, group.members) for group in report.groups] == [("exact", (amp, original))]


def test_exact_duplicates_ignore_case_digits_dates_and_spacing(seeds: list[tuple[str, str]]) -> None:
    name, text = seeds[0]
    variant = text.upper().replace("2014", "2015").replace("\n", "\n\n")
    report = find_duplicates([(name, text), ("variant", variant), ("other", seeds[1][1])])
    assert [(group.kind, group.members, group.similarity) for group in report.groups] == [
        ("exact", (name, "variant"), 1.0)
    ]


def test_partial_overlap_is_not_a_duplicate(seeds: list[tuple[str, str]]) -> None:
    """An article that reuses half of another (a follow-up quoting its first paragraphs) is not one."""
    name, text = seeds[2]
    paragraphs = [p for p in text.split("\n") if p.strip()]
    half = "\n".join(paragraphs[: len(paragraphs) // 2] + [p for _, t in seeds[3:4] for p in t.split("\n")][:12])
    assert _jaccard(text, half) < 0.6
    assert find_duplicates([(name, text), ("follow-up", half)]).groups == ()


def test_report_is_deterministic_json(seeds: list[tuple[str, str]]) -> None:
    documents = [*seeds, ("again", seeds[4][1]), ("", ""), ("empty", "   ")]
    first, second = find_duplicates(documents), find_duplicates(documents)
    assert json.dumps(first.to_dict()) == json.dumps(second.to_dict())
    assert first.to_dict() == {
        "documents": 6,
        "threshold": 0.8,
        "shingle": 5,
        "groups": [{"kind": "exact", "similarity": 1.0, "members": [seeds[4][0], "again"]}],
    }
    assert first.summary() == "1 duplicate group (1 exact, 0 near) among 6 documents; 1 redundant"


def test_a_document_added_twice_under_one_id_counts_once(seeds: list[tuple[str, str]]) -> None:
    finder = DuplicateFinder()
    for name, text in [*seeds, seeds[0]]:
        finder.add(name, text)
    assert finder.report().groups == ()
    assert finder.report().documents == 5


def test_the_command_reports_and_dedupes(tmp_path: Path) -> None:
    """`clean --duplicates FILE --dedupe` (with the site profile learned first) writes one copy.

    The profile trusts sentences on seven pages in ten, so that the box only one copy has goes (see
    the test above)."""
    shutil.copytree(CORPUS / "rheinblick", tmp_path / "rheinblick")
    run = functools.partial(clean_in_process, cwd=tmp_path)
    learned = Corpus.from_paths([tmp_path / "rheinblick"]).learn(parameters=Parameters(prose_ratio=0.7))
    save_profile(learned, tmp_path / "profile.json")
    command = ["rheinblick", "-o", "out", "--format", "md", "--profile", "profile.json", "--duplicates", "dups.json"]
    result = run(*command, "--dedupe")
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "dups.json").read_text(encoding="utf-8"))
    assert report["groups"] == [
        {
            "kind": "exact",
            "similarity": 1.0,
            "members": ["rheinblick/gutachten-bruecke-amp.md", "rheinblick/gutachten-bruecke.md"],
        }
    ]
    assert "1 duplicate group (1 exact, 0 near) among 12 documents; 1 redundant" in result.stderr
    assert "rheinblick/gutachten-bruecke.md: duplicate article, not written (--dedupe)" in result.stderr
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert "gutachten-bruecke-amp.md" in written and "gutachten-bruecke.md" not in written
    assert len(written) == 11
    summary = next(line for line in result.stderr.splitlines() if line.startswith("12 files read: "))
    assert ", 1 duplicate not written, 0 failed;" in summary  # the copy left out, not counted as unchanged
    usage = run("rheinblick", "--check", "--dedupe")
    assert usage.returncode == 2 and "--dedupe" in usage.stderr


@pytest.mark.parametrize("option", ["--dedupe", "--duplicates"])
def test_records_not_compared_for_duplicates_are_said_to_be(tmp_path: Path, option: str) -> None:
    """``clean crawl.jsonl -o out.jsonl --dedupe`` wrote every copy of a record without a word (the command
    compares article files only), so a user asking for one copy of each article got them all and believed
    otherwise; the run now says that the records are not compared."""
    text = (SEEDS / "001_076883cf49f24a7d.txt").read_text(encoding="utf-8")
    records = [{"id": "first", "text": text}, {"id": "copy", "text": text}]
    (tmp_path / "crawl.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    extra = [option] if option == "--dedupe" else [option, "dups.json"]
    result = clean_in_process("crawl.jsonl", "-o", "out.jsonl", *extra, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert result.stderr.startswith(
        f"clean: warning: {option} compares article files only: the records of JSON Lines, WARC and feed files are "
        "written without being compared for duplicates\n"
    )


def _long_text(words: int) -> str:
    """``words`` words drawn from a thousand, few runs of five repeated (a one-line page dump of megabytes)."""
    import random

    letters = "bcdfghjklmnpqrstvwxz"
    vocabulary = [f"{a}a{b}e{c}" for a in letters[:10] for b in letters for c in letters[:5]]
    draw = random.Random(1)
    return " ".join(draw.choice(vocabulary) for _ in range(words))


def test_a_long_document_is_compared_in_bounded_memory() -> None:
    """A 20 MB one-line text took 5 GB and a minute in the command's own process, after its cleaning had ended
    within the time limit: its five million shingles were hashed in one batch (NUM_PERM x n 64-bit values)."""
    import tracemalloc

    text = _long_text(300_000)
    finder = DuplicateFinder()
    tracemalloc.start()
    try:
        finder.add("long", text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 80_000_000  # 128 x 300,000 x 8 bytes (307 MB) in one batch
    finder.add("copy", text + " one more line at the end")
    assert [group.members for group in finder.report().groups] == [("long", "copy")]


def test_a_signature_made_in_batches_is_the_signature_of_the_whole_set() -> None:
    from datasketch import LeanMinHash, MinHash

    from cleaner.corpus.duplicates import NUM_PERM, SEED, shingle_batches

    words = block_key(_long_text(20_000)).split()
    whole = MinHash(num_perm=NUM_PERM, seed=SEED)
    whole.update_batch(list(shingles(words, 5)))
    finder = DuplicateFinder()
    finder.add("text", " ".join(words))
    assert LeanMinHash(whole) == finder._signatures["text"]
    assert set().union(*shingle_batches(words, 5, batch=7)) == shingles(words, 5)
