"""Site profiles: learn the furniture each site repeats on its pages, and remove it.

Rules catch furniture that many sites share; every site also has its own (a slogan, a newsletter
box phrased its own way, a footer, a "More from <Site>" list).  Pages of one site repeat those
blocks, so counting normalised blocks per site over a corpus finds them.  This module:

- ``block_key(text)`` folds a block into the key it is counted under (case, digits, dates and
  whitespace folded), so "© 2023 Gazette" and "© 2024 Gazette" are one block;
- ``ProfileLearner`` counts keys per site, document by document, in bounded memory (lossy
  counting), and can resume from a saved ``Profile`` (incremental learning);
- ``Profile`` / ``SiteProfile`` hold the counts and the blocks the decision rule (``Parameters``,
  documented in docs/corpus.md) learned;
- ``apply_profile(verdicts, site)`` is the pipeline layer that runs right after the furniture
  rules and marks the learned blocks ``Role.FURNITURE`` with the rule ``corpus:<site>(n/N)``.

What it does NOT do: it never reads files or resolves a document's site (``cleaner.corpus.twopass`` does),
never reads or writes the profile file (``cleaner.sites.store``: ``load_profile``, ``save_profile``),
never overrides a decision an earlier layer took, and never removes a block matched by a ``keep``
pattern.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from urllib.parse import urlsplit

from cleaner.lexicon.calendar import month_names
from cleaner.model import Role, Verdict
from cleaner.text.shape import SENTENCE_END, shape_of

PROFILE_FORMAT = "cleaner-profile/1"
"""The ``format`` field of a profile file; a file without it is refused."""

Zone = frozenset[str]
HEAD, TAIL = "head", "tail"
_ZONE_NAMES = {frozenset(): "middle", frozenset({HEAD}): HEAD, frozenset({TAIL}): TAIL, frozenset({HEAD, TAIL}): "edge"}
_ZONES_BY_NAME = {name: zone for zone, name in _ZONE_NAMES.items()}
ANYWHERE = "anywhere"


class ProfileError(ValueError):
    """A profile file is unreadable or malformed; the message names the file and the problem."""


# --- the normalised key -------------------------------------------------------------------------

_MONTHS = "|".join(re.escape(name) for name in sorted(month_names(), key=len, reverse=True))
_DIGITS = re.compile(r"\d+")
_DATE = re.compile(
    rf"\b0[./-]0[./-]0(?=\b|t<time>)"  # 06.01.2024, 2024-01-06, 1/6/24 (after digits are folded to 0)
    rf"|\b(?:0\.?\s+)?(?:{_MONTHS})\.?(?:\s+0(?:st|nd|rd|th)?)?,?\s+0\b"  # 6 January 2024, Jan 6, 2024, März 2024
    rf"|\b0\.?\s+(?:{_MONTHS})\b\.?",  # 6 janvier, 6. März
    re.IGNORECASE,
)
_TIME = re.compile(r"\b0:0(?::0)?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def block_key(text: str) -> str:
    """The key a block is counted under: case-folded, digits, dates, times and whitespace folded.

    Folding makes a footer "© 2024" and "© 2025", or a box dated each day, one block; it keeps
    punctuation, so the key still tells a sentence from a headline.
    """
    key = _DIGITS.sub("0", text.casefold())
    if "0" in key:  # dates and times have digits; most blocks are then skipped cheaply
        key = _TIME.sub("<time>", key)  # before dates, so "6 Jan 2024, 14:30" keeps its time apart
        key = _DATE.sub("<date>", key)
    return _SPACE.sub(" ", key).strip()


# --- the decision rule ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parameters:
    """The knobs of the decision rule (see docs/corpus.md); stored in every profile file.

    A key is learned for a site when it recurs in at least ``max(min_docs, ratio * documents)``
    documents of the site AND either recurs verbatim in at least ``most * documents`` of them
    (anywhere in the page), or is not prose and recurs that often in the head or tail zone.
    """

    min_docs: int = 3
    ratio: float = 0.3
    most: float = 0.6
    prose_words: int = 12
    prune_every: int = 20

    def threshold(self, documents: int) -> int:
        return max(self.min_docs, math.ceil(self.ratio * documents))

    def to_dict(self) -> dict[str, float | int]:
        return {item.name: getattr(self, item.name) for item in fields(self)}

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], *, origin: str) -> Parameters:
        known = {item.name for item in fields(cls)}
        values: dict[str, float | int] = {}
        for name, value in data.items():
            if name not in known:
                raise ProfileError(f"{origin}: unknown parameter {name!r}")
            kind = "number" if name in ("ratio", "most") else "integer"
            if isinstance(value, bool) or not isinstance(value, float | int if kind == "number" else int) or value <= 0:
                raise ProfileError(f"{origin}: parameter {name!r} must be a positive {kind}")
            values[name] = value
        return cls(**values)  # type: ignore[arg-type]


def is_prose(key: str, parameters: Parameters) -> bool:
    """A sentence of an article: long enough and ending like a sentence (cheap: on every block)."""
    return SENTENCE_END.search(key) is not None and len(key.split()) >= parameters.prose_words


def zones(prose: Sequence[bool]) -> list[Zone]:
    """The zone of each block: head (before the first prose block), tail (after the last), else none.

    A document with no prose block is all edge (head and tail).
    """
    where = [index for index, flag in enumerate(prose) if flag]
    if not where:
        return [frozenset({HEAD, TAIL})] * len(prose)
    first, last = where[0], where[-1]
    return [
        frozenset({HEAD}) if index < first else frozenset({TAIL}) if index > last else frozenset()
        for index in range(len(prose))
    ]


# --- profile data -----------------------------------------------------------------------------------


@dataclass(slots=True)
class KeyCount:
    """How often one key was seen in a site's documents (lower bounds; ``error`` bounds the loss)."""

    documents: int = 0
    head: int = 0
    tail: int = 0
    error: int = 0
    example: str = ""

    def to_list(self) -> list[int | str]:
        values: list[int | str] = [self.documents, self.head, self.tail, self.error]
        return [*values, self.example] if self.example else values


@dataclass(frozen=True, slots=True)
class LearnedBlock:
    """One block a site repeats, with where it may be removed and how often it was seen."""

    key: str
    example: str
    documents: int
    where: str  # "anywhere", "head", "tail" or "edge" (head or tail)

    def matches(self, zone: Zone) -> bool:
        return self.where == ANYWHERE or bool(_ZONES_BY_NAME[self.where] & zone)

    def to_dict(self) -> dict[str, object]:
        return {"text": self.example or self.key, "key": self.key, "documents": self.documents, "where": self.where}


def decide(key: str, count: KeyCount, documents: int, parameters: Parameters) -> str | None:
    """Where a key is furniture for a site of ``documents`` documents, or ``None`` (content)."""
    threshold = parameters.threshold(documents)
    if count.documents < threshold:
        return None
    if count.documents >= parameters.most * documents:
        return ANYWHERE
    if is_prose(key, parameters):
        return None
    zone = frozenset(name for name, seen in ((HEAD, count.head), (TAIL, count.tail)) if seen >= threshold)
    return _ZONE_NAMES[zone] if zone else None


@dataclass(frozen=True)
class SiteProfile:
    """What one site taught: its document count, key counts, and the learned blocks."""

    name: str
    documents: int
    counts: Mapping[str, KeyCount]
    parameters: Parameters = field(default_factory=Parameters)
    learned: Mapping[str, LearnedBlock] = field(init=False)

    def __post_init__(self) -> None:
        learned = {}
        for key, count in self.counts.items():
            where = decide(key, count, self.documents, self.parameters)
            if where is not None:
                learned[key] = LearnedBlock(key, count.example, count.documents, where)
        object.__setattr__(self, "learned", learned)

    def rule(self, block: LearnedBlock) -> str:
        return f"corpus:{self.name}({block.documents}/{self.documents})"

    def to_dict(self) -> dict[str, object]:
        learned = sorted(self.learned.values(), key=lambda block: (-block.documents, block.key))
        return {
            "documents": self.documents,
            "learned": [block.to_dict() for block in learned],
            "counts": {key: self.counts[key].to_list() for key in sorted(self.counts)},
        }


@dataclass(frozen=True)
class Profile:
    """Site profiles of a corpus, as learned with one set of parameters."""

    sites: Mapping[str, SiteProfile] = field(default_factory=dict)
    parameters: Parameters = field(default_factory=Parameters)

    def site(self, name: str | None) -> SiteProfile | None:
        return self.sites.get(name) if name else None

    @property
    def learned_count(self) -> int:
        return sum(len(site.learned) for site in self.sites.values())

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
            learner.documents[name] = site.documents
            learner.counts[name] = _copy_counts(site.counts)
        return learner


def _document_keys(
    keys: Sequence[str], texts: Sequence[str], decided: Collection[int], parameters: Parameters
) -> dict[str, tuple[Zone, str]]:
    """Each distinct undecided key of one document, with the zones it occurs in and its first text."""
    found: dict[str, tuple[Zone, str]] = {}
    prose = [is_prose(key, parameters) for key in keys]
    for index, (key, text, zone) in enumerate(zip(keys, texts, zones(prose), strict=True)):
        if key and index not in decided:
            previous = found.get(key)
            found[key] = (previous[0] | zone, previous[1]) if previous else (zone, text)
    return found


def _copy_counts(counts: Mapping[str, KeyCount]) -> dict[str, KeyCount]:
    return {key: replace(count) for key, count in counts.items()}


class ProfileLearner:
    """Counts normalised blocks per site, one document at a time, in bounded memory.

    Memory is bounded by lossy counting (Manku and Motwani): every ``prune_every`` documents of a
    site, keys whose count plus error is at most the number of such rounds are dropped.  A key is
    then under-counted by at most ``documents / prune_every``, which is far below the learning
    threshold ``ratio * documents``; keys seen in a single document are gone after the next round.
    """

    def __init__(self, parameters: Parameters | None = None) -> None:
        self.parameters = parameters or Parameters()
        self.documents: dict[str, int] = {}
        self.counts: dict[str, dict[str, KeyCount]] = {}

    def add(self, site: str, texts: Sequence[str], decided: Collection[int] = ()) -> None:
        """Count one document of ``site`` given the texts of its blocks, in order.

        Blocks at the positions in ``decided`` (rules already removed or claimed them) count
        for the zones but are not counted themselves: the profile would never act on them.
        """
        keys = [block_key(text) for text in texts]
        documents = self.documents.get(site, 0) + 1
        self.documents[site] = documents
        counts = self.counts.setdefault(site, {})
        bucket = math.ceil(documents / self.parameters.prune_every)
        for key, (zone, text) in _document_keys(keys, texts, decided, self.parameters).items():
            count = counts.get(key)
            if count is None:
                count = counts[key] = KeyCount(error=bucket - 1)
            elif not count.example:
                count.example = text.strip()  # kept from the second sighting on: reviewers read it
            count.documents += 1
            count.head += HEAD in zone
            count.tail += TAIL in zone
        if documents % self.parameters.prune_every == 0:
            self._prune(counts, documents // self.parameters.prune_every)

    @staticmethod
    def _prune(counts: dict[str, KeyCount], bucket: int) -> None:
        for key in [key for key, count in counts.items() if count.documents + count.error <= bucket]:
            del counts[key]

    def profile(self) -> Profile:
        """The profile so far (a snapshot: learning on does not change it)."""
        sites = {
            name: SiteProfile(name, self.documents[name], _copy_counts(self.counts[name]), self.parameters)
            for name in sorted(self.documents)
        }
        return Profile(sites, self.parameters)


# --- the pipeline layer ------------------------------------------------------------------------------


def apply_profile(verdicts: list[Verdict], site: SiteProfile | None) -> list[Verdict]:
    """Mark the blocks ``site`` learned as furniture, then the entries of lists they head.

    Only undecided blocks are touched: blocks that a ``keep`` pattern protects were already
    decided (body) by the furniture layer, so the profile never removes them.
    """
    if site is None or not site.learned or not verdicts:
        return verdicts
    keys = [block_key(verdict.text) for verdict in verdicts]
    if not any(key in site.learned for key in keys):
        return verdicts
    prose = [is_prose(key, site.parameters) for key in keys]
    result = list(verdicts)
    heads: list[int] = []
    for index, (verdict, key, zone) in enumerate(zip(verdicts, keys, zones(prose), strict=True)):
        learned = site.learned.get(key)
        if learned is None or verdict.decided or not learned.matches(zone):
            continue
        result[index] = verdict.decide(Role.FURNITURE, rule=site.rule(learned), category="corpus", layer="profile")
        if shape_of(verdict.text).headline_like:
            heads.append(index)
    return _remove_list_entries(result, heads, prose)


def _remove_list_entries(verdicts: list[Verdict], heads: list[int], prose: Sequence[bool]) -> list[Verdict]:
    """Remove the varying entries under a learned heading ("More from <Site>") in the page's tail.

    The tail is what follows the last prose block that is still undecided.  Entries are the
    undecided headline-like blocks right after the heading, up to the next other block.
    """
    kept_prose = [index for index, verdict in enumerate(verdicts) if prose[index] and not verdict.decided]
    tail_start = kept_prose[-1] + 1 if kept_prose else 0
    for head in heads:
        if head < tail_start:
            continue
        rule = f"{verdicts[head].rule}:list"
        for index in range(head + 1, len(verdicts)):
            verdict = verdicts[index]
            if verdict.decided or not shape_of(verdict.text).headline_like:
                break
            verdicts[index] = verdict.decide(Role.FURNITURE, rule=rule, category="corpus", layer="profile")
    return verdicts


def site_of(url: str | None, fallback: str | None = None) -> str | None:
    """The site a document belongs to: its URL's host without ``www.``, else ``fallback`` (its folder)."""
    if url:
        host = urlsplit(url.strip()).hostname
        if host:
            return host.removeprefix("www.")
    return fallback or None
