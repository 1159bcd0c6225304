"""Training and validation data for the metadata chooser, built from ../shared/bench alone.

    from bench.metadata_data import build
    data = build(Path("../shared/bench"), kinds=("bs4", "inscriptis"))

Every tfeval page (the benchmark with author, date and title gold) is read in each input kind the
product meets: a naive page dump (``bs4``, ``inscriptis``), a hard-wrapped dump (``wrapped``: the
bs4 dump wrapped at 60-80 columns, the width fixed per page by a hash of its id) and an
extractor's output (``trafilatura``, ``readability``).  The real pipeline decides its blocks
(``cleaner.pipeline.decide_blocks``) and lists the metadata candidates with their features
(``cleaner.metadata.candidates``), exactly as ``clean()`` does.  A candidate is labelled 1 when
its value equals the gold as the benchmark's scorer compares them (title case-folded, date's
day, authors as a set of case-folded names), else 0.  Pages without gold for a field give no
rows for it.

Nothing here writes into the repository or the bench folder, and nothing is tuned here.
"""

from __future__ import annotations

import hashlib
import json
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

import numpy as np

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.errors import CleanError
from cleaner.lexicon import day_first
from cleaner.metadata.authorlines import without_label
from cleaner.metadata.candidates import FIELDS, candidates
from cleaner.metadata.names import names_no_person
from cleaner.pipeline import decide_blocks, read_document
from cleaner.pipeline.deciding import Decided

KINDS = ("bs4", "inscriptis", "wrapped", "trafilatura", "readability")
BENCH = "tfeval"
GOLD_KEYS = {"title": "title", "date": "date", "authors": "author"}


@dataclass
class FieldRows:
    """One field's candidate rows: features, labels, and the document (page, kind) each belongs to."""

    features: list[list[float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    reported: list[int] = field(default_factory=list)  # 1 where choosing the row makes the field right as reported
    with_gold: list[int] = field(default_factory=list)  # the documents whose page has gold for the field
    without: list[int] = field(default_factory=list)  # the documents whose page states there is none (author "")


@dataclass
class Data:
    """The rows of every field, and per document its page, kind and fold."""

    rows: dict[str, FieldRows]
    documents: list[tuple[str, str, int]]  # (page, kind, fold)

    def arrays(self, field_name: str, folds: set[int]) -> tuple[np.ndarray, np.ndarray]:
        rows = self.rows[field_name]
        keep = [i for i, doc in enumerate(rows.documents) if self.documents[doc][2] in folds]
        return np.asarray([rows.features[i] for i in keep]), np.asarray([rows.labels[i] for i in keep])

    def queries(self, field_name: str, folds: set[int]) -> list[int]:
        """How many of ``arrays``' rows each document holds, in their order (a ranking model's queries)."""
        documents = [doc for doc in self.rows[field_name].documents if self.documents[doc][2] in folds]
        return [len(list(group)) for _, group in groupby(documents)]


def scorer(bench_dir: Path):
    """The benchmark's own normalisation (``evalcore``), so labels agree with ``score.py``."""
    sys.path.insert(0, str(bench_dir))
    import evalcore

    return evalcore


def wrap_width(page: str) -> int:
    return 60 + int(hashlib.sha1(page.encode()).hexdigest(), 16) % 21


def input_text(bench_dir: Path, kind: str, page: str) -> str | None:
    """The page in one input kind; ``wrapped`` is the bs4 dump hard-wrapped."""
    source = "bs4" if kind == "wrapped" else kind
    path = bench_dir / "data" / "text" / BENCH / source / f"{page}.txt"
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    if kind != "wrapped":
        return text
    width = wrap_width(page)
    return "\n".join(textwrap.fill(line, width) if line.strip() else "" for line in text.split("\n"))


def gold_of(bench_dir: Path) -> dict[str, dict]:
    return json.loads((bench_dir / "data" / BENCH / "gold.json").read_text(encoding="utf-8"))


def folds_of(bench_dir: Path) -> dict[str, int]:
    assignment = json.loads((bench_dir / "folds.json").read_text(encoding="utf-8"))[BENCH]
    return {page: where["fold"] for page, where in assignment.items()}


def sites_of(bench_dir: Path) -> dict[str, str]:
    """Each tfeval page's site (``folds.json``: the domain its folds are grouped by)."""
    assignment = json.loads((bench_dir / "folds.json").read_text(encoding="utf-8"))[BENCH]
    return {page: where["site"] for page, where in assignment.items()}


def matches(evalcore, field_name: str, value, gold: dict) -> bool:
    """Whether a candidate's value is the gold one, compared as the scorer compares."""
    if field_name == "title":
        return evalcore.norm_title(value) == evalcore.norm_title(gold.get("title"))
    if field_name == "date":
        return evalcore.norm_date(value) == evalcore.norm_date(gold.get("date"))
    return evalcore.norm_authors(list(value)) == evalcore.norm_authors(gold.get("author"))


def reported_right(evalcore, field_name: str, value, gold: dict) -> bool:
    """Whether choosing a candidate makes the field right as ``clean()`` reports it: an author value's names that
    are no person (``names_no_person``: an organisation, a newsroom, a role) are dropped from the authors, so a
    candidate naming only such is right where the page names nobody, and wrong where the gold credits it."""
    if field_name != "authors":
        return not _states_none(gold, field_name) and matches(evalcore, field_name, value, gold)
    people = [name for name in value if not names_no_person(without_label(name))]
    if _states_none(gold, field_name):
        return not people
    return bool(people) and matches(evalcore, field_name, people, gold)


def _states_none(gold: dict, name: str) -> bool:
    """The gold says the page has no value for the field (tfeval's author ""): no candidate is right."""
    return name == "authors" and "author" in gold and not gold["author"]


def build(
    bench_dir: Path,
    *,
    kinds: Sequence[str] = KINDS,
    pages: set[str] | None = None,
    config: Config = DEFAULT_CONFIG,
) -> Data:
    """Every (page, kind) document's candidates, featured and labelled, in a fixed order.

    ``config`` names the text model that decides the blocks (the shipped one by default; a fold's
    model in ``bench/cv_metadata.py --text-models``)."""
    evalcore = scorer(bench_dir)
    gold = gold_of(bench_dir)
    data = Data({name: FieldRows() for name in FIELDS}, [])
    for page, kind, fold, wanted, decided in decided_documents(bench_dir, kinds, pages, lambda fold: config):
        options = candidates(decided.verdicts, decided.found, day_first=day_first(decided.language))
        add_document(data, evalcore, (page, kind, fold), gold[page], wanted, options)
    return data


def decided_documents(
    bench_dir: Path, kinds: Sequence[str], pages: set[str] | None, config_of: Callable[[int], Config]
) -> Iterator[tuple[str, str, int, list[str], Decided]]:
    """Every (page, kind) document with a field to learn, in a fixed order, its blocks decided with the
    configuration ``config_of`` gives for the page's fold: (page, kind, fold, wanted fields, decided)."""
    gold, folds = gold_of(bench_dir), folds_of(bench_dir)
    for page in sorted(gold):
        wanted = wanted_fields(gold[page])
        if (pages is not None and page not in pages) or not wanted:
            continue
        for kind in kinds:
            text = input_text(bench_dir, kind, page)
            if text is None:
                continue
            try:
                decided = decide_blocks(read_document(text, format="text"), config_of(folds[page]))
            except CleanError:
                continue  # an empty dump (the scraper got nothing): no document, as clean() says
            yield page, kind, folds[page], wanted, decided


def wanted_fields(gold: dict) -> list[str]:
    """The fields a page's gold gives a value for, or says it has none of."""
    return [name for name in FIELDS if gold.get(GOLD_KEYS[name]) or _states_none(gold, name)]


def add_document(
    data: Data,
    evalcore,
    document: tuple[str, str, int],
    gold: dict,
    wanted: Sequence[str],
    options: dict[str, tuple[list, list[list[float]]]],
) -> None:
    """One (page, kind, fold) document's candidates (``candidates``' answer), labelled by the page's gold."""
    index = len(data.documents)
    data.documents.append(document)
    for name in wanted:
        items, rows = options[name]
        target = data.rows[name]
        (target.without if _states_none(gold, name) else target.with_gold).append(index)
        for item, row in zip(items, rows, strict=True):
            target.features.append(row)
            target.labels.append(int(not _states_none(gold, name) and matches(evalcore, name, item.value, gold)))
            target.reported.append(int(reported_right(evalcore, name, item.value, gold)))
            target.documents.append(index)
