"""A language stated anywhere is one of the ISO 639-1 codes, checked by one function, and a wrong one is one line
naming where it was given; a configuration file that is not UTF-8 is one line naming it and the problem.

Before robust54 a Markdown file's front matter ``language: xx`` was taken (and written into its article) while
``[tool.cleaner] language = "xx"`` was refused; a page's ``<html lang="xx">`` became the article's language, which
its own Markdown output then carried; a ``pyproject.toml`` in Latin-1 was "not valid TOML: 'utf-8' codec can't
decode byte 0xe9 in position 18", and one saved in UTF-16 was passed over, the run taking the defaults.  Real files
in ``tmp_path``, the command run as ``tests/test_cli.py`` runs it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import Ran, clean_in_process

from cleaner import Config, clean
from cleaner.config import ConfigError, load_config
from cleaner.errors import CleanError

PARAGRAPH = "The council approved the budget for the coming year after a long debate over the schools and the roads."
WRONG = {
    "xx": "must be a two-letter ISO 639-1 code, not 'xx': no language has that code (cleaner/lexicon/iso_639_1.txt "
    "lists them: de, en, fr, ...)",
    "en-US": "must be a two-letter ISO 639-1 code, not 'en-US': write 'en'",
    "english": "must be a two-letter ISO 639-1 code, not 'english'",
}


def run(*args: object, cwd: Path) -> Ran:
    return clean_in_process(*args, cwd=cwd)


def _markdown(language: str) -> str:
    return f"---\ntitle: Budget passed\nlanguage: {language}\n---\n\n{PARAGRAPH}\n"


@pytest.mark.parametrize("value", sorted(WRONG))
def test_every_place_a_language_is_given_refuses_the_same_values_in_the_same_words(tmp_path: Path, value: str) -> None:
    """The front matter of a file (the line names the file and the key), of a JSON Lines record (its line), a
    ``pyproject.toml``, a ``--config`` file and ``Config(language=...)``: the same value, the same reason."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(_markdown(value))
    (corpus / "b.md").write_text(_markdown("EN"))
    walked = run("corpus", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert walked.returncode == 2
    assert walked.stderr.splitlines()[0] == f"corpus/a.md: error: front matter key 'language' {WRONG[value]}"
    assert json.loads((tmp_path / "out" / "b.json").read_text())["language"] == "en"
    record = {"id": "r1", "markdown": _markdown(value)}
    (tmp_path / "crawl.jsonl").write_text(json.dumps(record) + "\n")
    streamed = run("crawl.jsonl", "-o", "all.jsonl", cwd=tmp_path)
    assert f"front matter key 'language' {WRONG[value]}" in streamed.stderr.splitlines()[0]
    assert streamed.stderr.startswith("crawl.jsonl: r1: error: ")
    with pytest.raises(CleanError, match="front matter key 'language' must be"):
        clean(_markdown(value), format="markdown")
    (tmp_path / "own.toml").write_text(f'language = "{value}"\n')
    configured = run("corpus/b.md", "--config", "own.toml", cwd=tmp_path)
    assert (configured.returncode, configured.stderr.strip()) == (
        2,
        f"clean: error: own.toml: 'language' {WRONG[value]}",  # a standalone file's keys stand at its top
    )
    (corpus / "pyproject.toml").write_text(f'[tool.cleaner]\nlanguage = "{value}"\n')
    searched = run("corpus/b.md", cwd=tmp_path)
    assert (
        searched.stderr.strip()
        == f"clean: error: {corpus / 'pyproject.toml'}: [tool.cleaner] 'language' " + WRONG[value]
    )
    with pytest.raises(ConfigError) as raised:
        Config(language=value)
    assert str(raised.value) == f"Config(language=...) {WRONG[value]}"


def test_a_pages_declared_language_that_is_no_code_is_no_declaration(tmp_path: Path) -> None:
    """``<html lang="xx">``: the language is detected, so the page's Markdown output carries one its front matter
    takes, and cleaning that output again gives the same article."""
    page = f'<html lang="xx"><head><title>Budget passed</title></head><body><article><p>{PARAGRAPH}</p></article>'
    (tmp_path / "page.html").write_text(page)
    first = run("page.html", "--format", "md", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "language: en\n" in first.stdout
    (tmp_path / "page.md").write_text(first.stdout)
    again = run("page.md", "--format", "md", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, first.stdout), again.stderr


NOT_UTF8 = {
    "latin-1": (
        '[tool.cleaner]\n# Rédaction\nlanguage = "fr"\n'.encode("latin-1"),
        "not UTF-8: byte 0xe9 on line 2 is no UTF-8 character (the file is in another encoding, Latin-1 or "
        "Windows-1252?): a TOML file is UTF-8; save it as UTF-8",
    ),
    "utf-16": (
        '[tool.cleaner]\nlanguage = "fr"\n'.encode("utf-16"),
        "not UTF-8 but UTF-16 (its byte-order mark says so): a TOML file is UTF-8; save it as UTF-8",
    ),
}


@pytest.mark.parametrize("kind", sorted(NOT_UTF8))
def test_a_configuration_file_that_is_not_utf8_is_one_line_naming_it(tmp_path: Path, kind: str) -> None:
    """Found by the search (``clean`` and ``clean learn``), named by ``--config`` or ``load_config``: one line naming
    the file and what is wrong, exit 2, nothing cleaned or written."""
    data, problem = NOT_UTF8[kind]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(_markdown("en"))
    (corpus / "pyproject.toml").write_bytes(data)
    for args in (("corpus", "-o", "out"), ("learn", "corpus", "-o", "profile.json")):
        result = run(*args, cwd=tmp_path)
        command = "clean learn" if args[0] == "learn" else "clean"
        assert (result.returncode, result.stderr) == (2, f"{command}: error: {corpus / 'pyproject.toml'}: {problem}\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus"]
    (tmp_path / "own.toml").write_bytes(data)
    named = run("corpus/a.md", "--config", "own.toml", cwd=tmp_path)
    assert named.stderr == f"clean: error: own.toml: {problem}\n"
    with pytest.raises(ConfigError, match=r"/own\.toml: not UTF-8"):
        load_config(tmp_path / "own.toml")


def test_a_pyproject_in_utf16_without_cleaners_table_is_passed_over_as_before(tmp_path: Path) -> None:
    """The search reads only the ``pyproject.toml`` that holds ``[tool.cleaner``: another tool's file in UTF-16 is
    not cleaner's to judge."""
    (tmp_path / "pyproject.toml").write_bytes('[project]\nname = "corpus"\n'.encode("utf-16"))
    (tmp_path / "a.md").write_text(_markdown("en"))
    result = run("a.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
