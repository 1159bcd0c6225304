"""What a folder walk of ``clean`` or ``clean learn`` leaves out that the command could read: each such file's kind.

A walk takes the files the ``include`` globs take (``cleaner.io.files.Finder``).  It is given ``untaken_kind`` (or,
when checking or rewriting, ``untaken_article``) as its ``notice``: the kind of a file no include glob takes that the
command reads when it is named, so the run names it in the one line before its summary
(``cleaner.cli.messages.untaken_line``) instead of leaving it out without a word: a JSON Lines, WARC or feed file, a
``.json`` output of ``clean``, a file without a suffix, or a web page saved under another suffix (``index.php``;
compressed, ``index.php.gz``).  Both commands walk with the same notice, so they name the same files.

What it does NOT do: it reads no more of a file than the start that tells a page (``PAGE_SNIFF`` bytes), never a
named pipe or a symlink, and says nothing itself.  A symlink is no file to name, of any kind: one leading out of the
folder named is not the folder's (the walk follows none), one inside leads to a file the walk meets under its own
name (until users55, ``corpus/link -> /etc/hostname`` was "1 file without a suffix" the user was told to name).
"""

from __future__ import annotations

import stat
from pathlib import Path

from cleaner.html.sniff import opens_page
from cleaner.io.compressed import compression, start_of
from cleaner.io.documents import is_container

PAGE_SNIFF = 4096  # the first bytes read of a file no include glob takes (``page_under_another_suffix``)


def untaken_article(path: Path) -> str:
    """The kind of a file a walk left out that the command could read as an article (``messages.UNTAKEN_KINDS``):
    a ``.json`` output of ``clean``, a file without a suffix (read as text, or as a page), or a web page saved under
    another suffix (``page_under_another_suffix``: ``index.php``, ``story.aspx``, ``index.php.gz``); else ''.
    A compressed file is named only when it holds a page: a ``data.gz`` may hold anything; a symlink never is."""
    if path.is_symlink():
        return ""
    if compression(path.name):
        return "page" if page_under_another_suffix(path) else ""
    stem, dot, suffix = path.name.rpartition(".")
    if not dot or not stem:
        return "bare"
    if suffix.lower() == "json":
        return "json"
    return "page" if page_under_another_suffix(path) else ""


def untaken_kind(path: Path) -> str:
    """``untaken_article``, and the JSON Lines, WARC and feed files (which a run writing articles, or learning,
    reads)."""
    return "container" if not path.is_symlink() and is_container(path) else untaken_article(path)


def page_under_another_suffix(path: Path) -> bool:
    """Whether a file no include glob takes opens an HTML document (``sniff.opens_page``; a compressed one once
    decompressed): a page of a saved site named by its server's script (``index.php``, ``story.aspx``, wget's
    ``index.html?p=2``), which the walk left out without a word.  Only a regular file is read, its first
    ``PAGE_SNIFF`` bytes: a named pipe would wait for a writer, and a symlink may lead out of the folder named."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return False
        with path.open("rb") as handle:
            return opens_page(start_of(handle, path.name, PAGE_SNIFF))
    except OSError:  # a file that cannot be read is no page to name
        return False
