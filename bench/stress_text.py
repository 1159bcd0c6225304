"""Text mode under shifts the development pages do not show: long articles, little furniture, clean text.

    python bench/stress_text.py ../shared/bench --models MODELS               # bs4, inscriptis, wrapped
    python bench/stress_text.py ../shared/bench --models MODELS --kinds bs4 --json

The bench's aeb dumps are news pages of ordinary length with a page's worth of furniture around them.
Pages the product meets elsewhere are longer (encyclopedia entries, long reads), already stripped of most
furniture, or clean text that is hard-wrapped.  Each aeb dump with a gold body of 100 words or more is
changed into such a page, with the article's lines found by the training labels (``textdata.shingle_labels``:
a line whose tokens the gold covers), from its first to its last article line (the span):

- ``as_is``: the dump itself (the reference);
- ``long``: the article continued, right after its last line, by the gold paragraphs of three more pages of its
  fold (unseen by its model), one per line: an article about four times as long, the same furniture around it;
  gold the four bodies;
- ``close_edges``: the span and the three lines on either side only (an extractor that left some residue);
- ``long_alone``: the ``long`` article alone, with no furniture around it;
- ``gold``: the gold body alone, paragraphs as the gold has them (text already clean);
- ``gold_wrapped``: the gold body hard-wrapped at the page's width (60-80 columns, as the ``wrapped`` dumps);
- ``long_wrapped``: ``long`` hard-wrapped the same way;
- ``link``: the dump with one line no wrapping program breaks (a 150-character link) after the article's first
  line; in a hard-wrapped dump, the one line wider than the width;
- ``gold_wrapped_link``: ``gold_wrapped`` with that line in the middle;
- ``body_wrapped``: the dump with its span replaced by the gold body alone hard-wrapped at 72 columns (one
  paragraph after the other, no blank lines), the rest of the dump as it is: an unwrapped page dump around a
  wrapped article (a ``<pre>`` or plain-text e-mail); in a hard-wrapped dump, the same wrapped at two widths.

Every page is cleaned by ``cleaner.clean(text, format="text")`` with the text model of its own fold
(``bench/cv_text.py --models``: trained on the other four folds, so the page is out of fold), and scored
as the benchmark's ``score.py`` scores a body (its ``evalcore``: mean page precision and recall of 4-token
shingles, and their F1), and lost articles (less than half of the gold's shingles kept, ``scoring.is_lost``).
The uncleaned input is scored beside it.

What it does NOT do: tune anything, or stand for real pages of those kinds (the shifts are made from the
bench's own pages); it shows whether the guards and the model hold when the page's proportions change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cv_text import fold_models  # noqa: E402
from bench.scoring import BodyScores  # noqa: E402
from bench.textdata import folds, gold_of, hard_wrap, input_text, shingle_labels, wrap_width  # noqa: E402
from cleaner import clean  # noqa: E402
from cleaner.config import Config  # noqa: E402

KINDS = ("bs4", "inscriptis", "wrapped")
EDGE_LINES = 3
LINK = "Source: https://www.example.org/archive/2019/11/21/" + "-".join(["a-long-slug-of-the-original-story"] * 3)
BODY_WIDTH = 72  # body_wrapped: the width of a plain-text e-mail
PARTS = 4  # a long article: the page's own and three more pages' articles, one after the other


@dataclass(frozen=True)
class Page:
    """A dump's lines, its article's span (first to last article line), its gold body, its wrapping width,
    and the gold bodies that make its article long (other pages of its fold)."""

    lines: list[str]
    start: int
    end: int
    body: str
    width: int
    more: tuple[str, ...] = ()

    @property
    def span(self) -> list[str]:
        return self.lines[self.start : self.end]


def _paragraphs(body: str) -> list[str]:
    return [" ".join(part.split()) for part in body.split("\n") if part.strip()]


def _long(page: Page) -> tuple[str, str]:
    more = [line for body in page.more for line in _paragraphs(body)]
    bodies = [page.body, *page.more]
    return "\n".join(page.lines[: page.end] + more + page.lines[page.end :]), "\n\n".join(bodies)


def _long_alone(page: Page) -> tuple[str, str]:
    return _long(Page(page.span, 0, len(page.span), page.body, page.width, page.more))


def _close_edges(page: Page) -> tuple[str, str]:
    return "\n".join(page.lines[max(0, page.start - EDGE_LINES) : page.end + EDGE_LINES]), page.body


def _link(page: Page) -> tuple[str, str]:
    return "\n".join([*page.lines[: page.start + 1], LINK, *page.lines[page.start + 1 :]]), page.body


def _gold_wrapped_link(page: Page) -> tuple[str, str]:
    lines = hard_wrap(page.body, page.width).split("\n")
    middle = len(lines) // 2
    return "\n".join([*lines[:middle], LINK, *lines[middle:]]), page.body


def _long_wrapped(page: Page) -> tuple[str, str]:
    text, gold = _long(page)
    return hard_wrap(text, page.width), gold


def _body_wrapped(page: Page) -> tuple[str, str]:
    body = hard_wrap("\n".join(_paragraphs(page.body)), BODY_WIDTH).split("\n")
    return "\n".join([*page.lines[: page.start], *body, *page.lines[page.end :]]), page.body


VARIANTS: dict[str, Callable[[Page], tuple[str, str]]] = {
    "as_is": lambda page: ("\n".join(page.lines), page.body),
    "long": _long,
    "close_edges": _close_edges,
    "long_alone": _long_alone,
    "gold": lambda page: (page.body, page.body),
    "gold_wrapped": lambda page: (hard_wrap(page.body, page.width), page.body),
    "long_wrapped": _long_wrapped,
    "link": _link,
    "gold_wrapped_link": _gold_wrapped_link,
    "body_wrapped": _body_wrapped,
}


def pages_of(bench_dir: Path, kind: str, evalcore: Any) -> dict[str, Page]:
    """Every aeb page of ``kind`` with a gold body of 100 words or more and an article span, made long with
    the next ``PARTS - 1`` such pages' gold bodies of its own fold (in the order of their ids, wrapping around),
    so that the fold's model has seen none of them."""
    assignment, found = folds(bench_dir)["aeb"], {}
    for page, gold in sorted(gold_of(bench_dir, "aeb").items()):
        text, body = input_text(bench_dir, "aeb", kind, page), gold["body"]
        if text is None or len(evalcore.WORD.findall(body)) < 100:
            continue
        lines = text.split("\n")
        article = [number for number, label in enumerate(shingle_labels(lines, body)) if label]
        if article:
            found[page] = Page(lines, article[0], article[-1] + 1, body, wrap_width(page))
    pages = {}
    for fold in sorted({assignment[name]["fold"] for name in found}):
        names = [name for name in found if assignment[name]["fold"] == fold]
        for number, name in enumerate(names):
            others = [names[(number + step) % len(names)] for step in range(1, min(PARTS, len(names)))]
            pages[name] = replace(found[name], more=tuple(found[other].body for other in others))
    return pages


def run(bench_dir: Path, models: list[Path], kinds: list[str]) -> list[dict]:
    """One row per (kind, variant): pages, precision, recall and F1 cleaned and uncleaned, lost articles."""
    sys.path.insert(0, str(bench_dir))
    import evalcore  # the benchmark's own tokens, shingles and page scores, beside its score.py

    assignment = folds(bench_dir)["aeb"]
    configs = [Config(text_model=model) for model in models]
    totals: dict[tuple[str, str], tuple[BodyScores, BodyScores]] = {}  # cleaned, uncleaned
    for kind in kinds:
        for name, page in pages_of(bench_dir, kind, evalcore).items():
            config = configs[assignment[name]["fold"]]
            for variant, shift in VARIANTS.items():
                shifted, wanted = shift(page)
                cleaned = clean(shifted, format="text", config=config).text
                after, before = totals.setdefault((kind, variant), (BodyScores(), BodyScores()))
                after.add(evalcore, wanted, cleaned)
                before.add(evalcore, wanted, shifted)
    return [_row(kind, variant, after, before, evalcore) for (kind, variant), (after, before) in totals.items()]


def _row(kind: str, variant: str, after: BodyScores, before: BodyScores, evalcore: Any) -> dict:
    uncleaned = before.summary(evalcore)
    return {
        "kind": kind,
        "variant": variant,
        "pages": len(after.rows),
        **after.summary(evalcore),
        **{f"uncleaned_{name}": uncleaned[name] for name in ("precision", "recall", "f1")},
    }


def table(rows: list[dict]) -> str:
    lines = [
        "| kind | variant | pages | precision | recall | F1 | uncleaned P / R / F1 | lost |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['kind']} | {row['variant']} | {row['pages']} | {row['precision']:.3f} | {row['recall']:.3f} "
            f"| {row['f1']:.3f} | {row['uncleaned_precision']:.3f} / {row['uncleaned_recall']:.3f} / "
            f"{row['uncleaned_f1']:.3f} | {row['lost']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("--models", type=Path, required=True, help="the fold models (bench/cv_text.py --models)")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, from {', '.join(KINDS)}")
    parser.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    args = parser.parse_args(argv)
    if not (args.bench_dir / "folds.json").is_file():
        print(f"{args.bench_dir}: no folds.json here; pass the shared bench folder", file=sys.stderr)
        return 2
    kinds = [kind for kind in args.kinds.split(",") if kind]
    rows = run(args.bench_dir, fold_models(args.bench_dir, args.models), kinds)
    print(json.dumps(rows, indent=1) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
