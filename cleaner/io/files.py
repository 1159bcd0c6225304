"""Files for the ``clean`` command: find the articles under PATHs, read them, write results.

Finding walks folders in sorted order (so every run sees the same files in the same
order), keeps names that match the include globs and none of the exclude globs,
skips hidden folders, never descends into the output folder, and does not follow a
folder symlink twice (a loop is reported, not walked forever).  Reading refuses,
with a one-line reason, what cannot be an article: a missing or unreadable file, a
symlink loop, an empty file, a file over the size limit.  Writing is atomic: a
temporary file in the target's folder, then ``os.replace``.

This module does not decode or clean anything (the pipeline does) and prints nothing.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath


class InputError(Exception):
    """A file that cannot be cleaned; the message is the reason, without the file name."""


@dataclass(frozen=True, slots=True)
class Found:
    """One article file to clean, or a path that failed while looking (``error`` set)."""

    path: Path
    error: str = ""


def matches(relative: PurePosixPath, patterns: Iterable[str]) -> bool:
    """True when a glob matches the file name or the path below the input (``drafts/**``)."""
    text = relative.as_posix()
    return any(fnmatch(relative.name, p) or fnmatch(text, p) or PurePosixPath(text).match(p) for p in patterns)


def _reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "unreadable: permission denied"
    return f"unreadable: {error.strerror or error}"


@dataclass(frozen=True, slots=True)
class Finder:
    """Walks the PATHs of one run with its include/exclude globs, never into ``skip`` folders."""

    include: tuple[str, ...]
    exclude: tuple[str, ...]
    skip: tuple[Path, ...] = ()
    force_exclude: bool = False

    def find(self, paths: Iterable[Path]) -> list[Found]:
        """Every article file under the PATHs, in order, each file once."""
        seen: set[Path] = set()
        found = []
        for item in (item for path in paths for item in self._one(path)):
            key = item.path.absolute()
            if key not in seen:
                seen.add(key)
                found.append(item)
        return found

    def _one(self, path: Path) -> Iterator[Found]:
        name = PurePosixPath(path.absolute().name)
        try:
            is_dir = path.is_dir()
            path.stat()
        except OSError as error:
            yield Found(path, _reason(error))
            return
        if not is_dir:
            # A file named on the command line is cleaned even when no include glob matches it
            # (pre-commit passes files itself); exclude applies only with --force-exclude.
            if not (self.force_exclude and matches(name, self.exclude)):
                yield Found(path)
            return
        yield from self._walk(path)

    def _walk(self, root: Path) -> Iterator[Found]:
        skip = {s.resolve() for s in self.skip}
        visited: set[Path] = set()
        failures: list[OSError] = []
        for folder, dirs, files in os.walk(root, followlinks=True, onerror=failures.append):
            yield from (Found(Path(e.filename), _reason(e)) for e in failures)
            failures.clear()
            here = Path(folder)
            real = here.resolve()
            if real in visited or real in skip:
                dirs.clear()
                if real in visited and (real == here.parent.resolve() or real in here.parent.resolve().parents):
                    yield Found(here, "symlink loop")
                continue
            visited.add(real)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not self._excluded(_below(here / d, root)))
            for name in sorted(files):
                relative = _below(here / name, root)
                if not name.startswith(".") and matches(relative, self.include) and not matches(relative, self.exclude):
                    yield Found(here / name)
        yield from (Found(Path(e.filename), _reason(e)) for e in failures)

    def _excluded(self, folder: PurePosixPath) -> bool:
        """A folder is excluded by a glob on its path, or by ``folder/**``."""
        return matches(folder, self.exclude) or matches(folder, [p[:-3] for p in self.exclude if p.endswith("/**")])


def _below(path: Path, root: Path) -> PurePosixPath:
    return PurePosixPath(path.relative_to(root).as_posix()) if path != root else PurePosixPath(root.name)


HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


def source_format(path: Path) -> str:
    """The pipeline format for a file: HTML and Markdown by suffix, anything else detected.

    A ``.txt`` is "auto", not "text": one rewritten by ``--in-place`` starts with front matter.
    """
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "auto"


def read_article(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or ``InputError`` saying why it cannot be an article."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # opening a named pipe would wait for a writer forever
            raise InputError("not a regular file")
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(f"too large: {size} bytes, the limit is {max_bytes} (max_bytes)")
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputError(_reason(error)) from None
    if len(data) > max_bytes:
        raise InputError(f"too large: over {max_bytes} bytes (max_bytes)")
    if not data.strip():
        raise InputError("empty")
    return data


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: readers see the old file or the new one, never half.

    An existing file keeps its permission bits; a symlink is followed, so the file it
    points to is replaced and the link stays.
    """
    target = path.resolve() if path.is_symlink() else path
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()  # mkstemp makes files private; a new output is an ordinary file
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
