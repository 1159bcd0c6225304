"""Clean a batch of files, in parallel, with results in input order.

Each file is one task: read it (size limit, clear refusal), clean it, render the
requested output, and compare its canonical Markdown form with the bytes on disk
(that comparison is what ``--check`` and ``--in-place`` act on).  A task never
raises: whatever goes wrong becomes an ``Outcome`` with a one-line ``error``, so one
bad file cannot stop the batch or print a traceback.

``run`` maps ``process`` over the files with an executor (``cleaner.run.executor``: in this
process, or worker processes with ``cleaner.run.local``) and yields outcomes in input order, so the
output of ``--jobs N`` is byte for byte that of ``--jobs 1``.  A file whose worker died or overran
the time limit gets an ``Outcome`` with that ``error``.

What it does NOT do: it writes nothing and prints nothing; the command decides what to do with
each outcome.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from cleaner.config import Config
from cleaner.errors import CleanError
from cleaner.io.compressed import start_of
from cleaner.io.files import InputError, read_article, source_format
from cleaner.io.markdown import Extra, FrontMatter, FrontMatterError, render_markdown, split_front_matter
from cleaner.io.records import Failure, Format
from cleaner.model import Article
from cleaner.pipeline import clean, pages_warm, reads_as_page, warm_up
from cleaner.pipeline.reading import SNIFF_CHARS, format_read_as
from cleaner.run.executor import Executor, Job, SerialExecutor, one_line
from cleaner.sites.profile import Profile
from cleaner.text.decode import DecodeError, decode


@dataclass(frozen=True, slots=True)
class Settings:
    """What every task of a run does; sent once to each worker process.

    ``rewrite`` is set when the run compares or rewrites canonical forms (``--check``,
    ``--diff``, ``--in-place``); ``original`` keeps the input's bytes, for ``--diff``.
    ``profile`` is the site profile to apply (``--profile``); a file's fallback site is its folder.
    ``html`` says the run may meet HTML pages: a worker's warm-up (``warm_up_run``) then loads the HTML
    layer too (htmldate's date parser: seconds of CPU a run of text files never needs); without it, a page saved
    under another name is warmed up for when it comes (``warm_up_file``).
    """

    config: Config
    rewrite: bool = False
    original: bool = False
    profile: Profile | None = None
    html: bool = True


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one file: its article, or (``article`` None) the one-line reason it has none.

    ``canonical`` is the file's canonical Markdown form (empty for HTML, which is
    never rewritten); ``changed`` says it differs from the bytes on disk.  ``extra``
    (a corpus's own keys) is what its front matter gave beyond the article's keys, to be written back.
    ``page`` marks an HTML page: its article is always an extraction, never the file as it is.
    """

    path: Path
    error: str = ""
    article: Article | None = None
    canonical: str = ""
    changed: bool = False
    original: bytes = b""
    extra: Extra = ()
    page: bool = False


def _front_of(raw: bytes, fmt: str) -> FrontMatter:
    """The file's front matter, for the keys the article does not hold (a corpus's own), to write back."""
    if fmt == "html" or not raw.lstrip(b"\xef\xbb\xbf").startswith((b"---", b"+++")):
        return FrontMatter()
    front, _ = split_front_matter(decode(raw))
    return front or FrontMatter()


def process(settings: Settings, path: Path) -> Outcome:
    """Clean one file into an ``Outcome``; every failure becomes its one-line ``error``."""
    try:
        raw = read_article(path, settings.config.max_bytes)
    except InputError as error:
        return Outcome(path, error=one_line(error))
    return process_bytes(settings, path, raw, source_format(path))


def process_bytes(settings: Settings, path: Path, raw: bytes, fmt: Format) -> Outcome:
    """Clean the bytes of one document read from ``path`` (``-``: standard input) in format ``fmt``."""
    try:
        front = _front_of(raw, fmt)
        article = clean(
            raw,
            format=fmt,
            config=settings.config,
            profile=settings.profile,
            site=path.absolute().parent.name,
        )
    except (CleanError, DecodeError, FrontMatterError) as error:
        return Outcome(path, error=one_line(error))
    except Exception as error:  # a bug must not stop the batch; say what it was, in one line
        return Outcome(path, error=f"internal error: {type(error).__name__}: {one_line(error)}")
    if fmt == "html" or (settings.rewrite and fmt == "auto" and format_read_as(raw, fmt, settings.config) == "html"):
        return Outcome(path, article=article, page=True)  # a page, whatever its name: never rewritten
    canonical = render_markdown(article, extra=front.extra, markdown=fmt == "markdown")
    changed = canonical.encode("utf-8") != raw
    if settings.rewrite and not article.blocks and changed:  # an empty article's own form is left as it is
        return Outcome(path, error="no article text left after cleaning; not rewritten")
    original = raw if settings.original else b""
    return Outcome(path, "", article, canonical, changed, original, front.extra)


def warm_up_run(settings: Settings) -> None:
    """A worker's one-off loads, before its first file (``Job.warm_up``)."""
    warm_up(settings.config, html=settings.html)


def warm_up_file(settings: Settings, path: Path) -> Callable[[], None] | None:
    """The HTML layer's warm-up when ``path`` is a page under another name (a page saved as ``.txt``, read as a
    page by its content) in a run warmed up for text only, and this process has not paid it yet
    (``Job.warm_up_item``): seconds of CPU that the page would pay against its own time limit.  The file's start is
    sniffed only in such a run, and only until the HTML layer is warm."""
    if settings.html or pages_warm(settings.config):
        return None
    fmt = source_format(path)
    if fmt != "auto" or not stat.S_ISREG(path.stat().st_mode):  # a named pipe is never opened here
        return None
    with path.open("rb") as handle:
        start = start_of(handle, path.name, SNIFF_CHARS)  # a compressed file's (``story.txt.gz``) decompressed
    return partial(warm_up, settings.config, html=True) if reads_as_page(start, fmt) else None


def _label(path: Path) -> tuple[str, str | None]:
    return str(path), str(path)


def run(paths: Iterable[Path], settings: Settings, *, executor: Executor | None = None) -> Iterator[Outcome]:
    """Process every path with ``executor`` (default: here, one by one), yielding outcomes in input order."""
    paths = list(paths)
    job = Job(
        process,
        settings,
        time_limit=settings.config.timeout,
        label=_label,
        warm_up=warm_up_run,
        warm_up_item=warm_up_file,
    )
    for path, result in zip(paths, (executor or SerialExecutor()).map(job, paths), strict=True):
        yield Outcome(path, error=result.reason) if isinstance(result, Failure) else result
