"""Where HTML mode's time goes: each stage of ``clean(page, format="html")`` against ``trafilatura.extract``.

    python bench/speed_html.py ../shared/bench                 # tfeval, every page
    python bench/speed_html.py ../shared/bench --bench aeb --limit 50
    python bench/speed_html.py ../shared/bench --cold          # each page met once, as a new corpus is

Every page is first cleaned and extracted once untimed (imports, caches), and ``cleaner.warm_up()``
pays the one-off costs.  That second pass over the same pages finds their texts in cleaner's and
htmldate's memos; ``--cold`` times the first meeting instead (only ``warm_up()`` and one page of
each tool before it, for the imports), which is what pages of a corpus the process has not seen cost
(docs/html.md, "Speed").  Then, page by page, ``trafilatura.extract(page)`` and ``clean(page,
format="html")`` are timed in turn, and inside ``clean`` each stage listed in ``STAGES`` (the
functions are wrapped by name in the modules that call them).  Time is this process's CPU time
(``time.process_time``); each figure is also shown as a multiple of trafilatura's time on the same
pages, the figure that compares across runs on a shared machine.  Stages nest (the extraction is
part of the main content, which is part of reading the page), so the rows do not add up.

This script measures; it tunes nothing and reads no gold.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from cleaner import clean, warm_up

# (module that calls the stage, function name, what the row is)
STAGES = (
    ("cleaner.pipeline.cleaning", "read_decoded", "read the page (html layer, all below)"),
    ("cleaner.html.page", "parse_page", "  parse once, drop scripts and styles"),
    ("cleaner.html.page", "page_metadata", "  page metadata"),
    ("cleaner.html.meta", "meta_tags", "    meta tags"),
    ("cleaner.html.meta", "page_dates", "    dates"),
    ("cleaner.html.meta", "date_offers", "      the page's own date offers"),
    ("cleaner.html.offers", "htmldate_guess", "      htmldate (its extensive search where no day is offered)"),
    ("cleaner.html.meta", "marks", "    marked elements"),
    ("cleaner.html.meta", "title_offers", "    title offers"),
    ("cleaner.html.meta", "author_offers", "    author offers"),
    ("cleaner.html.meta", "chosen", "    the ranker's title and authors"),
    ("cleaner.html.meta", "with_dates", "    the ranker's date"),
    ("cleaner.html.meta", "page_organisations", "    organisations"),
    ("cleaner.html.page", "page_description", "  the page's description (for the lead)"),
    ("cleaner.html.page", "without_title", "  the headline dropped from the content"),
    ("cleaner.html.page", "main_content", "  main content"),
    ("cleaner.html.content", "trafilatura_pieces", "    trafilatura (fast mode) walked into blocks"),
    ("trafilatura", "bare_extraction", "      trafilatura.bare_extraction alone (it copies the tree three times)"),
    ("cleaner.html.content", "justext_pieces", "    justext, where trafilatura finds little"),
    ("cleaner.html.content", "page_prose", "    the page's prose (for the fallback and the audit)"),
    ("cleaner.html.content", "_continuations", "    the body's later containers"),
    ("cleaner.html.content", "outside", "    the prose left out (for the audit)"),
    ("cleaner.html.views", "readability_pieces", "    readability-lxml, where the fallback asks it"),
    ("cleaner.html.page", "with_lead", "  visible lead put back"),
    ("cleaner.html.page", "confirmed_language", "  the declared language checked"),
    ("cleaner.html.page", "normalised", "  the page's text normalised"),
    ("cleaner.pipeline.cleaning", "clean_blocks", "text layers, metadata choice, article"),
    ("cleaner.pipeline.cleaning", "decide_blocks", "  the block layers (rules, lines, zones, classifier)"),
    ("cleaner.pipeline.cleaning", "choose_metadata", "  the lines' metadata (text metadata model)"),
)


def timed(module_name: str, name: str, spent: dict[str, float]) -> None:
    """Replace ``module.name`` by a wrapper adding its CPU time to ``spent[name]`` (``Class.method``: on the class)."""
    *path, attribute = name.split(".")
    owner: object = importlib.import_module(module_name)
    for part in path:
        owner = getattr(owner, part)
    function: Callable[..., object] = getattr(owner, attribute)

    @functools.wraps(function)
    def wrapper(*args: object, **kwargs: object) -> object:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    setattr(owner, attribute, wrapper)


def measure(pages: list[str], *, cold: bool = False) -> tuple[float, float, dict[str, float]]:
    """CPU seconds of trafilatura.extract, of clean, and of each stage, over the pages (``cold``: met once)."""
    for page in pages[:1] if cold else pages:
        trafilatura.extract(page)
        clean(page, format="html")
    warm_up()
    spent = {name: 0.0 for _, name, _ in STAGES}
    for module_name, name, _ in STAGES:
        timed(module_name, name, spent)
    extract = cleaning = 0.0
    for page in pages:
        start = time.process_time()
        trafilatura.extract(page)
        extract += time.process_time() - start
        start = time.process_time()
        clean(page, format="html")
        cleaning += time.process_time() - start
    return extract, cleaning, spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default="../shared/bench", type=Path)
    parser.add_argument("--bench", choices=("aeb", "tfeval"), default="tfeval")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--cold", action="store_true", help="time each page's first cleaning, not a second pass")
    args = parser.parse_args(argv)
    folder = args.bench_dir / "data" / args.bench / "html"
    if not folder.is_dir():
        parser.error(f"{folder}: no such folder (give the shared benchmark's path)")
    pages = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.html"))][: args.limit]
    extract, cleaning, spent = measure(pages, cold=args.cold)
    kind = " (cold)" if args.cold else ""
    print(f"{len(pages)} {args.bench} pages{kind}, CPU ms a page and as a multiple of trafilatura.extract's time\n")
    print("| stage | ms/page | x trafilatura |\n|---|---|---|")
    print(f"| trafilatura.extract(page) | {1000 * extract / len(pages):.1f} | 1.00 |")
    print(f'| cleaner.clean(page, format="html") | {1000 * cleaning / len(pages):.1f} | {cleaning / extract:.2f} |')
    for _, name, label in STAGES:
        print(f"| {label.replace('  ', '. ')} | {1000 * spent[name] / len(pages):.1f} | {spent[name] / extract:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
