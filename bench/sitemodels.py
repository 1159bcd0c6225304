"""The template-site benchmark with the text model weighing the profile: out of fold, per site, against the rules.

    python bench/cv_text.py ../shared/bench --kinds bs4 --models /tmp/models   # the fold models
    python bench/sites.py /tmp/sites --bench ../shared/bench --models /tmp/models

Every page of a corpus written by ``bench/make_sites.py`` is cleaned with the text model trained
without its site's fold (``model-fold<k>.txt`` in the folder, as ``bench/cv_text.py --models`` writes
them; the corpus's fold of a site is the fold of the bench page its template came from, and the fold
models learn neither that fold's bench pages nor its template sites).  Three bodies per page, from the
block layers (``cleaner.pipeline.decide_blocks``, before the metadata chooser):

* ``without``: no profile (the model sees the column ``site_repetition`` missing);
* ``rules``: the rule-based profile layer (``cleaner.sites.apply.apply_profile``) over ``without``;
* ``model``: the pipeline with the profile (what ``clean`` does): the text model weighing its
  evidence, then the rule-based layer.

(Measured once before the rule-based layer ran after the model: the model alone gained +0.0703 on
sites of 10+ pages of the seed-1 corpus, the model and the layer +0.0714; docs/corpus-history.md.)

The profile is learned from all the corpus's pages (sites are folders, default parameters), as
``clean learn`` does.  Speed: ``clean`` with and without the profile on every fourth page, timed
page by page in turn (in alternating order, so that warm caches favour neither), CPU time.

This module measures; it changes nothing in the repository.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from cleaner import clean
from cleaner.config import Config
from cleaner.model import Role, Verdict
from cleaner.pipeline import decide_blocks, read_document
from cleaner.sites.apply import apply_profile, match_page
from cleaner.sites.profile import Profile

VARIANTS = ("without", "rules", "model")
SPEED_EVERY = 4
_STATE: dict = {}


@dataclass(frozen=True)
class Judged:
    """One page's bodies per variant, its profile-credited removals, and CPU seconds of ``clean``."""

    site: str
    name: str
    bodies: dict[str, str]
    credited: int
    seconds: tuple[float, float] | None  # (without, with the profile)


def _body(verdicts: Sequence[Verdict]) -> str:
    return "\n".join(verdict.text for verdict in verdicts if verdict.role is Role.BODY)


def _init(profile: Profile, models: Path) -> None:
    _STATE["profile"], _STATE["models"] = profile, models


def _judge(item: tuple[Path, str, str, int, int]) -> Judged:
    path, site_name, name, fold, number = item
    # A measure, not a product: an hour per page (on the shared machine, a worker's first page, which loads the
    # fold model, went past the 20 s default and stopped the run).
    config = Config(text_model=_STATE["models"] / f"model-fold{fold}.txt", timeout=3600.0)
    site = _STATE["profile"].site(site_name)
    text = path.read_text(encoding="utf-8")
    reading = read_document(text, format="text")
    plain = decide_blocks(reading, config).verdicts
    weighed = decide_blocks(reading, config, site).verdicts
    bodies = {
        "without": _body(plain),
        "rules": _body(apply_profile(list(plain), match_page([verdict.text for verdict in plain], site))),
        "model": _body(weighed),
    }
    credited = sum(1 for verdict in weighed if verdict.layer == "profile")
    seconds = _speed(text, config, site_name, number) if number % SPEED_EVERY == 0 else None
    return Judged(site_name, name, bodies, credited, seconds)


def _speed(text: str, config: Config, site: str, number: int) -> tuple[float, float]:
    runs = [(False, None), (True, _STATE["profile"])]
    if number % (2 * SPEED_EVERY):
        runs.reverse()
    seconds = {}
    for with_profile, profile in runs:
        start = time.process_time()
        clean(text, format="text", config=config, profile=profile, site=site)
        seconds[with_profile] = time.process_time() - start
    return seconds[False], seconds[True]


def judge_all(corpus: Path, manifest: dict, profile: Profile, models: Path, jobs: int) -> list[Judged]:
    items = [
        (corpus / site / name, site, name, manifest[site]["fold"], number)
        for number, (site, name) in enumerate(
            (site, name) for site in sorted(manifest) for name in sorted(manifest[site]["pages"])
        )
    ]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(profile, models)) as pool:
        return list(pool.map(_judge, items, chunksize=8))
