"""What one site taught: its template generations, their key counts, and what the counts teach.

``Generation`` holds one template generation's counts and derives its ``template`` keys (in at least
``ratio`` of its documents; prose needs ``prose_ratio``), trusted only when it has at least ``min_pages``
documents (N), its ``core`` (the lines on at least half of its pages) and its trusted article markers;
``SiteProfile`` holds a site's generations and tells which one a page is of (``generation_of``: none
when it shares too little of every trusted core), and names removals in the audit trail.

What it does NOT do: it counts no document (``cleaner.sites.profile.ProfileLearner``), decides no block
(``cleaner.sites.apply``) and reads or writes no file (``cleaner.sites.store``).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import InitVar, dataclass, field

from cleaner.sites.markers import Markers
from cleaner.sites.parameters import Parameters, is_prose

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


def template_thresholds(documents: int, parameters: Parameters) -> tuple[int, int]:
    """The documents a plain key and a prose key must be on to be template: ``ratio`` and ``prose_ratio`` of them."""
    return max(1, math.ceil(parameters.ratio * documents)), max(1, math.ceil(parameters.prose_ratio * documents))


def core_threshold(documents: int) -> int:
    """The documents a key must be on to be core: half of them."""
    return max(1, math.ceil(documents / 2))


def template_keys(counts: Mapping[str, KeyCount], documents: int, parameters: Parameters) -> dict[str, int]:
    """The keys in at least ``ratio`` of ``documents`` (``prose_ratio`` for prose), with their counts."""
    plain, prose = template_thresholds(documents, parameters)
    low, high = min(plain, prose), max(plain, prose)  # is_prose decides only between the two
    return {
        key: count.documents
        for key, count in counts.items()
        if count.documents >= low
        and (count.documents >= high or count.documents >= (prose if is_prose(key, parameters) else plain))
    }


Core = Mapping[str, float]
"""A generation's core: its non-prose keys in at least half of its documents, each with that share."""


def core_keys(counts: Mapping[str, KeyCount], documents: int, parameters: Parameters) -> Core:
    """The keys in at least half of ``documents``, with their share: what a page of the generation shows.

    Non-prose keys only (menus, footers, headings), unless the pages have none (then prose keys too).
    """
    return core_of(core_counts(counts, documents, parameters), documents)


def core_counts(counts: Mapping[str, KeyCount], documents: int, parameters: Parameters) -> dict[str, int]:
    """``core_keys``'s keys with their document counts, sorted by key: so a core's order, and ``shared``'s sums,
    are the same whatever order the counts were made in (learned at once, or read from a file and learned on)."""
    half = core_threshold(documents)
    frequent = {key: count.documents for key, count in counts.items() if count.documents >= half}
    short = parameters.shortest_prose  # ``is_prose``'s first test, without a call for each short key
    plain = {key: seen for key, seen in frequent.items() if len(key) < short or not is_prose(key, parameters)}
    return _by_key(plain or frequent)


def split_core_counts(plain: Mapping[str, KeyCount], prose: Mapping[str, KeyCount], documents: int) -> dict[str, int]:
    """``core_counts`` of counts told apart beforehand: ``plain``, the keys that are not prose (``is_prose``), and
    ``prose``; the keys of neither are on fewer than half of ``documents`` (the learner keeps the keys on two pages
    or more so, from its third page on: most keys, the article's lines, are on one)."""
    half = core_threshold(documents)
    chosen = {key: count.documents for key, count in plain.items() if count.documents >= half}
    return _by_key(chosen or {key: count.documents for key, count in prose.items() if count.documents >= half})


def _by_key(chosen: Mapping[str, int]) -> dict[str, int]:
    keys = sorted(chosen)
    return dict(zip(keys, map(chosen.__getitem__, keys), strict=True))


def core_of(counts: Mapping[str, int], documents: int) -> Core:
    """A core's shares from its keys' document counts among ``documents``."""
    return dict(zip(counts, map(documents.__rtruediv__, counts.values()), strict=True))  # seen / documents


@dataclass(frozen=True, slots=True)
class LearnerCore:
    """The core the learner last computed for a generation (``cleaner.sites.profile``): the document count it was
    computed at and its keys' counts then.  Kept in the file so a later ``clean learn --update`` goes on with the
    core the learner had, as learning everything at once would (it recomputes the core only now and then)."""

    documents: int
    keys: Mapping[str, int]

    def to_dict(self) -> dict[str, object]:
        return {"documents": self.documents, "keys": dict(self.keys)}


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
    learner_core: LearnerCore | None = None  # None: the learner computes one at its next page
    # The counts of every key on two documents or more (others may be there too), when the caller has them apart
    # (the learner's core candidates): the template and the core are then read off them, not off every count, where
    # neither can hold a key of one document (its thresholds are 2 or more).  Most keys are on one page.
    frequent: InitVar[Mapping[str, KeyCount] | None] = None
    template: Mapping[str, int] = field(init=False)
    core: Core = field(init=False)

    def __post_init__(self, frequent: Mapping[str, KeyCount] | None) -> None:
        parameters, documents = self.parameters, self.documents
        lowest = min(*template_thresholds(documents, parameters), core_threshold(documents))
        counts = self.counts if frequent is None or lowest < 2 else frequent
        object.__setattr__(self, "template", template_keys(counts, documents, parameters))
        object.__setattr__(self, "core", core_keys(counts, documents, parameters))

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

    def to_dict(self, *, counts: bool = True) -> dict[str, object]:
        """The JSON form; without ``counts``, all but the key counts, and ``learned`` None (``cleaner.sites.store``
        writes both itself, from ``counts`` and ``template``)."""
        data: dict[str, object] = {
            "documents": self.documents,
            "learned": [item.to_dict() for item in self.learned()] if counts else None,
            "article_between": list(self.article_markers or ()),
            "markers": self.markers.to_dict(),
        }
        if self.learner_core is not None:
            data["learner_core"] = self.learner_core.to_dict()
        if counts:
            data["counts"] = {key: self.counts[key].to_list() for key in sorted(self.counts)}
        return data


@dataclass(frozen=True)
class SiteProfile:
    """What one site taught: its generations, in the order they were first seen, and how many of the documents
    learned from were copies of others (``cleaner.sites.profile._is_copy``), not counted."""

    name: str
    generations: tuple[Generation, ...]
    parameters: Parameters = field(default_factory=Parameters)
    copies: int = 0

    @property
    def documents(self) -> int:
        return sum(generation.documents for generation in self.generations)

    @property
    def learned_count(self) -> int:
        """How many template lines the trusted generations learned (``len(learned())`` of each, unsorted)."""
        return sum(len(generation.template) for generation in self.generations if generation.trusted)

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

    def to_dict(self, *, counts: bool = True) -> dict[str, object]:
        data: dict[str, object] = {"documents": self.documents}
        if self.copies:  # a file learned without copies is written as before
            data["copies"] = self.copies
        data["generations"] = [g.to_dict(counts=counts) for g in self.generations]
        return data
