"""Site profiles: learn the template each site repeats on its pages, per template generation.

A site's pages share a template (menus, footers, boxes); article text differs from page to page.  This
module counts normalised lines per site and tells which repeat across the site's pages far more often
than article text does:

- ``block_key(text)`` folds a block into the key it is counted under (case, digits, dates, times and
  whitespace folded), so "© 2023 Gazette" and "© 2024 Gazette" are one key;
- ``ProfileLearner`` counts keys per site, document by document, in bounded memory (lossy counting).  It
  notices a redesign: a document that shares little of a generation's template starts a new generation
  (``Parameters.join``), so two templates are never averaged into one;
- ``Profile`` / ``SiteProfile`` / ``Generation`` hold the counts and what they teach: ``template`` keys
  (in at least ``ratio`` of a generation's documents; prose needs ``prose_ratio``), trusted only for a
  generation of at least ``min_pages`` documents (N), and ``generation_of(keys)`` tells which generation
  a page is of (none when it shares too little of every trusted template).

What it does NOT do: it never decides a block (``cleaner.sites.apply`` does, and only ever removes what
the pipeline kept), never reads files or resolves a document's site from its file (``cleaner.corpus``),
never reads or writes the profile file (``cleaner.sites.store``).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from urllib.parse import urlsplit

import regex

from cleaner.lexicon.calendar import month_names
from cleaner.sites.markers import Markers, markers_of
from cleaner.text.shape import SENTENCE_END

PROFILE_FORMAT = "cleaner-profile/2"
"""The ``format`` field of a profile file; a file without it is refused."""


class ProfileError(ValueError):
    """A profile file is unreadable or malformed; the message names the file and the problem."""


# --- the normalised key -------------------------------------------------------------------------


def _trie(words: Iterable[str]) -> str:
    """One pattern matching any of ``words``, factored by common prefixes (longest first, as a sorted
    alternation would try them): hundreds of month names then cost a few steps per position, not one
    attempt per name."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer ones are tried first
            return f"(?:{body})?"
        return body

    return "(?:" + pattern(tree) + ")"


_MONTHS = _trie(month_names())
_MONTH_STARTS = "".join(sorted({re.escape(name[0]) for name in month_names()}))  # a cheap test before the names
_DIGITS = regex.compile(r"\d+")  # the regex module: 2.5 times as fast as re here (same matches)
_GAP = r"[^\S\n]"  # a space within one line: ``block_keys`` folds many lines at once
_DATE = re.compile(
    rf"\b0[./-]0[./-]0(?=\b|t<time>)"  # 06.01.2024, 2024-01-06, 1/6/24 (after digits are folded to 0)
    rf"|\b(?:0\.?{_GAP}+)?(?=[{_MONTH_STARTS}])(?:{_MONTHS})\.?(?:{_GAP}+0(?:st|nd|rd|th)?)?,?{_GAP}+0\b"  # Jan 6, 2024
    rf"|\b0\.?{_GAP}+(?=[{_MONTH_STARTS}])(?:{_MONTHS})\b\.?",  # 6 janvier, 6. März
)  # matched against case-folded keys only, so without IGNORECASE (twice as fast)
_TIME = regex.compile(rf"\b0:0(?::0)?(?:{_GAP}*[ap]\.?m\.?)?")  # regex: 5 times as fast as re; re is 4 times
# as fast for _DATE's long alternation
_SPACE = re.compile(r"[^\S\n]+")  # spaces within a line: ``block_keys`` folds a whole document at once
_ODD_SPACE = re.compile(
    "[\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)  # with two spaces in a row, what ``_SPACE`` would change: most documents have none
_NEWLINES = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # what str.splitlines() splits at
_OTHER_NEWLINES = re.compile(r"[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def block_key(text: str) -> str:
    """The key a block is counted under: case-folded, digits, dates, times and whitespace folded.

    Folding makes a footer "© 2024" and "© 2025", or a box dated each day, one block; it keeps
    punctuation, so the key still tells a sentence from a headline.
    """
    return block_keys([text])[0]


def block_keys(texts: Sequence[str]) -> list[str]:
    """``block_key`` of each text; case, digits and spaces are folded in one pass over the whole document."""
    if not texts:
        return []
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1 or _OTHER_NEWLINES.search(joined):  # a block holds a line break
        joined = "\n".join(_NEWLINES.sub(" ", text) for text in texts)
    joined = joined.casefold()
    joined = _DIGITS.sub("0", joined)
    lines = (_SPACE.sub(" ", joined) if "  " in joined or _ODD_SPACE.search(joined) else joined).split("\n")
    dated = [index for index, line in enumerate(lines) if "0" in line]
    if dated:  # dates and times have digits: fold them in the lines that have some, all at once
        folded = _DATE.sub("<date>", _TIME.sub("<time>", "\n".join(lines[index] for index in dated)))
        for index, line in zip(dated, folded.split("\n"), strict=True):
            lines[index] = line
    return [line.strip() for line in lines]


# --- the decision rule ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parameters:
    """The knobs of learning and trust (docs/corpus.md says how they were chosen); stored in the file.

    ``min_pages`` (N): a generation of fewer documents teaches nothing, so a site of fewer than N pages
    is cleaned as without a profile.  ``ratio``: a key is template when it is in at least this share of
    the generation's documents (``prose_ratio`` for a sentence of ``prose_words`` words or more).
    ``join``: a document joins the generation whose template it shares most of, when that share is at
    least ``join``; otherwise it starts a new generation (at most ``generations`` per site).
    ``marker_share``: the article markers (``cleaner.sites.markers``) are trusted when one pair held on at
    least this share of the generation's pages (above 1: never).
    """

    min_pages: int = 4
    ratio: float = 0.3
    prose_ratio: float = 1.0
    prose_words: int = 12
    join: float = 0.3
    generations: int = 8
    marker_share: float = 0.6
    prune_every: int = 20

    def to_dict(self) -> dict[str, float | int]:
        return {item.name: getattr(self, item.name) for item in fields(self)}

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], *, origin: str) -> Parameters:
        known = {item.name: item.type for item in fields(cls)}
        values: dict[str, float | int] = {}
        for name, value in data.items():
            if name not in known:
                raise ProfileError(f"{origin}: unknown parameter {name!r}")
            kind = "number" if known[name] == "float" else "integer"
            if isinstance(value, bool) or not isinstance(value, float | int if kind == "number" else int) or value <= 0:
                raise ProfileError(f"{origin}: parameter {name!r} must be a positive {kind}")
            values[name] = value
        return cls(**values)  # type: ignore[arg-type]


def is_prose(key: str, parameters: Parameters) -> bool:
    """A sentence of an article: long enough and ending like a sentence (cheap: on every block)."""
    words = parameters.prose_words
    return len(key) >= 2 * words - 1 and key.count(" ") + 1 >= words and SENTENCE_END.search(key[-16:]) is not None


# --- profile data -----------------------------------------------------------------------------------


@dataclass(slots=True)
class KeyCount:
    """In how many of a generation's documents one key was seen (a lower bound; ``error`` bounds the loss)."""

    documents: int = 0
    error: int = 0
    example: str = ""

    def to_list(self) -> list[int | str]:
        return [self.documents, self.error, self.example] if self.example else [self.documents, self.error]


@dataclass(frozen=True, slots=True)
class Learned:
    """One template line of a generation: an example text, its key, in how many documents."""

    key: str
    example: str
    documents: int

    def to_dict(self) -> dict[str, object]:
        return {"text": self.example or self.key, "key": self.key, "documents": self.documents}


def template_keys(counts: Mapping[str, KeyCount], documents: int, parameters: Parameters) -> dict[str, int]:
    """The keys in at least ``ratio`` of ``documents`` (``prose_ratio`` for prose), with their counts."""
    plain = max(1, math.ceil(parameters.ratio * documents))
    prose = max(1, math.ceil(parameters.prose_ratio * documents))
    return {
        key: count.documents
        for key, count in counts.items()
        if count.documents >= (prose if is_prose(key, parameters) else plain)
    }


TEMPLATE_LINES = 3  # a document with fewer non-prose lines shows no template: it never starts a generation
Core = Mapping[str, float]
"""A generation's core: its non-prose keys in at least half of its documents, each with that share."""


def core_keys(counts: Mapping[str, KeyCount], documents: int, parameters: Parameters) -> Core:
    """The keys in at least half of ``documents``, with their share: what a page of the generation shows.

    Non-prose keys only (menus, footers, headings), unless the pages have none (then prose keys too).
    """
    half = max(1, math.ceil(documents / 2))
    frequent = {key: count.documents / documents for key, count in counts.items() if count.documents >= half}
    plain = {key: share for key, share in frequent.items() if not is_prose(key, parameters)}
    return plain or frequent


def shared(keys: Collection[str], core: Core) -> float:
    """How much of a generation's core a page's keys hold, each core key weighing its share of documents.

    The lines on every page (menus, footers) weigh most; a list entry on half of the pages weighs half.
    """
    total = sum(core.values())
    return sum(share for key, share in core.items() if key in keys) / total if total else 0.0


@dataclass(frozen=True)
class Generation:
    """One template generation of a site: its documents, key counts, and what they teach."""

    documents: int
    counts: Mapping[str, KeyCount]
    parameters: Parameters = field(default_factory=Parameters)
    markers: Markers = field(default_factory=Markers)
    template: Mapping[str, int] = field(init=False)
    core: Core = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "template", template_keys(self.counts, self.documents, self.parameters))
        object.__setattr__(self, "core", core_keys(self.counts, self.documents, self.parameters))

    @property
    def trusted(self) -> bool:
        return self.documents >= self.parameters.min_pages

    @property
    def article_markers(self) -> tuple[str, str] | None:
        """The template lines the article sits between on most pages, when the generation is trusted."""
        return self.markers.trusted(self.parameters.marker_share) if self.trusted else None

    def learned(self) -> list[Learned]:
        if not self.trusted:
            return []
        found = [Learned(key, self.counts[key].example, count) for key, count in self.template.items()]
        return sorted(found, key=lambda item: (-item.documents, item.key))

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "learned": [item.to_dict() for item in self.learned()],
            "article_between": list(self.article_markers or ()),
            "markers": self.markers.to_dict(),
            "counts": {key: self.counts[key].to_list() for key in sorted(self.counts)},
        }


@dataclass(frozen=True)
class SiteProfile:
    """What one site taught: its generations, in the order they were first seen."""

    name: str
    generations: tuple[Generation, ...]
    parameters: Parameters = field(default_factory=Parameters)

    @property
    def documents(self) -> int:
        return sum(generation.documents for generation in self.generations)

    @property
    def learned_count(self) -> int:
        return sum(len(generation.learned()) for generation in self.generations)

    def generation_of(self, keys: Collection[str]) -> int | None:
        """The trusted generation whose template a page's keys share most of (at least ``join``), else None."""
        best, index = self.parameters.join, None
        for number, generation in enumerate(self.generations):
            if generation.trusted:
                share = shared(keys, generation.core)
                if share >= best:
                    best, index = share, number
        return index

    def rule(self, generation: int, key: str) -> str:
        """The audit trail's rule: ``profile:<site>#<generation>(<documents with the line>/<documents>)``."""
        chosen = self.generations[generation]
        return f"profile:{self.name}#{generation + 1}({chosen.template[key]}/{chosen.documents})"

    def evidence_rule(self, generation: int, key: str) -> str:
        """``rule`` for any line: ``profile:<site>#<generation>(<documents with the line>/<documents>)``."""
        chosen = self.generations[generation]
        count = chosen.counts[key].documents if key in chosen.counts else 0
        return f"profile:{self.name}#{generation + 1}({count}/{chosen.documents})"

    def to_dict(self) -> dict[str, object]:
        return {"documents": self.documents, "generations": [g.to_dict() for g in self.generations]}


@dataclass(frozen=True)
class Profile:
    """Site profiles of a corpus, as learned with one set of parameters."""

    sites: Mapping[str, SiteProfile] = field(default_factory=dict)
    parameters: Parameters = field(default_factory=Parameters)

    def site(self, name: str | None) -> SiteProfile | None:
        return self.sites.get(name) if name else None

    @property
    def learned_count(self) -> int:
        return sum(site.learned_count for site in self.sites.values())

    def to_dict(self) -> dict[str, object]:
        return {
            "format": PROFILE_FORMAT,
            "parameters": self.parameters.to_dict(),
            "sites": {name: self.sites[name].to_dict() for name in sorted(self.sites)},
        }

    def learner(self) -> ProfileLearner:
        """A learner that goes on from these counts (incremental learning)."""
        learner = ProfileLearner(self.parameters)
        for name, site in self.sites.items():
            learner.sites[name] = [_Counting.of(generation) for generation in site.generations]
        return learner

    def with_parameters(self, parameters: Parameters) -> Profile:
        """The same counts judged with other parameters (the bench chooses them out of fold)."""
        sites = {}
        for name, site in self.sites.items():
            generations = tuple(Generation(g.documents, g.counts, parameters, g.markers) for g in site.generations)
            sites[name] = SiteProfile(name, generations, parameters)
        return Profile(sites, parameters)


# --- learning ------------------------------------------------------------------------------------------


@dataclass
class _Counting:
    """A generation being learned: its counts, and its core keys as of the last time they were needed."""

    documents: int = 0
    counts: dict[str, KeyCount] = field(default_factory=dict)
    markers: Markers = field(default_factory=Markers)
    core: Core = field(default_factory=dict)
    core_at: int = -1  # the document count the core was computed at

    @classmethod
    def of(cls, generation: Generation) -> _Counting:
        counts = {key: replace(count) for key, count in generation.counts.items()}
        return cls(generation.documents, counts, Markers(generation.markers.pages, dict(generation.markers.pairs)))

    def current_core(self, parameters: Parameters) -> Core:
        # Recomputed at each of the first documents, then when a quarter more have come (and at most every 8).
        due = max(1, min(8, self.documents // 4))
        if self.core_at != self.documents and (self.documents < 4 or self.documents - self.core_at >= due):
            self.core, self.core_at = core_keys(self.counts, self.documents, parameters), self.documents
        return self.core


class ProfileLearner:
    """Counts normalised lines per site and generation, one document at a time, in bounded memory.

    Memory is bounded by lossy counting (Manku and Motwani), per generation: every ``prune_every``
    documents, keys whose count plus error is at most the number of such rounds are dropped, so a count
    is too low by at most ``documents / prune_every``, far below ``ratio * documents``.
    """

    def __init__(self, parameters: Parameters | None = None) -> None:
        self.parameters = parameters or Parameters()
        self.sites: dict[str, list[_Counting]] = {}

    def add(self, site: str, texts: Iterable[str]) -> None:
        """Count one document of ``site`` given the texts of its blocks."""
        texts = list(texts)
        keys = block_keys(texts)
        examples: dict[str, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key and key not in examples:
                examples[key] = text
        generation = self._generation(self.sites.setdefault(site, []), examples.keys())
        if generation.documents:  # where the article sits, judged by the template of the pages before
            generation.markers.add(markers_of(keys, generation.current_core(self.parameters)))
        generation.documents += 1
        bucket = math.ceil(generation.documents / self.parameters.prune_every)
        counts = generation.counts
        for key, text in examples.items():
            count = counts.get(key)
            if count is None:
                counts[key] = KeyCount(1, bucket - 1)
                continue
            if not count.example:
                count.example = text.strip()  # kept from the second sighting on: reviewers read it
            count.documents += 1
        if generation.documents % self.parameters.prune_every == 0:
            rounds = generation.documents // self.parameters.prune_every
            for key in [key for key, count in counts.items() if count.documents + count.error <= rounds]:
                del counts[key]
            generation.markers.prune(rounds)

    def _generation(self, generations: list[_Counting], found: Collection[str]) -> _Counting:
        """The generation a document joins: the one whose core it shares most of, or a new one.

        A document starts a new generation only when it has a template of its own (at least
        ``TEMPLATE_LINES`` non-prose lines) and shares less than ``join`` of every generation's core.
        """
        best, chosen = -1.0, None
        for generation in generations:
            share = shared(found, generation.current_core(self.parameters))
            if share > best:
                best, chosen = share, generation
        plain = (key for key in found if not is_prose(key, self.parameters))
        own = sum(1 for _ in itertools.islice(plain, TEMPLATE_LINES)) == TEMPLATE_LINES
        if chosen is None or (own and best < self.parameters.join and len(generations) < self.parameters.generations):
            chosen = _Counting()
            generations.append(chosen)
        return chosen

    def profile(self) -> Profile:
        """The profile so far (a snapshot: learning on does not change it)."""
        sites = {}
        for name in sorted(self.sites):
            generations = tuple(
                Generation(
                    g.documents,
                    {k: replace(c) for k, c in g.counts.items()},
                    self.parameters,
                    Markers(g.markers.pages, dict(g.markers.pairs)),
                )
                for g in self.sites[name]
            )
            sites[name] = SiteProfile(name, generations, self.parameters)
        return Profile(sites, self.parameters)


def site_of(url: str | None, fallback: str | None = None) -> str | None:
    """The site a document belongs to: its URL's host without ``www.``, else ``fallback`` (its folder)."""
    if url:
        host = urlsplit(url.strip()).hostname
        if host:
            return host.removeprefix("www.")
    return fallback or None
