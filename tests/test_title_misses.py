"""bench/title_misses.py: where a dump holds the gold title, and what a wrong title is.

The categories are what the diagnosis in docs/metadata-text-history.md counts; these tests check each one on a
small dump, and that the script runs on the shared benchmark with a folder of predictions (skipped when
``../shared/bench`` is absent).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.title_misses import chosen_category, lines_of, presence

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
DUMP = """Menu
  * Home
  * Politics

    Kicker of the day

    The   Headline   Itself

    A standfirst that says more about it

4. Another Headline
Politics
Home | Politics | The Site
"""


def test_the_gold_title_is_found_as_the_scorer_compares_it() -> None:
    lines = lines_of(DUMP)
    assert presence(lines, "the headline itself") == "whole line"
    assert presence(lines, "kicker of the day the headline itself") == "over 2 lines"
    assert presence(lines, "another headline") == "inside a longer line: after a list number"
    assert presence(lines, "the site") == "inside a longer line: a part between separators"
    assert presence(lines, "nowhere in it") == "absent"


def test_a_wrong_title_is_put_in_one_category() -> None:
    lines, gold, first = lines_of(DUMP), "the headline itself", "The Headline Itself | The Site"
    assert chosen_category(lines, gold, "", first) == "no title"
    assert chosen_category(lines, gold, "kicker of the day", first) == "just over the gold line (kicker)"
    assert (
        chosen_category(lines, gold, "a standfirst that says more about it", first)
        == "just under the gold line (standfirst, subtitle)"
    )
    assert chosen_category(lines, gold, "politics", first) == "a short repeated line (menu, section)"
    assert chosen_category(lines, gold, "menu", first) == "another line further up"
    assert chosen_category(lines, gold, "not a line", first) == "a text no line holds"
    site_line = [*lines, "the site"]
    assert chosen_category(site_line, gold, "the site", first) == "the site's name (a side of the <title>)"


@pytest.mark.skipif(not (BENCH / "score.py").is_file(), reason="../shared/bench is not present")
def test_the_script_counts_every_kind_from_a_folder_of_predictions(tmp_path: Path) -> None:
    gold = json.loads((BENCH / "data" / "tfeval" / "gold.json").read_text(encoding="utf-8"))
    page = next(page for page, fields in sorted(gold.items()) if fields.get("title"))
    (tmp_path / "bs4").mkdir()
    (tmp_path / "bs4" / f"{page}.json").write_text(json.dumps({"title": gold[page]["title"]}), encoding="utf-8")
    script = ROOT / "bench" / "title_misses.py"
    result = subprocess.run(
        [sys.executable, str(script), str(BENCH), str(tmp_path)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    assert "## bs4 (tfeval): titles right 1 of " in result.stdout
    assert "## inscriptis (tfeval): titles right 0 of " in result.stdout
    assert "against bs4: right on both 0, on inscriptis only 0, on bs4 only 1" in result.stdout
