"""The training scripts' ``--check``: the byte comparison of built and shipped model files (``bench/shipped.py``).

Training takes minutes, so the scripts' own training is replaced here by a stand-in that writes given bytes:
what is tested is the comparison, its message and exit code, and that ``--check`` writes nothing where the
shipped files are.
"""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pytest

from bench import shipped, train_metadata, train_page_metadata, train_text
from cleaner.layout.lexical import lexicon_path


def test_the_first_difference_is_the_first_line_that_differs_or_the_first_line_one_file_lacks() -> None:
    assert shipped.first_difference(b"a\nb\n", b"a\nb\n") is None
    assert shipped.first_difference(b"a\nb\nc\n", b"a\nB\nc\n") == 2
    assert shipped.first_difference(b"a\nb\n", b"a\nb\nc\n") == 3
    assert shipped.first_difference(b"a\nb\nc\n", b"a\nb\n") == 3
    assert shipped.first_difference(b"a\nb", b"a\nb\n") == 2  # the same lines, one without its last newline
    assert shipped.first_difference(b"", b"a\n") == 1


def test_check_says_which_files_differ_and_fails(tmp_path: Path) -> None:
    same_built, same_shipped = tmp_path / "same.built", tmp_path / "same.txt"
    other_built, other_shipped = tmp_path / "other.built", tmp_path / "other.txt"
    same_built.write_bytes(b"x\ny\n")
    same_shipped.write_bytes(b"x\ny\n")
    other_built.write_bytes(b"x\ny\nz\n")
    other_shipped.write_bytes(b"x\nY\nz\n")
    out = io.StringIO()
    assert shipped.check([(same_built, same_shipped), (other_built, other_shipped)], "train", out) == 1
    text = out.getvalue()
    assert f"{other_shipped}: the script builds a different file (first difference on line 2" in text
    assert str(same_shipped) not in text
    assert "not reproducible: `train`" in text
    out = io.StringIO()
    assert shipped.check([(same_built, same_shipped)], "train", out) == 0
    assert "reproducible: `train` rebuilds" in out.getvalue()


def test_a_missing_shipped_file_is_a_difference(tmp_path: Path) -> None:
    built = tmp_path / "built"
    built.write_bytes(b"x\n")
    absent = tmp_path / "absent"
    assert shipped.differences([(built, absent)]) == [f"{absent}: not there (the script built 2 bytes)"]


@pytest.fixture
def bench_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "bench"
    folder.mkdir()
    (folder / "folds.json").write_text("{}", encoding="utf-8")
    return folder


@pytest.mark.parametrize("lexicon", ["w 1\n", "w 2\n"])
def test_train_text_check_compares_the_model_and_its_lexicon(
    bench_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lexicon: str
) -> None:
    def write(_bench: Path, output: Path, _kinds: object = None) -> int:
        output.write_text("model\n", encoding="utf-8")
        lexicon_path(output).write_text("w 1\n", encoding="utf-8")
        return 0

    monkeypatch.setattr(train_text, "write", write)
    shipped_model = tmp_path / "text_model.txt"
    shipped_model.write_text("model\n", encoding="utf-8")
    lexicon_path(shipped_model).write_text(lexicon, encoding="utf-8")
    code = train_text.main([str(bench_dir), "-o", str(shipped_model), "--check"])
    assert code == (0 if lexicon == "w 1\n" else 1)
    assert lexicon_path(shipped_model).read_text(encoding="utf-8") == lexicon  # nothing written over it


@pytest.mark.parametrize("built", ["{}\n", "{ }\n"])
def test_train_metadata_check_compares_the_model(
    bench_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: str
) -> None:
    monkeypatch.setattr(train_metadata, "build", lambda *_a, **_k: SimpleNamespace(rows={}, documents=[]))
    monkeypatch.setattr(train_metadata, "model_text", lambda *_a: built)
    monkeypatch.setattr(train_metadata, "FIELDS", ())
    model = tmp_path / "metadata_model.json"
    model.write_text("{}\n", encoding="utf-8")
    assert train_metadata.main([str(bench_dir), "--out", str(model), "--check"]) == (0 if built == "{}\n" else 1)
    assert model.read_text(encoding="utf-8") == "{}\n"


@pytest.mark.parametrize("built", ["{}\n", "{ }\n"])
def test_train_page_metadata_check_compares_the_model(
    bench_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: str
) -> None:
    monkeypatch.setattr(train_page_metadata, "rows", lambda *_a: SimpleNamespace(rows={}, documents=[]))
    monkeypatch.setattr(train_page_metadata, "model_text", lambda *_a: built)
    monkeypatch.setattr(train_page_metadata, "PRODUCT_FIELDS", ())
    model = tmp_path / "page_metadata_model.json"
    model.write_text("{}\n", encoding="utf-8")
    code = train_page_metadata.main([str(bench_dir), "--out", str(model), "--check"])
    assert code == (0 if built == "{}\n" else 1)
    assert model.read_text(encoding="utf-8") == "{}\n"
