"""The lexicon: word lists live once, as data in cleaner/lexicon, and every reader loads them from there."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from cleaner.lexicon import alternation, day_first, phrases, words

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cleaner"
LEXICON = PACKAGE / "lexicon"
MIN_WORDS = 8
WORD = re.compile(r"[^\W\d_]{2,}(?:[ '’-][^\W\d_]+)*")
# An alternation of plain words inside a pattern: "(?:by|von|par|por|door|av|af|di)".
ALTERNATION = re.compile(rf"(?:[^\W\d_]{{2,}}(?:\\s\+|\\s\*| )?[^\W\d_]*\|){{{MIN_WORDS - 1},}}")
# Collections of identifiers of a format or of this package, not words of a language.
IDENTIFIERS = {
    ("cleaner/__init__.py", "__all__"),
    ("cleaner/metadata/candidatepage.py", "LINE_FEATURES"),  # feature names of the metadata model
    ("cleaner/metadata/candidatepage.py", "CATEGORIES"),  # the rules' category ids
    ("cleaner/layout/zones.py", "HEAD_FURNITURE"),  # the rules' category ids
    ("cleaner/layout/features.py", "OWN"),  # feature names of the text model
    ("cleaner/html/meta.py", "ARTICLE_TYPES"),  # schema.org types
    ("cleaner/html/page.py", "_NOISE_TAGS"),  # HTML tag names
    ("cleaner/html/views.py", "_BLOCK_TAGS"),  # HTML tag names
    ("cleaner/html/sources.py", "OTHER_ITEMS"),  # schema.org property names
    ("cleaner/metadata/offers.py", "DATE_SOURCES"),  # source codes: a feature of the page metadata model
    ("cleaner/metadata/offers.py", "AUTHOR_SOURCES"),  # source codes: a feature of the page metadata model
    ("cleaner/io/markdown.py", "KEYS"),  # front matter keys: the article's field names (docs/canonical-form.md)
}


def _modules() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if LEXICON not in path.parents]


def _assigned(tree: ast.AST) -> list[tuple[str, ast.AST]]:
    """Every assignment's target name and value (``__all__``, module constants, locals)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            name = next((target.id for target in targets if isinstance(target, ast.Name)), "")
            found.append((name, node.value))
    return found


def _is_word_list(node: ast.AST) -> bool:
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        texts = [elt.value for elt in node.elts if isinstance(elt, ast.Constant) and isinstance(elt.value, str)]
        return len([text for text in texts if WORD.fullmatch(text)]) >= MIN_WORDS
    if isinstance(node, ast.Constant) and isinstance(node.value, str):  # "a b c d ...": a list in one string
        tokens = node.value.split()
        return len(tokens) >= MIN_WORDS * 2 and all(WORD.fullmatch(token) for token in tokens)
    return False


def test_no_word_table_outside_the_lexicon() -> None:
    offenders = []
    for path in _modules():
        where = str(path.relative_to(ROOT))
        for name, value in _assigned(ast.parse(path.read_text(encoding="utf-8"))):
            if (where, name) in IDENTIFIERS:
                continue
            offenders.extend(f"{where}:{node.lineno} ({name})" for node in ast.walk(value) if _is_word_list(node))
    assert not offenders, "word tables belong in cleaner/lexicon:\n" + "\n".join(offenders)


def test_no_word_alternation_outside_the_lexicon() -> None:
    offenders = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = ALTERNATION.search(node.value.replace("?:", ""))
                if match:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {match[0][:60]}...")
    assert not offenders, "word lists written as patterns belong in cleaner/lexicon:\n" + "\n".join(offenders)


def test_every_list_is_used_and_written_once() -> None:
    sources = "\n".join(path.read_text(encoding="utf-8") for path in _modules())
    contents: dict[frozenset[str], str] = {}
    for path in sorted(LEXICON.glob("*.txt")):
        assert f'"{path.stem}"' in sources or f"'{path.stem}'" in sources, f"{path.name} is loaded by no reader"
        entries = words(path.stem)
        assert entries, f"{path.name} is empty"
        assert entries not in contents, f"{path.name} repeats {contents.get(entries)}"
        contents[entries] = path.name


def test_loader_reads_entries_and_skips_comments() -> None:
    assert phrases("byline_words")[:3] == ("by", "von", "par")
    assert "ein artikel" in words("byline_verbs")
    assert not any(entry.startswith("#") for name in ("agencies", "job_words") for entry in words(name))


def test_alternation_matches_whole_phrases_longest_first() -> None:
    pattern = re.compile(rf"^{alternation('byline_verbs')}$", re.IGNORECASE)
    assert pattern.match("Ein  Artikel") and pattern.match("publiée") and not pattern.match("ein")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en-US", False), ("en_us", False), ("en", None), (None, None), ("", None), ("en-GB", True), ("de", True)],
)
def test_one_rule_decides_day_first(locale: str | None, expected: bool | None) -> None:
    assert day_first(locale) is expected
