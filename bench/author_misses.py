"""Where text-mode authors are lost, counted by category from out-of-fold predictions.

    python bench/cv_metadata.py ../shared/bench --text-models MODELS --keep DIR    # predictions and fold models
    python bench/author_misses.py ../shared/bench DIR --text-models MODELS        # about 2 minutes

For every tfeval page with author gold (a name, or "" where the page names nobody) and every page-dump kind
(bs4, inscriptis, wrapped) whose predicted authors (``DIR/pred``) the scorer counts wrong, the page's blocks are
decided again by its own fold's text model, the author candidates are listed and scored by the fold's metadata
model (``DIR/model-fold<k>.json``, as ``cv_metadata.py`` chose), and the miss is put in one category:

* the gold names no person (an organisation, a newsroom, a role: ``names_no_person``), which ``clean()`` never
  reports, offered as a candidate or not;
* the right value not among the candidates: the gold a whole line of the dump, inside a longer line, or (some
  of) its names nowhere in the dump;
* the right value offered: the best candidate but scored under the fold's threshold, or outranked by another
  (which itself reached the threshold, or did not);
* on a page that names nobody, an author given: by the source of the chosen candidate.

Each category is counted in pages and in sites (``folds.json``): a category seen on one site is worth no rule.
What it does NOT do: it trains nothing and changes no prediction (the scores are the fold models'; the pipeline's
own settling of the lines may differ on a page or two from the blocks decided here).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.metadata_data import decided_documents, gold_of, input_text, scorer, sites_of  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.lexicon import day_first  # noqa: E402
from cleaner.metadata.authorlines import without_label  # noqa: E402
from cleaner.metadata.candidates import candidates  # noqa: E402
from cleaner.metadata.choice import load_model  # noqa: E402
from cleaner.metadata.lines import Candidate  # noqa: E402
from cleaner.metadata.names import names_no_person  # noqa: E402

KINDS = ("bs4", "inscriptis", "wrapped")


def where_in_dump(names: frozenset[str], text: str) -> str:
    """Where the dump holds the gold names (case-folded, spaces made one), when no candidate offers them."""
    lines = {" ".join(line.split()).casefold() for line in text.split("\n")}
    folded = " ".join(text.split()).casefold()
    if not all(name in folded for name in names):
        return "not offered: the gold's names (some of them) nowhere in the dump"
    if all(name in lines for name in names):
        return "not offered: the gold a whole line"
    return "not offered: the gold inside a longer line"


def miss_category(evalcore, gold: str, items: list[Candidate], scores: list[float], threshold: float, text: str) -> str:
    """What kind of miss a wrong prediction is, from the page's scored candidates (``gold`` "": names nobody)."""
    ranked = sorted(range(len(items)), key=lambda index: -scores[index])
    if not gold:
        return f"names nobody, given an author: {items[ranked[0]].source}" if ranked else "names nobody"
    names = evalcore.norm_authors(gold)
    right = [index for index in ranked if evalcore.norm_authors(list(items[index].value)) == names]
    if names_no_person(without_label(gold.strip())):
        return "the gold names no person, " + ("offered" if right else "not offered")
    if not right:
        return where_in_dump(names, text)
    if right[0] == ranked[0]:
        return "offered: the best candidate, under the threshold"
    if scores[ranked[0]] >= threshold:
        return "offered: outranked by another that reached the threshold"
    return "offered: outranked, the winner under the threshold too"


def predicted(keep: Path, kind: str, page: str) -> object:
    path = keep / "pred" / kind / f"{page}.json"
    return json.loads(path.read_text(encoding="utf-8")).get("authors") if path.is_file() else None


def count(bench_dir: Path, keep: Path, text_models: Path) -> dict[str, tuple[Counter, dict[str, set[str]]]]:
    """Per kind: the misses' categories in pages, and the sites of each."""
    evalcore, gold, sites = scorer(bench_dir), gold_of(bench_dir), sites_of(bench_dir)
    configs = {fold: Config(text_model=text_models / f"model-fold{fold}.txt") for fold in range(5)}
    out: dict[str, tuple[Counter, dict[str, set[str]]]] = {kind: (Counter(), defaultdict(set)) for kind in KINDS}
    for page, kind, fold, wanted, decided in decided_documents(bench_dir, KINDS, None, configs.__getitem__):
        author = gold[page].get("author")
        if "authors" not in wanted or evalcore.norm_authors(author) == evalcore.norm_authors(
            predicted(keep, kind, page)
        ):
            continue
        model = load_model(keep / f"model-fold{fold}.json")
        items, rows = candidates(decided.verdicts, decided.found, day_first=day_first(decided.language))["authors"]
        scores = [float(score) for score in model.scores("authors", rows)]
        text = input_text(bench_dir, kind, page) or ""
        category = miss_category(evalcore, author or "", items, scores, model.fields["authors"].threshold, text)
        out[kind][0][category] += 1
        out[kind][1][category].add(sites.get(page, page))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("keep", type=Path, help="cv_metadata.py --keep DIR: its pred folder and fold models")
    parser.add_argument("--text-models", type=Path, required=True, help="the text fold models cv_metadata.py used")
    args = parser.parse_args(argv)
    for kind, (pages, sites) in count(args.bench_dir, args.keep, args.text_models).items():
        print(f"## {kind}: {sum(pages.values())} pages wrong")
        for category, number in pages.most_common():
            print(f"  {category}: {number} pages, {len(sites[category])} sites")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
