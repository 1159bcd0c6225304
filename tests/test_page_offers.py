"""The page's offers (``cleaner.html.offers``) and the trained title choice (``cleaner.metadata.pagechoice``)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from htmlpages import html_page

from cleaner.html.page import read_page
from cleaner.metadata.choice import ModelFileError
from cleaner.metadata.offers import PAGE_FEATURES, Offer, date_days, day_value, feature_rows, update_days
from cleaner.metadata.pagechoice import (
    NO_CHOICE,
    PRODUCT_FIELDS,
    best_offer,
    completed_title,
    load_page_model,
    with_dates,
)
from cleaner.model import Metadata

PROSE = (
    "The council approved the new ferry timetable on Tuesday after a long debate about costs, "
    "and the first boats will run on the changed schedule from the start of next month."
)


def page(body: str, head: str = "", lang: str = "en") -> str:
    return html_page(body, head, lang, footer="<footer><p>© 2020 Example Media</p></footer>")


def body(paragraphs: int = 4) -> str:
    return "".join(f"<p>{PROSE} Paragraph {i} adds its own detail.</p>" for i in range(paragraphs))


def offers(html: str, field: str) -> list:
    return [offer for offer in read_page(html, model=NO_CHOICE, offers=True).offers if offer.field == field]


def test_the_shipped_model_holds_the_title_author_and_date_models_on_their_features() -> None:
    model = load_page_model()
    assert set(model.fields) == set(PRODUCT_FIELDS) == {"title", "authors", "date"}
    assert all(0 < model.fields[field].threshold < 0.5 for field in PRODUCT_FIELDS)


def test_a_model_file_for_other_features_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"title": {"features": ["a", "b"], "threshold": 0.05, "model": ""}}), "utf-8")
    with pytest.raises(ModelFileError, match=r"model\.json"):
        load_page_model(path)
    with pytest.raises(ModelFileError, match="cannot read"):
        load_page_model(tmp_path / "missing.json")


def test_the_headline_is_chosen_over_the_title_tag_with_its_site_name() -> None:
    head = '<meta property="og:site_name" content="Harbour News"><title>Ferry timetable approved | Harbour News</title>'
    meta = read_page(page(f"<article><h1>Ferry timetable approved</h1>{body()}</article>", head)).metadata
    assert meta.title == "Ferry timetable approved"
    assert dict(meta.sources)["title"] in {"h1", "title-tag", "meta"}


CUT = "Court files show the harbour authority's security team took part in..."
WHOLE = "Court files show the harbour authority's security team took part in the ferry inquiry"


@pytest.mark.parametrize("cut", [CUT, CUT[:-3] + "…", CUT[:-3] + " ..."])
def test_a_title_cut_short_is_completed_by_the_best_offer_that_goes_on(cut: str) -> None:
    found = [
        Offer("title", cut, "twitter:title"),
        Offer("title", WHOLE + " | Harbour News", "og:title"),
        Offer("title", WHOLE, "og:title", derived="site-removed"),
        Offer("title", "Harbour News", "og:site_name"),
    ]
    assert completed_title(found, np.array([0.9, 0.3, 0.6, 0.8]), 0).value == WHOLE  # the best-scored completion
    assert completed_title(found, np.array([0.9, 0.7, 0.6, 0.8]), 0).value == WHOLE + " | Harbour News"


@pytest.mark.parametrize(
    "title, other",
    [
        ("Alles hat seine Zeit...", "Alles hat seine Zeit, sagt der Chor"),  # too short to be a cut
        (CUT, "Court files show the ferry inquiry's findings"),  # no offer says the same words and goes on
        (CUT, CUT[:-3] + " and more..."),  # an offer cut short itself completes nothing
        (CUT, CUT + " | Harbour News"),  # the ellipsis is the headline's own: the site's name after it is no more
        (WHOLE, WHOLE + " | Harbour News"),  # not cut short: the choice stands
    ],
)
def test_a_title_not_cut_short_or_without_a_completion_stays_as_chosen(title: str, other: str) -> None:
    found = [Offer("title", title, "twitter:title"), Offer("title", other, "h1")]
    assert completed_title(found, np.array([0.9, 0.5]), 0).value == title


def test_a_title_offer_row_has_one_value_per_feature() -> None:
    head = "<title>Ferry timetable approved - Harbour News</title>"
    found = offers(page(f"<article><h1>Ferry timetable approved</h1>{body()}</article>", head), "title")
    assert {offer.source for offer in found} >= {"title-tag", "h1"}
    rows = feature_rows("title", found)
    assert len(rows) == len(found) and all(len(row) == len(PAGE_FEATURES["title"]) for row in rows)
    assert best_offer(NO_CHOICE, "title", found) is None  # a model without the field chooses nothing


def test_author_offers_are_people_never_an_organisation_or_the_site() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "author": [{"@type": "Organization", "name": "Harbour Media Group"}, {"@type": "Person", "name": "Ana Lima"}],
        "publisher": {"@type": "Organization", "name": "Harbour News"},
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta property="og:site_name" content="Harbour News"><meta name="author" content="Harbour News">'
    )
    found = offers(page(f"<article><h1>Ferry timetable</h1>{body()}</article>", head), "authors")
    names = {name for offer in found for name in offer.value}
    assert "Ana Lima" in names
    assert not names & {"Harbour Media Group", "Harbour News"}


def test_date_offers_keep_the_precision_of_their_source_and_no_copyright_year_becomes_a_day() -> None:
    head = '<meta property="article:published_time" content="2023-05">'
    found = offers(page(f"<article><h1>Ferry timetable</h1>{body()}</article>", head), "date")
    assert "2023-05" in {offer.value for offer in found}
    assert not any(str(offer.value).startswith("2023-05-01") for offer in found)
    undated = offers(page(f"<article><h1>Ferry timetable</h1>{body()}</article>"), "date")
    assert not any(str(offer.value).startswith("2020-01-01") for offer in undated)  # the footer's © 2020


def test_the_date_is_chosen_as_a_day_one_row_per_offered_day() -> None:
    found = [
        Offer("date", "2023-05-04T09:00:00+00:00", "ld-published"),
        Offer("date", "2023-05-04T11:00:00+02:00", "meta-published"),
        Offer("date", "2023-05-06", "meta-modified"),
    ]
    rows = feature_rows("date", found)
    assert [day for day, _ in date_days(found)] == ["2023-05-04", "2023-05-06"]
    assert len(rows) == 2 and all(len(row) == len(PAGE_FEATURES["date"]) for row in rows)
    assert day_value(date_days(found)[0][1]).value == "2023-05-04T11:00:00+02:00"  # local before UTC
    assert day_value([Offer("date", "2023", "meta-generic")]).value == "2023"  # a year stays a year


def test_the_declared_modification_is_no_publication_day_where_the_page_shows_its_declared_publication() -> None:
    published = Offer("date", "2023-05-04", "ld-published")
    modified = Offer("date", "2023-05-06T10:00:00+02:00", "ld-modified")
    shown = Offer("date", "2023-05-06", "dateline-element", where=0.1, after_h1=1)
    guess = Offer("date", "2023-05-06", "htmldate")
    assert not update_days([published, modified, shown, guess])  # it shows only that day: it may have been redated
    confirmed = Offer("date", "2023-05-04", "dateline-element", order=1, where=0.9, after_h1=1)
    offers = [published, modified, shown, confirmed, guess]
    assert update_days(offers) == {"2023-05-06"}
    chosen = best_offer(load_page_model(), "date", offers)
    assert chosen is not None and chosen.value == "2023-05-04"
    assert not update_days([replace(confirmed, aside=True), *offers[:3]])  # a teaser's date confirms nothing
    assert not update_days([replace(confirmed, label="updated"), *offers[:3]])  # nor does an update
    assert not update_days([*offers, Offer("date", "2023-05-06", "meta-published")])  # declared as both


def test_htmldate_is_asked_only_where_the_pages_own_dates_disagree_or_give_no_day() -> None:
    one_day = '<meta property="article:published_time" content="2023-05-04T09:00:00+02:00">'
    html = page(f'<article><h1>Ferry timetable</h1><time datetime="2023-05-04">4 May</time>{body()}</article>', one_day)
    assert not any(offer.source == "htmldate" for offer in offers(html, "date"))
    html = page(f'<article><h1>Ferry timetable</h1><time datetime="2023-05-09">9 May</time>{body()}</article>', one_day)
    assert "htmldate" in {offer.source for offer in offers(html, "date")}


def test_a_day_only_htmldate_gives_is_kept_apart_as_a_guess() -> None:
    stated, guessed = with_dates(Metadata(), [Offer("date", "2021-05-04", "htmldate")], NO_CHOICE, None)
    assert (stated.published, guessed.published) == (None, "2021-05-04")
    assert dict(guessed.sources) == {"published": "htmldate"}
    declared = [Offer("date", "2021-05-04T10:00:00+02:00", "ld-published"), Offer("date", "2021-05-04", "htmldate")]
    stated, guessed = with_dates(Metadata(), declared, load_page_model(), "2021-05-03")
    assert (stated.published, stated.updated, guessed.published) == ("2021-05-04T10:00:00+02:00", None, None)
    assert dict(stated.sources) == {"published": "json-ld"}


def test_the_declared_person_author_is_chosen_and_an_organisation_never() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Ferry timetable",
        "author": [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Organization", "name": "Harbour Media Group"}],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    meta = read_page(page(f"<article><h1>Ferry timetable</h1>{body()}</article>", head)).metadata
    assert meta.authors == ("Ana Lima",)
    assert dict(meta.sources)["authors"] == "json-ld"
    assert "Harbour Media Group" not in meta.authors


def test_a_page_that_names_nobody_gets_no_author_from_the_page() -> None:
    meta = read_page(page(f"<article><h1>Ferry timetable</h1>{body()}</article>")).metadata
    assert meta.authors == ()
    assert "authors" not in dict(meta.sources)


def test_names_listed_in_a_byline_element_are_each_an_author() -> None:
    byline = '<p class="byline">Maya Okafor, Daniel Reyes</p>'
    found = offers(page(f"<article><h1>Ferry timetable</h1>{byline}{body()}</article>"), "authors")
    assert ("Maya Okafor", "Daniel Reyes") in {offer.value for offer in found if offer.source == "byline-element"}
    role = '<p class="byline">Maya Okafor, Harbour reporter</p>'  # a name and its role: one author
    found = offers(page(f"<article><h1>Ferry timetable</h1>{role}{body()}</article>"), "authors")
    assert {offer.value for offer in found if offer.source == "byline-element"} == {("Maya Okafor",)}


def test_a_byline_element_that_marks_its_name_as_an_hcard_gives_that_name() -> None:
    byline = '<h4 class="vcard author">vom <span class="fn">Krimileser</span></h4>'  # one word: no byline parse
    found = offers(page(f"<article><h1>Ferry timetable</h1>{byline}{body()}</article>", lang="de"), "authors")
    assert ("Krimileser",) in {offer.value for offer in found if offer.source == "byline-element"}


@pytest.mark.parametrize(
    "label",
    [
        "<h5>Autor:</h5> Peter Maahn/SP-X <br>",  # an agency after the name, cut as in a byline element
        '<p><strong>Autor:</strong> <a href="/profil/207">Peter Maahn</a></p>',  # the value in the next element
        "<p><b>By:</b> <span>Peter Maahn</span></p>",
    ],
)
def test_a_label_element_offers_the_name_after_it(label: str) -> None:
    found = offers(page(f"<article><h1>Ferry timetable</h1>{label}{body()}</article>", lang="de"), "authors")
    assert ("Peter Maahn",) in {offer.value for offer in found if offer.source == "header-byline"}


def test_a_label_element_offers_no_sentence_after_it() -> None:
    label = "<p><strong>Autor:</strong> <span>Der Rat hat den neuen Fahrplan am Dienstag beschlossen</span></p>"
    found = offers(page(f"<article><h1>Ferry timetable</h1>{label}{body()}</article>", lang="de"), "authors")
    assert not [offer for offer in found if offer.source == "header-byline"]


def test_a_label_element_far_below_the_headline_offers_its_name_but_not_in_the_comments() -> None:
    end = "<p><strong>Text:</strong> Klara Feldmann</p>"
    comments = '<section class="comments"><p><b>Autor:</b> Otto Quell</p><p>Schöner Artikel.</p></section>'
    html = page(f"<article><h1>Ferry timetable</h1>{body(70)}{end}</article>{comments}", lang="de")
    found = {offer.value for offer in offers(html, "authors") if offer.source == "label-element"}
    assert found == {("Klara Feldmann",)}


def test_a_byline_in_the_comments_is_no_author_offer() -> None:
    comments = '<section class="comments"><span class="author">Otto Quell</span><p>Nice article.</p></section>'
    found = offers(page(f"<article><h1>Ferry timetable</h1>{body()}</article>{comments}"), "authors")
    assert not any("Otto Quell" in offer.value for offer in found)


def test_agreement_is_counted_by_kind_of_source_not_by_reader() -> None:
    shown = [
        Offer("authors", ("Anna Berg",), "byline-element"),
        Offer("authors", ("Anna Berg",), "byline-beside-headline"),
        Offer("authors", ("Rudolf Fischer",), "ld-author"),
        Offer("authors", ("Rudolf Fischer",), "text-byline"),
    ]
    names = PAGE_FEATURES["authors"]
    rows = [dict(zip(names, row, strict=True)) for row in feature_rows("authors", shown)]
    assert [row["agreeing_kinds"] for row in rows] == [1.0, 1.0, 2.0, 2.0]  # one element read twice is one statement
    assert [row["declared"] for row in rows] == [0.0, 0.0, 1.0, 0.0]
