"""Web feeds (RSS, Atom): each item cleaned as a page, with the title, authors, dates and link the item gives.

The feeds are written here (made-up articles), as WordPress, Atom blogs and news sites publish them: the whole
article in ``content:encoded`` or Atom's ``content``, or only a summary.  They are read through the real command
(``clean news.rss -o out.jsonl``) and through ``documents_from_path`` and ``clean_many``.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from clirun import clean_in_process

from cleaner import CleanError, clean, clean_file
from cleaner.io.documents import documents_from_path, is_container
from cleaner.io.feeds import iso_date, item_page
from cleaner.io.records import Document, Failure
from cleaner.run.stream import clean_many

BRIDGE = (
    "<p>The city council approved the construction of a new bridge over the river on Monday evening, after a "
    "debate that lasted more than four hours.</p><p>Supporters said the bridge would cut commuting times for "
    "thousands of residents. Opponents raised concerns about the cost, which is estimated at 40 million euros.</p>"
    "<p>Share this article</p>"
)
LIBRARY = (
    "<p>The public library will open on Sundays from next month, the first change to its hours in twenty years. "
    "Readers had asked for longer hours in a survey last autumn.</p><p>The extra hours are paid for by a grant "
    "from the regional government, which covers the staff for two years.</p>"
)


def rss(*items: str, language: str = "en-us") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Example News</title><link>https://news.example.org/</link><language>{language}</language>"
        + "".join(items)
        + "</channel></rss>"
    )


def rss_item(title: str, slug: str, body: str | None, *, author: str = "Jane Miller", summary: str = "") -> str:
    content = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if body is not None else ""
    return (
        f"<item><title>{title}</title><link>https://news.example.org/2024/05/{slug}</link>"
        f"<dc:creator>{author}</dc:creator><pubDate>Tue, 14 May 2024 08:30:00 +0200</pubDate>"
        f"<description>{summary}</description>{content}</item>"
    )


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Notes</title><id>urn:example:notes</id><updated>2024-03-02T10:00:00Z</updated>
  <entry>
    <title>Library opens on Sundays</title><id>urn:example:1</id>
    <link rel="alternate" href="https://notes.example.net/library-sundays"/>
    <author><name>Tomás Ortega</name></author>
    <published>2024-03-01T09:15:00+01:00</published><updated>2024-03-02T10:00:00Z</updated>
    <content type="html">{library}</content>
  </entry>
  <entry>
    <title>Plain words</title><id>urn:example:2</id>
    <link rel="alternate" href="https://notes.example.net/plain"/>
    <updated>2024-03-03T10:00:00Z</updated>
    <content type="text">A first paragraph of plain text that tells a short story about the harbour and its boats.

A second paragraph &lt;b&gt;with markup written as text&lt;/b&gt;, which stays text.</content>
  </entry>
</feed>
"""


def records(ran_stdout: str) -> list[dict]:
    return [json.loads(line) for line in ran_stdout.splitlines() if line.strip()]


def test_an_rss_feed_gives_one_article_per_item(tmp_path: Path) -> None:
    """Each item is an article with its own title, author, date (offset kept), link and the channel's language;
    the item's furniture is removed as a page's is."""
    feed = rss(rss_item("Council approves the new bridge", "bridge", BRIDGE), rss_item("Sunday hours", "lib", LIBRARY))
    (tmp_path / "news.rss").write_text(feed, encoding="utf-8")
    ran = clean_in_process("news.rss", "--format", "jsonl", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    first, second = records(ran.stdout)
    assert (first["id"], second["id"]) == ("news.rss#1", "news.rss#2")
    assert first["title"] == "Council approves the new bridge" and first["authors"] == ["Jane Miller"]
    assert first["published"] == "2024-05-14T08:30:00+02:00"
    assert first["url"] == "https://news.example.org/2024/05/bridge" and first["language"] == "en"
    assert first["text"].startswith("The city council approved") and "Share this article" not in first["text"]
    assert [removal["text"] for removal in first["removed"]] == ["Share this article"]
    assert second["text"].startswith("The public library will open on Sundays")
    assert "2 records of 1 JSON Lines/WARC/feed file" in ran.stderr


def test_an_atom_feed_reads_html_and_plain_text_content(tmp_path: Path) -> None:
    """Atom's escaped HTML is read as HTML, its plain text as text (markup written as text stays text); the
    entry's published and updated dates are both kept."""
    (tmp_path / "notes.atom").write_text(ATOM.format(library=LIBRARY.replace("<", "&lt;")), encoding="utf-8")
    documents = list(documents_from_path(tmp_path / "notes.atom"))
    assert [type(item) for item in documents] == [Document, Document]
    assert all(item.format == "html" for item in documents)  # each item is a page
    assert documents[0].url == "https://notes.example.net/library-sundays"
    library, plain = [result.article for result in clean_many(documents)]
    assert library.title == "Library opens on Sundays" and library.authors == ("Tomás Ortega",)
    assert (library.published, library.updated) == ("2024-03-01T09:15:00+01:00", "2024-03-02T10:00:00+00:00")
    assert plain.text.startswith("A first paragraph of plain text")
    assert "<b>with markup written as text</b>" in plain.text


def test_an_item_without_content_fails_alone(tmp_path: Path) -> None:
    """One item with neither content nor a summary is one error line; the items around it are cleaned."""
    feed = rss(
        rss_item("Council approves the new bridge", "bridge", BRIDGE),
        rss_item("An empty item", "empty", None),
        rss_item("Sunday hours", "lib", LIBRARY),
    )
    (tmp_path / "news.rss").write_text(feed, encoding="utf-8")
    ran = clean_in_process("news.rss", "-o", "out.jsonl", cwd=tmp_path)
    assert ran.returncode == 2
    assert "news.rss#2: error: a feed item with no content (neither content nor a summary)" in ran.stderr
    written = records((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert [record["id"] for record in written] == ["news.rss#1", "news.rss#3"]


def test_a_summary_is_the_content_when_there_is_no_other(tmp_path: Path) -> None:
    summary = "The council voted on Monday to build a bridge over the river, after a long debate on cost &amp; use."
    (tmp_path / "news.rss").write_text(
        rss(rss_item("A vote on the bridge", "bridge", None, summary=summary)), encoding="utf-8"
    )
    (result,) = clean_many(documents_from_path(tmp_path / "news.rss"))
    assert result.article.text == summary.replace("&amp;", "&")


@pytest.mark.parametrize("name", ["feed.xml", "news.rss.gz", "feed.xml.gz"])
def test_a_feed_is_told_by_its_name_or_an_xml_files_root(tmp_path: Path, name: str) -> None:
    data = rss(rss_item("Council approves the new bridge", "bridge", BRIDGE)).encode()
    (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    assert is_container(tmp_path / name)
    ran = clean_in_process(name, "--format", "jsonl", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert records(ran.stdout)[0]["title"] == "Council approves the new bridge"


def test_an_xml_file_that_is_no_feed_is_read_as_before(tmp_path: Path) -> None:
    (tmp_path / "notes.xml").write_text("<notes><note>Buy bread and milk on the way home.</note></notes>")
    assert not is_container(tmp_path / "notes.xml")


NOT_FEEDS = ["<html><body><p>A page, not a feed.</p></body></html>", "just some words", "<item>one</item> " * 20_000]


@pytest.mark.parametrize("content", NOT_FEEDS, ids=["page", "words", "items-without-a-feed"])
def test_a_file_named_as_a_feed_that_is_none_says_so(tmp_path: Path, content: str) -> None:
    (tmp_path / "news.rss").write_text(content, encoding="utf-8")
    (failure,) = documents_from_path(tmp_path / "news.rss")
    assert isinstance(failure, Failure) and failure.id == failure.source == str(tmp_path / "news.rss")
    assert failure.reason == "not an RSS or Atom feed: its root element is no <rss>, <feed> or <rdf:RDF>"
    ran = clean_in_process("news.rss", "--format", "jsonl", cwd=tmp_path)
    assert ran.returncode == 2 and "news.rss: error: not an RSS or Atom feed: " in ran.stderr
    assert "Traceback" not in ran.stderr


def test_a_feed_in_utf16_is_read(tmp_path: Path) -> None:
    feed = rss(rss_item("Council approves the new bridge", "bridge", BRIDGE)).replace('"UTF-8"', '"UTF-16"')
    (tmp_path / "news.rss").write_bytes(feed.encode("utf-16"))
    (result,) = clean_many(documents_from_path(tmp_path / "news.rss"))
    assert result.article.title == "Council approves the new bridge"


def test_a_feed_cut_short_still_gives_its_whole_items(tmp_path: Path) -> None:
    """A feed whose end is missing (a download cut short) is read as far as it goes."""
    feed = rss(rss_item("Council approves the new bridge", "bridge", BRIDGE), rss_item("Sunday hours", "lib", LIBRARY))
    (tmp_path / "news.rss").write_text(feed[: feed.index("<item><title>Sunday")], encoding="utf-8")
    (result,) = clean_many(documents_from_path(tmp_path / "news.rss"))
    assert result.article.title == "Council approves the new bridge"


def test_a_feed_reads_no_external_entity(tmp_path: Path) -> None:
    """An entity naming a local file is not read into the article (feedparser is given bytes, entities off)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE", encoding="utf-8")
    feed = rss(rss_item("Council approves &xxe;", "bridge", BRIDGE))
    feed = feed.replace("<rss ", f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n<rss ', 1)
    (tmp_path / "news.rss").write_text(feed, encoding="utf-8")
    written = json.dumps([r.to_dict() for r in clean_many(documents_from_path(tmp_path / "news.rss"))])
    assert "TOPSECRETVALUE" not in written


def test_one_feed_file_is_no_single_article(tmp_path: Path) -> None:
    """``clean_file`` and ``clean()`` take one article: a feed says how its items are read."""
    feed = rss(rss_item("Council approves the new bridge", "bridge", BRIDGE))
    (tmp_path / "news.rss").write_text(feed, encoding="utf-8")
    with pytest.raises(CleanError, match="a JSON Lines, WARC or feed file holds many documents"):
        clean_file(tmp_path / "news.rss")
    with pytest.raises(CleanError, match=r"an RSS feed, not an article page: name its file \.rss, \.atom or \.xml"):
        clean(feed)


def test_an_item_page_keeps_its_markup_inert() -> None:
    """A title holding markup or a script's end stays text: in the heading escaped, in the JSON-LD unable to end
    its script."""
    page = item_page({"title": "Why </script><b>tags</b> matter", "content": [{"value": LIBRARY, "type": "text/html"}]})
    assert page is not None and page.count("</script>") == 1
    assert "<h1>Why &lt;/script&gt;&lt;b&gt;tags&lt;/b&gt; matter</h1>" in page
    assert clean(page, format="html").title == "Why </script><b>tags</b> matter"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Tue, 14 May 2024 08:30:00 +0200", "2024-05-14T08:30:00+02:00"),
        ("Tue, 14 May 2024 08:30:00 GMT", "2024-05-14T08:30:00+00:00"),
        ("2024-03-01T09:15:00+01:00", "2024-03-01T09:15:00+01:00"),
        ("", None),
        (None, None),
    ],
)
def test_item_dates_in_iso_8601(given: object, expected: str | None) -> None:
    assert iso_date(given) == expected
