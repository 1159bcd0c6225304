"""Dates: datelines, short date expressions and metadata values (cleaner.metadata.dates)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.metadata.dates import MAX_LINE, find_dateline, lead_date, normalise_date, parse_date
from cleaner.model import Metadata

# (line, published, updated)
DATELINES = [
    # English
    ("Jan 6, 2024", "2024-01-06", None),
    # Portuguese, Polish and Russian labels and fillers (trial43)
    ("Atualizado em 4 de março de 2024 às 10h15", None, "2024-03-04T10:15:00"),
    ("3 marca 2024 o 10:15", "2024-03-03T10:15:00", None),
    ("Опубликовано: 3 марта 2024", "2024-03-03", None),
    ("Дата публикации: 3 марта 2024 г. в 10:15", "2024-03-03T10:15:00", None),
    ("Опубликовано 3 марта 2024 | Обновлено 4 марта 2024, 11:00", "2024-03-03", "2024-03-04T11:00:00"),
    # Arabic: month names, the Arabic comma, labels (trial43)
    ("3 مارس 2024", "2024-03-03", None),
    ("الأحد، 3 مارس 2024", "2024-03-03", None),
    ("نشر في 3 مارس 2024 - آخر تحديث: 4 مارس 2024", "2024-03-03", "2024-03-04"),
    ("٣ مارس ٢٠٢٤", "2024-03-03", None),
    # Ukrainian, Indonesian, Hebrew, Turkish, Vietnamese: months, weekdays, labels, fillers, zones (trial47)
    ("12 березня 2024, 10:15", "2024-03-12T10:15:00", None),
    ("Опубліковано: 12 березня 2024 р. о 10:15", "2024-03-12T10:15:00", None),
    ("Оновлено: 13 березня 2024", None, "2024-03-13"),
    ("Selasa, 12 Maret 2024 10:15 WIB", "2024-03-12T10:15:00+07:00", None),
    ("Diterbitkan: 12 Maret 2024 pukul 10.15 WITA", "2024-03-12T10:15:00+08:00", None),
    ("12 במרץ 2024", "2024-03-12", None),
    ("פורסם: 12 במרץ 2024 בשעה 10:15", "2024-03-12T10:15:00", None),
    ("Son güncelleme: 13 Mart 2024 saat 10:15", None, "2024-03-13T10:15:00"),
    ("Thứ ba, 12/03/2024, 10:15 (GMT+7)", "2024-03-12T10:15:00+07:00", None),
    ("12 марта 2024, 10:15 MSK", "2024-03-12T10:15:00+03:00", None),
    # Chinese, Japanese and Korean: year, month and day each with its sign, labels before a full-width colon
    ("2024年1月6日", "2024-01-06", None),
    ("2024年1月6日 10:15", "2024-01-06T10:15:00", None),
    ("２０２４年１月６日", "2024-01-06", None),
    ("2024년 1월 6일", "2024-01-06", None),
    ("发布时间：2024-01-06 10:15", "2024-01-06T10:15:00", None),
    ("2024年1月6日 10時15分", "2024-01-06T10:15:00", None),  # the time in its signs (trial44)
    ("2024年1月6日 10時", "2024-01-06T10:00:00", None),
    ("公開日：2024年1月6日", "2024-01-06", None),
    ("發布時間：2024年1月6日｜更新時間：2024年1月7日", "2024-01-06", "2024-01-07"),
    ("January 06, 2024, 6:48 AM", "2024-01-06T06:48:00", None),
    ("Jan. 6th, 2024 at 6:48 p.m. EST", "2024-01-06T18:48:00-05:00", None),
    ("Updated: Jan 6, 2024", None, "2024-01-06"),
    ("Last updated on 7 January 2024", None, "2024-01-07"),
    ("Published Jan 6, 2024 | Updated Jan 7, 2024", "2024-01-06", "2024-01-07"),
    ("Published 6 January 2024 · Updated 7 January 2024, 09:15", "2024-01-06", "2024-01-07T09:15:00"),
    ("Posted on January 6, 2024", "2024-01-06", None),
    ("2 min readJan 6, 2024", "2024-01-06", None),
    ("5 min read · Jan 6, 2024", "2024-01-06", None),
    ("Sat 6 Jan 2024 06.48 GMT", "2024-01-06T06:48:00+00:00", None),
    ("Saturday, January 6, 2024 12:00 PM", "2024-01-06T12:00:00", None),
    ("Mon, January 8, 2024 at 3:00 PM UTC+1", "2024-01-08T15:00:00+01:00", None),
    ("January 6, 2024 12 AM", "2024-01-06T00:00:00", None),
    ("2024-01-06", "2024-01-06", None),
    ("2024-01-06T06:48:00Z", "2024-01-06T06:48:00+00:00", None),
    ("2024-01-06 06:48", "2024-01-06T06:48:00", None),
    ("Published January 2024", "2024-01", None),
    ("13/06/2024", "2024-06-13", None),
    ("06/13/2024", "2024-06-13", None),
    # German
    ("06.01.2024", "2024-01-06", None),
    ("6.1.24", "2024-01-06", None),
    ("6. Januar 2024", "2024-01-06", None),
    ("Veröffentlicht am 06.01.2024", "2024-01-06", None),
    ("Aktualisiert am 6. Januar 2024, 14:30 Uhr", None, "2024-01-06T14:30:00"),
    ("Stand: 06.01.2024 14:30 Uhr", None, "2024-01-06T14:30:00"),
    ("Stand: 06.01.2024, 14 Uhr", None, "2024-01-06T14:00:00"),
    ("Samstag, 06.01.2024, 14:30 Uhr MEZ", "2024-01-06T14:30:00+01:00", None),
    ("BERLIN, 6. Januar 2024", "2024-01-06", None),
    ("Erschienen am 6. Jänner 2024", "2024-01-06", None),
    ("Lesezeit: 3 Min. | 06.01.2024", "2024-01-06", None),
    ("Letzte Aktualisierung: 28.01.2022", None, "2022-01-28"),
    ("Veröffentlichung: 04.02.2022", "2022-02-04", None),
    ("Veröffentlicht am 19. Dezember 202219. Dezember 2022", "2022-12-19", "2022-12-19"),  # WordPress glue
    ("10. Februar 20199. Februar 2019", "2019-02-10", "2019-02-09"),
    ("Sa, 19. Okt 2019", "2019-10-19", None),
    ("06. Dez. 2022 | 10:24 Uhr", "2022-12-06T10:24:00", None),
    ("Hamburg, den 02. Dezember 2022", "2022-12-02", None),
    ("24. April 2020 | Pressemitteilungen", "2020-04-24", None),  # a category after the date
    ("January 6, 2024 · 5 Comments", "2024-01-06", None),
    ("06.11.2023 0 Kommentare", "2023-11-06", None),
    ("18.02.2022, 10:27 | Recht & Gesetz | Jetzt kommentieren", "2022-02-18T10:27:00", None),
    # French
    ("6 janvier 2024", "2024-01-06", None),
    ("Publié le 6 janvier 2024", "2024-01-06", None),
    ("Mis à jour le 6 janvier 2024 à 14h30", None, "2024-01-06T14:30:00"),
    ("Publié le 6 janvier 2024 et mis à jour le 7 janvier 2024", "2024-01-06", "2024-01-07"),
    ("Publié le 1er févr. 2024 à 08h05", "2024-02-01T08:05:00", None),
    # Spanish
    ("6 de enero de 2024", "2024-01-06", None),
    ("Actualizado: 6 de enero de 2024", None, "2024-01-06"),
    ("Publicado el 6 de enero de 2024 a las 14:30", "2024-01-06T14:30:00", None),
    ("Actualizado 06/01/2024 - 14:30 CET", None, "2024-01-06T14:30:00+01:00"),  # Spanish word: day first
    ("Publicado el 03/05/2022 a las 22h03", "2022-05-03T22:03:00", None),
    ("sábado 07 de mayo del 2022 | Actualizado 07 May 2022 | 13:43 h", "2022-05-07", "2022-05-07T13:43:00"),
    ("sabado, 7 de mayo de 2022", "2022-05-07", None),  # accents dropped
    ("miércoles, 4 de mayo de 202200:00 hs", "2022-05-04T00:00:00", None),  # glued time
    # Portuguese: a weekday written with "-feira", the time after "às"
    ("segunda-feira, 6 de janeiro de 2024 às 0:13", "2024-01-06T00:13:00", None),
    ("Publicado em 6 de janeiro de 2024 às 14:30", "2024-01-06T14:30:00", None),
    # Italian, Dutch: month names come from dateparser's locales
    ("Publié le 6 janvier 2024 à 8 h 30", "2024-01-06T08:30:00", None),  # French typography (trial44)
    ("Mis à jour le 7 janvier 2024 à 10 h 05", None, "2024-01-07T10:05:00"),
    ("Pubblicato il 6 gennaio 2024", "2024-01-06", None),
    ("Bijgewerkt op 6 januari 2024", None, "2024-01-06"),
]

NOT_DATELINES = [
    "2024 01 08T193634Z 1 LYNXMPEK070Q3 RTROPTP 4 IRAQ SECURITY USA scaled",  # image slug with a timestamp
    "The meeting on Jan 6, 2024 was long.",
    "FILE PHOTO: Military vehicles are seen at the al-Asad air base, Iraq, January 13, 2020.",
    "Am 6. Januar 2024 traf sich der Ausschuss.",
    "Thứ ba tuần trước, 12/03/2024, thành phố đã khánh thành thư viện mới",  # prose: the fillers do not make it one
    "Saat ini 12 Maret 2024 menjadi hari penting",
    "Son 12 Mart 2024 saat 10:15 toplantı yapıldı",
    "Le 6 janvier 2024, le gouvernement a annoncé sa décision.",
    "El 6 de enero de 2024 el gobierno anunció su decisión.",
    "2024年1月6日，市议会召开会议并通过了新的决议。",  # a sentence opening with its date
    "3 марта 2024 г. в городе прошли выборы.",
    "في 3 مارس 2024 قال الوزير إن المشروع سيكتمل.",
    "A feira abre em 6 de janeiro de 2024 às 10:00.",
    "Le 6 janvier 2024 à 8 h 30, le conseil a voté.",
    "2024年1月6日10時30分から会議が開かれた。",  # a sentence opening with its date and time
    "Christian Baghai, Jan 6, 2024",  # a byline with a date: a byline, not a dateline
    "By Jane Doe | Jan 6, 2024",
    "Pressemitteilungen | 24. April 2020",  # categories only after the date
    "24. April 2020 | Das dubiose Geschäft mit der Hoffnung",  # a headline, not a category
    "24. April 2020 | Foo | Bar | Baz",  # at most two category segments
    "January 2024",  # a bare month: an archive link or heading
    "Updated",
    "2 min read",
    "31.02.2024",  # impossible
    "Jan 6, 1890",  # out of range
    "06.01.2150",
    "01/06/2024",  # ambiguous: US or European
    "Posted 01/06/2024",
    "Jan 6, 2024 25:10",  # impossible time
    "© 2024 Example Media",
    "",
    "Jan 6, 2024 " + "x" * MAX_LINE,  # too long
]


@pytest.mark.parametrize(("line", "published", "updated"), DATELINES)
def test_datelines(line: str, published: str | None, updated: str | None) -> None:
    assert find_dateline(line) == Metadata(published=published, updated=updated)


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_not_datelines(line: str) -> None:
    assert find_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "day_first", "expected"),
    [
        ("01/06/2024", True, "2024-06-01"),
        ("01/06/2024", False, "2024-01-06"),
        ("01/06/2024", None, None),
        ("13/06/2024", False, "2024-06-13"),  # unambiguous whatever the hint
        ("06/13/2024", True, "2024-06-13"),
        ("Stand: 01/06/2024", None, "2024-06-01"),  # a German word: day first
        ("06.01.2024", False, "2024-01-06"),  # dots are always day first
    ],
)
def test_day_first(line: str, day_first: bool | None, expected: str | None) -> None:
    result = find_dateline(line, day_first=day_first)
    assert (result.published or result.updated if result else None) == expected
    assert parse_date(line, day_first=day_first) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 6, 2024", "2024-01-06"),
        ("  6 janvier 2024  ", "2024-01-06"),
        ("Updated: Jan 7, 2024", "2024-01-07"),
        ("January 2024", "2024-01"),
        ("6 de enero de 2024, 18:05", "2024-01-06T18:05:00"),
        ("06.01.2024 14:30 Uhr", "2024-01-06T14:30:00"),
        ("29.02.2024", "2024-02-29"),
        ("29.02.2023", None),
        ("yesterday", None),
        ("3 hours ago", None),
        ("Jan 6", None),
        ("in the year 2024", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-06T06:48:00+00:00", "2024-01-06T06:48:00+00:00"),
        ("2024-01-06T06:48:00+0100", "2024-01-06T06:48:00+01:00"),
        ("2024-01-06T06:48:00.123Z", "2024-01-06T06:48:00+00:00"),
        ("2024-01-06T06:48:00", "2024-01-06T06:48:00"),
        ("2024-01-06T06:48", "2024-01-06T06:48:00"),
        ("2024-01-06 06:48:00 -05:00", "2024-01-06T06:48:00-05:00"),
        ("2024-01-06", "2024-01-06"),
        ("20240106", "2024-01-06"),
        ("2024-01", "2024-01"),
        ("2024", "2024"),
        ("Sat, 06 Jan 2024 06:48:00 GMT", "2024-01-06T06:48:00+00:00"),
        ("Sat, 06 Jan 2024 06:48:00 +0100", "2024-01-06T06:48:00+01:00"),
        ("Sat, 06 Jan 2024 06:48:00 -0000", "2024-01-06T06:48:00"),  # -0000: zone unknown
        ("January 6, 2024", "2024-01-06"),
        ("1704523680", "2024-01-06T06:48:00+00:00"),  # Unix time: an instant, written in UTC
        ("1704523680000", "2024-01-06T06:48:00+00:00"),  # in milliseconds
        ("Sat Jan 06 2024 07:48:00 GMT+0100 (Central European Standard Time)", "2024-01-06T07:48:00+01:00"),
        ("2022-01-10T22:06:08:684Z", "2022-01-10T22:06:08+00:00"),
        ("01:38:07 PM IST Nov 20, 2019", "2019-11-20T13:38:07"),  # IST is three zones: no offset
        ("0001-01-01T00:00:00Z", None),  # a placeholder, not a date
        ("1970-01-01T01:00:00+01:00", None),
        ("2024-13-01", None),
        ("2024-02-30", None),
        ("0000-00-00", None),
        ("", None),
        ("not a date", None),
    ],
)
def test_normalise_date(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung.", "2022-11-21"),
        ("Berlin, 21. November 2022 – Die Regierung hat beschlossen.", "2022-11-21"),
        ("BERLIN, Nov. 21, 2022 /PRNewswire/ -- The company announced.", "2022-11-21"),
        ("29.11.2022 – Mehrfach und vehement hatte die Branche gewarnt.", "2022-11-29"),
        ("Berlin (dpa) - Die Regierung hat beschlossen.", None),  # no date
        ("Im Mai 2022 - ein Jahr nach dem Start - kam die Wende.", None),  # a month is not a dateline
        ("The 2022 - 2023 season was long.", None),
        ("On 21 November 2022 the board met and decided - unanimously - to sell.", None),  # prose
    ],
)
def test_lead_date(paragraph: str, expected: str | None) -> None:
    assert lead_date(paragraph) == expected


def test_results_are_fixed_points() -> None:
    """Cleaning is idempotent: an ISO value we produce normalises to itself."""
    for line, published, updated in DATELINES:
        for value in (published, updated):
            if value is not None:
                assert normalise_date(value) == value, line


_HUGE = {
    "dates": "Jan 6, 2024 " * 10_000,
    "spaces": "a" + " " * 100_000 + "(b)",  # a whitespace run: the shape that makes `\s*...$` quadratic
    "separators": "6.1.2024" + " |" * 50_000 + " x",
    "digits": "1" * 100_000,
    "parentheses": "(" * 100_000,
}


@pytest.mark.parametrize("text", _HUGE.values(), ids=_HUGE.keys())
def test_long_lines_are_refused_unread(text: str) -> None:
    """By construction: anything longer than MAX_LINE is rejected before any pattern runs."""
    assert find_dateline(text) is None
    assert parse_date(text) is None
    assert normalise_date(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_raise_on_arbitrary_text(text: str) -> None:
    result = find_dateline(text)
    assert result is None or isinstance(result, Metadata)
    for value in (parse_date(text), normalise_date(text)):
        assert value is None or value[:4].isdigit()


_FURNITURE = st.sampled_from(["Updated:", "Stand:", "Publié le", "|", "·", "2 min read", "Uhr", "14:30", "am", " "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FURNITURE, st.sampled_from(["6 Jan 2024", "06.01.2024", "6 de enero de 2024"])), max_size=8))
def test_dateline_shapes_never_raise_and_stay_in_range(parts: list[str]) -> None:
    result = find_dateline(" ".join(parts))
    if result is not None:
        for value in (result.published, result.updated):
            assert value is None or value.startswith("2024-01-06")


_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
_FORMATS = [
    lambda d: f"{_EN[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{_EN[d.month - 1][:3]} {d.day:02d}, {d.year}",
    lambda d: f"{d.day} {_EN[d.month - 1]} {d.year}",
    lambda d: f"{d.day}. {_DE[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {_FR[d.month - 1]} {d.year}",
    lambda d: f"{d.day} de {_ES[d.month - 1]} de {d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: d.isoformat(),
]


@settings(max_examples=400, deadline=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(_FORMATS),
    st.sampled_from(["", "Updated: ", "Veröffentlicht am ", "Publié le ", "Publicado el ", "2 min read"]),
)
def test_any_date_in_any_form_round_trips(day: date, form: object, label: str) -> None:
    """Every real date in every supported form reads back as itself, with or without a label."""
    text = label + form(day)  # type: ignore[operator]
    assert parse_date(text) == day.isoformat()
    result = find_dateline(text)
    assert result is not None
    assert (result.updated if label == "Updated: " else result.published) == day.isoformat()


@pytest.mark.xfail(strict=True, reason="CNN prints the time as HHMM without a colon; read as a year-like number")
def test_known_failure_hhmm_time() -> None:
    assert find_dateline("Updated 2010 GMT (0410 HKT) March 14, 2021") == Metadata(
        published=None, updated="2021-03-14T20:10:00+00:00"
    )


@pytest.mark.xfail(strict=True, reason="a date range is not a single date; the first day is not taken")
def test_known_failure_date_range() -> None:
    assert parse_date("14. - 20. Januar 2022") == "2022-01-14"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Brasília 03/05/2022 21:44",
            Metadata(published="2022-05-03T21:44:00", updated=None),
        ),  # a place, then the date
        ("opublikowano: 7 kwietnia 2021", Metadata(published="2021-04-07", updated=None)),
        ("Aktualizacja: 05.05.2021, 05:53", Metadata(published=None, updated="2021-05-05T05:53:00")),
        ("Atualizado em 03/05/2022 21:44", Metadata(published=None, updated="2022-05-03T21:44:00")),
        ("Julkaistu 3.5.2022", Metadata(published="2022-05-03", updated=None)),
    ],
)
def test_places_and_more_languages_labels(line: str, expected: Metadata) -> None:
    assert find_dateline(line, day_first=True) == expected


def test_the_month_trie_matches_as_the_names_joined_longest_first() -> None:
    """The month names' alternation is a trie for speed (``datewords._longest_first``); under IGNORECASE it
    finds what the names joined longest first find, in every case the engine folds (dotless i, long s)."""
    import re

    from cleaner.lexicon.calendar import month_names
    from cleaner.metadata.datewords import _longest_first

    names = sorted(set(month_names()))
    joined = "(?:" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + ")"
    pattern = r"(?P<mn>{})(?![^\W\d_])\.?\s*(?P<d>\d{{1,2}})?"
    trie, plain = (
        re.compile(pattern.format(alternation), re.IGNORECASE) for alternation in (_longest_first(names), joined)
    )
    texts = []
    for name in names:
        for variant in {name, name.upper(), name.title(), name.replace("i", "ı"), name.replace("s", "ſ")}:
            texts += [f"{variant} 5, 2024", f"x{variant}. 12", f"{variant}{variant} 3"] + [
                variant[:k] for k in range(1, 5)
            ]
    for text in texts:
        assert [m.groupdict() | {"span": m.span()} for m in trie.finditer(text)] == [
            m.groupdict() | {"span": m.span()} for m in plain.finditer(text)
        ]


ISO = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}([+-][0-9]{2}:[0-9]{2})?)?)?)?"  # the JSON Schema's


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("২০২০-০৮-২৯T১০:৪৬:০৬+০১:০০", "2020-08-29T10:46:06+01:00"),  # Bengali digits, a site's dateModified
        ("2020-08-29T10:46:06+٠١:٣٠", "2020-08-29T10:46:06+01:30"),  # Arabic-Indic digits in the offset
        ("২০২০-০৮", "2020-08"),
        ("২০২০", "2020"),
    ],
)
def test_dates_in_other_scripts_digits_are_written_in_ascii(value: str, expected: str) -> None:
    """``\\d`` matches the digits of every script and ``int()`` reads them, so the day and the clock came out in
    ASCII while a year, a month and an offset's minutes were kept as written: a page's ``dateModified`` in
    Bengali digits gave ``published: "2020-08-29T10:46:06+01:০০"``, which is no ISO 8601 and fails the
    package's own JSON Schema (one tfeval page)."""
    assert normalise_date(value) == expected


def test_an_article_dated_in_other_scripts_digits_has_an_iso_date() -> None:
    """The same through ``clean``: a page's meta date and a text's dateline."""
    value = "২০২০-০৮-২৯T১০:৪৬:০৬+০১:০০"
    page = f'<html><head><meta itemprop="datePublished" content="{value}"></head><body><article><h1>A headline</h1>'
    page += "<p>" + "A paragraph of the article, long enough to be its body. " * 8 + "</p></article></body></html>"
    published = clean(page, format="html").published
    assert published == "2020-08-29T10:46:06+01:00" and re.fullmatch(ISO, published)
    text = clean("A headline\n\nPublished: ২৯.০৮.২০২০ ১০:৪৬ +০১:৩০\n\n" + "A sentence of the body. " * 12)
    assert text.published == "2020-08-29T10:46:00+01:30"
