"""CMS accounts and bare role or newsroom words are no authors (metadata.names, metadata.byline, HTML mode)."""

from __future__ import annotations

import pytest
from htmlpages import HOME_AND_NEWS, html_page, jsonld

from cleaner import clean
from cleaner.metadata.byline import credited_organisations, normalise_authors, parse_byline, parse_names
from cleaner.metadata.names import is_account, is_nobody, looks_like_name

PROSE = (
    "The council met on Tuesday evening to discuss the new timetable for the town's buses, which "
    "has been criticised by commuters who say the early services were cut without consultation."
)

PLACEHOLDERS = [
    "Super User",  # a Joomla default account
    "admin",
    "Site Admin",
    "Administrator",
    "Webmaster",
    "Gast",
    "Benutzer",
    "Utilisateur",
    "Usuario",
    "Utente",
    "Herausgeber",
    "Redazione",
    "Redactie",
    "Redacción",
    "Staff",
    "Editor",
]

PEOPLE = [
    ("Adam Editor-Smith", "Adam Editor-Smith"),
    ("Jane Admin", "Jane Admin"),
    ("Anna Gast", "Anna Gast"),
    ("Mario Rossi", "Mario Rossi"),
    ("Super User, Jane Doe", "Jane Doe"),
]


@pytest.mark.parametrize("value", PLACEHOLDERS)
def test_a_placeholder_value_names_no_author(value: str) -> None:
    assert normalise_authors(value) == ()
    assert normalise_authors(value.upper()) == ()
    assert parse_names(value) is None
    assert not parse_byline(f"By {value}")
    assert not looks_like_name(value)


@pytest.mark.parametrize(("value", "expected"), PEOPLE)
def test_a_name_with_a_placeholder_word_in_it_stays(value: str, expected: str) -> None:
    assert normalise_authors(value) == (expected,)


@pytest.mark.parametrize("value", ["Adam Editor-Smith", "Jane Admin", "Anna Gast", "Utente Rossi"])
def test_a_name_with_a_placeholder_word_is_somebody(value: str) -> None:
    assert not is_nobody(value)
    assert not is_account(value)


def test_an_account_is_no_organisation_but_a_newsroom_is() -> None:
    assert credited_organisations("Super User") == ()
    assert credited_organisations("Webmaster") == ()
    assert credited_organisations("Redaktion") == ("Redaktion",)


@pytest.mark.parametrize(
    ("value", "lang"), [("Super User", "de"), ("admin", "en"), ("Redazione", "it"), ("Herausgeber", "de")]
)
def test_a_page_crediting_an_account_has_no_author(value: str, lang: str) -> None:
    head = f'<meta name="author" content="{value}">' + jsonld(
        {"@type": "NewsArticle", "headline": "Bus timetable changes", "author": {"@type": "Person", "name": value}}
    )
    body = "<article><h1>Bus timetable changes</h1>" + "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(4))
    article = clean(html_page(body + "</article>", head, lang, nav=HOME_AND_NEWS), format="html")
    assert article.authors == ()


def test_a_page_crediting_a_person_keeps_the_person() -> None:
    head = '<meta name="author" content="Adam Editor-Smith">'
    body = "<article><h1>Bus timetable changes</h1>" + "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(4))
    article = clean(html_page(body + "</article>", head, "en", nav=HOME_AND_NEWS), format="html")
    assert article.authors == ("Adam Editor-Smith",)
