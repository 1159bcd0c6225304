"""The folders ``AtomicFile`` makes for an output go again when nothing is written there (robust38).

``clean learn`` took away the empty folders made for a profile it did not write (``cli/learn.py``); every other
writer left them: ``clean in -o new/deep/all.jsonl --report rep/r.html`` stopped by ``kill -TERM`` left ``new/deep/``
and ``rep/`` behind, empty.  The folders are the atomic writer's, so its discard removes them, while empty: never
one that existed before, nor one another output was written into.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from cleaner.io.files import AtomicFile, remove_unfinished

ROOT = Path(__file__).resolve().parent.parent


def _tree(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*"))


def test_a_discard_removes_the_folders_it_made_and_no_other(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    AtomicFile(tmp_path / "new" / "deep" / "a.json").discard()
    AtomicFile(tmp_path / "old" / "made" / "a.json").discard()
    AtomicFile(tmp_path / "old" / "a.json").discard()
    assert _tree(tmp_path) == ["old"]


def test_a_folder_another_output_uses_stays(tmp_path: Path) -> None:
    first = AtomicFile(tmp_path / "new" / "a.json")  # makes new/
    second = AtomicFile(tmp_path / "new" / "deep" / "b.json")  # makes new/deep/
    second.handle.write(b"{}")
    second.commit()
    first.discard()  # new/ holds deep/b.json: kept
    assert _tree(tmp_path) == ["new", "new/deep", "new/deep/b.json"]
    third = AtomicFile(tmp_path / "new" / "c" / "c.json")
    open_meanwhile = AtomicFile(tmp_path / "new" / "c" / "d.json")
    third.discard()  # c/ holds the other file's temporary file: kept
    assert (tmp_path / "new" / "c").is_dir()
    open_meanwhile.handle.write(b"{}")
    open_meanwhile.commit()
    assert _tree(tmp_path) == ["new", "new/c", "new/c/d.json", "new/deep", "new/deep/b.json"]


def test_a_run_stopped_leaves_no_folder_it_made(tmp_path: Path) -> None:
    """The command's outputs made before the first document (``-o FILE.jsonl``, ``--report``) in new folders."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cleaner]\ntimeout = 60.0\n[[tool.cleaner.rule]]\nid = "mine.slow"\ncategory = "mine"\n'
        'pattern = "(a|aa)+b"\nwhy = "each block runs to the match time limit"\n'
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "0.txt").write_text("\n\n".join(f"{'a' * 40} {n}" for n in range(200)))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "cleaner.cli", "in", "-o", "new/deep/all.jsonl", "--report", "rep/r.html"]
    parent = subprocess.Popen([*command, "--jobs", "1"], cwd=tmp_path, env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (tmp_path / "rep").is_dir() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    parent.send_signal(signal.SIGTERM)
    parent.wait(timeout=120)
    stderr = parent.stderr.read().decode()  # type: ignore[union-attr]
    assert parent.returncode == 143, stderr
    assert _tree(tmp_path) == ["in", "in/0.txt", "pyproject.toml"]


def test_a_stopped_run_removes_the_temporary_files_no_with_held(tmp_path: Path) -> None:
    """A signal can stop the run after a temporary file is made and before a ``with`` holds it (a writer made,
    then entered): the stop removes such files, and never a file committed."""
    caught = AtomicFile(tmp_path / "out.jsonl")  # made, as the signal left it: never entered, committed or discarded
    done = AtomicFile(tmp_path / "done.json")
    done.handle.write(b"{}")
    done.commit()
    assert [name.endswith(".tmp") for name in _tree(tmp_path)].count(True) == 1
    remove_unfinished()
    assert _tree(tmp_path) == ["done.json"]
    assert (tmp_path / "done.json").read_bytes() == b"{}"
    caught.handle.close()
