"""Front matter other tools write: ``author``, ``date``, ``lastmod`` ... read as the article's authors and dates.

trafilatura's Markdown with metadata, Jekyll, Hugo and Pelican posts name an article's authors and dates with
keys of their own.  ``cleaner.metadata.frontkeys`` reads them where cleaner's own keys are absent, and the keys
stay in the file as written.  The documents below are made up, in trafilatura's and Hugo's shapes.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from clirun import clean_in_process as clean_command
from madeup import PROSE, TITLE

from cleaner import CleanError, clean
from cleaner.io.markdown import render_markdown, split_front_matter
from cleaner.model import ARTICLE_SCHEMA


def trafilatura_shaped(author: str = "Par Jane Doe; John Roe", date: str = '"2024-01-05"') -> str:
    front = f"title: {TITLE}\nauthor: {author}\nurl: https://news.example.org/tram\nhostname: news.example.org\n"
    front += f"date: {date}\ncategories: ['city']\nfingerprint: \"664a4b9ba9b5dfd4\"\n"
    return f"---\n{front}---\n# {TITLE}\n\n" + "\n\n".join(PROSE) + "\n"


def test_other_tools_keys_give_the_authors_and_the_date() -> None:
    article = clean(trafilatura_shaped(), format="markdown")
    assert article.authors == ("Jane Doe", "John Roe")  # split on ";", "Par" dropped, as a page's author value
    assert article.published == "2024-01-05"
    assert article.metadata.source("authors") == "front-matter" == article.metadata.source("published")


def test_the_keys_stay_in_the_file_and_rewriting_it_is_a_fixed_point() -> None:
    source = trafilatura_shaped()
    front, _ = split_front_matter(source)
    assert front is not None
    first = render_markdown(clean(source, format="markdown"), extra=front.extra)
    assert "\nauthor: Par Jane Doe; John Roe\n" in first and "\nauthors:\n- Jane Doe\n- John Roe\n" in first
    again, _ = split_front_matter(first)
    assert again is not None
    assert render_markdown(clean(first, format="markdown"), extra=again.extra) == first


def test_cleaner_s_own_keys_win_and_what_is_no_date_or_no_person_is_dropped() -> None:
    own = trafilatura_shaped().replace("author: Par", "authors: [Ann Lee]\nauthor: Par")
    assert clean(own, format="markdown").authors == ("Ann Lee",)
    article = clean(trafilatura_shaped(author="Reuters", date="sometime"), format="markdown")
    assert article.authors == () and article.published is None
    structured = clean(trafilatura_shaped(author="[{name: Jane Doe}, 7, Ann Lee]"), format="markdown")
    assert structured.authors == ("Ann Lee",)  # a mapping or a number is no name


def test_hugo_s_lastmod_is_the_update() -> None:
    source = trafilatura_shaped().replace("fingerprint:", "lastmod: 2024-01-07T09:30:00+01:00\nfingerprint:")
    assert clean(source, format="markdown").updated == "2024-01-07T09:30:00+01:00"


def test_cleaners_own_date_and_language_keys_are_iso_or_an_error(tmp_path: Path) -> None:
    """``published: next tuesday`` or ``language: english`` under cleaner's own keys went into the article as
    written: no ISO value, and a record failing the package's JSON Schema.  A date written another way is read
    as ISO 8601; a value that is none is one error line naming the file and the key, and ``--in-place`` leaves
    the file as it is (dropping the value would lose it from the file)."""

    def document(line: str) -> str:
        return f"---\ntitle: {TITLE}\n{line}\n---\n\n" + "\n\n".join(PROSE) + "\n"

    assert clean(document("published: 1985-03-01"), format="markdown").published == "1985-03-01"  # any year
    assert clean(document("published: 2024-01-06 10:00"), format="markdown").published == "2024-01-06T10:00:00"
    assert clean(document("updated: 6 January 2024"), format="markdown").updated == "2024-01-06"
    assert clean(document("language: EN"), format="markdown").language == "en"
    for line, message in [
        ("published: next tuesday", "front matter key 'published' must be a date (ISO 8601: 2024-01-06), not "),
        ("updated: 2024-02-30", "front matter key 'updated' must be a date (ISO 8601: 2024-01-06), not "),
        ("language: english", "front matter key 'language' must be a two-letter ISO 639-1 code or a locale that "),
    ]:
        with pytest.raises(CleanError, match=re.escape(message)):
            clean(document(line), format="markdown")
        (tmp_path / "a.md").write_text(document(line), encoding="utf-8")
        result = clean_command("a.md", "--in-place", cwd=tmp_path)
        assert result.returncode == 2 and result.stderr.startswith(f"a.md: error: {message}"), result.stderr
        assert (tmp_path / "a.md").read_text(encoding="utf-8") == document(line)


def test_a_year_alone_stays_a_year_and_fits_the_schema() -> None:
    """``published: 2020`` was kept as ``"2020"`` (the source's precision), which the package's own JSON Schema
    refused (its date needed a month): a hook's file failed validation downstream.  A year is a date of the
    schema's shapes now, and the front matter check reads the shapes from the schema itself, so the two cannot
    disagree again; a year is never made more precise (``2020-01-01``)."""
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema comes with the 'test' extra")
    schema = json.loads(resources.files("cleaner").joinpath(ARTICLE_SCHEMA).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    document = f"---\ntitle: {TITLE}\npublished: 2020\nupdated: 2021-03\n---\n\n" + "\n\n".join(PROSE) + "\n"
    article = clean(document, format="markdown")
    assert (article.published, article.updated) == ("2020", "2021-03")
    validator.validate(article.to_dict())
    for value in ("2020\n", "٢٠٢٠"):  # another way of writing the year is read as it
        assert (
            clean(document.replace("published: 2020", f"published: {json.dumps(value)}"), format="markdown").published
            == "2020"
        )
    for value in ("2020-1", "2020-13", "20"):
        with pytest.raises(CleanError):
            clean(document.replace("published: 2020", f"published: {json.dumps(value)}"), format="markdown")


def hugo_toml(front: str) -> str:
    return f"+++\n{front}+++\n\n" + "\n\n".join(PROSE) + "\n"


def test_hugo_s_toml_front_matter_is_read_as_yaml_s_is(tmp_path: Path) -> None:
    """Hugo writes front matter in TOML between ``+++`` lines by default (Zola only so): it was body text, its
    ``title = ...`` and ``+++`` lines kept in the article and its title, authors and dates not read.  Now it is
    front matter: the same article as its YAML twin, ``--in-place`` rewrites it into the canonical YAML form
    keeping every key (a second run changes nothing), a block that means TOML and does not parse is an error
    naming the file, and ``+++`` lines around no ``key =`` line are read as before."""
    toml = f'title = "{TITLE}"\nauthor = "Jane Doe"\ndate = 2024-01-05T10:00:00+01:00\ndraft = false\n'
    toml += '[taxonomies]\ntags = ["city"]\n'
    yaml_twin = f"---\ntitle: {TITLE}\nauthor: Jane Doe\ndate: 2024-01-05T10:00:00+01:00\ndraft: false\n"
    yaml_twin += "taxonomies:\n  tags: [city]\n---\n\n" + "\n\n".join(PROSE) + "\n"
    for format in ("markdown", "auto"):
        article = clean(hugo_toml(toml), format=format)
        assert article.to_dict() == clean(yaml_twin, format="markdown").to_dict()
        assert (article.title, article.authors, article.published) == (
            TITLE,
            ("Jane Doe",),
            "2024-01-05T10:00:00+01:00",
        )
        assert "+++" not in article.text and "title =" not in article.text
    post = tmp_path / "post.md"
    post.write_text(hugo_toml(toml), encoding="utf-8")
    assert clean_command("post.md", "--in-place", cwd=tmp_path).returncode == 1
    rewritten = post.read_text(encoding="utf-8")
    assert rewritten.startswith("---\n") and "\ndraft: false\n" in rewritten and "\n  tags:\n  - city\n" in rewritten
    assert clean_command("post.md", "--in-place", cwd=tmp_path).returncode == 0
    (tmp_path / "bad.md").write_text(hugo_toml('title = "unclosed\n'), encoding="utf-8")
    result = clean_command("bad.md", "--check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("bad.md: error: front matter is not valid TOML: ")
    plain = "+++\n\nA line between two rows of pluses.\n\n+++\n\n" + "\n\n".join(PROSE) + "\n"
    assert clean(plain).title is None and "A line between two rows of pluses." in clean(plain).text
