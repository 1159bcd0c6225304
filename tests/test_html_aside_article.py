"""An article whose paragraphs all sit in an ``<aside>`` or a ``<footer>`` is kept (issue 14, never lose the article).

Some blog themes and page builders put the whole post in such an element.  trafilatura deletes every
``<aside>`` and ``<footer>`` before it reads a page, and cleaner sets them aside while it extracts
(``cleaner.html.content``); these made-up pages check that the article still reaches the body, by
trafilatura's own recall retry where it finds it, or by the second view where it does not.
"""

from __future__ import annotations

import lxml.html
import pytest
import trafilatura

from cleaner import clean
from cleaner.html import content

PARAGRAPHS = (
    "The harbour committee met on Tuesday evening to decide whether the old ferry pier should be rebuilt in timber "
    "or replaced with a floating pontoon, a question that has divided the town for most of the past year.",
    "Engineers who surveyed the pier in the spring found that more than half of its oak piles had rotted below the "
    "waterline, and they warned that the structure could not safely carry vehicles for another winter.",
    "Supporters of a timber rebuild argued that the pier is part of the town's character and that local carpenters "
    "could do the work, keeping the money within the community rather than sending it to a distant contractor.",
    "Those in favour of the pontoon pointed to the lower maintenance costs and to the way a floating structure rises "
    "and falls with the tide, which would let the ferry berth at any hour instead of waiting for high water.",
    "After nearly three hours of discussion, the committee voted five to three for the pontoon, with a promise that "
    "the timber salvaged from the old pier would be reused for benches and a small shelter on the quay.",
    "Work is expected to begin in the autumn, once the summer ferry timetable has ended, and the committee hopes the "
    "new berth will be ready before the first storms of the winter arrive on the coast.",
)
INTRO = (
    "In a long evening session the harbour committee settled the future of the ferry pier, choosing between a "
    "traditional timber rebuild and a modern floating pontoon after a year of argument in the town. Our reporter "
    "was there and explains what was decided and what happens next for passengers and residents alike."
)
FOOTER_LINKS = "".join(f"<li><a href='/{word}'>{word}</a></li>" for word in ("about", "privacy", "terms", "jobs"))


def page(wrapper: str, *, intro: str = "", menu_items: int = 5, paragraphs: int = 3) -> str:
    """A page whose article sits in ``<wrapper class="post">``, after a headline and ``intro`` markup."""
    menu = "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(menu_items))
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:paragraphs])
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Ferry pier</title></head><body>"
        f"<div class='menu'><ul>{menu}</ul></div>"
        f"<main><h1>Committee chooses a floating pontoon for the ferry pier</h1>{intro}"
        f"<{wrapper} class='post'>{body}</{wrapper}></main>"
        f"<footer class='site-footer'><ul>{FOOTER_LINKS}</ul></footer></body></html>"
    )


def kept(html: str, paragraphs: int = 3) -> list[bool]:
    text = clean(html, format="html").text
    return [paragraph in text for paragraph in PARAGRAPHS[:paragraphs]]


@pytest.mark.parametrize("wrapper", ["aside", "footer", "article"])
def test_an_article_alone_in_its_element_is_kept(wrapper: str) -> None:
    # trafilatura finds nothing in the first two (it deletes the element); justext's second opinion finds it.
    assert kept(page(wrapper)) == [True, True, True]


@pytest.mark.parametrize("wrapper", ["aside", "footer"])
def test_an_article_trafilaturas_recall_retry_finds_is_kept(wrapper: str) -> None:
    # Every <p> sits in the element: trafilatura's recall retry undoes its deletion and reads them, which it can
    # only do where the element is not set aside.  The intro (a <div>, no <p>) is what its first pass finds.
    html = page(wrapper, intro=f"<div class='intro'>{INTRO}</div>", menu_items=60)
    assert all(paragraph in (trafilatura.extract(html, fast=True) or "") for paragraph in PARAGRAPHS[:3])
    assert kept(html) == [True, True, True]


def test_a_page_whose_every_paragraph_is_in_an_aside_is_not_set_aside() -> None:
    tags = content._NEVER_EXTRACTED
    assert not content._paragraph_outside(lxml.html.fromstring(page("aside")), tags)
    assert content._paragraph_outside(lxml.html.fromstring(page("article")), tags)
    assert content._paragraph_outside(lxml.html.fromstring("<html><body><aside>text</aside></body></html>"), tags)


@pytest.mark.parametrize("wrapper", ["aside", "footer"])
@pytest.mark.parametrize("intro", [f"<p class='intro'>{INTRO}</p>", f"<div class='intro'>{INTRO}</div>"])
def test_an_article_set_aside_beside_an_intro_is_kept_with_the_intro(wrapper: str, intro: str) -> None:
    # trafilatura keeps the intro alone (it deletes the element, and a <p> outside it bars its recall retry);
    # the element holds most of the page's prose, so the second view is asked and added to the extraction.
    html = page(wrapper, intro=intro, paragraphs=6)
    assert not any(paragraph in (trafilatura.extract(html, fast=True) or "") for paragraph in PARAGRAPHS)
    text = clean(html, format="html").text
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert INTRO[:80] in text


SIDEBAR = "".join(
    f"<p>Part {i} of the sidebar: the gazette was founded by a cooperative of fishermen and teachers who wanted "
    "a paper that reported every council meeting in full, and it has come out each week since then.</p>"
    for i in range(8)
)


def test_a_short_article_beside_a_longer_sidebar_of_prose_is_kept() -> None:
    # The sidebar holds most of the page's prose, and readability-lxml takes it alone (its class reads as
    # content): the view is added to the extraction, never put in its place.
    article = "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:2])
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Ferry pier</title></head><body>"
        f"<div class='wrap'><div class='main'><h1>Committee chooses a pontoon</h1>{article}</div></div>"
        f"<div class='column'><aside class='content'>{SIDEBAR}</aside></div></body></html>"
    )
    assert kept(html, 2) == [True, True]
