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

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.corpus.duplicates import DEFAULT_SHINGLE, DEFAULT_THRESHOLD, DuplicateReport, find_duplicates
from cleaner.errors import NO_DEADLINE, CleanError, Deadline
from cleaner.io.documents import as_document, documents_from_path, folder_site, input_files
from cleaner.io.markdown import FrontMatterError
from cleaner.io.records import Cleaned, Document, Failure, Result
from cleaner.pipeline import document_texts
from cleaner.run.stream import clean_many
from cleaner.sites.profile import Parameters, Profile, ProfileLearner, site_of
from cleaner.text.decode import DecodeError

Item = str | bytes | Document | Mapping[str, Any] | Failure
OnError = Callable[[str, str], None]
"""Called with a document id and a one-line reason for each document that cannot be read."""


@dataclass(frozen=True, slots=True)
class Counted:
    """What learning keeps of one document: its site and its block texts.

    Computing it is the costly part of learning (reading, segmenting, rules), and it is
    independent for each document, so it can run in worker processes; adding it to the
    ``ProfileLearner`` happens in input order, which keeps learning deterministic.
    """

    site: str
    texts: tuple[str, ...]

    def add_to(self, learner: ProfileLearner) -> None:
        if self.site:
            learner.add(self.site, self.texts)


def count_document(
    document: Document, *, config: Config, site: str | None = None, deadline: Deadline = NO_DEADLINE
) -> Counted:
    """Read one document for learning; its site is ``""`` when it has none (it is then not counted).

    Raises ``CleanError`` (or ``DecodeError``, ``FrontMatterError``) when it cannot be read, and
    ``TimeLimitError`` once ``deadline`` has passed.
    """
    texts, url = document_texts(
        document.content, format=document.format, url=document.url, config=config, deadline=deadline
    )
    name = site_of(url, folder_site(document) or site) or ""
    return Counted(name, tuple(texts)) if name else Counted("", ())


def learn_profile(
    documents: Iterable[Item],
    *,
    profile: Profile | None = None,
    parameters: Parameters | None = None,
    config: Config | None = None,
    site: str | None = None,
    on_error: OnError | None = None,
) -> Profile:
    """Pass 1: a profile learned from ``documents``, added to ``profile`` when one is given.

    ``parameters`` apply to a new profile only (an existing one keeps the parameters it was
    learned with, so its counts stay meaningful).  Documents that cannot be read are skipped
    (and reported to ``on_error``); cleaning will report them again.
    """
    learner = profile.learner() if profile is not None else ProfileLearner(parameters)
    for document in _documents(documents, on_error):
        try:
            deadline = Deadline((config or DEFAULT_CONFIG).timeout)
            with deadline.armed():
                counted = count_document(document, config=config or DEFAULT_CONFIG, site=site, deadline=deadline)
            counted.add_to(learner)
        except (CleanError, DecodeError, FrontMatterError) as error:
            if on_error is not None:
                on_error(document.id, str(error))
    return learner.profile()


def _documents(items: Iterable[Item], on_error: OnError | None) -> Iterator[Document]:
    for position, item in enumerate(items):
        try:
            if isinstance(item, Failure):
                raise ValueError(item.reason)
            yield as_document(item, default_id=str(position))
        except (TypeError, ValueError) as error:
            if on_error is not None:
                on_error(getattr(item, "id", str(position)), str(error))


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
    def from_paths(cls, paths: Iterable[str | Path], *, config: Config | None = None) -> Corpus:
        """Every article, JSON Lines record and WARC response under ``paths`` (read into memory)."""
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
