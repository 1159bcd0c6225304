"""The benchmark's own scorer (``score.py`` beside the data), run on one folder of predictions.

What it does: runs ``score.py --bench B --pred DIR --json`` in a subprocess and returns its JSON
(the ``all`` and ``dev`` splits' figures; ``--ids`` restricts it to some pages), says whether a
prediction lost its article (``is_lost``: the one definition every benchmark script counts by), scores pages'
bodies and counts their lost articles as a whole (``BodyScores``), and
counts a tfeval page's snippets as the scorer does (``snippet_counts``).
What it does not: choose a split, or gather the predictions; the scripts that call it do.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LONG_BODY = 100  # words (the benchmark's tokens): a gold body this long can be lost
LOST_RECALL = 0.5  # ... when the prediction keeps less than this share of its 4-token shingles


def is_lost(evalcore: Any, gold: str, text: str) -> bool:
    """A lost article: ``text`` keeps less than half of a gold body of ``LONG_BODY`` words or more.

    ``evalcore`` is the benchmark's own module beside its ``score.py`` (its tokens and shingles).
    """
    if len(evalcore.WORD.findall(gold)) < LONG_BODY:
        return False
    wanted = evalcore.shingles(gold)
    return sum((wanted & evalcore.shingles(text)).values()) < LOST_RECALL * sum(wanted.values())


@dataclass
class BodyScores:
    """Pages' bodies scored as ``score.py`` scores them (``evalcore.page_tp_fp_fn`` per page, ``body_scores``:
    mean page precision and recall, their F1), and how many lost their article (``is_lost``)."""

    rows: list[tuple[float, float, float]] = field(default_factory=list)
    lost: int = 0

    def add(self, evalcore: Any, gold: str, text: str) -> None:
        self.rows.append(evalcore.page_tp_fp_fn(gold, text))
        self.lost += is_lost(evalcore, gold, text)

    def summary(self, evalcore: Any) -> dict[str, float]:
        precision, recall, f1 = evalcore.body_scores(self.rows)
        return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "lost": self.lost}


def snippet_counts(gold: dict, text: str) -> tuple[int, int, int]:
    """A tfeval page's snippets found (``with``: true positives; ``without``: false positives) and missed,
    as ``score.py`` counts them (whitespace collapsed)."""
    found = " ".join(text.split())
    tp = sum(" ".join(s.split()) in found for s in gold["with"])
    fp = sum(" ".join(s.split()) in found for s in gold["without"])
    return tp, fp, len(gold["with"]) - tp


def score_json(bench_dir: Path, bench: str, pred: Path, ids: Path | None = None) -> dict:
    """``score.py``'s JSON for the predictions in ``pred`` (``<page id>.json`` each)."""
    command = [sys.executable, str(bench_dir / "score.py"), "--bench", bench, "--pred", str(pred), "--json"]
    result = subprocess.run(
        [*command, *(["--ids", str(ids)] if ids else [])], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)
