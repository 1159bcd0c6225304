"""``clean ... --report FILE``: the run's records go to the HTML audit report as they pass.

``RunReport`` sits on the command's streams: ``outcomes`` (files cleaned as a batch) and
``results`` (documents of JSON Lines, WARC and feed inputs) pass through it unchanged while each
becomes a record (``Article.to_dict()`` plus ``id``, ``source``, ``url``, ``fetched``, or a
failure ``{"id", "source", "error"}``) for ``cleaner.report.ReportBuilder``; ``failure`` adds a
file that could not even be read.  Records are taken in input order in this process, so the
report is the same with any ``--jobs``.  ``write`` writes the page at the end, with the duplicate groups
when the run compared articles, into the file the command made before cleaning (an ``AtomicFile``: it
appears whole when the command commits it).

This module does not lay out the report (``cleaner.report``) or decide what the command writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from cleaner.cli.messages import plural
from cleaner.corpus.duplicates import DuplicateReport
from cleaner.io.files import AtomicFile, source_name
from cleaner.io.records import Result
from cleaner.report import ReportBuilder
from cleaner.run.batch import Outcome

TITLE_CHARS = 120


def outcome_record(outcome: Outcome) -> dict[str, object]:
    """The record of one file cleaned by the batch."""
    source = source_name(outcome.path)
    if outcome.article is None:
        return {"id": source, "source": source, "error": outcome.error}
    record: dict[str, object] = outcome.article.to_dict()
    record.update(id=source, source=source, url=record.get("url"), fetched=None)
    return record


def title(paths: Sequence[Path]) -> str:
    """The report's title: the inputs, as the command named them."""
    named = " ".join(source_name(path) for path in paths)
    return "Cleaning report: " + (named if len(named) <= TITLE_CHARS else named[: TITLE_CHARS - 1] + "…")


class RunReport:
    """The audit report of one run, or nothing (``path`` None: every method passes things through)."""

    def __init__(self, path: Path | None, paths: Sequence[Path]) -> None:
        self.path = path
        self.title = title(paths)
        self.builder = ReportBuilder() if path is not None else None

    def failure(self, path: Path, error: str) -> None:
        if self.builder is not None:
            self.builder.add({"id": source_name(path), "source": source_name(path), "error": error})

    def outcomes(self, outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
        for outcome in outcomes:
            if self.builder is not None:
                self.builder.add(outcome_record(outcome))
            yield outcome

    def results(self, results: Iterable[Result]) -> Iterator[Result]:
        for result in results:
            if self.builder is not None:
                self.builder.add(result.to_dict())
            yield result

    def write(self, duplicates: DuplicateReport | None, target: AtomicFile | None) -> str:
        """Write the report into ``target``; returns the line saying so ("" when there is no report)."""
        if self.builder is None or target is None:
            return ""
        page, shown = self.builder.render(duplicates=duplicates.to_dict() if duplicates else None, title=self.title)
        target.handle.write(page.encode("utf-8"))
        tally = self.builder.tally
        return f"clean: report {self.path}: {plural(tally.read, 'document')}, {shown} shown in full"
