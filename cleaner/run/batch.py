"""Clean a batch of files, in parallel, with results in input order.

Each file is one task: read it (size limit, clear refusal), clean it, render the
requested output, and compare its canonical Markdown form with the bytes on disk
(that comparison is what ``--check`` and ``--in-place`` act on).  A task never
raises: whatever goes wrong becomes an ``Outcome`` with a one-line ``error``, so one
bad file cannot stop the batch or print a traceback.

``run`` hands tasks to a process pool and yields outcomes in input order, so the
output of ``--jobs N`` is byte for byte that of ``--jobs 1``.

This module writes nothing and prints nothing; the command decides what to do with
each outcome.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from cleaner.config import Config
from cleaner.io.files import InputError, read_article, source_format
from cleaner.io.markdown import Extra, FrontMatter, FrontMatterError, render_markdown, split_front_matter
from cleaner.model import Article
from cleaner.pipeline import CleanError, clean
from cleaner.sites.profile import Profile
from cleaner.text.decode import DecodeError, decode


@dataclass(frozen=True, slots=True)
class Settings:
    """What every task of a run does; sent once to each worker process.

    ``rewrite`` is set when the run compares or rewrites canonical forms (``--check``,
    ``--diff``, ``--in-place``); ``original`` keeps the input text, for ``--diff``.
    ``profile`` is the site profile to apply (``--profile``); a file's fallback site is its folder.
    """

    config: Config
    rewrite: bool = False
    original: bool = False
    profile: Profile | None = None


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
    original: str = ""
    extra: Extra = ()
    page: bool = False


def _front_of(raw: bytes, fmt: str) -> FrontMatter:
    """The file's front matter, for the keys the article does not hold (a corpus's own), to write back."""
    if fmt == "html" or not raw.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
        return FrontMatter()
    front, _ = split_front_matter(decode(raw))
    return front or FrontMatter()


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def process(path: Path, settings: Settings) -> Outcome:
    """Clean one file into an ``Outcome``; every failure becomes its one-line ``error``."""
    fmt = source_format(path)
    try:
        raw = read_article(path, settings.config.max_bytes)
        front = _front_of(raw, fmt)
        article = clean(
            raw,
            format=fmt,
            config=settings.config,
            profile=settings.profile,
            site=path.absolute().parent.name,
        )
    except (InputError, CleanError, DecodeError, FrontMatterError) as error:
        return Outcome(path, error=_one_line(error))
    except Exception as error:  # a bug must not stop the batch; say what it was, in one line
        return Outcome(path, error=f"internal error: {type(error).__name__}: {_one_line(error)}")
    if fmt == "html":
        return Outcome(path, article=article, page=True)
    if settings.rewrite and not article.blocks:
        return Outcome(path, error="no article text left after cleaning; not rewritten")
    canonical = render_markdown(article, extra=front.extra)
    original = raw.decode("utf-8", errors="replace") if settings.original else ""
    changed = canonical.encode("utf-8") != raw
    return Outcome(path, "", article, canonical, changed, original, front.extra)


_SETTINGS: Settings | None = None


def _start_worker(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


def _work(path: Path) -> Outcome:
    assert _SETTINGS is not None, "worker started without settings"
    return process(path, _SETTINGS)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run(paths: Iterable[Path], settings: Settings, *, jobs: int) -> Iterator[Outcome]:
    """Process every path, ``jobs`` at a time, yielding outcomes in input order."""
    paths = list(paths)
    jobs = max(1, min(jobs, len(paths)))
    if jobs == 1:
        yield from (process(path, settings) for path in paths)
        return
    chunk = max(1, min(8, len(paths) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(settings,)) as pool:
        yield from pool.map(_work, paths, chunksize=chunk)
