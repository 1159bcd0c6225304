"""Text mode on input kinds it was never trained on: out of fold by site, and out of kind.

    python bench/cv_unseen.py ../shared/bench --models DIR            # DIR: bench/cv_text.py --models
    python bench/cv_unseen.py ../shared/bench --models DIR --kinds markdown,justext --keep /tmp/unseen
    python bench/cv_metadata.py ../shared/bench --text-models DIR --keep META   # fold metadata models, once
    python bench/cv_unseen.py ../shared/bench --models DIR --metadata-models META   # metadata out of fold too

The text model learns from five kinds of input (``bench/textdata.py``: bs4 and inscriptis dumps, the bs4
dumps hard-wrapped, trafilatura's and readability's output).  Users bring others.  This script makes seven
more from the benchmark pages' HTML, and cleans each page with
its own fold's text model (``model-fold<k>.txt`` of ``bench/cv_text.py --models``, which never saw the page's
site), so every figure is out of fold by site and out of kind:

* ``text_content``: lxml's ``text_content()`` of the page's ``<body>``, the source's own line breaks and
  indentation kept (a dump made without a text renderer: blocks run together where the markup had no break);
* ``justext``: every paragraph jusText segments the page into, boilerplate and all, one per line (a dump
  cut at another segmenter's paragraph boundaries);
* ``markdown``: trafilatura's Markdown (``output_format="markdown"``, formatting kept), cleaned as a ``.md``
  file is (``format="markdown"``);
* ``markdown_meta``: the same with trafilatura's metadata as front matter (``with_metadata=True``: ``title``,
  ``author``, ``date`` and keys of its own), cleaned as a ``.md`` file is;
* ``html2text`` and ``markdownify``: the whole page in Markdown, menus, links and images and all, as scrapers
  save pages, by two converters (``pip install -e '.[bench]'``), cleaned as a ``.md`` file is;
* ``recall``: trafilatura's output with ``favor_recall=True`` (extractor output that keeps more furniture).

Each (benchmark, kind) folder is scored by the benchmark's own ``score.py`` beside the uncleaned input, and
lost articles are counted on aeb (``bench.scoring.is_lost``).  Nothing here is tuned or trained.

The tfeval rows' author, date and title columns come from the shipped metadata model, trained on these
pages' trained kinds (in-sample), unless ``--metadata-models`` gives the fold metadata models that
``bench/cv_metadata.py --text-models DIR --keep META`` writes (``META/model-fold<k>.json``, each trained
without fold ``k``'s sites, its rows decided by the same fold's text model): then every column is out of fold.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cv_text import report, table  # noqa: E402
from bench.textdata import BENCHES, folds  # noqa: E402
from cleaner import CleanError, clean  # noqa: E402
from cleaner.config import Config  # noqa: E402


def text_content(html: str) -> str:
    """lxml's ``text_content()`` of the body (the whole document when it has none), blank lines squeezed."""
    import lxml.html

    root = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    for element in list(root.iter("script", "style", "noscript", "template")):
        element.drop_tree()
    body = root.find("body")
    text = (body if body is not None else root).text_content()
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(line for index, line in enumerate(lines) if line.strip() or (index and lines[index - 1].strip()))


def justext_paragraphs(html: str) -> str:
    """Every paragraph jusText finds, boilerplate included, one per line."""
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), frozenset(), encoding="utf-8")
    return "\n".join(paragraph.text for paragraph in paragraphs)


def markdown(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, output_format="markdown", include_formatting=True) or ""


def markdown_with_metadata(html: str) -> str:
    """trafilatura's Markdown with its metadata as front matter (``author``, ``date``: keys of its own)."""
    import trafilatura

    return trafilatura.extract(html, output_format="markdown", include_formatting=True, with_metadata=True) or ""


def html2text_page(html: str) -> str:
    """The whole page in Markdown, menus and all (html2text, lines not wrapped)."""
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    return converter.handle(html)


def markdownify_page(html: str) -> str:
    """The page's ``<body>`` in Markdown by markdownify (scripts and styles left out)."""
    import lxml.html
    from markdownify import markdownify

    root = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    for element in list(root.iter("script", "style", "noscript", "template")):
        element.drop_tree()
    body = root.find("body")
    return markdownify(lxml.html.tostring(body if body is not None else root, encoding="unicode"))


def recall(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_recall=True) or ""


MAKERS: dict[str, tuple[Callable[[str], str], str]] = {
    "text_content": (text_content, "text"),
    "justext": (justext_paragraphs, "text"),
    "markdown": (markdown, "markdown"),
    "markdown_meta": (markdown_with_metadata, "markdown"),
    "html2text": (html2text_page, "markdown"),
    "markdownify": (markdownify_page, "markdown"),
    "recall": (recall, "text"),
}


NEEDS = {"html2text": ("html2text",), "markdownify": ("markdownify",)}  # the converters of the extra '.[bench]'


def fold_config(fold: int, models: Path, metadata_models: Path | None) -> Config:
    """Fold ``fold``'s text model, and its metadata model when ``metadata_models`` is given (else the shipped one)."""
    text_model = models / f"model-fold{fold}.txt"
    if metadata_models is None:
        return Config(text_model=text_model)
    return Config(text_model=text_model, metadata_model=metadata_models / f"model-fold{fold}.json")


def predict(bench_dir: Path, models: Path, kinds: list[str], out: Path, metadata_models: Path | None = None) -> None:
    """Make each kind's input from every page's HTML and clean it with the page's fold models."""
    configs: dict[int, Config] = {}
    for bench in BENCHES:
        for page, where in sorted(folds(bench_dir)[bench].items()):
            fold = where["fold"]
            config = configs.setdefault(fold, fold_config(fold, models, metadata_models))
            html = (bench_dir / "data" / bench / "html" / f"{page}.html").read_text(encoding="utf-8")
            for kind in kinds:
                make, form = MAKERS[kind]
                text = make(html)
                try:
                    article = clean(text, format=form, config=config).to_dict()  # type: ignore[arg-type]
                except CleanError:
                    article = {"text": ""}  # an empty input: nothing to keep
                for folder, name, content in (
                    (out / bench / kind, f"{page}.json", json.dumps(article, ensure_ascii=False)),
                    (out / bench / f"{kind}-uncleaned", f"{page}.txt", text),
                ):
                    folder.mkdir(parents=True, exist_ok=True)
                    (folder / name).write_text(content, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("--models", type=Path, required=True, help="bench/cv_text.py --models: the fold text models")
    parser.add_argument("--kinds", default=",".join(MAKERS), help=f"comma-separated, from {', '.join(MAKERS)}")
    parser.add_argument("--keep", type=Path, help="write inputs and predictions here instead of a temporary folder")
    parser.add_argument(
        "--metadata-models", type=Path, help="bench/cv_metadata.py --keep: fold metadata models (else the shipped one)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    args = parser.parse_args(argv)
    kinds = [kind for kind in args.kinds.split(",") if kind]
    unknown = sorted(set(kinds) - set(MAKERS))
    if unknown:
        parser.error(f"unknown kinds: {', '.join(unknown)}")
    absent = sorted({module for kind in kinds for module in NEEDS.get(kind, ()) if find_spec(module) is None})
    if absent:
        parser.error(f"{', '.join(absent)} not installed: pip install -e '.[bench]'")
    missing = [fold for fold in range(5) if not (args.models / f"model-fold{fold}.txt").is_file()]
    if missing:
        parser.error(f"{args.models}: no model-fold{missing[0]}.txt (make them with bench/cv_text.py --models)")
    meta = args.metadata_models
    if meta is not None and not all((meta / f"model-fold{fold}.json").is_file() for fold in range(5)):
        parser.error(f"{meta}: no model-fold<k>.json for every fold (make them with bench/cv_metadata.py --keep)")
    with tempfile.TemporaryDirectory(prefix="cleaner-unseen-") as temp:
        out = args.keep or Path(temp)
        predict(args.bench_dir, args.models, kinds, out, meta)
        rows = report(args.bench_dir, kinds, out)
    print(json.dumps(rows, indent=1) if args.json else table(rows))
    if not args.json:
        source = f"fold models from {meta} (out of fold)" if meta else "the shipped model (in-sample)"
        print(f"author, date, title: {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
