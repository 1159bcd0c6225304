"""Files for the ``clean`` command: find the articles under PATHs, read them, write results.

Finding walks folders in sorted order (so every run sees the same files in the same
order), keeps names that match the include globs and none of the exclude globs,
skips hidden folders, never descends into the output folder, and does not follow a
folder symlink twice (a loop is reported, not walked forever), and passes over the reports
``clean --report`` wrote (a report saved in a corpus is no article).  A file the include globs do not
take is returned too, marked, when the caller's ``notice`` names its kind (a JSON Lines file met by
``clean``'s walk), so the run can say what it left out; an excluded file never is.  Reading refuses,
with a one-line reason, what cannot be an article: a missing or unreadable file, a
symlink loop, an empty file, a file over the size limit, an archive of many files (``cleaner.io.archives``).  A file
kept compressed (``page.html.gz``) is read decompressed and judged by the name inside it, by the globs and by its
format; so is one whose bytes are compressed under a plain name (``page.html``) (``cleaner.io.compressed``).
Writing is atomic: a temporary file in the target's folder, then ``os.replace`` (``AtomicFile``).

This module does not decode or clean anything (the pipeline does) and prints nothing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import socket
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from cleaner.io.archives import START as ARCHIVE_START
from cleaner.io.archives import archive_held, archive_named, refusal
from cleaner.io.compressed import (
    FORMATS,
    CompressedError,
    compression,
    compression_of,
    decompressed,
    inner_name,
    opened,
    plain_name,
)
from cleaner.io.records import Format
from cleaner.text.decode import LONE_SURROGATE


class InputError(Exception):
    """A file that cannot be cleaned; the message is the reason, without the file name."""


@dataclass(frozen=True, slots=True)
class Found:
    """One article file to clean, a path that failed while looking (``error``), or one passed over (``skipped``):
    among these, a file the include globs did not take, of a kind the caller asked to hear about (``untaken``)."""

    path: Path
    error: str = ""
    skipped: str = ""
    untaken: str = ""  # its kind, as the caller's ``Finder.notice`` named it (then ``skipped`` is ``UNTAKEN``)

    @property
    def usable(self) -> bool:
        return not self.error and not self.skipped


LOOP = "symlink loop"  # a link to itself (ELOOP) or a folder link back to a folder above it: said so wherever met
NOT_REGULAR = "not a regular file"
OUTSIDE = "a symlink leading out of the folder named: not followed"
FILE_LINK = "a symlink: --in-place rewrites files under their own names only"
REPORT = "a cleaning report (clean --report): not an article"
UNTAKEN = "not taken by the include globs"
# What ``clean --report`` writes near the start of its page (``cleaner.report.page``): a walk passes such a page over,
# so a report saved inside a corpus is not cleaned into it as an article by the next run.
REPORT_MARK = b'<meta name="generator" content="cleaner report">'


def is_report(path: Path) -> bool:
    """Whether an HTML file met in a walk is a report ``clean --report`` wrote (``REPORT_MARK`` in its first bytes)."""
    if not path.name.lower().endswith((".html", ".htm")):
        return False
    try:
        with path.open("rb") as handle:
            return REPORT_MARK in handle.read(512)
    except OSError:  # reading it says what is wrong
        return False


def matches(relative: PurePosixPath, patterns: Iterable[str], *, fold: bool = False, file: bool = True) -> bool:
    """True when a glob matches the file name or the path below the input (``drafts/**``); a compressed file's
    (``a.txt.gz``) also when one matches the name inside it (``a.txt``), so ``*.txt`` takes ``a.txt.gz`` (``*.gz``
    still takes it by its own name).  A folder (``file=False``) is matched by its own name only.

    With ``fold``, letter case is ignored: the include globs, so that ``*.txt`` takes ``NOTES.TXT`` as
    pre-commit does (it passes files by their type, whatever the suffix's case) instead of passing over it.
    """
    if fold:
        relative, patterns = PurePosixPath(relative.as_posix().lower()), [p.lower() for p in patterns]
    inner = inner_name(relative.name) if file else relative.name
    names = (relative, relative.with_name(inner)) if inner != relative.name else (relative,)
    return any(_matched(name, patterns) for name in names)


def _matched(relative: PurePosixPath, patterns: Iterable[str]) -> bool:
    text = relative.as_posix()
    return any(fnmatch(relative.name, p) or fnmatch(text, p) or PurePosixPath(text).match(p) for p in patterns)


def _reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return LOOP
    if error.errno == errno.ENOENT:
        return _missing(error.filename)
    if isinstance(error, PermissionError):
        return "unreadable: permission denied"
    return f"unreadable: {error.strerror or error}"


def _missing(name: object) -> str:
    """Why a path that is not there cannot be read: a symlink whose target does not exist (a dangling link, which
    ``ls`` lists) is said to be one, with where it leads; "no such file or directory" of a name the user can see
    puzzled."""
    if isinstance(name, str | os.PathLike) and os.path.islink(name):
        with contextlib.suppress(OSError):
            return f"a broken symlink: it leads to {os.readlink(os.fspath(name))}, which does not exist"
    return "no such file or directory"


@dataclass(frozen=True, slots=True)
class Finder:
    """Walks the PATHs of one run with its include/exclude globs, never into ``skip`` folders.

    A symlink met in a walk (to a file or a folder) is followed only when its target lies inside
    the folder named on the command line; one leading out is passed over (``Found.skipped``).
    With ``file_links=False`` (``--in-place``), symlinks to files are passed over too: their
    targets are found under their own names, and nothing is ever written through a link.
    """

    include: tuple[str, ...]
    exclude: tuple[str, ...]
    skip: tuple[Path, ...] = ()
    force_exclude: bool = False
    file_links: bool = True
    root: Path | None = None  # what --force-exclude matches paths below (absolute); None: the current folder
    # The kind of a file the include globs do not take that the caller wants returned (``Found.untaken``), or ''
    notice: Callable[[Path], str] | None = None

    def find(self, paths: Iterable[Path]) -> list[Found]:
        """Every article file under the PATHs, in order, each file once (however many links lead to it)."""
        seen: set[Path] = set()
        found = []
        for item, real in (pair for path in paths for pair in self._one(path)):
            # An error by where it leads too: a broken symlink named and met again in a walk is one line, not two.
            key = real or (_real(item.path) if item.usable or item.error else item.path.absolute())
            if key not in seen:
                seen.add(key)
                found.append(item)
        return found

    def _one(self, path: Path) -> Iterator[tuple[Found, Path | None]]:
        """What one PATH gives, each with its real path when the walk knows it already (None otherwise)."""
        try:
            is_dir = path.is_dir()
            path.stat()
        except OSError as error:
            yield Found(path, _reason(error)), None
            return
        if not is_dir:
            # A file named on the command line is cleaned even when no include glob matches it
            # (pre-commit passes files itself); exclude applies only with --force-exclude.
            if not (self.force_exclude and self._excluded_file(path)):
                yield Found(path), None
            return
        yield from self._walk(path)

    def _walk(self, root: Path) -> Iterator[tuple[Found, Path | None]]:
        skip = {s.resolve() for s in self.skip}
        inside = root.resolve()
        visited: set[Path] = set()
        failures: list[OSError] = []
        for folder, dirs, files in os.walk(root, followlinks=True, onerror=failures.append):
            yield from ((Found(Path(e.filename), _reason(e)), None) for e in failures)
            failures.clear()
            here = Path(folder)
            real = here.resolve()
            if real in visited or real in skip:
                dirs.clear()
                if real in visited and _loops_back(here, real):
                    yield Found(here, LOOP), None
                continue
            visited.add(real)
            wanted = sorted(d for d in dirs if not d.startswith(".") and not self._excluded(_below(here / d, root)))
            dirs[:] = [d for d in wanted if not _leaves(here / d, inside)]
            yield from ((Found(here / d, skipped=OUTSIDE), None) for d in wanted if d not in dirs)
            for name in sorted(files):
                if name.startswith("."):
                    continue
                if not self.exclude and self._named(name):  # what ``matches`` tries first: no path to build
                    yield self._file(here / name, inside, real)
                    continue
                relative = _below(here / name, root)
                if not matches(relative, self.include, fold=True):
                    # One excluded is the user's choice: not said (nor read, as the notice may read the file).
                    kind = self.notice(here / name) if self.notice and not matches(relative, self.exclude) else ""
                    if kind:
                        yield Found(here / name, skipped=UNTAKEN, untaken=kind), None
                elif not matches(relative, self.exclude):
                    yield self._file(here / name, inside, real)
        yield from ((Found(Path(e.filename), _reason(e)), None) for e in failures)

    def _named(self, name: str) -> bool:
        """An include glob matches the file's name, letter case ignored (as ``matches(..., fold=True)`` tries first)."""
        lowered = name.lower()
        names = {lowered, inner_name(lowered)}
        return any(fnmatch(each, pattern.lower()) for pattern in self.include for each in names)

    def _file(self, path: Path, inside: Path, folder: Path) -> tuple[Found, Path | None]:
        """A file the walk met in the folder whose real path is ``folder``, and its own real path when it is no
        symlink (then ``folder / name``: resolving it again, a system call per part, was half of a walk's time)."""
        if not path.is_symlink():
            real: Path | None = folder / path.name
        elif _leaves(path, inside):
            return Found(path, skipped=OUTSIDE), None
        elif not self.file_links:
            return Found(path, skipped=FILE_LINK), None
        else:
            real = None
        return (Found(path, skipped=REPORT) if is_report(path) else Found(path)), real

    def _excluded_file(self, path: Path) -> bool:
        """A file named on the command line, with ``--force-exclude``: the globs match its name, or its path
        below ``root`` (the configuration's folder; else the current one, where pre-commit runs) as a walk of
        that folder would: ``drafts/**`` leaves out ``drafts/x.txt`` and ``articles/drafts/y.txt``."""
        try:
            relative = PurePosixPath(Path(os.path.normpath(path.absolute())).relative_to(self.root or Path.cwd()))
        except ValueError:  # outside that folder: its name only
            relative = PurePosixPath(path.absolute().name)
        return matches(relative, self.exclude) or any(self._excluded(folder) for folder in relative.parents[:-1])

    def _excluded(self, folder: PurePosixPath) -> bool:
        """A folder is excluded by a glob on its path, or by ``folder/**``."""
        below = [p[:-3] for p in self.exclude if p.endswith("/**")]
        return matches(folder, self.exclude, file=False) or matches(folder, below, file=False)


def _leaves(path: Path, inside: Path) -> bool:
    """True for a symlink whose target is not inside the folder ``inside`` (resolved)."""
    if not path.is_symlink():
        return False
    target = _real(path)
    return target != inside and inside not in target.parents


def _loops_back(path: Path, real: Path) -> bool:
    """Whether a folder ``path``, whose real path is ``real``, is a symlink back to a folder above it: walking it
    would walk that folder again, forever."""
    above = path.parent.resolve()
    return real == above or real in above.parents


def _real(path: Path) -> Path:
    """The path with every symlink resolved; a symlink loop stays as it is (reading it reports the loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _below(path: Path, root: Path) -> PurePosixPath:
    return PurePosixPath(path.relative_to(root).as_posix()) if path != root else PurePosixPath(root.name)


HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht"})  # MHTML: cleaner.io.mhtml
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


def source_name(path: str | os.PathLike[str]) -> str:
    """A path as text that every output can hold (a JSON record, a report, a duplicates file): the bytes of a file
    name that are not UTF-8, which Python reads as lone surrogates (``caf\\xe9.txt`` as ``caf\\udce9.txt``),
    written as that escape, as the command's messages print them.  A JSON or report writer stopped on them with a
    traceback (``UnicodeEncodeError``).  Any other name is returned as it is."""
    text = os.fspath(path)
    if text.isascii() or not LONE_SURROGATE.search(text):
        return text
    return LONE_SURROGATE.sub(lambda match: repr(match[0])[1:-1], text)


def source_format(path: Path) -> Format:
    """The pipeline format for a file: HTML and Markdown by suffix, anything else detected; a compressed file's by
    the name inside it (``page.html.gz`` is a page, ``notes.md.xz`` Markdown: ``cleaner.io.compressed``).

    A ``.txt`` is "auto", not "text": one rewritten by ``--in-place`` starts with front matter.
    """
    suffix = PurePosixPath(inner_name(path.name)).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "auto"


def read_article(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or ``InputError`` saying why it cannot be an article.  A compressed file (``page.html.gz``,
    ``.bz2``, ``.xz``, or such bytes under a name that does not say so: ``compression_of``) gives its bytes
    decompressed, at most ``max_bytes`` of them.  An archive (``a.tar.gz``, ``a.zip``, by name or by its first bytes)
    is refused as one (``cleaner.io.archives``), over the size limit too."""
    suffix = ""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):  # opening a named pipe would wait for a writer forever
            raise InputError(LOOP if stat.S_ISDIR(mode) and _loops_back(path, path.resolve()) else NOT_REGULAR)
        if archive := archive_named(path.name):
            raise InputError(refusal(archive))
        with path.open("rb") as handle:
            if suffix := compression_of(handle, path.name):  # at most max_bytes decompressed, else CompressedError
                layer = opened(handle, suffix, max_bytes)
                _refuse_archive(layer.peek(ARCHIVE_START) if layer else b"", FORMATS[suffix][0])
                data = decompressed(layer, max_bytes)
            else:
                data = _read_plain(handle, max_bytes)
    except CompressedError as error:  # one its name does not say is told so: the user sees a plain name
        raise InputError(str(error) if compression(path.name) else f"{plain_name(suffix)}: {error}") from None
    except OSError as error:
        raise InputError(_reason(error)) from None
    if len(data) > max_bytes:
        raise InputError(f"too large: over {max_bytes} bytes (max_bytes)")
    if not suffix:
        _refuse_archive(data, "")
    if not data or data.isspace():  # as ``not data.strip()``, without the copy
        raise InputError("empty")
    return data


def _read_plain(handle: BinaryIO, max_bytes: int) -> bytes:
    """The bytes of an open file that is not compressed, at most ``max_bytes + 1`` of them; ``InputError`` when its
    size is over the limit: an archive's first bytes say it is one (it is no article whatever its size)."""
    size = os.fstat(handle.fileno()).st_size
    if size > max_bytes:
        _refuse_archive(handle.read(ARCHIVE_START), "")
        raise InputError(f"too large: {size} bytes, the limit is {max_bytes} (max_bytes)")
    data = handle.read(size + 1)  # not max_bytes + 1: a buffer that large is allocated for each file
    if len(data) > size:  # it grew since (or reports no size, as /proc's files do): up to the limit
        data += handle.read(max_bytes + 1 - len(data))
    return data


def _refuse_archive(start: bytes, compression: str) -> None:
    """``InputError`` when a file's first bytes (``start``; decompressed from ``compression``) open an archive."""
    if archive := archive_held(start, compression):
        raise InputError(refusal(archive))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_HOST = socket.gethostname().replace(".", "-") or "host"
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<host>[^.]+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")


_UNFINISHED: set[Path] = set()  # this process's temporary files that no commit or discard has taken yet
_STOPS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _stops_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back while a temporary file is made and listed, so a stop never falls between."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def remove_unfinished() -> None:
    """Remove this process's temporary files that no commit or discard took: a run stopped by a signal after
    making one and before a ``with`` held it (``clean`` calls this when it stops)."""
    for path in list(_UNFINISHED):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        _UNFINISHED.discard(path)


class AtomicFile:
    """A file written in full before it appears at ``path``: readers see the old file or the new one.

    The data goes to a temporary file beside ``path`` (``.NAME.HOST.PID.RANDOM.tmp``), which
    ``commit`` renames over ``path`` and ``discard`` removes.  A run killed outright (``kill -9``)
    cannot remove its temporary file; the next ``AtomicFile`` for the same target removes such
    leftovers of dead processes of this host.  A run stopped by SIGINT or SIGTERM removes the ones no ``with``
    held yet (``remove_unfinished``): the file is made and listed with those signals held back.  ``commit``
    replaces whatever is at ``path``: a symlink there is replaced, never written through.  ``keep`` is the file
    whose permission bits (and, where allowed, owner) the new file takes; new files get the usual
    ``0o666 & ~umask``.  As a context manager
    it commits when the block ends and discards when the block raises.  The folders it makes for ``path``
    (``made``) go again with a discard while empty: one that existed before is never removed, and one another
    file was written into meanwhile is not empty.
    """

    def __init__(self, path: Path, *, keep: os.stat_result | None = None) -> None:
        self.path = path
        self.made = _missing_folders(path.parent)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError as error:  # a file where a folder of the path should be ("File exists" of the folder)
            _remove_empty(self.made)
            raise OSError(errno.ENOTDIR, f"{error.filename} is a file, not a folder", str(path)) from None
        _remove_leftovers(path)
        try:
            with _stops_held():
                fd, name = tempfile.mkstemp(
                    dir=path.parent, prefix=f".{path.name}.{_HOST}.{os.getpid()}.", suffix=".tmp"
                )
                self.temporary = Path(name)
                _UNFINISHED.add(self.temporary)
        except OSError as error:  # named by the file asked for: the temporary file's name means nothing to a user
            _remove_empty(self.made)
            raise OSError(error.errno, error.strerror, str(path)) from None
        try:
            os.fchmod(fd, stat.S_IMODE(keep.st_mode) if keep else 0o666 & ~_umask())
            if keep is not None and hasattr(os, "fchown"):
                with contextlib.suppress(PermissionError):
                    os.fchown(fd, keep.st_uid, keep.st_gid)
        except BaseException:
            os.close(fd)
            self.temporary.unlink(missing_ok=True)
            _UNFINISHED.discard(self.temporary)
            raise
        self.handle = os.fdopen(fd, "wb")

    def commit(self) -> None:
        """Rename the temporary file over ``path``; when that fails (a folder is at ``path``), the temporary file
        is removed and the error names ``path``, not the temporary file (which the failed rename left behind)."""
        self.handle.close()
        try:
            os.replace(self.temporary, self.path)
        except OSError as error:
            self.discard()
            problem = "a folder of that name is there" if error.errno == errno.EISDIR else error.strerror
            raise OSError(error.errno, problem, str(self.path)) from None
        _UNFINISHED.discard(self.temporary)

    def discard(self) -> None:
        """The file not written, and the folders made for it removed while empty, deepest first."""
        self.handle.close()
        self.temporary.unlink(missing_ok=True)
        _UNFINISHED.discard(self.temporary)
        _remove_empty(self.made)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _missing_folders(folder: Path) -> tuple[Path, ...]:
    """The folders of ``folder``'s path that do not exist yet, deepest first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return tuple(missing)


def _remove_empty(folders: Iterable[Path]) -> None:
    """Remove ``folders`` (deepest first) while they are empty; stop at the first that is not."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:  # not empty: something else was written there meanwhile (or it is gone)
            return


def _remove_leftovers(path: Path) -> None:
    """Remove the temporary files that dead processes of this host left for ``path``."""
    try:
        names = [entry.name for entry in os.scandir(path.parent) if entry.name.startswith(f".{path.name}.")]
    except OSError:
        return
    for name in names:
        match = _TEMP.match(name)
        if match and match["name"] == path.name and match["host"] == _HOST and not _alive(int(match["pid"])):
            with contextlib.suppress(OSError):
                (path.parent / name).unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _state(pid) != "Z"


def _state(pid: int) -> str:
    """The process state letter from ``/proc`` (``Z`` for a zombie), or ``""`` where there is none."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return ""


def write_atomic(path: Path, data: bytes, *, keep: os.stat_result | None = None) -> None:
    """Write ``data`` to ``path`` all at once (see ``AtomicFile``); a symlink at ``path`` is replaced.

    ``keep``: the file whose mode and owner the new file takes (``--in-place`` passes the input's).
    """
    with AtomicFile(path, keep=keep) as target:
        target.handle.write(data)
