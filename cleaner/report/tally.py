"""The overview of a run, counted record by record with bounded memory.

``Tally.add`` takes one record (and its ``records.Figures``) and updates the counts the
report's overview shows: documents read, cleaned and failed; blocks and characters kept and
removed by category, by rule and by layer; per-site figures; a histogram of the classifier's
scores; the failures' reasons.  Every record of the run is counted, however long the run.

Memory stays bounded: at most ``MAX_KEYS`` distinct rules and ``MAX_SITES`` sites are counted one
by one (later new ones are pooled under ``OTHER``, and the overview says so), a site counts at most
``SITE_RULES`` distinct rules (to name its most frequent one; rules first seen on a site after that
are not counted for it), and at most ``MAX_FAILURES`` failures are kept by name.

This module counts; it does not choose documents (``sample``) or write HTML (``page``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cleaner.report.records import Figures, Removals

MAX_KEYS = 20_000  # distinct rules counted one by one
MAX_SITES = 10_000  # distinct sites counted one by one
SITE_RULES = 32  # distinct rules counted per site
MAX_FAILURES = 200  # failures listed by name (all are counted)
MAX_REASONS = 1_000  # distinct failure reasons counted one by one
OTHER = "(others)"
BINS = 10  # classifier score histogram: [0, 0.1), [0.1, 0.2), ... [0.9, 1]


@dataclass(slots=True)
class Amount:
    """Blocks and characters (removed, or kept), and in how many documents."""

    blocks: int = 0
    chars: int = 0
    documents: int = 0


@dataclass(slots=True)
class Site:
    """One site's figures."""

    documents: int = 0
    failed: int = 0
    kept_chars: int = 0
    removed_blocks: int = 0
    removed_chars: int = 0
    rules: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        total = self.kept_chars + self.removed_chars
        return self.removed_chars / total if total else 0.0


def _add(table: dict[str, Amount], key: str, blocks: int, chars: int) -> None:
    """Add one document's blocks and characters under ``key``."""
    amount = table.get(key)
    if amount is None:
        amount = table[key] = Amount()
    amount.blocks += blocks
    amount.chars += chars
    amount.documents += 1


def _reason(error: str) -> str:
    """A failure's reason without the document's own details: the text before the first ':'."""
    return error.split(":", 1)[0].strip()[:80] or "unknown"


@dataclass
class Tally:
    """Counts over every record of a run."""

    read: int = 0
    failed: int = 0
    with_removals: int = 0
    unplaced: int = 0  # cleaned documents whose records carry no block positions
    sourced: int = 0  # cleaned documents whose records say where their metadata came from
    kept: Amount = field(default_factory=Amount)
    removed: Amount = field(default_factory=Amount)
    categories: dict[str, Amount] = field(default_factory=dict)
    rules: dict[str, Amount] = field(default_factory=dict)
    rule_category: dict[str, str] = field(default_factory=dict)
    layers: dict[str, Amount] = field(default_factory=dict)
    sites: dict[str, Site] = field(default_factory=dict)
    scores: list[int] = field(default_factory=lambda: [0] * BINS)
    reasons: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (id, site, error)
    pooled_rules: bool = False
    pooled_sites: bool = False

    @property
    def cleaned(self) -> int:
        return self.read - self.failed

    def add(self, record: Mapping[str, Any], figures: Figures) -> None:
        """Count one record."""
        self.read += 1
        site = self._site(figures.site)
        site.documents += 1
        if figures.failed:
            self._failure(record, figures)
            site.failed += 1
            return
        self.with_removals += figures.removed_blocks > 0
        self.unplaced += not figures.placed
        self.sourced += isinstance(record.get("sources"), Mapping)
        self.removed.blocks += figures.removed_blocks
        self.removed.chars += figures.removed_chars
        self.kept.blocks += figures.kept_blocks
        self.kept.chars += figures.kept_chars
        self.kept.documents += figures.kept_blocks > 0
        site.kept_chars += figures.kept_chars
        site.removed_blocks += figures.removed_blocks
        site.removed_chars += figures.removed_chars
        if figures.removed_blocks:
            self._removals(figures.removals, site)

    def _failure(self, record: Mapping[str, Any], figures: Figures) -> None:
        self.failed += 1
        error = str(record.get("error") or "unknown error")
        reason = _reason(error)
        if reason in self.reasons or len(self.reasons) < MAX_REASONS:
            self.reasons[reason] += 1
        else:
            self.reasons[OTHER] += 1
        if len(self.failures) < MAX_FAILURES:
            self.failures.append((figures.id, figures.site, error))

    def _removals(self, removals: Removals, site: Site) -> None:
        for key, (blocks, chars) in removals.categories.items():
            _add(self.categories, key, blocks, chars)
        for rule, (blocks, chars) in removals.rules.items():
            key = self._rule(rule, removals)
            _add(self.rules, key, blocks, chars)
            if key in site.rules or len(site.rules) < SITE_RULES:
                site.rules[key] += blocks
        for key, (blocks, chars) in removals.layers.items():
            _add(self.layers, key, blocks, chars)
        for score in removals.scores:
            self.scores[min(BINS - 1, max(0, int(score * BINS)))] += 1
        self.removed.documents += 1

    def _rule(self, rule: str, removals: Removals) -> str:
        """The rule's key in ``rules`` (``OTHER`` past ``MAX_KEYS`` rules); a new rule's category is noted."""
        if rule in self.rules:
            return rule
        if len(self.rules) >= MAX_KEYS:
            self.pooled_rules = True
            return OTHER
        self.rule_category[rule] = removals.rule_categories[rule]
        return rule

    def _site(self, name: str) -> Site:
        site = self.sites.get(name)
        if site is None:
            if len(self.sites) >= MAX_SITES:
                self.pooled_sites = True
                name = OTHER
            site = self.sites.get(name) or self.sites.setdefault(name, Site())
        return site
