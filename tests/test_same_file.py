"""``cli.targets._same_file`` answers as it did when it resolved every file's folders.

The check that ``-o`` (or ``--report``, ``--duplicates``) replaces no input compared the output's real name with
each input's (``real_name``: its folders resolved, its own name kept) or inode; it now skips resolving a file
whose name differs from the output's (``_named``).  These tests hold both to the old comparison: on relative and
absolute paths with ``.``, ``..``, empty names and symlinked folders (hypothesis), and on a tree with a hard link
and a symlinked folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cleaner.cli.targets import _inode, _named, _same_file, real_name

PARTS = st.lists(st.sampled_from(["a", "b", "link", ".", "..", "a.txt", "b.txt", "p.json"]), max_size=4)


def _old_same_file(path: Path, files: list[Path]) -> Path | None:
    key, inode = real_name(path), _inode(path)
    return next((file for file in files if real_name(file) == key or (inode and _inode(file) == inode)), None)


def _tree(root: Path) -> None:
    for folder in ("a", "b"):
        (root / folder).mkdir(exist_ok=True)
        for name in ("a.txt", "b.txt"):
            (root / folder / name).write_text(name, encoding="utf-8")
    if not (root / "link").exists():
        (root / "link").symlink_to(root / "a", target_is_directory=True)
    if not (root / "b" / "p.json").exists():
        os.link(root / "a" / "a.txt", root / "b" / "p.json")  # a hard link: the same inode under another name


@given(PARTS, PARTS, st.booleans())
def test_named_is_the_real_name_comparison(tmp_path_factory, first: list[str], second: list[str], absolute: bool):
    root = tmp_path_factory.getbasetemp() / "same_file"
    root.mkdir(exist_ok=True)
    _tree(root)
    file, other = Path(*first) if first else Path(), Path(*second) if second else Path()
    if absolute:
        file, other = root / file, root / other
    cwd = Path.cwd()
    os.chdir(root)
    try:
        assert _named(file, real_name(other)) == (real_name(file) == real_name(other))
    finally:
        os.chdir(cwd)


def test_same_file_as_before_on_a_tree(tmp_path: Path) -> None:
    _tree(tmp_path)
    files = [tmp_path / folder / name for folder in ("a", "b", "link") for name in ("a.txt", "b.txt", "p.json")]
    files += [Path(os.path.relpath(file)) for file in files] + [tmp_path, tmp_path / "a" / ".."]
    for path in [*files, tmp_path / "new.json", tmp_path / "link" / "new.txt"]:
        assert _same_file(path, files) == _old_same_file(path, files)
        assert _same_file(path, files[::-1]) == _old_same_file(path, files[::-1])
