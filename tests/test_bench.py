"""bench/run.py end to end, as a real subprocess, on a few pages of the shared benchmark.

The shared benchmark data lives beside the repository (``../shared/bench``) and is never
copied into it; these tests skip when it is absent.  They check that the script runs every
tool in one process, scores through the benchmark's own scorer and reports what it says,
not the figures themselves (those are in docs/benchmarks.md, with the command).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.config import DEFAULT_CONFIG
from cleaner.io.files import Finder

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SCRIPT = ROOT / "bench" / "run.py"

needs_bench = pytest.mark.skipif(not (BENCH / "score.py").is_file(), reason="../shared/bench is not present")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


@needs_bench
def test_html_mode_scores_every_tool_on_the_same_pages(tmp_path: Path) -> None:
    result = run(
        str(BENCH),
        "--bench",
        "tfeval",
        "--limit",
        "4",
        "--tools",
        "trafilatura,cleaner",
        "--json",
        "--keep",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["tool"] for row in rows] == ["trafilatura", "cleaner"]
    assert all(row["pages"] == 4 and row["pages_per_second"] > 0 for row in rows)
    assert rows[0]["one_off_seconds"] == 0 and rows[1]["one_off_seconds"] > 0  # cleaner's paid before timing
    assert all("snip_f1" in row["scores"] for row in rows)
    assert "title_acc" in rows[1]["scores"]  # cleaner reports metadata, scored by score.py
    written = sorted(path.name for path in (tmp_path / "tfeval" / "cleaner").glob("*.json"))
    assert len(written) == 4
    prediction = json.loads((tmp_path / "tfeval" / "cleaner" / written[0]).read_text(encoding="utf-8"))
    assert {"title", "authors", "published", "text", "removed"} <= set(prediction)


@needs_bench
def test_text_mode_compares_cleaner_with_no_cleaning() -> None:
    result = run(str(BENCH), "--only", "text", "--bench", "aeb", "--limit", "2")
    assert result.returncode == 0, result.stderr
    table = result.stdout
    assert "| aeb | bs4: none |" in table and "| aeb | bs4: cleaner |" in table
    assert "speed vs none" in table


def test_a_folder_without_the_scorer_is_a_clear_error(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.returncode == 2
    assert "no score.py" in result.stderr


def test_unknown_tool_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "score.py").write_text("", encoding="utf-8")
    result = run(str(tmp_path), "--tools", "nonesuch")
    assert result.returncode == 2
    assert "unknown tool 'nonesuch'" in result.stderr


@needs_bench
def test_the_html_speed_breakdown_times_every_stage_against_trafilatura() -> None:
    script = ROOT / "bench" / "speed_html.py"
    args = [sys.executable, str(script), str(BENCH), "--bench", "aeb", "--limit", "3"]
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = [line.split(" | ") for line in result.stdout.splitlines() if line.startswith("| ") and "ms/page" not in line]
    assert rows[0][0] == "| trafilatura.extract(page)" and rows[0][2] == "1.00 |"
    assert len(rows) == 2 + 29  # trafilatura, clean, and every stage
    assert float(rows[1][1]) > 0 and float(rows[2][1]) > 0  # clean and reading the page took time


@needs_bench
def test_the_text_speed_breakdown_times_every_stage_inside_clean() -> None:
    script = ROOT / "bench" / "speed_text.py"
    args = [sys.executable, str(script), str(BENCH), "--sources", "bs4", "--rounds", "1", "--limit", "4", "--stages"]
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = {
        line.split(" | ")[0].lstrip("| ."): float(line.split(" | ")[1])
        for line in result.stdout.splitlines()
        if line.startswith("| ") and " | ms a page " not in line and line.count("|") == 4 and "%" in line
    }
    assert len(rows) == 1 + 15  # clean() and every stage
    total = rows["clean(text, format='text')"]
    layers, model = rows["block layers (all below, to the metadata choice)"], rows["text model"]
    assert 0 < model < layers < total  # the stages nest inside clean(): the wrappers time what they wrap
    assert rows["LightGBM, both stages"] > 0 and rows["metadata choice"] > 0
    assert 0 < rows["settling the output: the body read again by every layer"] < total


@needs_bench
def test_two_checkouts_compared_page_by_page() -> None:
    script = ROOT / "bench" / "speed_pair.py"
    args = [sys.executable, str(script), str(BENCH), str(ROOT), str(ROOT), "--rounds", "2", "--limit", "3"]
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    rounds = [line for line in result.stdout.splitlines() if line.startswith("round ")]
    assert [line.split(",")[0] for line in rounds] == ["round 1", "round 2"]
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith("bs4: new/base pages per second ")
    assert 0.2 < float(summary.split()[-3].rstrip("x")) < 5  # the same code on both sides: about 1


def test_output_hashes_tell_which_documents_a_change_moved(tmp_path: Path) -> None:
    """``bench/output_hashes.py``: one hash per document of a bench-shaped folder, the same for the same
    code, and the comparison names the documents whose article changed (and one that is new)."""
    text = tmp_path / "bench" / "data" / "text" / "site" / "bs4"
    text.mkdir(parents=True)
    story = (ROOT / "seeds").glob("*.txt")
    (text / "a.txt").write_bytes(next(iter(sorted(story))).read_bytes())
    (text / "b.txt").write_text("Share this article\n\nGetty Images\n", encoding="utf-8")
    script = [sys.executable, str(ROOT / "bench" / "output_hashes.py")]
    for name in ("one.json", "two.json"):
        done = subprocess.run([*script, str(tmp_path / "bench"), "text", str(tmp_path / name)], capture_output=True)
        assert done.returncode == 0, done.stderr
    one = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    assert sorted(one) == ["text/site/bs4/a.txt", "text/site/bs4/b.txt"] and one == json.loads(
        (tmp_path / "two.json").read_text(encoding="utf-8")
    )
    moved = {**one, "text/site/bs4/b.txt": "0" * 40, "text/site/bs4/c.txt": "1" * 40}
    (tmp_path / "moved.json").write_text(json.dumps(moved), encoding="utf-8")
    compared = subprocess.run(
        [*script, "--compare", str(tmp_path / "one.json"), str(tmp_path / "moved.json")], capture_output=True, text=True
    )
    assert compared.stdout.splitlines() == [
        "2 of 3 differ",
        "  text/site/bs4: 2",
        "    text/site/bs4/b.txt",
        "    text/site/bs4/c.txt",
    ]


def test_learning_speed_breakdown_times_every_step_of_clean_learn() -> None:
    script = ROOT / "bench" / "speed_learn.py"
    args = [sys.executable, str(script), str(ROOT / "fixtures" / "corpus"), "--rounds", "2"]
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == ["round 1", "round 2"]
    documents = int(lines[0].split(" for ")[1].split()[0])
    found = Finder(DEFAULT_CONFIG.include, DEFAULT_CONFIG.exclude).find([ROOT / "fixtures" / "corpus"])
    assert documents == sum(1 for item in found if item.usable) > 10
    rows = [line.split(" | ") for line in lines if line.startswith("| ") and not line.startswith("| step")]
    steps = [row[0].lstrip("| ") for row in rows]
    assert steps[:7] == ["finding the files", "reading the files", "reading the documents", "keying", "counting",
                         "the profile", "writing it"]  # fmt: skip
    assert all(float(row[1]) >= 0 for row in rows) and float(rows[2][1]) > 0  # reading the documents took time
    assert steps[7:] == ["all steps", "learning (reading the files to counting)"]
