"""Site profiles: learn the template each site repeats on its pages, per template generation.

A site's pages share a template (menus, footers, boxes); article text differs from page to page.  This
module counts block keys (``cleaner.sites.keys``) per site and keeps what they teach:

- ``ProfileLearner`` counts keys per site, document by document, in bounded memory (lossy counting).  It notices
  a redesign: a document that shares little of a generation's template starts a new generation
  (``Parameters.join``), so two templates are never averaged into one.  It counts each article once per
  generation: a document whose lines outside the generation's template are already counted there (``COPY_SHARE``
  of their words, and of their sentences' words; after the generation's first page, that page's whole) is a copy
  (the same page saved twice, under two URLs, with other headlines in a box) and adds nothing but one to the
  site's tally of copies;
- ``Profile`` holds every site's ``SiteProfile`` (``cleaner.sites.generation``: its generations, their
  template keys, trust and matching) as learned with one set of ``Parameters``;
- ``site_of(url, folder)`` names the site a document belongs to.

The names of the sibling modules a caller needs with a profile (``Parameters``, ``ProfileError``,
``SiteProfile``, ``block_key``, ``block_keys``, ``is_prose``) are importable from here too (``X as X``:
re-exported on purpose).

What it does NOT do: it never decides a block (``cleaner.sites.apply`` does, and only ever removes what
the pipeline kept), never reads files or resolves a document's site from its file (``cleaner.corpus``),
never reads or writes the profile file (``cleaner.sites.store``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace

from cleaner.sites.generation import (
    Core,
    Generation,
    KeyCount,
    LearnerCore,
    SiteProfile,
    core_of,
    shared,
    split_core_counts,
)
from cleaner.sites.keys import RememberedKeys
from cleaner.sites.keys import block_key as block_key
from cleaner.sites.keys import block_keys as block_keys
from cleaner.sites.markers import Markers, markers_of
from cleaner.sites.parameters import PROFILE_FORMAT, Parameters, is_prose
from cleaner.sites.parameters import ProfileError as ProfileError
from cleaner.text.urls import site_host

TEMPLATE_LINES = 3  # a document with fewer non-prose lines shows no template: it never starts a generation
# The learner remembers the keys of 65-130 thousand lines, the last 300-600 pages' (``RememberedKeys``): learning seeds
# 1-7's template corpora at once (11,570 pages) took 175 MB, against 258 MB with the per-site map it replaced.
REMEMBERED_TEXTS = 65_536
EVERY_PAGE = 4  # a generation's core is computed again at each of its first pages (``_Counting.current_core``)
COPY_SHARE = 0.9  # a document is a copy when this share of its non-template words, and of its sentences', is counted


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

    def to_dict(self, *, counts: bool = True) -> dict[str, object]:
        """The JSON form (``cleaner.sites.store`` writes it); ``counts``: see ``Generation.to_dict``."""
        return {
            "format": PROFILE_FORMAT,
            "parameters": self.parameters.to_dict(),
            "sites": {name: self.sites[name].to_dict(counts=counts) for name in sorted(self.sites)},
        }

    def learner(self) -> ProfileLearner:
        """A learner that goes on from these counts (incremental learning)."""
        learner = ProfileLearner(self.parameters)
        for name, site in self.sites.items():
            learner.sites[name] = [_Counting.of(generation) for generation in site.generations]
            if site.copies:
                learner.copies[name] = site.copies
        return learner

    def with_parameters(self, parameters: Parameters) -> Profile:
        """The same counts judged with other parameters (the bench chooses them out of fold); without the learner's
        cores, computed with these (a learner from the result computes them again)."""
        sites = {}
        for name, site in self.sites.items():
            generations = tuple(Generation(g.documents, g.counts, parameters, g.markers) for g in site.generations)
            sites[name] = SiteProfile(name, generations, parameters, site.copies)
        return Profile(sites, parameters)


# --- learning ------------------------------------------------------------------------------------------


@dataclass
class _Counting:
    """A generation being learned: its counts, and its core keys as of the last time they were needed.

    The core is recomputed on a schedule (``current_core``), so the one in use depends on the pages before: the
    file keeps it (``LearnerCore``), and a generation read back goes on with it (``of``), as learning at once would.
    """

    documents: int = 0
    counts: dict[str, KeyCount] = field(default_factory=dict)
    markers: Markers = field(default_factory=Markers)
    core_counts: dict[str, int] = field(default_factory=dict)  # the core's keys, in how many documents then
    core_at: int = -1  # the document count the core was computed at
    core: Core = field(default_factory=dict)
    # The core's candidates, told apart by ``is_prose`` once each (``split_core_counts``): the keys that are not prose
    # and those that are, with their counts.  While the generation has one or two documents, every key is on half of
    # them: all its keys are candidates; from its third on, the keys on two documents or more (most keys are on one
    # page: the article's lines), which the counting adds as they come (``candidate``).
    candidates: dict[str, KeyCount] = field(default_factory=dict)
    candidates_prose: dict[str, KeyCount] = field(default_factory=dict)
    singles: bool = False  # the candidates may hold keys on one document (taken while it had fewer than three)

    @classmethod
    def of(cls, generation: Generation) -> _Counting:
        counts = {key: replace(count) for key, count in generation.counts.items()}
        markers = Markers(generation.markers.pages, dict(generation.markers.pairs))
        learned = generation.learner_core
        made = cls(generation.documents, counts, markers)
        for key, count in counts.items():
            if count.documents >= 2:
                made.candidate(key, count, generation.parameters)
        if learned is not None:  # (a file written before the core was kept has none: computed again at the next page)
            made.core_counts, made.core_at = dict(learned.keys), learned.documents
            made.core = core_of(made.core_counts, learned.documents)
        return made

    def current_core(self, parameters: Parameters) -> Core:
        # Recomputed at each of the first documents, then when a quarter more have come (and at most every 8).
        due = max(1, min(8, self.documents // 4))
        if self.core_at != self.documents and (self.documents < EVERY_PAGE or self.documents - self.core_at >= due):
            if self.documents < 3:  # every key is on half of the documents: each a candidate
                for key, count in self.counts.items():
                    self.candidate(key, count, parameters)
                self.singles = True
            elif self.singles:  # the keys on one document are not candidates any more
                self.candidates = {key: count for key, count in self.candidates.items() if count.documents >= 2}
                self.candidates_prose = {k: count for k, count in self.candidates_prose.items() if count.documents >= 2}
                self.singles = False
            self.core_counts = split_core_counts(self.candidates, self.candidates_prose, self.documents)
            self.core_at, self.core = self.documents, core_of(self.core_counts, self.documents)
        return self.core

    def candidate(self, key: str, count: KeyCount, parameters: Parameters) -> None:
        """Take ``key`` (counted by ``count``) among the core's candidates, if it is not one yet."""
        if key not in self.candidates and key not in self.candidates_prose:
            prose = len(key) >= parameters.shortest_prose and is_prose(key, parameters)
            (self.candidates_prose if prose else self.candidates)[key] = count

    def learner_core(self) -> LearnerCore | None:
        """The core for the file; None when ``current_core`` would make the same from the counts at the next page:
        none computed yet, one computed at the last page (from these counts), or a generation's first pages."""
        if self.core_at <= 0 or self.core_at == self.documents or self.documents < EVERY_PAGE:
            return None
        return LearnerCore(self.core_at, dict(self.core_counts))


class ProfileLearner:
    """Counts normalised lines per site and generation, one document at a time, in bounded memory.

    Memory is bounded by lossy counting (Manku and Motwani), per generation: every ``prune_every``
    documents, keys whose count plus error is at most the number of such rounds are dropped, so a count
    is too low by at most ``documents / prune_every``, far below ``ratio * documents``.
    """

    def __init__(self, parameters: Parameters | None = None) -> None:
        self.parameters = parameters or Parameters()
        self.sites: dict[str, list[_Counting]] = {}
        self.remembered = RememberedKeys(REMEMBERED_TEXTS)  # the keys of the lines of the last pages
        self.copies: dict[str, int] = {}  # per site: the documents not counted, copies of counted ones

    def add(self, site: str, texts: Iterable[str]) -> bool:
        """Count one document of ``site`` given the texts of its blocks; False when it is a copy (not counted)."""
        texts = list(texts)
        keys = self.remembered.keys(texts)
        examples = dict(zip(reversed(keys), reversed(texts), strict=True))  # each key once, with its first text
        examples.pop("", None)  # (in the order last seen, backwards: nothing learned depends on the keys' order)
        generation = self._generation(self.sites.setdefault(site, []), examples.keys())
        if generation.documents and examples and _is_copy(examples.keys(), generation, self.parameters):
            self.copies[site] = self.copies.get(site, 0) + 1
            return False
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
            if count.documents == 2:
                generation.candidate(key, count, self.parameters)
        if generation.documents % self.parameters.prune_every == 0:
            rounds = generation.documents // self.parameters.prune_every
            for key in [key for key, count in counts.items() if count.documents + count.error <= rounds]:
                del counts[key]
                generation.candidates.pop(key, None)
                generation.candidates_prose.pop(key, None)
            generation.markers.prune(rounds)
        return True

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

    def profile(self, *, snapshot: bool = True) -> Profile:
        """The profile so far: a snapshot, which learning on does not change; with ``snapshot`` false, the
        profile holds the learner's own counts (faster, for a learner that is done, as ``clean learn``'s)."""
        sites = {}
        for name in sorted(self.sites):
            generations = tuple(
                Generation(
                    g.documents,
                    {k: replace(c) for k, c in g.counts.items()} if snapshot else g.counts,
                    self.parameters,
                    Markers(g.markers.pages, dict(g.markers.pairs)),
                    g.learner_core(),
                    {**g.candidates, **g.candidates_prose},  # every key on two documents or more (``candidate``)
                )
                for g in self.sites[name]
            )
            sites[name] = SiteProfile(name, generations, self.parameters, self.copies.get(name, 0))
        return Profile(sites, self.parameters)


def site_of(url: str | None, fallback: str | None = None) -> str | None:
    """The site a document belongs to: its URL's host without ``www.`` (the archived page's, for a web archive's
    replay address: ``cleaner.text.urls.archived_address``), else ``fallback`` (its folder)."""
    host = site_host(url.strip()) if url else None
    if host is not None:
        return host
    return fallback or None


def _is_copy(keys: Iterable[str], generation: _Counting, parameters: Parameters) -> bool:
    """Whether a document joining ``generation`` is a copy of what it counted: counting it would count an article twice.

    Its lines on more than half of the generation's pages are the template, as far as the pages tell (with one page
    counted, every line of that page); the others are its article and the furniture that changes from page to page.
    It is a copy when at least ``COPY_SHARE`` of the words of those other lines, and of those of them that are
    sentences (``is_prose``), are counted already: an exact copy (every line counted), the same article with another
    list of headlines, another date line or fewer boxes.  Another page of the site brings its own article, sentences
    never counted.  (The sentences' share keeps a short article amid lists of headlines drawn from the site's other
    pages apart: on the template corpora of ``bench/make_sites.py``, seeds 1-5, no page of the 7,274 that joined a
    generation had both shares above 0.84, one had 0.91 of all its words counted.)  The counts are the only memory:
    a copy is recognised while its article's lines are counted, which lossy counting ensures whenever copies come
    often enough to matter, and in a later ``--update`` run too.  With one page counted, every line is on all the
    pages so far, so the two pages are compared whole (``_same_page``).
    """
    counted_in, documents = generation.counts.get, generation.documents
    if documents == 1:
        return _same_page(keys, generation.counts)
    own: list[str] = []  # the document's lines not on more than half of the pages
    words = counted = 0
    for key in keys:
        count = counted_in(key)
        if count is None or 2 * count.documents <= documents:
            own.append(key)
            length = key.count(" ") + 1
            words += length
            counted += length if count is not None else 0
    if counted < COPY_SHARE * words:
        return False  # most pages: their article is new
    short = parameters.shortest_prose
    sentences = [key for key in own if len(key) >= short and is_prose(key, parameters)]
    words = sum(key.count(" ") + 1 for key in sentences)
    return sum(key.count(" ") + 1 for key in sentences if counted_in(key) is not None) >= COPY_SHARE * words


def _same_page(keys: Iterable[str], counts: Mapping[str, KeyCount]) -> bool:
    """Whether a document is a copy of the one page a generation counted (its counts are that page's lines).

    With one page, its template cannot be told from its article (every line is on all the pages so far), so
    the two pages are compared whole: a copy when at least ``COPY_SHARE`` of the document's words are the page's
    and ``COPY_SHARE`` of the page's words are the document's.  Another page of the site shares the template but
    not the article, which the other misses: a near copy (the article with other headlines, another date line)
    misses only what its furniture drew again.
    """
    found = set(keys)
    words = counted = 0
    for key in found:
        length = key.count(" ") + 1
        words += length
        counted += length if key in counts else 0
    if counted < COPY_SHARE * words:
        return False
    page = sum(key.count(" ") + 1 for key in counts)
    return counted >= COPY_SHARE * page
