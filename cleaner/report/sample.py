"""Which documents a report shows: all of a small run, a stratified sample of a big one.

Up to ``keep_all`` documents (and while their views stay within ``budget`` characters) every
cleaned document is kept.  Past that the sampler keeps, with bounded memory, a stratified sample:

- ``most``: the documents that lost the largest share of their text;
- ``least``: those that lost the smallest share (ties spread over the run by a hash of the id);
- ``per_rule``: a few documents per rule (a seeded reservoir sample of the documents it fired
  in), for at most ``max_rules`` rules;
- ``doubtful``: the documents holding the classifier's least sure decisions (score nearest 0.5).

``Sampler.chosen`` returns the kept views in priority order (each rule's first document, the
extremes, then the rest), so that a page writer cutting at a size budget keeps the widest cover.
A view is built only when a stratum takes its document.

This module chooses; it does not count the overview (``tally``) or write HTML (``page``).
"""

from __future__ import annotations

import heapq
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from cleaner.report.records import DocumentView, Figures, view_size

KEEP_ALL = 2_000
BUDGET = 15_000_000  # characters of document views a report holds (page.py cuts at the same budget)


@dataclass(frozen=True, slots=True)
class Strata:
    """How many documents each stratum keeps."""

    most: int = 200
    least: int = 100
    per_rule: int = 3
    max_rules: int = 400
    doubtful: int = 50


@dataclass
class _Reservoir:
    seen: int = 0
    views: list[DocumentView] = field(default_factory=list)


class Sampler:
    """Offer every cleaned document; ask for the chosen views at the end."""

    def __init__(
        self, keep_all: int = KEEP_ALL, budget: int = BUDGET, strata: Strata | None = None, seed: int = 0
    ) -> None:
        self.keep_all, self.budget, self.strata = keep_all, budget, strata or Strata()
        self.sampling = False
        self._all: list[DocumentView] = []
        self._size = 0
        self._most: list[tuple[float, int, int, DocumentView]] = []
        self._least: list[tuple[float, int, int, DocumentView]] = []
        self._doubtful: list[tuple[float, int, DocumentView]] = []
        self._rules: dict[str, _Reservoir] = {}
        self._random = random.Random(seed)

    def offer(self, figures: Figures, make: Callable[[], DocumentView]) -> None:
        """Consider one document; ``make`` builds its view, called at most once and only when kept."""
        if not self.sampling:
            made = make()
            self._all.append(made)
            self._size += view_size(made)
            if len(self._all) > self.keep_all or self._size > self.budget:
                self._start_sampling()
            return
        memo: list[DocumentView] = []

        def view() -> DocumentView:
            if not memo:
                memo.append(make())
            return memo[0]

        self._stratify(figures, view)

    def _start_sampling(self) -> None:
        self.sampling = True
        kept, self._all = self._all, []
        for view in kept:
            self._stratify(view.figures, _made(view))

    def _stratify(self, figures: Figures, view: Callable[[], DocumentView]) -> None:
        share, order = figures.share, figures.order
        spread = zlib.crc32(figures.id.encode("utf-8", "replace"))
        _push(self._most, (share, figures.removed_chars, -order), self.strata.most, view)
        _push(self._least, (-share, -spread, -order), self.strata.least, view)
        if figures.doubt is not None:
            _push(self._doubtful, (-figures.doubt, -order), self.strata.doubtful, view)
        for rule in figures.rules:
            reservoir = self._rules.get(rule)
            if reservoir is None:
                if len(self._rules) >= self.strata.max_rules:
                    continue
                reservoir = self._rules.setdefault(rule, _Reservoir())
            reservoir.seen += 1
            if len(reservoir.views) < self.strata.per_rule:
                reservoir.views.append(view())
            else:
                slot = self._random.randrange(reservoir.seen)
                if slot < self.strata.per_rule:
                    reservoir.views[slot] = view()

    def chosen(self, rule_order: list[str]) -> list[DocumentView]:
        """The kept views, each once: in input order for a small run, by priority when sampling.

        ``rule_order`` ranks the rules (most frequent first): when sampling, each rule's first
        document comes before the extremes, then the rest.
        """
        if not self.sampling:
            return list(self._all)
        most = [entry[-1] for entry in sorted(self._most, reverse=True)]
        least = [entry[-1] for entry in sorted(self._least, reverse=True)]
        doubtful = [entry[-1] for entry in sorted(self._doubtful, reverse=True)]
        ranked_rules = [rule for rule in rule_order if rule in self._rules]
        ranked_rules += sorted(set(self._rules) - set(ranked_rules))
        ranked = [self._rules[rule].views for rule in ranked_rules]
        rounds = [[views[i] for views in ranked if len(views) > i] for i in range(self.strata.per_rule)]
        half = len(most) // 2, len(least) // 2, len(doubtful) // 2
        queue = rounds[0] + most[: half[0]] + least[: half[1]] + doubtful[: half[2]]
        queue += [view for stratum in rounds[1:] for view in stratum]
        queue += most[half[0] :] + least[half[1] :] + doubtful[half[2] :]
        unique: dict[int, DocumentView] = {}
        for view in queue:
            unique.setdefault(view.figures.order, view)
        return list(unique.values())

    def describe(self) -> str:
        """What the sample holds, in words (for the notice at the top of a sampled report)."""
        strata = self.strata
        return (
            f"the {strata.most} documents that lost the largest share of their text, the {strata.least} that lost "
            f"the smallest, up to {strata.per_rule} documents per rule (for {len(self._rules)} rules), and the "
            f"{strata.doubtful} holding the classifier's least sure decisions"
        )


def _push(heap: list, key: tuple, size: int, view: Callable[[], DocumentView]) -> None:
    """Keep the ``size`` largest keys (and their views) in a min-heap; build a view only when it enters."""
    if size <= 0:
        return
    if len(heap) < size:
        heapq.heappush(heap, (*key, view()))
    elif key > heap[0][: len(key)]:
        heapq.heapreplace(heap, (*key, view()))


def _made(view: DocumentView) -> Callable[[], DocumentView]:
    """A view already built, as the maker ``Sampler._stratify`` asks for."""
    return lambda: view
