"""Every rule id, category and layer the audit trail can name is documented in docs/rules.md.

A user auditing a corpus reads a removal's rule id and looks it up there: the ids of the furniture rules come
from the rules file (tests/test_rules.py checks those), the other layers' ids are written in the code.  This
reads the code's ids where they are written (``rule="..."``, ``*_RULE = "..."``, ``Removal(text, "...")``) and
cleans the seeds and the fixtures for the ids, categories and layers of real removals.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from cleaner import clean

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
LAYERS = DOCS[DOCS.index("| layer |") : DOCS.index("## Categories")]
CATEGORIES = DOCS[DOCS.index("## Categories") : DOCS.index("## Zones")]
RULE_ID = re.compile(r"[a-z]+\.[a-z][a-z0-9.-]*|classifier")


def _string(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _ids_in(tree: ast.AST) -> set[str]:
    """The rule ids one module writes: ``rule=`` literals, ``*_RULE`` constants, a ``Removal``'s literal rule."""
    found: set[str | None] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            if any(isinstance(target, ast.Name) and target.id.endswith("_RULE") for target in node.targets):
                found.add(_string(node.value))
        elif isinstance(node, ast.Call):
            found.update(_string(keyword.value) for keyword in node.keywords if keyword.arg == "rule")
            if isinstance(node.func, ast.Name) and node.func.id == "Removal" and len(node.args) > 1:
                found.add(_string(node.args[1]))
    return {value for value in found if value is not None and RULE_ID.fullmatch(value)}


def test_every_rule_id_the_code_writes_is_documented() -> None:
    ids = set()
    for module in (ROOT / "cleaner").rglob("*.py"):
        ids |= _ids_in(ast.parse(module.read_text(encoding="utf-8")))
    assert {"metadata.byline", "body.repeat", "decode.nul", "extractor.outside-content"} <= ids  # the scan works
    assert sorted(rule for rule in ids if f"`{rule}`" not in DOCS) == []


def test_the_removals_of_seeds_and_fixtures_name_documented_rules_categories_and_layers() -> None:
    inputs = [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "fixtures" / "text").glob("*.txt")]
    inputs += [*(ROOT / "fixtures" / "html").glob("*.html")]
    missing: set[tuple[str, str]] = set()
    for path in inputs:
        for removal in clean(path.read_bytes()).removed:
            if not removal.rule.startswith("profile:") and f"`{removal.rule}`" not in DOCS:
                missing.add(("rule", removal.rule))
            if f"| `{removal.category}` |" not in CATEGORIES:
                missing.add(("category", removal.category))
            if f"| `{removal.layer}` |" not in LAYERS:
                missing.add(("layer", removal.layer))
    assert sorted(missing) == []
