"""Pages as reader services give them in Markdown: a header of ``Name: value`` lines over the page.

Jina Reader (``r.jina.ai``) and the tools that copy its form put ``Title:``, ``URL Source:``, sometimes
``Published Time:`` over a page's Markdown, then ``Markdown Content:``.  The header states the page's URL and
time, so they are the article's; its lines are no part of the article (one was taken for the subtitle, and the
time was lost to the page's shown day).  Written as a file, from standard input and as a library string.
"""

from __future__ import annotations

from pathlib import Path

from clirun import clean_in_process as clean_command
from madeup import MENU, PROSE, TITLE

from cleaner import clean
from cleaner.io.markdown import split_reader_header

URL = "https://news.example.org/city/2024/03/12/tram-network"
LINKS = "\n".join(f"*   [{item}](https://news.example.org/{item.lower()})" for item in MENU[:3])
PAGE = (
    f"{TITLE}\n{'=' * 15}\n\n{LINKS}\n\nBy [Jane Doe](https://news.example.org/authors/jane-doe)\n\n"
    + "\n\n".join(PROSE)
    + "\n"
)
HEADER = f"Title: {TITLE} | City News\n\nURL Source: {URL}\n\nPublished Time: 2024-03-12T09:30:00+01:00\n\n"
DUMP = f"{HEADER}Markdown Content:\n{PAGE}"


def test_the_header_states_the_url_and_time_and_stays_out_of_the_article() -> None:
    article = clean(DUMP)
    assert article.url == URL
    assert article.published == "2024-03-12T09:30:00+01:00"
    assert article.title == TITLE and article.subtitle is None
    assert article.authors == ("Jane Doe",)
    assert article.blocks[-1].text == PROSE[-1] and article.blocks[-4].text == PROSE[0]
    header_lines = ("Title:", "URL Source:", "Published Time:", "Markdown Content:")
    assert not any(
        line in text for text in (article.text, *(r.text for r in article.removed)) for line in header_lines[1:]
    )


def test_a_header_file_cleans_to_a_fixed_point(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(DUMP, encoding="utf-8")
    done = clean_command("page.md", "-o", "out.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert f"url: {URL}\n" in written and "Markdown Content" not in written
    again = clean_command("out.md", "--check", cwd=tmp_path)
    assert again.returncode == 0, again.stderr


def test_only_a_whole_header_is_read_as_one() -> None:
    assert split_reader_header(DUMP)[0] is not None
    no_url = DUMP.replace(f"URL Source: {URL}\n\n", "")
    assert split_reader_header(no_url) == (None, no_url)  # a text opening with "Title:" and no source
    prose = f"Title: {TITLE}\n\n{PROSE[0]}\n\nMarkdown Content:\n{PAGE}"
    assert split_reader_header(prose) == (None, prose)  # a sentence before the content line: no header
