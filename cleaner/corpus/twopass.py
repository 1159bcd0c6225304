"""Corpus: clean many documents in two passes, learning each site's furniture first.

    from cleaner.corpus.twopass import Corpus
    corpus = Corpus.from_paths(["articles/"])
    profile = corpus.learn()                      # pass 1: count blocks per site
    results = list(corpus.clean(profile))         # pass 2: clean with what the corpus taught
    report = corpus.duplicates(results)           # exact and near-duplicate articles

``learn_profile(documents)`` and ``clean_corpus(documents)`` are the same as functions over
any re-iterable collection of documents (strings, bytes, ``stream.Document`` records, or
JSON-like mappings).  A document's site is the host of its URL (given, or the page's
canonical / ``og:url``, or the front matter's ``url``), else the name of the folder its
file is in, else the ``site`` argument; a document with none is cleaned without a profile.

This module does NOT decide what is furniture (``cleaner.sites.profile`` does), compare bodies
(``cleaner.corpus.duplicates`` does), or write files (the ``clean`` command does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.corpus.duplicates import DEFAULT_SHINGLE, DEFAULT_THRESHOLD, DuplicateReport, find_duplicates
from cleaner.corpus.learning import Counted as Counted
from cleaner.corpus.learning import Item, learn_profile
from cleaner.corpus.learning import count_document as count_document
from cleaner.io.documents import documents_from_path, input_files
from cleaner.io.records import Cleaned, Result
from cleaner.run.stream import clean_many
from cleaner.sites.profile import Parameters, Profile


def clean_corpus(
    documents: Iterable[Item],
    *,
    profile: Profile | None = None,
    learn: bool = True,
    config: Config | None = None,
    site: str | None = None,
) -> Iterator[Result]:
    """Pass 1 (unless ``learn`` is false) then pass 2: each document cleaned with the profile.

    ``documents`` is read twice when learning, so it must be a collection, not a generator.
    """
    if learn:
        profile = learn_profile(documents, profile=profile, config=config, site=site)
    yield from clean_many(documents, config=config, profile=profile, site=site)


def duplicates_of(
    results: Iterable[Result], *, threshold: float = DEFAULT_THRESHOLD, shingle: int = DEFAULT_SHINGLE
) -> DuplicateReport:
    """Duplicate groups among the cleaned articles of ``results`` (failures are left out)."""
    bodies = ((result.id, result.article.text) for result in results if isinstance(result, Cleaned))
    return find_duplicates(bodies, threshold=threshold, shingle=shingle)


@dataclass(frozen=True)
class Corpus:
    """A collection of documents cleaned together: learn, clean, find duplicates."""

    documents: Sequence[Item]
    config: Config = DEFAULT_CONFIG
    site: str | None = None
    errors: list[tuple[str, str]] = field(default_factory=list, compare=False)

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path] | str | Path, *, config: Config | None = None) -> Corpus:
        """Every article, JSON Lines record and WARC response under ``paths``, a list or one path (read into memory)."""
        config = config or DEFAULT_CONFIG
        limit = config.max_bytes
        files = input_files(paths, exclude=config.exclude)
        documents = (doc for path in files for doc in documents_from_path(path, max_bytes=limit))
        return cls(tuple(documents), config)

    def learn(self, profile: Profile | None = None, parameters: Parameters | None = None) -> Profile:
        return learn_profile(
            self.documents,
            profile=profile,
            parameters=parameters,
            config=self.config,
            site=self.site,
            on_error=lambda ident, reason: self.errors.append((ident, reason)),
        )

    def clean(self, profile: Profile | None = None) -> Iterator[Result]:
        """Clean every document; learns a profile first when none is given."""
        profile = profile if profile is not None else self.learn()
        return clean_corpus(self.documents, profile=profile, learn=False, config=self.config, site=self.site)

    def duplicates(self, results: Iterable[Result] | None = None) -> DuplicateReport:
        return duplicates_of(self.clean() if results is None else results)
