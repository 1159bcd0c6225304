"""Benchmark site profiles: quality on the bench pages, and speed and size on 10,000 documents.

    python bench/corpus.py ../shared/bench                    # both parts (about 5 minutes on 2 cores)
    python bench/corpus.py ../shared/bench --part quality     # F1 with and without a learned profile
    python bench/corpus.py ../shared/bench --part speed --documents 10000

Quality: for each benchmark (aeb, tfeval) the text inputs (default: trafilatura's output) are
cleaned without a profile, then a profile is learned over the whole folder and every page is
cleaned again with it; both sets of predictions are scored by the benchmark's own
``score.py``.  Sites are taken two ways: the folder (all pages of a benchmark are one "site",
what ``clean learn FOLDER`` does on text files without URLs), and the page's own URL (its
canonical link or ``og:url``, read from the HTML page the text came from, as a user who kept the
pages would have it).  Gold fields are never given to the cleaner.

Speed: 10,000 documents are built from the bench text pages, each page repeated and varied
(a paragraph dropped, a date line changed) and placed in one of 100 synthetic sites whose pages
carry that site's furniture (a slogan, a box, a footer, a list of other headlines).  Learning is
timed over the whole stream with checkpoints (documents per second in each slice shows it is
linear), then the profile layer alone, then the whole pipeline with and without the profile on a
sample.  The profile's size (keys kept, learned blocks, JSON bytes) is printed at each checkpoint.

This script measures; it tunes nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import load_inputs, score

from cleaner import clean
from cleaner.config import DEFAULT_CONFIG as _CONFIG
from cleaner.corpus.twopass import count_document, learn_profile
from cleaner.html.meta import page_metadata
from cleaner.html.page import parse_page
from cleaner.io.records import Document
from cleaner.pipeline import read_document, rule_verdicts
from cleaner.sites.profile import Profile, ProfileLearner, apply_profile
from cleaner.sites.store import profile_json

BENCHES = ("aeb", "tfeval")


# ----------------------------------------------------------------- quality


def page_urls(bench_dir: Path, bench: str, ids: list[str]) -> dict[str, str | None]:
    """Each page's own URL (canonical link or og:url) from its HTML, when it states one."""
    urls: dict[str, str | None] = {}
    for page_id in ids:
        path = bench_dir / "data" / bench / "html" / f"{page_id}.html"
        try:
            tree, jsonld = parse_page(path.read_text(encoding="utf-8", errors="replace"))
            urls[page_id] = page_metadata(tree, jsonld=jsonld).url
        except (OSError, ValueError):
            urls[page_id] = None
    return urls


def clean_all(
    inputs: dict[str, str], out: Path, profile: Profile | None, urls: dict[str, str | None], site: str | None
) -> float:
    """Clean every text page into ``out/<id>.json``; returns the seconds spent cleaning."""
    out.mkdir(parents=True, exist_ok=True)
    spent = 0.0
    for page_id, text in inputs.items():
        start = time.perf_counter()
        article = clean(text, format="text", url=urls.get(page_id), profile=profile, site=site)
        spent += time.perf_counter() - start
        (out / f"{page_id}.json").write_text(json.dumps(article.to_dict(), ensure_ascii=False), encoding="utf-8")
    return spent


def profile_removals(out: Path) -> list[str]:
    """The texts the profile layer removed, over all predictions in ``out``."""
    removed = []
    for path in sorted(out.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        removed += [item["text"] for item in data["removed"] if item["layer"] == "profile"]
    return removed


def quality(bench_dir: Path, source: str, work: Path) -> None:
    print(f"## Quality: text inputs from {source}, cleaned without and with a learned profile\n")
    print("| bench | sites from | sites | learned blocks | blocks removed by profile | F1 without | F1 with |")
    print("|---|---|---|---|---|---|---|")
    for bench in BENCHES:
        inputs = load_inputs(bench_dir / "data" / "text" / bench / source, ".txt")
        urls = page_urls(bench_dir, bench, list(inputs))
        metric = "f1" if bench == "aeb" else "snip_f1"
        clean_all(inputs, work / bench / "none", None, {}, None)
        baseline = score(bench_dir, bench, work / bench / "none")[metric]
        for how, known, site in (("folder", {}, source), ("page URL", urls, None)):
            documents = [Document(id=i, content=t, format="text", url=known.get(i)) for i, t in inputs.items()]
            profile = learn_profile(documents, site=site)
            out = work / bench / how.replace(" ", "-")
            clean_all(inputs, out, profile, known, site)
            removed = profile_removals(out)
            with_profile = score(bench_dir, bench, out)[metric]
            print(
                f"| {bench} | {how} ({sum(1 for u in known.values() if u)} URLs) | {len(profile.sites)} "
                f"| {profile.learned_count} | {len(removed)} "
                f"| {baseline:.4f} | {with_profile:.4f} |"
            )
            for text in sorted(set(removed))[:10]:
                print(f"|  | removed: {text[:80]!r} | | | | | |")
    print()


# ----------------------------------------------------------------- speed


@dataclass(frozen=True, slots=True)
class Synthetic:
    """One generated document: its text, its site, and the furniture lines its site added."""

    text: str
    site: str
    furniture: frozenset[str]


def synthetic_corpus(pages: list[str], count: int, sites: int, seed: int = 7) -> Iterator[Synthetic]:
    """``count`` documents: bench pages repeated and varied, spread over ``sites`` sites with furniture."""
    rng = random.Random(seed)
    headlines = [page.strip().split("\n", 1)[0][:90] for page in pages]
    for index in range(count):
        site = f"site{index % sites:03d}"
        lines = [line for line in pages[index % len(pages)].split("\n") if line.strip()]
        if len(lines) > 4:
            del lines[rng.randrange(1, len(lines))]  # drop one paragraph, never the first
        day = rng.randrange(1, 28)
        head = [f"The {site.title()} Courier, independent since 19{index % sites:02d}", f"Updated {day} March 2024"]
        box = f"Every Tuesday the {site} letter brings the week's stories to readers who asked for it at our desk."
        others = rng.sample(headlines, 3)
        tail = [f"More from the {site} desk", *others, f"{site} Publishing, printed in town."]
        yield Synthetic("\n".join([*head, *lines[:2], box, *lines[2:], *tail]), site, frozenset([*head, box, *tail]))


def speed(bench_dir: Path, count: int, sample: int) -> None:
    folders = [bench_dir / "data" / "text" / bench / "trafilatura" for bench in BENCHES]
    pages = [text for folder in folders for text in load_inputs(folder, ".txt").values()]
    corpus = list(synthetic_corpus(pages, count, sites=100))
    print(f"## Speed: {count} documents from {len(pages)} bench pages, 100 sites\n")
    print(
        "| documents learned | slice docs/s (CPU) | slice docs/s (wall) | keys kept | most keys so far "
        "| learned blocks | JSON bytes |"
    )
    print("|---|---|---|---|---|---|---|")
    learner = ProfileLearner()
    checkpoints = sorted({count // 10, count // 4, count // 2, count})
    done, cpu, wall, total_cpu, total_wall, peak = 0, time.process_time(), time.perf_counter(), 0.0, 0.0, 0
    for position, item in enumerate(corpus, 1):
        document = Document(id=str(position), content=item.text, format="text")
        count_document(document, config=_CONFIG, site=item.site).add_to(learner)
        peak = max(peak, sum(len(counts) for counts in learner.counts.values()))
        if position in checkpoints:
            slice_cpu, slice_wall = time.process_time() - cpu, time.perf_counter() - wall
            total_cpu, total_wall = total_cpu + slice_cpu, total_wall + slice_wall
            profile = learner.profile()
            keys = sum(len(counts) for counts in learner.counts.values())
            print(
                f"| {position} | {(position - done) / slice_cpu:.0f} | {(position - done) / slice_wall:.0f} | {keys} "
                f"| {peak} | {profile.learned_count} | {len(profile_json(profile).encode())} |"
            )
            done, cpu, wall = position, time.process_time(), time.perf_counter()
    print(
        f"\nlearning: {count} documents in {total_cpu:.1f} CPU s ({total_wall:.1f} s wall) = "
        f"{count / total_cpu:.0f} documents per CPU second\n"
    )
    profile = learner.profile()
    _apply_speed(corpus, profile)
    _pipeline_speed(corpus[:sample], profile)


def _apply_speed(corpus: list[Synthetic], profile: Profile) -> None:
    """The profile layer alone, on verdicts prepared beforehand (untimed)."""
    prepared = []
    for item in corpus:
        blocks = read_document(item.text, format="text", config=_CONFIG).blocks
        prepared.append((rule_verdicts(blocks, _CONFIG)[0], profile.site(item.site)))
    start = time.process_time()
    applied = [apply_profile(verdicts, site) for verdicts, site in prepared]
    elapsed = time.process_time() - start
    removed = [
        (v.text, item) for verdicts, item in zip(applied, corpus, strict=True) for v in verdicts if v.layer == "profile"
    ]
    strays = sorted({text for text, item in removed if text not in item.furniture})
    print(
        f"profile layer alone: {len(prepared)} documents in {elapsed:.2f} CPU s = {len(prepared) / elapsed:.0f} "
        f"documents per CPU second ({len(removed)} blocks removed, {len(removed) / len(prepared):.2f} per document; "
        f"{len(strays)} distinct removed texts are not the site's furniture{': ' if strays else ''}"
        f"{'; '.join(repr(text[:60]) for text in strays[:5])})\n"
    )


def _pipeline_speed(sample: list[Synthetic], profile: Profile) -> None:
    """The whole pipeline on a sample, with and without the profile."""
    timings = {}
    for label, used in (("without profile", None), ("with profile", profile)):
        start = time.process_time()
        for item in sample:
            clean(item.text, format="text", profile=used, site=item.site)
        timings[label] = time.process_time() - start
    print(
        " ; ".join(
            f"whole pipeline {label}: {len(sample) / seconds:.0f} documents per CPU second"
            for label, seconds in timings.items()
        )
        + f" (sample of {len(sample)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path, nargs="?", default=Path("../shared/bench"), help="the shared bench folder")
    parser.add_argument("--part", choices=("quality", "speed", "both"), default="both")
    parser.add_argument("--source", default="trafilatura", help="text inputs for quality (default: trafilatura)")
    parser.add_argument("--documents", type=int, default=10_000, help="documents for the speed part")
    parser.add_argument("--sample", type=int, default=1_000, help="documents for the whole-pipeline timing")
    args = parser.parse_args(argv)
    if not (args.bench / "score.py").is_file():
        print(f"bench/corpus.py: error: {args.bench} is not the shared bench folder (no score.py)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="cleaner-corpus-bench-") as work:
        if args.part in ("quality", "both"):
            quality(args.bench, args.source, Path(work))
        if args.part in ("speed", "both"):
            speed(args.bench, args.documents, args.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
