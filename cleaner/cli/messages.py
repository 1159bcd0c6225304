"""What the ``clean`` command says on standard error: one line per event, a progress bar, a summary.

``Report`` counts what a run did (article files, and the records of JSON Lines, WARC and feed files,
each read, changed or failed; HTML pages; the categories of removed blocks) and writes the
lines.  Every line goes through ``printable``, so a file name or a record id holding control
characters or terminal escape sequences is shown escaped, never sent raw to the terminal.  The
progress bar (tqdm, with rate and time left) is shown only when standard error is a terminal.

This module decides nothing about the run; ``cleaner.cli.command`` tells it what happened.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn, TextIO

from cleaner.model import Removal

EXTRACTOR = "extractor"  # the layer of the page text an HTML page's main content leaves out
# Audit entries that stand for no block (docs/schema.md): where a page's body was read or why it is empty
# (``source``), bytes decoded or dropped (``encoding``).  The summary counts them apart from the removed blocks.
NOTE_CATEGORIES = frozenset({"source", "encoding"})


def removed_blocks(removed: Sequence[Removal]) -> list[Removal]:
    """The audit entries that are removed blocks: all but the notes (``NOTE_CATEGORIES``)."""
    return [removal for removal in removed if removal.category not in NOTE_CATEGORIES]


def printable(text: str) -> str:
    """``text`` with every non-printable character escaped (``\\x1b``, ``\\n``, ``\\u200b``)."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def plural(count: int, noun: str, nouns: str = "") -> str:
    """``count`` and the noun, plural unless one: "1 block", "32 blocks"; ``nouns`` is the plural where it is not the
    noun and an s ("files without a suffix")."""
    return f"{count} {noun}" if count == 1 else f"{count} {nouns or noun + 's'}"


def _first_names(names: Sequence[str]) -> str:
    """``a.jsonl, b.jsonl, c.jsonl and 2 more``: the first ``UNTAKEN_NAMES`` names, the rest counted."""
    more = f" and {len(names) - UNTAKEN_NAMES} more" if len(names) > UNTAKEN_NAMES else ""
    return f"{', '.join(names[:UNTAKEN_NAMES])}{more}"


def categories_line(counts: Counter[str]) -> str:
    """``medium 6, byline 1`` : the categories by count, then name."""
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items(), key=_by_count))


def failure_where(document: str, source: str | None) -> str:
    """Where a failed document is, for its error line: its id, after its file's name when the id does not start
    with it (a record of a JSON Lines, WARC or feed file: ``crawl.jsonl: 5: error: ...``)."""
    return document if source is None or document.startswith(source) else f"{source}: {document}"


# The kinds of files a folder walk leaves out that ``clean`` (and ``clean learn``) could read, said in one line at the
# end of a run (``untaken_line``; the kinds: ``cleaner.cli.walk``): a noun, its plural and what to add to the names.
# Files of other suffixes are said only when they open an HTML document (a saved site's ``index.php``); the rest
# (images, stylesheets, scripts) are not: a saved site holds thousands of them.
UNTAKEN_KINDS = {
    "container": ("JSON Lines/WARC/feed file", "JSON Lines/WARC/feed files", ": with -o OUT.jsonl"),
    "json": (".json file", ".json files", ""),
    "bare": ("file without a suffix", "files without a suffix", ""),  # "2 file without a suffixs" before users55
    "page": ("web page", "web pages", ": or add the suffix to include"),
}
UNTAKEN_NAMES = 3  # the names said of each kind; the rest counted
# What --check, --diff and --in-place say of a compressed article file (``page.html.gz``), which they never read: one
# named gets this after its name, the ones a walk found are named in one line (``Report.compressed_line``).
NOT_CHECKED = "a compressed file is not checked or rewritten (decompress it to check it; -o OUT writes its article)"


def untaken_line(untaken: Sequence[tuple[str, str]], *, learn: bool = False) -> str | None:
    """One line for the files a folder walk left out that the command could read (``UNTAKEN_KINDS``), by kind, each
    with its first names: a folder of JSON Lines files or of ``.json`` outputs said "0 files read" and no more.
    ``learn``: said by ``clean learn``, which reads a JSON Lines, WARC or feed file when it is named (no ``-o`` to
    give)."""
    if not untaken:
        return None
    by_kind: dict[str, list[str]] = {}
    for kind, path in untaken:
        by_kind.setdefault(kind, []).append(path)
    parts = []
    for kind, (noun, nouns, hint) in UNTAKEN_KINDS.items():
        paths = by_kind.get(kind, [])
        if paths:
            named = _first_names(paths) + ("" if learn and kind == "container" else hint)
            parts.append(f"{plural(len(paths), noun, nouns)} ({named})")
    them = "them" if len(untaken) > 1 else "it"
    program, verb = ("clean learn", "learn from") if learn else ("clean", "clean")
    return (
        f"{program}: {plural(len(untaken), 'file')} skipped (no include glob takes {them}; name {them} to {verb} "
        f"{them}): {', '.join(parts)}"
    )


class HintedParser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors end with ``hint`` when there is one (``dash_hint``)."""

    hint = ""

    def error(self, message: str) -> NoReturn:
        super().error(f"{message}; {self.hint}" if self.hint else message)


def dash_hint(argv: Sequence[str]) -> str:
    """How to name a file whose name starts with ``-`` (``-draft.txt``), which argparse takes for an option: its
    error ("the following arguments are required: PATH") did not say so."""
    named = argv[: argv.index("--")] if "--" in argv else argv
    dashed = [item for item in named if item.startswith("-") and item != "-" and os.path.lexists(item)]
    if not dashed:
        return ""
    kind = "a folder" if os.path.isdir(dashed[0]) else "a file"
    return f"{dashed[0]} is {kind}: name it ./{dashed[0]}, or after --"


def meant_hint(name: str, usage: str) -> str:
    """What a PATH that does not exist was likely meant as, when it is a bare word (no folder, no suffix) close to
    the subcommand ``learn`` or to an option's name without its dashes (``usage``, the parser's usage line, names
    them): ``clean report DIR`` for ``--report FILE``, ``clean lern DIR``; '' otherwise.  "no such file or
    directory" alone did not say that the word was taken for a file."""
    if not name or os.sep in name or "." in name or name.startswith("-"):
        return ""
    meant = {"learn": "clean learn"}
    for option in re.findall(r"--[a-z][a-z-]+", usage):
        meant.setdefault(option[2:], option)
    close = difflib.get_close_matches(name.lower(), meant, n=1, cutoff=0.8)
    return f"did you mean {meant[close[0]]}?" if close else ""


@dataclass
class Report:
    """Everything said on standard error during one run, and the counts behind the summary."""

    mode: str
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    progress: bool = False
    files: int = 0  # article files done (cleaned or failed)
    records: int = 0  # records of JSON Lines, WARC and feed files done (cleaned or failed)
    containers: int = 0  # JSON Lines, WARC and feed files read
    read: int = 0
    touched: int = 0
    failed: int = 0
    duplicates: int = 0  # articles --dedupe did not write: copies of an earlier one
    pages: int = 0  # HTML pages cleaned: their main content was extracted, the rest of the page left out
    left_out: int = 0  # prose blocks of HTML pages outside their main content (layer "extractor")
    categories: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)  # audit notes (no block) by category
    bar: Any = None
    profile: tuple[str, frozenset[str]] | None = None  # the site profile applied: its path and its sites
    sites: Counter[str] = field(default_factory=Counter)  # the documents cleaned, by site (with a profile only)
    untaken: list[tuple[str, str]] = field(default_factory=list)  # (kind, path): readable files a walk left out
    empty: list[str] = field(default_factory=list)  # JSON Lines, WARC and feed files that held no document to clean
    compressed: list[str] = field(default_factory=list)  # compressed article files a walk found, not checked

    def start(self, total: int | None) -> None:
        """Show the progress bar (on a terminal only); ``total`` is unknown when records are streamed."""
        if not self.progress:
            return
        from tqdm import tqdm  # only on a terminal: the bar is the one place it is used

        tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked after the bar starts
        self.bar = tqdm(total=total, file=self.stream, unit=" doc", leave=False, dynamic_ncols=True, mininterval=0.2)

    def line(self, text: str) -> None:
        text = printable(text)
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            self.stream.write(text + "\n")

    def failure(self, where: str, reason: str) -> None:
        self.line(f"{where}: error: {reason}")
        self.failed += 1

    def count(self, removed: Sequence[Removal]) -> None:
        """The removed blocks of one article, by category; those the extractor left out also on their own; its
        notes apart (a source note removes nothing)."""
        blocks = removed_blocks(removed)
        self.categories.update(removal.category for removal in blocks)
        self.notes.update(removal.category for removal in removed if removal.category in NOTE_CATEGORIES)
        self.left_out += sum(removal.layer == EXTRACTOR for removal in blocks)

    def site(self, name: str | None) -> None:
        """One document cleaned, of site ``name`` (its URL's host, else its folder), counted when a profile applies."""
        if self.profile is not None:
            self.sites[name or ""] += 1

    def profile_fit(self) -> str | None:
        """A warning where the profile knows the sites of under half the documents cleaned: learned on another
        corpus, it removes nothing from the others, and the run said nothing of it."""
        if self.profile is None or not self.sites:
            return None
        path, known = self.profile
        documents = sum(self.sites.values())
        ours = sum(count for name, count in self.sites.items() if name in known)
        if 2 * ours >= documents:
            return None
        sites = sum(name in known for name in self.sites)
        return (
            f"clean: warning: site profile {path} knows {sites} of the {plural(len(self.sites), 'site')} cleaned "
            f"({ours} of {plural(documents, 'document')}): learned on another corpus, it removes nothing from the "
            "others; learn this corpus's (clean learn) or run with --no-profile"
        )

    def done(self, *, record: bool) -> None:
        """One article file or record finished (its outcome already counted)."""
        if record:
            self.records += 1
        else:
            self.files += 1
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def untaken_line(self) -> str | None:
        """The line naming the files a folder walk left out that the command could read (``untaken_line``)."""
        return untaken_line(self.untaken)

    def compressed_line(self) -> str | None:
        """One line for the compressed article files a walk found that --check, --diff and --in-place left alone."""
        if not self.compressed:
            return None
        files = plural(len(self.compressed), "compressed file")
        return f"clean: {files} skipped ({_first_names(self.compressed)}): {NOT_CHECKED}"

    def empty_line(self) -> str | None:
        """One line for the JSON Lines, WARC and feed files that held no document: a web archive of PDFs, images or
        requests only gave "0 records" and no word of why."""
        if not self.empty:
            return None
        return (
            f"clean: {plural(len(self.empty), 'file')} held no document to clean: {_first_names(self.empty)} "
            "(a JSON Lines file's are its records; a web archive's, its HTML pages fetched whole and plain-text "
            "conversion records: other records, PDFs, images, requests, redirects, are skipped)"
        )

    def summary(self) -> None:
        self.close()
        for note in (self.untaken_line(), self.compressed_line(), self.empty_line()):
            if note:
                self.line(note)
        # Checking and rewriting count the files whose canonical form differs from their bytes; writing counts
        # the documents cleaning removed something from (blocks, or all of a page but its article), files and
        # records alike.
        verb, rest = {"check": ("would change", "unchanged"), "in-place": ("rewritten", "unchanged")}.get(
            self.mode, ("cleaned", "with nothing removed")
        )
        removed = sum(self.categories.values())
        by_category = categories_line(self.categories)
        if self.records or self.containers:
            what = (
                f"{plural(self.files + self.records, 'document')} read ({plural(self.files, 'article file')}, "
                f"{plural(self.records, 'record')} of {plural(self.containers, 'JSON Lines/WARC/feed file')})"
            )
        else:
            what = f"{plural(self.files, 'file')} read"
        pages = ""
        if self.pages or self.left_out:
            pages = f"; the extractor left {plural(self.left_out, 'prose block')} outside the main content"
            pages += f" of {plural(self.pages, 'HTML page')}" if self.pages else ""
        if self.notes:
            pages += f"; {plural(sum(self.notes.values()), 'note')} ({categories_line(self.notes)})"
        duplicates = f"{plural(self.duplicates, 'duplicate')} not written, " if self.duplicates else ""
        self.stream.write(
            f"{what}: {self.touched} {verb}, {self.read - self.touched} {rest}, {duplicates}{self.failed} failed; "
            f"{plural(removed, 'block')} removed{f' ({by_category})' if by_category else ''}{pages}\n"
        )
