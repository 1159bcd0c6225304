"""Page metadata choice: a trained ranker picks a page's title, authors and date among the values its sources offer.

Every value a page's sources give (``cleaner.html.offers``) is an ``Offer``; ``cleaner.metadata.offers``
describes each by features (its source, how it was cut from what the source says, how far other
sources agree, its shape, its place).  One LightGBM model per field gives each offer the
probability that its value is the article's; the best offer wins when it reaches the field's
threshold.  Which source outranks which is learned, not written down.

The product chooses the **title**, the **authors** and the publication **date** this way
(``PRODUCT_FIELDS``), among the page's own offers; where the page offers no author or date, the
text layers' choice among the article's lines fills the field (``cleaner.pipeline``).  The date is
chosen as a day (one row per offered day, ``cleaner.metadata.offers.date_days``), stated by that
day's most precise statement of the publication (``day_value``); a day only htmldate offers is kept
apart as a guess (``with_dates``).
The same ranker can also weigh the text layers' candidate lines (``text_offers``) beside the
page's offers.

The model file (``page_metadata_model.json``, shipped in the package) is rebuilt
by ``bench/train_page_metadata.py`` from the benchmark data alone; ``bench/cv_page_metadata.py``
measures it out of fold.  Prediction runs on one thread.

What it does NOT do: it reads no markup and no line (the offers are made elsewhere), trains
nothing, and changes no value: a date keeps the precision its offer has.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from cleaner.metadata.choice import MetadataModel, ModelFileError, parse_model
from cleaner.metadata.lines import Candidate
from cleaner.metadata.offers import PAGE_FEATURES, Offer, date_days, day_value, feature_rows, update_days
from cleaner.model import Metadata
from cleaner.text.shape import letters_and_digits

MODEL_FILE = "page_metadata_model.json"

# The text layers' readers, by the source name their offers take.
_TEXT_SOURCES = {
    "date": {"dateline": "text-dateline", "credit": "text-credit", "lead": "text-lead", "mention": "text-mention"},
    "authors": {
        "byline": "text-byline",
        "split-byline": "text-byline",
        "credit": "text-credit",
        "group": "text-group",
        "names": "text-names",
        "name-by-dateline": "text-names",
    },
    "title": {},
}


PRODUCT_FIELDS = ("title", "authors", "date")  # what the product chooses with the model (``cleaner.html.meta``)
_CUT_SHORT = re.compile(r"\s*(?:\.{3}|…)\s*$")  # a value cut to a length ends so
MIN_CUT = 20  # letters and digits a cut title keeps before its ellipsis ("Read more..." completes nothing)


@cache
def load_page_model(path: Path | None = None, fields: tuple[str, ...] = PRODUCT_FIELDS) -> MetadataModel:
    """The shipped page metadata model, or the one at ``path`` (a retrained or cross-validation model).

    ``fields`` are the fields read from the file (a cross-validation model holds all of ``PAGE_FIELDS``).
    """
    features = {field: PAGE_FEATURES[field] for field in fields}
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise ModelFileError(f"{path}: cannot read the page metadata model ({error.strerror})") from None
        return parse_model(text, str(path), features, "page metadata")
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return parse_model(text, MODEL_FILE, features, "page metadata")


def text_offers(scored: Mapping[str, Sequence[tuple[Candidate, float]]], lines: int) -> list[Offer]:
    """The text layers' candidate lines as offers, each with the text model's score."""
    offers = []
    for field, items in scored.items():
        names = _TEXT_SOURCES.get(field, {})
        for order, (candidate, score) in enumerate(items):
            value = candidate.value
            if not value:
                continue
            source = names.get(candidate.source, "text-line")
            where = round(candidate.position / max(1, lines), 4)
            offers.append(Offer(field, value, source, order=order, where=where, label=candidate.label, score=score))
    return offers


def best_offer(model: MetadataModel, field: str, offers: Sequence[Offer], *, text: str = "") -> Offer | None:
    """The field's best offer by the model, if it reaches the field's threshold (the first of equal scores).

    The date is chosen as a day among the offered days, but not a day the page gives as its update
    (``update_days``), and stated by that day's most precise statement of the publication (``day_value``).
    None when the model has no part for the field (``NO_CHOICE``).
    """
    mine = [offer for offer in offers if offer.field == field]
    if not mine or field not in model.fields:
        return None
    scores = model.scores(field, feature_rows(field, mine, text=text))
    if field == "date" and (updates := update_days(mine)):  # the page's update is no publication day
        scores = np.where([day in updates for day, _ in date_days(mine)], -1.0, scores)
    best = int(np.argmax(scores))
    if scores[best] < model.fields[field].threshold:
        return None
    if field == "title":
        return completed_title(mine, scores, best)
    return day_value(date_days(mine)[best][1]) if field == "date" else mine[best]


def completed_title(offers: Sequence[Offer], scores: np.ndarray, best: int) -> Offer:
    """The chosen title, or, where it is cut short ("New files expose the team's..."), as templates cut a
    ``twitter:title`` or a JSON-LD headline to a length, the best-scored offer that says the same words and goes on.

    Cut short: it ends in an ellipsis after at least ``MIN_CUT`` letters and digits.  An offer that itself ends in
    an ellipsis completes nothing, nor does one that states the ellipsis too (the headline's own, with the site's
    name after it); without a completion the title stays as chosen (many titles end in "...")."""
    title = str(offers[best].value)
    stem = _CUT_SHORT.sub("", title)
    said = letters_and_digits(stem.casefold())
    if stem == title or len(said) < MIN_CUT:
        return offers[best]
    longer = [
        index
        for index, offer in enumerate(offers)
        if not _CUT_SHORT.search(value := str(offer.value))
        and title.casefold() not in value.casefold()
        and len(whole := letters_and_digits(value.casefold())) > len(said)
        and whole.startswith(said)
    ]
    return offers[max(longer, key=lambda index: scores[index])] if longer else offers[best]


def source_name(offer: Offer) -> str:
    """Where a chosen value came from, as ``Metadata.sources`` names it ("json-ld", "meta", "byline-line"...)."""
    source = offer.source
    if source.startswith("ld-"):
        return "json-ld"
    if source.startswith("text-"):
        return {"text-dateline": "dateline-line", "text-lead": "lead-dateline"}.get(source, "byline-line")
    if source.startswith(("meta-", "og:", "twitter:", "dc.")):
        return "meta"
    return source


def later_update(published: str | None, updated: str | None) -> str | None:
    """The update, unless it states the publication's moment or an earlier day (then it is no update)."""
    if updated is None or published is None:
        return updated
    if updated[:10] < published[:10] or updated == published:
        return None
    try:
        same = len(updated) >= 16 and datetime.fromisoformat(updated) == datetime.fromisoformat(published)
    except (ValueError, TypeError):
        same = False
    return None if same else updated


def live_blog_dates(metadata: Metadata, stamps: Sequence[str]) -> Metadata:
    """A live blog's dates: when it opened (published) and its latest entry (updated), never the other way round.

    ``stamps`` are its entries' ``<time>`` values (``cleaner.html.entries``).  Entries run newest first, so the
    first ``<time>`` of the page, which the date choice may take for the publication, is the latest entry's,
    while the update the page declares may be a day alone: the publication came out later than the update.
    Decision: a publication read from an entry's stamp becomes the earliest stamp; the update is the latest of
    the declared update and the latest stamp (a day alone counts as that day's start), where it is later than
    the publication (``later_update``).  A publication the page declares elsewhere (JSON-LD, meta) stays.
    """
    if not stamps:
        return metadata
    published = min(stamps) if metadata.published in stamps else metadata.published
    updated = later_update(published, max(value for value in (metadata.updated, max(stamps)) if value))
    sources = dict(metadata.sources) | {"updated": "page"}
    dated = replace(metadata, published=published, updated=updated)
    return replace(dated, sources=tuple((k, v) for k, v in sources.items() if getattr(dated, k)))


NO_CHOICE = MetadataModel({})  # chooses nothing: the offers alone (``bench/page_metadata_data.py``)

FIELD_NAMES = {"title": "title", "authors": "authors", "date": "published"}


def chosen(
    stated: Metadata, offers: Sequence[Offer], model: MetadataModel, fields: Sequence[str], text: str = ""
) -> Metadata:
    """``stated`` with the ``fields`` ("title", "authors", "date") the model chooses among ``offers``.

    A field the model finds no good offer for is left empty; an update that states the chosen
    publication's moment, or an earlier day, is no update.  ``text`` is the article's text.
    """
    sources = dict(stated.sources)
    values: dict[str, object] = {}
    for field in fields:
        name = FIELD_NAMES[field]
        values[name] = () if field == "authors" else None
        best = best_offer(model, field, offers, text=text)
        if best is not None:
            values[name] = best.value
            sources[name] = source_name(best)
    published = values.get("published", stated.published)
    updated = later_update(str(published) if published else None, stated.updated)
    merged = replace(stated, updated=updated, **values)  # type: ignore[arg-type]
    return replace(merged, sources=tuple((k, v) for k, v in sources.items() if getattr(merged, k)))


def with_dates(
    stated: Metadata, offers: Sequence[Offer], model: MetadataModel, updated: str | None
) -> tuple[Metadata, Metadata]:
    """``stated`` with the publication the model chooses among the date ``offers`` and the declared
    ``updated`` (unless it is no later), and htmldate's guess apart.

    A day only htmldate offers is a guess: it is kept apart (the second record), below what the
    article's lines state; so is htmldate's date when the model chooses no day.
    """
    best = best_offer(model, "date", offers)
    guesses = [offer for offer in offers if offer.source == "htmldate"]
    guess = best if best is not None and best.source == "htmldate" else None
    if best is None and guesses:
        guess = guesses[0]
    published = str(best.value) if best is not None and guess is None else None
    sources = dict(stated.sources)
    if published is not None and best is not None:
        sources["published"] = source_name(best)
    updated = later_update(published, updated)
    if updated is not None:
        sources["updated"] = "page"
    dated = replace(stated, published=published, updated=updated)
    dated = replace(dated, sources=tuple((k, v) for k, v in sources.items() if getattr(dated, k)))
    guessed = Metadata(published=str(guess.value) if guess else None).sourced("htmldate")
    return dated, guessed
