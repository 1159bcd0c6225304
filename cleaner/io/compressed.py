"""Article files kept compressed (``page.html.gz``, ``story.txt.bz2``, ``notes.md.xz``): the name inside, and the
bytes decompressed within the size limit.

A file whose name ends in ``.gz``, ``.bz2`` or ``.xz`` is read through the standard library's decompressor of that
format (gzip, bz2, lzma), and its name without that suffix (``page.html``) says what it holds, as an uncompressed
file's name does (``cleaner.io.files.source_format``).  A file whose name says nothing but whose bytes open with one
of these formats' magic numbers (a page wget or curl saved gzip-encoded as ``page.html``: ``sniffed``) is read so
too, its own name saying what it holds.  Decompression stops as soon as the bytes pass ``max_bytes``,
so a small file that decompresses to gigabytes (a decompression bomb) costs at most that much memory; a file that is
not in the format its name says, or whose data is cut or corrupt, is a ``CompressedError`` whose message says so in
one line.

What it does NOT do: it does not tell the files that hold many documents (``.jsonl.gz``, ``.warc.gz``: their own
readers, ``cleaner.io.jsonl`` and ``cleaner.io.warc``, take them; callers ask ``cleaner.io.documents.is_container``
first), it does not open archives of several files (zip, tar: ``cleaner.io.archives`` names them), and it does not
decompress a document given by content (``clean()``, ``clean -``): the decode layer refuses it, naming its compression
(``cleaner.text.decode``).
"""

from __future__ import annotations

import gzip
import io
import re
import stat
import zlib
from pathlib import Path
from typing import IO

# The suffix, the format's name, the magic number its data opens with, and the command that decompresses it.
FORMATS = {
    ".gz": ("gzip", b"\x1f\x8b", "gunzip"),
    ".bz2": ("bzip2", b"BZh", "bunzip2"),
    ".xz": ("xz", b"\xfd7zXZ\x00", "unxz"),
}
# The magic numbers that tell these formats under a name that does not say so (``sniffed``), longer than ``FORMATS``'
# so that text never opens with one: gzip's deflate method byte, bzip2's block size digit and its first block's (or
# its empty stream's end) magic number.
SNIFFED = re.compile(rb"\x1f\x8b\x08|BZh[1-9](?:1AY&SY|\x17rE8P\x90)|\xfd7zXZ\x00")
SNIFF = 10  # the bytes ``sniffed`` reads
CHUNK = 1 << 20  # bytes decompressed at a time: memory stays within max_bytes and one chunk, whatever the file holds


class CompressedError(ValueError):
    """A compressed file that cannot be read: not in its format, cut short, corrupt, or over the size limit."""


def compression(name: str) -> str:
    """The suffix of the compression a file's name says (``.gz``, ``.bz2``, ``.xz``), whatever its case, or ''.

    A name that is only the suffix (``.gz``) says nothing: there is no name inside."""
    lowered = name.lower()
    for suffix in FORMATS:
        if lowered.endswith(suffix) and name[: -len(suffix)] not in ("", ".", ".."):
            return suffix
    return ""


def inner_name(name: str) -> str:
    """The name of the file inside a compressed one (``page.html.gz`` -> ``page.html``); any other name as it is."""
    suffix = compression(name)
    return name[: -len(suffix)] if suffix else name


def sniffed(start: bytes) -> str:
    """The suffix of the compression whose magic number the bytes ``start`` (``SNIFF`` of them) open with, or ''."""
    match = SNIFFED.match(start)
    if not match:
        return ""
    return next(suffix for suffix, (_, magic, _) in FORMATS.items() if match[0].startswith(magic))


def compression_of(handle: IO[bytes], name: str) -> str:
    """The compression of the open file ``handle`` named ``name``: the one its name says, else the one its first bytes
    say (``sniffed``: a gzip-encoded page saved as ``page.html``), else ''.  The handle is left at its start."""
    suffix = compression(name)
    if not suffix:
        suffix = sniffed(handle.read(SNIFF))
        handle.seek(0)
    return suffix


def compression_at(path: Path) -> str:
    """The compression of the file at ``path``, by its name or its first bytes (``compression_of``), or ''.  Only a
    regular file is opened (a named pipe would wait for a writer); one that cannot be read is said to be none
    (reading it says what is wrong)."""
    suffix = compression(path.name)
    if suffix:
        return suffix
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return ""
        with path.open("rb") as handle:
            return sniffed(handle.read(SNIFF))
    except OSError:
        return ""


def plain_name(suffix: str) -> str:
    """What a file whose bytes are compressed in the format of ``suffix`` is, when its name does not say so."""
    return f"{FORMATS[suffix][0]}-compressed data under a plain name"


def _opened(handle: IO[bytes], suffix: str) -> tuple[io.BufferedIOBase, tuple[type[Exception], ...]]:
    """The decompressing reader over an open file, for the format of ``suffix``, and the errors its data may raise
    (besides ``EOFError``, data cut short)."""
    if suffix == ".gz":
        return gzip.GzipFile(fileobj=handle, mode="rb"), (OSError, zlib.error)
    if suffix == ".bz2":
        import bz2  # a .bz2 file only: a thousandth of a second at every start of the command

        return bz2.BZ2File(handle, mode="rb"), (OSError, ValueError)
    import lzma  # a .xz file only, likewise

    return lzma.LZMAFile(handle, mode="rb"), (lzma.LZMAError, OSError)


def _read(handle: IO[bytes], suffix: str, most: int) -> bytes:
    """At most ``most`` decompressed bytes of the file, in the format of ``suffix``, read a chunk at a time;
    ``CompressedError`` when its data is not in that format (as its name says), is cut short or corrupt."""
    kind, magic, _ = FORMATS[suffix]
    start = handle.read(len(magic))
    if not start:
        return b""
    if start != magic:
        raise CompressedError(f"not {kind} data, though its name ends in {suffix}")
    handle.seek(0)
    stream, errors = _opened(handle, suffix)
    chunks: list[bytes] = []
    size = 0
    try:
        with stream:
            while size < most and (chunk := stream.read(min(CHUNK, most - size))):
                chunks.append(chunk)
                size += len(chunk)
    except EOFError:
        raise CompressedError(f"truncated {kind} data: the file ends inside its compressed stream") from None
    except errors as error:
        said = " ".join(str(error).split()) or type(error).__name__
        raise CompressedError(f"corrupt {kind} data: {said}") from None
    return b"".join(chunks)


def decompressed(handle: IO[bytes], suffix: str, limit: int) -> bytes:
    """The decompressed bytes of the open file ``handle`` in the format of ``suffix`` (``compression_of``), at
    most ``limit`` of them, else ``CompressedError``: over the limit (decompression stops there), not in the format
    its name says, cut short, corrupt.  An error of the file system opening the file is the caller's."""
    data = _read(handle, suffix, limit + 1)
    if len(data) > limit:
        raise CompressedError(f"too large once decompressed: over {limit} bytes (max_bytes)")
    return data


def start_of(handle: IO[bytes], name: str, size: int) -> bytes:
    """The first ``size`` bytes of the open file ``handle`` as it is read: decompressed when its name or its first
    bytes say it is compressed (``compression_of``; nothing when its data cannot be), else as they are.  For sniffs of
    a file's start."""
    suffix = compression_of(handle, name)
    if not suffix:
        return handle.read(size)
    try:
        return _read(handle, suffix, size)
    except CompressedError:
        return b""
