"""Author values the byline reader does not offer: labelled values inside a line, short lines."""

from cleaner.metadata.authorlines import MAX_LABELLED_LINE, labelled_values, short_value, value_features
from cleaner.metadata.byline import split_names


def test_a_label_after_a_date_introduces_a_newsroom() -> None:
    assert ("Redaktion",) in labelled_values("Veröffentlicht am 3. Mai 2021 von Redaktion")


def test_a_label_inside_a_line_gives_a_user_name_and_stops_at_lower_case_words() -> None:
    values = labelled_values("Posted in News by jdoe42 on March 3, 2019")
    assert values[0] == ("jdoe42",)
    assert ("jdoe42 on",) not in values


def test_a_value_ends_at_a_separator_and_before_a_date() -> None:
    values = labelled_values("By Jane Doe | 12/10/2020")
    assert values == [("Jane",), ("Jane Doe",)]


def test_names_joined_by_and_are_split_as_the_benchmark_splits_them() -> None:
    assert ("Anna Weber", "Jan Kroll") in labelled_values("Von Anna Weber und Jan Kroll")
    assert split_names("Anna Weber, Jan Kroll & Eva Roe") == ("Anna Weber", "Jan Kroll", "Eva Roe")


def test_a_long_line_is_prose_and_offers_nothing() -> None:
    line = "The report by the committee " + "was discussed at length " * 5
    assert len(line) > MAX_LABELLED_LINE
    assert labelled_values(line) == []


def test_short_lines() -> None:
    assert short_value("  Newsroom Staff ") == ("Newsroom Staff",)
    assert short_value("12 comments") is None
    assert short_value("a line far too long to be a name standing alone on it") is None


def test_value_features_describe_the_shape() -> None:
    tokens, person, _org, lower, digits, whole, after = value_features(("jdoe42",), "by jdoe42 on Monday")
    assert (tokens, lower, digits, whole, after) == (1, 1.0, 1.0, 0.0, 2)
    assert person == 0.0


def test_a_value_opens_with_a_letter() -> None:
    assert labelled_values("Seite 1 von 2") == []
    assert labelled_values("« 2 von 8 »") == []
    assert labelled_values("Stars (1 / 1) 06.11.2023 13:30 von Olga") == [("Olga",)]
