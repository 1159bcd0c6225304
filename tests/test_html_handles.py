"""How the page's author offers are written: a declared account name ("jane_doe") as the page shows it
("Jane Doe"), a name given in part in full, a name without its label or the weekday of its date."""

from __future__ import annotations

import lxml.html
import pytest
from htmlpages import html_page

from cleaner import clean
from cleaner.html.authors import shown_as
from cleaner.html.page import read_page
from cleaner.metadata.pagechoice import NO_CHOICE

PROSE = "".join(
    f"<p>The council approved the new ferry timetable on Tuesday after a long debate about costs, and the "
    f"first boats will run on the changed schedule from next month. Paragraph {i} adds its own detail.</p>"
    for i in range(4)
)


def tree(body: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{body}</body></html>")


def article(credits: str, head: str = "") -> str:
    """A page whose article has a headline, then ``credits`` (the byline markup), then prose."""
    return html_page(
        f"<article><h1>Ferry timetable approved after a long debate</h1>{credits}{PROSE}</article>", head=head
    )


def author_offers(html: str) -> set[tuple[str, ...]]:
    return {offer.value for offer in read_page(html, model=NO_CHOICE, offers=True).offers if offer.field == "authors"}


@pytest.mark.parametrize(
    ("handle", "shown"),
    [
        ("gabor_munier", "Gàbor Muniér"),  # accents the account name could not hold
        ("jane.doe", "Jane Doe"),
        ("jean-luc-picard", "Jean-Luc Picard"),
        ("edilsonlarosa", "Edilson La Rosa"),  # lower case, no separator
        ("Anna_Maria_Rossi", "Anna Maria Rossi"),
    ],
)
def test_a_handle_takes_the_name_the_page_shows(handle: str, shown: str) -> None:
    page = tree(f"<div class='meta'><a href='/u/1'>{shown}</a> · 3 min read</div>{PROSE}")
    assert shown_as((handle,), page) == (shown,)


@pytest.mark.parametrize(
    ("names", "body"),
    [
        (("marc",), "<a href='/u'>Marc</a>"),  # one word shown: nothing says it is the same person
        (("jdoe",), "<a href='/u'>Jane Doe</a>"),  # other letters: not the same name
        (("Jane",), "<span>Ja Ne</span>"),  # a capitalised one-word name is no handle
        (("jane_doe",), "<p>jane doe</p>"),  # shown in lower case: not written as a name
        (("Jane Doe", "kim_lee"), "<p>Someone else</p>"),
    ],
)
def test_names_the_page_does_not_spell_out_stay_as_they_are(names: tuple[str, ...], body: str) -> None:
    assert shown_as(names, tree(body + PROSE)) == names


def test_the_page_offers_and_clean_give_the_shown_name() -> None:
    html = article(
        "<p class='submitted'>Posted on 3 May by <a href='/user/7'>Zoë Ångström</a></p>",
        head="<meta name='author' content='zoe_angstrom'>",
    )
    offered = author_offers(html)
    assert ("Zoë Ångström",) in offered
    assert ("zoe_angstrom",) not in offered
    assert clean(html, format="html").metadata.authors == ("Zoë Ångström",)


def test_a_first_name_alone_is_written_in_full_where_another_source_names_that_person() -> None:
    html = article(
        "<p class='byline'>By <a href='/a/nils'>Nils Pickert</a></p>",
        head="<meta name='author' content='Nils'>",
    )
    assert author_offers(html) == {("Nils Pickert",)}


def test_a_first_name_shared_by_two_full_names_stays_as_it_is() -> None:
    html = article(
        "<p class='byline'>By Anna Berg and Anna Lind</p>",
        head="<meta name='author' content='Anna'>",
    )
    assert ("Anna",) in author_offers(html)


@pytest.mark.parametrize("label", ["Updated", "Published", "Aktualisiert"])
def test_a_dateline_label_in_a_byline_element_is_no_author(label: str) -> None:
    html = article(f"<p class='byline'>By Jane Doe</p><span class='byline'>{label}</span>")
    assert author_offers(html) == {("Jane Doe",)}


def test_a_surname_alone_is_written_in_full_where_the_markup_declares_that_person() -> None:
    html = article(
        "<p class='byline'>Lindqvist</p>",
        head='<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry timetable", '
        '"author": {"@type": "Person", "name": "Marta von Lindqvist"}}</script>',
    )
    assert author_offers(html) == {("Marta von Lindqvist",)}


def test_a_surname_is_not_completed_from_a_name_the_page_only_shows() -> None:
    html = article(
        "<p class='byline'>Von Anna Pemberly</p><p class='author'>Pemberly</p>",
    )
    assert ("Pemberly",) in author_offers(html)


def test_a_weekday_left_after_a_name_by_its_date_goes_where_the_page_names_the_person_without_it() -> None:
    html = article(
        "<p class='byline'>Jonas Albrecht Fr, 3. Dezember 2021</p>"
        "<p class='author'><a href='/a/ja'>Jonas Albrecht</a></p>",
    )
    assert author_offers(html) == {("Jonas Albrecht",)}


def test_a_weekday_after_a_name_stays_where_no_offer_names_the_person_without_it() -> None:
    html = article(
        "<p class='byline'>Jonas Albrecht Fr, 3. Dezember 2021</p>",
    )
    assert author_offers(html) == {("Jonas Albrecht Fr",)}


@pytest.mark.parametrize("label", ["责任编辑：", "作者: ", "記者：", "文：", "文・写真：", "取材・文："])
def test_a_chinese_or_japanese_credit_label_is_no_part_of_the_name(label: str) -> None:
    html = article(
        f"<div class='detail_author'><span>{label}李小红</span></div>",
    )
    assert ("李小红",) in author_offers(html)


@pytest.mark.parametrize("label", ["记者 ", "作者 ", "编辑 ", "文 "])
def test_a_chinese_or_japanese_credit_label_without_a_colon_is_no_part_of_the_name(label: str) -> None:
    html = article(f"<span class='author'>{label}王小明</span>")
    assert author_offers(html) == {("王小明",)}


@pytest.mark.parametrize(
    "text",
    [
        "编辑 推荐阅读更多精彩文章",  # more than a name's 2-4 characters after the label: no name
    ],
)
def test_a_chinese_label_and_a_space_before_anything_but_a_name_names_nobody(text: str) -> None:
    assert author_offers(article(f"<span class='author'>{text}</span>")) == set()


def test_a_chinese_label_before_two_names_names_both() -> None:
    """Two reporters after one label, a space between them (cleaner.metadata.cjkbylines; named nobody before 8
    December 2026)."""
    assert author_offers(article("<span class='author'>记者 王小明 李华</span>")) == {("王小明", "李华")}


def test_the_names_of_another_offer_run_together_are_those_names() -> None:
    html = article(
        "<p class='byline'>By <a href='/a/ar'>Maya Torres</a> and <a href='/a/do'>Liam O'Connell</a></p>",
        head="<meta name='author' content=\"Maya Torres Liam O'Connell\">",
    )
    assert author_offers(html) == {("Maya Torres", "Liam O'Connell")}
