"""Source pages for the template-site corpora: a page dump, which of its lines are the article, and its title.

    from sitesource import load_sources
    sources = load_sources(Path("../shared/bench"), kinds=("bs4", "inscriptis"))

Each development page of ``../shared/bench`` in each naive dump kind (``bs4``, ``inscriptis``) becomes a
``Source``: its non-empty lines, a label per line (article or not), the span of its main article, its
language, and the strings that name it (title, description, author), which ``make_sites`` swaps when the
page's template carries another article.

Labels: a line is article when the reference covers at least half of its tokens, a token being covered
when one of the 4-token shingles of the page's token stream that contain it is a reference shingle (the
scorer's tokens and shingles, ``../shared/bench/evalcore.py``).  The reference is the gold body (aeb), or
for tfeval a teacher, trafilatura on the page's HTML, with the gold snippets overriding it: a line holding
(part of) a ``without`` snippet is not article, one holding a ``with`` snippet is.  Teacher extractions
and page metadata are cached in the system's temporary folder, never in the repository or the bench.

This module reads the bench; it writes nothing else and tunes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from cleaner.text.language import detect_language

WORD = re.compile(r"\w+")
SPACES = re.compile(r"\s+")
SHINGLE = 4
COVERED = 0.5
SPAN_GAP = 12  # article lines this many non-article lines apart still belong to one article
CACHE = Path(tempfile.gettempdir()) / "cleaner-sites-cache"


@dataclass(frozen=True)
class Source:
    """One bench page in one dump kind, with its lines labelled."""

    bench: str
    page: str
    kind: str
    fold: int
    site: str
    language: str
    lines: tuple[str, ...]
    article: tuple[bool, ...]
    span: tuple[int, int]  # [start, end) of the main article among ``lines``
    names: tuple[str, ...]  # the page's title(s), longest first: swapped for another article's
    description: str
    author: str

    @property
    def title(self) -> str:
        return self.names[0] if self.names else ""

    @property
    def body_lines(self) -> list[str]:
        start, end = self.span
        return [line for line, flag in zip(self.lines[start:end], self.article[start:end], strict=True) if flag]


def shingle_labels(lines: Sequence[str], reference: str) -> list[bool]:
    """Per line, True when the reference covers at least half of its tokens (module doc)."""
    tokens = [WORD.findall(line) for line in lines]
    stream = [token for found in tokens for token in found]
    ref = WORD.findall(reference)
    wanted = {tuple(ref[i : i + SHINGLE]) for i in range(len(ref) - SHINGLE + 1)}
    covered = [False] * len(stream)
    for start in range(len(stream) - SHINGLE + 1):
        if tuple(stream[start : start + SHINGLE]) in wanted:
            covered[start : start + SHINGLE] = [True] * SHINGLE
    labels, offset = [], 0
    for found in tokens:
        part = covered[offset : offset + len(found)]
        labels.append(bool(found) and sum(part) >= COVERED * len(found))
        offset += len(found)
    return labels


def snippet_lines(lines: Sequence[str], snippets: Sequence[str]) -> set[int]:
    """The lines holding part of a snippet, found in the lines' space-normalised text."""
    parts = [SPACES.sub(" ", line).strip() for line in lines]
    starts, offset = [], 0
    for part in parts:
        starts.append(offset)
        offset += len(part) + 1
    joined, hits = " ".join(parts), set()
    for snippet in snippets:
        wanted = SPACES.sub(" ", snippet).strip()
        at = joined.find(wanted) if wanted else -1
        while at >= 0:
            end = at + len(wanted)
            hits.update(p for p, s in enumerate(starts) if s < end and s + len(parts[p]) > at)
            at = joined.find(wanted, at + 1)
    return hits


def main_span(article: Sequence[bool], lines: Sequence[str]) -> tuple[int, int] | None:
    """The cluster of article lines (gaps of at most ``SPAN_GAP``) holding the most article tokens."""
    clusters: list[list[int]] = []
    for index, flag in enumerate(article):
        if not flag:
            continue
        if clusters and index - clusters[-1][-1] - 1 <= SPAN_GAP:
            clusters[-1].append(index)
        else:
            clusters.append([index])
    if not clusters:
        return None
    best = max(clusters, key=lambda c: sum(len(WORD.findall(lines[i])) for i in c))
    return best[0], best[-1] + 1


def _cached(kind: str, html: str, compute) -> dict:
    path = CACHE / f"{kind}-{hashlib.sha1(html.encode()).hexdigest()}.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    value = compute()
    CACHE.mkdir(exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # processes filling the cache at once each write their own
    tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return value


def page_facts(html: str) -> dict:
    """trafilatura's extraction (the teacher) and metadata of a page, cached."""

    def compute() -> dict:
        meta = trafilatura.extract_metadata(html)
        return {
            "text": trafilatura.extract(html) or "",
            "title": (meta.title if meta else "") or "",
            "description": (meta.description if meta else "") or "",
            "author": (meta.author if meta else "") or "",
        }

    return _cached("facts", html, compute)


def _labels(bench: str, gold: dict, lines: Sequence[str], facts: dict) -> list[bool]:
    if bench == "aeb":
        return shingle_labels(lines, gold["body"])
    labels = shingle_labels(lines, facts["text"])
    for index in snippet_lines(lines, gold.get("without") or []):
        labels[index] = False
    for index in snippet_lines(lines, gold.get("with") or []):
        labels[index] = True
    return labels


def load_source(bench_dir: Path, bench: str, page: str, kind: str, gold: dict, where: dict) -> Source | None:
    """One page in one dump kind, labelled; None when its dump is missing or holds no article."""
    path = bench_dir / "data" / "text" / bench / kind / f"{page}.txt"
    if not path.is_file():
        return None
    lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n")]
    lines = [line for line in lines if line]
    html = (bench_dir / "data" / bench / "html" / f"{page}.html").read_text(encoding="utf-8", errors="replace")
    facts = page_facts(html)
    article = _labels(bench, gold, lines, facts)
    span = main_span(article, lines)
    if span is None:
        return None
    body = [line for line, flag in zip(lines[span[0] : span[1]], article[span[0] : span[1]], strict=True) if flag]
    names = {facts["title"].strip(), str(gold.get("title") or "").strip()}
    names = tuple(sorted((n for n in names if len(n) >= 12), key=lambda n: (-len(n), n)))
    description = str(gold.get("description") or facts["description"] or "").strip()
    author = str(gold.get("author") or facts["author"] or "").strip()
    language = detect_language(body, default="en") or "en"
    return Source(
        bench, page, kind, where["fold"], where["site"], language, tuple(lines), tuple(article), span,
        names, description, author,
    )  # fmt: skip


def load_sources(bench_dir: Path, *, kinds: Sequence[str] = ("bs4", "inscriptis")) -> list[Source]:
    """Every page of both benchmarks in each dump kind that has an article, in a fixed order."""
    folds = json.loads((bench_dir / "folds.json").read_text(encoding="utf-8"))
    sources = []
    for bench in ("aeb", "tfeval"):
        gold = json.loads((bench_dir / "data" / bench / "gold.json").read_text(encoding="utf-8"))
        for page in sorted(gold):
            for kind in kinds:
                source = load_source(bench_dir, bench, page, kind, gold[page], folds[bench][page])
                if source is not None:
                    sources.append(source)
    return sources
