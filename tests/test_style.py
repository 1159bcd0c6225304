"""House style that a reviewer would otherwise check by hand: ruff is clean, and every
module opens with a docstring saying what its layer does."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted((ROOT / "cleaner").rglob("*.py"))


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it comes with the 'test' extra)")
    for command in (["check"], ["format", "--check"]):
        # the whole repository, as a contributor runs it (the docs' code blocks are excluded in pyproject.toml)
        result = subprocess.run([ruff, *command, "."], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_opens_with_a_docstring() -> None:
    missing = []
    for path in MODULES:
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        if not docstring or len(docstring.split()) < 5:
            missing.append(str(path.relative_to(ROOT)))
    assert not missing, f"these modules need a docstring saying what they do: {missing}"
