"""A live blog's time stamps (trial45): extraction dropped each entry's ``<time>`` stamp silently, so the body
lost the order of events with no audit entry.  They are put back before their entries
(``cleaner.html.entries``); one ``<time>`` over an article is its dateline, never body."""

from __future__ import annotations

from test_page_shapes import PARAGRAPHS, TITLE

from cleaner import clean

STAMPS = ["14:32", "13:58", "13:15", "12:40"]


def live(stamps: list[str]) -> str:
    entries = "".join(
        f'<div class="entry"><p class="stamp"><time datetime="2024-03-12T{stamp}">{stamp}</time></p><p>{text}</p></div>'
        for stamp, text in zip(stamps, PARAGRAPHS, strict=False)
    )
    rest = "".join(f"<p>{text}</p>" for text in PARAGRAPHS[len(stamps) :])
    return f'<html lang="en"><body><article><h1>{TITLE}</h1>{entries}{rest}</article></body></html>'


def test_a_live_blog_keeps_each_entrys_time_stamp_before_it() -> None:
    article = clean(live(STAMPS), format="html")
    expected = [piece for stamp, text in zip(STAMPS, PARAGRAPHS, strict=True) for piece in (stamp, text)]
    assert [block.text for block in article.blocks] == expected


def test_an_articles_one_time_element_stays_out_of_its_body() -> None:
    """An article's dateline in a <time> (and two entries' stamps) are no live blog: the body is the paragraphs."""
    for stamps in (["8:30"], STAMPS[:2]):
        article = clean(live(stamps), format="html")
        assert [block.text for block in article.blocks] == PARAGRAPHS


def with_head(html: str, head: str) -> str:
    return html.replace('<html lang="en">', f'<html lang="en"><head>{head}</head>', 1)


MODIFIED_DAY = '<meta property="article:modified_time" content="2024-03-12">'
PUBLISHED_META = '<meta property="article:published_time" content="2024-03-12T09:05:00">'


def test_a_live_blog_is_published_when_it_opened_and_updated_at_its_latest_entry() -> None:
    """Entries run newest first: the first <time> is the latest entry's, which was taken for the publication, later
    than the day the page declares as its update (trial46)."""
    for head in ("", MODIFIED_DAY):
        article = clean(with_head(live(STAMPS), head), format="html")
        assert (article.published, article.updated) == ("2024-03-12T12:40:00", "2024-03-12T14:32:00")


def test_a_live_blogs_declared_publication_stays() -> None:
    article = clean(with_head(live(STAMPS), PUBLISHED_META + MODIFIED_DAY), format="html")
    assert (article.published, article.updated) == ("2024-03-12T09:05:00", "2024-03-12T14:32:00")


def test_an_articles_dateline_is_its_publication() -> None:
    """One <time> over an article (no live blog) is still its publication, and no update is made up."""
    article = clean(live(["8:30"]), format="html")
    assert (article.published, article.updated) == ("2024-03-12T08:30:00", None)


DECLARED_LD = (
    '<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "Live", '
    '"datePublished": "2024-03-12T08:00:00Z", "dateModified": "2024-03-12T14:40:00Z"}</script>'
)


def test_a_live_blogs_declared_publication_is_not_its_latest_moment() -> None:
    """An entry's stamp without an offset giving the modification's wall-clock time ("12:40" for 14:40 UTC)
    localised the declared modification (12:40-02:00), and that value, more precise than the day's others,
    stated the publication (trial46)."""
    for stamps in (STAMPS, ["14:40", "13:58", "13:15", "12:40"]):
        article = clean(with_head(live(stamps), DECLARED_LD), format="html")
        assert (article.published, article.updated) == ("2024-03-12T08:00:00+00:00", "2024-03-12T14:40:00+00:00")


def test_an_entry_two_hours_later_sets_no_offset_for_the_declared_publication() -> None:
    """A live blog written in UTC: its first entry's stamp (23:30, no offset) shows the declared publication's
    wall-clock time, and an entry two hours later (01:30) is no local reading of it; that one localised the
    publication to the next day (2024-03-13T01:30:00+02:00): a time-zone rule that moves a late-evening moment."""
    stamps = ["2024-03-13T03:10", "2024-03-13T02:45", "2024-03-13T01:30", "2024-03-12T23:30"]
    entries = "".join(
        f'<div class="entry"><p class="stamp"><time datetime="{stamp}">{stamp[11:]}</time></p><p>{text}</p></div>'
        for stamp, text in zip(stamps, PARAGRAPHS, strict=False)
    )
    html = f'<html lang="en"><body><article><h1>{TITLE}</h1>{entries}</article></body></html>'
    declared = DECLARED_LD.replace("2024-03-12T08:00:00Z", "2024-03-12T23:30:00Z").replace(
        "2024-03-12T14:40:00Z", "2024-03-13T03:10:00Z"
    )
    article = clean(with_head(html, declared), format="html")
    assert (article.published, article.updated) == ("2024-03-12T23:30:00+00:00", "2024-03-13T03:10:00+00:00")
