"""Dates a line opens with before a category or site label, read when no dateline gives one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import clean_in_process

from cleaner import clean, clean_file
from cleaner.metadata.dates import opening_date

PROSE = (
    "Die Gemeinde hat am Dienstag beschlossen, dass die Nachtbusse wieder fahren, und die Linie wird von "
    "der Innenstadt bis zum Bahnhof verlängert, damit auch die Pendler aus den Dörfern etwas davon haben."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("01.02.2022 Allgemein", "2022-02-01"),
        ("31.01.2016 Hardware", "2016-01-31"),
        ("02.02.2022 • HVW-Verband , Presse , Allgemein", "2022-02-02"),
        ("Dezember 26, 2019 von Andrea", "2019-12-26"),
        ("26.01.2022 Strava wertet mit einem Update sein Routen-Tool auf.", None),  # a teaser
        ("01.02.2022 Allgemein und noch viel mehr dazu", None),  # more than a label
        ("Am 19. Oktober 2019 gastiert Borussia", None),  # does not open with the date
        ("01.02.2022 Folge 12", None),  # digits after the date
    ],
)
def test_opening_date(line: str, expected: str | None) -> None:
    assert opening_date(line, day_first=True) == expected


def test_a_date_before_the_category_dates_the_article() -> None:
    text = f"Nachtbusse fahren wieder in die Stadtteile\n01.02.2022 Allgemein\n{PROSE}\n{PROSE}"
    assert clean(text, format="text").published == "2022-02-01"


def test_a_dateline_wins_over_an_opening_date() -> None:
    text = f"Nachtbusse fahren wieder\n01.02.2022 Allgemein\nVeröffentlicht: 03.02.2022\n{PROSE}\n{PROSE}"
    assert clean(text, format="text").published == "2022-02-03"


def test_a_labelled_publication_date_wins_over_todays_date_in_the_header() -> None:
    menu = "\n".join(["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Region"] * 2)
    text = (
        f"Donnerstag, 16. Februar 2012\n{menu}\nNachtbusse fahren wieder in die Stadtteile\n"
        f"Veröffentlicht: 14.02.2012\n{PROSE}\n{PROSE}"
    )
    assert clean(text, format="text").published == "2012-02-14"


def test_without_labels_one_of_the_datelines_gives_the_date() -> None:
    """Two unlabelled datelines round the headline: which dates the article is the metadata model's learned
    choice (the header's may be today's date, the one under the headline the article's; the models built from
    the bench before and after 6 December 19:00 UTC took one each), but it is one of them, read at the printed day."""
    text = f"Donnerstag, 16. Februar 2012\nNachtbusse fahren wieder in die Stadtteile\n14.02.2012\n{PROSE}\n{PROSE}"
    assert clean(text, format="text").published in {"2012-02-16", "2012-02-14"}


MONTH_PAGE = (
    "Millbrook water plant comes online\n\nBy Jane Doe\n{line}\n\n"
    "A water treatment plant serving about 60,000 people began operating on Thursday.\n\n"
    "City officials said the plant would end years of boil-water notices.\n"
)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Published: January 2024", "2024-01"),
        ("Posted on January 2024", "2024-01"),
        ("Published: March 2024\nJanuary 6, 2024", "2024-03"),
    ],
)
def test_a_dateline_at_a_months_precision_dates_the_article_to_the_month(
    tmp_path: Path, line: str, published: str
) -> None:
    """A dateline naming a month, not a day ("Published: January 2024"), stopped the document: the date chooser's
    distance between days split "2024-01" into three numbers ("internal error: ValueError: not enough values to
    unpack", exit 2) until users55.  Such a date counts from the month's first day and is written at its precision
    (docs/schema.md: a month is "2024-01"); through the command and ``clean_file``, on a real file."""
    (tmp_path / "month.txt").write_text(MONTH_PAGE.format(line=line), encoding="utf-8")
    ran = clean_in_process("month.txt", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["published"] == published
    assert clean_file(tmp_path / "month.txt").published == published
