"""Article files kept compressed (``page.html.gz``, ``story.txt.bz2``, ``notes.md.xz``): the name inside, and the
bytes decompressed within the size limit.

A file whose name ends in ``.gz``, ``.bz2`` or ``.xz`` is read through the standard library's decompressor of that
format (zlib, bz2, lzma), and its name without that suffix (``page.html``) says what it holds, as an uncompressed
file's name does (``cleaner.io.files.source_format``).  A file whose name says nothing but whose bytes open with one
of these formats' magic numbers (a page wget or curl saved gzip-encoded as ``page.html``: ``sniffed``) is read so
too, its own name saying what it holds.  Bytes that decompress to compressed bytes again (a gzip-encoded response
wget saved under a ``.gz`` name) are decompressed again, at most ``LAYERS`` layers in all (a file may decompress to
itself), every layer within the same size limit.  A layer is read member after member (``cat a.gz b.gz``), and what
follows its last member, NUL bytes that tape and block devices pad a file with or other trailing bytes, is passed
over, as ``gzip -d``, ``bzip2 -d`` and ``xz -d`` pass over padding.  Decompression stops as soon as a layer passes
``max_bytes``, so a small file that decompresses to gigabytes (a decompression bomb) costs at most that much memory; a
file that is not in the format its name says, or whose data is cut or corrupt, is a ``CompressedError`` whose
message says so in one line.

What it does NOT do: it does not tell the files that hold many documents (``.jsonl.gz``, ``.warc.gz``: their own
readers, ``cleaner.io.jsonl`` and ``cleaner.io.warc``, take them; callers ask ``cleaner.io.documents.is_container``
first), it does not open archives of several files (zip, tar: ``cleaner.io.archives`` names them), and it does not
decompress a document given by content (``clean()``, ``clean -``): the decode layer refuses it, naming its compression
(``cleaner.text.decode``).
"""

from __future__ import annotations

import re
import stat
import zlib
from pathlib import Path
from typing import IO, Any, Protocol

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
LAYERS = 3  # compressions one inside another read at most (a gzip-encoded page saved as page.html.gz has two)
ZLIB_PREFIX = re.compile(r"^Error -?\d+ while decompressing data: ")  # zlib's, before what is wrong
SNIFF_LIMIT = 1 << 24  # the bytes a layer may give while ``start_of`` reads the first bytes of the innermost


class CompressedError(ValueError):
    """A compressed file that cannot be read: not in its format, cut short, corrupt, or over the size limit."""


class _Source(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


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


def too_large(limit: int) -> str:
    """Why a file that decompresses to more than ``limit`` bytes is refused."""
    return f"too large once decompressed: over {limit} bytes (max_bytes)"


def _decompressor(suffix: str) -> tuple[Any, tuple[type[Exception], ...]]:
    """A fresh decompressor of one member (stream) in the format of ``suffix``, and the errors its data may raise."""
    if suffix == ".gz":
        return zlib.decompressobj(wbits=16 + zlib.MAX_WBITS), (zlib.error,)
    if suffix == ".bz2":
        import bz2  # a .bz2 file only: a thousandth of a second at every start of the command

        return bz2.BZ2Decompressor(), (OSError, ValueError)
    import lzma  # a .xz file only, likewise

    return lzma.LZMADecompressor(lzma.FORMAT_XZ), (lzma.LZMAError,)


class Layer:
    """The decompressed bytes of ``source`` in the format of ``suffix``, read on demand: member after member, up to
    whatever follows the last one (padding, trailing bytes: passed over), at most ``limit`` bytes in all.  ``name``
    says what it is in messages (``gzip data``; ``gzip data inside gzip data`` for a layer inside another)."""

    def __init__(self, source: _Source, suffix: str, limit: int, name: str) -> None:
        self.source, self.suffix, self.limit, self.name = source, suffix, limit, name
        self.decompressor, self.errors = _decompressor(suffix)
        self.pending = b""  # compressed bytes read and not yet taken by the decompressor
        self.peeked = b""  # decompressed bytes ``peek`` made and no ``read`` took yet
        self.size = 0  # decompressed bytes made so far
        self.done = False

    def peek(self, size: int) -> bytes:
        """The next ``size`` decompressed bytes (fewer at the end), left for ``read``."""
        while len(self.peeked) < size and (more := self._more(size - len(self.peeked))):
            self.peeked += more
        return self.peeked[:size]

    def read(self, size: int = -1, /) -> bytes:
        """At most ``size`` decompressed bytes (a chunk for -1), fewer when fewer are made at once; b'' at the end."""
        size = size if size > 0 else CHUNK
        if self.peeked:
            data, self.peeked = self.peeked[:size], self.peeked[size:]
            return data
        return self._more(size)

    def _more(self, most: int) -> bytes:
        """Up to ``most`` bytes more; ``CompressedError`` past ``limit``, on data cut short or corrupt."""
        if self.size > self.limit:
            raise CompressedError(too_large(self.limit))
        most = min(most, self.limit + 1 - self.size)
        while not self.done:
            if self.decompressor.eof:
                self._next_member()
                continue
            given, ended = self._input()
            try:
                data = self.decompressor.decompress(given, most)
            except self.errors as error:
                said = ZLIB_PREFIX.sub("", " ".join(str(error).split())) or type(error).__name__
                raise CompressedError(f"corrupt {self.name}: {said}") from None
            # What the decompressor did not take: zlib's ``unconsumed_tail`` (bz2 and lzma keep theirs); at a member's
            # end zlib holds it in ``unused_data`` too, which ``_next_member`` reads (taken from both, the next member
            # was read twice: a run of members doubled at each one, a 2 MB file of 1,000 members took 22 GB)
            tail = b"" if self.decompressor.eof else getattr(self.decompressor, "unconsumed_tail", b"")
            self.pending = tail
            if data:
                self.size += len(data)
                return data
            if ended and not self.decompressor.eof:
                raise CompressedError(f"truncated {self.name}: the file ends inside its compressed stream")
        return b""

    def _input(self) -> tuple[bytes, bool]:
        """What to give the decompressor next, and whether the source has ended (nothing more to give it)."""
        if self.pending or not getattr(self.decompressor, "needs_input", True):
            return self.pending, False
        self.pending = self.source.read(CHUNK)
        return self.pending, not self.pending

    def _next_member(self) -> None:
        """After a member's end: the next member when one follows (NUL padding between them passed over), else done."""
        rest = self.decompressor.unused_data + self.pending
        magic = FORMATS[self.suffix][1]
        while len(rest := rest.lstrip(b"\x00")) < len(magic) and (more := self.source.read(CHUNK)):
            rest += more
        if rest.startswith(magic):
            self.decompressor, _ = _decompressor(self.suffix)
            self.pending = rest
        else:
            self.done = True


def opened(handle: IO[bytes], suffix: str, limit: int) -> Layer | None:
    """The innermost layer of the open file ``handle`` in the format of ``suffix`` (``compression_of``), each layer
    read within ``limit`` bytes, or None when the file is empty; ``CompressedError`` when its data is not in that
    format (as its name says) or holds more than ``LAYERS`` layers."""
    kind, magic, command = FORMATS[suffix]
    start = handle.read(len(magic))
    if not start:
        return None
    if start != magic:
        raise CompressedError(f"not {kind} data, though its name ends in {suffix}")
    handle.seek(0)
    layer = Layer(handle, suffix, limit, f"{kind} data")
    kinds = [kind]
    while inner := sniffed(layer.peek(SNIFF)):
        kinds.append(FORMATS[inner][0])
        if len(kinds) > LAYERS:
            nested = " inside ".join(reversed(kinds))
            raise CompressedError(
                f"compressed more than {LAYERS} times over ({nested}): at most {LAYERS} layers are read; "
                f"decompress it yourself ({command})"
            )
        layer = Layer(layer, inner, limit, f"{kinds[-1]} data inside {layer.name}")
    return layer


def read_all(layer: Layer | None, most: int) -> bytes:
    """At most ``most`` bytes of ``layer`` (nothing of None), read a chunk at a time."""
    chunks: list[bytes] = []
    size = 0
    while layer is not None and size < most and (chunk := layer.read(min(CHUNK, most - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def decompressed(layer: Layer | None, limit: int) -> bytes:
    """Every decompressed byte of the innermost layer ``opened`` gave, at most ``limit`` of them, else
    ``CompressedError``: over the limit (decompression stops there), cut short, corrupt.  An error of the file
    system reading the file is the caller's."""
    data = read_all(layer, limit + 1)
    if len(data) > limit:
        raise CompressedError(too_large(limit))
    return data


def start_of(handle: IO[bytes], name: str, size: int) -> bytes:
    """The first ``size`` bytes of the open file ``handle`` as it is read: decompressed when its name or its first
    bytes say it is compressed (``compression_of``; every layer, each within ``SNIFF_LIMIT``; nothing when its data
    cannot be), else as they are.  For sniffs of a file's start."""
    suffix = compression_of(handle, name)
    if not suffix:
        return handle.read(size)
    try:
        return read_all(opened(handle, suffix, max(size, SNIFF_LIMIT)), size)
    except CompressedError:
        return b""
