"""The ``clean learn`` command: learn a site profile from a corpus and write it as JSON.

    clean learn corpus/                          # writes corpus/.cleaner/profile.json (or the git root's)
    clean learn corpus/ -o profile.json          # anywhere else
    clean learn new-articles/ -o profile.json --update   # add documents to an existing profile

Files are found as ``clean`` finds them (include/exclude globs from the configuration; JSON Lines
and WARC files named on the command line give one document per record; a compressed article file, ``page.html.gz``,
is read decompressed; the files a walk leaves out that it could read are named in ``clean``'s line), read in parallel
(``--jobs``) and counted in input order, so the profile is the same byte for byte whatever the number of jobs.  Each
file that cannot be read gets one line on standard error and the others are learned; the exit code is then 2 (0
otherwise).

This module parses arguments and reports; learning is ``cleaner.corpus.learning`` and
``cleaner.sites.profile``.  ``--update`` adds the documents given: a copy of a document already counted
(its article's lines still counted) is recognised and not counted again, but pass only new ones.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from cleaner.cli.messages import HintedParser, dash_hint, failure_where, plural, printable, untaken_line
from cleaner.cli.options import add_timeout, whole_number
from cleaner.cli.targets import STDIN_PATH, OutputError, check_file_outputs, not_a_folder
from cleaner.cli.walk import untaken_kind
from cleaner.config import Config, ConfigError, find_config, load_config
from cleaner.corpus.learning import Counted, count_document
from cleaner.errors import Alarm, CleanError, Deadline
from cleaner.io.documents import documents_from_path, is_container
from cleaner.io.files import AtomicFile, Finder, Found, InputError, read_article, remove_unfinished, source_format
from cleaner.io.markdown import FrontMatterError
from cleaner.io.records import Document, Failure
from cleaner.run.executor import Executor, Job, SerialExecutor, default_jobs, one_line
from cleaner.sites.profile import Profile, ProfileError, ProfileLearner, SiteProfile
from cleaner.sites.store import PROFILE_PATH, corpus_root, load_profile, write_profile
from cleaner.text.decode import DecodeError

EXIT_OK, EXIT_ERROR = 0, 2


def build_parser() -> HintedParser:
    parser = HintedParser(
        prog="clean learn",
        description="Learn each site's own furniture from a corpus and write the profile (JSON) "
        "that `clean --profile` applies.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders (walked)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PROFILE",
        help=f"profile file to write (default: {PROFILE_PATH} in the git root, else in the common folder)",
    )
    parser.add_argument("--update", action="store_true", help="add to the existing profile instead of replacing it")
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="configuration file (default: nearest pyproject.toml)"
    )
    add_timeout(parser)
    parser.add_argument(
        "--jobs",
        "-j",
        type=whole_number,
        default=default_jobs(),
        metavar="N",
        help="parallel processes (default: cores)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no closing summary")
    return parser


def run_config(args: argparse.Namespace, common: Path) -> Config:
    """The run's configuration: ``--config FILE`` or the one found from ``common``, with ``--timeout`` over it."""
    config = load_config(args.config) if args.config else find_config(common)
    return config if args.timeout is None else replace(config, timeout=args.timeout)


def default_output(paths: Sequence[Path]) -> Path:
    """``.cleaner/profile.json`` at the git root of the inputs, else in their common folder."""
    return corpus_root(Path(os.path.commonpath([path.absolute() for path in paths]))) / PROFILE_PATH


def _count(config: Config, item: Path | Document) -> tuple[str, Counted] | Failure:
    """The counts of one document (an article file, or a record of a JSON Lines, WARC or feed file), with its id."""
    if isinstance(item, Path):
        try:
            raw = read_article(item, config.max_bytes)
        except InputError as error:
            return Failure(id=str(item), reason=one_line(error), source=str(item))
        item = Document(id=str(item), content=raw, format=source_format(item), source=str(item))
    deadline = Deadline(config.timeout)
    try:
        with _ALARM.within(deadline):
            return item.id, count_document(item, config=config, deadline=deadline)
    except (CleanError, DecodeError, FrontMatterError) as error:
        return Failure(id=item.id, reason=one_line(error), source=item.source)


_ALARM = Alarm()  # entered for a run in this process (``--jobs 1``): each document's time limit, one timer call


def _items(paths: Sequence[Path], config: Config) -> Iterator[Path | Document | Failure]:
    """Article files as they are (read by the workers), the records of JSON Lines, WARC and feed files one by one."""
    for path in paths:
        if is_container(path):
            yield from documents_from_path(path, max_bytes=config.max_bytes)
        else:
            yield path


def counted(paths: Sequence[Path], config: Config, jobs: int) -> Iterator[tuple[str, Counted] | Failure]:
    """The counts of every document under ``paths``, in input order, ``jobs`` documents at a time."""
    return _executor(jobs).map(Job(_count, config, time_limit=config.timeout), _items(paths, config))


def _executor(jobs: int) -> Executor:
    """``cleaner.run.local.local_executor(jobs)``: with one job, this process, without importing the workers' module
    (``multiprocessing``'s, a hundredth of a second of the command's start)."""
    if jobs == 1:
        return SerialExecutor(settle=True)
    from cleaner.run.local import local_executor

    return local_executor(jobs)


def _learn(args: argparse.Namespace) -> int:
    common = Path(os.path.commonpath([path.absolute() for path in args.paths]))
    config = run_config(args, common)
    output = args.output or default_output(args.paths)
    learner = (load_profile(output) if args.update and output.is_file() else Profile()).learner()
    found = Finder(config.include, config.exclude, notice=untaken_kind).find(args.paths)
    check_file_outputs({"-o": output}, args.paths, [item.path for item in found if item.usable])
    problem = not_a_folder(output.parent)
    if problem:
        raise OutputError(f"cannot write the profile {output}: {problem}")
    profile, read, failed = _learn_into(output, learner, found, args, config)
    # The files the walk left out that learn reads when named, in the line ``clean`` says of them: before the summary
    untaken = None if args.quiet else untaken_line([(i.untaken, str(i.path)) for i in found if i.untaken], learn=True)
    if profile is None:  # a mistyped PATH, a folder of nothing: an existing profile was replaced by an empty one
        if untaken:
            print(printable(untaken), file=sys.stderr)
        print(printable(f"clean learn: error: no document read: {output} not written"), file=sys.stderr)
        return EXIT_ERROR
    if not args.quiet:
        for site in profile.sites.values():
            print(printable(site_summary(site)), file=sys.stderr)
        if untaken:
            print(printable(untaken), file=sys.stderr)
        documents = sum(site.documents for site in profile.sites.values())
        copies = sum(site.copies for site in profile.sites.values())
        copied = f" and {copies} cop{'ies' if copies != 1 else 'y'}" if copies else ""
        print(
            f"learned {plural(profile.learned_count, 'template line')} for {plural(len(profile.sites), 'site')} from "
            f"{plural(documents, 'document')}{copied} ({read} read now, {failed} failed); wrote {output}",
            file=sys.stderr,
        )
    return EXIT_ERROR if failed else EXIT_OK


def _learn_into(
    output: Path, learner: ProfileLearner, found: Sequence[Found], args: argparse.Namespace, config: Config
) -> tuple[Profile | None, int, int]:
    """Learn from what was found and write the profile at ``output``: the profile (None when no document was read,
    and nothing written), how many documents were read and how many failed.

    The profile's file is made before anything is read, so one that cannot be written stops the run before the
    work; it appears when learning ends without an error (an interrupted run leaves none) and read something.
    """
    if not any(item.usable for item in found):  # only missing or skipped paths: not even the file is made
        return None, 0, _count_into(learner, found, args, config)[1]
    target = AtomicFile(output)  # a discard takes away the folders it made (``.cleaner/``) while empty
    try:
        read, failed = _count_into(learner, found, args, config)
        profile = learner.profile(snapshot=False) if read else None  # the learner is done: its counts need no copy
        if profile is not None:
            write_profile(profile, target)
    except BaseException:
        target.discard()
        raise
    if profile is None:
        target.discard()
    else:
        target.commit()
    return profile, read, failed


def _count_into(
    learner: ProfileLearner, found: Sequence[Found], args: argparse.Namespace, config: Config
) -> tuple[int, int]:
    """Count every document found into ``learner``, one error line for each that fails; (read, failed)."""
    failed = read = 0
    for item in found:
        if item.error:
            print(printable(f"{item.path}: error: {item.error}"), file=sys.stderr)
            failed += 1
        elif item.skipped and not item.untaken:  # a symlink leading out of the folder named: never read
            print(printable(f"{item.path}: skipped: {item.skipped}"), file=sys.stderr)
    with _ALARM if args.jobs == 1 else contextlib.nullcontext():  # (workers are forked: never with it entered)
        for result in counted([item.path for item in found if item.usable], config, args.jobs):
            if isinstance(result, Failure):
                print(printable(f"{failure_where(result.id, result.source)}: error: {result.reason}"), file=sys.stderr)
                failed += 1
            else:
                result[1].add_to(learner)
                read += 1
    return read, failed


def site_summary(site: SiteProfile) -> str:
    """One line per site: pages counted, copies of them (when any: not counted), template generations, template
    lines learned (or why none is trusted)."""
    pages, generations = site.documents, len(site.generations)
    copies = f" and {site.copies} cop{'ies' if site.copies != 1 else 'y'} of them (not counted)" if site.copies else ""
    line = (
        f"{site.name}: {pages} page{'s' * (pages != 1)}{copies}, {generations} template generation"
        f"{'s' * (generations != 1)}, {plural(site.learned_count, 'template line')} learned"
    )
    if not any(generation.trusted for generation in site.generations):
        line += f" (none applied: a generation needs {site.parameters.min_pages} pages)"
    return line


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``clean learn``; returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    parser.hint = dash_hint(argv)
    args = parser.parse_args(argv)
    if STDIN_PATH in args.paths:  # ``clean``'s standard input: one document, no site to learn from
        parser.error("learn reads article files and folders, not standard input (-): save the documents and name them")
    try:
        return _learn(args)
    except (ConfigError, ProfileError, OutputError) as error:
        print(printable(f"clean learn: error: {error}"), file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        print(
            printable(f"clean learn: error: cannot write the profile{where}: {error.strerror or error}"),
            file=sys.stderr,
        )
        return EXIT_ERROR
    except KeyboardInterrupt:
        remove_unfinished()  # a temporary file the signal caught before a ``with`` held it
        print("clean learn: interrupted", file=sys.stderr)
        return 130
