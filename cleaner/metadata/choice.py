"""Metadata choice: the trained model that picks the article's title, date and authors among the candidates.

For each field, every candidate (``cleaner.metadata.candidates``) is scored by a small
gradient-boosted model.  The best candidate wins when its score reaches the field's threshold.  The
date's and the title's models rank a page's candidates against each other (their threshold is null:
the best is always taken); the authors' model gives the probability that a candidate is the page's,
and its threshold lets it say that the page names none.  The chosen title line becomes the title (a line the
zones layer took for the title before gives way and is removed as ``metadata.page-title``); a
name line chosen for the authors is removed as a byline.

The model file (``metadata_model.json``, shipped in the package) is rebuilt by
``bench/train_metadata.py`` from the benchmark data alone; ``bench/cv_metadata.py`` measures it
out of fold.  It holds, per field, the feature names it was trained on, the threshold and the
LightGBM model, or a list of models whose scores' mean is the field's score (the authors' five, bagged over
seeds).  Prediction runs on one thread (``cleaner.metadata.boosters``).

What it does NOT do: it trains nothing, reads no page metadata (declared metadata wins over
whatever is chosen here: ``cleaner.pipeline``), and finds no candidates itself.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from cleaner.metadata.boosters import predict
from cleaner.metadata.byline import credited_organisations
from cleaner.metadata.candidates import FEATURES, MARKED_SOURCES, candidates
from cleaner.metadata.lines import Candidate
from cleaner.model import Metadata, Role, Verdict

if TYPE_CHECKING:  # imported where first used: lightgbm brings scipy (0.15 s at every start of `clean learn`)
    import lightgbm

LAYER = "metadata"
MODEL_FILE = "metadata_model.json"


class ModelFileError(ValueError):
    """The metadata model file is missing, malformed, or made for other features."""


@dataclass(frozen=True)
class FieldModel:
    boosters: tuple[lightgbm.Booster, ...]  # a candidate's score is the mean of theirs
    threshold: float


@dataclass(frozen=True)
class MetadataModel:
    """One model per field."""

    fields: dict[str, FieldModel]

    def scores(self, field: str, rows: Sequence[Sequence[float]]) -> np.ndarray:
        if not rows:
            return np.zeros(0)
        matrix = np.asarray(rows, dtype=np.float64)
        boosters = self.fields[field].boosters
        if len(boosters) == 1:
            return predict(boosters[0], matrix)
        return np.mean([predict(booster, matrix) for booster in boosters], axis=0)


def parse_model(
    text: str, origin: str, features: Mapping[str, tuple[str, ...]] = FEATURES, what: str = "metadata"
) -> MetadataModel:
    """A model from the file's text; ``origin`` names the file in errors, ``features`` the columns of each field."""
    import lightgbm

    try:
        data = json.loads(text)
        fields = {}
        for field in features:
            entry = data[field]
            if tuple(entry["features"]) != features[field]:
                raise ModelFileError(f"{origin}: the {field} model was trained on other features; retrain it")
            texts = entry["model"] if isinstance(entry["model"], list) else [entry["model"]]
            if not texts:
                raise ValueError(f"no model for {field}")
            boosters = tuple(lightgbm.Booster(model_str=model) for model in texts)
            threshold = entry["threshold"]  # null: the best candidate is always taken (a ranking model)
            fields[field] = FieldModel(boosters, -math.inf if threshold is None else float(threshold))
    except (KeyError, TypeError, ValueError, lightgbm.basic.LightGBMError) as error:
        if isinstance(error, ModelFileError):
            raise
        raise ModelFileError(f"{origin}: not a {what} model file ({error})") from None
    return MetadataModel(fields)


@cache
def load_model(path: Path | None = None) -> MetadataModel:
    """The shipped model, or the one at ``path`` (a retrained or cross-validation model)."""
    if path is not None:
        try:
            return parse_model(Path(path).read_text(encoding="utf-8"), str(path))
        except OSError as error:
            raise ModelFileError(f"{path}: cannot read the metadata model ({error.strerror})") from None
    return parse_model(resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8"), MODEL_FILE)


def _best(model: MetadataModel, field: str, found: tuple[list[Candidate], list[list[float]]]) -> Candidate | None:
    items, rows = found
    if not items:
        return None
    if len(items) == 1 and model.fields[field].threshold == -math.inf:
        return items[0]  # a ranking field's only candidate is its best, whatever its (finite) score
    scores = model.scores(field, rows)
    best = int(np.argmax(scores))  # the first of equal scores: the one higher on the page
    return items[best] if scores[best] >= model.fields[field].threshold else None


def scored_candidates(
    verdicts: Sequence[Verdict],
    found: Sequence[Candidate],
    *,
    day_first: bool | None,
    model: MetadataModel,
    extracted: bool = False,
) -> dict[str, list[tuple[Candidate, float]]]:
    """Every field's candidate lines (``candidates``) with the model's score for each (the authors': a
    probability; the date's and the title's: a rank score, comparable within the page only).

    The HTML layer weighs these against what the page declares (``cleaner.metadata.pagechoice``).
    """
    options = candidates(verdicts, found, day_first=day_first, extracted=extracted)
    out: dict[str, list[tuple[Candidate, float]]] = {}
    for field, (items, rows) in options.items():
        scores = model.scores(field, rows)
        out[field] = [(item, float(score)) for item, score in zip(items, scores, strict=True)]
    return out


def choose_metadata(
    verdicts: Sequence[Verdict],
    found: Sequence[Candidate],
    *,
    day_first: bool | None,
    model: MetadataModel,
    choose_title: bool = True,
    extracted: bool = False,
    values: bool = True,
) -> tuple[list[Verdict], Metadata]:
    """The article's authors and dates from the candidates, and the verdicts with the chosen title marked.

    The title is read from the verdicts (``Role.TITLE``) like any head; when no title candidate
    reaches the threshold, the zones layer's title stands.  Without ``values`` the caller wants only
    the marked verdicts (the same ones): no date is chosen, and authors only where a chosen name line
    would be marked (``candidates``' ``values``), so the metadata returned then holds neither.
    """
    marked = list(verdicts)
    options = candidates(marked, found, day_first=day_first, extracted=extracted, titles=choose_title, values=values)
    title = _best(model, "title", options["title"])
    date = _best(model, "date", options["date"])
    authors = _best(model, "authors", options["authors"])
    if title is not None:
        _make_title(marked, title.position, str(title.value))
    if authors is not None and authors.source in MARKED_SOURCES:
        marked[authors.position] = marked[authors.position].decide(
            Role.BYLINE, rule="metadata.byline-names", category="byline", layer=LAYER
        )
    updated = next((str(c.value) for c in found if c.field == "date" and c.label == "updated"), None)
    names = Metadata(
        authors=tuple(authors.value) if authors else (),
        organisations=credited_organisations(marked[authors.position].text) if authors and authors.value else (),
    ).sourced("byline")
    return marked, names.prefer(
        Metadata(published=str(date.value) if date else None, updated=updated).sourced("dateline")
    )


def _make_title(verdicts: list[Verdict], position: int, value: str) -> None:
    """The chosen line is the title; another line taken for it gives way, and so does its subtitle.

    A line taken for the title that says the same stays (a page may repeat its headline).  The title reads as
    the candidate's ``value``, which may leave out what opens the line (a numbered list's number).
    """
    if value != verdicts[position].text.strip():
        verdicts[position] = replace(verdicts[position], block=replace(verdicts[position].block, text=value))
    text = verdicts[position].text.strip()
    if any(v.role is Role.TITLE and v.text.strip() == text for v in verdicts):
        return
    for other, verdict in enumerate(verdicts):
        if other != position and verdict.role is Role.TITLE:
            verdicts[other] = verdict.decide(
                Role.FURNITURE, rule="metadata.page-title", category="boilerplate", layer=LAYER
            )
        elif other != position + 1 and verdict.role is Role.SUBTITLE:
            verdicts[other] = verdict.decide(
                Role.FURNITURE, rule="metadata.not-subtitle", category="boilerplate", layer=LAYER
            )
    if verdicts[position].role is not Role.TITLE:
        verdicts[position] = verdicts[position].decide(Role.TITLE, rule="metadata.title", category="title", layer=LAYER)
