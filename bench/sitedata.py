"""Training rows with a site profile's evidence: the pages of a template-site corpus, built in memory.

    from bench.sitedata import site_documents
    for doc in site_documents(bench_dir): ...   # textdata.Document with ``repetition`` set

The corpus is the one ``bench/make_sites.py`` writes (same plan, same seed, nothing written): sites made
of a development page's template around other pages' articles.  Each site's profile is learned from
that site's own pages, as ``clean learn`` learns a folder (``cleaner.sites.profile.ProfileLearner`` over
each page's blocks), and every page is read by the real pipeline up to the classifier
(``cleaner.pipeline.open_verdicts``).  A page gets the profile's evidence per block
(``cleaner.sites.apply.repetition``) and a label per block: content when the page's gold body (the
donor's article lines) covers at least half of its tokens by 4-token shingles, as for aeb
(``bench.textdata.shingle_labels``).  Only pages a trusted profile applies to are given (the column is
present); the bench pages themselves (``bench.textdata``) teach the model the missing column.

The corpus can be made of one benchmark's pages alone (``benches``; ``bench/cv_crossbench.py`` trains on one
benchmark and tests on the other): ``of_benches`` keeps only their sources, so templates, donor articles and the
lines drawn into the furniture all come from them.

A page's fold is its site's (the fold of the bench page its template came from; its donors are of the
same fold), so training on other folds never sees a fold's templates or articles.

Nothing here writes into the repository or the bench folder, and nothing is tuned here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from bench.make_sites import Source, corpus, load_sources, options
from bench.textdata import BENCHES, Document, shingle_coverage, thresholded
from cleaner.config import DEFAULT_CONFIG
from cleaner.pipeline import open_verdicts, read_document
from cleaner.sites.apply import repetition
from cleaner.sites.profile import ProfileLearner

SEED = "1"  # the corpus of bench/make_sites.py's default seed


def of_benches(sources: Sequence[Source], benches: Sequence[str]) -> list[Source]:
    """The sources of the pages of ``benches``, in their order (the corpus's plan draws from these alone)."""
    return [source for source in sources if source.bench in benches]


def site_documents(
    bench_dir: Path, seed: str = SEED, folds: set[int] | None = None, benches: Sequence[str] = BENCHES
) -> Iterator[Document]:
    """Every page of the corpus made of the pages of ``benches`` that a trusted profile of its own site applies
    to, read and labelled."""
    sources = of_benches(load_sources(bench_dir), benches)
    for name, _, templates, pages in corpus(sources, options(seed)):
        first = templates[0]
        if (folds is not None and first.fold not in folds) or not pages:
            continue
        texts = ["\n".join(page.lines) + "\n" for page in pages]
        readings = [read_document(text, format="text") for text in texts]
        learner = ProfileLearner()
        for reading in readings:
            learner.add(name, [block.text for block in reading.blocks])
        site = learner.profile().site(name)
        for page, text, reading in zip(pages, texts, readings, strict=True):
            verdicts, _, language, _ = open_verdicts(reading, DEFAULT_CONFIG)
            blocks = [verdict.text for verdict in verdicts]
            values = repetition(blocks, site)
            if values is None:
                continue
            coverage = shingle_coverage(blocks, page.gold)
            yield Document(
                "sites", f"{name}/{page.name}", first.kind, first.fold, name, text, verdicts, language,
                thresholded(coverage), tuple(values), coverage,
            )  # fmt: skip
