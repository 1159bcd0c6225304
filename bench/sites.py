"""Score the pipeline with and without a site profile on template-site corpora, out of fold by site.

    python bench/make_sites.py ../shared/bench /tmp/sites
    python bench/sites.py /tmp/sites                         # per-site table, summary, speed
    python bench/sites.py /tmp/sites --json /tmp/sites.json  # ... and every figure as JSON
    python bench/sites.py /tmp/sites --overhead              # only: CPU time clean() adds with the profile

Every page of the corpus (``make_sites``) is read and judged once by the pipeline without a profile
(``cleaner.pipeline.decide_blocks``: the block layers, before the metadata is chosen); a profile is
learned from all the corpus's pages (sites are folders, as ``clean learn`` keys files without URLs),
and applied to each page's verdicts as the pipeline applies it (``cleaner.sites.apply.apply_profile``,
the last block layer).  Bodies are scored against each page's gold with the benchmark's 4-token
shingle precision, recall and F1 (``../shared/bench/evalcore.py``), per site and per template
generation.  (The metadata chooser that runs after the block layers may still take a body line as the
title; it runs with and without a profile alike and is left out here.)

Out of fold: the parameters (``--grid``) applied to the sites made from pages of fold k are the ones that
did best on the sites of the other folds (fewest sites more than 0.005 below no profile, then the highest
mean gain on sites of 10 or more pages).  The table reports each site's F1 without and with the profile.

Speed: learning (read, segment, count, as ``clean learn`` does per document) in documents per CPU
second, and the profile layer's CPU time as a share of judging the same pages without it.
With ``--models DIR`` (the fold models of ``bench/cv_text.py --models DIR``), it scores the text
model weighing the profile's evidence instead, each site's pages with the model trained without
its fold, next to the rule-based layer over the same fold model (``bench/sitemodels.py``).

This script measures and chooses parameters out of fold; it changes nothing in the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import pickle
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import cleaner.layout.textmodel as textmodel
import cleaner.pipeline.deciding as deciding
from cleaner import clean
from cleaner.config import DEFAULT_CONFIG
from cleaner.model import Role, Verdict
from cleaner.pipeline import decide_blocks, document_texts, read_document
from cleaner.sites.apply import PageMatch, apply_profile, match_page
from cleaner.sites.profile import Parameters, Profile, ProfileLearner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.scoring import is_lost
from bench.sitemodels import VARIANTS, judge_all

TOLERANCE = 0.005
GRID = {
    "min_pages": (4, 5),
    "ratio": (0.3, 0.4),
    "prose_ratio": (0.8, 1.0),
    "marker_share": (0.6, 0.8, 2.0),
    "join": (0.3,),
}


@dataclass(frozen=True)
class Page:
    site: str
    name: str
    generation: int
    gold: str
    texts: tuple[str, ...]
    verdicts: tuple[Verdict, ...]
    seconds: float  # CPU time of judging it without a profile


def judge_page(path: Path) -> tuple[tuple[str, ...], tuple[Verdict, ...], float]:
    start = time.process_time()
    reading = read_document(path.read_text(encoding="utf-8"), format="text")
    verdicts = decide_blocks(reading, DEFAULT_CONFIG).verdicts
    return tuple(block.text for block in reading.blocks), tuple(verdicts), time.process_time() - start


def load_pages(corpus: Path, manifest: dict, jobs: int) -> list[Page]:
    items = [(site, name, info) for site in sorted(manifest) for name, info in sorted(manifest[site]["pages"].items())]
    paths = [corpus / site / name for site, name, _ in items]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        judged = list(pool.map(judge_page, paths, chunksize=16))
    return [
        Page(site, name, info["generation"], info["gold"], texts, verdicts, seconds)
        for (site, name, info), (texts, verdicts, seconds) in zip(items, judged, strict=True)
    ]


def with_profile(page: Page, profile: Profile) -> list[Verdict]:
    """The page's verdicts with its site's profile applied, as the pipeline applies it (the last block layer)."""
    return apply_profile(
        list(page.verdicts), match_page([verdict.text for verdict in page.verdicts], profile.site(page.site))
    )


def body_of(verdicts: Sequence[Verdict]) -> str:
    return "\n".join(verdict.text for verdict in verdicts if verdict.role is Role.BODY)


def learn(pages: Sequence[Page], parameters: Parameters) -> Profile:
    learner = ProfileLearner(parameters)
    for page in pages:
        learner.add(page.site, page.texts)
    return learner.profile()


@dataclass(frozen=True)
class Scored:
    """Per page: (tp, fp, fn) without and with the profile, and whether it kept half of a long gold body."""

    without: tuple[float, float, float]
    with_profile: tuple[float, float, float]
    lost_without: bool
    lost_with: bool


def score_pages(evalcore, pages: Sequence[Page], profile: Profile, memo: dict) -> dict[tuple[str, str], Scored]:
    """Each page scored without and with the profile; ``memo`` keeps the scores of each body seen (the
    candidates of the grid mostly give the same body)."""
    scored = {}
    for page in pages:
        ident = page.site, page.name
        plain = body_of(page.verdicts)
        applied = body_of(with_profile(page, profile))
        for body in (plain, applied):
            if (ident, body) not in memo:
                memo[ident, body] = (evalcore.page_tp_fp_fn(page.gold, body), is_lost(evalcore, page.gold, body))
        (rows, was_lost), (rows_with, lost_with) = memo[ident, plain], memo[ident, applied]
        scored[ident] = Scored(rows, rows_with, was_lost, lost_with)
    return scored


def f1(evalcore, rows: Sequence[tuple[float, float, float]]) -> float:
    return evalcore.body_scores(list(rows))[2]


@dataclass(frozen=True)
class Group:
    """A site, or one template generation of a redesigned site: its pages and fold."""

    name: str
    site: str
    fold: int
    type: str
    pages: tuple[str, ...]


def groups(manifest: dict) -> list[Group]:
    found = []
    for site in sorted(manifest):
        info = manifest[site]
        names = tuple(sorted(info["pages"]))
        found.append(Group(site, site, info["fold"], info["type"], names))
        generations = sorted({page["generation"] for page in info["pages"].values()})
        for generation in generations if len(generations) > 1 else ():
            chosen = tuple(n for n in names if info["pages"][n]["generation"] == generation)
            found.append(Group(f"{site}#{generation + 1}", site, info["fold"], "generation", chosen))
    return found


def deltas(evalcore, group: Group, scored: dict[tuple[str, str], Scored]) -> tuple[float, float]:
    rows = [scored[group.site, name] for name in group.pages]
    return f1(evalcore, [r.without for r in rows]), f1(evalcore, [r.with_profile for r in rows])


def choose(evalcore, candidates: dict[Parameters, dict], found: Sequence[Group], fold: int) -> Parameters:
    """The parameters with the fewest groups of other folds losing more than TOLERANCE, then the best gain."""

    def merit(parameters: Parameters) -> tuple[int, float]:
        scored = candidates[parameters]
        others = [g for g in found if g.fold != fold]
        pairs = [deltas(evalcore, g, scored) for g in others]
        losing = sum(1 for without, with_ in pairs if with_ < without - TOLERANCE)
        big = [with_ - without for g, (without, with_) in zip(others, pairs, strict=True) if _big(g)]
        return losing, -(statistics.mean(big) if big else 0.0)

    return min(candidates, key=lambda p: (*merit(p), json.dumps(p.to_dict(), sort_keys=True)))


def _big(group: Group) -> bool:
    return group.type in ("regular", "redesign") and len(group.pages) >= 10


def grid(args: argparse.Namespace) -> list[Parameters]:
    values = json.loads(args.grid) if args.grid else GRID
    names = sorted(values)
    return [
        Parameters(**dict(zip(names, combo, strict=True))) for combo in itertools.product(*(values[n] for n in names))
    ]


def evaluate(evalcore, pages: Sequence[Page], manifest: dict, args: argparse.Namespace) -> dict:
    candidates: dict[Parameters, dict] = {}
    learned: dict[float, Profile] = {}
    memo: dict = {}
    for parameters in grid(args):
        profile = learned.get(parameters.join) or learn(pages, parameters)
        learned[parameters.join] = profile
        candidates[parameters] = score_pages(evalcore, pages, profile.with_parameters(parameters), memo)
    found = groups(manifest)
    chosen = {fold: choose(evalcore, candidates, found, fold) for fold in range(5)}
    chosen["all"] = choose(evalcore, candidates, found, -1)  # the product's defaults: chosen on every fold
    rows = []
    for group in found:
        scored = candidates[chosen[group.fold]]
        without, with_ = deltas(evalcore, group, scored)
        rows.append({"group": group.name, "type": group.type, "fold": group.fold, "pages": len(group.pages),
                     "without": without, "with": with_, "delta": with_ - without})  # fmt: skip
    final = {(p.site, p.name): candidates[chosen[manifest[p.site]["fold"]]][p.site, p.name] for p in pages}
    return {"chosen": {fold: p.to_dict() for fold, p in chosen.items()}, "rows": rows, "pages": final}


def learning_speed(corpus: Path, manifest: dict, parameters: Parameters, rounds: int = 3) -> dict:
    """Documents per CPU second of learning as ``clean learn`` does it: read, segment, count."""
    texts = [
        (site, (corpus / site / name).read_bytes())
        for site in sorted(manifest)
        for name in sorted(manifest[site]["pages"])
    ]
    start = time.process_time()
    for _ in range(rounds):
        learner = ProfileLearner(parameters)
        for site, raw in texts:
            learner.add(site, document_texts(raw, format="text")[0])
    seconds = time.process_time() - start
    return {"documents": len(texts) * rounds, "cpu_seconds": seconds, "per_second": len(texts) * rounds / seconds}


def applying_share(corpus: Path, pages: Sequence[Page], profile: Profile, sample: int = 400) -> dict:
    """CPU time of the profile layer against cleaning the same pages without it, timed page by page in turn
    (so that the load of a shared machine weighs on both alike), over every ``len // sample``-th page."""
    step = max(1, len(pages) // sample)
    cleaning = applying = 0.0
    for page in pages[::step]:
        text = (corpus / page.site / page.name).read_text(encoding="utf-8")
        start = time.process_time()
        clean(text, format="text")
        middle = time.process_time()
        with_profile(page, profile)
        applying += time.process_time() - middle
        cleaning += middle - start
    return {"pages": len(pages[::step]), "apply_cpu_seconds": applying, "clean_cpu_seconds": cleaning,
            "share": applying / cleaning}  # fmt: skip


def profile_overhead(corpus: Path, manifest: dict, every: int = 4, rounds: int = 2) -> dict:
    """CPU time of ``clean`` with the profile against without it (the shipped model), on every ``every``-th page,
    ``rounds`` times, the order alternating page by page so that warm caches favour neither; and how much of it
    the profile's own steps take (``timed_profile_steps``): the rest is the text model judging with the evidence.
    The text model's remembered page judgements (``textmodel._judged``) are forgotten before each call: the two
    calls read the same page, and one would otherwise find readings of the other's remembered (a page is
    cleaned once, with a profile or without)."""
    paths = [corpus / site / name for site in sorted(manifest) for name in sorted(manifest[site]["pages"])]
    learner = ProfileLearner(Parameters())
    for path in paths:
        learner.add(path.parent.name, document_texts(path.read_bytes(), format="text")[0])
    profile = learner.profile()
    sample = [(path.parent.name, path.read_text(encoding="utf-8")) for path in paths[::every]]
    for site, text in sample[:3]:  # loading the models and warming caches is charged to neither
        clean(text, format="text", profile=profile, site=site)
        clean(text, format="text", site=site)
    seconds, steps = {False: 0.0, True: 0.0}, {}
    with timed_profile_steps(steps):
        for round_ in range(rounds):
            for number, (site, text) in enumerate(sample):
                for with_profile in (False, True) if (number + round_) % 2 else (True, False):
                    textmodel._judged.cache_clear()
                    start = time.process_time()
                    clean(text, format="text", profile=profile if with_profile else None, site=site)
                    seconds[with_profile] += time.process_time() - start
    plain = seconds[False]
    return {"pages": len(sample), "rounds": rounds, "clean_cpu_seconds": plain,
            "with_profile_cpu_seconds": seconds[True], "overhead": seconds[True] / plain - 1,
            "profile_steps_cpu_seconds": steps, "profile_steps_share": sum(steps.values()) / plain}  # fmt: skip


PROFILE_STEPS = ("match_page", "credit_profile", "apply_profile")  # the pipeline's calls (cleaner.pipeline.deciding)


@contextlib.contextmanager
def timed_profile_steps(seconds: dict[str, float]) -> Iterator[dict[str, float]]:
    """Add to ``seconds`` the CPU time of the profile's own steps in ``clean``: the pipeline's ``match_page``,
    ``credit_profile`` and ``apply_profile``, and ``PageMatch.repetition`` (the evidence the text model asks for).
    The functions are wrapped while the block runs, and restored after."""
    targets = [(deciding, name) for name in PROFILE_STEPS] + [(PageMatch, "repetition")]
    originals = [getattr(owner, name) for owner, name in targets]

    def timer(function, name: str):
        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[name] = seconds.get(name, 0.0) + time.process_time() - start

        return timed

    for (owner, name), function in zip(targets, originals, strict=True):
        setattr(owner, name, timer(function, name))
    try:
        yield seconds
    finally:
        for (owner, name), function in zip(targets, originals, strict=True):
            setattr(owner, name, function)


def summary(rows: Sequence[dict], scored: dict[tuple[str, str], Scored], evalcore) -> dict:
    def part(chosen: list[dict]) -> dict:
        if not chosen:
            return {}
        return {
            "groups": len(chosen),
            "without": statistics.mean(r["without"] for r in chosen),
            "with": statistics.mean(r["with"] for r in chosen),
            "mean_delta": statistics.mean(r["delta"] for r in chosen),
            "min_delta": min(r["delta"] for r in chosen),
            "below_tolerance": sum(1 for r in chosen if r["delta"] < -TOLERANCE),
        }

    sites = [r for r in rows if r["type"] != "generation"]
    values = list(scored.values())
    return {
        "sites of 10+ pages": part([r for r in sites if r["type"] in ("regular", "redesign") and r["pages"] >= 10]),
        "regular": part([r for r in sites if r["type"] == "regular"]),
        "redesign": part([r for r in sites if r["type"] == "redesign"]),
        "generations": part([r for r in rows if r["type"] == "generation"]),
        "small (2-6 pages)": part([r for r in sites if r["type"] == "small"]),
        "single page": part([r for r in sites if r["type"] == "single"]),
        "all sites": part(sites),
        "pooled pages F1": {
            "without": f1(evalcore, [s.without for s in values]),
            "with": f1(evalcore, [s.with_profile for s in values]),
        },
        "pages keeping < half of a gold body of >= 100 words": {
            "without": sum(s.lost_without for s in values),
            "with": sum(s.lost_with for s in values),
        },
    }


def print_report(result: dict, out=sys.stdout) -> None:
    print(f"{'group':34} {'type':10} {'fold':>4} {'pages':>5} {'without':>8} {'with':>8} {'delta':>8}", file=out)
    for row in result["rows"]:
        mark = "  <--" if row["delta"] < -TOLERANCE else ""
        print(
            f"{row['group']:34} {row['type']:10} {row['fold']:>4} {row['pages']:>5} "
            f"{row['without']:8.4f} {row['with']:8.4f} {row['delta']:+8.4f}{mark}",
            file=out,
        )
    print("\nparameters chosen per fold (on the other folds):", file=out)
    for fold, parameters in result["chosen"].items():
        print(f"  fold {fold}: {parameters}", file=out)
    print("\nsummary:", file=out)
    for name, values in result["summary"].items():
        shown = ", ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in values.items())
        print(f"  {name}: {shown}", file=out)
    for name in ("learning", "applying"):
        if name in result:
            print(f"  {name}: {result[name]}", file=out)


def show(pages: Sequence[Page], site: str, parameters: Parameters) -> None:
    """The lines the profile removed on each page of ``site``, marked ``GOLD`` when the gold body holds them."""
    profile = learn(pages, parameters)
    for page in (page for page in pages if page.site == site):
        print(f"--- {page.name} (generation {page.generation + 1})")
        for verdict in with_profile(page, profile):
            if verdict.layer == "profile":
                gold = "GOLD" if verdict.text in page.gold else "    "
                print(f"  {gold} {verdict.role:9} [{verdict.rule}] {verdict.text[:100]}")


def with_models(evalcore, corpus: Path, manifest: dict, models: Path, jobs: int) -> dict:
    """The rules and the text model weighing the profile, each against no profile, with the fold models."""
    paths = [corpus / site / name for site in sorted(manifest) for name in sorted(manifest[site]["pages"])]
    learner = ProfileLearner(Parameters())
    for path in paths:
        learner.add(path.parent.name, document_texts(path.read_bytes(), format="text")[0])
    judged = judge_all(corpus, manifest, learner.profile(), models, jobs)
    per_page = {}
    for page in judged:
        gold = manifest[page.site]["pages"][page.name]["gold"]
        per_page[page.site, page.name] = {
            variant: (evalcore.page_tp_fp_fn(gold, body), is_lost(evalcore, gold, body))
            for variant, body in page.bodies.items()
        }
    found = groups(manifest)
    result: dict = {}
    for variant in VARIANTS[1:]:
        scored = {
            ident: Scored(per["without"][0], per[variant][0], per["without"][1], per[variant][1])
            for ident, per in per_page.items()
        }
        rows = []
        for group in found:
            without, with_ = deltas(evalcore, group, scored)
            rows.append({"group": group.name, "type": group.type, "fold": group.fold, "pages": len(group.pages),
                         "without": without, "with": with_, "delta": with_ - without})  # fmt: skip
        result[variant] = {"rows": rows, "summary": summary(rows, scored, evalcore)}
    timed = [page.seconds for page in judged if page.seconds]
    plain, weighed = sum(t[0] for t in timed), sum(t[1] for t in timed)
    result["speed"] = {"pages": len(timed), "clean_cpu_seconds": plain, "with_profile_cpu_seconds": weighed,
                       "overhead": weighed / plain - 1}  # fmt: skip
    result["credited"] = sum(page.credited for page in judged)
    return result


def print_models(result: dict, out=sys.stdout) -> None:
    print(f"{'group':34} {'type':10} {'fold':>4} {'pages':>5} {'without':>8} "
          + " ".join(f"{v:>8}" for v in VARIANTS[1:]), file=out)  # fmt: skip
    for rows in zip(*(result[variant]["rows"] for variant in VARIANTS[1:]), strict=True):
        row = rows[0]
        mark = "  <-- model" if rows[1]["delta"] < -TOLERANCE else ""
        print(f"{row['group']:34} {row['type']:10} {row['fold']:>4} {row['pages']:>5} {row['without']:8.4f} "
              + " ".join(f"{r['with']:8.4f}" for r in rows) + mark, file=out)  # fmt: skip
    for variant in VARIANTS[1:]:
        print(f"\nsummary, {variant} against no profile (fold models):", file=out)
        for name, values in result[variant]["summary"].items():
            shown = ", ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in values.items())
            print(f"  {name}: {shown}", file=out)
    print(f"\nremovals credited to the profile: {result['credited']}", file=out)
    print(f"speed: {result['speed']}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder written by bench/make_sites.py")
    parser.add_argument("--bench", type=Path, default=Path("../shared/bench"), help="for evalcore.py")
    parser.add_argument("--grid", help='parameter grid as JSON, e.g. \'{"ratio": [0.5], "min_pages": [5]}\'')
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurements")
    parser.add_argument("--speed-only", action="store_true", help="only the speed measurements (default parameters)")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--show", metavar="SITE", help="print the lines the profile removed on SITE's pages")
    parser.add_argument("--cache", type=Path, help="keep the judged pages in this file (pickle) for the next run")
    parser.add_argument("--models", type=Path, help="fold models (bench/cv_text.py --models): the text model path")
    parser.add_argument("--overhead", action="store_true", help="only the time clean() adds with the profile")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.bench.resolve()))
    import evalcore

    manifest = json.loads((args.corpus / "gold.json").read_text(encoding="utf-8"))
    if args.overhead:
        print(json.dumps(profile_overhead(args.corpus, manifest), indent=1))
        return 0
    if args.models:
        result = with_models(evalcore, args.corpus, manifest, args.models, args.jobs)
        print_models(result)
        if args.json:
            args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
        return 0
    if args.cache and args.cache.is_file():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = load_pages(args.corpus, manifest, args.jobs)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    if args.speed_only:
        parameters = Parameters()
        speed = {"learning": learning_speed(args.corpus, manifest, parameters)}
        speed["applying"] = applying_share(args.corpus, pages, learn(pages, parameters))
        print(json.dumps(speed, indent=1))
        return 0
    result = evaluate(evalcore, pages, manifest, args)
    result["summary"] = summary(result["rows"], result.pop("pages"), evalcore)
    if not args.no_speed:
        parameters = Parameters(**result["chosen"]["all"])
        result["learning"] = learning_speed(args.corpus, manifest, parameters)
        result["applying"] = applying_share(args.corpus, pages, learn(pages, parameters))
    print_report(result)
    if args.show:
        show(pages, args.show, Parameters(**result["chosen"][manifest[args.show]["fold"]]))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
