"""Site-grouped cross-validation of HTML-mode metadata: out-of-fold figures, next to the anchors on the same pages.

    python bench/cv_page_metadata.py ../shared/bench                  # about 2-10 minutes on this machine
    python bench/cv_page_metadata.py ../shared/bench --work /tmp/pm   # keep (and reuse) models, rows, predictions

For each of the five folds of ``folds.json`` (tfeval pages grouped by site), the page metadata
ranker (``bench/train_page_metadata.py``: same rows, parameters, constraints and threshold as the
shipped model, over the page's own offers) and the text metadata model (``bench/train_metadata.py``,
which fills what the page leaves empty from the article's lines) are trained on the other four
folds; then, on the held-out fold's pages:

- ``cleaner``: the real ``cleaner.clean(page, format="html")`` with those two models
  (``Config.page_metadata_model``, ``Config.metadata_model``): the product, whose title, authors
  and publication date are the ranker's choice;
- ``trafilatura-meta``: trafilatura's own metadata (``bare_extraction(with_metadata=True)``);
- ``htmldate``: ``find_date``, extensive search, original date.

Every tool's folder is scored by the benchmark's own ``score.py``, over all pages and per fold.
The scorer compares ``authors`` with the gold author as written, and the gold credits an
organisation on some pages (a newsroom, an agency, a company), which issue 14 rules out of
``authors``; so the authors are also scored with those pages counted as naming no person
(``organisation_figures``: a gold author every name of which ``cleaner.metadata.names.is_organisation``
calls an organisation, the site's name not counted, since a blog named after its owner names a person).
The offers' readers (which sources are read, how a site name is cut from a title, how a byline
element is read) were written on these pages: only the choice among them is out of fold.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.limits import BENCH_TIMEOUT  # noqa: E402
from bench.metadata_data import BENCH, folds_of, gold_of, scorer  # noqa: E402
from bench.page_metadata_data import text_fold_models  # noqa: E402
from bench.run import tool_htmldate, tool_trafilatura_meta  # noqa: E402
from bench.scoring import score_json  # noqa: E402
from bench.train_metadata import ALL_FOLDS  # noqa: E402
from bench.train_page_metadata import model_text, rows  # noqa: E402
from cleaner import clean  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.metadata.names import is_organisation  # noqa: E402

COLUMNS = ("author_acc", "author_empty_ok", "date_acc", "title_acc", "snip_f1")
TOOLS = ("cleaner", "trafilatura-meta", "htmldate")


def predict(tool: str, html: str, text_model: Path, page_model: Path) -> dict[str, object]:
    if tool == "cleaner":
        config = Config(metadata_model=text_model, page_metadata_model=page_model, timeout=BENCH_TIMEOUT)
        return clean(html, format="html", config=config).to_dict()
    if tool == "trafilatura-meta":
        return tool_trafilatura_meta(html)
    return tool_htmldate(html)


def organisation_figures(bench_dir: Path, pred: Path) -> dict[str, float | int]:
    """Author accuracy with gold authors that are only organisations counted as "no person named"."""
    evalcore = scorer(bench_dir)
    people, nobody, organisations, right_people, silent = 0, 0, 0, 0, 0
    for page, entry in sorted(gold_of(bench_dir).items()):
        if "author" not in entry:
            continue
        names = evalcore.norm_authors(entry["author"])
        path = pred / f"{page}.json"
        said = json.loads(path.read_text(encoding="utf-8")).get("authors") if path.is_file() else None
        parts = [part for part in evalcore._AUTHOR_SPLIT.split(str(entry["author"])) if part.strip()]
        organisation = bool(names) and all(is_organisation(part.strip()) for part in parts)
        organisations += organisation
        if names and not organisation:
            people += 1
            right_people += evalcore.norm_authors(said) == names
        else:
            nobody += 1
            silent += not evalcore.norm_authors(said)
    return {
        "person_pages": people, "author_acc": right_people / max(1, people),
        "none_pages": nobody, "organisation_pages": organisations, "author_empty_ok": silent / max(1, nobody),
    }  # fmt: skip


def run(bench_dir: Path, work: Path, tools: list[str]) -> None:
    text_models = text_fold_models(bench_dir, work)
    data = rows(bench_dir, work)
    folds = folds_of(bench_dir)
    for fold in sorted(ALL_FOLDS):
        page_model = work / f"page-model-fold{fold}.json"
        if not page_model.is_file():
            page_model.write_text(model_text(data, ALL_FOLDS - {fold}), encoding="utf-8")
        pages = sorted(page for page, where in folds.items() if where == fold)
        (work / f"ids-fold{fold}.txt").write_text("\n".join(pages) + "\n", encoding="utf-8")
        for page in pages:
            html = (bench_dir / "data" / BENCH / "html" / f"{page}.html").read_text(encoding="utf-8")
            for tool in tools:
                out = work / "pred" / tool / f"{page}.json"
                out.parent.mkdir(parents=True, exist_ok=True)
                prediction = predict(tool, html, text_models[fold], page_model)
                out.write_text(json.dumps(prediction, ensure_ascii=False), encoding="utf-8")
        print(f"fold {fold} done", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", nargs="?", default=ROOT.parent / "shared" / "bench", type=Path)
    parser.add_argument("--work", type=Path, help="folder for models, rows and predictions (reused when there)")
    parser.add_argument("--tools", default=",".join(TOOLS))
    args = parser.parse_args(argv)
    tools = args.tools.split(",")
    with tempfile.TemporaryDirectory(prefix="cleaner-cv-page-metadata-") as temp:
        work = args.work or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        run(args.bench_dir, work, tools)
        print("| tool | fold | pages | " + " | ".join(COLUMNS) + " |")
        print("|---|---|---|" + "---|" * len(COLUMNS))
        for tool in tools:
            for fold in ["all", *sorted(ALL_FOLDS)]:
                ids = None if fold == "all" else work / f"ids-fold{fold}.txt"
                found = score_json(args.bench_dir, BENCH, work / "pred" / tool, ids)["all"]
                values = " | ".join("" if found.get(c) is None else f"{found[c]:.3f}" for c in COLUMNS)
                print(f"| {tool} | {fold} | {found['n']} | {values} |")
        print("\nAuthors with gold organisations counted as naming no person (issue 14 rules them out of authors):")
        for tool in [tool for tool in tools if tool != "htmldate"]:  # htmldate names no author
            figures = organisation_figures(args.bench_dir, work / "pred" / tool)
            print(
                f"  {tool}: author {figures['author_acc']:.3f} on {figures['person_pages']} pages naming a person; "
                f"no author {figures['author_empty_ok']:.3f} on {figures['none_pages']} pages naming none "
                f"({figures['organisation_pages']} of them credit only an organisation)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
