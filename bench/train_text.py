"""Train the text classifier on ../shared/bench and write the model file shipped with cleaner.

    python bench/train_text.py ../shared/bench                 # writes cleaner/layout/text_model.txt
    python bench/train_text.py ../shared/bench -o /tmp/model.txt
    python bench/train_text.py ../shared/bench --check         # exit 1 if that would change the shipped files
    python bench/train_text.py ../shared/bench -o /tmp/m.txt --kinds bs4,wrapped,html2text   # kinds to learn from

Needs only cleaner's own dependencies (LightGBM, numpy; trafilatura is the teacher).  Every
page of both benchmarks, in every input kind (``bench/textdata.py``; ``--kinds`` may add kinds made from
the page's HTML, ``textdata.KINDS_EXTRA``), gives one row per block
the classifier judges (the blocks no earlier layer decided), labelled content or furniture,
weighted by the log of its words and so that every document weighs the same (the scores
average over pages).  There the column ``site_repetition`` is missing (NaN): no page of the bench has
a site profile.  The pages of the template-site corpus of ``bench/make_sites.py`` (built in memory by
``bench/sitedata.py``, seed 1) that a trusted profile of their own site applies to add rows with the
column present, so the model learns how much to trust a profile; their fold is that of the bench page
their site's template came from.

The same template-site rows give the least repetition that counts as a profile's template evidence
(``evidence_rates``: a decision stump on the rows' repetition and labels, outside the article and, for
prose, inside it), written into the model file's header: the classifier lets the profile remove only
blocks repeated at least that often (``cleaner.layout.textevidence.evidenced``).

Two stages, with hyper-parameters fixed in advance (``PARAMS``; ``bench/tune_text.py`` compared a
small grid around them out of fold and none did better beyond retraining's noise, docs/classifier.md):
the first stage learns from the blocks' features; its scores for the training pages are
cross-fitted over the training pages' own site-grouped folds, so the second stage, which
learns from the first stage's scores around each block, sees the kind of scores it will get on
unseen pages.  The lexicon (``cleaner.layout.lexical``: a learned weight per word, written beside the model
file as ``text_model.lexicon.txt``) is learned the same way (``bench/textlexicon.py``): the rows of every fit
get their lexical columns from a lexicon that saw neither their own fold's sites nor the fit's held-out fold;
the shipped lexicon is learned from every training page.  Training is deterministic (fixed seeds, one
thread, a sorted vocabulary): the same data gives the same files, byte for byte.

This script does NOT report any figure: ``bench/cv_text.py`` does, on held-out folds only.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import lightgbm
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.shipped import rebuilt  # noqa: E402
from bench.sitedata import site_documents  # noqa: E402
from bench.textdata import BENCHES, KINDS, KINDS_EXTRA, Document, documents  # noqa: E402
from bench.textlexicon import LexicalCorpus, Source, filled  # noqa: E402
from cleaner.config import DEFAULT_CONFIG  # noqa: E402
from cleaner.layout.features import FEATURES, features  # noqa: E402
from cleaner.layout.lexical import Lexicon, dump_lexicon, lexicon_path  # noqa: E402
from cleaner.layout.textevidence import PROSE, REPETITION, inside_article  # noqa: E402
from cleaner.layout.textmodel import MODEL_FILE, dump_model, second_stage  # noqa: E402
from cleaner.model import Role  # noqa: E402
from cleaner.text.language import stoplist  # noqa: E402

THRESHOLD = 0.5
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.07,
    "num_leaves": 31,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "seed": 7,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 1,
    "verbose": -1,
}
ROUNDS = 200
DOCUMENT_WEIGHT = 100.0  # every document weighs the same in training, whatever its number of blocks
# How a block weighs within its document, from its words: the shipped "log", or (bench/textvariants.py) "tokens"
WEIGHTINGS = ("log", "tokens")
# What both stages' fits learn: the "hard" labels, or (bench/textvariants.py) the "soft" covered share itself
TARGETS = ("hard", "soft")


@dataclass(frozen=True)
class Rows:
    """One document's training rows: the open blocks' features, labels and weights."""

    bench: str
    page: str
    kind: str
    fold: int
    rows: np.ndarray  # every block's features (the second stage needs the neighbours' too)
    open: np.ndarray  # which blocks the classifier judges
    labels: np.ndarray
    weights: np.ndarray
    site: str = ""
    texts: tuple[str, ...] = ()  # every block's text (the lexicon's tokens)
    coverage: np.ndarray | None = None  # the covered share the labels threshold (``textdata.coverage_for``)


def row_weights(matrix: np.ndarray, open_blocks: np.ndarray, weighting: str = "log") -> np.ndarray:
    """Every block's weight, the open blocks' summing to ``DOCUMENT_WEIGHT``: by ``1 + log(1 + words)`` ("log"),
    or by its words, at least 1 ("tokens": as the scorer counts a page's tokens)."""
    words = matrix[:, FEATURES.index("words")] if len(matrix) else np.zeros(0)
    weights = np.maximum(words, 1.0) if weighting == "tokens" else 1.0 + np.log1p(words)
    total = weights[open_blocks].sum()
    return weights * (DOCUMENT_WEIGHT / total) if total else weights


def rows_of(document: Document, weighting: str = "log") -> Rows:
    stopwords = stoplist(document.language)
    matrix = features(document.verdicts, stopwords, DEFAULT_CONFIG.tail_rule_ids, document.repetition)
    open_blocks = np.array([v.role is Role.UNDECIDED for v in document.verdicts], dtype=bool)
    texts = tuple(verdict.text for verdict in document.verdicts)
    return Rows(
        document.bench,
        document.page,
        document.kind,
        document.fold,
        matrix,
        open_blocks,
        document.labels,
        row_weights(matrix, open_blocks, weighting),
        document.site,
        texts,
        document.coverage,
    )


def reweighted(items: Sequence[Rows], weighting: str) -> list[Rows]:
    """``items`` with their blocks weighed by ``weighting`` (``row_weights``); "log" is how ``rows_of`` weighs them."""
    if weighting == "log":
        return list(items)
    return [replace(item, weights=row_weights(item.rows, item.open, weighting)) for item in items]


def _fit(params: dict, rounds: int, rows: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> lightgbm.Booster:
    data = lightgbm.Dataset(rows, label=labels, weight=weights, params={"verbose": -1})
    return lightgbm.train(params, data, num_boost_round=rounds)


def _targets(item: Rows, targets: str) -> np.ndarray:
    """What a fit learns of ``item``: its labels ("hard"), or the covered share they threshold ("soft")."""
    if targets == "hard":
        return item.labels
    if item.coverage is None:
        raise ValueError(f"{item.bench}/{item.page}: no covered share to learn soft targets from")
    return item.coverage


def _stack(
    items: Sequence[Rows], matrices: Sequence[np.ndarray], targets: str = "hard"
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    keep = [item.open for item in items]
    return (
        np.concatenate([m[k] for m, k in zip(matrices, keep, strict=True)]),
        np.concatenate([_targets(item, targets)[k] for item, k in zip(items, keep, strict=True)]),
        np.concatenate([item.weights[k] for item, k in zip(items, keep, strict=True)]),
    )


def lexical_corpus(items: Sequence[Rows], lexical: bool = True) -> LexicalCorpus:
    """The training documents' tokens and counts, from which each fit's lexicon is learned (bench/textlexicon.py);
    without ``lexical``, a corpus whose lexicons are empty (every lexical column 0.0, as an empty lexicon gives)."""
    sources = [Source(i.bench, i.site, i.fold, i.texts, i.open, i.labels, i.weights) for i in items]
    return LexicalCorpus(sources) if lexical else LexicalCorpus(sources, min_sites=math.inf)


def train(
    items: Sequence[Rows], params: dict | None = None, rounds: int = ROUNDS, lexical: bool = True, targets: str = "hard"
) -> tuple[lightgbm.Booster, lightgbm.Booster, Lexicon]:
    """Both stages and the lexicon, trained on ``items`` (see the module doc for the cross-fitting).

    Every fit's rows get their lexical columns from a lexicon learned without their own fold and without the
    fit's held-out fold (``LexicalCorpus.columns``), so no row's words are weighed by a lexicon that saw its site.
    Without ``lexical`` (an experiment's variant), the lexicon is empty and so is every fit's.  ``targets``
    "soft" (an experiment's variant) has both stages' fits learn the covered share instead of the labels (with
    an objective that takes labels in [0, 1]); the lexicon still learns from the labels.
    """
    params = params or PARAMS
    items = [item for item in items if item.open.any()]
    corpus = lexical_corpus(items, lexical)
    own = [filled(item.rows, columns) for item, columns in zip(items, corpus.columns(), strict=True)]
    first = _fit(params, rounds, *_stack(items, own, targets))
    cross = [np.zeros(len(item.rows)) for item in items]
    for fold in sorted({item.fold for item in items}):
        rows = [filled(item.rows, columns) for item, columns in zip(items, corpus.columns({fold}), strict=True)]
        inside = [i for i, item in enumerate(items) if item.fold != fold]
        model = _fit(params, rounds, *_stack([items[i] for i in inside], [rows[i] for i in inside], targets))
        for i, item in enumerate(items):
            if item.fold == fold:
                cross[i] = model.predict(rows[i], num_threads=1)
    second_rows = [second_stage(rows, scores) for rows, scores in zip(own, cross, strict=True)]
    second = _fit(params, rounds, *_stack(items, second_rows, targets))
    return first, second, corpus.lexicon()


def write_model(
    path: Path,
    items: Sequence[Rows],
    params: dict | None = None,
    lexical: bool = True,
    weighting: str = "log",
    targets: str = "hard",
) -> None:
    """Train on ``items`` (``train``) and write the model file at ``path`` (its threshold and the evidence rates
    learned from ``items`` in the header) and its lexicon beside it; ``weighting`` weighs the rows for all of them
    (``reweighted``), ``targets`` is what the fits learn (``train``)."""
    items = reweighted(items, weighting)
    first, second, lexicon = train(items, params, lexical=lexical, targets=targets)
    path.write_text(dump_model(first, second, THRESHOLD, evidence_rates(items)), encoding="utf-8")
    lexicon_path(path).write_text(dump_lexicon(lexicon), encoding="utf-8")


def stump(values: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> float:
    """The cut t with the least weighted error of "a value of t or more is furniture, below it content".

    Candidates are the midpoints between the distinct values (and the largest plus one: nothing is
    furniture); on a tie the higher cut (fewer blocks called furniture).
    """
    if not len(values):
        return 1.0
    order = np.argsort(values, kind="stable")
    values, labels, weights = values[order], labels[order], weights[order]
    distinct, starts = np.unique(values, return_index=True)
    content = np.concatenate(([0.0], np.cumsum(np.where(labels > 0, weights, 0.0))))
    furniture = np.concatenate(([0.0], np.cumsum(np.where(labels > 0, 0.0, weights))))
    cuts = np.append(starts[1:], len(values))  # the cut between distinct values k-1 and k, as a row index
    errors = (content[-1] - content[cuts]) + furniture[cuts]  # content at or above, furniture below
    errors = np.concatenate(([content[-1]], errors))  # the cut below everything: all content is an error
    best = len(errors) - 1 - int(np.argmin(errors[::-1]))
    candidates = [float(distinct[0])] + [
        float((distinct[k] + distinct[k + 1]) / 2) if k + 1 < len(distinct) else float(distinct[k]) + 1.0
        for k in range(len(distinct))
    ]
    return round(candidates[best], 6)


def evidence_rates(items: Sequence[Rows]) -> tuple[float, float]:
    """The least repetition that counts as template evidence, outside and inside the article, from the rows
    with a profile's evidence (the template-site corpus), each a ``stump`` over the open blocks' repetition
    and labels, weighted as in training: inside, over the prose inside the article
    (``textevidence.inside_article``, the gold's blocks standing for what the model keeps, found with a
    first cut over every block); outside, over every other block."""
    present = [item for item in items if item.open.any() and not np.isnan(item.rows[:, REPETITION]).all()]
    if not present:
        return 0.0, 0.0

    def cut(masks: Sequence[np.ndarray]) -> float:
        pairs = list(zip(present, masks, strict=True))
        return stump(
            np.concatenate([item.rows[mask, REPETITION] for item, mask in pairs]),
            np.concatenate([item.labels[mask] for item, mask in pairs]),
            np.concatenate([item.weights[mask] for item, mask in pairs]),
        )

    first = cut([item.open for item in present])
    within = [
        item.open & (item.rows[:, PROSE] > 0) & inside_article(item.rows, item.labels.astype(bool) & item.open, first)
        for item in present
    ]
    outside = cut([item.open & ~inside for item, inside in zip(present, within, strict=True)])
    return outside, max(outside, cut(within))


def load_rows(
    bench_dir: Path, kinds: Sequence[str] = KINDS, benches: Sequence[str] = BENCHES, pages: set[str] | None = None
) -> list[Rows]:
    """The bench pages' rows (no site profile: the column missing)."""
    return [rows_of(document) for document in documents(bench_dir, kinds=kinds, benches=benches, pages=pages)]


def load_site_rows(bench_dir: Path, folds: set[int] | None = None, benches: Sequence[str] = BENCHES) -> list[Rows]:
    """The template-site corpus's rows (``bench/sitedata.py``: a trusted profile's evidence in the column), the
    corpus made of the pages of ``benches`` alone (templates, articles and every line drawn in)."""
    return [rows_of(document) for document in site_documents(bench_dir, folds=folds, benches=benches)]


def load_all(bench_dir: Path, kinds: Sequence[str] = KINDS) -> list[Rows]:
    """What the shipped model and the fold models of ``bench/cv_text.py`` learn from: both of the above, the
    bench pages in ``kinds``."""
    return load_rows(bench_dir, kinds) + load_site_rows(bench_dir)


def kinds_option(value: str) -> tuple[str, ...]:
    """``--kinds``' comma-separated kinds, each of ``textdata.KINDS`` or ``KINDS_EXTRA``."""
    kinds = tuple(kind for kind in value.split(",") if kind)
    unknown = sorted(set(kinds) - set(KINDS) - set(KINDS_EXTRA))
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(f"unknown kinds {unknown}: from {', '.join(KINDS + KINDS_EXTRA)}")
    return kinds


def write(bench_dir: Path, output: Path, kinds: Sequence[str] = KINDS) -> int:
    """Train on ``bench_dir``'s pages in ``kinds`` and write the model file ``output`` and its lexicon beside it."""
    items = load_all(bench_dir, kinds)
    write_model(output, items)
    print(f"{output}: {sum(int(i.open.sum()) for i in items)} blocks from {len(items)} documents")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "cleaner" / "layout" / MODEL_FILE)
    parser.add_argument(
        "--check",
        action="store_true",
        help="train into a temporary folder and exit 1 if the model or its lexicon differ from --output's "
        "(the shipped files by default); nothing is written",
    )
    parser.add_argument(
        "--kinds",
        type=kinds_option,
        default=KINDS,
        help=f"the bench pages' input kinds to learn from, comma-separated (default {','.join(KINDS)}; "
        f"more: {','.join(KINDS_EXTRA)})",
    )
    args = parser.parse_args(argv)
    if not (args.bench_dir / "folds.json").is_file():
        print(f"{args.bench_dir}: no folds.json here; pass the shared bench folder", file=sys.stderr)
        return 2
    if not args.check:
        return write(args.bench_dir, args.output, args.kinds)
    shipped = [args.output, lexicon_path(args.output)]
    return rebuilt(lambda built: write(args.bench_dir, built, args.kinds), shipped, "python bench/train_text.py")


if __name__ == "__main__":
    sys.exit(main())
