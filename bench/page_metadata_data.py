"""Training and validation rows for the page metadata ranker, built from ../shared/bench alone.

    from bench.page_metadata_data import build
    data = build(Path("../shared/bench"), None)                 # the page's offers, as the product weighs them
    data = build(Path("../shared/bench"), text_fold_models(...))  # also the text's candidate lines (comparisons)

Every tfeval page (the benchmark with author, date and title gold) is read as ``clean()`` reads
it: the html layer gathers the page's offers (``cleaner.html.offers``), and the offers of each
field are described by ``cleaner.metadata.offers.feature_rows`` exactly as the html layer does.
With text models, the block layers also decide the page's blocks and the text metadata model
scores the text's candidate lines, which join the authors' and dates' offers; each page is then
scored by a text model trained on the other four folds (``text_fold_models``), so no page's
features come from a model that saw its gold.  An offer is labelled 1 when its value equals the
gold as the benchmark's scorer compares them (a date's rows are its offered days, each labelled so).

Nothing here writes into the repository or the bench folder, and nothing is tuned here.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.limits import BENCH_TIMEOUT  # noqa: E402
from bench.metadata_data import BENCH, KINDS, Data, FieldRows, folds_of, gold_of, matches, scorer  # noqa: E402
from bench.metadata_data import build as build_text  # noqa: E402
from bench.train_metadata import ALL_FOLDS, model_text  # noqa: E402
from cleaner.config import DEFAULT_CONFIG  # noqa: E402
from cleaner.html.page import read_page  # noqa: E402
from cleaner.lexicon import day_first  # noqa: E402
from cleaner.metadata.choice import load_model, scored_candidates  # noqa: E402
from cleaner.metadata.offers import PAGE_FIELDS, Offer, date_days, feature_rows  # noqa: E402
from cleaner.metadata.pagechoice import NO_CHOICE, text_offers  # noqa: E402
from cleaner.pipeline import decide_blocks, page_reading  # noqa: E402

GOLD_KEYS = {"title": "title", "date": "date", "authors": "author"}


def text_fold_models(bench_dir: Path, work: Path) -> dict[int, Path]:
    """The text metadata model trained without each fold (written to ``work``, reused when there)."""
    paths = {fold: work / f"text-model-fold{fold}.json" for fold in sorted(ALL_FOLDS)}
    if all(path.is_file() for path in paths.values()):
        return paths
    work.mkdir(parents=True, exist_ok=True)
    data = build_text(bench_dir, kinds=KINDS)
    for fold, path in paths.items():
        path.write_text(model_text(data, ALL_FOLDS - {fold}), encoding="utf-8")
    return paths


def page_offers(html: str, text_model: Path | None) -> tuple[dict[str, list[Offer]], str]:
    """A page's offers per field, and the text the authors' features count in.

    The title's offers are the page's; authors and date also have the text layers' candidate lines,
    each with the score of ``text_model`` (None: the title's offers alone, no text layers run).
    """
    page = read_page(html, model=NO_CHOICE, offers=True, timeout=BENCH_TIMEOUT)
    if text_model is None:
        return {field: [offer for offer in page.offers if offer.field == field] for field in PAGE_FIELDS}, ""
    reading = page_reading(page)
    decided = decide_blocks(reading, DEFAULT_CONFIG)
    scored = scored_candidates(
        decided.verdicts,
        decided.found,
        day_first=day_first(decided.language),
        model=load_model(text_model),
        extracted=reading.extracted,
    )
    lines = text_offers({field: scored[field] for field in ("date", "authors")}, len(decided.verdicts))
    offers = [*page.offers, *lines]
    by_field = {field: [offer for offer in offers if offer.field == field] for field in PAGE_FIELDS}
    return by_field, "\n".join(verdict.text for verdict in decided.verdicts)


def _states_none(gold: dict, name: str) -> bool:
    return name == "authors" and "author" in gold and not gold["author"]


def build(bench_dir: Path, text_models: dict[int, Path] | None, fields: tuple[str, ...] = PAGE_FIELDS) -> Data:
    """Every tfeval page's offers for ``fields``, featured and labelled, in page-id order.

    ``text_models`` (the text metadata model trained without each fold) score the text's lines;
    None for the title alone, whose offers are the page's.
    """
    evalcore = scorer(bench_dir)
    gold, folds = gold_of(bench_dir), folds_of(bench_dir)
    data = Data({name: FieldRows() for name in fields}, [])
    for count, page_id in enumerate(sorted(gold), 1):
        wanted = [name for name in fields if gold[page_id].get(GOLD_KEYS[name]) or _states_none(gold[page_id], name)]
        if not wanted:
            continue
        html = (bench_dir / "data" / BENCH / "html" / f"{page_id}.html").read_text(encoding="utf-8")
        by_field, text = page_offers(html, text_models[folds[page_id]] if text_models else None)
        document = len(data.documents)
        data.documents.append((page_id, "html", folds[page_id]))
        for name in wanted:
            target = data.rows[name]
            none = _states_none(gold[page_id], name)
            (target.without if none else target.with_gold).append(document)
            offers = by_field[name]
            values = [day for day, _ in date_days(offers)] if name == "date" else [offer.value for offer in offers]
            for value, row in zip(values, feature_rows(name, offers, text=text), strict=True):
                target.features.append(row)
                target.labels.append(int(not none and matches(evalcore, name, value, gold[page_id])))
                target.documents.append(document)
        if count % 100 == 0:
            print(f"  page rows: {count}/{len(gold)}", file=sys.stderr, flush=True)
    return data
