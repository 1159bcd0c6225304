"""A site profile applied to a corpus it was not learned on (trial45): the run names the profile and how few of
the cleaned documents' sites it knows, instead of saying nothing (``Report.profile_fit``)."""

from __future__ import annotations

from pathlib import Path

from clirun import clean_in_process

TOPICS = ["harbour", "library", "railway", "school", "market", "bridge", "museum", "park"]


def corpus(folder: Path, name: str) -> None:
    """Eight made-up dumps of one site: its masthead and footer on each, a different article in each."""
    folder.mkdir()
    for i, topic in enumerate(TOPICS):
        body = "\n\n".join(
            f"The {topic} committee of {name} met on day {i} to discuss item {j}, and its members agreed that "
            f"the plan for the {topic} needs another review before the council votes on it in spring."
            for j in range(3)
        )
        text = (
            f"{name} Daily News\n\nNew {topic} plan delayed again\n\n{body}\n\n© {name} Daily News. Tip line 555-0100\n"
        )
        (folder / f"{topic}.txt").write_text(text, encoding="utf-8")


def test_a_profile_of_another_corpus_is_named_in_a_warning(tmp_path: Path) -> None:
    corpus(tmp_path / "alpha", "Alphaville")
    corpus(tmp_path / "beta", "Betatown")
    learned = clean_in_process("learn", "alpha", "-o", "alpha.json", cwd=tmp_path)
    assert learned.returncode == 0, learned.stderr
    ran = clean_in_process("beta", "--profile", "alpha.json", "-o", "out", "--quiet", cwd=tmp_path)
    assert ran.returncode == 0
    assert (
        "clean: warning: site profile alpha.json knows 0 of the 1 site cleaned (0 of 8 documents): learned on "
        "another corpus" in ran.stderr
    )
    own = clean_in_process("alpha", "--profile", "alpha.json", "-o", "out2", cwd=tmp_path)
    assert own.returncode == 0 and "warning" not in own.stderr and "site profile alpha.json (1 site" in own.stderr
