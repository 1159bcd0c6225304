"""A folder walk takes article files whatever the case of their suffix, as pre-commit does.

``NOTES.TXT`` or ``story.MD`` (corpora saved on Windows, cameras, old crawlers) were passed over by
``clean corpus/`` without a word, while the pre-commit hooks, which pass files by their type
whatever the suffix's case, cleaned them: the include globs now ignore letter case.
"""

from __future__ import annotations

from pathlib import Path

from clirun import clean_in_process as clean_command

from cleaner.io.documents import input_files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_upper_case_suffixes_are_walked_and_read_by_their_kind(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = ["a.txt", "B.TXT", "c.Md", "D.HTML"]
    sources = [*SEEDS[:3], sorted((ROOT / "fixtures" / "html").glob("*.html"))[0]]
    for name, source in zip(names, sources, strict=True):
        (corpus / name).write_bytes(source.read_bytes())
    (corpus / "photo.JPG").write_bytes(b"\xff\xd8\xff\xe0 not an article")
    result = clean_command("corpus", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["B.json", "D.json", "a.json", "c.json"]
    assert result.stderr.splitlines()[-1].startswith("4 files read: ")
    assert [path.name for path in input_files(corpus)] == ["B.TXT", "D.HTML", "a.txt", "c.Md"]
