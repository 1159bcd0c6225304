"""A check on pages of sites the bench never saw: newspaper4k's test pages, against its own extraction.

    pip download newspaper4k==0.9.6 --no-deps --no-binary :all: && tar xzf newspaper4k-0.9.6.tar.gz
    python bench/external_pages.py newspaper4k-0.9.6/tests/data [--bench ../shared/bench] [--keep DIR] [--json]

newspaper4k's source distribution ships real article pages (``html/<name>.html``) with what newspaper4k
extracted from each (``metadata/<name>.json``: ``text``, ``title``, ``publish_date``; a few pages have only its
expected text, ``txt/<name>.txt``).  **The reference is an extractor's output, not gold**: it misses text and
keeps some furniture, so a figure here is agreement with newspaper4k, and only a large miss (a lost article)
says much.  Nothing here is tuned; it is a check, not a metric to improve.

Pages taken: those with a reference text.  Skipped, and listed: site front pages (``*_main_site.html``), the RSS
sample, pages that redirect (a meta refresh naming a URL), pages without a reference, a page whose HTML repeats
another's, pages of a site the bench holds (the registered domain of the page's URL, else of its canonical link
or ``og:url``, else of most of its links, among the domains of ``gold.json``'s URLs), and pages of a site whose
name a bench site shares under another suffix (``bbc.co.uk`` beside ``bbc.com``; ``--same-name`` takes them).

Inputs per page: the HTML (``cleaner.clean(html, format="html")``; anchors ``trafilatura.extract`` and
readability-lxml), and text made from the same HTML as the bench's were: ``bs4`` (BeautifulSoup's text, a line
per block element, inline elements joined; lxml parser, scripts, styles, noscript and svg dropped),
``inscriptis`` (its ``get_text``, lines right-stripped, runs of blank lines made one; only when inscriptis is
installed), ``wrapped`` (the bs4 dump hard-wrapped as ``bench/textdata.py`` does), and the two extractors'
outputs; each text kind uncleaned and cleaned (``clean(text, format="text")``, the shipped model: these sites
are out of sample for it).

Scores per page and tool: recall and precision of 4-token shingles against the reference, with the bench
scorer's tokens (``evalcore.WORD``, runs of word characters) except that a character of a script written without
spaces (Han, kana, Thai, Lao, Khmer, Myanmar) is a token of its own (else a whole sentence is one token); a page
is **lost** when recall is under 0.5 with a reference of 100 tokens or more.  Title agreement: newspaper4k's
``title`` and the tool's, case-folded and whitespace-normalised, equal; date agreement: the same YYYY-MM-DD,
on pages where newspaper4k has a date.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import tool_readability, tool_trafilatura_meta  # noqa: E402
from bench.scoring import LONG_BODY, LOST_RECALL  # noqa: E402
from bench.textdata import hard_wrap, wrap_width  # noqa: E402
from cleaner import CleanError, clean  # noqa: E402

Prediction = dict[str, object]
UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"
)
REFRESH_TO_URL = re.compile(r"<meta[^>]+http-equiv=[\"']?refresh[^>]+url=", re.I)
SKIPPED_NAMES = (re.compile(r".*_main_site$"), re.compile(r"sample_rss$"))
SHINGLE = 4


@dataclass(frozen=True)
class Page:
    """One article page of the external set, with newspaper4k's extraction as its reference."""

    name: str
    site: str
    html: str
    reference: str
    title: str
    date: str


@dataclass
class Tally:
    """One tool or input kind's scores over the pages, and its lost pages."""

    recalls: dict[str, float] = field(default_factory=dict)
    precisions: list[float] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)


# ----------------------------------------------------------------- tokens and scores


def tokens(text: str, word: re.Pattern[str]) -> list[str]:
    """The scorer's tokens (``word``), a character of an unspaced script standing alone."""
    found: list[str] = []
    for token in word.findall(text or ""):
        if UNSPACED.search(token):
            found.extend(part for part in re.split(f"({UNSPACED.pattern})", token) if part)
        else:
            found.append(token)
    return found


def shingles(found: list[str]) -> Counter[tuple[str, ...]]:
    if len(found) < SHINGLE:
        return Counter([tuple(found)]) if found else Counter()
    return Counter(tuple(found[i : i + SHINGLE]) for i in range(len(found) - SHINGLE + 1))


def recall_precision(reference: str, text: str, word: re.Pattern[str]) -> tuple[float, float, int]:
    """Shingle recall and precision of ``text`` against ``reference``, and the reference's token count."""
    wanted_tokens = tokens(reference, word)
    wanted, got = shingles(wanted_tokens), shingles(tokens(text, word))
    shared = sum((wanted & got).values())
    recall = shared / sum(wanted.values()) if wanted else 1.0
    precision = shared / sum(got.values()) if got else (1.0 if not wanted else 0.0)
    return recall, precision, len(wanted_tokens)


def norm_title(value: object) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().casefold()


def norm_date(value: object) -> str:
    found = re.match(r"\d{4}-\d{2}-\d{2}", str(value or ""))
    return found.group(0) if found else ""


# ----------------------------------------------------------------- the pages


def registered_domain(url: str) -> str:
    """``www.news.example.co.uk`` -> ``example.co.uk``; an archived URL's own domain; "" for no host."""
    archived = re.match(r"https?://web\.archive\.org/web/[^/]+/(.*)", url or "")
    url = archived.group(1) if archived else url or ""
    host = urlparse(url if "//" in url else f"http://{url}").netloc.lower().split(":")[0]
    parts = host.split(".")
    if len(parts) < 2:
        return ""
    second_level = len(parts) > 2 and parts[-2] in ("co", "com", "org", "net", "ac", "gov") and len(parts[-1]) == 2
    return ".".join(parts[-3:] if second_level else parts[-2:])


def site_name(domain: str) -> str:
    """The registered domain without its public suffix: ``bbc.co.uk`` and ``bbc.com`` are both ``bbc``."""
    return domain.split(".")[0]


def bench_domains(bench_dir: Path) -> set[str]:
    domains = set()
    for gold in (bench_dir / "data").glob("*/gold.json"):
        for entry in json.loads(gold.read_text(encoding="utf-8")).values():
            if isinstance(entry, dict) and entry.get("url"):
                domains.add(registered_domain(entry["url"]))
    return domains - {""}


def page_site(html: str, meta: dict) -> str:
    """The page's registered domain: newspaper4k's URL, else the page's canonical link or ``og:url``, else the
    host most of its absolute links point to."""
    found = [str(meta.get("url") or ""), str(meta.get("canonical_link") or "")]
    for pattern in (
        r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)",
        r"og:url[\"'][^>]*content=[\"']([^\"']+)",
    ):
        found += re.findall(pattern, html, re.I)[:1]
    for url in found:
        if registered_domain(url):
            return registered_domain(url)
    hosts = Counter(registered_domain(url) for url in re.findall(r"href=[\"'](https?://[^/\"']+)", html, re.I))
    return hosts.most_common(1)[0][0] if hosts else "?"


def skip_reason(name: str, html: str, reference: str, site: str, domains: set[str], same_name: bool) -> str:
    """Why a page is not taken ("" when it is); ``same_name``: take a site that only shares a bench site's name."""
    if any(pattern.fullmatch(name) for pattern in SKIPPED_NAMES):
        return "a front page or the RSS sample"
    if REFRESH_TO_URL.search(html[:5000]):
        return "redirects (meta refresh to a URL)"
    if not reference.strip():
        return "no reference text"
    if site in domains:
        return f"site in the bench ({site})"
    if not same_name and site_name(site) in {site_name(domain) for domain in domains}:
        return f"a bench site's name under another suffix ({site})"
    return ""


def load_pages(data: Path, domains: set[str], same_name: bool = False) -> tuple[list[Page], dict[str, str]]:
    """The pages taken, and the reason each other page is skipped."""
    pages, skipped, seen = [], {}, set()
    for path in sorted((data / "html").glob("*.html")):
        name = path.stem
        html = path.read_bytes().decode("utf-8", errors="replace")
        meta_path, text_path = data / "metadata" / f"{name}.json", data / "txt" / f"{name}.txt"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        reference = str(meta.get("text") or "") or (
            text_path.read_text(encoding="utf-8") if text_path.is_file() else ""
        )
        digest, site = hashlib.sha1(html.encode()).hexdigest(), page_site(html, meta)
        reason = "the same HTML as another page" if digest in seen else ""
        reason = reason or skip_reason(name, html, reference, site, domains, same_name)
        seen.add(digest)
        if reason:
            skipped[name] = reason
            continue
        pages.append(
            Page(name, site, html, reference, str(meta.get("title") or ""), norm_date(meta.get("publish_date")))
        )
    return pages, skipped


# ----------------------------------------------------------------- inputs and tools


INLINE = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "nobr",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
    ]
)


def bs4_dump(html: str) -> str:
    """A naive scraper's dump as the bench's ``bs4`` ones: a line per block element, inline text joined."""
    import warnings

    from bs4 import BeautifulSoup, NavigableString, Tag

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "lxml")
    for element in soup(["script", "style", "noscript", "svg"]):
        element.decompose()
    parts: list[str] = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                inline = child.name in INLINE
                parts.append("" if inline else "\n")
                walk(child)
                parts.append("" if inline else "\n")
            elif type(child) is NavigableString:
                parts.append(str(child))

    walk(soup)
    lines = (re.sub(r"[^\S\n]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def inscriptis_dump(html: str) -> str:
    from inscriptis import get_text

    text = "\n".join(line.rstrip() for line in get_text(html).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text)


def text_kinds() -> dict[str, Callable[[Page], str]]:
    """The text inputs made from a page, by kind (inscriptis only when it is installed)."""
    kinds: dict[str, Callable[[Page], str]] = {"bs4": lambda page: bs4_dump(page.html)}
    if find_spec("inscriptis") is not None:
        kinds["inscriptis"] = lambda page: inscriptis_dump(page.html)
    kinds["wrapped"] = lambda page: hard_wrap(bs4_dump(page.html), wrap_width(page.name))
    kinds["trafilatura"] = lambda page: str(tool_trafilatura_meta(page.html)["text"])
    kinds["readability"] = lambda page: str(tool_readability(page.html)["text"])
    return kinds


def cleaned(source: str, kind: str) -> Prediction:
    try:
        return clean(source, format=kind).to_dict()
    except CleanError as error:
        return {"text": "", "error": str(error)}


def predictions(page: Page, kinds: dict[str, Callable[[Page], str]]) -> dict[str, Prediction]:
    """Every tool's prediction for a page, by row name ("html: cleaner", "bs4: uncleaned", ...)."""
    found: dict[str, Prediction] = {
        "html: cleaner": cleaned(page.html, "html"),
        "html: trafilatura": tool_trafilatura_meta(page.html),
        "html: readability": tool_readability(page.html),
    }
    for kind, make in kinds.items():
        text = make(page)
        found[f"{kind}: uncleaned"] = {"text": text}
        found[f"{kind}: cleaned"] = cleaned(text, "text")
    return found


# ----------------------------------------------------------------- scoring and reporting


def tally(pages: list[Page], preds: dict[str, dict[str, Prediction]], word: re.Pattern[str]) -> dict[str, Tally]:
    """Each row's scores over the pages."""
    tallies: dict[str, Tally] = {}
    for page in pages:
        for row, pred in preds[page.name].items():
            into = tallies.setdefault(row, Tally())
            recall, precision, size = recall_precision(page.reference, str(pred.get("text") or ""), word)
            into.recalls[page.name] = recall
            into.precisions.append(precision)
            if size >= LONG_BODY and recall < LOST_RECALL:
                into.lost.append(page.name)
            if page.title and "title" in pred:
                into.titles.append(norm_title(pred.get("title")) == norm_title(page.title))
            if page.date and "published" in pred:
                into.dates.append(norm_date(pred.get("published")) == page.date)
    return tallies


def summary(tallies: dict[str, Tally]) -> list[dict[str, object]]:
    """One row per input and tool: mean recall and precision over the pages, their F1, lost pages, agreements."""
    rows = []
    for name, into in tallies.items():
        recall = sum(into.recalls.values()) / len(into.recalls)
        precision = sum(into.precisions) / len(into.precisions)
        rows.append(
            {
                "row": name,
                "pages": len(into.recalls),
                "recall": round(recall, 3),
                "precision": round(precision, 3),
                "f1": round(2 * recall * precision / (recall + precision), 3) if recall + precision else 0.0,
                "lost": len(into.lost),
                "lost_pages": list(into.lost),
                "title": f"{sum(into.titles)}/{len(into.titles)}" if into.titles else "-",
                "date": f"{sum(into.dates)}/{len(into.dates)}" if into.dates else "-",
                "recall_per_page": {page: round(value, 3) for page, value in into.recalls.items()},
            }
        )
    return rows


def table(rows: list[dict], pages: list[Page], skipped: dict[str, str], word: re.Pattern[str]) -> str:
    lines = [
        "reference: newspaper4k's own extraction (NOT gold); recall/precision: 4-token shingles against it",
        "| input: tool | pages | recall | precision | F1 | lost | title | date |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [row[key] for key in ("row", "pages", "recall", "precision", "f1", "lost", "title", "date")]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    lines += ["", "recall per page, columns in the table's order (page, site, reference tokens):"]
    for page in pages:
        values = " ".join(f"{row['recall_per_page'][page.name]:.2f}" for row in rows)
        lines.append(f"  {page.name} ({page.site}, {len(tokens(page.reference, word))}): {values}")
    lost = [f"{name} ({row['row']})" for row in rows for name in row["lost_pages"]]
    lines += ["", "lost: " + ("; ".join(lost) or "none"), "skipped:"]
    lines += [f"  {name}: {reason}" for name, reason in sorted(skipped.items())]
    return "\n".join(lines)


def keep(out: Path, preds: dict[str, dict[str, Prediction]]) -> None:
    """Every prediction as ``out/<row>/<page>.json`` (row names made file-safe)."""
    for name, by_row in preds.items():
        for row, pred in by_row.items():
            folder = out / re.sub(r"\W+", "-", row).strip("-")
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.json").write_text(json.dumps(pred, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path, help="newspaper4k-0.9.6/tests/data (html/, metadata/, txt/)")
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench", help="the shared bench")
    parser.add_argument("--keep", type=Path, help="write every prediction here (JSON per page and row)")
    parser.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    parser.add_argument(
        "--same-name", action="store_true", help="also take sites that share a bench site's name (bbc.co.uk, bbc.com)"
    )
    args = parser.parse_args(argv)
    if not (args.data_dir / "html").is_dir() or not (args.bench / "evalcore.py").is_file():
        parser.error("DATA_DIR needs html/ (and metadata/, txt/); --bench needs evalcore.py")
    sys.path.insert(0, str(args.bench.resolve()))
    import evalcore

    pages, skipped = load_pages(args.data_dir, bench_domains(args.bench), args.same_name)
    kinds = text_kinds()
    preds = {page.name: predictions(page, kinds) for page in pages}
    if args.keep:
        keep(args.keep, preds)
    rows = summary(tally(pages, preds, evalcore.WORD))
    print(
        json.dumps({"rows": rows, "skipped": skipped}, indent=1)
        if args.json
        else table(rows, pages, skipped, evalcore.WORD)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
