"""Copies of one article that learning does not recognise as copies never cost the article its lines.

Learning recognises most copies of an article (``tests/test_profile_copies.py``), not all: a copy whose
furniture was drawn again (other headlines, a box of comments) brings words of its own and is counted as a page.
Then the article's lines are on as many of the site's other pages as there are such copies, and read as template
evidence on each of them.  The text model weighing the profile's evidence counts those copies out, as it counts
the page itself out (``textevidence.copied``): the article is decided as an article of this page alone.  And the
one case the counts cannot tell (a near copy right after the only page of its template generation, when every
line is on all the pages so far) is recognised by comparing the two pages whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from cleaner.config import DEFAULT_CONFIG
from cleaner.layout.textmodel import classify_text, load_text_model
from cleaner.model import Role
from cleaner.pipeline import open_verdicts, read_document
from cleaner.sites.profile import Parameters, ProfileLearner
from cleaner.text.language import stoplist

SITE = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "harbour-gazette"

MASTHEAD = "The Harbour Gazette · News from the quays since 1884"
TITLE = "Ferry company adds a winter crossing to the islands"
ARTICLE = [
    "The island ferry will run a third daily crossing from the first week of January, the ferry company said on "
    "Tuesday, after a petition signed by more than four hundred islanders.",
    "Earlier sailings",
    "The new crossing leaves the north slip at seven in the morning and returns from the island pier at half past "
    "eight, so that pupils can reach the secondary school on time.",
    "Fares stay the same",
    "The company said fares would stay at last year's level until the end of March, when the harbour board reviews "
    "the landing charges it sets for every passenger vessel.",
    "Timetables for the winter crossing are posted at the north slip.",
]
HEADLINES = [
    "North quay closed after divers find cracked piles",
    "Mackerel prices fall as boats land record catch",
    "Port company awards contract for north quay repairs",
    "Seal pup found on slipway returned to sea",
]
FOOTER = [
    "Harbour Gazette Media Ltd, 14 Custom House Quay, Kilbrannan. Printed and published every Thursday.",
    "Letters to the editor are welcome by post or by hand, never by phone.",
]
SECTIONS = ["News", "Sport", "Business", "Culture", "Weather", "Letters", "Obituaries", "Podcasts"]
MENU = ["Valley News Online", *(f"o {section} {part}" for section in SECTIONS for part in ("today", "archive", "more"))]
NOTICE = ["Valley News Ltd, 1 Main Street", "All rights reserved", "Contact | Privacy | Terms", "Cookie settings"]
RELATED = ["More news", "Bridge works to start in spring", "Market hall gets a new roof", "School bus times change"]
LISTED = [  # an article of short lines: a notice, a timetable
    "The island ferry will run a third daily crossing from January, the company said after a petition.",
    "Departures at seven from the north slip",
    "Returns at half past eight from the pier",
    "Fares unchanged until March",
    "Bicycles travel free",
    "Dogs on a lead are welcome",
    "Cars must be booked a day ahead",
    "Season tickets on sale at the office",
    "No crossing on Christmas Day",
    "The harbour board will review the landing charges for every passenger vessel at the end of March.",
]


@pytest.mark.parametrize("copies", [2, 4, 5])
def test_an_article_learned_from_its_copies_is_the_pages_own(copies: int) -> None:
    """A page of a site of 16 pages whose article was counted on ``copies`` of them (it and copies learning took
    for pages): the text model with the profile's evidence decides it as it decides an article of this page alone.
    (Main removed up to six of the notice's lines at five copies.)"""
    page = "\n".join([*MENU, TITLE, *LISTED, *RELATED, *NOTICE]) + "\n"
    template = {*MENU, *NOTICE, RELATED[0]}
    verdicts, _, language, _ = open_verdicts(read_document(page, format="text"), DEFAULT_CONFIG)
    model, stopwords = load_text_model(), stoplist(language)

    def judged(article: float) -> list[Role]:
        def repetition(texts: Sequence[str]) -> list[float]:
            return [1.0 if text in template else article if text in LISTED else 0.0 for text in texts]

        return [verdict.role for verdict in classify_text(verdicts, stopwords, model=model, repetition=repetition)]

    alone = judged(0.0)
    assert judged((copies - 1) / 15) == alone
    kept = {verdict.text for verdict, role in zip(verdicts, alone, strict=True) if role is Role.BODY}
    assert set(LISTED) <= kept and not kept & template


def test_a_near_copy_of_the_only_page_learned_is_a_copy() -> None:
    template = [MASTHEAD, *FOOTER]
    learner = ProfileLearner(Parameters())
    assert learner.add("gazette", [MASTHEAD, TITLE, *ARTICLE, *HEADLINES, *FOOTER])
    other_box = [*HEADLINES[1:], "Harbour board reviews the landing charges"]
    assert not learner.add("gazette", [MASTHEAD, TITLE, *ARTICLE, *other_box, *FOOTER])  # main counted it
    another = (SITE / "barge-arrives.txt").read_text(encoding="utf-8").splitlines()  # the site's other article
    assert learner.add("gazette", [*template[:1], *another[1:-2], *template[1:]])
    site = learner.profile().sites["gazette"]
    assert (site.documents, site.copies) == (2, 1)
