"""Compressed files as tools leave them: compressed twice (wget saving a gzip-encoded response under a ``.gz`` name),
padded with NUL bytes (tape and block devices), followed by trailing bytes, and archives over the size limit.

Before robust54 a ``page.html.gz`` whose decompressed bytes were gzip again was refused after one pass ("compressed
data (gzip), not text: decompress it first"), an ``.xz`` file with the stream padding ``xz -d`` takes was "truncated",
a gzip file with trailing bytes ``gzip -d`` passes over was "corrupt", and an archive over ``max_bytes`` was "too
large" instead of an archive.  Real files in ``tmp_path``, the command run as ``tests/test_cli.py`` runs it.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
import zipfile
from pathlib import Path

import pytest
from clirun import Ran, clean_in_process
from test_compressed import PAGE, PARAGRAPH

from cleaner import clean_file
from cleaner.errors import CleanError
from cleaner.io.files import read_article


def clean(*args: object, cwd: Path) -> Ran:
    return clean_in_process(*args, cwd=cwd)


def _text_of(name: str, cwd: Path) -> str:
    result = clean(name, "--format", "txt", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


LAYERED = {
    "twice.html.gz": gzip.compress(gzip.compress(PAGE.encode())),  # wget's gzip-encoded page under a .gz name
    "twice.html": gzip.compress(gzip.compress(PAGE.encode())),  # the same under a plain name
    "mixed.html.bz2": bz2.compress(gzip.compress(PAGE.encode())),
    "three.html.xz": lzma.compress(bz2.compress(gzip.compress(PAGE.encode()))),
}


@pytest.mark.parametrize("name", sorted(LAYERED))
def test_a_file_compressed_twice_or_three_times_is_read_to_its_page(tmp_path: Path, name: str) -> None:
    """Each layer is decompressed in turn, whatever its format, named or by the library."""
    (tmp_path / name).write_bytes(LAYERED[name])
    assert _text_of(name, tmp_path) == PARAGRAPH
    assert clean_file(tmp_path / name).text == PARAGRAPH


def test_more_layers_than_three_is_one_line_saying_so(tmp_path: Path) -> None:
    """A file may decompress to itself (a gzip quine): past three layers the file is refused in one line that says
    what it is and what to do; the other files are cleaned."""
    data = PAGE.encode()
    for _ in range(4):
        data = gzip.compress(data)
    (tmp_path / "deep.html.gz").write_bytes(data)
    (tmp_path / "page.html").write_text(PAGE)
    result = clean("deep.html.gz", "page.html", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "deep.html.gz: error: compressed more than 3 times over (gzip inside gzip inside gzip inside gzip): at most 3 "
        "layers are read; decompress it yourself (gunzip)"
    )
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["page.json"]


def test_the_size_limit_holds_for_every_layer(tmp_path: Path) -> None:
    """A bomb inside a gzip layer stops at ``max_bytes`` as one outside does, and so does a middle layer larger than
    the limit though the text inside it is small (its own decompressed bytes count)."""
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner]\nmax_bytes = 100000\n")
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(gzip.compress(b"\n" * 10_000_000)))
    middle = lzma.compress(PARAGRAPH.encode()) + bytes(200_000)  # a small text, in xz padded to 200 KB
    (tmp_path / "middle.txt.gz").write_bytes(gzip.compress(middle))
    result = clean("bomb.txt.gz", "middle.txt.gz", "-o", "out", "--jobs=1", cwd=tmp_path)
    too_large = "error: too large once decompressed: over 100000 bytes (max_bytes)"
    assert result.stderr.splitlines()[:2] == [f"bomb.txt.gz: {too_large}", f"middle.txt.gz: {too_large}"]


def test_a_cut_inner_layer_says_which_layer(tmp_path: Path) -> None:
    """The outer layer whole, the gzip inside it cut short: one line naming the layer."""
    inner = gzip.compress(PAGE.encode() * 20)
    (tmp_path / "cut.html.bz2").write_bytes(bz2.compress(inner[: len(inner) // 2]))
    with pytest.raises(CleanError) as raised:
        clean_file(tmp_path / "cut.html.bz2")
    assert str(raised.value).endswith(
        "cut.html.bz2: truncated gzip data inside bzip2 data: the file ends inside its compressed stream"
    )


PADDED = {
    "nul.html.gz": gzip.compress(PAGE.encode()) + bytes(1024),  # gzip -d: accepted
    "nul.html.xz": lzma.compress(PAGE.encode()) + bytes(512),  # xz -d: stream padding, accepted
    "nul.html.bz2": bz2.compress(PAGE.encode()) + bytes(512),  # bzip2 -d: trailing garbage ignored
    "tail.html.gz": gzip.compress(PAGE.encode()) + b"\x00" * 7 + b"garbage\n",  # gzip -d: trailing garbage ignored
    "members.html.gz": gzip.compress(PAGE.encode()[:40]) + bytes(16) + gzip.compress(PAGE.encode()[40:]),
}


@pytest.mark.parametrize("name", sorted(PADDED))
def test_padding_and_trailing_bytes_after_the_last_member_are_passed_over(tmp_path: Path, name: str) -> None:
    """What follows the last member, NUL padding or other bytes, is passed over as ``gzip -d``, ``bzip2 -d`` and
    ``xz -d`` pass it over; members one after another (NUL padding between them) are read in turn."""
    (tmp_path / name).write_bytes(PADDED[name])
    assert _text_of(name, tmp_path) == PARAGRAPH


def _tar(data: bytes) -> bytes:
    member = tarfile.TarInfo("big.txt")
    member.size = len(data)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        archive.addfile(member, io.BytesIO(data))
    return buffer.getvalue()


def test_an_archive_over_the_size_limit_is_said_to_be_an_archive(tmp_path: Path) -> None:
    """Its first bytes tell an archive before its size is refused: a tar, a zip and a gzipped tar under plain names,
    each larger than ``max_bytes``, are each the line saying to unpack it, not "too large"."""
    body = PARAGRAPH.encode() * 2000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("big.txt", body)
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner]\nmax_bytes = 100000\n")
    (tmp_path / "backup.txt").write_bytes(_tar(body))
    (tmp_path / "saved.html").write_bytes(buffer.getvalue())
    (tmp_path / "backup.gz").write_bytes(gzip.compress(_tar(body)))
    result = clean("backup.txt", "saved.html", "backup.gz", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert [line for line in result.stderr.splitlines() if ": error: " in line] == [
        "backup.txt: error: a tar archive, not an article: unpack it (tar -xf) and clean the files it holds",
        "saved.html: error: a zip archive, not an article: unpack it (unzip) and clean the files it holds",
        "backup.gz: error: a tar archive (gzip-compressed), not an article: unpack it (tar -xf) and clean the files "
        "it holds",
    ]
    (tmp_path / "big.txt").write_bytes(body)  # a text over the limit is still "too large"
    assert clean("big.txt", cwd=tmp_path).stderr.splitlines()[0] == (
        f"big.txt: error: too large: {len(body)} bytes, the limit is 100000 (max_bytes)"
    )


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz"])
def test_members_one_after_another_are_read_once_each(tmp_path: Path, suffix: str) -> None:
    """Members larger than a read (1 MB), one after another (``cat a.gz b.gz``), give exactly their bytes in order:
    a member ending inside a read left its follower counted twice (zlib holds it as ``unconsumed_tail`` and as
    ``unused_data``), so the members doubled, one after another: a 2 MB file of 1,000 members took 22 GB."""
    compress = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}[suffix]
    parts = [b"".join(b"line %d of part %d\n" % (line, part) for line in range(90_000)) for part in range(3)]
    (tmp_path / f"story.txt{suffix}").write_bytes(b"".join(compress(part) for part in parts))
    assert read_article(tmp_path / f"story.txt{suffix}", 50_000_000) == b"".join(parts)
