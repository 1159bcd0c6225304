"""Markdown links and images read as their text, and Markdown without front matter judged as plain text.

Scrapers save pages as Markdown (html2text, markdownify): every menu entry a link, every picture an image.
``cleaner.text.links`` reads a link as its text and drops an image, in a document that holds at least
``MIN_LINKS`` of them; the pipeline reads Markdown without front matter as it reads plain text, so the text
model judges it.  The page below is made up: a site's menu of links, an article with links in its prose, a
picture, a list of other stories and a footer, as such converters write them.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean
from cleaner.text.links import MIN_LINKS, read_links, written_in_markdown

MENU = ["Home", "World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion"]
PROSE = [
    "The city council voted on Tuesday to expand the tram network to the northern districts, a plan that "
    "[residents had asked for](https://news.example.org/2024/tram-petition) since the line closed in 1998.",
    "Construction is expected to start next spring and to last about three years, according to the "
    "[transport department](https://city.example.org/transport), which will publish the route in March.",
    "Opponents argue that the money would be better spent on buses, which can serve more streets for the "
    "same price, and they plan to collect signatures for a referendum before the summer.",
    "The mayor said the decision was the most important one of her term and that the first trams would "
    "run before the next election, if the courts do not stop the works.",
]


def scraped_page() -> str:
    menu = "\n".join(f"  * [{name}](https://news.example.org/{name.lower()})" for name in MENU)
    related = "\n".join(
        f"  * [Other story number {n} about the city](https://news.example.org/story-{n})" for n in range(1, 6)
    )
    return (
        "[![News Example](https://news.example.org/logo.png)](https://news.example.org/)\n\n"
        f"{menu}\n\n"
        "# Council votes to extend the tram network\n\n"
        "By Ana Lima\n\n"
        f"{PROSE[0]}\n\n"
        "![A tram in the old town](https://news.example.org/img/tram.jpg)\n\n"
        + "\n\n".join(PROSE[1:])
        + "\n\n## Read more\n\n"
        f"{related}\n\n"
        "[Privacy](https://news.example.org/privacy) | [Terms](https://news.example.org/terms) | "
        "[Contact](https://news.example.org/contact)\n"
    )


def test_links_read_as_their_text_and_images_are_dropped() -> None:
    text = (
        'See [the report](https://example.org/a_(2024) "Report") and [the data](<https://example.org/b c>).\n'
        "![chart](https://example.org/c.png) [![logo](l.png)](https://example.org/) [](https://example.org/d)"
    )
    assert written_in_markdown(text)
    assert read_links(text) == "See the report and the data.\n  "


def test_a_text_quoting_the_syntax_less_than_min_links_times_keeps_it() -> None:
    text = "Write a link as [text](https://example.com) in Markdown. " * (MIN_LINKS - 1)
    assert not written_in_markdown(text)  # the pipeline reads no link in it (``reading._as_plain``)


def test_text_without_links_is_unchanged() -> None:
    text = "Prices [rose] (sharply) in May; see table [1] (below).\n" * 5
    assert not written_in_markdown(text) and read_links(text) == text


piece = st.sampled_from(["word", " ", "\n", "[", "]", "(", ")", "!", "https://x.org/a", '"t"', "<", ">", "[a](u)"])


@given(st.lists(piece, max_size=40).map("".join))
def test_reading_links_twice_changes_nothing_more(text: str) -> None:
    once = read_links(text)
    assert read_links(once) == once


def test_scraped_markdown_keeps_the_article_without_urls_or_menus() -> None:
    article = clean(scraped_page(), format="markdown")
    body = article.text
    for paragraph in PROSE:
        start = paragraph.split(",")[0].split("[")[0]
        assert start in body
    assert "residents had asked for since the line closed" in body
    assert "https://" not in body and "](" not in body
    assert "Other story number" not in body
    assert "Politics" not in body.split()
    assert article.title == "Council votes to extend the tram network"


def test_markdown_with_front_matter_has_its_links_read_as_their_text() -> None:
    source = "---\ntitle: Notes\n---\n\n" + "\n\n".join(PROSE) + "\n"  # one link: an authored post's
    text = clean(source, format="markdown").text
    assert "according to the transport department, which will publish" in text and "](" not in text
