"""A hard-wrapped part of a text that is not wrapped throughout: its lines are joined, the rest read line by line.

And text wrapped throughout, or with no wrapped part, is segmented as it was before parts were looked for: the
reference below is the segmenter of main 57e374b, one width for the whole text (hypothesis).
"""

from __future__ import annotations

import itertools
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.metadata.wrapped import cut_points
from cleaner.text import segment as segmenting
from cleaner.text.segment import segment
from cleaner.text.wrapping import line_widths, wrap_width
from tests.test_wrapped_lines import MENU, PROSE  # the same page furniture and article paragraphs

PAGE_PARAGRAPHS = [  # the page's own paragraphs, each a whole line wider than any wrapping
    "Readers of the Island Post can now take the ferry timetable with them: the printed edition carries it "
    "every Saturday, and the website keeps the latest one at the top of the transport page.",
    "Letters to the editor about the ferry, the harbour and the new bus line reached us by the dozen this "
    "month; a selection of them appears in the weekend edition, with answers from the operators.",
    "The harbour master asked boat owners to move their boats from the inner basin before the first storms "
    "of the season, as the dredging of the channel will begin in the second week of November.",
]
HEADLINES = [  # a list of headlines of about one length: broken where the next would not fit, but not wrapped
    "Munich incident: Police seal off major square after warning from officials",
    "Mexico earthquake: Huge magnitude quake strikes as seismic waves felt abroad",
    "Brussels takeover: Minister launches new attack over dictatorial policies",
    "Hillary Clinton blasted over decision to exclude leader from latest book",
    "Donald Trump staff mock criticism of alliance and warn it cannot defend itself",
    "Philip Hammond was the nightmare: inside story of how the chancellor failed",
    "Weather forecast: Terrifying map shows collapsed polar vortex freezing the UK",
    "Flights: Passengers can fly for up to eighty percent less by travelling today",
    "Royal wedding: Will the princess be allowed to wear a royal tiara this spring?",
]


def wrapped(paragraphs: list[str], width: int) -> list[str]:
    """Paragraphs wrapped at ``width``, a blank line after each, as in a plain-text e-mail (without the blank
    lines no reader can tell where a paragraph whose last line is long ends)."""
    return [line for paragraph in paragraphs for line in [*textwrap.wrap(paragraph, width), ""]]


def texts(text: str) -> list[str]:
    return [block.text for block in segment(text, cut_points)]


def test_a_wrapped_article_inside_an_unwrapped_page_comes_back_in_paragraphs() -> None:
    lines = [*MENU, PAGE_PARAGRAPHS[0], *wrapped(PROSE * 2, 72), *PAGE_PARAGRAPHS[1:], *MENU]
    assert wrap_width(lines) is None  # not wrapped throughout: the page's paragraphs hold most of its text
    assert texts("\n".join(lines)) == [*MENU, PAGE_PARAGRAPHS[0], *PROSE * 2, *PAGE_PARAGRAPHS[1:], *MENU]


def test_each_wrapped_part_is_joined_at_its_own_width() -> None:
    # two plain-text files of different widths between a page's paragraphs
    narrow, wide = wrapped(PROSE, 64), wrapped(PROSE[::-1], 78)
    lines = [PAGE_PARAGRAPHS[0], *narrow, PAGE_PARAGRAPHS[1], *wide, *MENU]
    widths = line_widths(lines)  # each part's widest line, as wrap_width gives it for a whole text
    assert widths is not None and {width for width in widths if width} == {max(map(len, narrow)), max(map(len, wide))}
    assert texts("\n".join(lines)) == [PAGE_PARAGRAPHS[0], *PROSE, PAGE_PARAGRAPHS[1], *PROSE[::-1], *MENU]


def test_two_wrapped_parts_one_after_the_other_are_told_apart() -> None:
    lines = [*PAGE_PARAGRAPHS, *wrapped(PROSE * 2, 62), *wrapped(PROSE * 2, 80), *PAGE_PARAGRAPHS]
    assert wrap_width(lines) is None
    assert texts("\n".join(lines)) == [*PAGE_PARAGRAPHS, *PROSE * 4, *PAGE_PARAGRAPHS]


def test_a_list_of_headlines_of_about_one_length_is_not_unwrapped() -> None:
    lines = [*PAGE_PARAGRAPHS, *HEADLINES, *PAGE_PARAGRAPHS]
    assert line_widths(lines) is None
    assert texts("\n".join(lines)) == lines


def test_a_list_of_links_is_not_unwrapped() -> None:
    # links go on in lower case, and none fits after another: they are not a sentence going on
    links = [f"https://www.example.org/archive/2019/11/{day:02}/story-of-the-harbour-ferry" for day in range(1, 10)]
    lines = [*PAGE_PARAGRAPHS, "Sources used for this article:", *links, *PAGE_PARAGRAPHS]
    assert line_widths(lines) is None


def test_a_list_of_short_items_is_not_unwrapped() -> None:
    # narrow "widths" fit lists of menu items and teasers; no part is taken for wrapped below REGION_WIDTH
    items = wrapped(PROSE * 2, 44)
    lines = [*PAGE_PARAGRAPHS, *items, *PAGE_PARAGRAPHS]
    assert line_widths(lines) is None


# The segmenter of main 57e374b: one width (or none) for the whole text.
def _reference_paragraphs(chunk: str, width: int | None) -> list[list[str]]:
    lines = [line for line in (line.strip() for line in chunk.split("\n")) if line]
    if width is None or not lines:
        return [[line] for line in lines]
    paragraphs = [[lines[0]]]
    for previous, line in itertools.pairwise(lines):
        if segmenting._continues(previous, line, width):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


def _reference(text: str) -> list[tuple[str, bool]]:
    width = wrap_width([line.strip() for line in text.split("\n")])
    found, first = [], ""
    for chunk in segmenting.BLANK_LINES.split(text):
        in_chunk = _reference_paragraphs(chunk, width)
        for joined in in_chunk:
            parts = segmenting._cut(joined, cut_points, first)
            for lines in parts:
                body = segmenting._block(" ".join(lines))[1]
                if body:
                    found.append((body, len(in_chunk) == 1 and len(parts) == 1))
                    first = first or body
    return found


WORDS = st.sampled_from(
    ["the", "council", "voted", "Tuesday", "ferry", "harbour", "winter", "By", "a", "extraordinarily"]
)
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)
LONG_PARAGRAPH = st.lists(WORDS, min_size=12, max_size=60).map(" ".join)
SHAPES = st.sampled_from(["", "# ", "- ", "> ", "  "])


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Paragraphs wrapped at one width, or whole lines, with Markdown markers, blank lines, a long link now and then."""
    width = draw(st.sampled_from([None, 0, 0, 0])) or draw(st.integers(min_value=30, max_value=110))
    lines = []
    for paragraph in draw(st.lists(st.one_of(PARAGRAPH, LONG_PARAGRAPH), min_size=1, max_size=14)):
        text = draw(SHAPES) + paragraph
        lines.extend(textwrap.wrap(text, width) if width else [text])
        lines.extend(draw(st.sampled_from([[], [], [], [""], [""], ["https://example.org/" + "a-long-slug-" * 9]])))
    return "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(documents())
def test_text_wrapped_throughout_or_not_at_all_segments_as_before(text: str) -> None:
    lines = [line.strip() for line in text.split("\n")]
    if wrap_width(lines) is None and line_widths(lines) is not None:
        return  # a wrapped part in an unwrapped text: what is new
    assert [(block.text, block.alone) for block in segment(text, cut_points)] == _reference(text)
