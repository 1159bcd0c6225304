"""Paths as users' corpora meet them: suffixes in any case, symlinks leading out of the folder, outputs
that cannot be made.

A folder walk takes article files whatever the case of their suffix, as pre-commit does.

``NOTES.TXT`` or ``story.MD`` (corpora saved on Windows, cameras, old crawlers) were passed over by
``clean corpus/`` without a word, while the pre-commit hooks, which pass files by their type
whatever the suffix's case, cleaned them: the include globs now ignore letter case.  And ``clean learn``
keeps to the walk's verdict on symlinks leading out of the folder, as ``clean`` does: never read.  An output
that cannot be made is named as the user named it, never by its temporary file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from clirun import clean_in_process as clean_command

from cleaner import CleanError, clean_file
from cleaner.io.documents import input_files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_upper_case_suffixes_are_walked_and_read_by_their_kind(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = ["a.txt", "B.TXT", "c.Md", "D.HTML"]
    sources = [*SEEDS[:3], sorted((ROOT / "fixtures" / "html").glob("*.html"))[0]]
    for name, source in zip(names, sources, strict=True):
        (corpus / name).write_bytes(source.read_bytes())
    (corpus / "photo.JPG").write_bytes(b"\xff\xd8\xff\xe0 not an article")
    result = clean_command("corpus", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["B.json", "D.json", "a.json", "c.json"]
    assert result.stderr.splitlines()[-1].startswith("4 files read: ")
    assert [path.name for path in input_files(corpus)] == ["B.TXT", "D.HTML", "a.txt", "c.Md"]


def test_clean_learn_never_reads_through_a_symlink_leading_out_of_the_folder(tmp_path: Path) -> None:
    """``clean learn corpus/`` read a file symlink leading out of the folder (its lines counted into the profile)
    and failed on a folder symlink leading out ('not a regular file', exit 2), where ``clean`` skips both with
    one line: the walk's verdict now holds for ``learn`` too."""
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    for source in SEEDS[:2]:
        (corpus / source.name).write_bytes(source.read_bytes())
    (outside / "secret.txt").write_text("Private notes that nobody named.\n\nMore of them.\n", encoding="utf-8")
    (corpus / "link.txt").symlink_to(outside / "secret.txt")
    (corpus / "elsewhere").symlink_to(outside, target_is_directory=True)
    result = clean_command("learn", "corpus", "-o", "profile.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "corpus/link.txt: skipped: a symlink leading out of the folder named: not followed" in result.stderr
    assert "corpus/elsewhere: skipped: a symlink leading out of the folder named" in result.stderr
    assert "(2 read now, 0 failed)" in result.stderr
    assert [path.name for path in input_files(corpus)] == [source.name for source in SEEDS[:2]]  # the library's walk


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc: a folder no file can be made in")
@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["-o", "/proc/all.jsonl"], "clean: error: -o/--output /proc/all.jsonl cannot be written: "),
        (
            ["-o", "out", "--report", "/proc/report.html"],
            "clean: error: --report /proc/report.html cannot be written: ",
        ),
        (["learn", "-o", "/proc/profile.json"], "clean learn: error: cannot write the profile /proc/profile.json: "),
    ],
    ids=["jsonl", "report", "profile"],
)
def test_an_output_that_cannot_be_made_is_named_as_the_user_named_it(
    tmp_path: Path, arguments: list[str], expected: str
) -> None:
    """The error named the temporary file beside the output ('/proc/.all.jsonl.HOST.PID.x1y2.tmp'), or no file."""
    (tmp_path / "corpus").mkdir()
    for source in SEEDS[:2]:
        (tmp_path / "corpus" / source.name).write_bytes(source.read_bytes())
    learn = arguments[0] == "learn"
    result = clean_command(*(["learn", "corpus"] if learn else ["corpus"]), *arguments[learn:], cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert expected in result.stderr and ".tmp" not in result.stderr, result.stderr


def test_every_suffix_read_as_an_article_is_walked_by_default(tmp_path: Path) -> None:
    # the command's folder walk takes what the library's walk and the hooks take: .markdown too
    from cleaner.config import DEFAULT_INCLUDE
    from cleaner.io.documents import ARTICLE_SUFFIXES

    assert {pattern.removeprefix("*") for pattern in DEFAULT_INCLUDE} == set(ARTICLE_SUFFIXES)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.markdown").write_bytes(SEEDS[0].read_bytes())
    result = clean_command("corpus", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["story.json"]


@pytest.mark.parametrize("option", ["--report", "--duplicates"])
def test_an_end_of_run_file_that_cannot_be_written_stops_the_run_before_any_cleaning(
    tmp_path: Path, option: str
) -> None:
    """``--report`` and ``--duplicates`` are written once everything is cleaned, and a path where they could not
    be was found only then, after all the work (or, below a file, said as 'corpus/a.txt: File exists'); the
    file is now made before the first document, and the run stops at once with a line naming it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in SEEDS[:2]:
        (corpus / source.name).write_bytes(source.read_bytes())
    unwritable = [f"corpus/{SEEDS[0].name}/{option[2:]}.out"]
    reasons = [f"corpus/{SEEDS[0].name} is a file, not a folder"]
    if Path("/proc/self").is_dir():
        unwritable.append(f"/proc/{option[2:]}.out")
        reasons.append("No such file or directory")
    if os.geteuid() != 0:  # root writes into any folder
        (tmp_path / "locked").mkdir(mode=0o555)
        unwritable.append(f"locked/{option[2:]}.out")
        reasons.append("locked is a folder this user may not write into")
    for path, reason in zip(unwritable, reasons, strict=True):
        result = clean_command("corpus", "-o", "out", option, path, cwd=tmp_path)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr == f"clean: error: {option} {path} cannot be written: {reason}\n"
        assert not (tmp_path / "out").exists(), "articles were cleaned before the run stopped"
    made = clean_command("corpus", "-o", "out", option, f"new/folder/{option[2:]}.out", cwd=tmp_path)
    assert made.returncode == 0 and (tmp_path / "new" / "folder" / f"{option[2:]}.out").is_file()
    assert [path.name for path in (tmp_path / "new" / "folder").iterdir()] == [f"{option[2:]}.out"]  # no .tmp left


def test_a_profile_that_cannot_be_written_stops_clean_learn_before_it_reads(tmp_path: Path) -> None:
    """``clean learn -o PROFILE`` wrote the profile once every document was counted (hours on a large corpus),
    and only then found that it could not ('cannot write the profile corpus/a.txt: File exists', for a path
    below a file); the file is now made first, and nothing is read when it cannot be."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in SEEDS[:2]:
        (corpus / source.name).write_bytes(source.read_bytes())
    (corpus / "junk.txt").write_bytes(b"\x00\x01 binary")  # a file that, once read, says so
    below = f"corpus/{SEEDS[0].name}/profile.json"
    result = clean_command("learn", "corpus", "-o", below, cwd=tmp_path)
    reason = f"corpus/{SEEDS[0].name} is a file, not a folder"
    assert (result.returncode, result.stderr) == (
        2,
        f"clean learn: error: cannot write the profile {below}: {reason}\n",
    )
    if Path("/proc/self").is_dir():
        result = clean_command("learn", "corpus", "-o", "/proc/profile.json", cwd=tmp_path)
        assert result.returncode == 2 and "junk.txt" not in result.stderr, result.stderr
    made = clean_command("learn", "corpus", "-o", "new/profile.json", cwd=tmp_path)
    assert made.returncode == 2 and "corpus/junk.txt: error: " in made.stderr  # the others are learned
    assert [path.name for path in (tmp_path / "new").iterdir()] == ["profile.json"]


@pytest.mark.parametrize("option", ["--report", "--duplicates"])
def test_an_end_of_run_file_is_never_an_articles_output(tmp_path: Path, option: str) -> None:
    """``clean corpus -o out --report out/a.json`` wrote the article ``out/a.json``, then the report over it: an
    article lost without a word, exit 0.  Such a run is now refused before anything is cleaned."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in SEEDS[:2]:
        (corpus / source.name).write_bytes(source.read_bytes())
    clash = f"out/../out/{SEEDS[1].stem}.json"
    result = clean_command("corpus", "-o", "out", option, clash, cwd=tmp_path)
    assert result.returncode == 2 and not (tmp_path / "out").exists(), result.stderr
    expected = (
        f"clean: error: {option} {clash} is also the output for corpus/{SEEDS[1].name}; give {option} its own file\n"
    )
    assert result.stderr == expected


def test_clean_learn_refuses_a_number_of_jobs_below_one(tmp_path: Path) -> None:
    """``clean learn --jobs 0`` (or -3) ran in one process without a word, where ``clean --jobs 0`` is refused."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / SEEDS[0].name).write_bytes(SEEDS[0].read_bytes())
    for jobs in ("0", "-3", "two"):
        for command in (["learn", "corpus", "-o", "p.json"], ["corpus", "-o", "out"]):
            result = clean_command(*command, "--jobs", jobs, cwd=tmp_path)
            assert (
                result.returncode == 2 and "argument --jobs/-j: must be a whole number of at least 1" in result.stderr
            )
    assert not (tmp_path / "p.json").exists() and not (tmp_path / "out").exists()


def test_a_symlink_loop_in_a_folder_is_one_failure_for_the_library_s_walks(tmp_path: Path) -> None:
    """The command reports a symlink loop met in a walk with one line and goes on; the library's walk
    (``input_files``: ``clean_bag``, ``Corpus.from_paths``) raised ``FileNotFoundError`` for it, so one bad entry
    stopped a Dask run over the whole corpus (a new user's probe).  It is listed now, and reading it gives its
    failure record; a missing path named is still an error at once."""
    from cleaner.run.dask import clean_partition

    corpus = tmp_path / "corpus"
    (corpus / "deep").mkdir(parents=True)
    (corpus / "a.txt").write_bytes(SEEDS[0].read_bytes())
    (corpus / "deep" / "loop").symlink_to(".", target_is_directory=True)
    files = input_files(corpus)
    assert [path.relative_to(corpus).as_posix() for path in files] == ["a.txt", "deep/loop"]
    records = clean_partition([str(path) for path in files])
    assert ["error" in record for record in records] == [False, True]
    with pytest.raises(FileNotFoundError, match="missing"):
        input_files([corpus, tmp_path / "missing"])


def test_a_symlink_loop_is_said_so_by_the_library_as_by_the_command(tmp_path: Path) -> None:
    """A folder symlink back to a folder above it, met in a walk, was 'symlink loop' in the command's line but
    'not a regular file' when the library read it (``clean_file``, the failure record of ``clean_bag`` and of
    ``documents_from_path``): one problem, two wordings.  A plain folder read as an article is still not a
    regular file."""
    from cleaner.io.documents import documents_from_path
    from cleaner.run.dask import clean_partition

    corpus = tmp_path / "corpus"
    (corpus / "deep").mkdir(parents=True)
    (corpus / "a.txt").write_bytes(SEEDS[0].read_bytes())
    loop = corpus / "deep" / "loop"
    loop.symlink_to("..", target_is_directory=True)
    result = clean_command("corpus", "-o", "out", cwd=tmp_path)
    assert [line for line in result.stderr.splitlines() if ": error: " in line] == [
        "corpus/deep/loop: error: symlink loop"
    ]
    assert [record.get("error") for record in clean_partition([str(loop)])] == ["symlink loop"]
    assert [getattr(item, "reason", None) for item in documents_from_path(loop)] == ["symlink loop"]
    with pytest.raises(CleanError, match=f"^{re.escape(str(loop))}: symlink loop$"):
        clean_file(loop)
    with pytest.raises(CleanError, match=f"^{re.escape(str(corpus / 'deep'))}: not a regular file$"):
        clean_file(corpus / "deep")


def test_a_symlink_loop_named_on_the_command_line_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    """``clean loop.txt`` (a symlink to itself) ended in a traceback (RuntimeError: Symlink loop) from the search
    for a configuration, which resolved the path before the walk could report it; ``clean learn`` too."""
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    for args in (("loop.txt", "-o", "out"), ("learn", "loop.txt", "-o", "profile.json")):
        result = clean_command(*args, cwd=tmp_path)
        assert "Traceback" not in result.stderr and result.returncode != 0, result.stderr
        assert "loop.txt: error: symlink loop" in result.stderr.splitlines()


def test_a_broken_symlink_is_said_to_be_one(tmp_path: Path) -> None:
    """A symlink whose target was moved (``ls`` lists it) failed with "no such file or directory", named on the
    command line, met in a walk, or read by the library: now the line says it is a broken symlink and where it
    leads, everywhere, once when it is both named and met in a walk (it was said twice); a path that is not there at
    all is still "no such file or directory"."""
    from cleaner.run.dask import clean_partition

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(SEEDS[0].read_bytes())
    (corpus / "old.txt").symlink_to("moved.txt")
    said = "a broken symlink: it leads to moved.txt, which does not exist"
    walked = clean_command("corpus", "-o", "out", cwd=tmp_path)
    named = clean_command("corpus/a.txt", "corpus/old.txt", "missing.txt", "-o", "out2", cwd=tmp_path)
    assert [line for line in walked.stderr.splitlines() if ": error: " in line] == [f"corpus/old.txt: error: {said}"]
    assert [line for line in named.stderr.splitlines() if ": error: " in line] == [
        f"corpus/old.txt: error: {said}",
        "missing.txt: error: no such file or directory",
    ]
    both = clean_command("corpus/old.txt", "corpus", "-o", "out3", cwd=tmp_path)  # named, then met in the walk
    assert [line for line in both.stderr.splitlines() if ": error: " in line] == [f"corpus/old.txt: error: {said}"]
    assert "2 files read: " in both.stderr and "1 failed" in both.stderr
    with pytest.raises(CleanError, match=f"^{re.escape(str(corpus / 'old.txt'))}: {re.escape(said)}$"):
        clean_file(corpus / "old.txt")
    assert [record.get("error") for record in clean_partition([str(corpus / "old.txt")])] == [said]
