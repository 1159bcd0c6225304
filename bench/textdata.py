"""Training and validation data for the text classifier, built from ../shared/bench alone.

    from bench.textdata import documents
    for doc in documents(bench_dir, kinds=("bs4", "wrapped")): ...

Every page of the two benchmarks comes in several input kinds, each one a document the product
meets: a naive page dump (``bs4``, ``inscriptis``), a hard-wrapped dump (``wrapped``: the bs4
dump with each line wrapped at 60-80 columns, the width fixed per page by a hash of its id),
and an extractor's output (``trafilatura``, ``readability``).  ``KINDS_EXTRA`` are kinds a training may add
(``train_text.py --kinds``): made from the page's HTML as ``bench/cv_unseen.py`` makes them (``bench/textkinds.py``:
``html2text``, the whole page in Markdown, and ``text_content``, lxml's run-together dump).  Each document is read
as a user's file of its kind is (``input_format``: Markdown as a ``.md`` file) by the real pipeline up to the
classifier (``cleaner.pipeline.open_verdicts``), and every block gets a label:

* aeb: content when the gold body covers at least half of its tokens, a token being covered when
  one of the 4-token shingles of the page's token stream that contain it is a gold shingle;
* tfeval (snippets only): the same coverage against a teacher, trafilatura on the page's HTML,
  then the gold snippets override it where they fall: a block holding (part of) a ``without``
  snippet is furniture, one holding a ``with`` snippet is content (``with`` wins).

Teacher extractions are cached under the system's temporary folder (keyed by the HTML's hash).
Nothing here writes into the repository or into the bench folder, and nothing is tuned here.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.textkinds import MAKERS, Form
from cleaner.config import DEFAULT_CONFIG
from cleaner.model import Verdict
from cleaner.pipeline import CleanError, open_verdicts, read_document

BENCHES = ("aeb", "tfeval")
KINDS = ("bs4", "inscriptis", "wrapped", "trafilatura", "readability")
KINDS_EXTRA = ("html2text", "text_content")  # made from the HTML (bench/textkinds.py), opt-in
WORD = re.compile(r"\w+")  # the scorer's tokens
SHINGLE = 4
COVERED = 0.5
CACHE = Path(tempfile.gettempdir()) / "cleaner-teacher-cache"
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Document:
    """One page in one input kind, read up to the classifier, with a label per block."""

    bench: str
    page: str
    kind: str
    fold: int
    site: str
    text: str
    verdicts: list[Verdict]
    language: str | None
    labels: np.ndarray  # 1.0 content, 0.0 furniture, per verdict
    repetition: tuple[float, ...] | None = None  # a site profile's evidence per verdict (``bench/sitedata.py``)
    coverage: np.ndarray | None = None  # the covered fraction the labels threshold (``coverage_for``), per verdict


def folds(bench_dir: Path) -> dict[str, dict[str, dict]]:
    return json.loads((bench_dir / "folds.json").read_text(encoding="utf-8"))


def wrap_width(page: str) -> int:
    return 60 + int(hashlib.sha1(page.encode()).hexdigest(), 16) % 21


def hard_wrap(text: str, width: int) -> str:
    """Each line wrapped at ``width`` columns, as a program that hard-wraps a dump would."""
    return "\n".join(textwrap.fill(line, width) if line.strip() else "" for line in text.split("\n"))


def input_format(kind: str) -> Form:
    """How a user's file of ``kind`` is read: ``markdown`` for the Markdown kinds of ``bench/textkinds.py``."""
    return MAKERS[kind][1] if kind in MAKERS else "text"


def input_text(bench_dir: Path, bench: str, kind: str, page: str) -> str | None:
    """The page in ``kind``: a file of the bench, or made from the page's HTML (``bench/textkinds.py``)."""
    if kind in MAKERS:
        html = (bench_dir / "data" / bench / "html" / f"{page}.html").read_text(encoding="utf-8")
        return MAKERS[kind][0](html)
    source = "bs4" if kind == "wrapped" else kind
    path = bench_dir / "data" / "text" / bench / source / f"{page}.txt"
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    return hard_wrap(text, wrap_width(page)) if kind == "wrapped" else text


def teacher(bench_dir: Path, bench: str, page: str) -> str:
    """trafilatura's extraction of the page's HTML (cached)."""
    import trafilatura

    html = (bench_dir / "data" / bench / "html" / f"{page}.html").read_text(encoding="utf-8")
    key = hashlib.sha1(html.encode()).hexdigest()
    cached = CACHE / f"{key}.txt"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    text = trafilatura.extract(html) or ""
    CACHE.mkdir(exist_ok=True)
    cached.write_text(text, encoding="utf-8")
    return text


def shingle_coverage(blocks: Sequence[str], reference: str) -> np.ndarray:
    """Per block, the share of its tokens the reference covers (0.0 for a block without tokens; the module doc)."""
    tokens = [WORD.findall(block) for block in blocks]
    stream = [token for block in tokens for token in block]
    wanted = {tuple(found[i : i + SHINGLE]) for found in [WORD.findall(reference)] for i in range(len(found) - 3)}
    covered = np.zeros(len(stream) + 1, dtype=bool)
    for start in range(len(stream) - SHINGLE + 1):
        if tuple(stream[start : start + SHINGLE]) in wanted:
            covered[start : start + SHINGLE] = True
    shares, offset = np.zeros(len(blocks)), 0
    for position, found in enumerate(tokens):
        if found:
            shares[position] = covered[offset : offset + len(found)].mean()
        offset += len(found)
    return shares


def thresholded(coverage: np.ndarray) -> np.ndarray:
    """The labels of a coverage: 1.0 where at least ``COVERED`` of the block's tokens are covered, else 0.0."""
    return (coverage >= COVERED).astype(float)


def shingle_labels(blocks: Sequence[str], reference: str) -> np.ndarray:
    """Per block, 1.0 when the reference covers at least half of its tokens (see the module doc)."""
    return thresholded(shingle_coverage(blocks, reference))


def snippet_hits(blocks: Sequence[str], snippets: Sequence[str]) -> set[int]:
    """The blocks that hold part of a snippet, found in the blocks' space-normalised text."""
    starts, parts, offset = [], [], 0
    for block in blocks:
        part = SPACES.sub(" ", block).strip()
        starts.append(offset)
        parts.append(part)
        offset += len(part) + 1
    joined = " ".join(parts)
    hits = set()
    for snippet in snippets:
        wanted = SPACES.sub(" ", snippet).strip()
        if not wanted:
            continue
        at = joined.find(wanted)
        while at >= 0:
            end = at + len(wanted)
            hits.update(p for p, s in enumerate(starts) if s < end and s + len(parts[p]) > at)
            at = joined.find(wanted, at + 1)
    return hits


def coverage_for(bench_dir: Path, bench: str, page: str, gold: dict, blocks: Sequence[str]) -> np.ndarray:
    """Per block, the covered share its label thresholds: aeb's gold body's; tfeval's teacher's, then 0.0 where a
    ``without`` snippet falls and 1.0 where a ``with`` snippet does (``with`` wins)."""
    if bench == "aeb":
        return shingle_coverage(blocks, gold["body"])
    coverage = shingle_coverage(blocks, teacher(bench_dir, bench, page))
    for position in snippet_hits(blocks, gold.get("without") or []):
        coverage[position] = 0.0
    for position in snippet_hits(blocks, gold.get("with") or []):
        coverage[position] = 1.0
    return coverage


def labels_for(bench_dir: Path, bench: str, page: str, gold: dict, blocks: Sequence[str]) -> np.ndarray:
    return thresholded(coverage_for(bench_dir, bench, page, gold, blocks))


def gold_of(bench_dir: Path, bench: str) -> dict[str, dict]:
    return json.loads((bench_dir / "data" / bench / "gold.json").read_text(encoding="utf-8"))


def documents(
    bench_dir: Path, *, kinds: Sequence[str] = KINDS, benches: Sequence[str] = BENCHES, pages: set[str] | None = None
) -> Iterator[Document]:
    """Every (bench, page, kind) document, in a fixed order, read and labelled."""
    assignment = folds(bench_dir)
    for bench in benches:
        gold = gold_of(bench_dir, bench)
        for page in sorted(gold):
            if pages is not None and page not in pages:
                continue
            for kind in kinds:
                text = input_text(bench_dir, bench, kind, page)
                if text is None:
                    continue
                try:
                    reading = read_document(text, format=input_format(kind))
                except CleanError:
                    continue  # an empty input (the extractor found nothing): no block to learn from
                verdicts, _, language, _ = open_verdicts(reading, DEFAULT_CONFIG)
                coverage = coverage_for(bench_dir, bench, page, gold[page], [v.text for v in verdicts])
                where = assignment[bench][page]
                yield Document(
                    bench, page, kind, where["fold"], where["site"], text, verdicts, language, thresholded(coverage),
                    coverage=coverage,
                )  # fmt: skip
