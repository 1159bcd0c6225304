"""The benchmark's own scorer (``score.py`` beside the data), run on one folder of predictions.

What it does: runs ``score.py --bench B --pred DIR --json`` in a subprocess and returns its JSON
(the ``all`` and ``dev`` splits' figures; ``--ids`` restricts it to some pages). What it does not:
count lost articles or choose a split; the scripts that call it do.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def score_json(bench_dir: Path, bench: str, pred: Path, ids: Path | None = None) -> dict:
    """``score.py``'s JSON for the predictions in ``pred`` (``<page id>.json`` each)."""
    command = [sys.executable, str(bench_dir / "score.py"), "--bench", bench, "--pred", str(pred), "--json"]
    result = subprocess.run(
        [*command, *(["--ids", str(ids)] if ids else [])], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)
