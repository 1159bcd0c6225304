"""How well the segmenter's cuts in hard-wrapped text (``cleaner.metadata.wrapped``) find the lines' real edges.

    python bench/wrapped_cuts.py ../shared/bench

The benchmark's wrapped dumps are the bs4 dumps with each line wrapped at 60-80 columns
(``bench/metadata_data.py``), so where every wrapped line came from is known.  For every tfeval
page this counts, over the paragraphs the segmenter joined from several wrapped lines, the breaks
where a bs4 line really ended, the cuts ``cut_points`` makes, and the cuts that fall on a real end
(precision: of the cuts; recall: of the real ends, most of which no reader could see).  It also
counts the pages whose gold title is a block of its own, with the cuts and without them.

Nothing is trained or tuned here; the rules of ``cut_points`` were written looking at these pages,
so the figures say how often it cuts right, not how it does on pages it never saw.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.metadata_data import BENCH, gold_of, input_text, scorer, wrap_width  # noqa: E402
from cleaner.metadata.wrapped import cut_points  # noqa: E402
from cleaner.text import segment  # noqa: E402
from cleaner.text.decode import normalise  # noqa: E402
from cleaner.text.wrapping import line_widths  # noqa: E402


def origins(text: str, width: int) -> list[int]:
    """For each non-empty wrapped line, the number of the bs4 line it came from."""
    found = []
    for number, line in enumerate(text.split("\n")):
        if line.strip():
            found.extend(number for piece in textwrap.fill(line, width).split("\n") if piece.strip())
    return found


def count_cuts(bench_dir: Path, page: str) -> tuple[int, int, int]:
    """(real line ends inside joined paragraphs, cuts made, cuts on a real end) on one page."""
    source = normalise((bench_dir / "data" / "text" / BENCH / "bs4" / f"{page}.txt").read_text(encoding="utf-8"))
    width = wrap_width(page)  # wrapped as ``input_text`` wraps, after normalising (so lines match one to one)
    wrapped = "\n".join(textwrap.fill(line, width) if line.strip() else "" for line in source.split("\n"))
    came_from = origins(source, width)
    widths = line_widths([line.strip() for line in wrapped.split("\n")])  # as ``segment.segment`` reads them
    chunks = segment._chunks(wrapped) if widths else ((0, chunk) for chunk in segment.BLANK_LINES.split(wrapped))
    real = made = right = 0
    done, first = 0, ""
    for first_line, chunk in chunks:
        in_chunk = widths and widths[first_line : first_line + chunk.count("\n") + 1]
        for joined in segment._paragraph_lines(chunk, in_chunk):
            ids = came_from[done : done + len(joined)]
            done += len(joined)
            if len(joined) > 1:
                ends = {i for i in range(1, len(joined)) if ids[i] != ids[i - 1]}
                cuts = set(cut_points(joined, first))
                real, made, right = real + len(ends), made + len(cuts), right + len(ends & cuts)
            first = first or " ".join(joined)
    return real, made, right


def titled(bench_dir: Path, page: str, gold: str, evalcore) -> tuple[bool, bool]:
    """Whether the gold title is a block of its own, without the cuts and with them."""
    text = normalise(input_text(bench_dir, "wrapped", page) or "")
    key = evalcore.norm_title(gold)
    return tuple(
        key in {evalcore.norm_title(body) for body in segment.paragraph_texts(text, cut)} for cut in (None, cut_points)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    args = parser.parse_args(argv)
    gold, evalcore = gold_of(args.bench_dir), scorer(args.bench_dir)
    real = made = right = 0
    whole = [0, 0]
    titles = 0
    for page in sorted(gold):
        if not (args.bench_dir / "data" / "text" / BENCH / "bs4" / f"{page}.txt").is_file():
            continue
        counts = count_cuts(args.bench_dir, page)
        real, made, right = real + counts[0], made + counts[1], right + counts[2]
        if gold[page].get("title"):
            titles += 1
            for index, found in enumerate(titled(args.bench_dir, page, gold[page]["title"], evalcore)):
                whole[index] += found
    print(
        json.dumps(
            {
                "real_ends": real,
                "cuts": made,
                "cuts_on_real_ends": right,
                "precision": round(right / max(1, made), 3),
                "recall": round(right / max(1, real), 3),
                "pages_with_title": titles,
                "title_a_block_without_cuts": whole[0],
                "title_a_block_with_cuts": whole[1],
            },
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
