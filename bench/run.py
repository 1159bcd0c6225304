"""Benchmark cleaner against the existing extractors on the shared benchmark pages.

    python bench/run.py ../shared/bench                      # HTML inputs: trafilatura, readability, cleaner
    python bench/run.py ../shared/bench --only text          # text inputs: cleaner vs no cleaning
    python bench/run.py ../shared/bench --tools cleaner,trafilatura --bench tfeval

All tools run in this one process, taking turns page by page, on the same pages already
read into memory, so pages per second compare extraction work only (no file I/O).  Time is
this process's CPU time (``time.process_time``), so other load on a shared machine does
not distort the comparison; each tool first sees ``WARM_UP`` pages untimed (imports and
caches are one-off costs, not per-page work), then pays its known one-off costs (``ONE_OFFS``:
``cleaner.warm_up``: dateparser's locale patterns, which htmldate's extensive search compiles on
its first use, and langdetect's language profiles, loaded by the first page the stopword vote
cannot place),
timed and reported in the table's "one-off s" column but not counted in pages per second.  Each
tool's predictions are written as ``<id>.json`` to a temporary folder per benchmark and
tool, then scored by the benchmark's own ``score.py --json`` in a subprocess.
Only the page (or text) is given to a tool: gold fields such as the URL never are.

This script does NOT tune anything and does not read gold; it measures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.scoring import is_lost, score_json

BENCHES = ("aeb", "tfeval")
WARM_UP = 20  # pages each tool sees once, untimed, before the measured pass
TEXT_SOURCES = ("bs4", "inscriptis", "trafilatura", "readability")
HTML_TOOLS = ("trafilatura", "readability", "htmldate", "cleaner")
Prediction = dict[str, object]


@dataclass(frozen=True, slots=True)
class Row:
    """One tool on one benchmark: its scores and its speed."""

    tool: str
    bench: str
    pages: int
    seconds: float
    scores: dict[str, float]
    one_off: float = 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "tool": self.tool,
            "bench": self.bench,
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "one_off_seconds": round(self.one_off, 3),
            "pages_per_second": round(self.pages_per_second, 2),
            "scores": self.scores,
        }


# ----------------------------------------------------------------- tools


def tool_trafilatura(page: str) -> Prediction:
    import trafilatura

    return {"text": trafilatura.extract(page) or ""}


def tool_trafilatura_meta(page: str) -> Prediction:
    import trafilatura

    doc = trafilatura.bare_extraction(page, with_metadata=True)
    if doc is None:
        return {"text": ""}
    return {"text": doc.text or "", "title": doc.title, "authors": doc.author, "published": doc.date}


def tool_readability(page: str) -> Prediction:
    import lxml.html
    from readability import Document

    document = Document(page)
    summary = document.summary(html_partial=True)
    root = lxml.html.fragment_fromstring(summary, create_parent="div") if summary.strip() else None
    paragraphs = [] if root is None else [" ".join(el.text_content().split()) for el in root.iter(*_BLOCK_TAGS)]
    return {"text": "\n\n".join(p for p in paragraphs if p), "title": document.short_title()}


_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "td")


def tool_htmldate(page: str) -> Prediction:
    """htmldate's publication date (extensive search, original date), the date anchor."""
    from htmldate import find_date

    return {"published": find_date(page, extensive_search=True, original_date=True)}


def tool_cleaner(page: str) -> Prediction:
    from cleaner import clean

    return clean(page, format="html").to_dict()


def tool_cleaner_page(page: str) -> Prediction:
    """The HTML layer alone (content extraction and page metadata, no text layers): for diagnosis."""
    from cleaner.html.page import read_page

    read = read_page(page)
    meta = read.metadata
    return {
        "text": "\n\n".join(b.text for b in read.blocks),
        "title": meta.title,
        "authors": list(meta.authors),
        "published": meta.published,
    }


def tool_cleaner_text(text: str) -> Prediction:
    from cleaner import clean

    return clean(text, format="text").to_dict()


def tool_none(text: str) -> Prediction:
    return {"text": text}


def warm_up_cleaner() -> None:
    from cleaner import warm_up

    warm_up()


TOOLS: dict[str, Callable[[str], Prediction]] = {
    "trafilatura": tool_trafilatura,
    "trafilatura-meta": tool_trafilatura_meta,
    "readability": tool_readability,
    "htmldate": tool_htmldate,
    "cleaner": tool_cleaner,
    "cleaner-page": tool_cleaner_page,
}
# One-off costs a tool pays once per process, lazily, on whichever page first needs them: paid
# (and timed, and reported) before the measured pass, like imports.  The warm-up pages do not
# reliably trigger them (langdetect's profiles load on the first page whose language the stopword
# vote cannot tell); dateparser's locale patterns are compiled by the first string htmldate's
# extensive search hands over, on some undated page.
ONE_OFFS: dict[str, Callable[[], None]] = {"cleaner": warm_up_cleaner, "cleaner-page": warm_up_cleaner}


# ----------------------------------------------------------------- running and scoring


def load_inputs(folder: Path, suffix: str) -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob(f"*{suffix}"))}


def warm_up(tools: dict[str, Callable[[str], Prediction]], inputs: dict[str, str], out: Path) -> dict[str, float]:
    """Each tool's untimed warm-up pages, then its one-off costs; return CPU seconds of the one-offs."""
    one_off = dict.fromkeys(tools, 0.0)
    for name, tool in tools.items():
        (out / name).mkdir(parents=True, exist_ok=True)
        for page in list(inputs.values())[:WARM_UP]:  # imports, caches, lazily loaded data: not per-page work
            with contextlib.suppress(Exception):  # failures are reported in the measured pass below
                tool(page)
        if name in ONE_OFFS:
            start = time.process_time()
            ONE_OFFS[name]()
            one_off[name] = time.process_time() - start
    return one_off


def run_tools(tools: dict[str, Callable[[str], Prediction]], inputs: dict[str, str], out: Path) -> dict[str, float]:
    """Run every tool on every input, page by page, write predictions; return CPU seconds per tool.

    The tools take turns on each page (not one tool over all pages, then the next), so load from
    other processes on a shared machine falls on all of them alike.
    """
    spent = dict.fromkeys(tools, 0.0)
    for page_id, page in inputs.items():
        for name, tool in tools.items():
            start = time.process_time()
            try:
                prediction = tool(page)
            except Exception as error:  # a tool failing on a page is an empty prediction, and is reported
                print(f"  {name} failed on {page_id}: {type(error).__name__}: {error}", file=sys.stderr)
                prediction = {"text": ""}
            spent[name] += time.process_time() - start
            (out / name / f"{page_id}.json").write_text(json.dumps(prediction, ensure_ascii=False), encoding="utf-8")
    return spent


def score(bench_dir: Path, bench: str, pred: Path) -> dict[str, float]:
    """The dev-split scores from the benchmark's own scorer (``score.py --json``), and lost articles (aeb)."""
    scores = score_json(bench_dir, bench, pred).get("dev", {})
    if bench == "aeb" and "f1" in scores:
        scores["lost"] = lost_articles(bench_dir, pred)
    return scores


def lost_articles(bench_dir: Path, pred: Path) -> int:
    """aeb pages whose prediction lost its article (``scoring.is_lost``).

    Uses the benchmark's own tokens and shingles (``evalcore`` beside its ``score.py``).
    """
    sys.path.insert(0, str(bench_dir.resolve()))
    import evalcore

    lost = 0
    for page_id, gold in evalcore.load_gold("aeb").items():
        path = pred / f"{page_id}.json"
        text = json.loads(path.read_text(encoding="utf-8")).get("text") or "" if path.is_file() else ""
        lost += is_lost(evalcore, gold["body"], text)
    return lost


COLUMNS = (
    ("f1", "aeb F1"),
    ("lost", "lost (aeb)"),
    ("snip_f1", "snippet F1"),
    ("author_acc", "author"),
    ("date_acc", "date"),
    ("title_acc", "title"),
)


def table(rows: list[Row], baseline: str) -> str:
    """Markdown table, one line per tool and benchmark, with the speed ratio to the baseline tool."""
    speed = {(r.tool, r.bench): r.pages_per_second for r in rows}
    lines = [
        "| input | tool | pages | "
        + " | ".join(t for _, t in COLUMNS)
        + " | pages/s | speed vs "
        + baseline
        + " | one-off s |",
        "|" + "---|" * (len(COLUMNS) + 6),
    ]
    for r in rows:
        values = [_cell(r.scores.get(k)) for k, _ in COLUMNS]
        base = speed.get((baseline, r.bench))
        ratio = f"{r.pages_per_second / base:.2f}" if base else ""
        lines.append(
            f"| {r.bench} | {r.tool} | {r.pages} | "
            + " | ".join(values)
            + f" | {r.pages_per_second:.1f} | {ratio} | {r.one_off:.1f} |"
        )
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    return str(value) if isinstance(value, int) else f"{value:.3f}" if isinstance(value, float) else ""


def run_html(bench_dir: Path, benches: list[str], tools: list[str], work: Path, limit: int | None) -> list[Row]:
    rows = []
    for bench in benches:
        inputs = load_inputs(bench_dir / "data" / bench / "html", ".html")
        inputs = dict(list(inputs.items())[:limit]) if limit else inputs
        chosen = {name: TOOLS[name] for name in tools}
        one_off = warm_up(chosen, inputs, work / bench)
        spent = run_tools(chosen, inputs, work / bench)
        for name in tools:
            scores = score(bench_dir, bench, work / bench / name)
            rows.append(Row(name, bench, len(inputs), spent[name], scores, one_off[name]))
            print(f"  {bench} {name}: {len(inputs) / spent[name]:.1f} pages/s", file=sys.stderr)
    return rows


def run_text(bench_dir: Path, benches: list[str], work: Path, limit: int | None) -> list[Row]:
    rows = []
    for bench in benches:
        for source in TEXT_SOURCES:
            inputs = load_inputs(bench_dir / "data" / "text" / bench / source, ".txt")
            inputs = dict(list(inputs.items())[:limit]) if limit else inputs
            chosen = {"none": tool_none, "cleaner": tool_cleaner_text}
            warm_up(chosen, inputs, work / bench / source)
            spent = run_tools(chosen, inputs, work / bench / source)
            for name in ("none", "cleaner"):
                pred = work / bench / source / name
                rows.append(Row(f"{source}: {name}", bench, len(inputs), spent[name], score(bench_dir, bench, pred)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default="../shared/bench", type=Path)
    parser.add_argument("--only", choices=("html", "text"), default="html")
    parser.add_argument("--tools", default=",".join(HTML_TOOLS), help=f"comma-separated, from {sorted(TOOLS)}")
    parser.add_argument("--bench", choices=BENCHES, action="append", help="default: both")
    parser.add_argument("--limit", type=int, help="only the first N pages of each benchmark (quick checks)")
    parser.add_argument("--keep", type=Path, help="write predictions here instead of a temporary folder")
    parser.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    args = parser.parse_args(argv)
    if not (args.bench_dir / "score.py").is_file():
        print(f"{args.bench_dir}: no score.py here; pass the shared bench folder", file=sys.stderr)
        return 2
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        print(f"unknown tool {unknown[0]!r}; known: {', '.join(sorted(TOOLS))}", file=sys.stderr)
        return 2
    benches = args.bench or list(BENCHES)
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as temp:
        work = args.keep or Path(temp)
        if args.only == "text":
            rows = run_text(args.bench_dir, benches, work, args.limit)
        else:
            rows = run_html(args.bench_dir, benches, tools, work, args.limit)
    if args.json:
        print(json.dumps([r.to_dict() for r in rows], indent=1))
    else:
        print(table(rows, "trafilatura" if args.only == "html" else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
