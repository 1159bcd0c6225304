"""Cleaning its own output changes nothing, block for block (docs/schema.md "Invariants": ``idempotence.txt``).

The plain text output (``Article.text``: the body, no title) cleaned again as text must give the same blocks.
``tests/test_properties.py`` asks less of generated text (no block removed, the same words: a line the second
cleaning takes for the title keeps its words, as metadata); here the line must stay a body block, as a user
cleaning a folder of cleaned ``.txt`` files again expects.  The inputs are made up, shaped as page dumps and
pages are: menus, a headline, a byline and a date, a standfirst or a subheading opening the article, its prose,
related links and a footer.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.io.output import render
from cleaner.model import Article
from cleaner.text.segment import escaped_line, segment

MENU = ["Home", "News", "Sport", "Weather", "Culture", "Contact"]
HEADLINES = [
    "Harbour ferry service to resume in spring",
    "City library extends its opening hours",
    "Neue Radwege für die Innenstadt geplant",
]
STANDFIRSTS = [  # a line a headline may stand over: a standfirst, a kicker, a first subheading
    "Repairs to the old pier are nearly finished",
    "What the council decided on Tuesday",
    "Mehr Platz für Radfahrer auf der Hauptstraße",
    "Why the service stopped",
]
HEADS = ["By Jane Doe", "Published March 3, 2024", "Share on Facebook", "Share on Twitter"]
PROSE = [
    "The ferry across the harbour will run again from April, the city council said on Tuesday, after two years in "
    "which the old pier was closed for repairs.",
    "Engineers found that the timber piles had rotted further than expected, and the work took a year longer than "
    "planned.",
    "The council said tickets would cost the same as before and that the first boat would leave at seven in the "
    "morning.",
    "Residents on the north shore have had to drive around the bay, a journey of forty minutes, since the service "
    "stopped.",
    "The library will open at eight on weekdays and stay open until nine in the evening, the city said in a statement.",
    "Die Stadt will in den kommenden zwei Jahren mehr als zwanzig Kilometer neue Radwege bauen, teilte die "
    "Verwaltung am Montag mit.",
]
TAIL = ["Related articles", "Council approves new budget", "Storm damages sea wall", "© 2024 Example Media."]

DUMP = "\n".join(
    [*MENU[:4], HEADLINES[0], *HEADS, STANDFIRSTS[0], *PROSE[:4], *TAIL]
)  # main 922a072: the second cleaning took the standfirst for the title, and the body lost it
PAGE = (
    "<html><head><title>Harbour ferry service to resume in spring | Example News</title></head><body>"
    '<nav><a href="/">Home</a> <a href="/news">News</a></nav><article>'
    "<h1>Harbour ferry service to resume in spring</h1><p>Repairs to the old pier are nearly finished</p>"
    + "".join(f"<p>{text}</p>" for text in PROSE[:2])
    + "<h2>Same fares as before</h2>"
    + "".join(f"<p>{text}</p>" for text in PROSE[2:4])
    + "</article><footer>© 2024 Example Media</footer></body></html>"
)


def blocks_again(source: str, form: str) -> tuple[list[str], list[str]]:
    """The blocks of ``source`` cleaned, and those of its plain text output cleaned again."""
    first = clean(source, format=form)  # type: ignore[arg-type]
    return [block.text for block in first.blocks], [block.text for block in clean(first.text).blocks]


def test_the_title_is_no_body_block() -> None:
    """A dump printing its headline again after the article (a share text): main 922a072 kept that copy."""
    dump = "\n".join([*MENU[:4], HEADLINES[0], *HEADS[:2], *PROSE[:4], "Share this article", HEADLINES[0], *TAIL])
    article = clean(dump, format="text")
    assert article.title == HEADLINES[0]
    assert HEADLINES[0] not in [block.text for block in article.blocks]


def test_a_dumps_cleaned_body_cleaned_again_keeps_its_standfirst() -> None:
    first, second = blocks_again(DUMP, "text")
    assert first[0] == STANDFIRSTS[0]
    assert second == first


def test_a_pages_cleaned_body_cleaned_again_keeps_its_standfirst() -> None:
    first, second = blocks_again(PAGE, "html")
    assert first[0] == STANDFIRSTS[0]
    assert second == first


@st.composite
def dumps(draw: st.DrawFn) -> str:
    """A page dump: some menu lines, a headline, head lines, maybe a standfirst, prose, maybe a tail (which may
    say the headline again)."""
    lines = draw(st.lists(st.sampled_from(MENU), max_size=5, unique=True))
    headline = draw(st.sampled_from(HEADLINES))
    lines.append(headline)
    lines += draw(st.lists(st.sampled_from(HEADS), max_size=4, unique=True))
    lines += draw(st.lists(st.sampled_from(STANDFIRSTS), max_size=2, unique=True))
    lines += draw(st.lists(st.sampled_from(PROSE), min_size=1, max_size=6, unique=True))
    lines += draw(st.lists(st.sampled_from([*TAIL, headline]), max_size=4, unique=True))
    return draw(st.sampled_from(["\n", "\n\n"])).join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dumps())
def test_a_cleaned_body_cleaned_again_gives_the_same_blocks(dump: str) -> None:
    first, second = blocks_again(dump, "text")
    assert second == first
    title = clean(dump, format="text").title
    assert title is None or title not in first


# A paragraph that opens with what plain text reads as a marker: a footnote's asterisk, a dialogue's or a list's
# dash typed into the paragraph, a shell comment, a console prompt, a quotation mark of e-mail.  The ``txt`` output
# escapes that opening (``cleaner.io.output.plain_text``); main 70c79f8 wrote it bare, and the second cleaning read
# the marker off (a list item, a heading, a quote) and the block lost its first characters.
OPENINGS = ["* ", "- ", "# ", "## ", "> ", ">>> ", ">", "\\* ", "\\"]
NOTES = [
    "Name changed by the editors to protect the family.",
    "This article was first published in April and has been updated since then.",
    "Die Stadt will in den kommenden Jahren mehr neue Radwege bauen, teilte sie mit.",
]


def page_with(paragraphs: list[str]) -> str:
    """A made-up article page holding ``paragraphs`` between its prose."""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        "<html><head><title>Harbour ferry service to resume | Example News</title></head><body><article>"
        f"<h1>Harbour ferry service to resume</h1>{body}</article></body></html>"
    )


def txt_again(article: Article) -> list[str]:
    """The blocks of ``article``'s ``txt`` output cleaned again as plain text."""
    return [block.text for block in clean(render(article, "txt", source="a.txt"), format="text").blocks]


def test_a_footnote_opening_with_an_asterisk_keeps_it() -> None:
    article = clean(page_with([*PROSE[:3], "* " + NOTES[0], PROSE[3]]), format="html")
    assert "* " + NOTES[0] in [block.text for block in article.blocks]
    assert txt_again(article) == [block.text for block in article.blocks]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(OPENINGS), st.sampled_from(NOTES), st.integers(min_value=0, max_value=4))
def test_a_paragraph_opening_with_a_marker_reads_back_whole(opening: str, note: str, where: int) -> None:
    paragraphs = [*PROSE[:4]]
    paragraphs.insert(where, opening + note)
    article = clean(page_with(paragraphs), format="html")
    assert txt_again(article) == [block.text for block in article.blocks]


def test_a_nested_list_marker_is_not_read_off_twice() -> None:
    """A dump's list whose items open with a second marker ("- * item"): the first cleaning reads one off."""
    items = ["- * Tickets cost the same as before for every passenger", "- * The first boat leaves at seven"]
    article = clean("\n".join([HEADLINES[0], *PROSE[:2], *items, *PROSE[2:4]]), format="text")
    assert txt_again(article) == [block.text for block in article.blocks]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="#*->\\ ab1.", min_size=1, max_size=12).map(lambda text: " ".join(text.split())))
def test_an_escaped_line_reads_back_as_its_text(text: str) -> None:
    """Any one-line block text written by ``escaped_line`` segments back into that one block, whatever it opens with."""
    if text:
        assert [block.text for block in segment(escaped_line(text))] == [text]
