"""Page dumps (a whole page as text): which line is the article's headline."""

from __future__ import annotations

import re

import pytest

from cleaner import clean
from cleaner.metadata.dates import mentions_date
from cleaner.metadata.titles import squash, title_key

MENU = "\n".join(["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Region", "Kontakt", "Impressum"] * 2)
FOOTER = "\n".join(["Datenschutz", "Impressum", "AGB", "Kontakt", "Newsletter", "Jobs", "Archiv"] * 2)
PROSE = (
    "Die Gemeinde hat am Dienstag beschlossen, dass die Nachtbusse wieder fahren, und die Linie wird von "
    "der Innenstadt bis zum Bahnhof verlängert, damit auch die Pendler aus den Dörfern etwas davon haben."
)
BODY = f"{PROSE}\n{PROSE}\n{PROSE}"


def test_without_a_page_title_the_headline_over_the_dateline_is_the_title() -> None:
    # inscriptis dumps have no <title> line; a teaser line stands between the dateline and the text
    text = (
        f"{MENU}\nNachtbusse fahren wieder in die nördlichen Stadtteile\n12.12.2019\n"
        f"Alle Fahrpläne der Verkehrsbetriebe im Überblick\n{BODY}\n{FOOTER}"
    )
    article = clean(text, format="text")
    assert article.title == "Nachtbusse fahren wieder in die nördlichen Stadtteile"
    assert article.published == "2019-12-12"


def test_a_line_stating_a_date_is_not_the_headline() -> None:
    text = (
        f"{MENU}\nNachtbusse fahren wieder in die nördlichen Stadtteile\nBerlin, 28.10.2021, 058/21\n{BODY}\n{FOOTER}"
    )
    assert clean(text, format="text").title == "Nachtbusse fahren wieder in die nördlichen Stadtteile"


def test_a_breadcrumb_trail_is_not_the_headline() -> None:
    text = f"{MENU}\nNachtbusse fahren wieder\nRegion › Verkehr › Nachtbusse im Stadtgebiet\n{BODY}\n{FOOTER}"
    assert clean(text, format="text").title == "Nachtbusse fahren wieder"


def test_a_first_line_with_menus_under_it_gives_way_to_the_headline_over_the_article() -> None:
    # the dump's first line is the site's name, not the headline: menus stand between it and the article
    site = "Das Magazin für Hamburg\nNachrichten und Geschichten aus der ganzen Stadt Hamburg"
    text = f"{site}\n{MENU}\nNachtbusse fahren wieder in die Stadtteile\n{BODY}\n{FOOTER}"
    article = clean(text, format="text")
    assert article.title == "Nachtbusse fahren wieder in die Stadtteile"
    assert "Das Magazin für Hamburg" in [removal.text for removal in article.removed]


def test_a_first_line_right_over_the_article_stays_the_title() -> None:
    text = f"Nachtbusse fahren wieder in die Stadtteile\n{BODY}\n{FOOTER}"
    assert clean(text, format="text").title == "Nachtbusse fahren wieder in die Stadtteile"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Berlin, 28.10.2021, 058/21", True),
        ("30/10/23 | StarsInsider", True),
        ("2021-10-28 Allgemein", True),
        ("Dezember 10, 2019 · von freeman1984 · in Allgemein", True),
        ("Scientists confirm 2023 as hottest year ever", False),
        ("Party like it's 1923: will he write his own book?", False),
        ("Nachtbusse fahren wieder", False),
    ],
)
def test_mentions_date(line: str, expected: bool) -> None:
    assert mentions_date(line) is expected


def test_the_page_titles_headline_is_found_however_far_over_the_article() -> None:
    form = "\n".join(f"Feld {n} des Formulars ausfüllen" for n in range(12))
    text = (
        f"Nachtbusse fahren wieder in die Stadtteile - Stadtanzeiger Online\n{MENU}\n"
        f"Nachtbusse fahren wieder in die Stadtteile\n{form}\n{BODY}\n{FOOTER}"
    )
    assert clean(text, format="text").title == "Nachtbusse fahren wieder in die Stadtteile"


def test_a_short_headline_that_is_the_page_titles_longer_side_is_its_echo() -> None:
    text = f"Rasende Polizisten | recht.ch\n{MENU}\nRasende Polizisten\nJetzt teilen und drucken\n{BODY}\n{FOOTER}"
    assert clean(text, format="text").title == "Rasende Polizisten"


def test_a_first_line_a_rule_removed_is_no_page_title() -> None:
    # inscriptis dumps open with a skip link; the same link over the article is no headline
    text = f"Skip to content\n{MENU}\nNachtbusse fahren wieder in die Stadtteile\nSkip to content\n{BODY}\n{FOOTER}"
    assert clean(text, format="text").title == "Nachtbusse fahren wieder in die Stadtteile"


def test_the_headline_over_a_standfirst_is_the_title() -> None:
    standfirst = "Ab Montag fahren die Linien N1 bis N4 wieder die ganze Nacht durch die Stadtteile"
    text = f"{MENU}\nNachtbusse fahren wieder\n{standfirst}\n{BODY}\n{FOOTER}"
    assert clean(text, format="text").title == "Nachtbusse fahren wieder"


def test_a_menu_item_ends_the_head_over_the_article() -> None:
    # the headline-shaped line over the menu item is a teaser of the menu, not the article's headline
    text = (
        f"{MENU}\nAlle Nachrichten aus der Region\nWetter\nNachtbusse fahren wieder in die Stadtteile\n{BODY}\n{FOOTER}"
    )
    assert clean(text, format="text").title == "Nachtbusse fahren wieder in die Stadtteile"


@pytest.mark.parametrize("text", ["  a \t b\n", "\u00a0a\u2003b\u3000", "a\x85b\x1cc", "\u2028x\u2029", "", "a  b"])
def test_squash_collapses_every_whitespace_that_a_regex_space_matches(text: str) -> None:
    assert squash(text) == re.sub(r"\s+", " ", text).strip()


def test_a_title_key_makes_quote_styles_plain_in_ascii_text_too() -> None:
    assert title_key("`Quoted` headline") == title_key("'Quoted' headline")  # the backtick is ASCII
    assert title_key("„Quoted“ – headline") == title_key('"quoted" - headline')


def test_a_numbered_breadcrumbs_last_item_reads_without_its_number() -> None:
    # a text browser numbers an ordered list's items: a breadcrumb trail printed as one ends with the headline
    crumbs = "1. Startseite\n2. Region\n3. Verkehr\n4. Nachtbusse fahren wieder in die nördlichen Stadtteile"
    text = f"{MENU}\n{crumbs}\n12.12.2019\n{BODY}\n{FOOTER}"
    assert clean(text, format="text").title == "Nachtbusse fahren wieder in die nördlichen Stadtteile"


def test_a_line_opening_with_a_number_and_no_list_above_keeps_it() -> None:
    text = f"{MENU}\n2. Bundesliga: Nachtbusse fahren wieder zum Stadion\n12.12.2019\n{BODY}\n{FOOTER}"
    assert clean(text, format="text").title == "2. Bundesliga: Nachtbusse fahren wieder zum Stadion"
