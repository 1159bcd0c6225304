"""Invariants every cleaned article must hold, checked on every document of a corpus (no gold read).

    python bench/invariants.py ../shared/bench                       # HTML pages and every text dump
    python bench/invariants.py ../shared/bench --kinds html,bs4 --examples 5 --out /tmp/inv.json

Runs the real ``cleaner.clean()`` on each input (``data/*/html/*.html`` as HTML, ``data/text/*/<kind>/*.txt``
as text) and tests what holds for any article on any site, whatever its gold:

* ``title.*``: the title is not a body block; the subtitle is neither the title nor the body's first block;
* ``author.*``: every author looks like a person's name: no digit, e-mail or URL, no date, not an organisation
  (``cleaner.metadata.names.is_organisation``, the site's own name, one the page itself lists in
  ``organisations`` or declares in its JSON-LD as an organisation or a place), no byline label ("By Jane Doe"),
  no name printed twice ("Kim LeeKim Lee"), no name listed twice, one to five words of at most 60 characters;
* ``date.*``: ISO 8601 as docs/schema.md writes it; never more precise than the source (a day the source does
  not print near the year, a time whose hour and minute it does not print); ``updated`` not before
  ``published``; neither after ``--until`` (default: today) nor before 1990 unless the source prints that year;
* ``language.*``: the declared language is what langdetect (seeded) finds on a bounded sample of the body
  (the first ``SAMPLE`` characters of blocks of 40 or more), when it is sure (0.9) of a body of 200 characters;
* ``body.*``: no empty block, no two identical adjacent blocks, no markup or character reference left, no
  mojibake, no control or zero-width character, whitespace collapsed (``body.nbsp`` counts no-break spaces);
* ``audit.*``: every removal has a rule, a category and a layer, and a score when the classifier removed it;
  HTML only, ``audit.prose-unaccounted``: prose of the page (``cleaner.html.views.page_prose``: the measure of
  docs/schema.md) whose opening is in neither the body, the metadata nor the audit trail, and
  ``audit.prose-partly-held``: prose whose opening is there but not four fifths of its 4-word shingles;
* ``idempotence.{md,txt,json}``: the output in that format cleaned again gives the same article (Markdown and the
  JSON record, which the tool reads back as its canonical form: the same metadata and blocks; the ``txt`` output,
  the body with its escapes (``cleaner.io.output.plain_text``): the same blocks).

Each document may take ``--timeout`` seconds (120; the product's limit is 20 s, which a machine shared by several
jobs reaches on the largest pages: those would count as ``clean.error``).  Prints, per invariant, how many
documents break it and a few of their ids; ``--out`` writes every document's broken invariants (JSON).  It decides
nothing and tunes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import langdetect
from langdetect import DetectorFactory
from lxml.html import HtmlElement

from cleaner import CleanError, clean
from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.html.page import parse_page
from cleaner.html.views import page_prose
from cleaner.io.markdown import render_markdown
from cleaner.io.output import plain_text, render
from cleaner.metadata.names import is_organisation
from cleaner.model import Article

KINDS = ("html", "bs4", "inscriptis", "trafilatura", "readability")
SAMPLE = 2000
ISO = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?)?)?$")
MARKUP = re.compile(r"</?(?:p|div|span|br|a|b|i|em|strong|li|ul|ol|h[1-6]|img|script|style)\b[^<>]{0,200}>", re.I)
ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,5});", re.I)
MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf]|â€[\u0080-\u00bf™œ\u009d“”˜¦]|Â[\u00a0-\u00bf]|\ufffd")
CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\ufeff\xad]"
)  # ZWJ, ZWNJ: emoji, scripts
UNSPACED = re.compile(r"^\s|\s$|\s\s|[\t\n\r\f\v]")
DIGIT = re.compile(r"\d")
LABEL = re.compile(r"(?:by|von|par|por|door|autor|author|written by)(?:\s*:\s*|\s+)", re.I)  # "By Jane Doe"
ADDRESS = re.compile(r"@|https?:|www\.|\.(?:com|org|net|de)\b", re.I)
SHINGLE = 4
OPENING = 40
LETTERS = re.compile(r"[\W_]+")


def documents(bench: Path, kinds: list[str]) -> Iterator[tuple[str, Path, str]]:
    """(id, path, format) of every input of the chosen kinds, HTML pages first."""
    data = bench / "data"
    if "html" in kinds:
        for path in sorted(data.glob("*/html/*.html")):
            yield f"{path.parent.parent.name}/html/{path.stem}", path, "html"
    for kind in kinds:
        if kind != "html":
            for path in sorted(data.glob(f"text/*/{kind}/*.txt")):
                yield f"{path.parent.parent.name}/{kind}/{path.stem}", path, "text"


def folded(text: str | None) -> str:
    """The text as compared: NFC (the page's own text is not normalised, the article's is), spaced, case-folded."""
    return " ".join(unicodedata.normalize("NFC", text or "").split()).casefold()


def title_checks(article: Article) -> list[str]:
    """The title is not a block; the subtitle is not the title nor the first block."""
    broken = []
    blocks = [folded(block.text) for block in article.blocks]
    title, subtitle = folded(article.title), folded(article.subtitle)
    if title and title in blocks:
        broken.append("title.as-block" + (".first" if blocks[0] == title else ""))
    if subtitle and subtitle == title:
        broken.append("title.subtitle-is-title")
    if subtitle and blocks and blocks[0] == subtitle:
        broken.append("title.subtitle-first-block")
    return broken


def declared_names(scripts: tuple[str, ...]) -> set[str]:
    """Names a page's JSON-LD declares as an organisation or a place (folded)."""
    names: set[str] = set()
    for script in scripts:
        try:
            _collect(json.loads(script), names)
        except (ValueError, RecursionError):
            continue
    return names


_NOT_PEOPLE = re.compile(r"Organi[sz]ation|Corporation|NewsMediaOrganization|Place|City|Country|Brand|WebSite")
_PLACE_KEYS = ("addressLocality", "addressRegion", "addressCountry")


def _collect(item: object, names: set[str]) -> None:
    if isinstance(item, list):
        for value in item:
            _collect(value, names)
    elif isinstance(item, dict):
        kind = str(item.get("@type", ""))
        if _NOT_PEOPLE.search(kind) and isinstance(item.get("name"), str):
            names.add(folded(item["name"]))
        for key in _PLACE_KEYS:
            if isinstance(item.get(key), str):
                names.add(folded(item[key]))
        for value in item.values():
            _collect(value, names)


def author_checks(article: Article, declared: set[str]) -> list[str]:
    """What in ``authors`` does not look like a person's name."""
    broken = set()
    seen: set[str] = set()
    for author in article.authors:
        key = folded(author)
        words = author.split()
        if key in seen:
            broken.add("author.listed-twice")
        seen.add(key)
        if DIGIT.search(author):
            broken.add("author.digit")
        if ADDRESS.search(author):
            broken.add("author.address")
        if not 1 <= len(words) <= 5 or len(author) > 60:
            broken.add("author.length")
        if LABEL.match(author):
            broken.add("author.label")
        if _printed_twice(author):
            broken.add("author.doubled")
        if key == folded(article.site_name) or key in {folded(o) for o in article.organisations}:
            broken.add("author.site-or-organisation")
        elif is_organisation(author, site_name=article.site_name):
            broken.add("author.organisation")
        elif key in declared:
            broken.add("author.declared-not-person")
    return sorted(broken)


def _printed_twice(name: str) -> bool:
    """'Kim LeeKim Lee', 'Kim Lee Kim Lee': the name is some text written twice."""
    bare = name.replace(" ", "")
    half = len(bare) // 2
    if len(bare) % 2 or sum(char.isalpha() for char in bare[:half]) < 3:  # "R. R." is two initials
        return False
    return bare[:half].casefold() == bare[half:].casefold()


def date_checks(article: Article, source: str, until: dt.date) -> list[str]:
    """ISO form, precision the source gives, order, and range of ``published`` and ``updated``."""
    broken = []
    values = {"published": article.published, "updated": article.updated}
    for value in values.values():
        if value is None:
            continue
        if not ISO.match(value):
            broken.append("date.not-iso")
            continue
        broken.extend(_precision(value, source))
        if value[:10] > until.isoformat():
            broken.append("date.future")
        if value[:4] < "1990" and value[:4] not in source:
            broken.append("date.before-1990")
    published, updated = values["published"], values["updated"]
    if published and updated and ISO.match(published) and ISO.match(updated):
        common = min(len(published), len(updated), 10)
        if updated[:common] < published[:common]:
            broken.append("date.updated-before-published")
    return broken


def _precision(value: str, source: str) -> list[str]:
    """A day the source does not print near its year; a time whose digits it does not print."""
    broken = []
    year, day = value[:4], value[8:10]
    if len(value) >= 10:
        years = re.compile(rf"{year}|(?<=[./']){year[2:]}(?!\d)")  # "6.11.22" prints 2022 as 22
        near = [source[max(0, m.start() - 60) : m.end() + 60] for m in years.finditer(source)]
        number = re.compile(rf"(?<!\d)0?{int(day)}(?!\d)")
        if not any(number.search(years.sub(" ", window)) for window in near):
            broken.append("date.day-not-in-source")
    if len(value) >= 19:
        hour, minute = int(value[11:13]), value[14:16]
        hours = {hour, hour % 12 or 12}
        if not any(re.search(rf"(?<!\d)0?{h}\s?[:.h]\s?{minute}(?!\d)", source) for h in hours):
            broken.append("date.time-not-in-source")
    return broken


def language_checks(article: Article) -> list[str]:
    """The declared language against langdetect on a bounded sample of the body."""
    sample = "\n".join(block.text for block in article.blocks if len(block.text) >= 40)[:SAMPLE]
    if len(sample) < 200:
        return []
    try:
        best = langdetect.detect_langs(sample)[0]
    except langdetect.LangDetectException:
        return []
    found = best.lang.split("-")[0]
    if best.prob < 0.9 or found == article.language:
        return []
    return ["language.none" if article.language is None else "language.disagrees"]


def body_checks(article: Article) -> list[str]:
    """Empty or repeated blocks, markup, mojibake, control characters, whitespace."""
    broken = set()
    previous = None
    for block in article.blocks:
        text = block.text
        if not text.strip():
            broken.add("body.empty-block")
        if previous is not None and folded(text) == previous:
            broken.add("body.adjacent-repeat")
        previous = folded(text)
        for name, pattern in (("markup", MARKUP), ("entity", ENTITY), ("mojibake", MOJIBAKE)):
            if pattern.search(text):
                broken.add(f"body.{name}")
        if CONTROL.search(text):
            broken.add("body.control-char")
        if UNSPACED.search(text.replace("\xa0", " ")):
            broken.add("body.whitespace")
        if "\xa0" in text:
            broken.add("body.nbsp")
    return sorted(broken)


def audit_checks(article: Article) -> list[str]:
    """Every removal says which rule or layer removed it, and the classifier its score."""
    broken = set()
    for removal in article.removed:
        if not (removal.rule and removal.category and removal.layer):
            broken.add("audit.no-reason")
        if removal.rule.startswith("classifier") and removal.score is None:
            broken.add("audit.classifier-no-score")
    return sorted(broken)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = folded(text).split()
    return {tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def unaccounted_prose(article: Article, page: HtmlElement) -> tuple[list[str], list[str]]:
    """The page's prose blocks that neither the body, the metadata nor the audit trail holds: those whose opening
    (``OPENING`` letters and digits) is nowhere, and those whose opening is there but not most of their words."""
    held = [article.title, article.subtitle, *(b.text for b in article.blocks), *(r.text for r in article.removed)]
    haystack = "\n".join(folded(text) for text in held if text)
    letters = LETTERS.sub("", haystack)  # words glued across a <br>, soft hyphens: the same prose
    known = _shingles(haystack.replace("\n", " "))
    missing: list[str] = []
    partial: list[str] = []
    for prose in page_prose(page):
        key = folded(prose)
        bare = LETTERS.sub("", key)
        if bare in letters:
            continue
        if bare[:OPENING] not in letters:
            missing.append(prose)
        elif len((shingles := _shingles(key)) & known) < 0.8 * len(shingles):
            partial.append(prose)
    return missing, partial


def _same_article(first: Article, second: Article, *, metadata: bool) -> bool:
    if metadata:
        fields = ("title", "subtitle", "authors", "published", "updated", "language")
        if any(getattr(first, name) != getattr(second, name) for name in fields):
            return False
    return [b.text for b in first.blocks] == [b.text for b in second.blocks]


def idempotence_checks(article: Article, config: Config) -> list[str]:
    """Each output format cleaned again: does it give the same article?"""
    broken = []
    if not article.text.strip():
        return broken
    try:
        again = clean(render_markdown(article), format="markdown", config=config)
        if not _same_article(article, again, metadata=True):
            broken.append("idempotence.md")
        if not _same_article(article, clean(plain_text(article), format="text", config=config), metadata=False):
            broken.append("idempotence.txt")
        if not _same_article(article, clean(render(article, "json", source="page"), config=config), metadata=True):
            broken.append("idempotence.json")
    except CleanError:
        broken.append("idempotence.error")
    return broken


def check(path: Path, form: str, until: dt.date, config: Config, *, again: bool) -> tuple[list[str], dict[str, object]]:
    """Every broken invariant of one document, and details worth reading (authors, dates, lost prose)."""
    raw = path.read_bytes()
    try:
        article = clean(raw, format=form, config=config)
    except CleanError as error:
        return ["clean.error"], {"error": str(error)}
    source = raw.decode("utf-8", "replace")
    page, scripts = parse_page(source) if form == "html" else (None, ())
    broken = [*title_checks(article), *author_checks(article, declared_names(scripts))]
    broken += [*date_checks(article, source, until), *language_checks(article), *body_checks(article)]
    broken += audit_checks(article)
    details: dict[str, object] = {"authors": list(article.authors), "published": article.published}
    details |= {"updated": article.updated, "language": article.language, "title": article.title}
    if page is not None:
        missing, partial = unaccounted_prose(article, page)
        for name, texts in (("unaccounted", missing), ("partly-held", partial)):
            if texts:
                broken.append(f"audit.prose-{name}")
                details[name] = [text[:160] for text in texts[:5]]
    if again:
        broken += idempotence_checks(article, config)
    return broken, details


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, of {', '.join(KINDS)}")
    parser.add_argument("--until", type=dt.date.fromisoformat, default=dt.datetime.now(dt.UTC).date())
    parser.add_argument("--no-idempotence", action="store_true", help="skip cleaning the outputs again")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per document (a loaded machine)")

    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    DetectorFactory.seed = 0
    config = replace(DEFAULT_CONFIG, timeout=args.timeout)
    found: dict[str, list[str]] = defaultdict(list)
    every: dict[str, dict[str, object]] = {}
    total = 0
    for total, (ident, path, form) in enumerate(documents(args.bench_dir, args.kinds.split(",")), 1):
        broken, details = check(path, form, args.until, config, again=not args.no_idempotence)
        for name in sorted(set(broken)):
            found[name].append(ident)
        if broken:
            every[ident] = {"broken": sorted(set(broken)), **details}
        if total % 200 == 0:
            print(f"{total} documents", file=sys.stderr, flush=True)
    print(f"{total} documents; documents breaking each invariant:")
    for name in sorted(found):
        print(f"  {name:34} {len(found[name]):5}  e.g. {', '.join(found[name][: args.examples])}")
    if args.out:
        args.out.write_text(json.dumps(every, ensure_ascii=False, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
