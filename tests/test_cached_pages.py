"""Pages a search engine's cache kept: the cache's header is no article text, and its date is the capture's.

A page dump of a cached page opens with the cache's notice ("This is Google's cache of <url>. It is a snapshot of
the page as it appeared on <date>."): the sentence with the capture's date was kept as the article's first
paragraph, and that date taken for the article's.  Made-up pages in English, German and Spanish.
"""

from __future__ import annotations

import pytest

from cleaner import clean

URL = "https://www.example.org/news/2023/09/rail-operator-trains"
PAGES = {
    "en": (
        [
            f"This is Google's cache of {URL}.",
            "It is a snapshot of the page as it appeared on 14 Sep 2023 03:12:44 GMT.",
            "The current page could have changed in the meantime. Learn more.",
        ],
        ["Rail operator to add forty trains by next year", "By Sofia Marin", "13 September 2023"],
        [
            "The regional rail operator announced on Wednesday that it will add forty new trains to its fleet by the "
            "end of next year, the largest expansion in two decades.",
            "Passenger numbers have risen steadily since the pandemic, and commuters have complained about crowded "
            "carriages during the morning and evening peaks on the busiest lines.",
            "Unions welcomed the announcement but warned that more drivers would need to be trained to run the "
            "additional services without cancellations.",
        ],
    ),
    "de": (
        [
            f"Dies ist der Cache von Google von {URL}. Es handelt sich dabei um ein Abbild der Seite, wie diese am "
            "14. Sept. 2023 03:12:44 GMT angezeigt wurde."
        ],
        ["Bahnbetreiber bestellt vierzig neue Züge", "Von Anna Schmidt", "13. September 2023"],
        [
            "Der regionale Bahnbetreiber hat am Mittwoch angekündigt, bis Ende des nächsten Jahres vierzig neue Züge "
            "in Betrieb zu nehmen, die größte Erweiterung seit zwei Jahrzehnten.",
            "Die Zahl der Fahrgäste ist seit der Pandemie stetig gestiegen, und Pendler klagen über überfüllte Wagen "
            "in den Stoßzeiten am Morgen und am Abend.",
            "Die Gewerkschaften begrüßten die Ankündigung, warnten aber, dass mehr Lokführer ausgebildet werden "
            "müssten.",
        ],
    ),
    "es": (
        [
            f"Esta es la versión en caché de {URL} de Google. Se trata de una captura de pantalla de la página "
            "tal como esta se mostraba el 14 sept. 2023 03:12:44 GMT."
        ],
        ["La operadora ferroviaria comprará cuarenta trenes", "Por Ana Pérez", "13 de septiembre de 2023"],
        [
            "La operadora ferroviaria regional anunció el miércoles que incorporará cuarenta trenes nuevos a su flota "
            "antes de que termine el próximo año, la mayor ampliación en dos décadas.",
            "El número de pasajeros ha crecido de forma constante desde la pandemia, y los usuarios se han quejado de "
            "los vagones llenos en las horas punta de la mañana y de la tarde.",
            "Los sindicatos celebraron el anuncio, pero advirtieron que hará falta formar a más maquinistas.",
        ],
    ),
}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_cached_pages_header_is_removed_and_its_date_is_not_the_articles(language: str) -> None:
    notice, head, paragraphs = PAGES[language]
    article = clean("\n".join([*notice, *head, *paragraphs]) + "\n", format="text")
    assert [block.text for block in article.blocks] == paragraphs
    assert article.published == "2023-09-13"
    assert {removal.rule for removal in article.removed if removal.text in notice} == {"navigation.cache-notice"}
