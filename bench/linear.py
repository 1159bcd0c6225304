"""Linear time: cleaning cost grows in proportion to input size, with no pathological case.

    python bench/linear.py [--sizes-mb 1 2 5 10] [--line-mb 0.25 0.5 1]

Builds two kinds of input from the repository's own seeds and fixtures (no benchmark data
needed): a long document made of many articles' lines (with their furniture) up to each
size, and a single line with no newline at all. It prints seconds per megabyte for each
size; a linear pipeline shows a flat column (a regex that backtracks catastrophically or a
quadratic loop shows up as a column that grows with the size). Timings come from one
process and one run, so compare the rows with each other, not with another machine.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cleaner import clean

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000


def corpus_text() -> str:
    """All seeds and text fixtures, one after the other."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "fixtures" / "text").glob("*.txt"))
    return "\n\n".join(path.read_text(encoding="utf-8") for path in paths)


def grow(text: str, size: int, joiner: str) -> str:
    """Repeat ``text`` (joined by ``joiner``) until it is ``size`` characters long."""
    copies = size // (len(text) + len(joiner)) + 1
    return joiner.join([text] * copies)[:size]


def timed(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    article = clean(text, format="text")
    return time.perf_counter() - start, len(article.blocks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[1, 2, 5, 10])
    parser.add_argument("--line-mb", type=float, nargs="+", default=[0.25, 0.5, 1])
    args = parser.parse_args()
    base = corpus_text()
    one_line = " ".join(base.split())
    clean(base[:20_000], format="text")  # warm up: rule compilation, language profiles
    print("| input | size (MB) | seconds | seconds per MB | body blocks |")
    print("|---|---|---|---|---|")
    for size in args.sizes_mb:
        seconds, blocks = timed(grow(base, int(size * MB), "\n\n"))
        print(f"| many articles | {size:g} | {seconds:.2f} | {seconds / size:.2f} | {blocks} |")
    for size in args.line_mb:
        seconds, blocks = timed(grow(one_line, int(size * MB), " "))
        print(f"| one line | {size:g} | {seconds:.2f} | {seconds / size:.2f} | {blocks} |")


if __name__ == "__main__":
    main()
