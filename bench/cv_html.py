"""Site-grouped cross-validation of the HTML layer's choices, and out-of-fold figures for every target.

    python bench/cv_html.py ../shared/bench                  # compute every page's variants, then cross-validate
    python bench/cv_html.py ../shared/bench --cache /tmp/cv  # keep (and reuse) the per-page variants

What is chosen here: the fallback of ``cleaner.html.views`` (no second view, or which view, asked
below which share of the page's prose, taken above which gain).  Every page is cleaned once per
variant (no fallback, and each view forced), with the sizes the choice depends on recorded; then
for each of the five site-grouped folds of ``folds.json`` the policy that scores best on the other
four folds (mean of aeb F1 and tfeval snippet F1) is applied to the fold's pages.  The out-of-fold
predictions of all five folds are pooled and scored by the benchmark's own metrics, next to
trafilatura, readability-lxml and htmldate on the same pages (their figures need no choosing, so
they are out-of-sample as they are).  Also counted: aeb pages keeping less than half of a gold
body of 100 words or more.

Honest scope: only the choices made here are out-of-fold.  The rules of the HTML and text layers
were written over earlier sessions while looking at these same development pages, so the figures
are out-of-fold for the fallback policy and in-sample for those rules (docs/benchmarks.md).

This script does NOT change the package: it reports which policy the folds chose, and the
product's ``views.FALLBACK`` is set by hand to the policy chosen on all five folds.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from pathlib import Path

from cleaner.config import DEFAULT_CONFIG
from cleaner.html.content import first_extraction, trafilatura_pieces
from cleaner.html.page import parse_page, read_page
from cleaner.html.views import VIEWS, Fallback, page_prose, second_view, size
from cleaner.pipeline import clean_blocks, page_reading

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.limits import BENCH_TIMEOUT
from bench.scoring import is_lost, snippet_counts

BENCHES = ("aeb", "tfeval")
GATES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8)
GAINS = (1.0, 1.2, 1.5, 2.0, 3.0)
FIELDS = ("text", "title", "authors", "published")


def variants(html: str) -> dict[str, object]:
    """One page cleaned with no fallback and with each view forced, and the sizes the policy reads."""
    tree, _ = parse_page(html)
    first, _ = first_extraction(tree, language=None)
    prose = sum(len(text) for text in page_prose(tree))
    sizes = {"first": size(first), "prose": prose}
    cleaned = {"none": _cleaned(html, None)}
    for view in VIEWS:
        pieces = second_view(
            tree,
            view,
            trafilatura_full=lambda fast: trafilatura_pieces(tree, fast=fast)[0],
            language=None,
            first=first,
        )
        sizes[view] = size(pieces)
        cleaned[view] = _cleaned(html, Fallback(view, gate=math.inf, gain=0.0))
    return {"sizes": sizes, "cleaned": cleaned}


def _cleaned(html: str, fallback: Fallback | None) -> dict[str, object]:
    page = read_page(html, fallback=fallback, timeout=BENCH_TIMEOUT)
    article = clean_blocks(page_reading(page), DEFAULT_CONFIG).to_dict()
    return {key: article[key] for key in FIELDS}


def compute(bench_dir: Path, cache: Path | None) -> dict[str, dict[str, dict]]:
    """Every page's variants, per benchmark (read from ``cache`` when there, written there after)."""
    found: dict[str, dict[str, dict]] = {}
    for bench in BENCHES:
        path = cache / f"{bench}.json" if cache else None
        if path and path.is_file():
            found[bench] = json.loads(path.read_text(encoding="utf-8"))
            continue
        pages = sorted((bench_dir / "data" / bench / "html").glob("*.html"))
        found[bench] = {}
        for count, page in enumerate(pages, 1):
            found[bench][page.stem] = variants(page.read_text(encoding="utf-8"))
            if count % 50 == 0:
                print(f"  {bench}: {count}/{len(pages)}", file=sys.stderr)
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(found[bench], ensure_ascii=False), encoding="utf-8")
    return found


Policy = tuple[str, float, float]  # view, gate, gain; ("none", 0, 0) is no fallback


def policies() -> list[Policy]:
    return [("none", 0.0, 0.0)] + [(v, g, k) for v, g, k in itertools.product(VIEWS, GATES, GAINS) if g > 0]


def choose_variant(page: dict, policy: Policy) -> str:
    """The variant a policy picks for a page: the forced view where it would ask and take it, else "none"."""
    view, gate, gain = policy
    sizes = page["sizes"]
    if view != "none" and sizes["first"] < gate * sizes["prose"] and sizes[view] >= gain * sizes["first"]:
        return view
    return "none"


def choose(page: dict, policy: Policy) -> dict[str, object]:
    """The page's prediction under a policy."""
    return page["cleaned"][choose_variant(page, policy)]


class Objective:
    """Mean of aeb F1 and tfeval snippet F1 over the pages of some folds, per-page counts computed once."""

    def __init__(self, evalcore: object, gold: dict, data: dict, folds: dict) -> None:
        self.evalcore, self.gold, self.data, self.folds = evalcore, gold, data, folds
        self.counts: dict[tuple[str, str, str], tuple] = {}

    def _count(self, bench: str, page_id: str, variant: str) -> tuple:
        key = (bench, page_id, variant)
        if key not in self.counts:
            text = self.data[bench][page_id]["cleaned"][variant]["text"] or ""
            gold = self.gold[bench][page_id]
            if bench == "aeb":
                self.counts[key] = self.evalcore.page_tp_fp_fn(gold["body"], text)
            else:
                self.counts[key] = snippet_counts(gold, text)
        return self.counts[key]

    def switched(self, chosen: set[int], policy: Policy) -> int:
        """How many pages of the chosen folds the policy gives another view."""
        return sum(
            choose_variant(page, policy) != "none"
            for bench in BENCHES
            for page_id, page in self.data[bench].items()
            if self.folds[bench][page_id]["fold"] in chosen
        )

    def __call__(self, chosen: set[int], policy: Policy) -> float:
        rows, snippets = [], [0, 0, 0]
        for bench in BENCHES:
            for page_id, page in self.data[bench].items():
                if self.folds[bench][page_id]["fold"] not in chosen:
                    continue
                count = self._count(bench, page_id, choose_variant(page, policy))
                if bench == "aeb":
                    rows.append(count)
                else:
                    snippets = [a + b for a, b in zip(snippets, count, strict=True)]
        f1 = self.evalcore.body_scores(rows)[2]
        tp, fp, fn = snippets
        snip = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        return (f1 + snip) / 2


TOLERANCE = 0.001  # policies this close to the best on the training folds are ties


def select(objective: Objective, candidates: list[Policy], train: set[int]) -> Policy:
    """The best policy on the training folds; among near-ties the one that switches the fewest pages.

    A conservative tie-break (as the one-standard-error rule of model selection): a policy that
    changes many pages for the same training score is more likely to have fitted them.
    """
    scores = {policy: objective(train, policy) for policy in candidates}
    best = max(scores.values())
    ties = [policy for policy in candidates if scores[policy] >= best - TOLERANCE]
    return min(ties, key=lambda policy: (objective.switched(train, policy), -scores[policy]))


def cross_validate(objective: Objective, data: dict, folds: dict) -> tuple[dict, list[Policy]]:
    """Out-of-fold predictions (each fold predicted by the policy the other four chose), and the choices."""
    predictions: dict[str, dict[str, dict]] = {bench: {} for bench in BENCHES}
    chosen: list[Policy] = []
    candidates = policies()
    for fold in range(5):
        train = {f for f in range(5) if f != fold}
        best = select(objective, candidates, train)
        chosen.append(best)
        for bench in BENCHES:
            for i, page in data[bench].items():
                if folds[bench][i]["fold"] == fold:
                    predictions[bench][i] = choose(page, best)
    return predictions, chosen


def lost_pages(evalcore: object, gold: dict, texts: dict[str, str]) -> int:
    """aeb pages keeping less than half of a gold body of at least 100 words (shingle recall < 0.5)."""
    return sum(is_lost(evalcore, gold[i]["body"], text) for i, text in texts.items())


def report(evalcore: object, gold: dict, predictions: dict) -> dict[str, float]:
    """The benchmark's metrics on pooled predictions, plus the lost-article count."""
    out: dict[str, float] = {}
    for bench in BENCHES:
        preds = {
            i: {"body": p.get("text") or "", "title": p.get("title"), "authors": p.get("authors"),
                "date": p.get("published")}
            for i, p in predictions[bench].items()
        }  # fmt: skip
        scores = evalcore.score(bench, gold[bench], preds, list(preds))
        out.update({f"{bench}:{k}": v for k, v in scores.items() if isinstance(v, float)})
    out["aeb:lost"] = lost_pages(evalcore, gold["aeb"], {i: p.get("text") or "" for i, p in predictions["aeb"].items()})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default="../shared/bench", type=Path)
    parser.add_argument("--cache", type=Path, help="folder to keep the per-page variants in (reused when present)")
    args = parser.parse_args(argv)
    if not (args.bench_dir / "folds.json").is_file():
        print(f"{args.bench_dir}: no folds.json here; pass the shared bench folder", file=sys.stderr)
        return 2
    sys.path.insert(0, str(args.bench_dir.resolve()))
    import evalcore  # the benchmark's own metrics, next to its score.py

    folds = json.loads((args.bench_dir / "folds.json").read_text(encoding="utf-8"))
    gold = {bench: evalcore.load_gold(bench) for bench in BENCHES}
    data = compute(args.bench_dir, args.cache)
    objective = Objective(evalcore, gold, data, folds)
    oof, chosen = cross_validate(objective, data, folds)
    everything = select(objective, policies(), set(range(5)))
    none = {bench: {i: page["cleaned"]["none"] for i, page in data[bench].items()} for bench in BENCHES}
    result = {
        "chosen_per_fold": chosen,
        "chosen_on_all_folds": everything,
        "out_of_fold": report(evalcore, gold, oof),
        "no_fallback": report(evalcore, gold, none),
    }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
