"""Compressed bytes under a plain name (a page wget or curl saved gzip-encoded as ``page.html``) and archives of many
files (``a.tar.gz``, ``a.zip``, ``a.7z``), through the real command and the library.

Before robust53 a gzipped ``page.html`` was refused (``compressed data (gzip), not text: decompress it first``),
though ``page.html.gz`` was read, and an archive was "binary data (NUL bytes)" (``a.tar.gz``, ``a.tar``) or
"compressed data" to decompress.  Now such a page is read decompressed, told by its magic number, named or walked;
``--check``, ``--diff`` and ``--in-place`` leave it alone and say why; an archive is one line saying it is one and
how to unpack it.  Real files in ``tmp_path``, the command run as ``tests/test_cli.py`` runs it.
"""

from __future__ import annotations

import gzip
import io
import lzma
import tarfile
import zipfile
from pathlib import Path

import pytest
from clirun import Ran, article_of, clean_in_process, tree_state
from test_compressed import COMPRESS, NOT_CHECKED, PAGE, PARAGRAPH
from test_fixtures import SEEDS_DIR

from cleaner import clean_file
from cleaner.errors import CleanError

SEED = sorted(SEEDS_DIR.glob("*.txt"))[1]


def clean(*args: object, cwd: Path) -> Ran:
    return clean_in_process(*args, cwd=cwd)


@pytest.mark.parametrize("suffix", sorted(COMPRESS))
def test_compressed_bytes_under_a_plain_name_are_read_as_the_plain_file(tmp_path: Path, suffix: str) -> None:
    """A gzipped (bzip2'd, xz'd) ``page.html`` is the page, a ``story.txt`` the text: named, by the library's
    ``clean_file``, and in a walk, whose output is named for the file as it is."""
    (tmp_path / "plain").mkdir()
    (tmp_path / "packed").mkdir()
    for name, data in {"page.html": PAGE.encode(), "story.txt": SEED.read_bytes()}.items():
        (tmp_path / "plain" / name).write_bytes(data)
        (tmp_path / "packed" / name).write_bytes(COMPRESS[suffix](data))
        assert article_of(f"packed/{name}", cwd=tmp_path) == article_of(f"plain/{name}", cwd=tmp_path), name
    assert clean_file(tmp_path / "packed" / "page.html").text == PARAGRAPH
    walked = clean("packed", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert walked.returncode == 0, walked.stderr
    assert sorted(tree_state(tmp_path / "out")) == ["page.json", "story.json"]


def test_check_diff_and_in_place_leave_compressed_bytes_under_a_plain_name_alone(tmp_path: Path) -> None:
    """One named gets a line saying what it is and that it is not rewritten; those a walk found are named in the
    walk's line of compressed files; the file stays as it is and the exit code is what the other files make it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_bytes(gzip.compress(SEED.read_bytes()))
    (corpus / "notes.md").write_bytes(lzma.compress(f"---\ntitle: Budget\n---\n\n{PARAGRAPH}\n".encode()))
    before = tree_state(corpus)
    for mode in ("--check", "--diff", "--in-place"):
        named = clean(mode, "corpus/story.txt", "--jobs=1", cwd=tmp_path)
        assert (named.returncode, named.stdout) == (0, ""), named.stderr
        line = f"corpus/story.txt: skipped: gzip-compressed data under a plain name: {NOT_CHECKED}"
        assert named.stderr.splitlines()[0] == line
        walked = clean(mode, "corpus", "--jobs=1", cwd=tmp_path)
        assert (walked.returncode, walked.stdout) == (0, ""), walked.stderr
        assert f"clean: 2 compressed files skipped (corpus/notes.md, corpus/story.txt): {NOT_CHECKED}" in walked.stderr
        assert tree_state(corpus) == before


def test_a_cut_compressed_file_under_a_plain_name_says_what_it_is(tmp_path: Path) -> None:
    """A download cut short: one line naming the file, its compression and what is wrong; never a traceback."""
    data = gzip.compress(SEED.read_bytes())
    (tmp_path / "page.html").write_bytes(data[: len(data) // 2])
    result = clean("page.html", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines()[0] == (
        "page.html: error: gzip-compressed data under a plain name: truncated gzip data: the file ends inside its "
        "compressed stream"
    )


def test_text_that_opens_with_a_formats_first_letters_is_text(tmp_path: Path) -> None:
    """Only a whole magic number tells compressed data: a text opening with bzip2's ``BZh`` and a digit is text."""
    (tmp_path / "note.txt").write_text(f"BZh9 is the name of the council's new rule.\n\n{PARAGRAPH}\n")
    result = clean("note.txt", "--format", "txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert PARAGRAPH in result.stdout


def _tar(compression: str = "") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=f"w:{compression}") as archive:
        member = tarfile.TarInfo("page.html")
        member.size = len(PAGE)
        archive.addfile(member, io.BytesIO(PAGE.encode()))
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("page.html", PAGE)
    return buffer.getvalue()


ARCHIVES = {
    "a.tar.gz": (_tar("gz"), "a tar archive (gzip-compressed)", "tar -xf"),
    "a.TGZ": (_tar("gz"), "a tar archive (gzip-compressed)", "tar -xf"),
    "a.tar.bz2": (_tar("bz2"), "a tar archive (bzip2-compressed)", "tar -xf"),
    "a.tar": (_tar(), "a tar archive", "tar -xf"),
    "a.zip": (_zip(), "a zip archive", "unzip"),
    "a.7z": (b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24), "a 7-Zip archive", "7z x"),
    # by their bytes, whatever the name: a zip and a gzipped tar saved under a page's name and a bare .gz
    "zipped.html": (_zip(), "a zip archive", "unzip"),
    "backup.gz": (_tar("gz"), "a tar archive (gzip-compressed)", "tar -xf"),
    "backup.txt": (_tar("xz"), "a tar archive (xz-compressed)", "tar -xf"),
}


def test_an_archive_named_is_one_line_saying_to_unpack_it(tmp_path: Path) -> None:
    """Each archive, named, is one error line that says it is an archive and the command that unpacks it (not
    "binary data"), by the command and by ``clean_file``; the other files are cleaned."""
    for name, (data, _, _) in ARCHIVES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "page.html").write_text(PAGE)
    result = clean(*ARCHIVES, "page.html", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert result.returncode == 2
    expected = [
        f"{name}: error: {kind}, not an article: unpack it ({command}) and clean the files it holds"
        for name, (_, kind, command) in ARCHIVES.items()
    ]
    assert [line for line in result.stderr.splitlines() if ": error: " in line] == expected
    assert sorted(tree_state(tmp_path / "out")) == ["page.json"]
    with pytest.raises(CleanError, match=r"a\.zip: a zip archive, not an article: unpack it \(unzip\)"):
        clean_file(tmp_path / "a.zip")


def test_a_walk_leaves_archives_out_as_before_and_says_so_when_its_globs_take_them(tmp_path: Path) -> None:
    """The default globs take no archive and the walk's line does not name them (the command cannot read them);
    an ``include`` glob that takes one makes it one error line, as when it is named."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.tar.gz").write_bytes(_tar("gz"))
    (corpus / "a.zip").write_bytes(_zip())
    (corpus / "page.html").write_text(PAGE)
    walked = clean("corpus", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert walked.returncode == 0, walked.stderr
    assert walked.skipped_lines() == [] and "archive" not in walked.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\ninclude = ["*"]\n')
    taken = clean("corpus", "-o", "out2", "--jobs=1", cwd=tmp_path)
    assert taken.returncode == 2
    assert [line for line in taken.stderr.splitlines() if ": error: " in line] == [
        "corpus/a.tar.gz: error: a tar archive (gzip-compressed), not an article: unpack it (tar -xf) and clean the "
        "files it holds",
        "corpus/a.zip: error: a zip archive, not an article: unpack it (unzip) and clean the files it holds",
    ]


def test_a_walk_names_a_gzipped_page_under_another_suffix_and_plain_name(tmp_path: Path) -> None:
    """A saved site's ``index.php`` kept gzip-encoded: the walk's note names it as a web page, as it names an
    ``index.php`` as it is (its start read decompressed, told by its magic number)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.html").write_text(PAGE)
    (corpus / "index.php").write_bytes(gzip.compress(PAGE.encode()))
    result = clean("corpus", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.skipped_lines() == [
        "clean: 1 file skipped (no include glob takes it; name it to clean it): 1 web page "
        "(corpus/index.php: or add the suffix to include)"
    ]
