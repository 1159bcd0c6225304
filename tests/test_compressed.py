"""Article files kept compressed (``page.html.gz``, ``story.txt.bz2``, ``notes.md.xz``), through the real command.

Corpora often keep their pages gzipped.  Before robust52 a named ``page.html.gz`` was refused ("compressed data
(gzip), not text: decompress it first") and a folder walk left such files out without a word.  Now each is read
decompressed, as the name inside it says, named or walked, by ``clean`` and ``clean learn``; ``--check``,
``--diff`` and ``--in-place`` never rewrite one and say so; a decompression bomb stops at ``max_bytes``; a corrupt
file is one line naming it.  Real files in ``tmp_path``, the command run as ``tests/test_cli.py`` runs it.
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import re
import shutil
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import Ran, article_of, clean_in_process, tree_state
from test_fixtures import SEEDS_DIR

from cleaner import clean_file
from cleaner.errors import CleanError
from cleaner.io.documents import documents_from_path, input_files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(SEEDS_DIR.glob("*.txt"))
CORPUS = ROOT / "fixtures" / "corpus"  # three sites' .txt and .md files (docs/corpus.md)
COMPRESS: dict[str, Callable[[bytes], bytes]] = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}
PARAGRAPH = "The council approved the budget for the coming year after a long debate over the town's schools."
PAGE = f"<html><head><title>Budget passed</title></head><body><article><p>{PARAGRAPH}</p></article></body></html>"
MARKDOWN = f"---\ntitle: Budget passed\nurl: https://example.org/budget\n---\n\n{PARAGRAPH}\n"
NOT_CHECKED = "a compressed file is not checked or rewritten (decompress it to check it; -o OUT writes its article)"


def clean(*args: object, cwd: Path) -> Ran:
    return clean_in_process(*args, cwd=cwd)


@pytest.mark.parametrize("suffix", sorted(COMPRESS))
def test_a_named_compressed_file_is_read_as_the_name_inside_it_says(tmp_path: Path, suffix: str) -> None:
    """``page.html.gz`` as a page, ``story.txt.gz`` as text, ``notes.md.gz`` as Markdown (its front matter read):
    each gives the article its uncompressed file gives."""
    files = {"page.html": PAGE.encode(), "story.txt": SEEDS[1].read_bytes(), "notes.md": MARKDOWN.encode()}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        (tmp_path / f"{name}{suffix}").write_bytes(COMPRESS[suffix](data))
        assert article_of(f"{name}{suffix}", cwd=tmp_path) == article_of(name, cwd=tmp_path), name
    page = article_of(f"page.html{suffix}", cwd=tmp_path)
    assert (page["title"], page["text"]) == ("Budget passed", PARAGRAPH)
    assert article_of(f"notes.md{suffix}", cwd=tmp_path)["url"] == "https://example.org/budget"
    assert clean_file(tmp_path / f"notes.md{suffix}").title == "Budget passed"  # the library reads it too


def test_a_walk_cleans_compressed_files_into_outputs_named_for_the_name_inside(tmp_path: Path) -> None:
    """A folder of gzipped, bzip2'd and xz'd pages and texts: every one is cleaned, ``a.html.gz`` written as
    ``out/a.json`` as ``a.html`` would be; a clash with ``a.html`` beside it keeps both whole names, as two files of
    one stem do; a ``.jsonl.gz`` is still a JSON Lines file (the walk's note names it); an ``exclude`` glob leaves out
    the compressed file of a name it matches (``*.tmp.txt`` takes ``x.tmp.txt.gz``)."""
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (corpus / "sub" / "story.TXT.BZ2").write_bytes(bz2.compress(SEEDS[0].read_bytes()))
    (corpus / "sub" / "notes.md.xz").write_bytes(lzma.compress(MARKDOWN.encode()))
    (corpus / "x.tmp.txt.gz").write_bytes(gzip.compress(SEEDS[2].read_bytes()))
    (corpus / "e.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "e", "text": PARAGRAPH}).encode() + b"\n"))
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\nexclude = ["*.tmp.txt"]\n')
    result = clean("corpus", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(tree_state(tmp_path / "out")) == ["page.json", "sub/notes.json", "sub/story.json"]
    assert re.search(r"^3 files read: .*, 0 failed;", result.stderr, re.MULTILINE), result.stderr
    assert "1 JSON Lines/WARC/feed file (corpus/e.jsonl.gz: with -o OUT.jsonl)" in result.stderr
    page = json.loads((tmp_path / "out" / "page.json").read_text())
    assert (page["source"], page["text"]) == ("corpus/page.html.gz", PARAGRAPH)
    walked = input_files(corpus, exclude=["*.tmp.txt"])  # the library's walk (Corpus.from_paths, clean_bag)
    assert [path.name for path in walked] == ["e.jsonl.gz", "page.html.gz", "notes.md.xz", "story.TXT.BZ2"]
    (page_document,) = documents_from_path(walked[1])
    assert (page_document.content, page_document.format) == (PAGE.encode(), "html")
    (corpus / "page.html").write_text(PAGE)
    clash = clean("corpus", "-o", "out2", "--jobs=1", cwd=tmp_path)
    assert clash.returncode == 0, clash.stderr
    assert sorted(path.name for path in (tmp_path / "out2").glob("*.json")) == ["page.html.gz.json", "page.html.json"]


def test_a_compressed_corpus_learns_and_cleans_as_its_files_do(tmp_path: Path) -> None:
    """``clean learn`` reads compressed files too: the profile of a corpus whose files are gzipped, bzip2'd and
    xz'd is byte for byte the profile of the same files as they are, and cleaning with it writes the same articles."""
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    shutil.copytree(CORPUS, plain)
    suffixes = sorted(COMPRESS)
    for number, path in enumerate(sorted(p for p in plain.rglob("*") if p.is_file())):
        suffix = suffixes[number % 3]
        target = packed / f"{path.relative_to(plain)}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(COMPRESS[suffix](path.read_bytes()))
    for folder in (plain, packed):
        learned = clean("learn", folder.name, "-o", f"{folder.name}.json", "--jobs=1", cwd=tmp_path)
        assert learned.returncode == 0, learned.stderr
        assert "35 read now, 0 failed" in learned.stderr
    assert (tmp_path / "packed.json").read_bytes() == (tmp_path / "plain.json").read_bytes()
    for folder in (plain, packed):
        result = clean(folder.name, "-o", f"{folder.name}-out", "--profile", "plain.json", "--jobs=2", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    written = sorted(name for name in tree_state(tmp_path / "plain-out") if name.endswith(".json"))
    assert len(written) == 35 and written == sorted(tree_state(tmp_path / "packed-out"))
    for name in written:
        article = json.loads((tmp_path / "plain-out" / name).read_text())
        other = json.loads((tmp_path / "packed-out" / name).read_text())
        assert other.pop("source").startswith("packed/") and article.pop("source").startswith("plain/")
        assert other == article, name


def test_check_diff_and_in_place_never_rewrite_a_compressed_file(tmp_path: Path) -> None:
    """A compressed file cannot be rewritten into its canonical form: one named gets one line saying so, the ones a
    walk found are named in one line before the summary (which ``--quiet`` drops, as the walk's other notes); the
    exit code is what the other files make it, and the file is left as it is."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt.gz").write_bytes(gzip.compress(SEEDS[1].read_bytes()))
    (corpus / "page.html.xz").write_bytes(lzma.compress(PAGE.encode()))
    before = tree_state(corpus)
    said = NOT_CHECKED
    for mode in ("--check", "--diff", "--in-place"):
        named = clean(mode, "corpus/story.txt.gz", "--jobs=1", cwd=tmp_path)
        assert (named.returncode, named.stdout) == (0, ""), named.stderr
        assert named.stderr.splitlines()[0] == f"corpus/story.txt.gz: skipped: {said}"
        walked = clean(mode, "corpus", "--jobs=1", cwd=tmp_path)
        assert (walked.returncode, walked.stdout) == (0, ""), walked.stderr
        assert f"clean: 2 compressed files skipped (corpus/page.html.xz, corpus/story.txt.gz): {said}" in walked.stderr
        assert "0 files read" in walked.stderr
        assert tree_state(corpus) == before
    quiet = clean("--check", "corpus", "--quiet", "--jobs=1", cwd=tmp_path)
    assert (quiet.returncode, quiet.stderr) == (0, "")


def test_corrupt_truncated_and_misnamed_compressed_files_are_one_line_each(tmp_path: Path) -> None:
    """Never a traceback: a file that is not in the format its name says, one cut short and one whose data is
    damaged are each one error line naming the file, and the other files are still cleaned (exit 2)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    data = gzip.compress(SEEDS[0].read_bytes())
    (corpus / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    damaged = bytearray(bz2.compress(SEEDS[0].read_bytes()))
    damaged[len(damaged) // 2 : len(damaged) // 2 + 40] = bytes(40)
    (corpus / "damaged.txt.bz2").write_bytes(bytes(damaged))
    (corpus / "plain.html.xz").write_text(PAGE)  # saved already decompressed, under the compressed name
    (corpus / "empty.md.gz").write_bytes(gzip.compress(b"  \n"))
    (corpus / "good.txt.gz").write_bytes(gzip.compress(SEEDS[1].read_bytes()))
    result = clean("corpus", "-o", "out", "--jobs=2", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors[0] == "corpus/cut.txt.gz: error: truncated gzip data: the file ends inside its compressed stream"
    assert errors[1].startswith("corpus/damaged.txt.bz2: error: corrupt bzip2 data: ")
    assert errors[2:] == [
        "corpus/empty.md.gz: error: empty",
        "corpus/plain.html.xz: error: not xz data, though its name ends in .xz",
    ]
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["good.json"]
    assert "5 files read: 1 cleaned, 0 with nothing removed, 4 failed" in result.stderr


def test_a_decompression_bomb_stops_at_max_bytes(tmp_path: Path) -> None:
    """A 1 MB file that decompresses to a gigabyte: reading stops once past ``max_bytes``, holding no more than
    about that, and the file gets one line; the next file is cleaned."""
    member = gzip.compress(b"\n" * 1_000_000, compresslevel=9)
    (tmp_path / "bomb.txt.gz").write_bytes(member * 1000)  # members one after another: one gzip stream of 1 GB
    tracemalloc.start()
    with pytest.raises(CleanError) as raised:
        clean_file(tmp_path / "bomb.txt.gz")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    too_large = "too large once decompressed: over 50000000 bytes (max_bytes)"
    assert str(raised.value) == f"{tmp_path / 'bomb.txt.gz'}: {too_large}"
    assert peak < 120_000_000, f"reading held {peak:,} bytes"
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner]\nmax_bytes = 100000\n")
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(SEEDS[0].read_bytes()[:90_000]))
    result = clean("bomb.txt.gz", "story.txt.gz", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"bomb.txt.gz: error: {too_large.replace('50000000', '100000')}"
    assert (tmp_path / "out" / "story.json").is_file()


def test_a_walk_names_a_compressed_page_under_another_suffix(tmp_path: Path) -> None:
    """A saved site's ``index.php.gz``: no include glob takes ``index.php``, so the walk's note names it as it
    names ``index.php`` (its start read decompressed); a ``data.gz`` that holds no page is not said."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(SEEDS[0], corpus / "a.txt")
    (corpus / "index.php.gz").write_bytes(gzip.compress(PAGE.encode()))
    (corpus / "data.gz").write_bytes(gzip.compress(b"1,2,3\n"))
    result = clean("corpus", "-o", "out", "--jobs=1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.skipped_lines() == [
        "clean: 1 file skipped (no include glob takes it; name it to clean it): 1 web page "
        "(corpus/index.php.gz: or add the suffix to include)"
    ]
    named = clean("corpus/index.php.gz", "--format", "txt", cwd=tmp_path)
    assert (named.returncode, named.stdout.strip()) == (0, PARAGRAPH), named.stderr
