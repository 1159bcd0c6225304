"""The HTML audit report of a cleaning run: what was removed, by which rule, on which site.

    >>> from cleaner.report import write_report
    >>> write_report(records, "report.html")   # records: a run's dicts (docs/report.md)

One self-contained static HTML file (no server, nothing fetched): an overview counted over
every record, and per-document views (every removed block in place, struck through and
labelled) for every document of a small run or a stratified sample of a big one.

Modules: ``records`` (one record read), ``tally`` (the overview's counts), ``sample`` (which
documents to show), ``charts``, ``overview`` and ``documents`` (HTML fragments), ``page`` (the
page), ``build`` (streaming records into a written file).  This package does not clean anything.
"""

from cleaner.report.build import ReportBuilder, write_report

__all__ = ["ReportBuilder", "write_report"]
