"""Where the ``clean`` command may write: output paths under ``-o OUT``, and the checks of ``--in-place``.

``plan_outputs`` maps each input to its output under OUT, mirroring the inputs' paths below
their common folder (paths resolved first, so ``a/../../x/f.txt`` cannot climb out of OUT; a compressed input is
named by the name inside it: ``a.html.gz`` is written as ``a.json``).  It
refuses, with an ``OutputError`` naming the problem, every plan that would lose or damage a file:
two inputs whose outputs would clash even with whole names kept, an output that is an input, an
output that would land outside OUT (through a symlinked folder inside it), or a file name for
OUT (``out.json``), an existing file or a symlink to nothing, when several articles need a
folder.  A symlink at an output path itself is replaced by the new file, never written through
(``cleaner.io.files.AtomicFile``).

``check_file_outputs`` does the same for the run's single output files (``-o FILE.jsonl``,
``--report``, ``--duplicates``): none may replace an input; ``check_not_planned``: nor an article's output;
``check_folders``: each goes into a folder this user may write into (or make).

``rewritable`` says why a file must not be rewritten in place: a symlink (rewriting would
change a file the user did not name), a file with several hard links (replacing it would
split them) or a write-protected one (replacing it would undo the protection).  This module writes nothing.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from cleaner.io.compressed import inner_name

STDIN_PATH = Path("-")  # the PATH that reads one document from standard input


class OutputError(Exception):
    """The outputs cannot be written safely as asked; the message says why and names the files."""


def real_name(path: Path) -> Path:
    """The path with its folders resolved and its own name kept (a symlink named on the command line stays itself)."""
    return path.absolute().parent.resolve() / path.name


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def names_a_file(out: Path, suffix: str) -> bool:
    """Whether OUT names a file of the output format (``out.json``) rather than a folder."""
    return not out.is_dir() and out.name.lower().endswith(suffix) and len(out.name) > len(suffix)


def plan_outputs(files: Sequence[Path], roots: Sequence[Path], out: Path, suffix: str) -> dict[Path, Path]:
    """Each input's output path under ``out`` (``suffix``: the format's), after every safety check.

    Standard input (``-``, one document) is written to the file ``out`` names, whatever its suffix: as a folder
    it held a file named ``-.json``."""
    if roots == [STDIN_PATH]:
        if out.is_dir():
            raise OutputError(f"cannot write {out}: a folder; - writes its one document to the file -o names")
        if problem := not_a_file(out) or not_a_folder(out.parent):
            raise OutputError(f"cannot write {out}: {problem}")
        return {STDIN_PATH: out}
    if names_a_file(out, suffix):
        if len(files) == 1 and len(roots) == 1 and not roots[0].is_dir():
            if problem := not_a_file(out) or not_a_folder(out.parent):  # said before the file is cleaned
                raise OutputError(f"cannot write {out}: {problem}")
            return _checked({files[0]: out}, files, out.parent)
        raise OutputError(
            f"{out} names one file, but several articles are written one file each: name a folder "
            f"(-o {out.with_suffix('')}/), or one JSON Lines file (-o {out.with_suffix('.jsonl')})"
        )
    problem = not_a_folder(out)
    if problem:
        raise OutputError(f"cannot write into {out}: {problem}; name a folder for -o")
    # A folder named is resolved whole, as the paths of the files found in it are (a symlinked folder named,
    # ``clean linked -o out``, mirrored its files to out/../../target/ and was refused as written outside out).
    base = Path(os.path.commonpath([root.resolve() if root.is_dir() else real_name(root).parent for root in roots]))
    plain = {path: out / _output_name(Path(os.path.relpath(real_name(path), base)), suffix) for path in files}
    counts = Counter(plain.values())
    targets = {
        path: target if counts[target] == 1 else target.with_name(path.name + suffix) for path, target in plain.items()
    }
    by_target: dict[Path, list[Path]] = {}
    for path, target in targets.items():
        by_target.setdefault(target, []).append(path)
    for target, sources in by_target.items():
        if len(sources) > 1:
            names = " and ".join(str(source) for source in sources)
            raise OutputError(f"outputs clash: {names} would all be written to {target}; rename one of them")
    return _checked(targets, files, out)


def _output_name(relative: Path, suffix: str) -> Path:
    """An input's path below the inputs' folder, with the output format's suffix for its own: a compressed file's
    is the name inside it's (``a.html.gz`` is written as ``a.json``, as ``a.html`` is)."""
    return relative.with_name(inner_name(relative.name)).with_suffix(suffix)


def not_a_folder(out: Path) -> str:
    """Why ``out`` can neither be nor become a folder this user writes into (a file, a symlink leading nowhere, a
    file above it, a folder it may not write into), or ''.

    Said once before anything is cleaned, instead of once for each file after its cleaning.
    """
    for path in (out, *out.parents):
        if path.is_dir():
            return "" if os.access(path, os.W_OK | os.X_OK) else f"{path} is a folder this user may not write into"
        if path.exists():
            return f"{path} is a file, not a folder" if path.is_file() else f"{path} is {special_kind(path)}"
        if path.is_symlink():
            return f"{path} is a symlink to {os.readlink(path)}, which does not exist"
    return ""


def special_kind(path: Path) -> str:
    """What an existing path that is neither a folder nor a regular file is, said in plain words: ``/dev/null`` is
    a device, not a file an article could be written to (nor one a user can be told is "a file")."""
    mode = path.stat().st_mode
    kind = "a special file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    return f"{kind}, not a folder or a regular file"


def not_a_file(path: Path) -> str:
    """Why no output file can be written at ``path``: something there that is neither a regular file, a folder nor
    a symlink (``/dev/null``, a named pipe), which writing (a new file renamed over it, ``AtomicFile``) would
    replace, not write through: run as root, ``-o /dev/null`` replaced the device with a file.  '' otherwise."""
    try:
        mode = path.lstat().st_mode
    except OSError:  # nothing there (or a folder above that cannot be read: writing says so)
        return ""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode):
        return ""
    return f"{path} is {special_kind(path)}; it would be replaced, not written through"


def _checked(targets: dict[Path, Path], files: Sequence[Path], out: Path) -> dict[Path, Path]:
    """Refuse outputs outside ``out`` (through a symlinked folder) and outputs that are inputs."""
    root = out.resolve()
    inputs = {real_name(path): path for path in files}
    inodes = {inode: path for path in files if (inode := _inode(path)) is not None}
    for path, target in targets.items():
        if not _inside(real_name(target).parent, root):
            raise OutputError(f"{target} would be written outside {out} (a symlinked folder inside it); not written")
        inode = _inode(target)
        clash = inputs.get(real_name(target)) or (inodes.get(inode) if inode is not None else None)
        if clash is not None:
            raise OutputError(f"the output for {path} would overwrite the input {clash}; choose another -o OUT")
    return targets


REPORT_MARK = b"<title>Cleaning report: "  # in the head of every report (cleaner.report.page)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


def check_file_outputs(outputs: Mapping[str, Path], named: Sequence[Path], walked: Sequence[Path]) -> None:
    """Refuse an output file (``-o FILE.jsonl``, ``--report``, ``--duplicates``) that would replace an input.

    ``outputs`` maps each option to its file.  An input named on the command line is never replaced, nor
    is one output by another.  A file a folder walk found is replaced only when it is what the option itself
    wrote in an earlier run (a walk never reads it back): a JSON Lines file for ``-o``, an earlier report for
    ``--report``; an article at one of these paths is an input, and the run stops before anything is written.
    """
    taken: dict[Path, str] = {}
    for option, path in outputs.items():
        if path.is_dir():
            raise OutputError(f"{option} {path}: a folder; {option} writes one file")
        if problem := not_a_file(path):  # before an earlier report is looked for: opening a named pipe would wait
            raise OutputError(f"{option} {path} cannot be written: {problem}")
        key = real_name(path)
        if key in taken:
            raise OutputError(f"{option} {path} is also {taken[key]}; give each its own file")
        taken[key] = option
        clash = _same_file(path, named) or (None if _earlier_output(option, path) else _same_file(path, walked))
        if clash is not None:
            raise OutputError(f"{option} {path} would overwrite the input {clash}")


def check_folders(outputs: Mapping[str, Path]) -> None:
    """Refuse an output file (``-o FILE.jsonl``, ``--report``, ``--duplicates``) whose folder cannot be or become one
    this user writes into (``not_a_folder``: a read-only folder, a file above it): said once before anything is
    cleaned, naming the option, the file and why (``-o ro/all.jsonl`` said only "ro/all.jsonl: Permission denied")."""
    for option, path in outputs.items():
        if problem := not_a_folder(path.parent):
            raise OutputError(f"{option} {path} cannot be written: {problem}")


def check_not_planned(outputs: Mapping[str, Path], targets: Mapping[Path, Path]) -> None:
    """Refuse an output file (``--report``, ``--duplicates``) that is also where an article is written (``-o``)."""
    written = {real_name(target): source for source, target in targets.items()}
    for option, path in outputs.items():
        source = written.get(real_name(path))
        if source is not None:
            raise OutputError(f"{option} {path} is also the output for {source}; give {option} its own file")


def _same_file(path: Path, files: Sequence[Path]) -> Path | None:
    """The first of ``files`` that is the file at ``path``: the same real name, or the same inode (a hard link).

    ``real_name`` keeps a file's own name, so a file named otherwise is not resolved (a system call per folder
    of its path: 1,660 of them were a third of ``clean learn``'s check of ``-o`` over a walked corpus)."""
    key, inode = real_name(path), _inode(path)
    return next((file for file in files if _named(file, key) or (inode and _inode(file) == inode)), None)


def _named(file: Path, key: Path) -> bool:
    """``real_name(file) == key``, without resolving ``file``'s folders when its name already differs."""
    return not (file.name and file.name != key.name) and real_name(file) == key


def _earlier_output(option: str, path: Path) -> bool:
    """Whether the file at ``path`` is what ``option`` writes (left by an earlier run), not an article."""
    if option == "-o/--output":
        return path.name.lower().endswith(JSONL_SUFFIXES)
    if option == "--report":
        try:
            with path.open("rb") as handle:
                return REPORT_MARK in handle.read(4096)
        except OSError:
            return False
    return False


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def rewritable(path: Path) -> tuple[os.stat_result | None, str]:
    """The file's status to keep (mode, owner), or why ``--in-place`` must leave it alone."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return None, "a symlink: --in-place does not write through symlinks (clean its target by its own name)"
    if info.st_nlink > 1:
        return None, f"{info.st_nlink} hard links lead to this file: rewriting it would split them; left as it is"
    if not info.st_mode & WRITE_BITS or not os.access(path, os.W_OK):
        # ``write_atomic`` renames a new file over it, which the folder's permission allows, not the file's own:
        # a read-only article was rewritten (still read-only), where ruff and black, which open the file, refuse it
        return None, "write-protected: --in-place leaves a file it may not write as it is (chmod u+w to clean it)"
    return info, ""


WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH  # none set: read-only for everyone, root too (as rm asks)
