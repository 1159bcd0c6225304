"""The Python examples of the README and the docs run as written, and give the values their comments show.

Each ```python block of the pages below is run from the repository's root, statement by statement, as a
reader would paste it.  An expression whose comment starts with a Python literal (``# '2024-01-06'``,
``# ('Jane Doe',)``, ``# None: prose, not a dateline``) must give that value; other comments (``# the
body``) are prose, and the expression must only run.  The pages' other blocks need what the repository
does not hold (a crawl, a cluster, a page of one's own) and are left to the tests of what they show; of those,
the examples that start worker processes must guard ``__main__``.  docs/cli.md's usage block names the options
the command's parsers have, and only those.
"""

from __future__ import annotations

import ast
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from cleaner import clean

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["README.md", "docs/quickstart.md", "docs/metadata-text.md"]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def blocks() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for number, block in enumerate(BLOCK.findall((ROOT / page).read_text(encoding="utf-8"))):
            found.append((f"{page} #{number + 1}", block))
    return found


def comments(source: str) -> dict[int, str]:
    """Each line's comment, without its ``#``."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {token.start[0]: token.string[1:].strip() for token in tokens if token.type == tokenize.COMMENT}


def shown_value(comment: str) -> tuple[bool, object]:
    """The literal a comment starts with (the longest that parses, before a ``: `` that explains it), if any."""
    cuts = [len(comment), *reversed([match.start() for match in re.finditer(": ", comment)])]
    for cut in cuts:
        try:
            return True, ast.literal_eval(comment[:cut])
        except (ValueError, SyntaxError):
            continue
    return False, None


@pytest.mark.parametrize(("name", "source"), blocks(), ids=[name for name, _ in blocks()])
def test_the_example_runs_and_gives_what_it_shows(name: str, source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    notes = comments(source)
    for statement in ast.parse(source).body:
        code = ast.Module([statement], type_ignores=[])
        if not isinstance(statement, ast.Expr):
            exec(compile(code, name, "exec"), namespace)
            continue
        value = eval(compile(ast.Expression(statement.value), name, "eval"), namespace)
        known, shown = shown_value(notes.get(statement.end_lineno or statement.lineno, ""))
        if known:
            assert value == shown, f"{name}: {ast.unparse(statement)} gives {value!r}, the page shows {shown!r}"


def test_the_schema_pages_example_is_what_clean_gives() -> None:
    """docs/schema.md's worked example: its input, cleaned, gives its output exactly, every key in its order (the
    page showed no ``organisations``, which every article has)."""
    page = (ROOT / "docs/schema.md").read_text(encoding="utf-8")
    example = page[page.index("## Example") :]
    given, shown = re.findall(r"```(?:json)?\n(.*?)```", example, re.S)[:2]
    article = clean(given, format="text").to_dict()
    assert list(article) == list(json.loads(shown))
    assert article == json.loads(shown)


def test_the_schema_page_reads_the_schema_in_a_fresh_interpreter() -> None:
    """docs/schema.md said to read the package's JSON Schema with ``...joinpath(cleaner.model.ARTICLE_SCHEMA)``:
    after ``import cleaner`` alone, ``cleaner.model`` is an AttributeError (the package imports its modules when
    first asked for a public name).  The page's Python block, run as a new script, reads the schema."""
    page = (ROOT / "docs/schema.md").read_text(encoding="utf-8")
    reading = [block for block in BLOCK.findall(page) if "ARTICLE_SCHEMA" in block]
    assert reading, "docs/schema.md shows how to read the schema in a Python block"
    script = reading[0] + "\nprint(sorted(schema['$defs']))\n"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "'record'" in done.stdout


def test_the_schema_page_names_every_source_a_page_choice_can_give() -> None:
    """``sources`` named offers the page's table, ending its list with "...", did not: of the 591 bench pages,
    header-byline on 88, byline-beside-headline on 61, credit-line on 37, time-marked on 31, header-line on 30."""
    from cleaner.metadata.offers import SOURCES, Offer
    from cleaner.metadata.pagechoice import source_name

    page = (ROOT / "docs/schema.md").read_text(encoding="utf-8")
    table = page[page.index("## Sources") : page.index("## Authors")]
    named = set(re.findall(r"`([^`]+)`", table))
    given = {
        source_name(Offer(field, "a value", source))
        for field, sources in SOURCES.items()
        for source in sources
        if not source.startswith("text-")  # the text layers' lines: their own names (byline, dateline, text-head)
    }
    assert given - named == set()


def test_the_report_pages_dask_example_runs_as_a_script(tmp_path: Path) -> None:
    """docs/report.md's Dask example, pasted alone into a script beside a ``corpus/`` folder (the seeds), writes the
    JSON Lines parts and a report of every document: it called ``write_report`` without importing it (a
    ``NameError``) until users55.  Dask's own scheduler runs the bag, as the page's script does without a client."""
    pytest.importorskip("dask.bag", reason="Dask comes with the 'test' extra")
    page = (ROOT / "docs/report.md").read_text(encoding="utf-8")
    example = [block for block in BLOCK.findall(page) if "clean_bag" in block]
    assert len(example) == 1, "docs/report.md shows one Dask example"
    shutil.copytree(ROOT / "seeds", tmp_path / "corpus")
    (tmp_path / "example.py").write_text(example[0], encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report.count('id="doc-') == len(list((ROOT / "seeds").glob("*.txt"))), "one view per seed"


def test_examples_that_start_worker_processes_guard_main() -> None:
    """An example that starts a ``LocalCluster`` or a datatrove ``LocalPipelineExecutor`` spawns its workers, and
    each imports the script again: without ``if __name__ == "__main__":`` docs/scaling.md's Dask example, run as a
    script, stopped with ``RuntimeError: Nanny failed to start``."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    spawning = [
        (page.name, block)
        for page in pages
        for block in BLOCK.findall(page.read_text(encoding="utf-8"))
        if "LocalCluster(" in block or "LocalPipelineExecutor(" in block
    ]
    assert spawning, "the docs show a Dask and a datatrove example"
    unguarded = [name for name, block in spawning if 'if __name__ == "__main__":' not in block]
    assert unguarded == []


def test_the_cli_pages_usage_is_the_parsers() -> None:
    """docs/cli.md's usage block names every option of ``clean`` and ``clean learn``, and no other (it showed
    ``--check`` and ``--in-place`` as if they could go together, and none of ``-j``, ``-q`` or learn's options)."""
    from cleaner.cli.learn import build_parser as learn_parser
    from cleaner.cli.main import build_parser as clean_parser

    page = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
    usage = re.search(r"```\n(clean .*?)```", page, re.S)
    assert usage, "docs/cli.md opens with a usage block"
    option = re.compile(r"(?<![\w-])(--?[a-z][\w-]*)")
    lines = usage.group(1).splitlines()
    learn_named = {name for line in lines if line.startswith("clean learn") for name in option.findall(line)}
    clean_named = {name for line in lines if not line.startswith("clean learn") for name in option.findall(line)}
    clean_options, learn_options = (
        {name for action in p._actions for name in action.option_strings} for p in (clean_parser(), learn_parser())
    )
    assert clean_named - clean_options == set(), "the page names options clean does not have"
    assert clean_options - clean_named == set(), "options of clean the page does not name"
    assert learn_named - learn_options == set(), "the page names options clean learn does not have"
    learn_required = {name for name in learn_options if name.startswith("--") and name != "--help"}
    assert learn_required - learn_named == set(), "options of clean learn the page does not name"
