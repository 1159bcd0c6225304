"""One run of the ``clean`` command, once its arguments are parsed: find the files, clean them, act on each, report.

What this module does: ``run_command(args, parser)`` finds the files (``cleaner.io.files``), loads the
configuration and the site profile, cleans the files as a batch (``cleaner.run.batch``) and the records
of JSON Lines, WARC or feed inputs as a stream (``cleaner.run.stream``), both with one executor (this process
for ``--jobs 1``, worker processes otherwise: ``cleaner.run.local``), and hands each result, in input order,
to ``cleaner.cli.handling`` (written to standard output, a mirrored folder or a JSON Lines file; or, for
``--check``, ``--diff`` and ``--in-place``, said, shown and done).  It compares the articles for duplicates
(``--duplicates``, ``--dedupe``), makes the files written at the end (``--report``, ``--duplicates``) before the
first document, and writes them once all is done.  ``-`` reads one document from standard input.  What is
said on standard error is ``cleaner.cli.messages.Report``; ``--report FILE`` (the HTML audit report) is
``cleaner.cli.audit``; the return value is the exit code.

What it does NOT do: it does not parse or check the command line (``cleaner.cli.main`` does), and does
not catch configuration, profile or output-plan errors: those reach ``cleaner.cli.main.main``, which
reports them.  A closed standard output (``| head``) is not caught either: it ends the run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from cleaner.cli import stopping
from cleaner.cli.audit import RunReport
from cleaner.cli.handling import Outputs, handle, handle_record
from cleaner.cli.learn import run_config
from cleaner.cli.messages import NOT_CHECKED, Report, meant_hint, plural
from cleaner.cli.targets import STDIN_PATH, OutputError, check_file_outputs, check_folders, check_not_planned
from cleaner.cli.walk import untaken_article, untaken_kind
from cleaner.config import Config
from cleaner.corpus.duplicates import DuplicateFinder
from cleaner.io.compressed import compression, compression_at, plain_name
from cleaner.io.documents import WARC_SUFFIXES, documents_from_path, is_container
from cleaner.io.feeds import is_feed
from cleaner.io.files import AtomicFile, Finder, Found, source_format, source_name
from cleaner.io.records import Document, Failure, Result
from cleaner.run.batch import Outcome, Settings, process_bytes, run
from cleaner.run.executor import Executor, default_jobs
from cleaner.run.local import local_executor
from cleaner.run.stream import Cleaning, as_documents, cleaning_job
from cleaner.sites.profile import Profile
from cleaner.sites.store import find_profile, load_profile

EXIT_CLEAN, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def _common(args: argparse.Namespace) -> Path:
    return Path(os.path.commonpath([p.absolute() for p in args.paths]))


def _profile(args: argparse.Namespace, report: Report) -> Profile | None:
    """The site profile of this run: --profile, else the corpus's own one, unless --no-profile."""
    if args.no_profile:
        return None
    path = args.profile or find_profile(_common(args))
    if path is None:
        return None
    profile = load_profile(path)
    report.profile = (str(path), frozenset(profile.sites))
    if not args.quiet:
        sites, lines = plural(len(profile.sites), "site"), plural(profile.learned_count, "template line")
        report.line(f"clean: site profile {path} ({sites}, {lines})")
    return profile


def _with_duplicates(
    outcomes: Iterable[Outcome], finder: DuplicateFinder, report: Report | None = None
) -> Iterator[Outcome]:
    """Give every article to the duplicate finder; with a ``report`` (--dedupe), hold all back, drop the redundant."""
    if report is not None:
        held = list(_with_duplicates(outcomes, finder))
        redundant = finder.report().redundant
        for outcome in held:
            if source_name(outcome.path) in redundant:
                report.line(f"{outcome.path}: duplicate article, not written (--dedupe)")
                report.duplicates += 1
                report.done(record=False)
            else:
                yield outcome
        return
    for outcome in outcomes:
        if outcome.article is not None:
            finder.add(source_name(outcome.path), outcome.article.text)
        yield outcome


def _report_duplicates(
    finder: DuplicateFinder, args: argparse.Namespace, report: Report, target: AtomicFile | None
) -> None:
    duplicates = finder.report()
    if target is not None:
        target.handle.write((json.dumps(duplicates.to_dict(), ensure_ascii=False, indent=1) + "\n").encode())
    if duplicates.groups and not args.quiet:
        report.line(f"clean: {duplicates.summary()}{' (not written)' if args.dedupe else ''}")


def _config(args: argparse.Namespace) -> Config:
    return run_config(args, _common(args))


def _container_results(
    paths: Sequence[Path], settings: Settings, mode: str, report: Report, executor: Executor
) -> Iterator[Result]:
    """The documents of JSON Lines, WARC and feed inputs, cleaned as a stream (never rewritten in place)."""
    if mode != "write":
        for path in paths:
            report.line(f"{path}: skipped: JSON Lines, WARC and feed inputs are not checked or rewritten")
        return iter(())
    report.containers += len(paths)
    limit = settings.config.max_bytes
    documents = (
        item for path in paths for item in _noting_empty(path, documents_from_path(path, max_bytes=limit), report)
    )
    # A web archive and a feed hold pages: the HTML layer is warmed up with the rest.  JSON Lines records and a WET
    # file's may all be text: a worker warms the HTML layer up on the first page it meets, outside that page's time
    # limit.
    pages = any(path.name.lower().endswith(WARC_SUFFIXES) or is_feed(path) for path in paths)
    job = cleaning_job(Cleaning(settings.config, settings.profile, pages=pages))
    return executor.map(job, as_documents(documents))


def _noting_empty(path: Path, items: Iterable[Document | Failure], report: Report) -> Iterator[Document | Failure]:
    """The items of one JSON Lines, WARC or feed file; one that holds none is listed for the summary's note (at the
    end: so the lines are the same with any ``--jobs``, whose workers read ahead)."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        report.empty.append(source_name(path))


def _beside(folder: Path) -> str:
    """A folder for the outputs of cleaning ``folder``, beside it (``corpus-cleaned``), as the command line would name
    it.  Until users55 the refusal named one inside it (``corpus/cleaned``), which every later run over the corpus
    read as articles: ``clean corpus -o all.jsonl`` cleaned each article twice, ``clean learn`` learned the copies."""
    real = folder.resolve()
    return os.path.relpath(real.parent / f"{real.name}-cleaned")


def _find(args: argparse.Namespace, config: Config, mode: str) -> list[Found]:
    """The files to clean; the outputs (folder or JSON Lines file, the --report file) are never read as input."""
    skip = (args.output,) if args.output and args.format != "jsonl" else ()
    for path in args.paths if skip else ():  # the output folder is never walked: naming it as input cleaned nothing
        if path.is_dir() and path.resolve() == args.output.resolve():
            raise OutputError(
                f"cannot write into {args.output}: it is the folder to clean, and outputs would mix with its articles; "
                f"name another folder for -o ({_beside(args.output)})"
            )
    root = Path(os.path.normpath(Path(config.source).absolute().parent)) if config.source != "defaults" else None
    notice = untaken_kind if mode == "write" else untaken_article
    finder = Finder(
        config.include,
        config.exclude,
        skip,
        args.force_exclude,
        file_links=mode != "in-place",
        root=root,
        notice=notice,
    )
    found = finder.find(args.paths)
    outputs = {"-o/--output": args.output} if args.output and args.format == "jsonl" else {}
    outputs.update(
        {option: path for option, path in (("--report", args.report), ("--duplicates", args.duplicates)) if path}
    )
    check_file_outputs(outputs, args.paths, [item.path for item in found if item.usable])
    check_folders(outputs)
    files = [args.output] if args.output and args.format == "jsonl" else []
    files += [path for path in (args.report, args.duplicates) if path]
    if files:
        names = {path.absolute() for path in files}
        found = [item for item in found if item.path.absolute() not in names]
    return found


def _nothing_found(args: argparse.Namespace, config: Config) -> str:
    """Why a run found nothing to clean: files named but left out by ``exclude`` (``--force-exclude``, as the hooks
    run), or no file the ``include`` globs take (it said so for the excluded files too)."""
    if args.force_exclude and any(path.is_file() for path in args.paths):
        return f"every file named is excluded (exclude: {', '.join(config.exclude)}; --force-exclude)"
    return f"no article files found (include: {', '.join(config.include)})"


def _stdin_outcome(settings: Settings) -> Outcome:
    """The one document read from standard input (``-``), cleaned like a file of unknown format."""
    data = sys.stdin.buffer.read(settings.config.max_bytes + 1)
    if len(data) > settings.config.max_bytes:
        return Outcome(STDIN_PATH, error=f"too large: over {settings.config.max_bytes} bytes (max_bytes)")
    if not data.strip():
        return Outcome(STDIN_PATH, error="empty")
    return process_bytes(settings, STDIN_PATH, data, "auto")


def run_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run the command on parsed arguments; returns the exit code (``parser`` reports late usage errors)."""
    config = _config(args)
    mode = "in-place" if args.in_place else "check" if args.check or args.diff else "write"
    single = len(args.paths) == 1 and not args.paths[0].is_dir()
    if mode == "write" and not args.output and args.format != "jsonl" and not single:
        parser.error("a folder or several files need -o OUT (or --format jsonl to stream them to standard output)")
    stdin = args.paths == [STDIN_PATH]
    found = [Found(STDIN_PATH)] if stdin else _find(args, config, mode)
    report = Report(mode, progress=not args.quiet and sys.stderr.isatty())
    audit = RunReport(args.report, args.paths)
    files = _usable(found, report, audit, parser.format_usage())
    # Every PATH named is missing (a typo): nothing is written, so an earlier -o FILE is not replaced by an empty one.
    if mode == "write" and report.failed and not files:
        report.line("clean: error: no PATH could be read: nothing cleaned, no output written")
        return EXIT_ERROR
    many = {path: is_container(path) for path in files}  # once a file: an .xml file's start is read to tell
    containers = [path for path in files if many[path]]
    files = [path for path in files if not many[path]]
    if mode != "write":
        files = _not_compressed(files, args.paths, report)
    # Their records are written as JSON Lines only: an md or txt stream, or a folder of outputs, is refused.
    as_lines = args.format not in ("md", "txt") and not (args.output and args.format != "jsonl")
    if containers and mode == "write" and not as_lines:
        parser.error(
            "JSON Lines, WARC and feed inputs hold many articles: write them with --format jsonl (or -o OUT.jsonl)"
        )
    if all(item.untaken for item in found):  # a walk that met only files of kinds it does not take found nothing
        report.line(f"clean: warning: {_nothing_found(args, config)}")
    if containers and mode == "write" and (args.dedupe or args.duplicates):
        option = "--dedupe" if args.dedupe else "--duplicates"
        report.line(
            f"clean: warning: {option} compares article files only: the records of JSON Lines, WARC and feed files are "
            "written without being compared for duplicates"
        )
    html = any(source_format(path) == "html" for path in files)  # else the workers need not load the HTML layer
    settings = Settings(config, rewrite=mode != "write", original=args.diff, profile=_profile(args, report), html=html)
    # Duplicates are compared on request, and in any run writing several articles (not in hooks).
    wanted = args.duplicates or args.dedupe or (mode == "write" and len(files) > 1)
    finder = DuplicateFinder() if wanted else None
    with contextlib.ExitStack() as ends, Outputs(args, files) as outputs:
        last = _last_files(args, ends, outputs.targets)  # before anything is cleaned; written and committed at the end

        report.start(None if containers else len(files))
        jobs = args.jobs or default_jobs()
        executor = local_executor(jobs if containers else min(jobs, len(files)))
        outcomes = audit.outcomes(
            iter([_stdin_outcome(settings)]) if stdin else run(files, settings, executor=executor)
        )
        if finder is not None:
            outcomes = _with_duplicates(outcomes, finder, report if args.dedupe else None)
        for outcome in outcomes:
            handle(outcome, args, outputs, report)
            stopping.check()  # a signal some library took for its own error still ends the run
        for result in audit.results(_container_results(containers, settings, mode, report, executor)):
            handle_record(result, outputs, report, explain=args.explain)
            stopping.check()
        _finish(args, report, finder, audit, last)
    if report.failed:
        return EXIT_ERROR
    return EXIT_CHANGED if mode != "write" and report.touched else EXIT_CLEAN


def _usable(found: list[Found], report: Report, audit: RunReport, usage: str) -> list[Path]:
    """The paths found that can be read; each one met but not read is reported (a failure), each skipped said; a
    missing one that is a bare word like an option's name or ``learn`` says what it was likely meant as."""
    for item in found:
        if item.error:  # a path met but not read (a symlink loop, a missing file named) is one of the files, failed
            hint = meant_hint(str(item.path), usage) if not os.path.lexists(item.path) else ""  # not a broken link
            error = f"{item.error}: {hint}" if hint else item.error
            report.failure(str(item.path), error)
            report.files += 1
            audit.failure(item.path, error)
        elif item.untaken:  # said in one line at the end (``Report.untaken_line``)
            report.untaken.append((item.untaken, str(item.path)))
        elif item.skipped:
            report.line(f"{item.path}: skipped: {item.skipped}")
    return [item.path for item in found if item.usable]


def _not_compressed(files: list[Path], named: Sequence[Path], report: Report) -> list[Path]:
    """--check, --diff and --in-place: the files but the compressed ones (``page.html.gz``, or a gzipped ``page.html``:
    ``compression_at``), which they never read
    (a canonical form cannot be written back into one); each named is said in a line, those a walk found are
    named in one line before the summary (``Report.compressed_line``)."""
    kept = []
    for path in files:
        suffix = compression_at(path)
        if not suffix:
            kept.append(path)
        elif path in named:
            plain = "" if compression(path.name) else f"{plain_name(suffix)}: "
            report.line(f"{path}: skipped: {plain}{NOT_CHECKED}")
        else:
            report.compressed.append(str(path))
    return kept


def _last_files(
    args: argparse.Namespace, ends: contextlib.ExitStack, targets: Mapping[Path, Path]
) -> dict[str, AtomicFile]:
    """The files written at the end of the run (``--report``, ``--duplicates``), made now, before anything is
    cleaned: one that cannot be written stops the run at once with a line naming it, not after all the work.
    Each appears when ``ends`` closes without an error; a run that fails or is stopped leaves none behind."""
    last: dict[str, AtomicFile] = {}
    named = {option: path for option, path in (("--report", args.report), ("--duplicates", args.duplicates)) if path}
    check_not_planned(named, targets)
    for option, path in named.items():  # their folders are checked already (``check_folders``)
        try:
            last[option] = ends.enter_context(AtomicFile(path))
        except OSError as error:
            raise OutputError(f"{option} {path} cannot be written: {error.strerror or error}") from None
    return last


def _finish(
    args: argparse.Namespace,
    report: Report,
    finder: DuplicateFinder | None,
    audit: RunReport,
    last: dict[str, AtomicFile],
) -> None:
    """The run's closing lines, and what is written once everything is cleaned: the duplicates, the report."""
    report.close()
    if fit := report.profile_fit():
        report.line(fit)
    if not args.quiet:
        report.summary()
    if finder is not None:
        _report_duplicates(finder, args, report, last.get("--duplicates"))
    written = audit.write(finder.report() if finder is not None else None, last.get("--report"))
    if written and not args.quiet:
        report.line(written)
