"""Text from a PDF (trial46): pdftotext's output, saved as .txt, is hard-wrapped, hyphenated at line ends, and parted
into pages by form feeds, each page under and over its running header and footer.  Words broken at a line's end are
mended where the lines are joined (``cleaner.text.segment.join_lines``), a form feed ends a paragraph
(``cleaner.text.decode.normalise``), and the lines that open or close most pages, the same but for their numbers,
are removed as ``pages.running-line`` (``cleaner.text.pages``).  All text here is made up."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean
from cleaner.io.markdown import render_markdown
from cleaner.text.decode import normalise
from cleaner.text.segment import join_lines, segment

PROSE = [
    "The harbour authority said on Tuesday that the old pier would need extensive repair work before the summer "
    "season, after inspectors found that several of the wooden piles had rotted through below the waterline.",
    "Engineers from the regional transport office examined the structure over three days in March. Their report, "
    "published this week, describes a deck that has been patched many times, with steel plates bolted over the "
    "worst sections and concrete poured into the gaps between the original timbers.",
    "Local fishermen, who land most of their catch at the pier, worry that a long closure would force them to sail "
    "to the next harbour, an hour further along the coast, and asked that the work be done in stages.",
    "The council has set aside money for the first stage of the work, but the full cost is not yet known. "
    "Officials expect tenders from contractors by the end of the month and hope to start in October.",
    "A spokesperson for the harbour authority said the priority was safety. Until the work begins, vehicles "
    "heavier than three tonnes will not be allowed onto the pier, and the outer end will be fenced off.",
    "The pier was built in 1887 to serve the herring fleet and was extended twice in the twentieth century, and "
    "any replacement timbers must match the originals in size and species, which will add several weeks.",
]
SYLLABLES = (
    "ex-ten-sive", "sev-er-al", "heav-i-er", "in-spec-tors", "re-gion-al", "fish-er-men", "con-trac-tors",
    "au-thor-i-ty",
    "struc-ture", "pub-lished", "sec-tions", "con-crete", "orig-i-nal", "clo-sure", "coun-cil", "of-fi-cials",
    "spokes-per-son", "ve-hi-cles", "al-lowed", "re-place-ment", "tim-bers", "twen-ti-eth", "her-ring", "har-bour",
)  # fmt: skip


def wrapped(paragraphs: list[str], width: int = 72) -> str:
    """The paragraphs wrapped at ``width`` columns as a typesetter hyphenates: a word of ``SYLLABLES`` that does not
    fit is broken after its longest head that does, with a hyphen."""
    breaks = {word.replace("-", ""): word.split("-") for word in SYLLABLES}
    out = []
    for paragraph in paragraphs:
        lines, line = [], ""
        for word in paragraph.split():
            if len(line) + 1 + len(word) <= width or not line:
                line = f"{line} {word}".strip()
                continue
            parts = breaks.get(word, [word])
            head = max((i for i in range(1, len(parts)) if len(line) + 2 + len("".join(parts[:i])) <= width), default=0)
            if head:
                lines.append(f"{line} {''.join(parts[:head])}-")
                line = "".join(parts[head:])
            else:
                lines.append(line)
                line = word
        out.append("\n".join([*lines, line]))
    return "\n\n".join(out)


def pdf_text(footer: str = "Harbour Review 2023          Page {} of 3") -> str:
    """Three pages parted by form feeds, as pdftotext writes them: a running header from page 2, a footer on each."""
    pages = [PROSE[:2], PROSE[2:4], PROSE[4:]]
    out = "Pier repairs to start in autumn\n\n"
    for number, paragraphs in enumerate(pages, 1):
        header = "Harbour Review 2023\n\n" if number > 1 else ""
        out += header + wrapped(paragraphs) + "\n\n" + footer.format(number) + "\n\f"
    return out


@pytest.mark.parametrize("width", [58, 64, 66, 70, 74])
def test_a_word_broken_at_a_line_end_is_mended(width: int) -> None:
    text = wrapped(PROSE, width)
    assert text.count("-\n") >= 2
    assert [block.text for block in segment(normalise(text), typeset=True)] == PROSE


def test_a_hyphen_that_is_the_words_own_stays() -> None:
    words = frozenset({"self-supporting", "the"})
    assert join_lines(["a state-of-", "the-art design"], lambda: words) == "a state-of-the-art design"
    assert join_lines(["auch andere EU-", "Staaten, wie"], lambda: words) == "auch andere EU-Staaten, wie"
    assert join_lines(["after COVID-", "19 came"], lambda: words) == "after COVID-19 came"
    assert join_lines(["a PDF-", "based form"], lambda: words) == "a PDF-based form"
    assert join_lines(["a self-", "supporting deck"], lambda: words, typeset=True) == "a self-supporting deck"
    assert join_lines(["a dash -", "and more"], lambda: words) == "a dash - and more"
    assert (
        join_lines(["Kindertages-", "einrichtungen sind"], lambda: words, typeset=True)
        == "Kindertageseinrichtungen sind"
    )


def test_a_wrapping_programs_break_at_a_compounds_hyphen_keeps_it() -> None:
    """Text without pages was wrapped by a program (textwrap, fmt, a mail client), which breaks a line only at a
    hyphen a word has: the hyphen stays, unless the document writes the word whole elsewhere."""
    assert join_lines(["a four-", "stroke engine"], frozenset) == "a four-stroke engine"
    assert join_lines(["a four-", "stroke engine"], frozenset, typeset=True) == "a fourstroke engine"
    assert join_lines(["an exten-", "sive repair"], lambda: frozenset({"extensive"})) == "an extensive repair"
    text = wrapped(PROSE, 70)
    assert "ex-\ntensive" in text
    assert "ex-tensive repair" in clean(text, format="text").text
    assert "extensive repair" in clean(text.replace("The harbour", "Extensive work. The harbour"), format="text").text


def test_a_form_feed_ends_a_paragraph() -> None:
    assert normalise("Page 1 of 3\fHarbour Review") == "Page 1 of 3\n\nHarbour Review"
    texts = [block.text for block in segment(normalise(pdf_text()))]
    assert "Harbour Review 2023" in texts
    assert not any("of 1 Harbour" in text or "of 2 Harbour" in text for text in texts)


def test_running_headers_and_footers_are_removed() -> None:
    for footer in ("Harbour Review 2023          Page {} of 3", "Page {} of 3", "{}", "Annual Report 2023   {}"):
        article = clean(pdf_text(footer))
        assert [block.text for block in article.blocks] == PROSE, footer
        running = [removal for removal in article.removed if removal.rule == "pages.running-line"]
        assert "Harbour Review 2023" in [removal.text for removal in running]


def test_without_page_breaks_no_line_is_a_running_line() -> None:
    article = clean(pdf_text().replace("\f", "\n"))
    assert not any(removal.rule == "pages.running-line" for removal in article.removed)


def test_cleaning_a_pdf_text_again_changes_nothing() -> None:
    once = clean(pdf_text())
    assert render_markdown(clean(render_markdown(once))) == render_markdown(once)


@given(st.lists(st.text(alphabet="abcXY1- ", min_size=1, max_size=12).map(str.strip).filter(bool), min_size=1))
def test_joining_drops_nothing_but_hyphens_and_spaces(lines: list[str]) -> None:
    joined = join_lines(lines, frozenset)
    assert joined.replace("-", "").replace(" ", "") == "".join(lines).replace("-", "").replace(" ", "")
