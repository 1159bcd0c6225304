"""Streaming: ``clean_many`` over any iterable of documents, and JSON Lines in and out.

Checks that the stream gives exactly what ``clean`` gives document by document,
that it pulls one document at a time (so memory is bounded by one document, not
the corpus), that a bad document is a ``Failure`` in place and never an exception,
and that JSON Lines files stream in and are written atomically and reproducibly.
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from clirun import clean_in_process
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Config, Corpus, clean
from cleaner.corpus.learning import learn_profile
from cleaner.io.documents import documents_from_path, input_files
from cleaner.io.jsonl import JsonlWriter, read_documents, write_records
from cleaner.io.records import Cleaned, Document, Failure
from cleaner.run.dask import clean_partition
from cleaner.run.stream import clean_many

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in SEEDS]


def test_stream_gives_what_clean_gives() -> None:
    texts = seed_texts()
    results = list(clean_many(texts))
    assert [result.id for result in results] == [str(number) for number in range(len(texts))]
    for text, result in zip(texts, results, strict=True):
        assert isinstance(result, Cleaned)
        assert result.article == clean(text)


def test_every_kind_of_document_is_accepted() -> None:
    text = seed_texts()[0]
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines() if line) + "</body></html>"
    inputs = [
        text,
        text.encode("utf-8"),
        Document(id="doc", content=page, format="html", url="https://example.org/a"),
        {"id": "rec", "html": page, "url": "https://example.org/a"},
        {"text": text, "metadata": {"url": "https://example.org/b", "date": "2025-01-01"}},
    ]
    results = list(clean_many(inputs))
    assert [result.id for result in results] == ["0", "1", "doc", "rec", "4"]
    assert all(isinstance(result, Cleaned) for result in results)
    assert results[0].article == results[1].article == clean(text)
    assert results[2].article == results[3].article == clean(page, format="html", url="https://example.org/a")
    assert results[4].url == "https://example.org/b" and results[4].fetched == "2025-01-01"


def test_bad_documents_are_failures_in_place() -> None:
    text = seed_texts()[1]
    inputs = [text, b"\x00\x01\x02\xff" * 100, {"id": "x", "title": "no content"}, 42, text]
    results = list(clean_many(inputs))
    assert [result.ok for result in results] == [True, False, False, False, True]
    for failure in results[1:4]:
        assert isinstance(failure, Failure) and failure.reason and "\n" not in failure.reason
    assert results[2].id == "x" and "no 'html', 'text'" in results[2].reason
    assert results[3].reason.startswith("cannot clean a value of type int: expected str, bytes")
    assert results[4].article == results[0].article


def test_a_files_path_in_the_stream_says_how_to_clean_the_file(tmp_path: Path) -> None:
    """``clean_many([Path("a.txt")])`` failed with "cannot clean a PosixPath: expected str, bytes, Document or a
    mapping", naming neither the file nor what cleans one."""
    (result,) = clean_many([tmp_path / "a.txt"])
    assert isinstance(result, Failure)
    assert result.reason.endswith(
        f"(a file: clean_file({str(tmp_path / 'a.txt')!r}), or documents_from_path(path) for its documents)"
    )


def test_the_configuration_applies_to_every_document() -> None:
    small, large = "A short note of a few words.", seed_texts()[0]
    results = list(clean_many([small, large.encode("utf-8")], config=Config(max_bytes=1000)))
    assert [result.ok for result in results] == [True, False]
    assert results[1].id == "1" and "too large" in results[1].reason


def test_the_stream_pulls_one_document_at_a_time() -> None:
    """Bounded memory: after n results, at most n documents were taken from an endless source."""
    texts = seed_texts()
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for text in itertools.cycle(texts):
            pulled += 1
            yield text

    stream = clean_many(endless())
    taken = list(itertools.islice(stream, 7))
    assert len(taken) == 7 and pulled == 7


def test_unknown_format_is_refused_up_front() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        list(clean_many(["x"], format="pdf"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=300), st.binary(max_size=300)), max_size=6))
def test_one_result_per_document_in_order_and_never_an_exception(documents: list[str | bytes]) -> None:
    results = list(clean_many(documents))
    assert [result.id for result in results] == [str(number) for number in range(len(documents))]


def test_jsonl_streams_in_with_line_ids_and_bad_lines_reported(tmp_path: Path) -> None:
    text = seed_texts()[2]
    path = tmp_path / "in.jsonl.gz"
    lines = [
        json.dumps({"id": "a", "text": text}),
        "{not json",
        "",
        json.dumps({"url": "https://x.org/1", "text": text}),
        json.dumps([1, 2]),
    ]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    items = list(read_documents(path))
    assert [item.id for item in items] == ["a", f"{path}:2", f"{path}:4", f"{path}:5"]
    assert isinstance(items[1], Failure) and items[1].reason.startswith("not valid JSON")
    assert isinstance(items[3], Failure) and items[3].reason == "not a JSON object"
    assert items[2].url == "https://x.org/1" and items[2].format == "text" and items[2].source == str(path)
    results = list(clean_many(items))
    assert [result.ok for result in results] == [True, False, True, False]
    assert results[0].article == clean(text, format="text")


def test_jsonl_output_is_atomic_and_reproducible(tmp_path: Path) -> None:
    records = [result.to_dict() for result in clean_many(seed_texts())]
    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    assert write_records(records, first) == len(records)
    write_records(records, second)
    assert first.read_bytes() == second.read_bytes()
    lines = gzip.decompress(first.read_bytes()).decode().splitlines()
    assert [json.loads(line) for line in lines] == records
    with pytest.raises(RuntimeError), JsonlWriter(first) as writer:
        writer.write({"partial": True})
        raise RuntimeError("interrupted")
    assert first.read_bytes() == second.read_bytes()  # the old file is untouched
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.jsonl.gz", "b.jsonl.gz"]


def test_output_records_read_back_as_documents(tmp_path: Path) -> None:
    """Our own JSON Lines output is valid input: each record is read back under the same id as the article it
    stands for, in the canonical Markdown form, so cleaning it again keeps its body and metadata (trial45: the
    body ``text`` alone was read back, and the title, authors and dates were lost)."""
    first = [result.to_dict() for result in clean_many(seed_texts(), format="text")]
    path = tmp_path / "out.jsonl"
    write_records(first, path)
    documents = list(read_documents(path))
    assert [(document.id, document.format) for document in documents] == [(r["id"], "markdown") for r in first]
    again = [result.to_dict() for result in clean_many(documents)]
    kept = ("title", "authors", "published", "updated", "text")
    assert [{key: r[key] for key in kept} for r in again] == [{key: r[key] for key in kept} for r in first]


def test_files_and_folders_become_documents(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(seed_texts()[0], encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": seed_texts()[1]}) + "\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "description.txt").write_text("Unnamed repository", encoding="utf-8")
    files = input_files([tmp_path])
    assert files == [tmp_path / "b.jsonl", tmp_path / "sub" / "a.txt"]
    documents = [document for path in files for document in documents_from_path(path)]
    assert [document.format for document in documents] == ["text", "auto"]  # a .txt may hold front matter
    assert documents[1].id == documents[1].source == str(tmp_path / "sub" / "a.txt")
    with pytest.raises(FileNotFoundError, match="no such file"):
        input_files([tmp_path / "missing"])


def test_command_streams_json_lines_in_and_out(tmp_path: Path) -> None:
    texts = seed_texts()
    source = tmp_path / "in.jsonl.gz"
    records = [{"id": f"a{n}", "text": text, "url": f"https://x.org/{n}"} for n, text in enumerate(texts)]
    write_records(records, source)
    before = source.read_bytes()
    done = clean_in_process(source, "-o", "out.jsonl.gz", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()).splitlines()]
    assert [record["id"] for record in out] == [record["id"] for record in records]
    expected = [clean(r["text"], format="text", url=r["url"]).to_dict() for r in records]
    assert [{key: record[key] for key in expected[0]} for record in out] == expected
    assert source.read_bytes() == before  # the input is left as it was


def test_input_files_walk_like_the_command_with_its_exclude_globs(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "wip.txt").write_text(seed_texts()[0], encoding="utf-8")
    (tmp_path / "done.txt").write_text(seed_texts()[1], encoding="utf-8")
    assert input_files([tmp_path]) == [tmp_path / "done.txt", tmp_path / "drafts" / "wip.txt"]
    assert input_files([tmp_path], exclude=["drafts/**"]) == [tmp_path / "done.txt"]


def test_one_folder_named_by_a_str_is_the_folder(tmp_path: Path) -> None:
    """``Corpus.from_paths("corpus")`` (``clean_bag`` takes one path so) walked each character of the name as a
    path, and said ``FileNotFoundError: c: no such file or directory``."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(seed_texts()[0], encoding="utf-8")
    assert input_files(str(folder)) == input_files(folder) == input_files([folder]) == [folder / "a.txt"]
    assert [document.id for document in Corpus.from_paths(str(folder)).documents] == [str(folder / "a.txt")]


@pytest.mark.parametrize(
    "one", ["Hello world.", b"Hello world.", {"text": "Hello world."}], ids=["str", "bytes", "record"]
)
def test_one_document_where_many_are_asked_is_a_type_error(one: object) -> None:
    """``clean_many("Hello world.")`` yielded twelve articles of one character each, every one ``ok``, and a
    record (a dict) one article per key (``text``); ``learn_profile`` counted them.  Now a TypeError says so."""
    with pytest.raises(TypeError, match=r"takes an iterable of documents, not one"):
        clean_many(one)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"takes an iterable of documents, not one"):
        learn_profile(one, site="x")  # type: ignore[arg-type]


def test_the_partition_function_takes_one_path_as_a_str() -> None:
    """``clean_partition("shard.jsonl")`` cleaned '/', 't', 'm', 'p', ... as paths, one failure each."""
    path = str(SEEDS[0])
    assert clean_partition(path) == clean_partition([path])


def test_a_page_is_told_for_its_warm_up_as_clean_reads_it() -> None:
    """``reads_as_page`` (which documents of a stream need the HTML layer warmed up, told without decoding them)
    says what ``clean`` reads as a page: every fixture page and text, as ``str`` and as bytes in several
    encodings, Markdown with front matter, a text quoting tags."""
    from cleaner.pipeline.reading import read_document, reads_as_page

    root = Path(__file__).resolve().parent.parent
    texts = [path.read_text(encoding="utf-8") for path in sorted((root / "fixtures").rglob("*.*"))]
    texts += ["---\ntitle: T\n---\n\n<p>a</p>", "Use <p> and </p> around a paragraph.", "<html><body>x</body></html>"]
    for text in texts:
        if not text.strip():
            continue
        page = read_document(text, format="auto").html
        assert reads_as_page(text, "auto") is page, text[:80]
        for encoding in ("utf-8", "utf-16", "cp1252"):
            with contextlib.suppress(UnicodeEncodeError):
                assert reads_as_page(text.encode(encoding), "auto") is page, (encoding, text[:80])
        assert reads_as_page(text, "html") and not reads_as_page(text, "text")


@pytest.mark.parametrize("form", ["md", "txt"])
def test_records_asked_for_in_another_format_than_json_lines_are_refused(tmp_path: Path, form: str) -> None:
    """``clean crawl.jsonl --format md`` wrote JSON Lines to standard output, the format asked for passed over
    without a word (with ``-o out/`` the same request was refused); it is now refused the same way."""
    (tmp_path / "crawl.jsonl").write_text(json.dumps({"id": "a", "text": "A line of text."}) + "\n")
    result = clean_in_process("crawl.jsonl", "--format", form, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "JSON Lines, WARC and feed inputs hold many articles: write them with --format jsonl" in result.stderr
    assert clean_in_process("crawl.jsonl", "--format", "json", "-q", cwd=tmp_path).stdout.count("\n") == 1
