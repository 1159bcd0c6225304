"""Configuration values of the right type that cannot be right, refused when the configuration is read.

Before robust53 ``language = "xx"`` was taken (and written into every article whose language could not be
detected), ``include = []`` was read as the default globs, ``include = [".txt"]`` took no file (a walk passes over
hidden files), a ``keep`` pattern that matches empty text (``""``, ``"^"``) kept every block, and a rule whose pattern
matches empty text with scope ``search`` removed every block: each is now one line naming the file, the key, the
value and the valid form, from the checks ``Config`` makes itself, so the library says the same.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from clirun import clean_in_process
from langdetect.detector_factory import PROFILES_DIRECTORY

from cleaner import Config, ConfigError, clean
from cleaner.rules.loader import rule_from_mapping

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_076883cf49f24a7d.txt"
RULE = '[[tool.cleaner.rule]]\nid = "mine.x"\ncategory = "branding"\npattern = "(Subscribe)?"\nwhy = "Ours."\n'
CASES = {  # the TOML line, then what follows the key in the error
    "language xx": (
        'language = "xx"',
        "'language' must be a two-letter ISO 639-1 code, not 'xx': no language has that code "
        "(cleaner/lexicon/iso_639_1.txt lists them: de, en, fr, ...)",
    ),
    "language locale": (
        'language = "en-US"',
        "'language' must be a two-letter ISO 639-1 code, not 'en-US': write 'en'",
    ),
    "language locale underscore": (
        'language = "pt_BR"',
        "'language' must be a two-letter ISO 639-1 code, not 'pt_BR': write 'pt'",
    ),
    "include empty": (
        "include = []",
        "'include' is empty: a folder walk would take no file; leave it out for the defaults (*.txt, *.md, "
        "*.markdown, *.html, *.htm, *.xhtml, *.shtml, *.mhtml, *.mht)",
    ),
    "include hidden": (
        'include = ["*.md", ".txt"]',
        "'include': glob '.txt' takes only hidden files, which a folder walk passes over: write '*.txt'",
    ),
    "keep empty": (
        'keep = ["^"]',
        "'keep': pattern '^' matches empty text, so it is found in every block and no block would ever be removed; "
        "write what the blocks to keep hold (^Disclaimer: )",
    ),
    "rule empty": (
        f'{RULE}scope = "search"',
        "rule 'mine.x': its pattern matches empty text, so with scope 'search' it is found in every block and would "
        "remove them all",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_value_that_cannot_be_right_stops_the_run_naming_file_key_and_form(tmp_path: Path, case: str) -> None:
    line, message = CASES[case]
    (tmp_path / "pyproject.toml").write_text(f"[tool.cleaner]\n{line}\n", encoding="utf-8")
    shutil.copy(SEED, tmp_path / "story.txt")
    for mode in ((), ("--check",)):
        result = clean_in_process("story.txt", *mode, cwd=tmp_path)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr.splitlines() == [f"clean: error: {tmp_path / 'pyproject.toml'}: [tool.cleaner] {message}"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"language": "xx"}, "Config(language=...) must be a two-letter ISO 639-1 code, not 'xx': no language has"),
        ({"include": ()}, "Config(include=...) is empty: a folder walk would take no file"),
        ({"include": ["docs/.md"]}, "Config(include=...): glob 'docs/.md' takes only hidden files, which a folder"),
        ({"keep": [""]}, "Config(keep=...): pattern '' matches empty text"),
        ({"disable": ["cooky"]}, "Config(disable=...) names 'cooky' (did you mean 'cookie'?), which is no furniture"),
    ],
    ids=["language", "include empty", "include hidden", "keep empty", "disable typo"],
)
def test_the_library_config_refuses_the_same_values(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        Config(**arguments)  # type: ignore[arg-type]
    assert str(raised.value).startswith(message)


def test_every_language_detection_reports_can_be_configured() -> None:
    """langdetect's languages (``zh-cn`` as its code, ``zh``) are all codes ``language`` takes, in any case."""
    for profile in os.listdir(PROFILES_DIRECTORY):
        code = profile.split("-")[0]
        assert Config(language=code.upper()).language == code, profile
    assert clean("Short line here.", config=Config(language="tl")).language == "tl"


def test_a_rule_that_matches_empty_text_only_with_its_needs_words_is_taken() -> None:
    """A ``search`` pattern that matches empty text is asked only of blocks holding a ``needs`` word: it removes
    those, not every block, so it is no mistake (and a block rule never matches an empty block)."""
    base = {"id": "mine.x", "category": "branding", "pattern": "(Subscribe)?", "why": "Ours."}
    assert rule_from_mapping({**base, "scope": "search", "needs": ["subscribe"]}, origin="t").needs == ("subscribe",)
    assert rule_from_mapping(base, origin="t").pattern == "(Subscribe)?"
