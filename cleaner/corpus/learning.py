"""Pass 1 of a corpus: read each document for learning, and learn a site profile from them.

    from cleaner.corpus.learning import learn_profile
    profile = learn_profile(documents)            # strings, bytes, Documents or JSON-like mappings

A document's site is the host of its URL (given, or the page's canonical / ``og:url``, or the
front matter's ``url``), else the name of the folder its file is in, else the ``site``
argument; a document with none is not counted.

This module reads documents (``cleaner.pipeline.reading.document_texts``) and counts them
(``cleaner.sites.profile``); it imports none of the cleaning layers, so ``clean learn`` starts
without them.  It does NOT clean (``cleaner.corpus.twopass`` does: pass 2, and duplicates).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.errors import NO_DEADLINE, CleanError, Deadline
from cleaner.io.documents import as_document, check_many, folder_site
from cleaner.io.markdown import FrontMatterError
from cleaner.io.records import Document, Failure
from cleaner.pipeline.reading import document_texts
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
    (and reported to ``on_error``); cleaning will report them again.  One document given as ``documents``
    (a ``str``, ``bytes``, a record) raises ``TypeError``.
    """
    check_many(documents, "learn_profile()")
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
