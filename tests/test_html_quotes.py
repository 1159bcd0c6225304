"""A quote of the article's flow that the extraction leaves out is put back in its place (issue 14, recall).

trafilatura drops a ``<blockquote>`` standing between two paragraphs of the article where a wrapper's class
reads as furniture to it (an embedded post in ``<div class="social-media-embed">`` or ``<figure class="embed">``).
These made-up pages, in three languages, check that such a quote comes back between the paragraphs around it
(``cleaner.html.quotes``), and that a quote outside the article's flow, or an embed's stub of links, does not.
"""

from __future__ import annotations

import lxml.html
import pytest

from cleaner import clean
from cleaner.html.quotes import quote_pieces

ARTICLES = {
    "en": (
        "The harbour committee met on Tuesday evening to decide whether the old ferry pier should be rebuilt in "
        "timber or replaced with a floating pontoon, a question that has divided the town for a year.",
        "Engineers who surveyed the pier in the spring found that more than half of its oak piles had rotted below "
        "the waterline, and they warned that it could not safely carry vehicles for another winter.",
        "After nearly three hours of discussion, the committee voted five to three for the pontoon, with a promise "
        "that the timber of the old pier would be reused for benches and a shelter on the quay.",
        "Work is expected to begin in the autumn, once the summer ferry timetable has ended, and the committee hopes "
        "the new berth will be ready before the first storms of the winter arrive on the coast.",
    ),
    "de": (
        "Der Gemeinderat hat am Dienstagabend beschlossen, die alte Stadtbibliothek nicht abzureißen, sondern sie in "
        "den kommenden zwei Jahren zu einem Bürgerzentrum mit Lesesaal und Werkstätten umzubauen.",
        "Ein Gutachten hatte im Frühjahr gezeigt, dass das Dach und die Fenster erneuert werden müssen, die tragenden "
        "Wände aus dem neunzehnten Jahrhundert aber in einem erstaunlich guten Zustand sind.",
        "Die Kosten des Umbaus werden auf knapp vier Millionen Euro geschätzt, von denen das Land nach einer ersten "
        "Zusage etwa die Hälfte aus seinem Programm für die Sanierung alter Gebäude übernehmen will.",
        "Die Arbeiten sollen im Herbst beginnen, sobald die Bücher in ein Ausweichquartier in der alten Schule "
        "gebracht sind, und der Lesesaal soll im Frühjahr darauf wieder für alle geöffnet werden.",
    ),
    "es": (
        "El ayuntamiento aprobó el martes por la noche un plan para convertir el antiguo mercado de abastos en un "
        "espacio cultural con biblioteca, talleres y una sala de conciertos para los vecinos del barrio.",
        "Los técnicos municipales revisaron el edificio durante la primavera y concluyeron que la estructura de "
        "hierro del siglo pasado se conserva bien, aunque la cubierta necesita una reparación completa.",
        "El presupuesto de la obra ronda los cinco millones de euros, y la comunidad autónoma se ha comprometido a "
        "financiar cerca de la mitad con fondos destinados a la rehabilitación de edificios históricos.",
        "Las obras comenzarán en otoño, cuando termine la temporada de ferias, y el equipo de gobierno espera que el "
        "nuevo centro abra sus puertas antes del verano del año que viene.",
    ),
}
POSTS = {
    "en": ("Standing room only at the harbour meeting tonight, the whole town came out for the pier.", "Harbour Watch"),
    "de": (
        "Volles Haus im Rathaus: Die halbe Stadt wollte heute wissen, was aus der alten Bibliothek wird.",
        "Stadtblog",
    ),
    "es": (
        "Lleno total en el pleno de esta noche: medio barrio vino a saber qué pasará con el mercado.",
        "Vecinos Centro",
    ),
}
WRAPPERS = (
    "<div class='social-media-embed'>{}</div>",
    "<figure class='embed'>{}</figure>",
)


def tweet(language: str) -> str:
    text, account = POSTS[language]
    return (
        f"<blockquote class='twitter-tweet'><p lang='{language}'>{text} <a href='https://t.co/x1'>pic.twitter.com/x1</a>"
        f"</p>&mdash; {account} (@{account.replace(' ', '').lower()}) "
        "<a href='https://twitter.com/x/status/1'>November 18, 2019</a></blockquote>"
    )


def page(language: str, middle: str, after: str = "") -> str:
    """An article page with ``middle`` between its second and third paragraphs and ``after`` below the article."""
    first, second, third, fourth = (f"<p>{text}</p>" for text in ARTICLES[language])
    menu = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(6))
    return (
        f"<!DOCTYPE html><html lang='{language}'><head><meta charset='utf-8'><title>Report</title></head><body>"
        f"<nav><ul>{menu}</ul></nav><article><h1>A decision of the council</h1>"
        f"<div class='article-body'>{first}{second}{middle}{third}{fourth}</div></article>{after}"
        "<footer><p>Contact the newsroom, privacy, terms of use</p></footer></body></html>"
    )


@pytest.mark.parametrize("language", sorted(ARTICLES))
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_an_embedded_post_between_two_paragraphs_is_put_back_in_place(language: str, wrapper: str) -> None:
    text = clean(page(language, wrapper.format(tweet(language))), format="html").text
    post, account = POSTS[language]
    second, third = ARTICLES[language][1], ARTICLES[language][2]
    assert post in text
    assert f"— {account}" in text
    assert text.index(second) < text.index(post) < text.index(third)


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_a_quote_below_the_article_is_not_put_back(language: str) -> None:
    # Not between two paragraphs the extraction kept next to each other: not the article's flow.
    after = f"<div class='social-media-embed'>{tweet(language)}</div><p>{ARTICLES['en'][0][:60]}</p>"
    text = clean(page(language, "", after=after), format="html").text
    assert POSTS[language][0] not in text
    assert all(paragraph in text for paragraph in ARTICLES[language])


STUB = (
    "<blockquote class='instagram-media'><div><a href='https://www.instagram.com/p/1/'>View this post on "
    "Instagram</a></div><p><a href='https://www.instagram.com/p/1/'>A post shared by Harbour Watch "
    "(@harbourwatch)</a></p></blockquote>"
)


def test_an_embed_stub_of_links_is_no_quote() -> None:
    # The embed of a post the page does not hold: its lines are all links ("View this post on Instagram").
    assert quote_pieces(lxml.html.fragment_fromstring(STUB)) == []
    text = clean(page("en", f"<div class='social-media-embed'>{STUB}</div>"), format="html").text
    assert "View this post" not in text
    assert "A post shared by" not in text
