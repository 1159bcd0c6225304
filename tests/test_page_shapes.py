"""Page shapes many real sites serve that the benchmark barely holds (trial44), each a made-up page cleaned
whole: a JavaScript shell whose article is only in JSON-LD ``articleBody``; an RSS or Atom feed given by mistake."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from clirun import clean_in_process

from cleaner import CleanError, clean, clean_file

TITLE = "Westerlee closes old ferry slip for eleven weeks"
PARAGRAPHS = [
    "The harbour commission of Westerlee voted on Tuesday to close the old ferry slip for eleven weeks of "
    "repairs, leaving commuters from the northern islands to travel through the cargo terminal.",
    "Engineers found that the timber piles under the slip had rotted further than the last inspection, "
    "carried out four years ago, had suggested. Two of the piles no longer reach solid ground at low tide.",
    "The ferry operator will run a shuttle bus between the cargo terminal and the town centre every twenty "
    "minutes during the closure. Season tickets will be extended by the length of the works.",
    "Local shopkeepers on Quay Street fear that the loss of foot traffic will hurt their spring trade. "
    "Several of them asked the commission to reconsider the timing, without success.",
]


SHELL = '<div id="root"></div><noscript>Please enable JavaScript to read this site.</noscript>'


def shell(body: str, shown: str = SHELL) -> str:
    """A page rendered by script: ``shown`` in its markup, the article only in its JSON-LD ``articleBody``."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": TITLE,
        "articleBody": body,
        "datePublished": "2024-03-12T08:30:00+01:00",
        "author": {"@type": "Person", "name": "Tomas Vell"},
    }
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Westerlee Courier</title>'
        f'<script type="application/ld+json">{json.dumps(data)}</script></head><body>{shown}</body></html>'
    )


def test_an_article_only_in_json_ld_is_the_body(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(shell("\n\n".join(PARAGRAPHS)), encoding="utf-8")
    article = clean_file(page)
    assert [block.text for block in article.blocks] == PARAGRAPHS
    assert article.title == TITLE and article.authors == ("Tomas Vell",) and article.language == "en"
    removed = {removal.text: removal.rule for removal in article.removed}
    assert removed["Please enable JavaScript to read this site."] == "extractor.outside-content"  # audited, not body


def test_a_json_ld_body_written_as_html_is_read_as_paragraphs() -> None:
    body = "".join(f"<p>{text.replace('the', 'th&eacute;', 1)}</p>" for text in PARAGRAPHS)
    texts = [block.text for block in clean(shell(body), format="html").blocks]
    assert len(texts) == len(PARAGRAPHS) and texts[0].startswith("The harbour") and "thé" in texts[0]


def test_a_page_showing_its_lead_keeps_what_it_shows() -> None:
    """A paywalled page shows the lead and declares the whole text: the page's own text stays the body."""
    shown = f"<article><h1>{TITLE}</h1><p>{PARAGRAPHS[0]}</p><p>Subscribe to read the rest.</p></article>"
    article = clean(shell("\n\n".join(PARAGRAPHS), shown=shown), format="html")
    assert PARAGRAPHS[0] in article.text and PARAGRAPHS[2] not in article.text


RSS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Westerlee Courier</title>'
    + "".join(
        f"<item><title>Story {i}</title><link>https://westerlee-courier.example/news/{i}</link>"
        f"<description>{text}</description><pubDate>Tue, 12 Mar 2024 08:30:00 +0100</pubDate></item>"
        for i, text in enumerate(PARAGRAPHS)
    )
    + "</channel></rss>"
)
ATOM = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!-- generated -->\n<feed xmlns="http://www.w3.org/2005/Atom">'
    "<title>Westerlee Courier</title>"
    + "".join(
        f"<entry><title>Story {i}</title><id>tag:example,2024:{i}</id><updated>2024-03-12T08:30:00Z</updated>"
        f"<content type='html'>&lt;p&gt;{text}&lt;/p&gt;</content></entry>"
        for i, text in enumerate(PARAGRAPHS)
    )
    + "</feed>"
)


def test_a_feed_given_as_one_article_is_refused_naming_the_file(tmp_path: Path) -> None:
    """An RSS or Atom feed is a list of items, not an article: its text run together is no body.  Under a feed's
    name (``.rss``, ``.atom``, an ``.xml`` file whose root is a feed's) its items are documents (tests/test_feeds.py),
    so one article asked of it is refused as for any file of many documents; under a page's name, or given as
    content, the page reader refuses it and says how to read its items."""
    for name, feed in (("news.rss", RSS), ("atom.xml", ATOM)):
        (tmp_path / name).write_bytes(feed.encode("utf-8"))
        with pytest.raises(CleanError, match=f"{name}: a JSON Lines, WARC or feed file holds many documents"):
            clean_file(tmp_path / name)
    (tmp_path / "feed.html").write_bytes(RSS.encode("utf-8"))
    with pytest.raises(CleanError, match=r"feed\.html: an RSS feed, not an article page: name its file"):
        clean_file(tmp_path / "feed.html")
    with pytest.raises(CleanError, match=r"^an Atom feed, not an article page: name its file"):
        clean(ATOM)
    ran = clean_in_process("feed.html", "-o", "out", cwd=tmp_path)
    assert ran.returncode == 2 and "feed.html: error: an RSS feed, not an article page: name its file" in ran.stderr


def test_a_page_mentioning_a_feed_is_still_a_page() -> None:
    page = shell("", shown=f"<h1>{TITLE}</h1>" + "".join(f"<p>{text}</p>" for text in PARAGRAPHS))
    page = page.replace("<head>", '<head><link rel="alternate" type="application/rss+xml" href="/feed.rss">')
    assert clean("<!-- <rss> -->" + page, format="auto").text.startswith("The harbour commission")


def test_a_feed_is_told_by_its_root_element_alone() -> None:
    """``feed_kind`` looks for a root element's opening before it tries the root pattern: the answer is the
    pattern's on starts that hold such an opening or not (in a comment, after a doctype, a byte-order mark,
    in capitals, too late)."""
    from cleaner.io.feeds import _FEED_ROOT, feed_kind

    starts = [
        RSS, ATOM, "\ufeff" + ATOM, "<!DOCTYPE html><html><body><p>RSS</p>", "<!-- <rss> --><html>",
        "<!-- a --> <!-- b --> <RDF:RDF xmlns:rdf='x'>", "<?xml version='1.0'?>\n<FEED>", "<feedback>",
        " " * 4090 + "<rss>", "<!-- a -->" * 8 + "<html>", "<rss", "",
    ]  # fmt: skip
    for start in starts:
        match = _FEED_ROOT.match(start[:4096].lstrip("\ufeff"))
        assert feed_kind(start) == (
            None if match is None else {"rss": "RSS", "feed": "Atom"}.get(match["root"].lower(), "RSS")
        )
    assert [feed_kind(start) for start in starts[:3]] == ["RSS", "Atom", "Atom"]


def test_a_start_of_many_comments_is_sniffed_at_once() -> None:
    """A page opening with many comments and naming a feed element in its first 4 KB: read once, not tried
    again with each comment read on to a later "-->" (which took twice as long for every comment more)."""
    from cleaner.io.feeds import feed_kind

    start = "<!-- <feed> -->" * 24 + "<html><body><p>text</p></body></html>"
    started = time.process_time()
    assert feed_kind(start) is None
    assert feed_kind("<!-- a -->" * 200 + "<rss>") == "RSS"
    assert time.process_time() - started < 1.0


FRENCH = [
    "La commission du port de Westerlee a voté mardi la fermeture de l’ancien embarcadère du ferry pendant "
    "onze semaines de travaux. Les habitants des îles passeront par le terminal de fret jusqu’au printemps.",
    "Les ingénieurs ont constaté que les pieux en bois sous l’embarcadère étaient bien plus pourris que ne "
    "l’avait indiqué la dernière inspection, il y a quatre ans. Le billet de la navette coûte 2,50 €.",
]
JAPANESE = [
    "西浜市の港湾委員会は火曜日、老朽化したフェリー乗り場を十一週間にわたって閉鎖し、改修工事を行うことを"
    "決めた。北部の島々から通勤する人々は春の終わりまで貨物ターミナルを利用することになる。",
    "技術者の調査によると、乗り場の下にある木製の杭は、四年前の前回点検で示されたよりもはるかに腐食が"
    "進んでいた。干潮時には二本の杭が固い地盤に届いていないという。",
]


@pytest.mark.parametrize(
    ("charset", "lang", "dateline", "paragraphs", "published"),
    [
        ("windows-1252", "fr", "Publié le 12 mars 2024 à 8 h 30", FRENCH, "2024-03-12T08:30:00"),
        ("Shift_JIS", "ja", "2024年3月12日 8時30分", JAPANESE, "2024-03-12T08:30:00"),
    ],
)
def test_a_dateline_with_its_time_in_the_languages_signs_is_read_on_a_page_in_its_charset(
    tmp_path: Path, charset: str, lang: str, dateline: str, paragraphs: list[str], published: str
) -> None:
    """'à 8 h 30' (French typography) and '8時30分' (Japanese) are times: the dateline is metadata, not body."""
    body = "".join(f"<p>{text}</p>" for text in paragraphs * 2)
    page = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}"><title>Westerlee</title></head>'
        f'<body><article><h1>Westerlee</h1><p class="date">{dateline}</p>{body}</article></body></html>'
    )
    (tmp_path / "page.html").write_bytes(page.encode(charset))
    article = clean_file(tmp_path / "page.html")
    assert article.published == published and article.language == lang
    assert article.blocks[0].text == paragraphs[0]
    assert any(removal.text == dateline and removal.rule == "metadata.dateline" for removal in article.removed)


def test_a_paywalled_page_is_its_lead_without_the_subscription_box() -> None:
    """The box that stops the article after its lead (a heading, an offer, a login line) is furniture."""
    box = (
        '<div class="paywall"><h3>Subscribe to keep reading</h3><p>Get unlimited access to the Westerlee Courier '
        'for just 1 euro for the first month.</p><a href="/subscribe">Subscribe now</a>'
        '<p>Already a subscriber? <a href="/login">Log in</a></p></div>'
    )
    page = f'<html lang="en"><body><article><h1>{TITLE}</h1><p>{PARAGRAPHS[0]}</p>{box}</article></body></html>'
    article = clean(page, format="html")
    assert article.text == PARAGRAPHS[0]
    assert {removal.rule for removal in article.removed} == {
        "newsletter.paywall",
        "newsletter.read-the-rest",
        "newsletter.subscribe",
    }


def test_the_second_page_of_an_article_split_over_pages_is_its_text_without_the_page_numbers() -> None:
    pager = '<div class="pager"><a href="/news/ferry-slip">« Page 1</a> <span>Page 2 of 2</span></div>'
    page = f'<html lang="en"><body><article><h1>{TITLE}</h1><p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>{pager}'
    article = clean(page + "</article></body></html>", format="html")
    assert [block.text for block in article.blocks] == PARAGRAPHS[2:]
    assert [removal.rule for removal in article.removed] == ["navigation.page-numbers"]


def noscript_shell(article: str) -> str:
    """A page rendered by script whose article is given to readers without scripts in a ``<noscript>``."""
    return (
        "<!doctype html><html lang='en'><head><title>" + TITLE + " | Harbour News</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav></header>"
        f"<div id='app'></div><noscript>{article}</noscript><footer>© 2024 Harbour News</footer></body></html>"
    )


def test_an_article_given_in_noscript_is_read_as_a_page() -> None:
    """A made-up app shell whose article stood in ``<noscript>`` came out as one paragraph holding the headline,
    the byline and every paragraph (the extractors drop ``<noscript>``, then take the page's text whole) (trial47)."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    page = clean(noscript_shell(f"<article><h1>{TITLE}</h1><p class='byline'>By Tomas Vell</p>{paragraphs}</article>"))
    assert [block.text for block in page.blocks] == PARAGRAPHS
    assert (page.metadata.title, page.metadata.authors) == (TITLE, ("Tomas Vell",))


def test_a_page_showing_its_article_keeps_a_noscript_notice_out() -> None:
    """A page whose article is in its markup: a ``<noscript>`` beside it (a notice, an image's fallback) is left as
    the extractors leave it."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    notice = "<noscript><p>Please enable JavaScript to see the comments and the photo gallery.</p></noscript>"
    page = clean(f"<html><body><article><h1>{TITLE}</h1>{paragraphs}{notice}</article></body></html>")
    assert [block.text for block in page.blocks] == PARAGRAPHS
