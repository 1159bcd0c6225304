"""The lexicon's month and weekday names are what dateparser's locales give (``clean learn`` starts without dateparser:
``tests/test_architecture.py``).

``cleaner.lexicon.calendar`` reads the names from ``month_names.txt`` and ``weekday_names.txt`` (written by
``bench/calendar_names.py``) instead of deriving them from dateparser at every start; these tests hold the files
to the derivation from the installed dateparser (the old code, kept in the script), names, numbers and order.
"""

from __future__ import annotations

from bench.calendar_names import month_names as derived_months
from bench.calendar_names import months_text, weekdays_text
from bench.calendar_names import weekday_names as derived_weekdays
from cleaner.lexicon import calendar


def test_month_names_are_dateparsers_in_its_order() -> None:
    assert list(calendar.month_names().items()) == list(derived_months().items())


def test_weekday_names_are_dateparsers() -> None:
    assert calendar.weekday_names() == derived_weekdays()


def test_the_files_are_what_the_script_writes() -> None:
    """Run ``python bench/calendar_names.py`` when this fails after an upgrade of dateparser."""
    from importlib import resources

    folder = resources.files("cleaner.lexicon")
    assert folder.joinpath("month_names.txt").read_text(encoding="utf-8") == months_text()
    assert folder.joinpath("weekday_names.txt").read_text(encoding="utf-8") == weekdays_text()
