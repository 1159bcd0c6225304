"""A page saved from a web archive: the archive's toolbar and its capture dates are not the article's.

A page replayed by the Wayback Machine carries the archive's toolbar: a capture count ("26 captures"), the span of
its captures ("29 Jan 2014 - 17 Jul 2019"), the month, day and year of this capture, "About this capture".  A
scraper's text dump of such a page keeps the toolbar's lines, and the span was read as a dateline: its first day
as the article's publication date and its last as the day it was updated.  Two unlabelled days either side of a
range dash are a period (the captures', an exhibition's, a conference's), a date line that dates no article.
The toolbar here is built as the archive writes it (its element ids and words), around a made-up article.

The archive's address is not the page's either: a replay address holds the archived page's own after the capture's
time stamp, and a page keys a site profile to the site it came from, not to the archive; the time stamp is the
capture's day, and the page's URL date is read from its own address.
"""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.corpus.learning import learn_profile
from cleaner.html.dates import url_dates
from cleaner.metadata.dates import find_dateline
from cleaner.report.records import site_of as record_site
from cleaner.sites.profile import site_of
from cleaner.text.urls import archived_address

PROSE = [
    "The council voted on Tuesday to bring back the night buses, and the line will run from the city centre to the "
    "station so that commuters from the villages can use it too.",
    "The mayor said half of the cost would be met by the regional government, and the timetable would apply from "
    "March for the nights from Friday to Saturday and from Saturday to Sunday.",
    "Residents who had campaigned for the buses for three years welcomed the decision at a meeting in the town hall "
    "on Tuesday evening, where the plans were shown to the public for the first time.",
]
ORIGINAL = "http://www.example.org/news/night-buses.html"
STAMP = "20190717140047"
ARCHIVED = f"https://web.archive.org/web/{STAMP}/{ORIGINAL}"
SPAN = "29 Jan 2014 - 17 Jul 2019"


def toolbar(shown: bool) -> str:
    """The archive's toolbar, hidden as the archive serves it or shown as a browser saves the page it rendered."""
    style = "display:block" if shown else "display:none"
    here = "You are here: 14:00:47 Jul 17, 2019"
    return f"""<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<div id="wm-ipp-base" lang="en" style="{style};direction:ltr;"><div id="wm-ipp"><div id="wm-ipp-inside">
<div id="wm-logo"><a href="/web/" title="Wayback Machine home page"><img alt="Wayback Machine"></a></div>
<div class="r"><div id="wm-btns"><div id="wm-save-snapshot-success">success</div>
<div id="wm-save-snapshot-fail">fail</div></div></div>
<table class="c"><tbody><tr><td class="u" colspan="2"><form id="wmtb" action="/web/submit">
<input type="text" name="url" id="wmtbURL" value="{ORIGINAL}"><input type="hidden" name="date" value="{STAMP}">
</form></td><td class="n" rowspan="2"><table><tbody>
<tr class="m"><td class="b">May</td><td class="c" id="displayMonthEl" title="{here}">JUL</td><td class="f">Aug</td></tr>
<tr class="d"><td class="b"><a href="/web/20190601000000/{ORIGINAL}" title="00:00:00 Jun 01, 2019">
<img alt="Previous capture"></a></td><td class="c" id="displayDayEl" title="{here}">17</td><td class="f"></td></tr>
<tr class="y"><td class="b">2018</td><td class="c" id="displayYearEl" title="{here}">2019</td>
<td class="f">2020</td></tr>
</tbody></table></td></tr>
<tr><td class="s"><div id="wm-nav-captures">
<a class="t" href="/web/{STAMP}*/{ORIGINAL}" title="See a list of every capture for this URL">26 captures</a>
<div class="r" title="Timespan for captures of this URL">{SPAN}</div></div></td>
<td class="k"><a href="" id="wm-graph-anchor"><div id="wm-ipp-sparkline"></div></a></td></tr></tbody></table>
<div><a id="wm-expand" class="wm-btn wm-closed" href="#expand"><span>About this capture</span></a></div>
<div id="wm-capinfo" style="{style}"><div id="wm-capinfo-collected-by"><div>COLLECTED BY</div>
<div>Organization: <a href="https://archive.org/details/crawls"><span class="wm-title">Web Crawls</span></a></div></div>
<div id="wm-capinfo-timestamps"><div title="Timestamps for the elements of this page">TIMESTAMPS</div></div></div>
</div></div></div>
<div id="wm-ipp-print">The Wayback Machine - {ARCHIVED}</div>
<!-- END WAYBACK TOOLBAR INSERT -->"""


def archived_page(dateline: str = "", shown: bool = False) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    return (
        f"<html><head><title>Night buses are back | Example News</title></head><body>{toolbar(shown)}"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Night buses are back</h1>"
        f"{dateline}{paragraphs}</article><footer>Example News</footer></body></html>"
        "<!--\n     FILE ARCHIVED ON 14:00:47 Jul 17, 2019 AND RETRIEVED FROM THE\n"
        "     INTERNET ARCHIVE ON 10:00:00 Mar 01, 2023.\n-->"
    )


def text_dump(dateline: str = "") -> str:
    """The page as a naive scraper dumps it: every element's text on a line of its own, the toolbar's too."""
    toolbar_lines = ["success", "fail", "May", "JUL", "Aug", "17", "2018", "2019", "2020", "26 captures", SPAN]
    toolbar_lines += ["About this capture", "COLLECTED BY", "Organization:", "Web Crawls", "TIMESTAMPS"]
    toolbar_lines += [f"The Wayback Machine - {ARCHIVED}"]
    head = ["Night buses are back | Example News", *toolbar_lines, "Home", "News", "Night buses are back"]
    return "\n".join([*head, *([dateline] if dateline else []), *PROSE, "Example News"]) + "\n"


@pytest.mark.parametrize(
    "line",
    [SPAN, "01.06.2023 - 03.06.2023", "Mo. 15.11.2021 - Di. 16.11.2021", "12 May 2023 – 3 September 2023"],
)
def test_a_period_is_a_date_line_that_dates_no_article(line: str) -> None:
    found = find_dateline(line)
    assert found is not None
    assert (found.published, found.updated) == (None, None)


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("6 January 2024 - Updated 7 January 2024", "2024-01-06", "2024-01-07"),
        ("11.01.2022, 09:50 Uhr / Aktualisiert am 21.01.2022", "2022-01-11T09:50:00", "2022-01-21"),
        ("19.11.2021 - 14:30 Uhr", "2021-11-19T14:30:00", None),
        ("Published: 3 March 2014 - 09:00", "2014-03-03T09:00:00", None),
    ],
)
def test_datelines_with_two_dates_or_a_time_keep_them(line: str, published: str, updated: str | None) -> None:
    found = find_dateline(line)
    assert found is not None
    assert (found.published, found.updated) == (published, updated)


def test_the_text_of_an_archived_page_takes_no_capture_date() -> None:
    article = clean(text_dump())
    assert (article.published, article.updated) == (None, None)
    assert [block.text for block in article.blocks] == PROSE
    assert SPAN in {removal.text for removal in article.removed}


def test_the_text_of_an_archived_page_keeps_its_own_dateline() -> None:
    article = clean(text_dump("Published 3 March 2014"))
    assert (article.published, article.updated) == ("2014-03-03", None)
    assert [block.text for block in article.blocks] == PROSE


@pytest.mark.parametrize("shown", [False, True], ids=["served", "saved-rendered"])
@pytest.mark.parametrize("url", [None, ARCHIVED])
def test_an_archived_page_takes_no_capture_date(shown: bool, url: str | None) -> None:
    """Read as a page, the toolbar (hidden as served, or shown as a browser saved it) dates nothing either."""
    article = clean(archived_page(shown=shown), url=url)
    assert (article.published, article.updated) == (None, None)
    assert [block.text for block in article.blocks] == PROSE
    dated = clean(archived_page("<p class='date'>Published 3 March 2014</p>", shown=shown), url=url)
    assert (dated.published, dated.updated) == ("2014-03-03", None)


DATED = "http://www.example.org/2014/03/03/night-buses.html"  # a date in the archived page's own path
STAMPS = ["20190515", "20190515id_", "20190515123456", "20190515123456if_"]  # 8 or 14 digits, a replay modifier


@pytest.mark.parametrize("stamp", STAMPS)
def test_a_replay_address_s_time_stamp_is_no_date_of_the_page(stamp: str) -> None:
    """The capture's time stamp in a replay address is the day of the capture; a date in the archived page's own
    path is the page's.  Read as HTML (the address given, or the page's canonical link) and as text."""
    undated, dated = (f"https://web.archive.org/web/{stamp}/{page}" for page in (ORIGINAL, DATED))
    assert (url_dates(undated), url_dates(dated)) == ([], ["2014-03-03"])
    assert clean(archived_page(), url=undated).published is None
    assert clean(archived_page(), url=dated).published == "2014-03-03"
    canonical = archived_page().replace("<title>", f"<link rel='canonical' href='{dated}'><title>")
    assert clean(canonical).published == "2014-03-03"
    text = clean(text_dump(), url=undated, format="text")  # the text layers read no date from a given address
    assert (text.published, [block.text for block in text.blocks]) == (None, PROSE)


@pytest.mark.parametrize(
    ("url", "archived"),
    [
        (ARCHIVED, ORIGINAL),
        ("https://web.archive.org/web/20190717140047id_/https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("https://web.archive.org/web/20190717/http:/example.org/a", "http://example.org/a"),  # a slash collapsed
        ("https://archive.example/wayback/20190101000000/http://news.example.net/", "http://news.example.net/"),
        ("https://www.example.org/archive/20190717/story", None),  # a date in a site's own path
        ("https://www.example.org/go?to=/20190717140047/http://other.example", None),  # in the query
        ("ftp://files.example/20190717140047/http://other.example", None),
        ("/web/20190717140047/https://example.org/", "https://example.org/"),  # a link inside an archived page
        (
            "https://web.archive.org/web/2019/http://b.example/",
            "http://b.example/",
        ),  # a year alone: the nearest capture
        ("/web/20190717140047im_/https://example.org/a.jpg", "https://example.org/a.jpg"),
        ("/2019/07/17/https-explained", None),  # a site's own path
        ("mailto:20190717140047/http://other.example", None),
    ],
)
def test_a_replay_address_is_read_as_the_archived_page_s(url: str, archived: str | None) -> None:
    assert archived_address(url) == (archived or url)


def test_an_archived_page_is_keyed_to_the_site_it_came_from() -> None:
    assert site_of(ARCHIVED) == record_site({"url": ARCHIVED}) == "example.org"
    assert site_of("https://web.archive.org/web/") == "web.archive.org"  # the archive's own page is the archive's
    records = [{"text": text_dump(), "url": ARCHIVED}, {"text": text_dump(), "url": "https://example.com/a"}]
    assert set(learn_profile(records).sites) == {"example.org", "example.com"}
