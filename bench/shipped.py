"""Whether a training script still builds the model files the package ships, byte for byte (``--check``).

    python bench/train_text.py ../shared/bench --check            # exit 1 if text_model.txt or its lexicon differ
    python bench/train_metadata.py ../shared/bench --check
    python bench/train_page_metadata.py ../shared/bench --check

Each script's ``--check`` hands ``rebuilt`` its own writing function: it trains into a temporary folder, as
it would into the package, and ``check`` compares each file built there with the shipped file of the same
name, byte for byte, and says which differ and where.  Training is deterministic, so a difference means the
code, the data or a library changed since the shipped file was built: retrain, and measure the new file out
of fold before shipping it (docs/classifier.md, "To retrain").

Nothing here trains, writes into the package, or judges whether a different file is better.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO


def first_difference(built: bytes, shipped: bytes) -> int | None:
    """The 1-based line of the first difference between two files' bytes, or None when they are the same."""
    if built == shipped:
        return None
    for number, (new, old) in enumerate(zip(built.splitlines(), shipped.splitlines(), strict=False), 1):
        if new != old:
            return number
    return min(built.count(b"\n"), shipped.count(b"\n")) + 1  # one file is the other with more lines after it


def differences(pairs: Sequence[tuple[Path, Path]]) -> list[str]:
    """One message per pair (built, shipped) whose bytes differ, naming the shipped file and the first line."""
    messages = []
    for built, shipped in pairs:
        if not shipped.is_file():
            messages.append(f"{shipped}: not there (the script built {built.stat().st_size:,} bytes)")
            continue
        new, old = built.read_bytes(), shipped.read_bytes()
        line = first_difference(new, old)
        if line is not None:
            messages.append(
                f"{shipped}: the script builds a different file "
                f"(first difference on line {line}; built {len(new):,} bytes, shipped {len(old):,})"
            )
    return messages


def check(pairs: Sequence[tuple[Path, Path]], command: str, out: TextIO = sys.stderr) -> int:
    """Print what differs and return 1, or say the files are the same and return 0 (the scripts' exit code)."""
    messages = differences(pairs)
    for message in messages:
        print(message, file=out)
    if messages:
        print(
            f"not reproducible: `{command}` does not rebuild the shipped file(s) from this code and data; "
            "retrain and measure out of fold before shipping (docs/classifier.md, 'To retrain')",
            file=out,
        )
        return 1
    names = ", ".join(str(shipped) for _, shipped in pairs)
    print(f"reproducible: `{command}` rebuilds {names} byte for byte", file=out)
    return 0


def rebuilt(build: Callable[[Path], object], shipped: Sequence[Path], command: str) -> int:
    """``check`` the files ``build`` writes into a temporary folder against the ``shipped`` ones: ``build`` is given
    the path of the first under its shipped name, and writes any other (a lexicon) beside it under its own."""
    with tempfile.TemporaryDirectory(prefix="cleaner-check-") as temp:
        build(Path(temp) / shipped[0].name)
        return check([(Path(temp) / path.name, path) for path in shipped], command)
