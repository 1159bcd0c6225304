"""Archives of many files (tar, zip, 7-Zip, RAR), told by their name or their first bytes, so that one given as an
article is refused with a line saying what it is and how to unpack it, not as "binary data".

A name ending in an archive's suffix (``.tar``, ``.tar.gz``, ``.tgz``, ``.zip``, ``.7z`` ...) says it; so do bytes
that open with a zip, 7-Zip or RAR magic number, or that hold a tar header (``ustar`` at offset 257, after the NUL
bytes that pad its file name), whatever the file is called (a tar inside a gzip file is told once decompressed).

What it does NOT do: it does not read or unpack an archive (a design decision for later: an archive's members would
need names, formats and limits of their own), and it does not tell one file compressed alone (``page.html.gz``:
``cleaner.io.compressed`` reads those).
"""

from __future__ import annotations

# Each archive suffix (lower case), longest first where one ends another, and what the file is.
SUFFIXES = (
    (".tar.gz", "a tar archive (gzip-compressed)"),
    (".tar.bz2", "a tar archive (bzip2-compressed)"),
    (".tar.xz", "a tar archive (xz-compressed)"),
    (".tar.zst", "a tar archive (zstd-compressed)"),
    (".tgz", "a tar archive (gzip-compressed)"),
    (".tbz2", "a tar archive (bzip2-compressed)"),
    (".tbz", "a tar archive (bzip2-compressed)"),
    (".txz", "a tar archive (xz-compressed)"),
    (".tzst", "a tar archive (zstd-compressed)"),
    (".tar", "a tar archive"),
    (".zip", "a zip archive"),
    (".7z", "a 7-Zip archive"),
    (".rar", "a RAR archive"),
)
# The magic numbers archives open with, and what the file is.
MAGIC = (
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),  # an empty one
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
)
TAR_MAGIC = (b"ustar\x00", b"ustar ")  # POSIX's and GNU's, at offset 257 of a tar file's first header
TAR_OFFSET = 257
START = TAR_OFFSET + len(TAR_MAGIC[0])  # the first bytes of a file that tell every archive above (``archive_held``)
# The command that unpacks each kind of archive, by the second word of its description.
UNPACK = {"tar": "tar -xf", "zip": "unzip", "7-Zip": "7z x", "RAR": "unrar x"}


def refusal(kind: str) -> str:
    """The one-line reason an archive described as ``kind`` is not cleaned, with the command that unpacks it."""
    command = UNPACK[kind.split()[1]]
    return f"{kind}, not an article: unpack it ({command}) and clean the files it holds"


def archive_named(name: str) -> str:
    """What a file named ``name`` is when its name ends in an archive's suffix, whatever its case, else ''."""
    lowered = name.lower()
    return next((kind for suffix, kind in SUFFIXES if lowered.endswith(suffix) and lowered != suffix), "")


def archive_held(data: bytes, compression: str = "") -> str:
    """What bytes are when they open as an archive (``MAGIC``, or a tar header), else ''; ``compression``: the
    format (``gzip``) they were decompressed from, said after a tar archive's name."""
    kind = next((kind for magic, kind in MAGIC if data.startswith(magic)), "")
    if not kind and data[TAR_OFFSET : TAR_OFFSET + 6].startswith(TAR_MAGIC) and b"\x00" in data[:TAR_OFFSET]:
        kind = f"a tar archive ({compression}-compressed)" if compression else "a tar archive"
    return kind
