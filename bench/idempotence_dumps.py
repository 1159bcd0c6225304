"""Idempotence over every bench text dump: what a second cleaning changes, counted two ways.

    python bench/idempotence_dumps.py ../shared/bench [--out FILE] [--limit N]

* ``in-place``: the dump rewritten the way ``--in-place`` rewrites it (canonical Markdown with front
  matter), then processed again: does the second run change the file (``second_run_problem``, which
  ``tests/test_idempotence.py`` asks of a sample)?
* ``body``: the cleaned body as the ``txt`` output writes it (``cleaner.io.output.plain_text``: ``Article.text``
  with an opening that reads as a marker escaped) cleaned again as plain text: does the second cleaning
  remove a block, or keep other words (``tests/test_properties.py``'s property)?

Prints the counts per check and writes the failing dump names (one per line, ``check<TAB>name``) to
``--out``.  Nothing is tuned here.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import CleanError, clean  # noqa: E402
from cleaner.config import DEFAULT_CONFIG  # noqa: E402
from cleaner.io.output import plain_text  # noqa: E402
from cleaner.run.batch import Settings, process  # noqa: E402

REWRITE = Settings(DEFAULT_CONFIG, rewrite=True)
WHITESPACE = re.compile(r"\s+")


def second_run_problem(dump: Path, folder: Path) -> str:
    """What a second ``--in-place`` would change in the dump rewritten once, in ``folder`` ("" when nothing)."""
    path = folder / dump.name
    path.write_bytes(dump.read_bytes())
    first = process(REWRITE, path)
    if first.article is None:
        return ""  # not rewritten at all (an empty dump): nothing to do twice
    if first.changed:
        path.write_text(first.canonical, encoding="utf-8")
    second = process(REWRITE, path)
    if second.error or second.changed:
        return f"{dump}: second run {second.error or 'changes it'}:\n{first.canonical[:600]}"
    return ""


def body_changes(dump: Path) -> bool:
    """Whether cleaning the cleaned body again removes a block or keeps other words."""
    try:
        first = clean(dump.read_bytes(), format="text")
    except CleanError:
        return False
    if not first.text.strip():
        return False
    second = clean(plain_text(first), format="text")
    kept = [*filter(None, (second.title, second.subtitle)), *(block.text for block in second.blocks)]
    return bool(second.removed) or WHITESPACE.sub(" ", " ".join(kept)).split() != first.text.split()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    dumps = sorted((args.bench_dir / "data" / "text").glob("*/*/*.txt"))
    if args.limit:
        dumps = dumps[: args.limit]
    failing: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as temp:
        for count, dump in enumerate(dumps, 1):
            if count % 100 == 0:
                print(f"{count} dumps, {len(failing)} failing", file=sys.stderr, flush=True)
            name = f"{dump.parent.parent.name}/{dump.parent.name}/{dump.stem}"
            if second_run_problem(dump, Path(temp)):
                failing.append(("in-place", name))
            if body_changes(dump):
                failing.append(("body", name))
    for check in ("in-place", "body"):
        print(f"{check}: {sum(1 for c, _ in failing if c == check)} of {len(dumps)} dumps change on a second cleaning")
    if args.out:
        args.out.write_text("".join(f"{c}\t{n}\n" for c, n in failing), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
