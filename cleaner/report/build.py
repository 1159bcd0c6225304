"""Build a report from a run's records, one record at a time, and write it atomically.

``ReportBuilder.add(record)`` takes each record of a run (``Article.to_dict()`` plus ``id``,
``source``, ``url``, ``fetched``, or a failure ``{"id", "source", "error"}``) as it streams by:
every record is counted for the overview (``tally``), and the sampler (``sample``) keeps the
views of the documents the page will show.  ``write(path)`` lays out the page (``page``) and
writes it with ``write_atomic``.  ``write_report(records, path)`` does both for any iterable of
records, so a report is the same for a local, ``--jobs`` or Dask run.

This module connects the parts; it does not clean documents or decide what a record holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from cleaner.io.files import write_atomic
from cleaner.report.page import PAGE_BUDGET, Selection, render_page
from cleaner.report.records import document_view, figures
from cleaner.report.sample import BUDGET, KEEP_ALL, Sampler, Strata
from cleaner.report.tally import OTHER, Tally


class ReportBuilder:
    """Counts every record and keeps the views to show; ``html()`` or ``write()`` at the end."""

    def __init__(self, *, keep_all: int = KEEP_ALL, strata: Strata | None = None, budget: int = PAGE_BUDGET) -> None:
        self.tally = Tally()
        self.budget = budget
        self.sampler = Sampler(keep_all=keep_all, budget=min(BUDGET, budget), strata=strata)

    def add(self, record: Mapping[str, Any]) -> None:
        """Count one record and offer it to the sample (a failure is counted, never shown)."""
        facts = figures(record, self.tally.read)
        self.tally.add(record, facts)
        if not facts.failed:
            self.sampler.offer(facts, lambda: document_view(record, facts))

    def html(self, *, duplicates: Mapping[str, Any] | None = None, title: str = "Cleaning report") -> str:
        """The report page; ``duplicates`` is ``DuplicateReport.to_dict()`` of the run, when it has one."""
        return self.render(duplicates=duplicates, title=title)[0]

    def write(self, path: Path, *, duplicates: Mapping[str, Any] | None = None, title: str = "Cleaning report") -> int:
        """Write the page to ``path`` atomically (a reader sees the old file or the whole new one).

        Returns how many documents the page shows in full.
        """
        page, shown = self.render(duplicates=duplicates, title=title)
        write_atomic(Path(path), page.encode("utf-8"))
        return shown

    def render(self, *, duplicates: Mapping[str, Any] | None = None, title: str = "Cleaning report") -> tuple[str, int]:
        """The report page, and how many documents it shows in full."""
        rules = [
            rule for rule, _ in sorted(self.tally.rules.items(), key=lambda item: -item[1].blocks) if rule != OTHER
        ]
        selection = Selection(self.sampler.chosen(rules), self.sampler.sampling, self.sampler.describe())
        return render_page(self.tally, selection, duplicates=duplicates, title=title, budget=self.budget)


def write_report(
    records: Iterable[Mapping[str, Any]],
    path: str | Path,
    *,
    duplicates: Mapping[str, Any] | None = None,
    title: str = "Cleaning report",
    keep_all: int = KEEP_ALL,
) -> Tally:
    """Write the HTML report of a run's records to ``path``; returns the overview's counts.

    Records stream through: memory holds the counts and the sample, not the run.
    """
    builder = ReportBuilder(keep_all=keep_all)
    for record in records:
        builder.add(record)
    builder.write(Path(path), duplicates=duplicates, title=title)
    return builder.tally
