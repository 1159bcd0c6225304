"""Duplicates: find articles a corpus holds twice, exactly or nearly.

The same article is often saved twice: from two URLs (an AMP page, a print view, a
syndication partner), a day apart, with different furniture around it or a changed date
line.  Cleaning removes most of that difference; what is left is compared here:

- exact duplicates have the same normalised body (``profile.block_key`` of the whole text:
  case, digits, dates and whitespace folded), found by hashing;
- near duplicates share most of their word shingles (``shingle`` consecutive words): MinHash
  signatures (``datasketch``) with locality-sensitive hashing find candidates in about linear
  time, and a candidate pair is kept when its estimated Jaccard similarity reaches
  ``threshold``.  Rewrites of one story by different outlets share facts and a quotation or
  two, but few five-word runs, so they stay apart.

Groups are reported in input order, the first member of each group being the one kept by
``--dedupe``.  This module compares texts; it does not read files or clean anything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cleaner.sites.profile import block_key

if TYPE_CHECKING:  # imported when first needed: datasketch brings numpy and scipy (a second to start)
    from datasketch import LeanMinHash, MinHashLSH

DEFAULT_THRESHOLD = 0.8
DEFAULT_SHINGLE = 5
NUM_PERM = 128
SEED = 1  # fixed, so signatures and reports are the same on every run
# Shingles hashed at a time: ``MinHash.update_batch`` makes a NUM_PERM x n array of 64-bit values for n shingles,
# so one batch of a 20 MB one-line text's five million took 5 GB (and a minute) in the command's own process.
BATCH = 4096


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Documents holding the same article; ``members[0]`` is the one to keep.

    ``similarity`` is the lowest estimated Jaccard similarity between the kept member and
    another member (1.0 for an exact group).
    """

    kind: str  # "exact" or "near"
    members: tuple[str, ...]
    similarity: float

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "similarity": round(self.similarity, 3), "members": list(self.members)}


@dataclass(frozen=True, slots=True)
class DuplicateReport:
    """All duplicate groups of a corpus, and how they were found."""

    groups: tuple[DuplicateGroup, ...]
    documents: int
    threshold: float = DEFAULT_THRESHOLD
    shingle: int = DEFAULT_SHINGLE

    @property
    def redundant(self) -> frozenset[str]:
        """The documents ``--dedupe`` leaves out: every member of a group but the first."""
        return frozenset(member for group in self.groups for member in group.members[1:])

    def summary(self) -> str:
        """``1 duplicate group (1 exact, 0 near) among 6 documents; 1 redundant``: one of a thing in the singular."""
        exact, groups = sum(group.kind == "exact" for group in self.groups), len(self.groups)
        return (
            f"{groups} duplicate group{'s' * (groups != 1)} ({exact} exact, {groups - exact} near) "
            f"among {self.documents} document{'s' * (self.documents != 1)}; {len(self.redundant)} redundant"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "threshold": self.threshold,
            "shingle": self.shingle,
            "groups": [group.to_dict() for group in self.groups],
        }


def shingles(words: list[str], size: int) -> set[bytes]:
    """The runs of ``size`` consecutive words; a shorter text is one shingle."""
    return {shingle for batch in shingle_batches(words, size) for shingle in batch}


def shingle_batches(words: list[str], size: int, batch: int = BATCH) -> Iterator[set[bytes]]:
    """``shingles`` in sets of at most ``batch`` (a shingle may come in two of them): the signature of their union
    is the minimum of theirs, made with memory that does not grow with the text."""
    if len(words) <= size:
        yield {" ".join(words).encode("utf-8")}
        return
    for start in range(0, len(words) - size + 1, batch):
        stop = min(start + batch, len(words) - size + 1)
        yield {" ".join(words[index : index + size]).encode("utf-8") for index in range(start, stop)}


@dataclass
class DuplicateFinder:
    """Add documents one by one (id, cleaned body); ask for the report at the end.

    Memory per document is one small signature (``NUM_PERM`` integers) and a hash, so a
    corpus of any size fits; a document's shingles are hashed ``BATCH`` at a time, so a long one fits too.
    """

    threshold: float = DEFAULT_THRESHOLD
    shingle: int = DEFAULT_SHINGLE
    _position: dict[str, int] = field(default_factory=dict)
    _by_hash: dict[str, str] = field(default_factory=dict)
    _signatures: dict[str, LeanMinHash] = field(default_factory=dict)
    _parent: dict[str, str] = field(default_factory=dict)
    _exact: set[str] = field(default_factory=set)
    _lsh: MinHashLSH = field(init=False)

    def __post_init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)

    def add(self, ident: str, text: str) -> None:
        """Compare one document with those added before it (an empty body is never a duplicate)."""
        words = block_key(text).split()
        if not words or ident in self._parent:
            return
        self._position[ident] = len(self._position)
        self._parent[ident] = ident
        digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).hexdigest()
        if digest in self._by_hash:
            self._union(self._by_hash[digest], ident)
            self._exact.add(ident)
            return
        self._by_hash[digest] = ident
        from datasketch import LeanMinHash, MinHash

        signature = MinHash(num_perm=NUM_PERM, seed=SEED)
        for batch in shingle_batches(words, self.shingle):
            signature.update_batch(list(batch))
        lean = LeanMinHash(signature)
        for other in sorted(self._lsh.query(lean)):
            if lean.jaccard(self._signatures[other]) >= self.threshold:
                self._union(other, ident)
        self._signatures[ident] = lean
        self._lsh.insert(ident, lean)

    def _find(self, ident: str) -> str:
        while self._parent[ident] != ident:
            self._parent[ident] = self._parent[self._parent[ident]]
            ident = self._parent[ident]
        return ident

    def _union(self, first: str, second: str) -> None:
        """Join two groups; the root is the member added first, so it is the one kept."""
        roots = sorted((self._find(first), self._find(second)), key=self._position.__getitem__)
        self._parent[roots[1]] = roots[0]

    def report(self) -> DuplicateReport:
        members: dict[str, list[str]] = {}
        for ident in self._position:
            members.setdefault(self._find(ident), []).append(ident)
        groups = tuple(self._group(group) for group in members.values() if len(group) > 1)
        return DuplicateReport(groups, len(self._position), self.threshold, self.shingle)

    def _group(self, members: list[str]) -> DuplicateGroup:
        kept = self._signatures[members[0]]
        near = [self._signatures[m] for m in members[1:] if m not in self._exact]
        similarity = min((kept.jaccard(other) for other in near), default=1.0)
        return DuplicateGroup("exact" if not near else "near", tuple(members), similarity)


def find_duplicates(
    documents: Iterable[tuple[str, str]], *, threshold: float = DEFAULT_THRESHOLD, shingle: int = DEFAULT_SHINGLE
) -> DuplicateReport:
    """Duplicate groups among ``(id, cleaned body)`` pairs, in input order."""
    finder = DuplicateFinder(threshold, shingle)
    for ident, text in documents:
        finder.add(ident, text)
    return finder.report()
