"""Hard-wrapped dumps: a headline, byline or dateline the unwrapping joined to its neighbour is cut out again."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.metadata.candidatepage import Page
from cleaner.metadata.wrapped import cut_points
from cleaner.model import Verdict
from cleaner.text.segment import segment
from cleaner.text.wrapping import wrap_width as segment_width

MENU = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Region", "Kontakt", "Impressum"]
HEADLINE = "Harbour ferry keeps running through the winter months"
PROSE = [
    "The council voted on Tuesday to extend the harbour ferry service through the winter months, after "
    "residents of the island collected more than two thousand signatures in a single week.",
    "Operators said the extra crossings would cost about forty thousand euros a season and that the new "
    "timetable would be published next week, with an early boat for the commuters.",
    "Islanders had asked for the winter service for years; the mayor called the vote a fair answer to a "
    "long campaign and thanked the volunteers who had collected the signatures door to door.",
]
WIDTH = 54  # the headline (53 characters) fills its line: "By" would not have fitted after it


def dump(*lines: str) -> str:
    """A page dump, one element a line, hard-wrapped at ``WIDTH`` as a program wrapping it would."""
    return "\n".join(textwrap.fill(line, WIDTH) for line in lines)


def page(*head: str) -> str:
    return dump(f"{HEADLINE} | Island Post", *MENU, *head, *PROSE, *MENU)


def texts(text: str, cut: bool) -> list[str]:
    return [block.text for block in segment(text, cut_points if cut else None)]


def test_the_unwrapping_alone_joins_a_byline_to_the_headline_over_it() -> None:
    # what the cut mends: without it the byline ends up inside the headline's paragraph
    assert f"{HEADLINE} By Jane Doe" in texts(page(HEADLINE, "By Jane Doe"), cut=False)


def test_a_byline_and_a_headline_joined_by_the_unwrapping_are_cut_apart() -> None:
    found = texts(page(HEADLINE, "By Jane Doe"), cut=True)
    assert HEADLINE in found
    assert "By Jane Doe" in found


def test_a_dateline_joined_to_the_first_paragraph_is_cut_out() -> None:
    dateline = "Published on Tuesday, 12 March 2024 at 09:40 a.m. CET"  # 53 characters: "The" would not fit
    joined = texts(dump(*MENU, dateline, *PROSE), cut=False)
    assert any(text.startswith(f"{dateline} The council") for text in joined)  # the case is real
    found = texts(dump(*MENU, dateline, *PROSE), cut=True)
    assert dateline in found
    assert PROSE[0] in found


def test_a_line_repeating_the_page_title_is_cut_from_the_site_name_under_it() -> None:
    joined = texts(page(HEADLINE, "Island Post"), cut=False)
    assert f"{HEADLINE} Island Post" in joined
    assert HEADLINE in texts(page(HEADLINE, "Island Post"), cut=True)


def test_the_article_from_a_wrapped_dump_has_its_headline_and_author() -> None:
    article = clean(page(HEADLINE, "By Jane Doe"), format="text")
    assert article.title == HEADLINE
    assert article.authors == ("Jane Doe",)
    assert all(block.text != HEADLINE and "Jane Doe" not in block.text for block in article.blocks)


def test_text_that_runs_on_over_a_break_is_never_cut() -> None:
    # the line before ends in a comma, or the next opens in lower case and a mark closes it: a sentence goes on
    assert cut_points(["Residents met the council on Tuesday,", "By the end of the week it had agreed"], "") == []
    assert cut_points(["The report on the ferry was written", "by Jane Doe on Tuesday."], "") == []
    assert cut_points(["The report on the ferry was written", "By Jane Doe"], "") == [1]


def test_a_byline_or_dateline_opening_in_lower_case_is_cut_from_the_end_of_a_joined_paragraph() -> None:
    # many languages open a byline with a lower-case word ("von", "by", "par") and write weekdays and months
    # in lower case; where the line over it filled the width, the unwrapping joins it to that line
    assert cut_points(["Was der neue Roller mit dem Akku kann, haben wir getestet", "von Anna Weber"], "") == [1]
    assert cut_points(["Aus der Region 6. November 2023 15:00 Kommentar schreiben", "von Anna Weber"], "") == [1]
    assert cut_points(
        ["« Les privatisations sont au profit d'intérêts privés »", "jeudi 13 juin 2019, par Anne Martin"], ""
    ) == [1]


def test_prose_running_on_in_lower_case_is_not_cut() -> None:
    # a mark closes the sentence that runs on, a line that leads on stays joined, and a part naming no
    # one or stating no date is prose
    assert cut_points(["The report on the ferry and its timetable was written", "by Jane Doe."], "") == []
    assert cut_points(["The report on the ferry and its timetable was written,", "by Jane Doe"], "") == []
    assert cut_points(["The council will publish the new timetable next week", "by the end of March"], "") == []
    assert cut_points(["The council said the new timetable starts in earnest", "june and july"], "") == []


def test_the_article_from_a_wrapped_dump_has_its_lower_case_byline() -> None:
    text = page(HEADLINE, "by Jane Doe")
    assert f"{HEADLINE} by Jane Doe" in texts(text, cut=False)  # the case is real: "by" did not fit
    assert "by Jane Doe" in texts(text, cut=True)
    article = clean(text, format="text")
    assert article.title == HEADLINE
    assert article.authors == ("Jane Doe",)


def test_wrapped_prose_is_not_cut() -> None:
    for paragraph in PROSE:
        lines = textwrap.wrap(paragraph, WIDTH)
        assert len(lines) > 2
        assert cut_points(lines, f"{HEADLINE} | Island Post") == []


LINE = st.text(alphabet=st.sampled_from("abcdefghij ABCDEFGHIJ.,:|-0123456789"), min_size=1, max_size=90)


@settings(max_examples=60, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=12), st.integers(min_value=40, max_value=80))
def test_cutting_loses_and_reorders_no_text(lines: list[str], width: int) -> None:
    text = "\n".join(textwrap.fill(line, width) for line in lines if line.strip())
    assert " ".join(texts(text, cut=True)).split() == " ".join(texts(text, cut=False)).split()


def test_blank_lines_set_a_block_apart() -> None:
    blocks = segment("Heading\n\nfirst item\nsecond item\n\nA paragraph.")
    assert [block.alone for block in blocks] == [True, False, False, True]


def test_spacing_says_nothing_where_no_blank_line_sets_lines_apart() -> None:
    naive = Page([Verdict(block) for block in segment("Heading\nfirst item\nA paragraph.")])
    spaced = Page([Verdict(block) for block in segment("Heading\n\nfirst item\nsecond item\n\nA paragraph.")])
    assert [naive.set_apart(position) for position in range(3)] == [-1.0, -1.0, -1.0]
    assert [spaced.set_apart(position) for position in range(4)] == [1.0, 0.0, 0.0, 1.0]


LINK = "Source: https://www.example.org/archive/2019/11/21/" + "-".join(["a-long-slug-of-the-original-story"] * 3)


def test_a_line_the_wrapping_left_whole_does_not_unwrap_the_rest() -> None:
    # a wrapping program leaves a long link whole (a tenth of the text at most); the paragraphs around it
    # are still joined
    prose = PROSE * 3
    text = "\n".join([dump(*MENU, *prose[:4]), LINK, dump(*prose[4:], *MENU)])
    found = texts(text, cut=False)
    assert [*prose[:4], LINK, *prose[4:]] == [text for text in found if text not in MENU]


def test_text_whose_paragraphs_are_long_lines_is_not_unwrapped() -> None:
    # the same prose as whole lines (an ordinary dump) holds most characters in lines wider than any wrapping
    lines = [*MENU, *(textwrap.fill(line, WIDTH) for line in MENU), *PROSE, *MENU]
    assert texts("\n".join(lines), cut=False) == [line for line in "\n".join(lines).split("\n")]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(PROSE), min_size=9, max_size=14),  # the link a tenth of the text at most
    st.integers(min_value=45, max_value=90),
    st.integers(min_value=0, max_value=14),
)
def test_wrapped_paragraphs_come_back_whole_around_one_overlong_line(
    paragraphs: list[str], width: int, place: int
) -> None:
    # paragraphs set apart by blank lines: without them no reader can tell where a paragraph whose last
    # line is long ends, with or without the link
    place = min(place, len(paragraphs))
    lines = [textwrap.fill(text, width) for text in paragraphs]
    lines.insert(place, LINK)
    expected = [*paragraphs[:place], LINK, *paragraphs[place:]]
    assert texts("\n\n".join(lines), cut=False) == expected


def test_text_of_overlong_lines_only_is_not_wrapped() -> None:
    assert segment_width([LINK] * 3) is None and segment_width([LINK, "", LINK, "short", LINK]) is None
