"""On how many sites each furniture rule fires, and how much of what it removes is article text.

    python bench/rule_sites.py ../shared/bench                                  # every kind, a table
    python bench/rule_sites.py ../shared/bench --kinds bs4,html --json /tmp/rules.json

Cleans every bench document with the real ``cleaner.clean()`` (text kinds read as ``bench/textdata.py``
reads them, ``wrapped`` included; ``html`` the page itself) and, for each rule id in the audit trail (the
furniture rules of ``cleaner/rules/furniture_rules.toml``, the zones, metadata, caption and repeat decisions:
every ``Removal.rule`` except the classifiers', the extractor's and the site profiles'), counts the documents
and the distinct sites (``folds.json``: the domain of the page's URL) it fired on, per kind.  Against the gold,
each removed block is judged: aeb, article text when half or more of its 4-token shingles are the gold body's
(as ``bench/textdata.py`` labels rows; a block of fewer than 4 tokens is not judged); tfeval, article text when
it holds a ``with`` snippet (or lies, 20 characters or more, inside one), furniture when it holds a ``without``
snippet, otherwise not judged; a block whose text the article still holds (its body, title or subtitle: the second
of two repeated paragraphs, a headline line the title stands for) is counted apart, as kept.  Every built-in rule is
listed, those that never fired too.  Suspicious rules
come first: fired on no site or one; or removing article text on two sites or more.

``--lists`` also counts, for each entry of the word lists (``cleaner/lexicon/*.txt``) and each literal
alternative of the rules' patterns, on how many bench pages and sites it occurs as words (bs4 dumps: the
whole text of each page).  It decides nothing and changes nothing: judging a rule or an entry is the reader's
job (docs/rules.md, "How a rule earns its place").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.textdata import BENCHES, KINDS, SHINGLE, WORD, folds, gold_of, input_text  # noqa: E402
from cleaner import CleanError, clean  # noqa: E402
from cleaner.lexicon import phrases  # noqa: E402
from cleaner.rules.loader import Rule, builtin_rules  # noqa: E402

ALL_KINDS = (*KINDS, "html")
NOT_RULES = ("classifier", "classify.", "extractor.", "profile:", "decode.")  # learned or reading decisions
INSIDE_SNIPPET = 20  # characters: a removed block this long lying inside a snippet is part of it
SPACES = re.compile(r"\s+")
ARTICLE, FURNITURE, UNJUDGED, KEPT = "article", "furniture", "unjudged", "kept"


@dataclass(frozen=True)
class Fired:
    """One removal of one document: its rule, where, and what the gold says the block was."""

    rule: str
    bench: str
    kind: str
    site: str
    page: str
    verdict: str  # ARTICLE, FURNITURE, UNJUDGED or KEPT (the article still holds the text)


@dataclass
class RuleCount:
    """What one rule did over the bench."""

    rule: str
    removals: int = 0
    documents: set[tuple[str, str, str]] = field(default_factory=set)
    sites: set[str] = field(default_factory=set)
    kind_documents: Counter[str] = field(default_factory=Counter)
    kind_sites: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    verdicts: Counter[str] = field(default_factory=Counter)
    article_sites: set[str] = field(default_factory=set)

    def add(self, fired: Fired) -> None:
        self.removals += 1
        document = (fired.bench, fired.page, fired.kind)
        if document not in self.documents:
            self.kind_documents[fired.kind] += 1
        self.documents.add(document)
        self.sites.add(fired.site)
        self.kind_sites[fired.kind].add(fired.site)
        self.verdicts[fired.verdict] += 1
        if fired.verdict == ARTICLE:
            self.article_sites.add(fired.site)

    def suspicion(self) -> str:
        """Why the rule needs a look ("" when it does not): few sites, or article text on several."""
        if len(self.sites) <= 1:
            return f"fired on {len(self.sites)} site{'' if len(self.sites) == 1 else 's'}"
        if len(self.article_sites) >= 2:
            return f"article text on {len(self.article_sites)} sites"
        return ""

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "suspicion": self.suspicion(),
            "removals": self.removals,
            "documents": len(self.documents),
            "sites": len(self.sites),
            "per_kind": {
                kind: {"documents": self.kind_documents[kind], "sites": len(self.kind_sites[kind])}
                for kind in sorted(self.kind_documents)
            },
            "article": self.verdicts[ARTICLE],
            "furniture": self.verdicts[FURNITURE],
            "unjudged": self.verdicts[UNJUDGED],
            "kept": self.verdicts[KEPT],
            "article_sites": sorted(self.article_sites),
            "site_names": sorted(self.sites) if len(self.sites) <= 3 else [],
        }


def tally(fired: Iterable[Fired], rule_ids: Iterable[str] = ()) -> list[RuleCount]:
    """One count per rule (``rule_ids`` listed even when they never fired), the suspicious first: those on
    fewest sites, then those removing article text on most sites, then by article share."""
    counts = {rule: RuleCount(rule) for rule in rule_ids}
    for one in fired:
        counts.setdefault(one.rule, RuleCount(one.rule)).add(one)

    def order(count: RuleCount) -> tuple[int, int, float, str]:
        judged = count.verdicts[ARTICLE] + count.verdicts[FURNITURE]
        share = count.verdicts[ARTICLE] / judged if judged else 0.0
        return (0 if count.suspicion() else 1, len(count.sites) if len(count.sites) <= 1 else 2, -share, count.rule)

    return sorted(counts.values(), key=order)


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = WORD.findall(text)
    return {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def _spaced(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def judge(block: str, bench: str, gold: dict, body_shingles: set[tuple[str, ...]], held: str = "") -> str:
    """Whether a removed block was article text, furniture, or cannot be told; KEPT when ``held`` (the article's
    title, subtitle and body, spaced) still holds it (see the module doc)."""
    if len(block) >= INSIDE_SNIPPET and _spaced(block) in held:
        return KEPT
    if bench == "aeb":
        own = _shingles(block)
        if not own:
            return UNJUDGED
        return ARTICLE if 2 * len(own & body_shingles) >= len(own) else FURNITURE
    text = _spaced(block)

    def holds(snippets: list[str]) -> bool:
        wanted = [_spaced(snippet) for snippet in snippets if snippet.strip()]
        inside = len(text) >= INSIDE_SNIPPET and any(text in snippet for snippet in wanted)
        return inside or any(snippet in text for snippet in wanted)

    if holds(gold.get("with") or []):
        return ARTICLE
    return FURNITURE if holds(gold.get("without") or []) else UNJUDGED


def _document(bench_dir: Path, bench: str, kind: str, page: str) -> tuple[bytes | str, Literal["text", "html"]] | None:
    if kind == "html":
        path = bench_dir / "data" / bench / "html" / f"{page}.html"
        return (path.read_bytes(), "html") if path.is_file() else None
    text = input_text(bench_dir, bench, kind, page)
    return None if text is None else (text, "text")


def page_removals(job: tuple[Path, str, str, str, dict, tuple[str, ...]]) -> list[Fired]:
    """Every rule removal of one page in each kind, judged against its gold."""
    bench_dir, bench, page, site, gold, kinds = job
    body_shingles = _shingles(gold.get("body") or "") if bench == "aeb" else set()
    found = []
    for kind in kinds:
        document = _document(bench_dir, bench, kind, page)
        if document is None:
            continue
        try:
            article = clean(document[0], format=document[1])
        except CleanError:
            continue
        held = _spaced(" ".join((article.title or "", article.subtitle or "", article.text)))
        for removal in article.removed:
            if not removal.rule.startswith(NOT_RULES):
                verdict = judge(removal.text, bench, gold, body_shingles, held)
                found.append(Fired(removal.rule, bench, kind, site, page, verdict))
    return found


def removals(bench_dir: Path, kinds: tuple[str, ...], jobs: int = 1) -> Iterator[Fired]:
    """Every judged rule removal of the bench's documents of ``kinds`` (``jobs`` processes)."""
    assignment = folds(bench_dir)
    work = [
        (bench_dir, bench, page, assignment[bench][page]["site"], one, kinds)
        for bench in BENCHES
        for page, one in sorted(gold_of(bench_dir, bench).items())
    ]
    if jobs <= 1:
        for job in work:
            yield from page_removals(job)
        return
    with ProcessPoolExecutor(jobs) as pool:
        for found in pool.map(page_removals, work, chunksize=4):
            yield from found


def rule_table(counts: list[RuleCount]) -> str:
    lines = [
        f"{'rule':<38} {'sites':>5} {'docs':>5} {'art':>4} {'furn':>4} {'unj':>5} {'kept':>4} {'art.sites':>9}  why"
    ]
    for count in counts:
        verdicts = count.verdicts
        lines.append(
            f"{count.rule:<38} {len(count.sites):>5} {len(count.documents):>5} {verdicts[ARTICLE]:>4} "
            f"{verdicts[FURNITURE]:>4} {verdicts[UNJUDGED]:>5} {verdicts[KEPT]:>4} {len(count.article_sites):>9}  "
            f"{count.suspicion()}"
        )
    return "\n".join(lines)


def literal_alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern's groups (and of its top level) that are plain words: "reuters" from
    ``(reuters|afp)``, "mehr zum thema" from ``mehr zum thema|...``; a branch holding any other syntax is skipped."""
    stack: list[list[str]] = [[""]]
    literal: list[list[bool]] = [[True]]
    found: list[str] = []
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            literal[-1][-1] = False
            at += 2
            continue
        if char == "(":
            opener = re.match(r"\(\?(?:[:=!>]|<[=!]|-?[a-z]+:)?", pattern[at:])
            stack.append([""])
            literal.append([True])
            literal[-2][-1] = False
            at += len(opener.group(0)) if opener else 1
            continue
        if char == "|":
            stack[-1].append("")
            literal[-1].append(True)
        elif char == ")" and len(stack) > 1:
            found += [text for text, plain in zip(stack.pop(), literal.pop(), strict=True) if plain]
        elif re.fullmatch(r"[\w '’&-]", char):
            stack[-1][-1] += char
        else:
            literal[-1][-1] = False
        at += 1
    found += [text for text, plain in zip(stack[0], literal[0], strict=True) if plain]
    return [" ".join(text.split()) for text in found if len(text.strip()) >= 3]


def list_entries(rules: Iterable[Rule]) -> dict[tuple[str, str], tuple[str, ...]]:
    """Each (list, entry) of the lexicon files and of the rules' patterns, with the entry's tokens."""
    entries: dict[tuple[str, str], tuple[str, ...]] = {}
    for path in sorted((ROOT / "cleaner" / "lexicon").glob("*.txt")):
        for entry in phrases(path.stem):
            entries[(f"lexicon/{path.stem}", entry)] = tuple(WORD.findall(entry.casefold()))
    for rule in rules:
        for entry in literal_alternatives(rule.pattern):
            entries[(f"rule/{rule.id}", entry.casefold())] = tuple(WORD.findall(entry.casefold()))
    return {key: tokens for key, tokens in entries.items() if tokens}


def entry_sites(bench_dir: Path, entries: dict[tuple[str, str], tuple[str, ...]]) -> list[dict[str, object]]:
    """For each entry, the bench pages (bs4 dumps) and sites whose text holds its words in a row, rarest first."""
    lengths = sorted({len(tokens) for tokens in entries.values()})
    pages: dict[tuple[str, str], set[str]] = defaultdict(set)
    assignment = folds(bench_dir)
    for bench in BENCHES:
        for page, where in sorted(assignment[bench].items()):
            text = input_text(bench_dir, bench, "bs4", page)
            tokens = WORD.findall((text or "").casefold())
            grams = {tuple(tokens[i : i + n]) for n in lengths for i in range(len(tokens) - n + 1)}
            for key, wanted in entries.items():
                if wanted in grams:
                    pages[key].add(f"{where['site']}\t{bench}/{page}")
    rows = []
    for (source, entry), _ in entries.items():
        held = pages[(source, entry)]
        sites = sorted({one.split("\t")[0] for one in held})
        rows.append({"list": source, "entry": entry, "pages": len(held), "sites": len(sites), "site_names": sites[:2]})
    return sorted(rows, key=lambda row: (row["sites"] != 1, row["sites"], row["list"], row["entry"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("--kinds", default=",".join(ALL_KINDS), help=f"comma-separated, from {', '.join(ALL_KINDS)}")
    parser.add_argument("--jobs", type=int, default=1, help="processes cleaning pages (default 1)")
    parser.add_argument("--lists", action="store_true", help="also count the word lists' entries on the bench")
    parser.add_argument("--json", type=Path, help="write every count here (JSON)")
    args = parser.parse_args(argv)
    kinds = tuple(kind for kind in args.kinds.split(",") if kind)
    unknown = sorted(set(kinds) - set(ALL_KINDS))
    if unknown or not (args.bench_dir / "folds.json").is_file():
        parser.error(f"unknown kinds {unknown}" if unknown else f"{args.bench_dir}: no folds.json here")
    rules = builtin_rules()
    counts = tally(removals(args.bench_dir, kinds, args.jobs), (rule.id for rule in rules))
    print(rule_table(counts))
    report: dict[str, object] = {"kinds": list(kinds), "rules": [count.to_dict() for count in counts]}
    if args.lists:
        entries = entry_sites(args.bench_dir, list_entries(rules))
        report["entries"] = entries
        rare = Counter(str(row["list"]) for row in entries if row["sites"] == 1)
        print("\nentries on one site only, per list: " + ", ".join(f"{name} {n}" for name, n in sorted(rare.items())))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
