"""One run of the ``clean`` command, once its arguments are parsed: clean the files, write or check, report.

What this module does: ``run_command(args, parser)`` finds the files (``cleaner.io.files``), loads the
configuration and the site profile, cleans the files as a batch (``cleaner.run.batch``) and JSON Lines or
WARC inputs as a stream (``cleaner.run.stream``), then writes the articles (standard output, a mirrored
folder, a JSON Lines file: ``Outputs``, ``mirror_targets``) or, for ``--check``, ``--diff`` and
``--in-place``, says, shows and does what would change.  ``Report`` is everything said on standard
error (per-file lines, ``--explain``, the progress bar, the summary); ``--report FILE`` (the HTML audit
report) is ``cleaner.cli.audit``; the return value is the exit code.

What it does NOT do: it does not parse or check the command line (``cleaner.cli.main`` does), and does
not catch configuration or profile errors: those reach ``cleaner.cli.main.main``, which reports them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from cleaner.cli.audit import RunReport
from cleaner.config import Config, find_config, load_config
from cleaner.corpus.duplicates import DuplicateFinder
from cleaner.io.documents import documents_from_path, is_container
from cleaner.io.files import Finder, Found, write_atomic
from cleaner.io.jsonl import JsonlWriter, dumps
from cleaner.io.output import SUFFIXES, article_record, render
from cleaner.io.records import Failure, Result
from cleaner.model import Article
from cleaner.run.batch import Outcome, Settings, default_jobs, run
from cleaner.run.stream import clean_many
from cleaner.sites.profile import Profile
from cleaner.sites.store import find_profile, load_profile

EXIT_CLEAN, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def _profile(args: argparse.Namespace, report: Report) -> Profile | None:
    """The site profile of this run: --profile, else the corpus's own one, unless --no-profile."""
    if args.no_profile:
        return None
    path = args.profile or find_profile(Path(os.path.commonpath([p.absolute() for p in args.paths])))
    if path is None:
        return None
    profile = load_profile(path)
    if not args.quiet:
        report.line(f"clean: site profile {path} ({len(profile.sites)} sites, {profile.learned_count} learned blocks)")
    return profile


def _with_duplicates(
    outcomes: Iterable[Outcome], finder: DuplicateFinder, report: Report | None = None
) -> Iterator[Outcome]:
    """Give every article to the duplicate finder; with a ``report`` (--dedupe), hold all back, drop the redundant."""
    if report is not None:
        held = list(_with_duplicates(outcomes, finder))
        redundant = finder.report().redundant
        for outcome in held:
            if str(outcome.path) in redundant:
                report.line(f"{outcome.path}: duplicate article, not written (--dedupe)")
                report.read += 1
            else:
                yield outcome
        return
    for outcome in outcomes:
        if outcome.article is not None:
            finder.add(str(outcome.path), outcome.article.text)
        yield outcome


def _report_duplicates(finder: DuplicateFinder, args: argparse.Namespace, report: Report) -> None:
    duplicates = finder.report()
    if args.duplicates:
        write_atomic(args.duplicates, (json.dumps(duplicates.to_dict(), ensure_ascii=False, indent=1) + "\n").encode())
    if duplicates.groups and not args.quiet:
        report.line(f"clean: {duplicates.summary()}{' (not written)' if args.dedupe else ''}")


def _config(args: argparse.Namespace) -> Config:
    if args.config:
        return load_config(args.config)
    return find_config(Path(os.path.commonpath([p.absolute() for p in args.paths])))


@dataclass
class Report:
    """Everything said on standard error: per-file lines, the progress bar, the summary."""

    mode: str
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    progress: bool = False
    total: int = 0
    read: int = 0
    touched: int = 0
    failed: int = 0
    categories: Counter[str] = field(default_factory=Counter)

    def line(self, text: str) -> None:
        if self.progress:
            self.stream.write("\r\033[K")
        self.stream.write(text + "\n")

    def tick(self) -> None:
        if self.progress and self.total:
            done = self.read + self.failed
            bar = "#" * (30 * done // self.total)
            self.stream.write(f"\r[{bar:<30}] {done}/{self.total} files")
            self.stream.flush()

    def summary(self) -> None:
        if self.progress:
            self.stream.write("\r\033[K")
        verb = {"check": "would change", "in-place": "rewritten"}.get(self.mode, "cleaned")
        removed = sum(self.categories.values())
        by_category = ", ".join(f"{name} {count}" for name, count in sorted(self.categories.items(), key=_by_count))
        files = self.read + self.failed
        self.stream.write(
            f"{files} file{'s' * (files != 1)} read: {self.touched} {verb}, {self.read - self.touched} unchanged, "
            f"{self.failed} failed; {removed} blocks removed{f' ({by_category})' if by_category else ''}\n"
        )


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _removals(article: Article) -> str:
    counts = Counter(removal.category for removal in article.removed)
    if not counts:
        return "no blocks removed, layout only"
    detail = ", ".join(f"{name} {count}" for name, count in sorted(counts.items(), key=_by_count))
    return f"{len(article.removed)} block{'s' * (len(article.removed) != 1)} removed ({detail})"


def _explain(outcome: Outcome, article: Article, report: Report) -> None:
    for removal in article.removed:
        text = removal.text if len(removal.text) <= 100 else removal.text[:99] + "…"
        report.line(f"{outcome.path}: [{removal.rule}] {removal.category} ({removal.layer}): {text}")


def _diff(outcome: Outcome) -> str:
    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True),
        outcome.canonical.splitlines(keepends=True),
        f"{outcome.path}\t(original)",
        f"{outcome.path}\t(cleaned)",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def mirror_targets(files: Sequence[Path], roots: Sequence[Path], out: Path, suffix: str) -> dict[Path, Path]:
    """Where each input's output goes under ``out``: its path below the inputs' common folder.

    ``a.txt`` and ``a.md`` in one folder would both become ``a.json``; such files keep
    their whole name instead (``a.txt.json``, ``a.md.json``), so no output overwrites another.
    """
    base = os.path.commonpath([(root if root.is_dir() else root.parent).absolute() for root in roots])
    plain = {path: out / Path(os.path.relpath(path.absolute(), base)).with_suffix(suffix) for path in files}
    clashes = Counter(plain.values())
    return {
        path: target if clashes[target] == 1 else target.with_name(path.name + suffix) for path, target in plain.items()
    }


class Outputs:
    """Where articles go when not checking or rewriting: standard output, a mirrored folder, a JSON Lines file."""

    def __init__(self, args: argparse.Namespace, files: Sequence[Path]) -> None:
        self.fmt: str = args.format
        self.out: Path | None = args.output
        self.targets = mirror_targets(files, args.paths, self.out, SUFFIXES[self.fmt]) if self.out else {}
        self.writer: JsonlWriter | None = None

    def __enter__(self) -> Outputs:
        if self.out and self.fmt == "jsonl":
            self.writer = JsonlWriter(self.out).__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.writer is not None:
            self.writer.__exit__(*exc)  # type: ignore[arg-type]

    def put(self, outcome: Outcome) -> None:
        """Write one article where it belongs (raises ``OSError`` when it cannot be written)."""
        assert outcome.article is not None
        if self.writer is not None:
            self.writer.write(article_record(outcome.article, source=str(outcome.path)))
            return
        text = render(outcome.article, self.fmt, source=str(outcome.path), extra=outcome.extra)
        if self.out is None:
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.flush()
        else:
            write_atomic(self.targets[outcome.path], text.encode("utf-8"))


def _rewrite(outcome: Outcome, article: Article, args: argparse.Namespace, report: Report) -> None:
    """--check, --diff, --in-place: say (and show, and do) what would change."""
    if args.diff:
        sys.stdout.buffer.write(_diff(outcome).encode("utf-8"))
        sys.stdout.flush()
    if args.in_place:
        write_atomic(outcome.path, outcome.canonical.encode("utf-8"))
    report.line(f"{'cleaned' if args.in_place else 'would clean'} {outcome.path}: {_removals(article)}")


def _handle(outcome: Outcome, args: argparse.Namespace, outputs: Outputs, report: Report) -> None:
    """Act on one file's outcome and count it."""
    try:
        if outcome.article is None:
            raise _Failed(outcome.error)
        article = outcome.article
        if args.explain:
            _explain(outcome, article, report)
        if report.mode == "write":
            outputs.put(outcome)
            touched = outcome.changed or bool(article.removed) or outcome.page  # a page is always extracted
        else:
            touched = outcome.changed
            if touched:
                _rewrite(outcome, article, args, report)
    except (_Failed, OSError) as error:
        target = f" {error.filename}" if isinstance(error, OSError) and error.filename else ""
        reason = str(error) if isinstance(error, _Failed) else f"cannot write{target}: {error.strerror or error}"
        report.line(f"{outcome.path}: error: {reason}")
        report.failed += 1
    else:
        report.read += 1
        report.touched += touched
        report.categories.update(removal.category for removal in article.removed)
    report.tick()


class _Failed(Exception):
    """A file's outcome is a failure (raised and caught inside ``_handle`` only)."""


def _container_results(paths: Sequence[Path], settings: Settings, mode: str, report: Report) -> Iterator[Result]:
    """The documents of JSON Lines and WARC inputs, cleaned as a stream (never rewritten in place)."""
    if mode != "write":
        for path in paths:
            report.line(f"{path}: skipped: JSON Lines and WARC inputs are not checked or rewritten")
        return iter(())
    limit = settings.config.max_bytes
    documents = (item for path in paths for item in documents_from_path(path, max_bytes=limit))
    return clean_many(documents, config=settings.config, profile=settings.profile)


def _handle_record(result: Result, outputs: Outputs, report: Report) -> None:
    """One document of a JSON Lines or WARC input: written as a JSON Lines record, or one error line."""
    if isinstance(result, Failure):
        where = (
            result.id
            if result.source is None or result.id.startswith(result.source)
            else (f"{result.source}: {result.id}")
        )
        report.line(f"{where}: error: {result.reason}")
        report.failed += 1
    else:
        record = result.to_dict()
        if outputs.writer is not None:
            outputs.writer.write(record)
        else:
            sys.stdout.write(dumps(record) + "\n")
        report.read += 1
        report.touched += bool(result.article.removed)
        report.categories.update(removal.category for removal in result.article.removed)
    report.tick()


def _find(args: argparse.Namespace, config: Config) -> list[Found]:
    """The files to clean; the outputs (folder or JSON Lines file, the --report file) are never read as input."""
    skip = (args.output,) if args.output and args.format != "jsonl" else ()
    found = Finder(config.include, config.exclude, skip, args.force_exclude).find(args.paths)
    files = [args.output] if args.output and args.format == "jsonl" else []
    files += [args.report] if args.report else []
    if files:
        names = {path.absolute() for path in files}
        found = [item for item in found if item.path.absolute() not in names]
    return found


def run_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run the command on parsed arguments; returns the exit code (``parser`` reports late usage errors)."""
    config = _config(args)
    mode = "in-place" if args.in_place else "check" if args.check or args.diff else "write"
    single = len(args.paths) == 1 and not args.paths[0].is_dir()
    if mode == "write" and not args.output and args.format != "jsonl" and not single:
        parser.error("several files need -o OUT (or --format jsonl to stream them to standard output)")
    found = _find(args, config)
    report = Report(mode, progress=not args.quiet and sys.stderr.isatty(), total=len(found))
    audit = RunReport(args.report, args.paths)
    for item in found:
        if item.error:
            report.line(f"{item.path}: error: {item.error}")
            report.failed += 1
            audit.failure(item.path, item.error)
    files = [item.path for item in found if not item.error]
    containers = [path for path in files if is_container(path)]
    files = [path for path in files if not is_container(path)]
    if containers and mode == "write" and args.output and args.format != "jsonl":
        parser.error("JSON Lines and WARC inputs hold many articles: write them with --format jsonl (or -o OUT.jsonl)")
    if not found:
        report.line(f"clean: warning: no article files found (include: {', '.join(config.include)})")
    settings = Settings(config, rewrite=mode != "write", original=args.diff, profile=_profile(args, report))
    # Duplicates are compared on request, and in any run writing several articles (not in hooks).
    wanted = args.duplicates or args.dedupe or (mode == "write" and len(files) > 1)
    finder = DuplicateFinder() if wanted else None
    with Outputs(args, files) as outputs:
        outcomes = audit.outcomes(run(files, settings, jobs=args.jobs or default_jobs()))
        if finder is not None:
            outcomes = _with_duplicates(outcomes, finder, report if args.dedupe else None)
        for outcome in outcomes:
            _handle(outcome, args, outputs, report)
        for result in audit.results(_container_results(containers, settings, mode, report)):
            _handle_record(result, outputs, report)
    if not args.quiet:
        report.summary()
    if finder is not None:
        _report_duplicates(finder, args, report)
    written = audit.write(finder.report() if finder is not None else None)
    if written and not args.quiet:
        report.line(written)
    if report.failed:
        return EXIT_ERROR
    return EXIT_CHANGED if mode != "write" and report.touched else EXIT_CLEAN
