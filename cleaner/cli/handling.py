"""What the ``clean`` command does with each cleaned file or record: write it, explain it, check, show or rewrite it.

``Outputs`` is where articles go when not checking or rewriting (standard output, a mirrored folder planned by
``cleaner.cli.targets``, a JSON Lines file).  ``handle`` acts on one article file's ``Outcome``: ``--explain``
lines, the article written, or for ``--check``, ``--diff`` and ``--in-place`` the line saying what would change,
the diff (bytes ``patch -p0`` applies) and the atomic rewrite; ``handle_record`` writes one record of a JSON
Lines or WARC input.  Each counts what it handled in the run's ``Report``, a failure as one line.

What it does NOT do: it finds, reads and cleans nothing (``cleaner.cli.command`` runs the batch and the streams
and calls these for each result, in input order), and it does not decide the exit code.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from cleaner.cli.messages import Report, categories_line, failure_where, plural, printable, removed_blocks
from cleaner.cli.targets import OutputError, plan_outputs, rewritable
from cleaner.io.files import source_name, write_atomic
from cleaner.io.jsonl import JsonlWriter, dumps
from cleaner.io.output import SUFFIXES, article_record, render
from cleaner.io.records import Failure, Result
from cleaner.model import Article
from cleaner.run.batch import Outcome
from cleaner.sites.profile import site_of


def _removals(article: Article) -> str:
    blocks = removed_blocks(article.removed)  # a note (where a body was read, bytes decoded) is no block
    if not blocks:
        return "no blocks removed, layout only"
    detail = categories_line(Counter(removal.category for removal in blocks))
    return f"{plural(len(blocks), 'block')} removed ({detail})"


def _explain(where: object, article: Article, report: Report) -> None:
    """--explain: one line per removed block, after the file or record (``where``) it was removed from, with the
    classifier's score (``p(content)``, as the report shows it) when the classifier decided."""
    for removal in article.removed:
        text = removal.text if len(removal.text) <= 100 else removal.text[:99] + "…"
        decided = removal.layer if removal.score is None else f"{removal.layer}, p(content) {removal.score:.4f}"
        report.line(f"{where}: [{removal.rule}] {removal.category} ({decided}): {text}")


def _diff(outcome: Outcome) -> bytes:
    """A unified diff from the file's bytes to its canonical form, which ``patch -p0`` applies whatever the
    file's encoding and line endings: lines end at ``\\n`` only, as patch reads them (a lone CR, a form feed
    or U+2028 is inside a line), and the removed lines are the file's own bytes."""
    name = printable(str(outcome.path)).encode("utf-8")  # a name may hold a newline or an escape sequence
    lines = difflib.diff_bytes(
        difflib.unified_diff,
        _lines(outcome.original),
        _lines(outcome.canonical.encode("utf-8")),
        name + b"\t(original)",
        name + b"\t(cleaned)",
    )
    return b"".join(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n" for line in lines)


def _lines(data: bytes) -> list[bytes]:
    """``data`` cut after each ``\\n``, the last line kept without one when the data does not end with it."""
    lines = [line + b"\n" for line in data.split(b"\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


class Outputs:
    """Where articles go when not checking or rewriting: standard output, a mirrored folder, a JSON Lines file."""

    def __init__(self, args: argparse.Namespace, files: Sequence[Path]) -> None:
        self.fmt: str = args.format
        self.out: Path | None = args.output
        jsonl = self.out is not None and self.fmt == "jsonl"
        self.targets = plan_outputs(files, args.paths, self.out, SUFFIXES[self.fmt]) if self.out and not jsonl else {}
        self.writer: JsonlWriter | None = None

    def __enter__(self) -> Outputs:
        if self.out and self.fmt == "jsonl":
            try:
                self.writer = JsonlWriter(self.out).__enter__()
            except OSError as error:  # before anything is cleaned: the option, the file and why
                raise OutputError(f"-o/--output {self.out} cannot be written: {error.strerror or error}") from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.writer is not None:
            self.writer.__exit__(*exc)  # type: ignore[arg-type]

    def put(self, outcome: Outcome) -> None:
        """Write one article where it belongs (raises ``OSError`` when it cannot be written)."""
        assert outcome.article is not None
        if self.writer is not None:
            self.writer.write(article_record(outcome.article, source=source_name(outcome.path)))
            return
        text = render(outcome.article, self.fmt, source=source_name(outcome.path), extra=outcome.extra)
        if self.out is None:
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.flush()
        else:
            write_atomic(self.targets[outcome.path], text.encode("utf-8"))

    def put_record(self, record: dict[str, object]) -> None:
        if self.writer is not None:
            self.writer.write(record)
        else:
            sys.stdout.write(dumps(record) + "\n")


class _Failed(Exception):
    """A file's outcome is a failure (raised and caught inside ``_handle`` only)."""


def _rewrite(outcome: Outcome, article: Article, args: argparse.Namespace, report: Report) -> None:
    """--check, --diff, --in-place: say (and show, and do) what would change."""
    if args.diff:
        sys.stdout.buffer.write(_diff(outcome))
        sys.stdout.flush()
    if args.in_place:
        keep, refusal = rewritable(outcome.path)
        if refusal:
            raise _Failed(refusal)
        write_atomic(outcome.path, outcome.canonical.encode("utf-8"), keep=keep)
    report.line(f"{'cleaned' if args.in_place else 'would clean'} {outcome.path}: {_removals(article)}")


def handle(outcome: Outcome, args: argparse.Namespace, outputs: Outputs, report: Report) -> None:
    """Act on one file's outcome and count it."""
    try:
        if outcome.article is None:
            raise _Failed(outcome.error)
        article = outcome.article
        if args.explain:
            _explain(outcome.path, article, report)
        if report.mode == "write":
            outputs.put(outcome)
            touched = bool(article.removed) or outcome.page  # cleaned: a page's article is always extracted
            _warn_if_empty(outcome.path, article, report)
        else:
            touched = outcome.changed
            if touched:
                _rewrite(outcome, article, args, report)
    except BrokenPipeError:
        raise
    except (_Failed, OSError) as error:
        target = f" {error.filename}" if isinstance(error, OSError) and error.filename else ""
        reason = str(error) if isinstance(error, _Failed) else f"cannot write{target}: {error.strerror or error}"
        report.failure(str(outcome.path), reason)
    else:
        report.read += 1
        report.touched += touched
        report.pages += outcome.page
        report.count(article.removed)
        report.site(site_of(article.url, outcome.path.absolute().parent.name))
    report.done(record=False)


LISTING_RULE = "extractor.listing-page"  # cleaner.html.page's note of a listing page (not imported: no HTML layer here)


def _warn_if_empty(where: object, article: Article, report: Report) -> None:
    """One line for an article written with no body (a page with no article text, a text all furniture)."""
    if not article.blocks:
        listing = next((r.text for r in article.removed if r.rule == LISTING_RULE), None)  # why, if the page says
        report.line(f"{where}: warning: {listing or 'no article text found'}; written with an empty body")


def handle_record(result: Result, outputs: Outputs, report: Report, *, explain: bool) -> None:
    """One document of a JSON Lines, WARC or feed input: written as a JSON Lines record, or one error line."""
    where = failure_where(result.id, result.source)
    if isinstance(result, Failure):
        report.failure(where, result.reason)
    else:
        if explain:
            _explain(where, result.article, report)
        outputs.put_record(result.to_dict())
        _warn_if_empty(where, result.article, report)
        report.read += 1
        report.touched += bool(result.article.removed) or result.page  # as an article file is counted
        report.pages += result.page
        report.count(result.article.removed)
        report.site(site_of(result.url or result.article.url, _folder(result.source)))
    report.done(record=True)


def _folder(source: str | None) -> str | None:
    """The folder a record's file is in: a record without a URL belongs to its folder's site (``folder_site``)."""
    return Path(source).absolute().parent.name if source else None
