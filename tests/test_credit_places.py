"""Credit lines in text (trial45): a place before a date is no author, and a name with a particle before a numeric
date is one (``cleaner.metadata.credits.parse_credit``: ``_place_dateline`` and ``_MAY_NAME``)."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.metadata.credits import parse_credit

BODY = (
    "A prefeitura anunciou nesta sexta-feira que as bibliotecas municipais passarão a abrir aos domingos a partir "
    "do próximo mês, atendendo a um pedido antigo dos moradores dos bairros mais afastados.\n\n"
    "Segundo a secretaria de cultura, a mudança custará cerca de dois milhões de reais por ano e exigirá a "
    "contratação de novos funcionários para as equipes de atendimento.\n"
)
DUTCH = (
    "De gemeente heeft vrijdag besloten dat de openbare bibliotheken vanaf volgende maand ook op zondag open gaan, "
    "een oude wens van bewoners van de buitenwijken.\n\n"
    "Volgens de wethouder van cultuur kost de verandering ongeveer twee miljoen euro per jaar en moeten er nieuwe "
    "medewerkers worden aangenomen.\n"
)


@pytest.mark.parametrize(
    ("line", "authors", "published"),
    [
        ("São Paulo, 9 de março de 2024", (), "2024-03-09"),  # a place: the letter's dateline
        ("Den Haag, 9 maart 2024", (), "2024-03-09"),
        ("Sanne de Wit, 9.3.2024", ("Sanne de Wit",), "2024-03-09"),  # a particle inside the name
        ("Ana da Silva | 09/03/2024", ("Ana da Silva",), "2024-03-09"),
        ("Christian Kahle, 03.11.2023", ("Christian Kahle",), "2023-11-03"),  # a CMS's stamp: numeric
        ("Laura Baumgardt - 26. Oktober 2023", ("Laura Baumgardt",), "2023-10-26"),  # a dash parts them
        ("Von Christian Thiele, 7. Dezember 2022", ("Christian Thiele",), "2022-12-07"),  # a byline word
    ],
)
def test_a_credit_line_names_people_not_places(line: str, authors: tuple[str, ...], published: str) -> None:
    credit = parse_credit(line, day_first=True)
    assert credit is not None and (credit.authors, credit.published) == (authors, published)


def test_a_portuguese_dump_dated_at_its_city_has_no_author() -> None:
    article = clean(f"Prefeitura amplia horário das bibliotecas\n\nSão Paulo, 9 de março de 2024\n\n{BODY}")
    assert article.authors == () and article.published == "2024-03-09"
    assert article.text == BODY.strip()


def test_a_dutch_dump_credited_with_a_numeric_date_names_its_author() -> None:
    article = clean(f"Gemeente verlengt openingstijden bibliotheken\n\nSanne de Wit, 9.3.2024\n\n{DUTCH}")
    assert article.authors == ("Sanne de Wit",) and article.published == "2024-03-09"
    assert article.subtitle is None and article.text == DUTCH.strip()
