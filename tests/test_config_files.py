"""Configuration as users write it: files saved by any editor, values given the way Python invites.

A ``pyproject.toml`` saved with a UTF-8 byte-order mark (Windows editors do) is read, by the
command's search and by ``load_config``, not refused as "Invalid statement" at line 1.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from clirun import clean_in_process as clean_command

from cleaner import clean, load_config

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
