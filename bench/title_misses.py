"""Where text-mode titles are lost, counted by category from out-of-fold predictions.

    python bench/cv_metadata.py ../shared/bench --text-models MODELS --keep DIR    # the predictions, out of fold
    python bench/title_misses.py ../shared/bench DIR/pred

For every tfeval page with a gold title and every page-dump kind (bs4, inscriptis, wrapped), the gold title
is looked for in the dump the tool was given, compared as the scorer compares (case-folded, whitespace made
one space): a whole line, split over two or three lines, inside a longer line (after a list's number, as
one part between separators, at its start or end, elsewhere) or absent.  A whole line is the upper bound
of choosing a line.  Where the prediction is wrong and the gold is a whole line, the chosen title is put
in one category by where it stands to the gold line and what it is: no title, a text no line holds, the
site's name (a side of the page's ``<title>``, which the bs4 dump of the same page opens with, that is
not the gold), a short line repeated on the page (a menu or section name), the line right over the gold
line or two over it (a kicker), right under it or two under (a standfirst or subtitle), another line
further away above or below (another headline, a section heading, a teaser).  Each kind's pages are also
counted against bs4's: right on both, on this kind only, on bs4 only, on neither.

The bs4 dump is read for the site's name only, to describe a miss; nothing here feeds back into cleaning.
What it does NOT do: it tunes nothing and runs no model (the predictions are ``cv_metadata.py``'s).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.metadata_data import BENCH, gold_of, input_text, sites_of  # noqa: E402

KINDS = ("bs4", "inscriptis", "wrapped")
SEPARATORS = re.compile(r"\s+[|\-–—:·•»/]\s+|\s*[|»·•›]\s*")
LIST_NUMBER = re.compile(r"\d+\.\s*")
LIST_MARKER = re.compile(r"^\s*[-*] +(?=\S)")
NEAR = 2  # lines over or under the gold line that are its kicker or standfirst
MENU_WORDS = 3  # a repeated line of at most this many words is a menu item or a section's name


def norm(text: str | None) -> str:
    """As the benchmark's scorer compares titles (``evalcore.norm_title``)."""
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def lines_of(text: str) -> list[str]:
    """The dump's lines as the scorer compares them, without the list marker the segmenter reads off (``* ``)."""
    return [line for line in (norm(LIST_MARKER.sub("", raw)) for raw in text.split("\n")) if line]


def presence(lines: list[str], title: str) -> str:
    """Where the dump holds the gold title."""
    if title in lines:
        return "whole line"
    for size in (2, 3):
        if any(" ".join(lines[at : at + size]) == title for at in range(len(lines) - size + 1)):
            return f"over {size} lines"
    holder = next((line for line in lines if title in line), None)
    if holder is None:
        return "over more lines" if title in " ".join(lines) else "absent"
    if LIST_NUMBER.fullmatch(holder[: len(holder) - len(title)]) and holder.endswith(title):
        return "inside a longer line: after a list number"
    if title in (part.strip() for part in SEPARATORS.split(holder)):
        return "inside a longer line: a part between separators"
    if holder.startswith(title) or holder.endswith(title):
        return "inside a longer line: at its start or end"
    return "inside a longer line: elsewhere"


def site_names(bs4_first: str, title: str) -> set[str]:
    """The sides of the page's ``<title>`` (the bs4 dump's first line) that are not the gold title, the whole
    ``<title>`` aside."""
    return {side.strip() for side in SEPARATORS.split(bs4_first)} - {"", title, bs4_first}


def chosen_category(lines: list[str], title: str, chosen: str, bs4_first: str) -> str:
    """What the wrong title is, by where it stands to the gold line and what it looks like."""
    if not chosen:
        return "no title"
    bs4_first = norm(bs4_first)
    if chosen == bs4_first:
        return "the page's whole <title>"
    if chosen in site_names(bs4_first, title):
        return "the site's name (a side of the <title>)"
    at = [index for index, line in enumerate(lines) if line == chosen]
    if not at:
        return "a text no line holds"
    if len(chosen.split()) <= MENU_WORDS and len(at) > 1:
        return "a short repeated line (menu, section)"
    gold = [index for index, line in enumerate(lines) if line == title]
    offset = min((a - g for a in at for g in gold), key=abs)
    if -NEAR <= offset < 0:
        return "just over the gold line (kicker)"
    if 0 < offset <= NEAR:
        return "just under the gold line (standfirst, subtitle)"
    return "another line further up" if offset < 0 else "another line further down"


def predicted_title(pred_dir: Path, kind: str, page: str) -> str:
    path = pred_dir / kind / f"{page}.json"
    if not path.is_file():
        return ""
    return norm(json.loads(path.read_text(encoding="utf-8")).get("title"))


def categories(
    bench_dir: Path, pred_dir: Path, kind: str
) -> tuple[Counter, Counter, dict[str, bool], dict[str, set[str]]]:
    """Per kind: where the gold title stands in the dumps, what was chosen instead, which pages are right, and the
    sites (``folds.json``) each category's pages come from (a category of one site is worth no rule)."""
    where: Counter[str] = Counter()
    instead: Counter[str] = Counter()
    right: dict[str, bool] = {}
    sites: dict[str, set[str]] = defaultdict(set)
    site_of = sites_of(bench_dir)
    for page, gold in sorted(gold_of(bench_dir).items()):
        title = norm(gold.get("title"))
        text = input_text(bench_dir, kind, page)
        if not title or text is None:
            continue
        lines, chosen = lines_of(text), predicted_title(pred_dir, kind, page)
        right[page] = chosen == title
        found = presence(lines, title)
        where[found] += 1
        sites[found].add(site_of.get(page, page))
        if right[page] or found != "whole line":
            continue
        first = next(iter(lines_of(input_text(bench_dir, "bs4", page) or "")), "")
        category = chosen_category(lines, title, chosen, first)
        instead[category] += 1
        sites[category].add(site_of.get(page, page))
    return where, instead, right, sites


def listed(counts: Counter, sites: dict[str, set[str]]) -> str:
    return ", ".join(f"{name} {count} ({len(sites[name])} sites)" for name, count in counts.most_common())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("pred_dir", type=Path, help="cv_metadata.py --keep DIR's pred folder (one folder a kind)")
    args = parser.parse_args(argv)
    found = {kind: categories(args.bench_dir, args.pred_dir, kind) for kind in KINDS}
    bs4_right = found["bs4"][2]
    for kind, (where, instead, right, sites) in found.items():
        print(f"## {kind} ({BENCH}): titles right {sum(right.values())} of {len(right)}")
        print("gold title in the dump: " + listed(where, sites))
        print("wrong where it is a whole line: " + listed(instead, sites))
        if kind != "bs4":
            pairs = Counter((right[page], bs4_right.get(page, False)) for page in right)
            print(
                f"against bs4: right on both {pairs[True, True]}, on {kind} only {pairs[True, False]}, "
                f"on bs4 only {pairs[False, True]}, on neither {pairs[False, False]}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
