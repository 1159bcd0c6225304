"""Build development corpora of template sites from ../shared/bench alone, deterministically.

    python bench/make_sites.py ../shared/bench /tmp/sites            # writes /tmp/sites/<site>/pNNN.txt + gold.json
    python bench/make_sites.py ../shared/bench /tmp/sites --seed 7 --regular 4 --pages 12

A development page's naive dump (bs4 or inscriptis) is a site's template: its lines outside the main
article (``sitesource``) are the template, the article lines are replaced on each page of the "site" by
the article lines of another page of the same fold, language and dump kind (a donor), whose lines are the
gold body of that page.  Per page, as real sites do, the template's furniture varies: the title,
description and author of the template page become the donor's; dates, times and small counts are
redrawn; bylines name another author; runs of headline-like lines (related lists) are partly replaced by
other pages' titles and descriptions; a few template blocks appear on some pages only.  Some sites carry
one line that is article text on every page (a short sign-off or dateline of the template page's own
article, as two-page sites of the aeb gold do: 5 of 14 share such a line), and some a background
paragraph repeated in a minority of pages (article text too).

Kinds of site, per fold, language (en, de) and dump kind: ``regular`` (one template, ``--pages`` pages),
``redesign`` (two generations of ``--pages`` pages: a second template from another page, or the same
template with another page's menu and footer; half the sites have their files in a shuffled order),
``small`` (2-6 pages) and ``single`` (the bench page itself, unchanged).  With ``--copies K`` each regular and
redesigned site also holds K copies of one of its articles (every other one the page itself, the others the
article with its furniture drawn again), spread among its files.  Everything is drawn from
``random.Random`` seeded by ``--seed`` and the site's name, so the corpus is the same on every run.

Writes only into the folder named (which must be empty or absent): one folder per site, and
``gold.json`` (per site: fold, kind, language, type, templates; per page: generation, donor, gold body).
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitesource import WORD, Source, load_sources

LANGUAGES = ("en", "de")
KINDS = ("bs4", "inscriptis")
MONTHS = tuple(
    names.split()
    for names in (
        "January February March April May June July August September October November December",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    )
)
_MONTH = "|".join(sorted({m for names in MONTHS for m in names}, key=len, reverse=True))
DATES = (
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "iso"),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b"), "dotted"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b"), "slashed"),
    (re.compile(rf"\b({_MONTH})\.? (\d{{1,2}}),? (\d{{4}})\b"), "month-first"),
    (re.compile(rf"\b(\d{{1,2}})(\.?) ({_MONTH}) (\d{{4}})\b"), "day-first"),
)
TIME = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")
COUNT = re.compile(r"(?<![\d.:/-])\b\d{1,3}\b(?![\d.:/-])")
_NAME = r"[A-ZÄÖÜÉ]\S*"
BYLINE = re.compile(rf"^((?:By|BY|Von|von|Par|Por|Di|Door|Autor:|Author:)\s+)({_NAME}(?:\s+{_NAME}){{0,3}})")
SENTENCE_END = (".", "!", "?", "…", '"', "”")


@dataclass
class Template:
    """The template a site's pages share: head, in-article and tail lines, and what varies in them."""

    source: Source
    head: list[str]
    inline: list[tuple[float, str]]  # (relative position in the article, line)
    tail: list[str]
    related: dict[tuple[str, int], float] = field(default_factory=dict)  # (part, index) -> volatility
    optional: dict[tuple[str, int], float] = field(default_factory=dict)  # (part, index) -> share of pages


def template_of(source: Source, rng: random.Random) -> Template:
    start, end = source.span
    head = [line for line, flag in zip(source.lines[:start], source.article[:start], strict=True) if not flag]
    tail = [line for line, flag in zip(source.lines[end:], source.article[end:], strict=True) if not flag]
    inline = [
        ((index - start) / max(1, end - start), source.lines[index])
        for index in range(start, end)
        if not source.article[index]
    ]
    template = Template(source, head, inline, tail)
    for part, lines in (("head", head), ("tail", tail)):
        for run in _runs(lines):
            volatility = rng.choice((0.5, 1.0))
            template.related.update({(part, index): volatility for index in run})
        free = [i for i in range(len(lines)) if (part, i) not in template.related]
        for _ in range(rng.randint(0, 1)):
            if len(free) > 8:
                first = rng.choice(free[:-5])
                share = rng.uniform(0.2, 0.6)
                template.optional.update({(part, i): share for i in range(first, first + rng.randint(2, 5))})
    return template


def _runs(lines: Sequence[str], minimum: int = 3) -> list[list[int]]:
    """Runs of at least ``minimum`` consecutive lines of 4-30 words: teaser lists, whose entries vary."""
    runs: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if 4 <= len(WORD.findall(line)) <= 30 and "©" not in line:
            runs[-1].append(index)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= minimum]


def changed_menu(template: Template, other: Template, rng: random.Random) -> Template:
    """The same template with another page's menu (short head lines) and footer (last third of its tail)."""
    menu = [line for line in other.head if len(WORD.findall(line)) <= 3]
    head = [line for line in template.head if len(WORD.findall(line)) > 3]
    cut = len(template.tail) * 2 // 3
    tail = template.tail[:cut] + other.tail[len(other.tail) * 2 // 3 :]
    changed = Template(template.source, menu[:40] + head, template.inline, tail)
    changed.related = {(p, i): v for (p, i), v in template.related.items() if p == "tail" and i < cut}
    return changed


# ----------------------------------------------------------------- per-page variation


@dataclass(frozen=True)
class PageFacts:
    """What varies from page to page: the article's names, the date, the author."""

    title: str
    description: str
    author: str
    date: datetime.date


def _month_name(match_text: str, month: int) -> str:
    for names in MONTHS:
        if match_text in names:
            return names[month - 1]
    return MONTHS[0][month - 1]


def redate(line: str, date: datetime.date, rng: random.Random) -> str:
    d, m, y = date.day, date.month, date.year

    def render(kind: str, match: re.Match[str]) -> str:
        if kind == "iso":
            return f"{y}-{m:02d}-{d:02d}"
        if kind in ("dotted", "slashed"):
            year = str(y) if len(match.group(3)) == 4 else f"{y % 100:02d}"
            return f"{d:02d}.{m:02d}.{year}" if kind == "dotted" else f"{m}/{d}/{year}"
        if kind == "month-first":
            return f"{_month_name(match.group(1), m)} {d}, {y}"
        return f"{d}{match.group(2)} {_month_name(match.group(3), m)} {y}"

    for pattern, kind in DATES:
        line = pattern.sub(lambda match, kind=kind: render(kind, match), line)
    return TIME.sub(lambda _: f"{rng.randint(6, 22)}:{rng.randint(0, 59):02d}", line)


def vary_line(line: str, names: Sequence[str], facts: PageFacts, template: Source, rng: random.Random) -> str:
    for name in names:
        if name in line:
            line = line.replace(name, facts.title)
    if len(template.description) >= 30 and template.description in line:
        line = line.replace(template.description, facts.description)
    if len(template.author) >= 5 and template.author in line:
        line = line.replace(template.author, facts.author)
    line = BYLINE.sub(lambda match: match.group(1) + facts.author, line)
    dated = redate(line, facts.date, rng)
    if dated == line and len(line.split()) <= 5:
        dated = COUNT.sub(lambda match: str(rng.randint(0, 10 ** len(match.group(0)) - 1)), line)
    return dated


def _part(template: Template, part: str, lines: Sequence[str], facts: PageFacts, pool: Sequence[Source],
          rng: random.Random) -> list[str]:  # fmt: skip
    out = []
    for index, line in enumerate(lines):
        share = template.optional.get((part, index))
        if share is not None and rng.random() >= share:
            continue
        volatility = template.related.get((part, index))
        if volatility is not None and rng.random() < volatility:
            other = rng.choice(pool)
            sentence = line.endswith(SENTENCE_END) and other.description
            out.append(other.description if sentence else other.title or line)
            continue
        out.append(vary_line(line, template.source.names, facts, template.source, rng))
    return out


def page_lines(template: Template, body: Sequence[str], facts: PageFacts, pool: Sequence[Source],
               rng: random.Random) -> list[str]:  # fmt: skip
    """One page: the template's head, the body with the template's in-article lines, the tail."""
    names = template.source.names
    middle = list(body)
    for position, line in sorted(template.inline, reverse=True):
        middle.insert(round(position * len(body)), vary_line(line, names, facts, template.source, rng))
    head = _part(template, "head", template.head, facts, pool, rng)
    tail = _part(template, "tail", template.tail, facts, pool, rng)
    return head + middle + tail


# ----------------------------------------------------------------- sites


@dataclass(frozen=True)
class Page:
    name: str
    lines: list[str]
    generation: int
    donor: str
    gold: str


def _authors(sources: Sequence[Source]) -> list[str]:
    names = {s.author for s in sources if 2 <= len(s.author.split()) <= 4 and len(s.author) <= 40}
    return sorted(names) or ["Alex Example"]


def _extras(
    template: Source, pool: Sequence[Source], rng: random.Random
) -> tuple[tuple[str, str] | None, tuple[str, float] | None]:
    """A line of the template's own article that recurs on every page (a sign-off or a dateline) and a
    background paragraph repeated in a minority of pages, each for some sites only (module doc)."""
    recurring = None
    body = template.body_lines
    if rng.random() < 1 / 3 and len(body) >= 3:
        edges = [(edge, line) for edge, line in (("top", body[0]), ("bottom", body[-1])) if len(line.split()) <= 12]
        recurring = rng.choice(edges) if edges else None
    background = None
    if rng.random() < 0.25:
        long_lines = [line for source in pool for line in source.body_lines if len(line.split()) >= 25]
        if long_lines:
            background = (rng.choice(long_lines), rng.uniform(0.2, 0.4))
    return recurring, background


def site_pages(templates: Sequence[Template], per_generation: int, donors: Sequence[Source], pool: Sequence[Source],
               authors: Sequence[str], rng: random.Random) -> list[Page]:  # fmt: skip
    recurring, background = _extras(templates[0].source, pool, rng)
    order = list(donors)
    rng.shuffle(order)
    day = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randint(0, 1800))
    pages = []
    for number in range(per_generation * len(templates)):
        generation = number // per_generation
        donor = order[number % len(order)]
        body = list(donor.body_lines)
        if background and rng.random() < background[1]:
            body.insert(max(1, len(body) - 1), background[0])
        if recurring and rng.random() < 0.9:
            body = [recurring[1], *body] if recurring[0] == "top" else [*body, recurring[1]]
        day += datetime.timedelta(days=rng.randint(0, 4))
        facts = PageFacts(donor.title or body[0], donor.description, rng.choice(authors), day)
        lines = page_lines(templates[generation], body, facts, pool, rng)
        pages.append(Page(f"p{number:03d}.txt", lines, generation, donor.page, "\n".join(body)))
    return pages


def with_copies(pages: list[Page], template: Template, copies: int, pool: Sequence[Source], rng: random.Random,
                authors: Sequence[str]) -> list[Page]:  # fmt: skip
    """``pages`` and ``copies`` more of one page's article (of the first generation), at places drawn among them:
    every other copy the page itself (saved twice), the others the same article with the furniture drawn again
    (another URL, a re-scrape: other related headlines, dates, counts); then the files are numbered in that order."""
    first = [page for page in pages if page.generation == 0]
    original = first[rng.randrange(len(first))]
    body = original.gold.split("\n")
    donor = next(source for source in pool if source.page == original.donor)
    out = list(pages)
    for number in range(copies):
        lines = list(original.lines)
        if number % 2:
            day = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randint(0, 1800))
            facts = PageFacts(donor.title or body[0], donor.description, rng.choice(authors), day)
            lines = page_lines(template, body, facts, pool, rng)
        out.insert(rng.randint(0, len(out)), Page("", lines, 0, original.donor, original.gold))
    return [Page(f"p{number:03d}.txt", p.lines, p.generation, p.donor, p.gold) for number, p in enumerate(out)]


def build_site(kind: str, sources: Sequence[Source], pool: Sequence[Source], pages: int, authors: Sequence[str],
               rng: random.Random, copies: tuple[int, random.Random] = (0, random.Random())) -> list[Page]:  # fmt: skip
    """The pages of one site of ``kind`` whose template page(s) are ``sources``; donors come from ``pool``;
    ``copies``: how many copies of one article a regular or redesigned site holds, drawn with their own generator
    (so the other pages are those of the corpus without copies)."""
    first = sources[0]
    if kind == "single":
        return [Page("p000.txt", list(first.lines), 0, first.page, "\n".join(first.body_lines))]
    donors = [s for s in pool if s.site not in {t.site for t in sources}]
    if not donors:  # a pool of the template's site alone (a corpus of one benchmark's pages): no site to make
        return []
    templates = [template_of(first, rng)]
    if kind == "redesign":
        other = template_of(sources[1], rng)
        templates.append(other if rng.random() < 0.5 else changed_menu(templates[0], other, rng))
    count = rng.randint(2, 6) if kind == "small" else pages
    built = site_pages(templates, count, donors, pool, authors, rng)
    if copies[0] and kind in ("regular", "redesign"):
        built = with_copies(built, templates[0], copies[0], pool, copies[1], authors)
    if kind == "redesign" and rng.random() < 0.5:  # files named in an order that hides the redesign
        names = [page.name for page in built]
        rng.shuffle(names)
        built = [Page(name, p.lines, p.generation, p.donor, p.gold) for name, p in zip(names, built, strict=True)]
    return built


MIN_BODY_WORDS = 100  # shorter "articles" are mostly listings; their language is not told reliably


def body_words(source: Source) -> int:
    return sum(len(WORD.findall(line)) for line in source.body_lines)


def eligible(source: Source) -> bool:
    start, end = source.span
    return len(source.body_lines) >= 3 and start + len(source.lines) - end >= 15


def plan(sources: Sequence[Source], args: argparse.Namespace) -> list[tuple[str, str, list[Source], list[Source]]]:
    """(site name, site kind, template sources, donor pool) for every site, in a fixed order."""
    sites = []
    for fold in range(5):
        for language in LANGUAGES:
            for dump in KINDS:
                pool = [s for s in sources if (s.fold, s.language, s.kind) == (fold, language, dump)]
                pool = [s for s in pool if body_words(s) >= MIN_BODY_WORDS]
                rng = random.Random(f"{args.seed}-{fold}-{language}-{dump}")
                candidates = [s for s in pool if eligible(s)]
                rng.shuffle(candidates)
                seen, picked = set(), []
                for source in candidates:  # one template per real site
                    if source.site not in seen:
                        seen.add(source.site)
                        picked.append(source)
                wanted = [("regular", 1)] * args.regular + [("redesign", 2)] * args.redesign
                wanted += [("small", 1)] * args.small + [("single", 1)] * args.single
                for number, (kind, needs) in enumerate(wanted):
                    if len(picked) < needs:
                        break
                    taken, picked = picked[:needs], picked[needs:]
                    sites.append((f"{dump}-f{fold}-{language}-{number:02d}-{kind}", kind, taken, pool))
    return sites


def corpus(sources: Sequence[Source], args: argparse.Namespace) -> Iterator[tuple[str, str, list[Source], list[Page]]]:
    """(site name, site kind, template sources, pages) for every site, in a fixed order (nothing written)."""
    authors = _authors(sources)
    for name, kind, templates, pool in plan(sources, args):
        rng = random.Random(f"{args.seed}-{name}")
        copies = (getattr(args, "copies", 0), random.Random(f"{args.seed}-{name}-copies"))
        yield name, kind, templates, build_site(kind, templates, pool, args.pages, authors, rng, copies)


def options(seed: str = "1") -> argparse.Namespace:
    """The command line's defaults, for building a corpus in memory (``bench/sitedata.py``)."""
    return argparse.Namespace(seed=seed, pages=12, regular=4, redesign=1, small=2, single=3)


def write_corpus(out: Path, sources: Sequence[Source], args: argparse.Namespace) -> dict[str, dict]:
    manifest = {}
    for name, kind, templates, pages in corpus(sources, args):
        folder = out / name
        folder.mkdir(parents=True)
        for page in pages:
            (folder / page.name).write_text("\n".join(page.lines) + "\n", encoding="utf-8")
        first = templates[0]
        manifest[name] = {
            "fold": first.fold, "kind": first.kind, "language": first.language, "type": kind,
            "templates": [f"{t.bench}/{t.page}" for t in templates],
            "pages": {p.name: {"generation": p.generation, "donor": p.donor, "gold": p.gold} for p in pages},
        }  # fmt: skip
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", type=Path, nargs="?", default=Path("../shared/bench"), help="the bench folder")
    parser.add_argument("out", type=Path, help="folder to write (must be empty or absent; never the repository)")
    parser.add_argument("--seed", default="1", help="seed of every random draw (default 1)")
    parser.add_argument("--pages", type=int, default=12, help="pages per site and generation (default 12)")
    parser.add_argument("--regular", type=int, default=4, help="regular sites per fold, language and kind")
    parser.add_argument("--redesign", type=int, default=1, help="redesigned sites per fold, language and kind")
    parser.add_argument("--small", type=int, default=2, help="sites of 2-6 pages per fold, language and kind")
    parser.add_argument("--single", type=int, default=3, help="one-page sites per fold, language and kind")
    parser.add_argument(
        "--copies", type=int, default=0, help="copies of one article on each regular and redesigned site (default 0)"
    )
    args = parser.parse_args(argv)
    repo = Path(__file__).resolve().parent.parent
    out = args.out.resolve()
    if out == repo or repo in out.parents:
        parser.error(f"{args.out}: inside the repository; name a folder outside it")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        parser.error(f"{args.out}: exists and is not an empty folder")
    sources = load_sources(args.bench)
    manifest = write_corpus(out, sources, args)
    tmp = out / "gold.json.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(out / "gold.json")
    pages = sum(len(site["pages"]) for site in manifest.values())
    print(f"wrote {len(manifest)} sites, {pages} pages, to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
