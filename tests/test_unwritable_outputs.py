"""An output the user cannot write is one line before anything is cleaned: ``-o FILE.jsonl``, ``-o story.json``,
``--report`` and ``--duplicates`` in a read-only folder, or below one (a folder that cannot be made).

Before robust54 ``-o ro/all.jsonl`` said only "ro/all.jsonl: Permission denied" (``ro/new/all.jsonl``: "ro/new:
Permission denied"), and ``clean story.txt -o ro/story.json`` cleaned the file before failing it.  Run as a user
without root's power to write anywhere (``setpriv`` for root), through the real command in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import tree_state
from test_fixtures import SEEDS_DIR

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(SEEDS_DIR.glob("*.txt"))
MAY_NOT = "ro is a folder this user may not write into"


def _as_a_user() -> list[str]:
    """The command prefix that runs without root's power to write into any folder, or a skip."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    if not shutil.which("setpriv") or subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("root writes into any folder, and setpriv cannot drop that here")
    return prefix


CASES = {
    "jsonl": (["corpus", "-o", "ro/all.jsonl"], f"clean: error: -o/--output ro/all.jsonl cannot be written: {MAY_NOT}"),
    "jsonl below": (
        ["corpus", "-o", "ro/new/all.jsonl"],
        f"clean: error: -o/--output ro/new/all.jsonl cannot be written: {MAY_NOT}",
    ),
    "one file": (
        [f"corpus/{SEEDS[0].name}", "-o", "ro/story.json"],
        f"clean: error: cannot write ro/story.json: {MAY_NOT}",
    ),
    "one file below": (
        [f"corpus/{SEEDS[0].name}", "-o", "ro/new/story.md"],
        f"clean: error: cannot write ro/new/story.md: {MAY_NOT}",
    ),
    "duplicates": (
        ["corpus", "-o", "out", "--duplicates", "ro/d.json"],
        f"clean: error: --duplicates ro/d.json cannot be written: {MAY_NOT}",
    ),
    "report": (
        ["corpus", "-o", "out", "--report", "ro/new/r.html"],
        f"clean: error: --report ro/new/r.html cannot be written: {MAY_NOT}",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_output_in_a_folder_the_user_may_not_write_into_stops_the_run_before_it_starts(
    tmp_path: Path, case: str
) -> None:
    """One line naming the option, the path and the reason; exit 2; no summary (nothing was read), nothing written."""
    prefix = _as_a_user()
    arguments, line = CASES[case]
    (tmp_path / "corpus").mkdir()
    for source in SEEDS[:2]:
        shutil.copy(source, tmp_path / "corpus" / source.name)
    (tmp_path / "ro").mkdir(mode=0o555)
    before = tree_state(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "cleaner.cli", *arguments, "--jobs=1"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (2, "", line + "\n")
    assert tree_state(tmp_path) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus", "ro"]  # no folder made for ``out`` either
