"""Article files kept compressed (``page.html.gz``, ``story.txt.bz2``, ``notes.md.xz``): the name inside, and the
bytes decompressed within the size limit.

A file whose name ends in ``.gz``, ``.bz2`` or ``.xz`` is read through the standard library's decompressor of that
format (gzip, bz2, lzma), and its name without that suffix (``page.html``) says what it holds, as an uncompressed
file's name does (``cleaner.io.files.source_format``).  Decompression stops as soon as the bytes pass ``max_bytes``,
so a small file that decompresses to gigabytes (a decompression bomb) costs at most that much memory; a file that is
not in the format its name says, or whose data is cut or corrupt, is a ``CompressedError`` whose message says so in
one line.

What it does NOT do: it does not tell the files that hold many documents (``.jsonl.gz``, ``.warc.gz``: their own
readers, ``cleaner.io.jsonl`` and ``cleaner.io.warc``, take them; callers ask ``cleaner.io.documents.is_container``
first), it does not open archives of several files (zip, tar), and it does not decompress bytes by their content: a
compressed document given by content or under another name is refused by the decode layer, which names its
compression (``cleaner.text.decode``).
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import IO

# The suffix, the format's name, the magic number its data opens with, and the command that decompresses it.
FORMATS = {
    ".gz": ("gzip", b"\x1f\x8b", "gunzip"),
    ".bz2": ("bzip2", b"BZh", "bunzip2"),
    ".xz": ("xz", b"\xfd7zXZ\x00", "unxz"),
}
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


def _read(handle: IO[bytes], name: str, most: int) -> bytes:
    """At most ``most`` decompressed bytes of the file, read a chunk at a time; ``CompressedError`` when its data
    is not in the format its name says, is cut short or corrupt."""
    suffix = compression(name)
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


def decompressed(handle: IO[bytes], name: str, limit: int) -> bytes:
    """The decompressed bytes of the open file ``handle`` named ``name`` (``compression(name)`` must say one), at
    most ``limit`` of them, else ``CompressedError``: over the limit (decompression stops there), not in the format
    its name says, cut short, corrupt.  An error of the file system opening the file is the caller's."""
    data = _read(handle, name, limit + 1)
    if len(data) > limit:
        raise CompressedError(f"too large once decompressed: over {limit} bytes (max_bytes)")
    return data


def start_of(handle: IO[bytes], name: str, size: int) -> bytes:
    """The first ``size`` bytes of the open file ``handle`` as it is read: decompressed when its name says it is
    compressed (nothing when its data cannot be), else as they are.  For sniffs of a file's start."""
    if not compression(name):
        return handle.read(size)
    try:
        return _read(handle, name, size)
    except CompressedError:
        return b""
