"""Data safety of the ``clean`` command (issue 11, cases 1 to 3): the command never touches what the
user did not name, never writes through a symlink or over an input, and never loses an output.

Every case runs the real command (in this process, through ``main(argv)``) on real files in a
temporary folder, and checks the bytes of everything it must not touch before and after.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from clirun import clean_in_process as clean
from clirun import tree_state

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
RAW = SEEDS[0].read_bytes()  # a raw seed: --in-place rewrites it


def state(folder: Path) -> dict[str, str]:
    """Every entry below ``folder``: a symlink as its target, a file as its SHA-256 and mode."""
    return tree_state(folder, modes=True)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder the user never names, holding a precious file."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(RAW)
    return folder


# ----------------------------------------------------------------------------- 1. --in-place and symlinks


def test_in_place_does_not_follow_a_folder_symlink_out_of_the_tree(tmp_path: Path, outside: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_bytes(RAW)
    (corpus / "linked").symlink_to(outside, target_is_directory=True)
    before = state(outside)
    result = clean("corpus", "--in-place", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # the story was rewritten
    assert state(outside) == before
    assert "corpus/linked: skipped: a symlink leading out of the folder named: not followed" in result.stderr
    assert (corpus / "story.txt").read_bytes() != RAW


def test_in_place_does_not_rewrite_a_file_symlink_s_target(tmp_path: Path, outside: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "article.txt").symlink_to(outside / "notes.txt")
    before = state(outside)
    walked = clean("corpus", "--in-place", cwd=tmp_path)
    assert walked.returncode == 0 and state(outside) == before
    named = clean("corpus/article.txt", "--in-place", cwd=tmp_path)
    assert named.returncode == 2 and state(outside) == before
    assert "corpus/article.txt: error: a symlink: --in-place does not write through symlinks" in named.stderr


def test_a_symlink_inside_the_tree_is_followed_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "2024").mkdir(parents=True)
    (corpus / "2024" / "story.txt").write_bytes(RAW)
    (corpus / "latest").symlink_to("2024", target_is_directory=True)
    result = clean("corpus", "--format", "jsonl", "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1  # one file, however many paths lead to it


def test_in_place_keeps_owner_and_mode(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(RAW)
    story.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(story, 1234, 5678)
    assert clean("story.txt", "--in-place", cwd=tmp_path).returncode == 1
    info = story.stat()
    assert oct(info.st_mode & 0o7777) == oct(0o640)
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (1234, 5678)
    assert story.read_bytes() != RAW


def test_a_hard_linked_file_is_reported_not_split(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(RAW)
    os.link(story, tmp_path / "copy.txt")
    result = clean("story.txt", "--in-place", cwd=tmp_path)
    assert result.returncode == 2
    assert "story.txt: error: 2 hard links lead to this file: rewriting it would split them" in result.stderr
    assert story.read_bytes() == RAW and os.path.samefile(story, tmp_path / "copy.txt")


def test_a_write_protected_file_is_reported_not_rewritten(tmp_path: Path) -> None:
    """``--in-place`` renames a new file over the old one, which the folder's permission allows: a read-only
    article was rewritten (still read-only), where ruff and black refuse it.  It is left alone with an error now,
    as root too (no write bit at all), and the other files are rewritten."""
    (tmp_path / "story.txt").write_bytes(RAW)
    (tmp_path / "story.txt").chmod(0o444)
    (tmp_path / "other.txt").write_bytes(RAW)
    result = clean("story.txt", "other.txt", "--in-place", cwd=tmp_path)
    assert result.returncode == 2
    assert "story.txt: error: write-protected: --in-place leaves a file it may not write as it is" in result.stderr
    assert (tmp_path / "story.txt").read_bytes() == RAW and (tmp_path / "other.txt").read_bytes() != RAW
    assert clean("story.txt", "--check", cwd=tmp_path).returncode == 1  # --check still says it would change


# ----------------------------------------------------------------------------- 2. -o


def test_outputs_never_climb_out_of_out(tmp_path: Path) -> None:
    (tmp_path / "s" / "a").mkdir(parents=True)
    (tmp_path / "s" / "b").mkdir()
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "f.txt").write_bytes(RAW)
    (tmp_path / "s" / "b" / "y.txt").write_bytes(SEEDS[1].read_bytes())
    result = clean("a/../../x/f.txt", "b/y.txt", "-o", "out", cwd=tmp_path / "s")
    assert result.returncode == 0, result.stderr
    written = sorted(str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*.json"))
    assert written == ["s/out/s/b/y.json", "s/out/x/f.json"]


def test_a_symlink_in_out_is_replaced_not_written_through(tmp_path: Path, outside: Path) -> None:
    (tmp_path / "y.txt").write_bytes(RAW)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "y.json").symlink_to(outside / "notes.txt")
    before = state(outside)
    assert clean("y.txt", "-o", "out", cwd=tmp_path).returncode == 0
    assert state(outside) == before
    assert not (tmp_path / "out" / "y.json").is_symlink()
    assert json.loads((tmp_path / "out" / "y.json").read_text(encoding="utf-8"))["source"] == "y.txt"


def test_a_symlinked_folder_in_out_is_refused(tmp_path: Path, outside: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "y.txt").write_bytes(RAW)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "sub").symlink_to(outside, target_is_directory=True)
    before = state(outside)
    result = clean("in", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2 and state(outside) == before
    assert "would be written outside out" in result.stderr


def test_a_symlinked_folder_named_as_input_is_mirrored_into_out(tmp_path: Path, outside: Path) -> None:
    """``clean linked -o out``, ``linked`` a symlink to a folder the user names through it: its files were planned
    at ``out/../../outside/notes.json`` (the folder named resolved by its parent only, its files whole) and the
    run refused them as "written outside out (a symlinked folder inside it)", which out did not hold."""
    (tmp_path / "linked").symlink_to(outside, target_is_directory=True)
    before = state(outside)
    result = clean("linked", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["notes.json"]
    assert state(outside) == before


def test_an_output_over_its_input_is_refused(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "story.txt").write_bytes(RAW)
    before = state(tmp_path / "c")
    result = clean("c/story.txt", "-o", "c", "--format", "txt", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr
        == "clean: error: the output for c/story.txt would overwrite the input c/story.txt; choose another -o OUT\n"
    )
    assert state(tmp_path / "c") == before
    same = clean("c/story.txt", "-o", "c/story.txt", "--format", "txt", cwd=tmp_path)
    assert same.returncode == 2 and state(tmp_path / "c") == before


def test_clashing_outputs_keep_whole_names_or_stop(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for name, seed in (("a.txt", SEEDS[0]), ("a.md", SEEDS[1])):
        shutil.copyfile(seed, tmp_path / "in" / name)
    result = clean("in", "-o", "out", "--format", "txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["a.md.txt", "a.txt.txt"]
    shutil.copyfile(SEEDS[2], tmp_path / "in" / "a.txt.txt")
    clash = clean("in", "-o", "out2", "--format", "txt", cwd=tmp_path)
    assert clash.returncode == 2 and not (tmp_path / "out2").exists()
    assert "outputs clash: in/a.txt and in/a.txt.txt would all be written to out2/a.txt.txt" in clash.stderr


def test_a_file_name_for_out_with_a_folder_of_inputs_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    for seed in SEEDS[:2]:
        shutil.copyfile(seed, tmp_path / "seeds" / seed.name)
    result = clean("seeds", "-o", "out.json", cwd=tmp_path)
    assert result.returncode == 2 and not (tmp_path / "out.json").exists()
    assert "out.json names one file, but several articles are written one file each" in result.stderr
    single = clean(f"seeds/{SEEDS[0].name}", "-o", "one.json", cwd=tmp_path)
    assert single.returncode == 0 and (tmp_path / "one.json").is_file()
    assert json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))["source"] == f"seeds/{SEEDS[0].name}"


@pytest.mark.parametrize("kind", ["file", "symlink to nothing", "below a file"])
def test_an_out_that_cannot_be_a_folder_is_one_error_before_cleaning(tmp_path: Path, kind: str) -> None:
    """It was one 'cannot write out: File exists' line per input, each after that input had been cleaned."""
    (tmp_path / "in").mkdir()
    for seed in SEEDS[:2]:
        shutil.copyfile(seed, tmp_path / "in" / seed.name)
    (tmp_path / "notes").write_text("mine\n", encoding="utf-8")
    out = {"file": "notes", "symlink to nothing": "gone", "below a file": "notes/out"}[kind]
    if kind == "symlink to nothing":
        (tmp_path / "gone").symlink_to("nowhere")
    before = state(tmp_path)
    result = clean("in", "-o", out, cwd=tmp_path)
    problem = {
        "file": "notes is a file, not a folder",
        "symlink to nothing": "gone is a symlink to nowhere, which does not exist",
        "below a file": "notes is a file, not a folder",
    }[kind]
    assert (result.returncode, result.stderr) == (
        2,
        f"clean: error: cannot write into {out}: {problem}; name a folder for -o\n",
    )
    assert state(tmp_path) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["corpus", "-o", "out", "--report", "corpus/a.txt"], "--report corpus/a.txt would overwrite the input"),
        (["corpus", "-o", "out", "--duplicates", "corpus/a.txt"], "--duplicates corpus/a.txt would overwrite"),
        (["corpus/a.txt", "--duplicates", "corpus/a.txt"], "--duplicates corpus/a.txt would overwrite"),
        (["corpus/crawl.jsonl", "-o", "corpus/crawl.jsonl"], "-o/--output corpus/crawl.jsonl would overwrite"),
        (["corpus", "-o", "corpus/a.txt", "--format", "jsonl"], "-o/--output corpus/a.txt would overwrite"),
        (["corpus", "-o", "out", "--duplicates", "out.json", "--report", "out.json"], "is also --duplicates"),
    ],
    ids=["report over a walked article", "duplicates over a walked article", "duplicates over a named one",
         "jsonl over its own input", "jsonl over a walked article", "report and duplicates in one file"],
)  # fmt: skip
def test_a_file_output_never_replaces_an_input(tmp_path: Path, args: list[str], message: str) -> None:
    """An output file the walk found was only left out of the inputs, then written over: --report and
    --duplicates replaced the article at their path, and -o crawl.jsonl emptied the crawl it was cleaning."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_bytes(RAW)
    (tmp_path / "corpus" / "crawl.jsonl").write_text(json.dumps({"id": "1", "text": RAW.decode()}) + "\n")
    before = state(tmp_path)
    result = clean(*args, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert state(tmp_path) == before


def test_clean_learn_never_writes_its_profile_over_an_input(tmp_path: Path) -> None:
    """`clean learn corpus -o corpus/a.txt` read the article, then replaced it with the profile."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_bytes(RAW)
    before = state(tmp_path)
    for args in (["corpus", "-o", "corpus/a.txt"], ["corpus/a.txt", "-o", "corpus/a.txt"]):
        result = clean("learn", *args, cwd=tmp_path)
        assert (result.returncode, result.stderr) == (
            2,
            "clean learn: error: -o corpus/a.txt would overwrite the input corpus/a.txt\n",
        )
    assert state(tmp_path) == before
    assert clean("learn", "corpus", "-o", "profile.json", "-q", cwd=tmp_path).returncode == 0


def test_a_run_may_still_replace_its_own_earlier_outputs_in_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_bytes(RAW)
    for _ in range(2):
        result = clean("corpus", "-o", "corpus/all.jsonl", "--report", "corpus/report.html", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert len((tmp_path / "corpus" / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 1


# ----------------------------------------------------------------------------- 3. mostly UTF-8


def test_one_stray_byte_does_not_turn_an_article_into_mojibake(tmp_path: Path) -> None:
    text = SEEDS[0].read_text(encoding="utf-8") + "\n\nZürich — “quoted” — Straße.\n"
    data = text.encode("utf-8")
    cut = data.index("Zürich".encode())
    (tmp_path / "story.txt").write_bytes(data[:cut] + b"\xff" + data[cut:])
    result = clean("story.txt", "--in-place", "--explain", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    rewritten = (tmp_path / "story.txt").read_text(encoding="utf-8")
    assert "\ufffdZürich — “quoted” — Straße." in rewritten and "Ã" not in rewritten and "вЂ" not in rewritten
    assert "story.txt: [decode.invalid-utf8] encoding (decode): \\xff" in result.stderr
    assert clean("story.txt", "--check", cwd=tmp_path).returncode == 0  # and it stays so
