"""Configuration as users write it: files saved by any editor, values given the way Python invites.

A ``pyproject.toml`` saved with a UTF-8 byte-order mark (Windows editors do) is read, by the
command's search and by ``load_config``, not refused as "Invalid statement" at line 1.  ``Config``'s
list keys given one string (``disable="cookie"``) are a ``TypeError`` saying to pass a list, not read
one character per item.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import clean_in_process as clean_command

from cleaner import Config, ConfigError, clean, load_config

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_076883cf49f24a7d.txt"
BOM = b"\xef\xbb\xbf"
TABLE = b'[tool.cleaner]\ndisable = ["medium.responses"]\ntimeout = 30\n'


def test_a_pyproject_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(BOM + TABLE)
    shutil.copy(SEED, tmp_path / "story.txt")
    result = clean_command(".", "--check", "--explain", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "not valid TOML" not in result.stderr and "[medium.separator]" in result.stderr
    assert "[medium.responses]" not in result.stderr  # the configuration was applied
    config = load_config(tmp_path / "pyproject.toml")
    assert config.disable == frozenset({"medium.responses"}) and config.timeout == 30.0


def test_a_standalone_toml_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_bytes(BOM + b'disable = ["medium.responses"]\n')
    config = load_config(path)
    removed = {removal.rule for removal in clean(SEED.read_bytes(), config=config).removed}
    assert "medium.responses" not in removed and "medium.separator" in removed


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (
            "disable",
            "cookie",
            "Config(disable=...) takes a list of rule ids or categories, not one str: pass ['cookie']",
        ),
        ("keep", "^Disclaimer: ", "Config(keep=...) takes a list of regular expressions, not one str"),
        ("include", "*.txt", "Config(include=...) takes a list of globs, not one str: pass ['*.txt']"),
        ("exclude", 5, "Config(exclude=...) takes a list of globs, not int 5"),
        ("disable", ["cookie", 1], "Config(disable=...) takes a list of rule ids or categories (strings), not int 1"),
    ],
    ids=["disable str", "keep str", "include str", "exclude number", "disable item"],
)
def test_one_string_where_a_list_is_asked_is_a_type_error_saying_so(key: str, value: object, message: str) -> None:
    """``Config(disable="cookie")`` complained about rule 'c'; ``Config(keep="^Disclaimer: ")`` kept every block
    (``^`` alone is found in every one), so nothing was removed at all."""
    with pytest.raises(TypeError, match=re.escape(message)):
        Config(**{key: value})


def test_lists_tuples_and_sets_are_all_taken() -> None:
    assert Config(disable=["cookie"]) == Config(disable=frozenset({"cookie"})) == Config(disable=("cookie",))
    assert Config(keep=["^Disclaimer: "]).keep == ("^Disclaimer: ",)
    removed = clean(SEED.read_bytes(), config=Config(disable=["medium.responses"])).removed
    assert "medium.responses" not in {removal.rule for removal in removed}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"language": 5}, "Config(language=...) must be a two-letter ISO 639-1 code, not 5"),
        ({"language": "english"}, "Config(language=...) must be a two-letter ISO 639-1 code, not 'english'"),
        ({"language": "1!"}, "Config(language=...) must be a two-letter ISO 639-1 code, not '1!'"),
        ({"keep": ["(unclosed"]}, "Config(keep=...): bad pattern '(unclosed': missing ) at position 9"),
    ],
    ids=["language number", "language name", "language no letters", "keep pattern"],
)
def test_the_library_config_checks_language_and_keep_when_it_is_made(arguments: dict, message: str) -> None:
    """``Config(language=5)`` made every clean() fail with AttributeError ('int' object has no attribute
    'strip'), ``Config(language="english")`` wrote 'english' as the article's language, and a bad ``keep``
    pattern raised the regex module's own error from inside every clean(): the TOML checks now hold here."""
    with pytest.raises(ConfigError, match=re.escape(message)):
        Config(**arguments)


def test_a_language_in_capitals_is_its_code() -> None:
    """``language = "EN"`` was kept as it was written, and every article a run could not detect the language of
    said ``"language": "EN"`` (robust38's probe)."""
    assert Config(language="EN").language == "en"
    assert clean("Short line here.", config=Config(language="DE")).language == "de"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('scope = "middle"', "rule 'mine': 'scope' must be one of block, start, end, search, not 'middle'"),
        ('action = "delete"', "rule 'mine': 'action' must be one of remove, tail, not 'delete'"),
        ("max_chars = true", "rule 'mine': 'max_chars' must be an integer from 1 to 10000"),
    ],
    ids=["scope", "action", "max_chars true"],
)
def test_a_rules_bad_choice_names_the_key_and_its_values(tmp_path: Path, line: str, message: str) -> None:
    """A rule's ``scope = "middle"`` stopped the run with Python's words ("'middle' is not a valid Scope"), naming
    neither the key nor what it takes, and ``max_chars = true`` was read as a limit of 1 character."""
    rule = '[[tool.cleaner.rule]]\nid = "mine"\ncategory = "branding"\npattern = "All the news"\nwhy = "Slogan."\n'
    (tmp_path / "pyproject.toml").write_text(f"[tool.cleaner]\n{rule}{line}\n", encoding="utf-8")
    shutil.copy(SEED, tmp_path / "story.txt")
    result = clean_command("story.txt", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"clean: error: {tmp_path / 'pyproject.toml'}: [tool.cleaner] {message}"]


def test_files_named_and_excluded_are_said_to_be_excluded(tmp_path: Path) -> None:
    """A hook run (``--force-exclude``) whose files the ``exclude`` globs all leave out said "no article files found
    (include: ...)", as though the files were not articles."""
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\nexclude = ["drafts/**"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    shutil.copy(SEED, tmp_path / "drafts" / "a.txt")
    result = clean_command("drafts/a.txt", "--check", "--force-exclude", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines()[0] == (
        "clean: warning: every file named is excluded (exclude: drafts/**; --force-exclude)"
    )


def test_a_pyproject_named_without_a_cleaner_table_is_an_error_naming_its_near_miss(tmp_path: Path) -> None:
    """``--config pyproject.toml`` whose table is misspelt ([tool.cleanr]) ran on the defaults without a word."""
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.cleanr]\ndisable = ["medium"]\n\n[tool.black]\nline-length = 100\n', encoding="utf-8")
    shutil.copy(SEED, tmp_path / "story.txt")
    result = clean_command("story.txt", "--config", "pyproject.toml", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "pyproject.toml: no [tool.cleaner] table (it has [tool.cleanr])" in result.stderr
    with pytest.raises(ConfigError, match=r"no \[tool.cleaner\] table \(it has \[tool.cleanr\]\)"):
        load_config(path)


def test_the_search_passes_over_a_pyproject_naming_the_table_only_in_a_comment(tmp_path: Path) -> None:
    """The search took the first pyproject.toml whose text held "[tool.cleaner" for the corpus's configuration,
    even in a comment, and ran on the defaults instead of going on to the folder above that configures it."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_bytes(TABLE)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "pyproject.toml").write_text("# cleaner: see [tool.cleaner] above\n", encoding="utf-8")
    shutil.copy(SEED, tmp_path / "corpus" / "story.txt")
    result = clean_command("corpus/story.txt", "--explain", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "[medium.separator]" in result.stderr and "[medium.responses]" not in result.stderr


def test_a_cleaner_table_in_another_file_than_pyproject_says_where_its_keys_go(tmp_path: Path) -> None:
    """The page's [tool.cleaner] block pasted into cleaner.toml was "unknown key 'tool'", no word of the fix."""
    path = tmp_path / "cleaner.toml"
    path.write_bytes(TABLE)
    with pytest.raises(ConfigError, match=r"unknown key 'tool' \(a \[tool.cleaner\] table is read from a pyproject"):
        load_config(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("max_bytes = -3\n", "own.toml: 'max_bytes' must be a positive whole number"),
        ('disable = "cookie"\n', "own.toml: 'disable' must be a list of strings"),
        ("rule = 5\n", "own.toml: 'rule' must be an array of tables ([[rule]])"),
    ],
    ids=["number", "list", "rule"],
)
def test_a_standalone_files_messages_name_its_keys_where_they_stand(tmp_path: Path, text: str, message: str) -> None:
    """A standalone file's keys stand at its top: its messages said "own.toml: [tool.cleaner] 'max_bytes'", a
    table it has not (and "[[tool.cleaner.rule]]" for its rules, which are "[[rule]]" there)."""
    path = tmp_path / "own.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value).startswith(f"{path.parent / message}") and "tool.cleaner" not in str(raised.value)


@pytest.mark.parametrize("path", [None, 5, b"pyproject.toml"])
def test_load_config_given_no_path_is_a_type_error_naming_it(path: object) -> None:
    """It was Python's own "expected str, bytes or os.PathLike object, not NoneType", naming no function."""
    with pytest.raises(TypeError, match=r"^load_config\(\) takes the file's path as str or os.PathLike, not "):
        load_config(path)  # type: ignore[arg-type]


def _without_root_reads() -> list[str]:
    """The command prefix that runs a command unable to read what its user may not (``[]`` for a user who is not
    root; for root, ``setpriv`` dropping the capabilities that read any file), or a skip where there is none."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    caps = ["--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]
    if setpriv is None or subprocess.run([setpriv, *caps, "true"], check=False).returncode != 0:
        pytest.skip("root reads files whatever their permissions, and setpriv cannot drop that here")
    return [setpriv, *caps]


def test_a_pyproject_the_user_may_not_read_is_said_so_by_both_commands(tmp_path: Path) -> None:
    """The search read a ``pyproject.toml`` without catching its ``OSError``: ``clean`` said only "Permission
    denied", and ``clean learn`` that it could not write the profile, naming the configuration file."""
    prefix = _without_root_reads()
    (tmp_path / "corpus").mkdir()
    shutil.copy(SEED, tmp_path / "corpus" / "story.txt")
    (tmp_path / "corpus" / "pyproject.toml").write_bytes(TABLE)
    (tmp_path / "corpus" / "pyproject.toml").chmod(0)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    said = f"{tmp_path / 'corpus' / 'pyproject.toml'}: cannot read: Permission denied"
    for command, name in ((["corpus/story.txt"], "clean"), (["learn", "corpus", "-o", "p.json"], "clean learn")):
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "cleaner.cli", *command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert (done.returncode, done.stdout, done.stderr) == (2, "", f"{name}: error: {said}\n")
    assert not (tmp_path / "p.json").exists()
