"""A datatrove pipeline step: clean each document's text (or HTML) where LLM-dataset pipelines run.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.run.datatrove import CleanArticles

    LocalPipelineExecutor(
        pipeline=[JsonlReader("scraped/"), CleanArticles(format="html"), JsonlWriter("cleaned/")],
        tasks=8, workers=8,
    ).run()

``CleanArticles`` replaces each document's ``text`` with the cleaned body (``Article.text``) and keeps
everything else ``clean()`` found under ``metadata["cleaner"]``: ``Article.to_dict()`` without its
``text`` (title, authors, dates, language, url, the body blocks, and ``removed``, the audit trail of
every removed block with its rule and layer).  A URL in the document's metadata (``url``) is given
to ``clean``; one that is not a string (a number, a list) fails the document, never made into one.
A document that cannot be cleaned (binary, empty, over the time limit) is dropped and
counted (``failed``), or with ``keep_failures=True`` passed on unchanged with the reason under
``metadata["cleaner_error"]``; either way one warning in the task's log names it and the reason
(``story-7: error: binary data (NUL bytes), not text; document dropped``); one bad document never
stops the pipeline.  Each document runs under
the configuration's time limit (``cleaner.errors.Deadline``; datatrove's workers run steps on their
main thread, so the timer applies); a task pays the one-off loads (models, rules, language profiles, and the
page readers' before its first page) before that limit starts, as a Dask partition does.

Install with the extra: ``pip install 'cleaner[datatrove]'``.  This module is the only one that
imports datatrove; it does not read or write datasets (datatrove's readers and writers do).
"""

from __future__ import annotations

from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.logging import logger

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.io.records import SKIPPED, Document, Failure, Format, Result, string_of
from cleaner.pipeline.reading import check_arguments
from cleaner.run.stream import Cleaning, clean_document, warm_up_cleaning, warm_up_document

METADATA_KEY = "cleaner"
ERROR_KEY = "cleaner_error"


class CleanArticles(PipelineStep):
    """Clean every document of a datatrove pipeline (see the module docstring).

    An unknown ``format`` raises ``ValueError``, a ``config`` or ``profile`` of the wrong type ``TypeError``,
    when the step is made: not one failure per document.
    """

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        *,
        format: Format = "auto",
        config: Config | None = None,
        profile: object | None = None,
        keep_failures: bool = False,
    ) -> None:
        super().__init__()
        # else every document would fail, one by one, for the same reason
        check_arguments(None, config, profile, caller="CleanArticles()", format=format)
        self.cleaning = Cleaning(config or DEFAULT_CONFIG, profile, format)
        self.keep_failures = keep_failures

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        warm_up_cleaning(self.cleaning)  # the task's one-off loads, before the first document's time limit starts
        for document in data or ():
            self.stat_update("total")
            with self.track_time():
                cleaned = self._clean(document)
            if cleaned is None and not self.keep_failures:
                continue
            self.update_doc_stats(document)
            yield document

    def _clean(self, document: Any) -> Any | None:
        """Clean one datatrove document in place; ``None`` when it cannot be cleaned."""
        result: Result
        try:
            url = string_of(document.metadata.get("url"), "metadata.url")
        except ValueError as error:  # the reader's "; record skipped" goes: the step says what it does itself
            result = Failure(id=str(document.id), reason=str(error).removesuffix(SKIPPED))
        else:
            source = Document(id=str(document.id), content=document.text, format=self.cleaning.format, url=url)
            warm = warm_up_document(self.cleaning, source)  # the page readers' loads, for the task's first page
            if warm is not None:
                warm()
            result = clean_document(self.cleaning, source)
        if isinstance(result, Failure):
            self.stat_update("failed")
            document.metadata[ERROR_KEY] = result.reason
            fate = f"kept with the reason in metadata['{ERROR_KEY}']" if self.keep_failures else "dropped"
            logger.warning(f"{document.id}: error: {result.reason}; document {fate}")
            return None
        record = result.article.to_dict()
        document.text = record.pop("text")
        document.metadata[METADATA_KEY] = record
        self.stat_update("cleaned")
        return document
