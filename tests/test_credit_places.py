"""Credit lines in text (trial45): a name with a lower-case particle before a date is a credit's name
(``cleaner.metadata.credits.parse_credit``, ``_MAY_NAME``).  A place before a date ("São Paulo, 9 de março de
2024") is still read as a name: by its shape it is a signature ("Claire Martin, le 15 septembre 2009"), and a
rule that took such lines for places took a real writer's credit for one (docs/metadata-text.md)."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.metadata.credits import parse_credit

DUTCH = (
    "De gemeente heeft vrijdag besloten dat de openbare bibliotheken vanaf volgende maand ook op zondag open gaan, "
    "een oude wens van bewoners van de buitenwijken.\n\n"
    "Volgens de wethouder van cultuur kost de verandering ongeveer twee miljoen euro per jaar en moeten er nieuwe "
    "medewerkers worden aangenomen.\n"
)


@pytest.mark.parametrize(
    ("line", "authors", "published"),
    [
        ("Sanne de Wit, 9.3.2024", ("Sanne de Wit",), "2024-03-09"),  # a particle inside the name
        ("Ana da Silva | 09/03/2024", ("Ana da Silva",), "2024-03-09"),
        ("Jonas Becker, 03.11.2023", ("Jonas Becker",), "2023-11-03"),  # a CMS's stamp: numeric
        ("Mira Hoffmann - 26. Oktober 2023", ("Mira Hoffmann",), "2023-10-26"),  # a dash parts them
        ("Von Paul Richter, 7. Dezember 2022", ("Paul Richter",), "2022-12-07"),  # a byline word
    ],
)
def test_a_credit_line_names_its_people(line: str, authors: tuple[str, ...], published: str) -> None:
    credit = parse_credit(line, day_first=True)
    assert credit is not None and (credit.authors, credit.published) == (authors, published)


def test_a_dutch_dump_credited_with_a_numeric_date_names_its_author() -> None:
    article = clean(f"Gemeente verlengt openingstijden bibliotheken\n\nSanne de Wit, 9.3.2024\n\n{DUTCH}")
    assert article.authors == ("Sanne de Wit",) and article.published == "2024-03-09"
    assert article.subtitle is None and article.text == DUTCH.strip()
