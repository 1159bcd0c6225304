"""Article markers: the template lines right before and right after the article on a site's pages.

On a page, the lines of the site's template (menus, footers) surround the article, whose lines no other
page shares.  The article's region is the longest run, in words, of lines outside the template core; the
template line just before it and the one just after it are the page's *markers*.  When one pair of
markers held on most pages of a template generation (``Parameters.marker_share``), the profile knows
where the article is: ``cleaner.sites.apply`` then keeps the lines between them that the classifier alone
dropped (never lines a furniture rule or the metadata layer decided).

This module finds regions and counts markers; it decides nothing about a page on its own.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, field


def article_region(keys: Sequence[str], template: Container[str]) -> tuple[int, int] | None:
    """[start, end) of the longest run (in words) of non-empty lines outside ``template``, or None."""
    best, best_words = None, 0
    start, words = 0, 0
    for index, key in enumerate(keys):
        if key in template:
            start, words = index + 1, 0
            continue
        words += key.count(" ") + 1 if key else 0
        if words > best_words:
            best, best_words = (start, index + 1), words
    return best


def markers_of(keys: Sequence[str], template: Container[str]) -> tuple[str, str] | None:
    """The keys of the template lines just before and just after the article region, when both exist."""
    region = article_region(keys, template)
    if region is None or region[0] == 0 or region[1] >= len(keys):
        return None
    return keys[region[0] - 1], keys[region[1]]


@dataclass
class Markers:
    """How often each (start, end) marker pair held on a generation's pages, and on how many pages it was looked for."""

    pages: int = 0
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, pair: tuple[str, str] | None) -> None:
        self.pages += 1
        if pair is not None:
            self.pairs[pair] = self.pairs.get(pair, 0) + 1

    def trusted(self, share: float) -> tuple[str, str] | None:
        """The pair that held on at least ``share`` of the pages looked at, if one did."""
        if not self.pairs:
            return None
        pair, held = max(self.pairs.items(), key=lambda item: (item[1], item[0]))
        return pair if held >= share * self.pages else None

    def prune(self, rounds: int) -> None:
        """Drop pairs seen at most ``rounds`` times (lossy counting, as the key counts)."""
        self.pairs = {pair: held for pair, held in self.pairs.items() if held > rounds}

    def to_dict(self) -> dict[str, object]:
        ordered = sorted(self.pairs.items(), key=lambda item: (-item[1], item[0]))
        return {"pages": self.pages, "pairs": [[start, end, held] for (start, end), held in ordered]}

    @classmethod
    def of(cls, pages: int, pairs: Sequence[tuple[str, str, int]]) -> Markers:
        """From the JSON form's values (``cleaner.sites.store`` reads and validates them)."""
        return cls(pages, {(start, end): held for start, end, held in pairs})
