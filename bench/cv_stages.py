"""Compare variants of the text model's second stage out of fold, fast, with a fold held back from the choosing.

    python bench/cv_stages.py ../shared/bench --cache /tmp/stages         # the shipped second stage
    python bench/cv_stages.py ../shared/bench --cache /tmp/stages --first-only

``bench/cv_text.py`` is the measurement (fold models trained afresh, the real ``clean()`` on every
held-out page); it takes 15-25 minutes on this machine.  This script is for choosing among a few
variants of what comes after the first stage (the second stage's columns, the cut) before such a run:

* the first stage is trained once per fold (the model for the held-out fold's scores) and once per
  pair of folds (the cross-fitted scores the second stage of ``bench/train_text.py`` learns from: a
  training page of fold g, for held-out fold f, is scored by the model trained without f and g), and
  its scores are cached in ``--cache`` (the rows and labels are ``bench/train_text.py``'s, so training
  data changes need a fresh cache folder); every fit's rows get their lexical columns (``bench/textlexicon.py``)
  from a lexicon learned without the fit's held-out folds and the row's own fold, as in training;
* the second stage (``cleaner.layout.textmodel.second_stage`` as it stands in the working tree) is
  trained per held-out fold from those cross-fitted scores, as ``bench/train_text.py`` does;
* the decision is simulated from the final scores: the page-dump tests (``classify``'s shape test, or
  most open blocks below the cut), the page's cut (``textcut.page_threshold``), the edges of
  extractor-shaped text, and the prose guard; not the head rule, the settling pass or the metadata
  layers, so the figures are close to ``cv_text.py``'s but not the same.

Figures are printed for folds 0-3 (where variants are compared and chosen) and for fold 4 apart
(held back: a choice is confirmed there once, not made there), scored by the benchmark's own metrics
(``evalcore``): aeb shingle F1 and lost articles, tfeval snippet F1.  Nothing is tuned here.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scoring import is_lost  # noqa: E402
from bench.sitedata import site_documents  # noqa: E402
from bench.textdata import KINDS, documents, gold_of  # noqa: E402
from bench.textlexicon import LexicalCorpus, Source, filled  # noqa: E402
from bench.train_text import PARAMS, ROUNDS, _fit, rows_of  # noqa: E402
from cleaner.layout.classify import block_scores, looks_like_page_dump  # noqa: E402
from cleaner.layout.features import FEATURES  # noqa: E402
from cleaner.layout.textcut import DUMP_FURNITURE_SHARE, DUMP_MIN_OPEN, EDGE_CUT, page_threshold  # noqa: E402
from cleaner.layout.textmodel import GUARD_MIN_WORDS, GUARD_SHARE, MIN_OPEN, second_stage  # noqa: E402
from cleaner.model import Role  # noqa: E402

FOLDS = 5
HELD_BACK = 4
THRESHOLD = 0.5
COLUMN = {name: index for index, name in enumerate(FEATURES)}


def load(bench_dir: Path) -> list[dict]:
    """Every training document (bench pages in every kind, template-site pages) with its rows and texts."""
    out = []
    for source in (documents(bench_dir), site_documents(bench_dir)):
        for document in source:
            rows = rows_of(document)
            if not rows.open.any():
                continue
            out.append(
                {
                    "bench": rows.bench,
                    "page": rows.page,
                    "site": rows.site,
                    "kind": rows.kind,
                    "fold": rows.fold,
                    "rows": rows.rows,
                    "open": rows.open,
                    "labels": rows.labels,
                    "weights": rows.weights,
                    "texts": [verdict.text for verdict in document.verdicts],
                    "body": np.array([verdict.role is Role.BODY for verdict in document.verdicts]),
                }
            )
    return out


def _stack(docs: list[dict], columns: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        np.concatenate([c[d["open"]] for d, c in zip(docs, columns, strict=True)]),
        np.concatenate([d["labels"][d["open"]] for d in docs]),
        np.concatenate([d["weights"][d["open"]] for d in docs]),
    )


def corpus_of(docs: list[dict]) -> LexicalCorpus:
    """The documents' tokens and counts, from which each fit's lexicon is learned (``bench/textlexicon.py``).

    Built once per list of documents: the runs ask for it per held-out fold and per pair of folds, and it
    tokenises every block and keeps each fit's learned weights."""
    known = _CORPORA.get(id(docs))
    if known is None or known[0] is not docs:
        sources = [
            Source(d["bench"], d["site"], d["fold"], d["texts"], d["open"], d["labels"], d["weights"]) for d in docs
        ]
        known = _CORPORA[id(docs)] = (docs, LexicalCorpus(sources))
    return known[1]


_CORPORA: dict[int, tuple[list[dict], LexicalCorpus]] = {}  # by the list's id, the list kept so the id stays its own


def lexical_rows(docs: list[dict], corpus: LexicalCorpus, excluded: tuple[int, ...] | set[int]) -> list[np.ndarray]:
    """Every document's rows with the lexical columns of a fit without the folds ``excluded`` (the lexicon learned
    without those folds and the document's own, as in ``bench/train_text.py``)."""
    return [filled(d["rows"], columns) for d, columns in zip(docs, corpus.columns(excluded), strict=True)]


def first_stage(docs: list[dict]) -> tuple[list[np.ndarray], dict[tuple[int, int], np.ndarray]]:
    """Held-out first-stage scores per document, and the cross-fitted ones per (held-out fold, document).

    Each fit's rows get their lexical columns as ``bench/train_text.py``'s do: from a lexicon learned without
    the fit's held-out folds and without the row's own fold (``LexicalCorpus.columns``)."""
    held: list[np.ndarray] = [np.zeros(0)] * len(docs)
    crossed: dict[tuple[int, int], np.ndarray] = {}
    corpus = corpus_of(docs)
    for excluded in [(fold,) for fold in range(FOLDS)] + list(itertools.combinations(range(FOLDS), 2)):
        rows = lexical_rows(docs, corpus, excluded)
        inside = [i for i, d in enumerate(docs) if d["fold"] not in excluded]
        model = _fit(PARAMS, ROUNDS, *_stack([docs[i] for i in inside], [rows[i] for i in inside]))
        for i, d in enumerate(docs):
            if d["fold"] not in excluded:
                continue
            scores = model.predict(rows[i], num_threads=1)
            if len(excluded) == 1:
                held[i] = scores
            else:
                one, other = excluded
                crossed[(one if d["fold"] == other else other, i)] = scores
        print(f"first stage without folds {excluded}", file=sys.stderr)
    return held, crossed


def second(docs: list[dict], held: list[np.ndarray], crossed: dict[tuple[int, int], np.ndarray]) -> list[np.ndarray]:
    """Held-out second-stage scores, each fold's stage trained on the other folds' cross-fitted scores."""
    out: list[np.ndarray] = [np.zeros(0)] * len(docs)
    corpus = corpus_of(docs)
    for fold in range(FOLDS):
        rows = lexical_rows(docs, corpus, {fold})
        inside = [i for i, d in enumerate(docs) if d["fold"] != fold]
        columns = [second_stage(rows[i], crossed[(fold, i)]) for i in inside]
        model = _fit(PARAMS, ROUNDS, *_stack([docs[i] for i in inside], columns))
        for i, d in enumerate(docs):
            if d["fold"] == fold:
                out[i] = model.predict(second_stage(rows[i], held[i]), num_threads=1)
    return out


class _Cut:
    threshold = THRESHOLD


def keep(doc: dict, scores: np.ndarray) -> np.ndarray:
    """Which blocks the text would keep (see the module doc: the cut, the edges and the guard, simulated)."""
    rows, open_mask = doc["rows"], doc["open"]
    if open_mask.sum() < MIN_OPEN:
        return open_mask | doc["body"]
    shape = [rows[open_mask, COLUMN[name]] for name in ("chars", "words", "stop_density", "ends_sentence")]
    prose_like = block_scores(*shape[:3], shape[3] > 0, np.zeros(len(shape[0])), bool(rows[0, COLUMN["has_stoplist"]]))
    dump = looks_like_page_dump(prose_like.tolist(), shape[1].astype(int).tolist())
    if not dump and open_mask.sum() >= DUMP_MIN_OPEN:
        dump = float(np.mean(scores[open_mask] < THRESHOLD)) > DUMP_FURNITURE_SHARE
    if dump:
        kept = open_mask & (scores >= page_threshold(_Cut(), scores, open_mask))  # type: ignore[arg-type]
    else:
        good = np.flatnonzero(open_mask & (scores >= EDGE_CUT))
        index = np.arange(len(scores))
        kept = open_mask & (index >= good[0]) & (index <= good[-1]) if len(good) else open_mask.copy()
    prose, in_run, words = (rows[:, COLUMN[name]] for name in ("prose", "in_run", "words"))
    run_prose = float(np.sum(words * prose * in_run))
    if run_prose >= GUARD_MIN_WORDS and float(np.sum(words[kept | doc["body"]])) < GUARD_SHARE * run_prose:
        kept |= open_mask & (in_run * prose > 0)
    return kept | doc["body"]


def report(bench_dir: Path, docs: list[dict], scores: list[np.ndarray], folds: set[int]) -> str:
    sys.path.insert(0, str(bench_dir))
    import evalcore

    cells = []
    for bench in ("aeb", "tfeval"):
        gold = gold_of(bench_dir, bench)
        for kind in KINDS:
            chosen = [i for i, d in enumerate(docs) if d["bench"] == bench and d["kind"] == kind and d["fold"] in folds]
            texts = {}
            for i in chosen:
                kept = keep(docs[i], scores[i])
                texts[docs[i]["page"]] = "\n\n".join(t for t, k in zip(docs[i]["texts"], kept, strict=True) if k)
            pages = sorted(docs[i]["page"] for i in chosen)
            if bench == "aeb":
                bodies = {page: gold[page]["body"] for page in pages}
                f1 = evalcore.body_metrics(bodies, texts, pages, n_boot=1)["f1"]
                lost = sum(1 for page in pages if is_lost(evalcore, bodies[page], texts.get(page, "")))
                cells.append(f"{bench} {kind} {f1:.4f} lost {lost}")
            else:
                cells.append(f"{bench} {kind} {evalcore.snippet_metrics(gold, texts, pages)['snip_f1']:.4f}")
    return "\n".join(cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("--cache", type=Path, required=True, help="the rows and first-stage scores, kept here")
    parser.add_argument("--first-only", action="store_true", help="decide from the first stage's scores alone")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    cached = args.cache / "first-stage.pkl"
    if cached.is_file():
        docs, held, crossed = pickle.loads(cached.read_bytes())
    else:
        docs = load(args.bench_dir)
        held, crossed = first_stage(docs)
        cached.write_bytes(pickle.dumps((docs, held, crossed), protocol=5))
    scores = held if args.first_only else second(docs, held, crossed)
    chosen = set(range(FOLDS)) - {HELD_BACK}
    print(f"folds {sorted(chosen)} (choosing):\n{report(args.bench_dir, docs, scores, chosen)}")
    print(f"fold {HELD_BACK} (held back):\n{report(args.bench_dir, docs, scores, {HELD_BACK})}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
