"""The profile knows where a site's article sits: between its article markers, copies and short lines stay.

A site's pages put the article between the same two template lines (its article markers,
``cleaner.sites.markers``).  Two decisions read them (``cleaner.sites.apply.PageMatch.between``):

- copies of one article that learning counted as pages make its lines repeat, and the text model's evidence
  counts those copies out by the share that holds most of the page's kept words (``textevidence.copied``); a copy
  with more words of its own elsewhere (a reader's letter in a sidebar, drawn for that page alone) than its
  article has read 0.0 there, and lost its article.  Between the markers, the article's share is the page's;
- a template line shaped like a heading removes the list right under it ("More from ...") when no kept prose
  follows; an article of short lines (a timetable) right under the start marker has none, and went.

The site is made here (a template around articles whose sentences differ from page to page); ``clean`` runs the
whole pipeline with the shipped text model.
"""

from __future__ import annotations

import itertools
import random

import pytest

from cleaner import clean
from cleaner.model import Block, Role, Verdict
from cleaner.sites.apply import apply_profile, match_page
from cleaner.sites.profile import Profile, ProfileLearner

MENU = ["Riverside Courier", "Home", "Local", "Sport", "Business", "Opinion", "Weather"]
FOOTER = ["Riverside Courier Ltd, 3 Mill Lane, Ashford.", "Contact us | Privacy | Terms", "Copyright Riverside Courier"]
START, END = "Share this story", "Read more from the Courier"  # the article markers
TEASERS = [f"{a} {b}" for a, b in itertools.product(
    ["Council", "Library", "Bridge", "School", "Market", "Ferry"],
    ["plans approved", "reopens in spring", "budget cut again", "wins regional award"],
)]  # fmt: skip
BODIES = ["council", "library board", "school governors", "harbour trust", "parish council", "bus company",
          "water board", "hospital trust", "market traders", "rowing club", "fire service", "museum board"]  # fmt: skip
PLACES = ["footbridge", "reading room", "sports hall", "slipway", "car park", "bus shelter", "main hall", "boathouse",
          "play area", "old mill", "town square", "river path"]  # fmt: skip
FERRY = [  # the article of which the corpus holds copies: shorter than a reader's letter
    "The ferry will run two crossings a day from November instead of three, the operator said.",
    "The early crossing leaves the north slip at seven and the late one returns at six.",
    "Season tickets bought before the change will be honoured until they expire.",
]


def _article(number: int) -> list[str]:
    body, place = BODIES[number], PLACES[number]
    return [
        f"The {place} will close for repairs, {body} says",
        f"The {body} said that the {place} would close for at least six weeks while workers replace the worn parts "
        f"that an inspection found in the autumn, and that it was sorry for the trouble this would cause.",
        f"People who use the {place} every week have been asked to plan other routes, and a notice will be put up "
        f"at each entrance so that nobody arrives without knowing about the closure.",
        f"A spokesperson for the {body} said the work had been planned for a quiet time of the year and that the "
        f"{place} should reopen before the summer holidays begin, if the weather stays kind.",
        f"The cost of the repairs will be met from the reserves the {body} keeps for such work, and no charges will "
        f"rise as a result of it, the spokesperson added.",
    ]


def _letter(number: int, long: bool) -> str:
    """A reader's letter in the sidebar, drawn for this page alone; a long one outweighs the ferry article."""
    letter = (
        f"I have lived near the {PLACES[number % 12]} for {20 + number} years and I want to thank the volunteers "
        f"who cleared the path after the storm in week {number + 1}, because without them my neighbours could not "
        f"have reached the shop."
    )
    more = (
        f" It is easy to complain about what goes wrong in a town like ours, but on the morning after the flood I "
        f"counted {number + 7} people with spades and brooms, and most of them had never met before, which tells you "
        f"something about this place that the newspapers rarely report.  I hope the council remembers them when it "
        f"hands out its awards at the end of the year, and that somebody buys them a cup of tea."
    )
    return letter + (more if long else "")


def _page(article: list[str], number: int, *, long_letter: bool = False) -> str:
    teasers = [TEASERS[(number * 5 + k) % len(TEASERS)] for k in range(4)]
    letters = ["Letters to the editor", _letter(number, long_letter), "Send us your letter"]
    return "\n".join([*MENU, *letters, START, *article, END, *teasers, *FOOTER]) + "\n"


def _learned(pages: list[str]) -> Profile:
    learner = ProfileLearner()
    for page in pages:
        assert learner.add("courier", page.splitlines())  # every page counted: no copy recognised
    return learner.profile()


@pytest.mark.parametrize("copies", [3, 4])
def test_copies_learned_as_pages_keep_their_article_beside_a_longer_letter_of_their_own(copies: int) -> None:
    """Twelve articles and ``copies`` copies of a short one, each copy with a long letter of its own: the copies
    are counted as pages, and the ferry article is on ``copies - 1`` of each copy's other pages.  Main kept none
    of its three sentences on any copy (the letter, on no other page, held the most kept words); now every one,
    as without the profile, while the template goes."""
    ferry = ["Ferry timetable changes for the winter", *FERRY]
    copied = [_page(ferry, 20 + number, long_letter=True) for number in range(copies)]
    profile = _learned([*(_page(_article(number), number) for number in range(12)), *copied])
    assert profile.site("courier").generations[0].article_markers == (START.lower(), END.lower())
    for page in copied:
        assert set(FERRY) <= set(clean(page, format="text", site="courier").text.splitlines())  # without a profile
        body = clean(page, format="text", profile=profile, site="courier").text.splitlines()
        assert [line for line in FERRY if line not in body] == []
        assert not set(body) & {*MENU, *FOOTER, START, END}


TIMETABLE = ["Monday to Friday: 07:00 and 18:00", "Saturday: 09:30 and 16:00", "Sunday: 11:00 only"]


def _kept(texts: list[str]) -> list[Verdict]:
    """Every block as the classifier kept it (the rule-based layer reads what it kept)."""
    return [
        Verdict(Block(index, text)).decide(Role.BODY, rule="classifier", category="body", layer="classifier")
        for index, text in enumerate(texts)
    ]


def test_an_article_of_short_lines_under_the_start_marker_is_not_a_list_after_the_article() -> None:
    """A template line shaped like a heading that the article follows on every page (the start marker): the short
    lines under it are the article (main removed them as a list's entries); a list under another template heading
    after the article still goes."""
    rng = random.Random(3)
    learner = ProfileLearner()
    for number in range(8):
        more = ["More from the Courier", *rng.sample(TEASERS, 3)]
        learner.add("courier", [*MENU, START, *_article(number), END, *more, *FOOTER])
    site = learner.profile().site("courier")
    assert site is not None and site.generations[0].article_markers == (START.lower(), END.lower())
    texts = [*MENU, START, *TIMETABLE, END, "More from the Courier", *TEASERS[-3:], *FOOTER]
    after = {verdict.text: verdict.role for verdict in apply_profile(_kept(texts), match_page(texts, site))}
    assert [line for line in TIMETABLE if after[line] is not Role.BODY] == []
    assert [line for line in TEASERS[-3:] if after[line] is Role.BODY] == []
    assert after[START] is Role.FURNITURE and after[FOOTER[0]] is Role.FURNITURE
