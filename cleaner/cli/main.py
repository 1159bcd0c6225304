"""The ``clean`` command: clean article files and folders, like ruff or black clean code.

    clean article.txt                      # one file: the article as JSON on standard output
    clean corpus/ -o out/ --format md      # a folder: mirrored under out/, one file per article
    clean corpus/ --check                  # change nothing; exit 1 if any file would change
    clean corpus/ --in-place               # rewrite .txt/.md articles into the canonical form
    clean learn corpus/                    # learn each site's furniture into corpus/.cleaner/profile.json

Standard output carries only data (articles, or the diff of ``--diff``); everything
for the human (errors, ``--check`` listings, ``--explain``, progress, the summary)
goes to standard error.  Exit codes: 0 done and clean, 1 files changed or would
change, 2 a usage or configuration error, or a file that failed.

This module parses and checks the arguments and turns errors into exit codes; running the
command is ``cleaner.cli.command`` (what is done with each result, where output goes: ``cleaner.cli.handling``),
finding and reading files is ``cleaner.io.files``, cleaning a batch is ``cleaner.run.batch``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from cleaner.cli.messages import HintedParser, dash_hint, printable
from cleaner.cli.options import add_timeout, whole_number
from cleaner.cli.stopping import Terminated, stoppable
from cleaner.cli.targets import STDIN_PATH, OutputError, names_a_file
from cleaner.io.files import remove_unfinished
from cleaner.io.output import FORMATS, SUFFIXES


def build_parser() -> HintedParser:
    parser = HintedParser(
        prog="clean",
        description="Clean scraped articles (.txt, .md, .html): keep the body and metadata, "
        "remove page furniture, and say what was removed and why.",
        epilog="Exit codes: 0 all done and clean; 1 files changed or would change; 2 usage error or a file failed.",
    )
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="article files or folders (walked); - for standard input"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="folder to mirror outputs into; one file if its name ends in .jsonl or .jsonl.gz, or for a single input "
        "in .json, .md or .txt",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: the one OUT's name ends in: .jsonl, .jsonl.gz, .md, .txt; else json)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="change nothing; exit 1 if any file would change")
    mode.add_argument("--in-place", action="store_true", help="rewrite .txt/.md files into the canonical Markdown form")
    parser.add_argument("--diff", action="store_true", help="change nothing; print a unified diff of what would change")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print each removed block with its rule id, category and layer (the model's removals with its score)",
    )
    parser.add_argument(
        "--jobs", "-j", type=whole_number, default=None, metavar="N", help="parallel processes (default: cores)"
    )
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="configuration file (default: nearest pyproject.toml)"
    )
    parser.add_argument(
        "--force-exclude", action="store_true", help="apply exclude globs to files named on the command line"
    )
    add_timeout(parser)
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no closing summary")
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="write an HTML audit report of the run: what was removed, by which rule, on which site (docs/report.md)",
    )
    from cleaner.version import VERSION  # importlib.metadata: `clean learn` does without it

    parser.add_argument("--version", action="version", version=f"clean (cleaner) {VERSION}")
    _add_corpus_options(parser)
    return parser


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    """The options of corpus runs: which site profile to apply, and what to do with duplicates."""
    corpus = parser.add_argument_group("corpus", "site profiles (learn one with `clean learn PATH...`) and duplicates")
    which = corpus.add_mutually_exclusive_group()  # --no-profile silently won over a --profile named with it
    which.add_argument(
        "--profile",
        type=Path,
        metavar="PROFILE",
        help="site profile to apply (default: .cleaner/profile.json found "
        "in the inputs' folder or a parent, up to the git root)",
    )
    which.add_argument("--no-profile", action="store_true", help="apply no site profile, even one that is found")
    corpus.add_argument("--duplicates", type=Path, metavar="FILE", help="write the duplicate-article groups as JSON")
    corpus.add_argument("--dedupe", action="store_true", help="with -o: write only the first article of each group")


def _usage_problem(args: argparse.Namespace, stdin: Path) -> str:
    if args.output and (args.check or args.diff or args.in_place):
        return "-o/--output writes cleaned copies; it cannot be combined with --check, --diff or --in-place"
    if args.diff and args.in_place:
        return "--diff shows what --in-place would do; use one or the other"
    if args.dedupe and not args.output:
        return "--dedupe leaves duplicates out of the written copies; it needs -o OUT"
    if stdin in args.paths and (len(args.paths) > 1 or args.in_place or args.check or args.diff):
        return "- reads one document from standard input: name no other PATH, and write it (no --check, --in-place)"
    return _report_problem(args)


def _report_problem(args: argparse.Namespace) -> str:
    """--report FILE must name a file that is neither an input nor another output."""
    if args.report is None:
        return ""
    if args.report.is_dir():
        return f"--report {args.report}: a folder; the report is one HTML file"
    target = args.report.resolve()
    for path in args.paths:
        if path.resolve() == target:
            return f"--report {args.report} would overwrite the input {path}"
    for name, other in (("-o/--output", args.output), ("--duplicates", args.duplicates)):
        if other is not None and other.resolve() == target:
            return f"--report {args.report} is also {name}; give the report its own file"
    return ""


def implied_format(out: Path | None) -> str:
    """The output format when ``--format`` is not given: the one OUT's name ends in (``all.jsonl``, ``all.jsonl.gz``,
    ``story.md``, ``story.txt``), else ``json``.  ``-o story.md`` made a folder ``story.md/`` holding
    ``story.json``; a folder that exists keeps its name's meaning (a folder)."""
    if out is None:
        return "json"
    if names_a_file(out, ".jsonl.gz"):
        return "jsonl"
    return next((fmt for fmt, suffix in SUFFIXES.items() if names_a_file(out, suffix)), "json")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``clean`` command; returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["learn"]:  # `clean learn PATH...` (a folder named learn: `clean ./learn`)
        from cleaner.cli.learn import main as learn  # learning's modules: only `clean learn` needs them

        return learn(argv[1:])
    parser = build_parser()
    parser.hint = dash_hint(argv)
    args = parser.parse_args(argv)
    args.format = args.format or implied_format(args.output)
    problem = _usage_problem(args, STDIN_PATH)
    if problem:
        parser.error(problem)
    # Cleaning's modules (the whole pipeline) are imported only when it runs: `clean learn`, `--help`, `--version`
    # and a usage error need none.
    from cleaner.cli.command import EXIT_CLEAN, EXIT_ERROR, run_command
    from cleaner.config import ConfigError
    from cleaner.sites.profile import ProfileError

    with stoppable():
        try:
            return run_command(args, parser)
        except (ConfigError, ProfileError, OutputError) as error:
            print(printable(f"clean: error: {error}"), file=sys.stderr)
            return EXIT_ERROR
        except KeyboardInterrupt:
            remove_unfinished()  # a temporary file the signal caught before a ``with`` held it
            print("clean: interrupted", file=sys.stderr)
            return 130
        except Terminated:
            remove_unfinished()
            print("clean: terminated", file=sys.stderr)
            return 143
        except BrokenPipeError:  # `clean ... | head`: the reader has gone, which is not our error
            _quiet_stdout()
            return EXIT_CLEAN
        except OSError as error:  # the output cannot be created (a read-only folder, a file where a folder should be)
            where = error.filename or args.output
            print(printable(f"clean: error: {where}: {error.strerror or error}"), file=sys.stderr)
            return EXIT_ERROR


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so that flushing it at exit does not complain about the pipe."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):  # standard output replaced in-process
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
