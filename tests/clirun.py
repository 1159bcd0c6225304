"""Running the ``clean`` command in this process, through ``main(argv)``, as a shell would.

``clean_in_process(*args, cwd=...)`` changes to ``cwd``, gives the command fresh standard output
and error (bytes underneath, as a pipe gives), optionally a standard input, and returns what a
subprocess would: the exit code and both streams as text.  ``clean_subprocess`` is the real
thing, for the few end-to-end tests that need a separate process (signals, terminals, imports).
``article_of(FILE, cwd=...)`` is the JSON article ``clean FILE`` prints, without its ``source``.
``tree_state(folder)`` records every file below a folder, to show what a run changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from cleaner.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str

    def skipped_lines(self) -> list[str]:
        """The lines of standard error that say files were skipped (the walk's note, a named file's line)."""
        return [line for line in self.stderr.splitlines() if "skipped" in line]


class _Terminal(io.TextIOWrapper):
    """A standard error that says it is a terminal (what the command shows only to a person)."""

    def isatty(self) -> bool:
        return True


def _stream(data: bytes = b"", *, terminal: bool = False) -> io.TextIOWrapper:
    kind = _Terminal if terminal else io.TextIOWrapper
    return kind(io.BytesIO(data), encoding="utf-8", errors="surrogateescape", write_through=True)


def clean_in_process(*args: object, cwd: Path, stdin: bytes | None = None, terminal: bool = False) -> Ran:
    """Run ``clean ARGS...`` from ``cwd`` in this process; never raises for the command's own exits.

    ``terminal``: standard error says it is a terminal (the progress bar's condition).
    """
    saved = sys.stdin, sys.stdout, sys.stderr, os.getcwd()
    out, err = _stream(), _stream(terminal=terminal)
    sys.stdout, sys.stderr = out, err
    if stdin is not None:
        sys.stdin = _stream(stdin)
    os.chdir(cwd)
    try:
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as stop:  # argparse's usage errors
            code = stop.code if isinstance(stop.code, int) else 2
        out.flush()
        err.flush()
        return Ran(code, _text(out), _text(err))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved[:3]
        os.chdir(saved[3])


def article_of(*args: object, cwd: Path) -> dict[str, object]:
    """The JSON article ``clean FILE`` prints (run in this process), without its ``source`` (the file's name)."""
    result = clean_in_process(*args, "--format", "json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    article.pop("source")
    return dict(article)


def _text(stream: io.TextIOWrapper) -> str:
    return stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def clean_subprocess(*args: object, cwd: Path, timeout: float = 300, stdin: bytes | None = None) -> Ran:
    """Run the command as users do: a new Python process, from ``cwd``, with this checkout importable."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "cleaner.cli", *map(str, args)]
    done = subprocess.run(command, cwd=cwd, env=env, input=stdin, capture_output=True, timeout=timeout, check=False)
    return Ran(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def tree_state(folder: Path, *, modes: bool = False) -> dict[str, str]:
    """Every entry below ``folder``: a symlink as its target, a file as its SHA-256 (and mode, if asked)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = "-> " + os.readlink(path)
        elif path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[key] = f"{digest} {oct(path.stat().st_mode)}" if modes else digest
    return found
