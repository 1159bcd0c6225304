"""Golden fixtures for plain-text input: ``clean(..., format="text")`` must match the expected JSON.

Every case is an input file plus the JSON a correct cleaner must produce, written by hand from the
rules in fixtures/README.md (never copied from the pipeline's output, or the check could not fail).
The comparison is exact for metadata, blocks and text; for the audit trail it is exact on the
removed texts and their categories, and checks rule ids and layers only where a fixture names them,
so fixtures survive renaming a rule.

This module also checks that each expected file is internally consistent (``text`` is the joined
blocks, every expected string comes from the input, every input line is accounted for). Those
checks do not run the pipeline and must always pass.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
TEXT_DIR = FIXTURES / "text"
SEED_EXPECTED_DIR = FIXTURES / "seeds"
SEEDS_DIR = ROOT / "seeds"

METADATA_FIELDS = ("title", "subtitle", "authors", "published", "updated", "language")
ARTICLE_KEYS = frozenset({*METADATA_FIELDS, "blocks", "text", "removed"})
# Keys of Article.to_dict() that expected files do not give (provenance, and the page-only fields).
UNCOMPARED_KEYS = frozenset({"url", "site_name", "organisations", "sources"})
OPTIONAL_KEYS = frozenset({"xfail"})
REMOVAL_KEYS = frozenset({"text", "rule", "category", "layer"})
BLOCK_KINDS = frozenset({"paragraph", "heading", "list_item", "quote"})
CATEGORIES = frozenset(
    {
        "summary", "related", "navigation", "caption", "image-slug", "translation", "medium", "share",
        "newsletter", "cookie", "advertisement", "comments", "legal", "byline", "dateline",
        "boilerplate", "tail",
    }
)  # fmt: skip
# ISO 8601 at the source's precision: year, month, day, or a full time (seconds written as :00
# when the source gives minutes only), with an offset only when the source states one.
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?)?)?)?\Z")
LANGUAGE = re.compile(r"[a-z]{2}\Z")


@dataclass(frozen=True, slots=True)
class Case:
    """One golden fixture: where its input is, and the expected JSON next to it."""

    name: str
    input_path: Path
    expected_path: Path

    def expected(self) -> dict[str, object]:
        return json.loads(self.expected_path.read_text(encoding="utf-8"))

    def input_bytes(self) -> bytes:
        return self.input_path.read_bytes()


def discover() -> list[Case]:
    """Text fixtures (input beside the JSON) and seed fixtures (input read from seeds/, not copied)."""
    cases = [Case(f"text/{p.stem}", p.with_suffix(".txt"), p) for p in sorted(TEXT_DIR.glob("*.json"))]
    cases += [Case(f"seeds/{p.stem}", SEEDS_DIR / f"{p.stem}.txt", p) for p in sorted(SEED_EXPECTED_DIR.glob("*.json"))]
    return cases


CASES = discover()


def golden_params() -> list[object]:
    """One param per case; a case whose JSON carries ``"xfail"`` is a strict xfail, so it stays visible."""
    params = []
    for case in CASES:
        reason = case.expected().get("xfail")
        marks = [pytest.mark.xfail(strict=True, reason=str(reason))] if reason else []
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


# ----------------------------------------------------------------------------- comparison


def accepted_categories(entry: dict[str, object]) -> list[str]:
    """An expected entry names one category, or a list when the rules allow either (see README)."""
    category = entry["category"]
    return list(category) if isinstance(category, list) else [str(category)]


def entry_accepts(expected: dict[str, object], actual: dict[str, object]) -> bool:
    """Same text and an accepted category; rule and layer only when the fixture names them."""
    if actual.get("text") != expected["text"] or actual.get("category") not in accepted_categories(expected):
        return False
    return all(not expected.get(key) or actual.get(key) == expected[key] for key in ("rule", "layer"))


def match_removals(expected: list[dict[str, object]], actual: list[dict[str, object]]) -> dict[int, int]:
    """Maximum matching of expected to actual entries (actual index -> expected index).

    Entries are a multiset and the same text may be removed twice under different categories
    (seed 001: the byline and the repeated author name at the end), so greedy pairing is not enough.
    """
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j, act in enumerate(actual):
            if j in seen or not entry_accepts(expected[i], act):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        augment(i, set())
    return owner


def describe(entry: dict[str, object]) -> str:
    extra = ", ".join(f"{key}={entry.get(key)!r}" for key in ("rule", "layer") if entry.get(key))
    return f"{entry.get('text')!r} [{entry.get('category')}{', ' + extra if extra else ''}]"


def removal_problems(expected: list[dict[str, object]], actual: list[dict[str, object]]) -> list[str]:
    owner = match_removals(expected, actual)
    missing = [expected[i] for i in range(len(expected)) if i not in owner.values()]
    extra = [actual[j] for j in range(len(actual)) if j not in owner]
    problems = []
    for entry in missing:
        twin = next((act for act in extra if act.get("text") == entry["text"]), None)
        if twin is not None:
            extra.remove(twin)
            problems.append(f"removed entry differs: expected {describe(entry)}, got {describe(twin)}")
        else:
            problems.append(f"not removed (expected in `removed`): {describe(entry)}")
    problems += [f"removed but should not be: {describe(entry)}" for entry in extra]
    return problems


def block_lines(blocks: list[dict[str, object]]) -> list[str]:
    return [f"{block.get('kind')}: {block.get('text')}" for block in blocks]


def article_problems(expected: dict[str, object], actual: dict[str, object]) -> list[str]:
    """Field-by-field differences, worded for a human reading a failed test."""
    problems = []
    if set(actual) != ARTICLE_KEYS | UNCOMPARED_KEYS:
        problems.append(
            f"to_dict() keys differ: got {sorted(actual)}, expected {sorted(ARTICLE_KEYS | UNCOMPARED_KEYS)}"
        )
    for key in METADATA_FIELDS:
        if actual.get(key) != expected[key]:
            problems.append(f"{key}: expected {expected[key]!r}, got {actual.get(key)!r}")
    want, got = block_lines(expected["blocks"]), block_lines(actual.get("blocks", []))
    if want != got:
        diff = difflib.unified_diff(want, got, "expected blocks", "actual blocks", n=1, lineterm="")
        problems.append("blocks differ:\n    " + "\n    ".join(diff))
    elif actual.get("text") != expected["text"]:
        problems.append(f"text differs although blocks match: got {actual.get('text')!r}")
    problems += removal_problems(expected["removed"], list(actual.get("removed", [])))
    return problems


@pytest.mark.parametrize("case", golden_params())
def test_golden_text_fixture(case: Case) -> None:
    from cleaner import clean  # imported here so the consistency checks below run without a pipeline

    actual = clean(case.input_bytes(), format="text").to_dict()
    problems = article_problems(case.expected(), actual)
    assert not problems, f"{case.name} ({case.input_path.relative_to(ROOT)}):\n  - " + "\n  - ".join(problems)


# ----------------------------------------------------------------------------- consistency


def squash(text: str) -> str:
    return " ".join(text.split())


def shape_problems(expected: dict[str, object]) -> list[str]:
    """Keys, types and value formats of one expected file."""
    problems = []
    if not ARTICLE_KEYS <= set(expected) <= ARTICLE_KEYS | OPTIONAL_KEYS:
        problems.append(f"keys: {sorted(expected)}")
        return problems
    for key in ("title", "subtitle"):
        if expected[key] is not None and (not isinstance(expected[key], str) or not expected[key].strip()):
            problems.append(f"{key} must be null or a non-empty string")
    if not isinstance(expected["authors"], list) or not all(isinstance(a, str) and a for a in expected["authors"]):
        problems.append("authors must be a list of non-empty strings")
    for key in ("published", "updated"):
        if expected[key] is not None and not ISO_DATE.match(str(expected[key])):
            problems.append(f"{key} is not ISO 8601: {expected[key]!r}")
    if expected["language"] is not None and not LANGUAGE.match(str(expected["language"])):
        problems.append(f"language is not an ISO 639-1 code: {expected['language']!r}")
    if "xfail" in expected and not (isinstance(expected["xfail"], str) and expected["xfail"].strip()):
        problems.append("xfail must be a non-empty reason")
    return problems + block_problems(expected) + removed_shape_problems(expected["removed"])


def block_problems(expected: dict[str, object]) -> list[str]:
    problems = []
    for block in expected["blocks"]:
        if set(block) != {"kind", "text"} or block["kind"] not in BLOCK_KINDS:
            problems.append(f"bad block: {block!r}")
        elif block["text"] != block["text"].strip() or not block["text"] or "\n" in block["text"]:
            problems.append(f"block text must be one trimmed line: {block['text']!r}")
    if expected["text"] != "\n\n".join(str(block.get("text")) for block in expected["blocks"]):
        problems.append("text is not the block texts joined by a blank line")
    return problems


def removed_shape_problems(removed: list[dict[str, object]]) -> list[str]:
    problems = []
    for entry in removed:
        if set(entry) != REMOVAL_KEYS or not isinstance(entry["text"], str) or not entry["text"].strip():
            problems.append(f"bad removed entry: {entry!r}")
            continue
        categories = accepted_categories(entry)
        if not categories or not set(categories) <= CATEGORIES:
            problems.append(f"unknown category in {entry!r}")
    return problems


def provenance_problems(expected: dict[str, object], source: str) -> list[str]:
    """Everything expected comes from the input, and every input line ends up somewhere."""
    flat = squash(source)
    pieces = [str(b["text"]) for b in expected["blocks"]] + [str(e["text"]) for e in expected["removed"]]
    heads = [str(expected[key]) for key in ("title", "subtitle") if expected[key]]
    problems = [f"not in the input: {p!r}" for p in [*pieces, *heads, *expected["authors"]] if squash(p) not in flat]
    for line in filter(None, (line.strip() for line in source.splitlines())):
        inside = any(squash(line) in squash(piece) for piece in pieces + heads)
        if not inside and not any(head in line for head in heads):  # a title trimmed of stray quotes
            problems.append(f"input line is neither body, metadata nor removed: {line!r}")
    body = {str(b["text"]) for b in expected["blocks"]}
    problems += [f"both body and removed: {e['text']!r}" for e in expected["removed"] if e["text"] in body]
    return problems


@pytest.mark.parametrize("case", [pytest.param(case, id=case.name) for case in CASES])
def test_expected_file_is_consistent(case: Case) -> None:
    assert case.input_path.is_file(), f"{case.name}: input {case.input_path} is missing"
    expected = case.expected()
    problems = shape_problems(expected)
    if not problems:
        problems = provenance_problems(expected, case.input_bytes().decode("utf-8"))
    assert not problems, f"{case.expected_path.relative_to(ROOT)}:\n  - " + "\n  - ".join(problems)


def test_every_input_has_an_expected_file() -> None:
    inputs = {p.stem for p in TEXT_DIR.glob("*.txt")}
    expected = {p.stem for p in TEXT_DIR.glob("*.json")}
    assert inputs == expected, f"unpaired fixtures: {sorted(inputs ^ expected)}"
    seeds = {p.stem for p in SEEDS_DIR.glob("*.txt")}
    assert seeds == {p.stem for p in SEED_EXPECTED_DIR.glob("*.json")}, "every seed needs fixtures/seeds/<stem>.json"


def test_fixtures_cover_every_category_and_kind() -> None:
    used = Counter(c for case in CASES for e in case.expected()["removed"] for c in accepted_categories(e))
    kinds = {b["kind"] for case in CASES for b in case.expected()["blocks"]}
    assert set(used) >= CATEGORIES, f"categories without a fixture: {sorted(CATEGORIES - set(used))}"
    assert {"paragraph", "heading"} <= kinds
