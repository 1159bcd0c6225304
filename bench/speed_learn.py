"""Where ``clean learn``'s CPU time goes: the command's own calls on a corpus, each step timed in one process.

    python bench/speed_learn.py SITES                # a template corpus of bench/make_sites.py, best of three
    python bench/speed_learn.py SITES --rounds 5

Each round learns the whole corpus as ``clean learn SITES --jobs 1`` does, in input order: finding the files
(``Finder``), reading them (``read_article``), reading each document for learning (``count_document``: decoding,
choosing the path, normalising, segmenting, the site), folding its lines into keys (the learner's
``RememberedKeys``) and counting them (the rest of ``ProfileLearner.add``: the generation, the copy test, the
markers, the counts), making the profile and writing its file (into a temporary folder, then removed).  The heap is
settled after the first document, as the command's serial executor does.  Each step is timed with
``time.process_time`` around its calls, so a step's figure is comparable across rounds and checkouts run the same
way; whole runs add the start (``python -c "import cleaner.cli.main, cleaner.cli.learn"``) and each document's
time limit (``errors.Alarm``: one timer call on entering and one on leaving, about 3 µs a document), which this
leaves out.

The table gives each step's best round, its share of the best rounds' sum, and the documents per CPU second of
the learning steps (reading the files to counting) and of all steps.  At a load of 3-7, rounds of the same code
vary by a tenth; alternate two checkouts (``PYTHONPATH=CHECKOUT``) round by round to compare them.

This script measures; it changes nothing and reads no gold.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from cleaner.config import DEFAULT_CONFIG
from cleaner.corpus.learning import count_document
from cleaner.io.files import AtomicFile, Finder, read_article, source_format
from cleaner.io.records import Document
from cleaner.run.executor import settle_heap
from cleaner.sites.profile import ProfileLearner
from cleaner.sites.store import write_profile

STEPS = (
    "finding the files",
    "reading the files",
    "reading the documents",
    "keying",
    "counting",
    "the profile",
    "writing it",
)
LEARNING = STEPS[1:5]


def one_round(corpus: Path) -> tuple[dict[str, float], int]:
    """Each step's CPU seconds over the corpus, and the number of documents learned from."""
    clock = time.process_time
    spent = dict.fromkeys(STEPS, 0.0)
    start = clock()
    found = [item.path for item in Finder(DEFAULT_CONFIG.include, DEFAULT_CONFIG.exclude).find([corpus]) if item.usable]
    spent["finding the files"] = clock() - start
    learner = ProfileLearner()
    folding = learner.remembered.keys

    def keys(texts: Sequence[str]) -> list[str]:
        begun = clock()
        folded = folding(texts)
        spent["keying"] += clock() - begun
        return folded

    learner.remembered.keys = keys  # type: ignore[method-assign]
    for number, path in enumerate(found):
        if number == 1:
            settle_heap()
        begun = clock()
        raw = read_article(path, DEFAULT_CONFIG.max_bytes)
        read = clock()
        document = Document(id=str(path), content=raw, format=source_format(path), source=str(path))
        counted = count_document(document, config=DEFAULT_CONFIG)
        added = clock()
        counted.add_to(learner)
        spent["reading the files"] += read - begun
        spent["reading the documents"] += added - read
        spent["counting"] += clock() - added
    spent["counting"] -= spent["keying"]  # the keys were folded inside ``add``
    return _profile_and_file(learner, spent), len(found)


def _profile_and_file(learner: ProfileLearner, spent: dict[str, float]) -> dict[str, float]:
    """``spent`` with the profile made and its file written into a temporary folder (as ``clean learn`` does)."""
    clock = time.process_time
    begun = clock()
    profile = learner.profile(snapshot=False)
    made = clock()
    with tempfile.TemporaryDirectory() as folder:
        target = AtomicFile(Path(folder) / "profile.json")
        write_profile(profile, target)
        target.commit()
    spent["the profile"], spent["writing it"] = made - begun, clock() - made
    return spent


def table(rounds: list[dict[str, float]], documents: int) -> list[str]:
    """The best round of each step, its share of their sum, and documents per CPU second."""
    best = {step: min(spent[step] for spent in rounds) for step in STEPS}
    total = sum(best.values())
    lines = ["| step | CPU s (best round) | share |", "|---|---|---|"]
    lines += [f"| {step} | {seconds:.3f} | {seconds / total:.1%} |" for step, seconds in best.items()]
    learning = sum(best[step] for step in LEARNING)
    lines.append(f"| all steps | {total:.3f} | {documents / total:,.0f} documents per CPU second |")
    lines.append(
        f"| learning (reading the files to counting) | {learning:.3f} | {documents / learning:,.0f} a second |"
    )
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("corpus", type=Path, help="a folder of documents (a template corpus of bench/make_sites.py)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (each step's best is reported)")
    args = parser.parse_args(argv)
    rounds = []
    documents = 0
    for number in range(args.rounds):
        spent, documents = one_round(args.corpus)
        rounds.append(spent)
        print(f"round {number + 1}: {sum(spent.values()):.3f} CPU s for {documents:,} documents", flush=True)
    print("\n".join(table(rounds, documents)))


if __name__ == "__main__":
    main()
