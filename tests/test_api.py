"""The library and command basics users expect (issue 11, "CLI and API basics").

Inputs that are no document raise a clear error; the configuration takes ``str`` paths and
names unknown rule ids; ``url=`` reaches the output; ``Article.to_json()`` and every record a
run writes validate against the JSON Schema shipped in the package; the package says its
version; mypy is clean on the package.  The command: ``--version``, ``-`` for standard input, a
closed pipe ends the run quietly (a real subprocess and a real pipe).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from clirun import clean_in_process

import cleaner
from cleaner import CleanError, ConfigError, clean, clean_file, clean_many, load_config
from cleaner.config import Config
from cleaner.io.jsonl import JsonlWriter
from cleaner.model import ARTICLE_SCHEMA

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PAGES = sorted((ROOT / "fixtures" / "html").glob("*.html"))


@pytest.mark.parametrize(
    ("source", "error", "message"),
    [
        (b"", CleanError, "empty: the document has no text"),
        (b" \n\t", CleanError, "empty: the document has no text"),
        ("\u200b\u00a0\n\u2060", CleanError, "empty: the document has no text"),
        ("\ufeff\u200b\u00ad".encode(), CleanError, "empty: the document has no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), CleanError, "binary data (NUL bytes), not text"),
        (None, TypeError, "clean() takes the document as str or bytes, not NoneType"),
        (42, TypeError, "clean() takes the document as str or bytes, not int"),
    ],
    ids=["empty bytes", "blank bytes", "invisible text", "invisible bytes", "binary", "None", "int"],
)
def test_what_is_no_document_is_a_clear_error(source: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as raised:
        clean(source)  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_a_path_or_an_open_file_given_to_clean_names_what_to_pass(tmp_path: Path) -> None:
    """``clean(Path("a.txt"))`` and ``clean(open("a.txt"))``, a new user's first calls, said only "not PosixPath",
    "not TextIOWrapper": the message now names ``clean_file`` for a path and the file's content for an open file,
    and passing what it names cleans the article."""
    path = tmp_path / "a.txt"
    path.write_bytes(SEEDS[2].read_bytes())
    with pytest.raises(TypeError) as raised:
        clean(path)  # type: ignore[arg-type]
    assert str(raised.value) == (
        f"clean() takes the document as str or bytes, not {type(path).__name__} "
        f"(a file: clean_file({str(path)!r}) reads and cleans it)"
    )
    assert clean_file(str(path)).title == clean(SEEDS[2].read_bytes()).title
    with path.open("rb") as handle, pytest.raises(TypeError) as raised:
        clean(handle)  # type: ignore[arg-type]
    assert str(raised.value) == (
        "clean() takes the document as str or bytes, not BufferedReader (an open file: pass its content, handle.read())"
    )


@pytest.mark.parametrize("path", [123, b"seeds/a.txt", None], ids=["int", "bytes", "None"])
def test_a_path_of_the_wrong_kind_is_an_error_naming_clean_file(path: object) -> None:
    """``clean_file(123)`` raised ``Path``'s own TypeError ("expected str, bytes or os.PathLike object, not int"),
    which names neither the function nor what it takes (a new user's probe)."""
    with pytest.raises(TypeError) as raised:
        clean_file(path)  # type: ignore[arg-type]
    assert str(raised.value) == f"clean_file() takes the file's path as str or os.PathLike, not {type(path).__name__}"


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"url": 5}, TypeError, "clean() takes url as str or None, not int"),
        ({"config": {"timeout": 1}}, TypeError, "clean() takes config as a cleaner.Config (cleaner.load_config"),
        ({"config": "pyproject.toml"}, TypeError, "not str"),
        ({"profile": "profile.json"}, TypeError, "clean() takes profile as a site Profile (cleaner.sites.store"),
        (
            {"url": "https://example.org/\ud800"},
            CleanError,
            "not valid Unicode: the url holds a lone surrogate \\ud800",
        ),
    ],
    ids=["url int", "config dict", "config path", "profile path", "url surrogate"],
)
def test_arguments_of_the_wrong_kind_are_a_clear_error(arguments: dict, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as raised:
        clean(SEEDS[0].read_text(encoding="utf-8"), **arguments)
    assert message in str(raised.value)


@pytest.mark.parametrize("config", ["pyproject.toml", {"timeout": 1}, 5])
def test_warm_up_says_so_for_a_config_of_the_wrong_kind(config: object) -> None:
    """``warm_up("pyproject.toml")`` raised AttributeError ('str' object has no attribute 'rules'); it names
    itself and what it takes, as ``clean`` does."""
    with pytest.raises(TypeError, match=re.escape("warm_up() takes config as a cleaner.Config (cleaner.load_config")):
        cleaner.warm_up(config)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"config": {"timeout": 1}}, "clean_many() takes config as a cleaner.Config"),
        ({"profile": "profile.json"}, "clean_many() takes profile as a site Profile"),
    ],
    ids=["config dict", "profile path"],
)
def test_clean_many_says_so_at_once_for_an_argument_of_the_wrong_kind(arguments: dict, message: str) -> None:
    """It raised AttributeError ('dict' object has no attribute 'timeout'), or, for a profile's path, yielded
    one "internal error: AttributeError" failure for every document of the corpus."""
    with pytest.raises(TypeError, match=re.escape(message)):
        clean_many([SEEDS[0].read_text(encoding="utf-8")], **arguments)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"config": {}}, "clean_file() takes config as a cleaner.Config"),
        ({"config": {"timeout": 1}}, "clean_file() takes config as a cleaner.Config"),
        ({"config": "pyproject.toml"}, "clean_file() takes config as a cleaner.Config"),
        ({"profile": "profile.json"}, "clean_file() takes profile as a site Profile"),
    ],
    ids=["config empty dict", "config dict", "config path", "profile path"],
)
def test_clean_file_says_so_for_an_argument_of_the_wrong_kind(arguments: dict, message: str) -> None:
    """``clean_file(path, config={})`` cleaned with the defaults (an empty dict is false), and ``config={"timeout":
    1}`` raised AttributeError ('dict' object has no attribute 'max_bytes'): a new user's probe.  It checks its
    arguments as ``clean`` does, before the file is read."""
    with pytest.raises(TypeError, match=re.escape(message)):
        clean_file(SEEDS[0], **arguments)


CHOICES = "one of auto, text, html, markdown"


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"site": 5}, TypeError, "{} takes site as str or None, not int"),
        ({"format": None}, TypeError, f"{{}} takes format as a str ({CHOICES}), not NoneType"),
        ({"format": "htm"}, ValueError, f"{{}}: unknown format 'htm' (expected {CHOICES})"),
    ],
    ids=["site int", "format None", "format unknown"],
)
def test_a_wrong_site_or_format_is_the_same_error_in_each_function(
    arguments: dict, error: type[Exception], message: str, tmp_path: Path
) -> None:
    """``site=5`` was accepted silently by ``clean`` and ``clean_file`` (and ``clean_many``); ``clean(format=None)``
    raised ``CleanError`` ("unknown format None; choose one of ...") where ``clean_many`` raised ``ValueError`` in
    other words.  Each function now says the same, naming itself, before any document is read (an empty document
    and a missing file, which would be errors of their own): ``TypeError`` for a wrong type, ``ValueError`` (never
    ``CleanError``, which is for bad input) for an unknown value.  ``clean_file`` takes no format."""
    calls = {
        "clean()": lambda: clean(b"", **arguments),
        "clean_many()": lambda: clean_many([b""], **arguments),
        "clean_file()": lambda: clean_file(tmp_path / "missing.txt", **arguments),
    }
    for caller, call in calls.items():
        if caller == "clean_file()" and "format" in arguments:
            continue
        with pytest.raises(error) as raised:
            call()
        assert str(raised.value) == message.format(caller) and not isinstance(raised.value, CleanError)


def test_a_text_with_a_lone_surrogate_is_refused_not_left_for_the_writer(tmp_path: Path) -> None:
    """No UTF-8 file can hold a lone surrogate: cleaning it would only move the failure to the writer,
    which would lose the whole output file.  In a stream it is one failure, and the stream goes on."""
    text = "A paragraph of prose \udc9f that a bad decoder left behind, long enough to be kept."
    with pytest.raises(CleanError, match=r"not valid Unicode: the text holds a lone surrogate \\udc9f"):
        clean(text)
    with JsonlWriter(tmp_path / "out.jsonl") as out:
        results = list(clean_many([text, SEEDS[0].read_text(encoding="utf-8")]))
        for result in results:
            out.write(result.to_dict())
    assert [result.ok for result in results] == [False, True]
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_load_config_takes_a_str_and_names_an_unknown_rule(tmp_path: Path) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_text('disable = ["cookie", "share.follow-us"]\n', encoding="utf-8")
    assert load_config(str(path)).disable == frozenset({"cookie", "share.follow-us"})
    path.write_text('disable = ["nonexistent.rule"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'disable' names 'nonexistent.rule', which is no furniture rule id or"):
        load_config(str(path))
    (tmp_path / "a.txt").write_bytes(SEEDS[0].read_bytes())
    result = clean_in_process("a.txt", "--config", "cleaner.toml", cwd=tmp_path)
    assert result.returncode == 2 and "nonexistent.rule" in result.stderr and result.stdout == ""


def test_disabling_a_layers_decision_says_to_keep_the_block_instead() -> None:
    # --explain shows the ids of the layers' own decisions beside the rules'; only rules can be switched off
    for name in ("classifier", "metadata.byline", "metadata.author-repeat"):
        with pytest.raises(ConfigError, match=r"are no rules, so protect such a block with 'keep' instead"):
            Config(disable=[name])


def test_disabling_a_category_leaves_no_rule_of_that_name() -> None:
    # a user who switches off "medium" reads no "medium.*" id in the audit: the line repeating an author's
    # name is the metadata layer's decision (it cannot be switched off), and its id says so
    removed = clean(SEEDS[1].read_bytes(), config=Config(disable=["medium"])).removed
    assert any(entry.layer == "metadata" for entry in removed)
    assert not [entry.rule for entry in removed if entry.rule.startswith("medium.")]


def test_the_url_given_is_kept() -> None:
    url = "https://news.example.org/2024/01/story"
    article = clean(SEEDS[0].read_bytes(), url=url)
    assert article.url == url and article.to_dict()["url"] == url
    (record,) = clean_many([{"id": "a", "text": SEEDS[0].read_text(encoding="utf-8"), "url": url}])
    assert record.to_dict()["url"] == url  # type: ignore[union-attr]


def schema_validator(definition: str = "") -> object:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema comes with the 'test' extra")
    schema = json.loads(resources.files("cleaner").joinpath(ARTICLE_SCHEMA).read_text(encoding="utf-8"))
    if definition:
        schema = {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]}
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_to_json_and_the_shipped_schema_agree() -> None:
    validator = schema_validator()
    articles = [clean(path.read_bytes()) for path in SEEDS] + [clean(path.read_bytes()) for path in PAGES[:6]]
    assert any(article.removed for article in articles) and any(article.authors for article in articles)
    for article in articles:
        data = json.loads(article.to_json())
        assert data == article.to_dict()
        validator.validate(data)  # type: ignore[attr-defined]
    broken = {**articles[0].to_dict(), "published": "6 January 2024"}
    assert not validator.is_valid(broken)  # type: ignore[attr-defined]
    assert not validator.is_valid({**articles[0].to_dict(), "extra": 1})  # type: ignore[attr-defined]


def test_every_record_a_run_writes_fits_the_schema(tmp_path: Path) -> None:
    validator = schema_validator("record")
    records = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")}) for path in SEEDS[:2]]
    records.write_text("\n".join([*lines, "{broken"]) + "\n", encoding="utf-8")
    (tmp_path / "story.txt").write_bytes(SEEDS[2].read_bytes())
    result = clean_in_process("story.txt", records, "--format", "jsonl", "--quiet", cwd=tmp_path)
    written = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(written) == 3
    for record in written:
        validator.validate(record)  # type: ignore[attr-defined]
    failure = next(clean_many([b"\x00binary"]))
    validator.validate(failure.to_dict())  # type: ignore[attr-defined]


def test_the_package_says_its_version(tmp_path: Path) -> None:
    assert cleaner.__version__ and cleaner.__version__[0].isdigit()
    result = clean_in_process("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == f"clean (cleaner) {cleaner.__version__}\n"
    assert (Path(cleaner.__file__).parent / "py.typed").is_file()


def test_standard_input_is_one_document(tmp_path: Path) -> None:
    data = SEEDS[0].read_bytes()
    result = clean_in_process("-", "--format", "json", cwd=tmp_path, stdin=data)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"source": "-", **clean(data).to_dict()}
    mixed = clean_in_process("-", "other.txt", cwd=tmp_path, stdin=data)
    assert mixed.returncode == 2 and "- reads one document from standard input" in mixed.stderr


def test_standard_input_is_written_to_the_file_o_names(tmp_path: Path) -> None:
    """docs/cli.md: ``-`` "writes it to standard output, or to the file ``-o`` names".  ``-o article`` made a
    folder ``article/`` holding a file named ``-.json``; it is now the file, and a folder is a clear error."""
    data = SEEDS[0].read_bytes()
    for name in ("article", "article.json"):
        result = clean_in_process("-", "-o", name, "--quiet", cwd=tmp_path, stdin=data)
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert json.loads((tmp_path / name).read_text(encoding="utf-8")) == {"source": "-", **clean(data).to_dict()}
    result = clean_in_process("-", "-o", "article.md", "--quiet", cwd=tmp_path, stdin=data)  # the name's format
    markdown = clean_in_process("-", "--format", "md", cwd=tmp_path, stdin=data).stdout
    assert result.returncode == 0 and (tmp_path / "article.md").read_text(encoding="utf-8") == markdown
    (tmp_path / "folder").mkdir()
    result = clean_in_process("-", "-o", "folder", cwd=tmp_path, stdin=data)
    assert result.returncode == 2 and list((tmp_path / "folder").iterdir()) == []
    assert (
        result.stderr == "clean: error: cannot write folder: a folder; - writes its one document to the file -o names\n"
    )


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    """``clean dir --format jsonl | head -1``, with a real pipe whose reader goes away."""
    (tmp_path / "corpus").mkdir()
    for number in range(12):
        shutil.copyfile(SEEDS[number % len(SEEDS)], tmp_path / "corpus" / f"{number:02d}.txt")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "cleaner.cli", "corpus", "--format", "jsonl", "--jobs", "2"]
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what head does after one line
    error = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 0
    assert json.loads(first)["source"] == "corpus/00.txt"
    assert error == "", error


@pytest.mark.skipif(
    shutil.which("mypy") is None and not (Path(sys.executable).parent / "mypy").exists(), reason="no mypy"
)
def test_mypy_is_clean_on_the_package() -> None:
    mypy = shutil.which("mypy") or str(Path(sys.executable).parent / "mypy")
    result = subprocess.run([mypy, "cleaner"], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_clean_file_reads_a_file_as_the_command_does(tmp_path: Path) -> None:
    """``from cleaner import clean_file`` did not exist: a library user cleaning files had to read them and
    choose the format by suffix (and the refusals) as the command does.  ``clean_file`` gives the command's
    article for every seed and fixture page, and refuses what the command refuses with a ``CleanError`` naming
    the file."""
    from cleaner import CleanError, Config, clean_file
    from cleaner.run.batch import Settings, process

    root = Path(__file__).resolve().parent.parent
    files = [*sorted((root / "seeds").glob("*.txt")), *sorted((root / "fixtures" / "html").glob("*.html"))[:3]]
    (tmp_path / "story.md").write_bytes(files[0].read_bytes())
    for path in [*files, tmp_path / "story.md"]:
        assert clean_file(path) == process(Settings(Config()), path).article, path
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\x00\x00\x00 binary")
    for name, reason in [("empty.txt", "empty"), ("photo.txt", "binary data"), ("missing.txt", "no such file")]:
        with pytest.raises(CleanError, match=f"^{re.escape(str(tmp_path / name))}: {reason}"):
            clean_file(tmp_path / name)
    with pytest.raises(CleanError, match="too large"):
        clean_file(files[0], config=Config(max_bytes=100))


def test_clean_file_refuses_a_file_of_many_documents(tmp_path: Path) -> None:
    """The command reads ``.jsonl`` and ``.warc`` files record by record; ``clean_file``, which says it reads a
    file as the command does, cleaned a JSON Lines file whole as one text article (its body the JSON) and called a
    WARC file binary data.  Both are a ``CleanError`` naming the file and saying how to clean its records."""
    record = json.dumps({"id": "a", "text": SEEDS[2].read_text(encoding="utf-8")})
    (tmp_path / "crawl.jsonl").write_text(record + "\n", encoding="utf-8")
    (tmp_path / "crawl.warc.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00")
    for name in ("crawl.jsonl", "crawl.warc.gz"):
        with pytest.raises(CleanError, match=f"^{re.escape(str(tmp_path / name))}: a JSON Lines, WARC or feed file"):
            clean_file(tmp_path / name)


def test_clean_file_says_how_to_clean_the_records_in_words_that_run(tmp_path: Path) -> None:
    """The refusal of a JSON Lines file says how to clean its records; pasted after ``import cleaner``, what it said
    (``cleaner.run.stream.clean_many(cleaner.io.documents.documents_from_path(path))``) was an AttributeError: the
    package imports its modules when first asked for a public name, never ``cleaner.run``."""
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"id": "a", "text": SEEDS[2].read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    with pytest.raises(CleanError) as refused:
        clean_file(crawl)
    said = str(refused.value).split("clean its records with ", 1)[1]
    call, _, imports = said.partition(", after ")
    script = f"import cleaner\n{imports}\nfrom pathlib import Path\npath = Path({str(crawl)!r})\n"
    script += f"print([result.ok for result in {call}])\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[True]\n"
