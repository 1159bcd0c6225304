"""Page dumps: a byline broken over two lines, the byline word on one and the names on the next."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.metadata.byline import is_byline_word, parse_byline

PROSE = (
    "Die Gemeinde hat am Dienstag beschlossen, dass die Nachtbusse wieder fahren, und die Linie wird von "
    "der Innenstadt bis zum Bahnhof verlängert, damit auch die Pendler aus den Dörfern etwas davon haben."
)
MORE = (  # a second paragraph: the same one twice in a row is a repeat (docs/schema.md, body.repeat)
    "Der Fahrplan gilt ab dem ersten Januar, und die Busse fahren dann am Wochenende bis drei Uhr morgens "
    "durch alle Stadtteile, wie es der Verkehrsverbund nach langen Verhandlungen mit der Stadt zugesagt hat."
)


@pytest.mark.parametrize(
    ("word", "name"), [("Von", "Ernst Lohoff"), ("By", "James Whittaker"), ("Auteur :", "Anna Kubišta")]
)
def test_a_byline_word_and_the_name_under_it_make_a_byline(word: str, name: str) -> None:
    text = f"Nachtbusse fahren wieder in die Stadtteile\n{word}\n{name}\n{PROSE}\n{MORE}"
    article = clean(text, format="text")
    assert article.authors == (name,)
    assert [block.text for block in article.blocks] == [PROSE, MORE]


def test_a_byline_word_over_prose_is_no_byline() -> None:
    text = f"Nachtbusse fahren wieder in die Stadtteile\nVon\n{PROSE}\n{PROSE}"
    assert clean(text, format="text").authors == ()


@pytest.mark.parametrize("line", ["By", "Von:", "von", "Posted by", "Published by", "Auteur", "par", "Autor:"])
def test_byline_words_alone(line: str) -> None:
    assert is_byline_word(line)


@pytest.mark.parametrize("line", ["By the way", "Text", "Ernst Lohoff", "Vonovia", ""])
def test_not_byline_words_alone(line: str) -> None:
    assert not is_byline_word(line)


def test_published_by_is_a_byline_word() -> None:
    assert parse_byline("Published by Daniel Lemire") == ("Daniel Lemire",)


def test_teaser_bylines_under_the_article_are_not_its_authors() -> None:
    teasers = "\n".join(
        f"{headline}\nVon {name}"
        for headline, name in [("Neue Radwege für die Innenstadt", "Anna Weber"), ("Das Freibad öffnet", "Jan Kroll")]
    )
    text = f"Nachtbusse fahren wieder in die Stadtteile\nVon Ernst Lohoff\n{PROSE}\n{PROSE}\nMehr zum Thema\n{teasers}"
    assert clean(text, format="text").authors == ("Ernst Lohoff",)


@pytest.mark.xfail(
    strict=True,
    reason="the metadata model offers the two lines read together as a candidate, but prefers the first line's "
    "byline (issue 13: the choice is learned; a rule for this case would be fitted to the test)",
)
def test_bylines_on_consecutive_lines_are_one_byline() -> None:
    text = f"Nachtbusse fahren wieder in die Stadtteile\nVon Ernst Lohoff\nAnna Weber, Redakteurin\n{PROSE}\n{PROSE}"
    assert clean(text, format="text").authors == ("Ernst Lohoff", "Anna Weber")


def test_a_date_and_byline_word_over_the_name_make_a_credit_line() -> None:
    text = f"Nachtbusse fahren wieder in die Stadtteile\n10.12.2022 18:27 von\nHinrich Neumann\n{PROSE}\n{MORE}"
    article = clean(text, format="text")
    assert (article.authors, article.published) == (("Hinrich Neumann",), "2022-12-10T18:27:00")
    assert [block.text for block in article.blocks] == [PROSE, MORE]


def test_a_name_beside_a_dateline_past_a_separator_line_is_a_byline() -> None:
    text = f"Web analytics are leaking into meatspace\nMatthew Davis\n|\n11 Jan 2019\n{PROSE}\n{PROSE}"
    assert clean(text, format="text").authors == ("Matthew Davis",)
