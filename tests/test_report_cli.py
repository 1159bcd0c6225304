"""``clean PATH... --report FILE``: the HTML audit report written by the command, end to end.

A real subprocess on a corpus of the seeds, one seed saved twice (a duplicate group) and an empty
file (a failure): the report holds every file's record and the same articles the command wrote,
is byte for byte the same with ``--jobs 1`` and ``--jobs 2`` and with ``-o`` or a JSON Lines
output, works with ``--check`` (which changes no input), is never read back as an input, and is
refused where it would overwrite an input or is a folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from clirun import tree_state
from test_cli import clean
from test_report import SEEDS, check_view, figure, parse, views


def make_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SEEDS:
        shutil.copyfile(path, folder / path.name)
    shutil.copyfile(SEEDS[1], folder / "zz_copy.txt")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_report_with_output_folder_jobs_and_check(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path)
    files = sorted(folder.iterdir())
    before = tree_state(folder)

    written = clean("corpus", "-o", "out", "--report", "report.html", "--jobs", "2", cwd=tmp_path)
    assert written.returncode == 2, written.stderr  # the empty file failed; the rest is written
    assert "clean: report report.html: 7 documents, 6 shown in full" in written.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus", "out", "report.html"], "no temporary left"
    page = parse(tmp_path / "report.html")
    assert (figure(page, "Documents read"), figure(page, "Failed")) == (len(files), 1)
    shown = views(page)
    for output in sorted((tmp_path / "out").glob("*.json")):
        record = json.loads(output.read_text(encoding="utf-8"))
        check_view(shown[record["source"]], record)
    members = [item.text_content() for item in page.xpath('//section[@id="duplicates"]//li')]
    assert members == [f"corpus/{SEEDS[1].name} (kept)", "corpus/zz_copy.txt"]
    assert "corpus/empty.txt" in page.xpath('//section[@id="failures"]')[0].text_content()

    inside = folder / "report.html"
    streamed = clean("corpus", "-o", "all.jsonl", "--report", inside, "--jobs", "1", "-q", cwd=tmp_path)
    assert streamed.returncode == 2, streamed.stderr
    assert inside.read_bytes() == (tmp_path / "report.html").read_bytes(), "the same run, the same report"

    checked = clean("corpus", "--check", "--report", inside, cwd=tmp_path)
    assert checked.returncode == 2, checked.stderr
    assert figure(parse(inside), "Documents read") == len(files), "the report in the corpus is not read back"
    assert "would clean corpus/001" in checked.stderr
    assert tree_state(folder) == {**before, "report.html": tree_state(folder)["report.html"]}, "inputs unchanged"


def test_report_is_refused_over_an_input_or_a_folder(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path)
    before = tree_state(folder)
    seed = f"corpus/{SEEDS[0].name}"
    over_input = clean(seed, "--report", seed, cwd=tmp_path)
    assert over_input.returncode == 2 and f"--report {seed} would overwrite the input" in over_input.stderr
    into_folder = clean("corpus", "--check", "--report", "corpus", cwd=tmp_path)
    assert into_folder.returncode == 2 and "a folder; the report is one HTML file" in into_folder.stderr
    assert "Traceback" not in over_input.stderr + into_folder.stderr
    assert tree_state(folder) == before


def test_a_report_of_one_document_says_one_document(tmp_path: Path) -> None:
    """The closing line said "1 documents" for a report of one file."""
    shutil.copyfile(SEEDS[0], tmp_path / "story.txt")
    written = clean("story.txt", "-o", "story.json", "--report", "report.html", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert "clean: report report.html: 1 document, 1 shown in full" in written.stderr
