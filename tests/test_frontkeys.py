"""Front matter other tools write: ``author``, ``date``, ``lastmod`` ... read as the article's authors and dates.

trafilatura's Markdown with metadata, Jekyll, Hugo and Pelican posts name an article's authors and dates with
keys of their own.  ``cleaner.metadata.frontkeys`` reads them where cleaner's own keys are absent, and the keys
stay in the file as written.  The documents below are made up, in trafilatura's and Hugo's shapes.
"""

from __future__ import annotations

from madeup import PROSE, TITLE

from cleaner import clean
from cleaner.io.markdown import render_markdown, split_front_matter


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
