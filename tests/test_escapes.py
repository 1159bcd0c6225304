"""Markdown's backslash escapes read as their characters, in text written in Markdown.

html2text, one of the converters scrapers save whole pages with, escapes what could read as Markdown: a day
that opens a line becomes ``19\\. Dezember 2022``.  ``cleaner.text.escapes`` reads each escape as its character,
and the pipeline does so where it reads Markdown links.  The page below is made up, in html2text's shape.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean
from cleaner.text.escapes import read_escapes

PROSE = [
    "Der Stadtrat hat am Dienstag beschlossen, das Straßenbahnnetz in die nördlichen Stadtteile zu verlängern, "
    "wie es die Anwohner seit der Stilllegung der Linie im Jahr 1998 gefordert hatten.",
    "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und etwa drei Jahre dauern, teilte das Verkehrsamt "
    "mit, das die genaue Strecke im März veröffentlichen will.",
    "Gegner halten das Geld für besser angelegt in Busse, die für denselben Preis mehr Straßen bedienen können, "
    "und wollen vor dem Sommer Unterschriften für einen Bürgerentscheid sammeln.",
]


def html2text_page() -> str:
    menu = "\n".join(f"  * [{name}](/{name.lower()})" for name in ("Politik", "Wirtschaft", "Kultur", "Sport"))
    return (
        f"{menu}\n\n# Stadtrat verlängert die Straßenbahn\n\n"
        "Veröffentlicht am 19\\. Dezember 2022 von [Anna Lima](/autor/lima)\n\n" + "\n\n".join(PROSE) + "\n\n"
        "  * [Impressum](/impressum)\n  * [Datenschutz](/datenschutz)\n"
    )


def test_an_escaped_day_is_read_as_the_date() -> None:
    article = clean(html2text_page(), format="markdown")
    assert article.published == "2022-12-19"
    assert "\\" not in article.text and all(paragraph in article.text for paragraph in PROSE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19\\. Dezember 2022", "19. Dezember 2022"),
        ("snake\\_case and 5\\*3", "snake_case and 5*3"),
        ("a \\[bracket\\] and a \\\\ backslash", "a [bracket] and a \\ backslash"),
        ("\\- an escaped list marker opening a line", "\\- an escaped list marker opening a line"),  # the segmenter's
        ("  \\# an escaped heading marker", "  \\# an escaped heading marker"),
        ("C:\\Users\\ana", "C:\\Users\\ana"),  # a backslash before a letter is no escape
    ],
)
def test_escapes_read_as_their_characters(text: str, expected: str) -> None:
    assert read_escapes(text) == expected


@given(st.lists(st.sampled_from(["\\", ".", "-", "#", "_", "a", " ", "\n", "1"]), max_size=40).map("".join))
def test_reading_escapes_only_removes_backslashes(text: str) -> None:
    read = read_escapes(text)
    assert read.replace("\\", "") == text.replace("\\", "")
    assert len(read) >= len(text) - text.count("\\")
