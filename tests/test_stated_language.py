"""A language stated anywhere is one of the ISO 639-1 codes, checked by one module, and a wrong one is one line
naming where it was given; a configuration file that is not UTF-8 is one line naming it and the problem.  The user's
own configuration takes a code only; a front matter (a file's, a JSON Lines record's), data a tool wrote, takes a
locale as the code it opens with (``en-US`` is ``en``), since users55.

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

from cleaner import Config, clean, clean_file
from cleaner.config import ConfigError, load_config
from cleaner.errors import CleanError

PARAGRAPH = "The council approved the budget for the coming year after a long debate over the schools and the roads."
LISTED = " (cleaner/lexicon/iso_639_1.txt lists them: de, en, fr, ...)"
CODE = "must be a two-letter ISO 639-1 code"
LOCALE = "must be a two-letter ISO 639-1 code or a locale that opens with one (en-US)"
# What each place says of a value it refuses: the user's own configuration takes a code only, a front matter (data
# a tool wrote) a locale too.
CONFIGURED = {
    "xx": f"{CODE}, not 'xx': no language has that code{LISTED}",
    "en-US": f"{CODE}, not 'en-US': write 'en'",
    "english": f"{CODE}, not 'english'",
}
STATED = {
    "xx": f"{LOCALE}, not 'xx': no language has that code{LISTED}",
    "xx-US": f"{LOCALE}, not 'xx-US': no language has the code 'xx' it opens with{LISTED}",
    "english": f"{LOCALE}, not 'english'",
    "eng": f"{LOCALE}, not 'eng'",
}
# Locales as exporters write them (Hugo, Jekyll: en-US; POSIX: pt_BR, de_DE.UTF-8; a script: zh-Hant-TW).
LOCALES = {"en-US": "en", "en_us": "en", "pt-BR": "pt", "zh-Hant-TW": "zh", "de_DE.UTF-8": "de", "EN-gb": "en"}


def run(*args: object, cwd: Path) -> Ran:
    return clean_in_process(*args, cwd=cwd)


def _markdown(language: str) -> str:
    return f"---\ntitle: Budget passed\nlanguage: {language}\n---\n\n{PARAGRAPH}\n"


@pytest.mark.parametrize("value", sorted(STATED))
def test_a_front_matter_refuses_what_is_no_language_in_the_same_words_everywhere(tmp_path: Path, value: str) -> None:
    """The front matter of a file (the line names the file and the key), of a JSON Lines record (its line), and of
    ``clean()``'s text: the same value, the same reason; the file's neighbour is still cleaned."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(_markdown(value))
    (corpus / "b.md").write_text(_markdown("EN"))
    walked = run("corpus", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert walked.returncode == 2
    assert walked.stderr.splitlines()[0] == f"corpus/a.md: error: front matter key 'language' {STATED[value]}"
    assert json.loads((tmp_path / "out" / "b.json").read_text())["language"] == "en"
    record = {"id": "r1", "markdown": _markdown(value)}
    (tmp_path / "crawl.jsonl").write_text(json.dumps(record) + "\n")
    streamed = run("crawl.jsonl", "-o", "all.jsonl", cwd=tmp_path)
    assert streamed.stderr.splitlines()[0] == f"crawl.jsonl: r1: error: front matter key 'language' {STATED[value]}"
    with pytest.raises(CleanError) as raised:
        clean(_markdown(value), format="markdown")
    assert str(raised.value) == f"front matter key 'language' {STATED[value]}"


@pytest.mark.parametrize("value", sorted(CONFIGURED))
def test_the_users_own_configuration_refuses_the_same_values_in_the_same_words(tmp_path: Path, value: str) -> None:
    """A ``pyproject.toml``, a ``--config`` file and ``Config(language=...)``: the user's own words take a code only
    (a locale is told the code to write), while a front matter reads the locale (below)."""
    (tmp_path / "b.md").write_text(_markdown("EN"))
    (tmp_path / "own.toml").write_text(f'language = "{value}"\n')
    configured = run("b.md", "--config", "own.toml", cwd=tmp_path)
    assert (configured.returncode, configured.stderr.strip()) == (
        2,
        f"clean: error: own.toml: 'language' {CONFIGURED[value]}",  # a standalone file's keys stand at its top
    )
    (tmp_path / "pyproject.toml").write_text(f'[tool.cleaner]\nlanguage = "{value}"\n')
    searched = run("b.md", cwd=tmp_path)
    assert (searched.returncode, searched.stderr.strip()) == (
        2,
        f"clean: error: {tmp_path / 'pyproject.toml'}: [tool.cleaner] 'language' {CONFIGURED[value]}",
    )
    with pytest.raises(ConfigError) as raised:
        Config(language=value)
    assert str(raised.value) == f"Config(language=...) {CONFIGURED[value]}"


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_a_locale_a_tool_wrote_in_front_matter_is_read_as_its_code(tmp_path: Path, locale: str) -> None:
    """``language: en-US`` in a ``.md`` and a ``.txt`` (named and walked), in a JSON Lines record's Markdown and in
    a record of ``clean``'s own read back: the article's language is the code the locale opens with, stated by the
    front matter; ``--in-place`` writes the code, and a second run changes nothing.  Before users55 every one of
    them was refused whole (``must be a two-letter ISO 639-1 code, not 'en-US': write 'en'``)."""
    code = LOCALES[locale]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(_markdown(locale))
    (corpus / "b.txt").write_text(_markdown(locale))
    walked = run("corpus", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert walked.returncode == 0, walked.stderr
    for name in ("a", "b"):
        article = json.loads((tmp_path / "out" / f"{name}.json").read_text())
        assert (article["language"], article["sources"]["language"]) == (code, "front-matter")
    assert clean_file(corpus / "a.md").language == code
    own = json.loads((tmp_path / "out" / "a.json").read_text()) | {"language": locale}
    records = [{"id": "r1", "markdown": _markdown(locale)}, {"id": "r2", "content": _markdown(locale)}, own]
    (tmp_path / "crawl.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    streamed = run("crawl.jsonl", "-o", "all.jsonl", cwd=tmp_path)
    assert streamed.returncode == 0, streamed.stderr
    lines = (tmp_path / "all.jsonl").read_text().splitlines()
    assert [json.loads(line)["language"] for line in lines] == [code, code, code]
    rewritten = run("corpus", "--in-place", cwd=tmp_path)
    assert rewritten.returncode == 1, rewritten.stderr
    assert (corpus / "a.md").read_text() == _markdown(code)
    again = run("corpus", "--check", cwd=tmp_path)
    assert again.returncode == 0, again.stderr


def test_yaml_1_1_words_in_the_articles_keys_are_read_as_written(tmp_path: Path) -> None:
    """``language: no`` (Norwegian, unquoted, as YAML 1.2 and Hugo read it) was YAML 1.1's ``false`` and refused
    (``not 'False'``), and ``title: Yes`` was the title ``True``, until users55.  The article's keys are read as
    written; a corpus's own key keeps YAML 1.1's reading (``draft: no`` is ``false``, as Jekyll reads it);
    ``--in-place`` quotes the words, and a second run changes nothing.  Through the command and ``clean_file``."""
    norwegian = "Regjeringen har lagt fram et nytt forslag til statsbudsjett etter lange forhandlinger om skolene."
    (tmp_path / "a.md").write_text(f"---\ntitle: Yes\nlanguage: no\ndraft: no\n---\n\n{norwegian}\n")
    article = clean_file(tmp_path / "a.md")
    assert (article.title, article.language) == ("Yes", "no")
    rewritten = run("a.md", "--in-place", cwd=tmp_path)
    assert rewritten.returncode == 1, rewritten.stderr
    assert (tmp_path / "a.md").read_text() == f"---\ntitle: 'Yes'\nlanguage: 'no'\ndraft: false\n---\n\n{norwegian}\n"
    assert run("a.md", "--check", cwd=tmp_path).returncode == 0
    (tmp_path / "b.md").write_text(f"---\nlanguage: off\n---\n\n{norwegian}\n")
    refused = run("b.md", cwd=tmp_path)
    assert refused.stderr.startswith(f"b.md: error: front matter key 'language' {LOCALE}, not 'off'"), refused.stderr


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
