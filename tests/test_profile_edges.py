"""The article's edges: a site profile never removes the line right before or after the article's own prose.

There an article's own recurring line (a sign-off, a dateline, a background paragraph a series repeats on some
of its pages) and a template line look alike to every count a profile has (``cleaner.sites.apply._keep_edges``).
The corpora here are made in the test: a template (menu, footer) around article paragraphs that differ from
page to page; ``clean`` runs the whole pipeline with the shipped text model.
"""

from __future__ import annotations

import random

from cleaner import clean
from cleaner.corpus.twopass import learn_profile
from cleaner.model import Block, Role, Verdict
from cleaner.sites.apply import apply_profile, match_page
from cleaner.sites.profile import ProfileLearner

WORDS = ["harbour", "ferry", "council", "bridge", "market", "school", "river", "quay", "weather", "tunnel", "vote"]
MENU = ["Home", "Valley News Online", "Sport", "Weather", "Culture"]
FOOTER = ["Subscribe to our weekly letter", "Valley News Ltd, 1 Main Street", "All rights reserved"]
BACKGROUND = (
    "The bridge over the river was closed in the spring after engineers found cracks in two of its piers, and the "
    "council has since paid for a ferry that carries about four hundred people across every working day."
)


def _paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(16, 26))]
    return f"The {' and the '.join(' '.join(words[i : i + 3]) for i in range(0, len(words), 3))} were discussed."


def _page(rng: random.Random, background: bool) -> str:
    article = [f"Headline number {rng.randint(1, 10**6)} about the valley", *(_paragraph(rng) for _ in range(5))]
    tail = ["ADVERTISEMENT", BACKGROUND] if background else []
    return "\n".join([*MENU, *article, *tail, *FOOTER]) + "\n"


def test_a_background_paragraph_some_pages_repeat_after_the_article_stays() -> None:
    """A paragraph a series repeats on 3 of its 12 pages, after the article's last paragraph (an advertisement
    label between): the profile's evidence does not take it, while the footer goes."""
    rng = random.Random(5)
    pages = [_page(rng, background=number < 3) for number in range(12)]
    profile = learn_profile(pages, site="valley")
    for page in pages[:3]:
        assert BACKGROUND in clean(page, format="text", site="valley").text  # the pipeline alone keeps it
        body = clean(page, format="text", profile=profile, site="valley").text
        assert BACKGROUND in body
        assert "Valley News Ltd, 1 Main Street" not in body


SIGN_OFF = "This report is part of our series on the valley's roads, written with the help of our readers."


def test_an_articles_own_sign_off_on_every_page_stays_and_the_footer_goes() -> None:
    """The same sentence right after every page's article (a sign-off the article's gold counts): a profile
    cannot tell it from a template sentence, so it leaves the decision without the profile standing there; the
    footer past it goes.  (Before, the profile removed it from every page: a sentence on every page.)"""
    rng = random.Random(7)
    pages = []
    for _ in range(12):
        article = [f"Headline number {rng.randint(1, 10**6)} about the valley", *(_paragraph(rng) for _ in range(5))]
        pages.append("\n".join([*MENU, *article, SIGN_OFF, *FOOTER]) + "\n")
    profile = learn_profile(pages, site="valley")
    for page in pages:
        assert SIGN_OFF in clean(page, format="text", site="valley").text  # the pipeline alone keeps it
        body = clean(page, format="text", profile=profile, site="valley").text
        assert SIGN_OFF in body
        assert "Valley News Ltd, 1 Main Street" not in body and "Subscribe to our weekly letter" not in body


def _verdicts(texts: list[str], removed_by_evidence: set[int]) -> list[Verdict]:
    verdicts = []
    for index, text in enumerate(texts):
        verdict = Verdict(Block(index, text))
        if index in removed_by_evidence:
            verdicts.append(verdict.decide(Role.FURNITURE, rule="profile:site#1(3/6):classifier", category="profile",
                                           layer="profile", score=0.2))  # fmt: skip
        else:
            verdicts.append(verdict.decide(Role.BODY, rule="classifier", category="body", layer="classifier"))
    return verdicts


def test_the_edge_removed_by_the_evidence_is_given_back_and_the_template_beyond_it_goes() -> None:
    """An edge line the text model removed only because of the profile is body again (rule ``...:edge``); a
    template line past it, and a heading at the edge ("More from ..."), are removed as before."""
    sign_off = "This report was prepared with the help of the readers of the valley and their letters."
    learner = ProfileLearner()
    rng = random.Random(2)
    for _ in range(6):
        learner.add("site", ["Menu", _paragraph(rng), _paragraph(rng), sign_off, "Contact us", "Valley News Ltd"])
    site = learner.profile().site("site")
    texts = ["Menu", _paragraph(rng), _paragraph(rng), sign_off, "Contact us", "Valley News Ltd"]
    after = apply_profile(_verdicts(texts, {3}), match_page(texts, site))
    roles = {verdict.text: verdict for verdict in after}
    assert roles[sign_off].role is Role.BODY and roles[sign_off].rule == "profile:site#1:edge"
    assert roles["Contact us"].role is Role.FURNITURE and roles["Valley News Ltd"].role is Role.FURNITURE
    assert roles["Menu"].role is Role.FURNITURE  # the edge before the article, shaped like a heading: the site's
    heading = ["Menu", _paragraph(rng), _paragraph(rng), "More from the valley", "Valley News Ltd"]
    learner = ProfileLearner()
    for _ in range(6):
        learner.add("site", ["Menu", _paragraph(rng), _paragraph(rng), "More from the valley", "Valley News Ltd"])
    after = apply_profile(_verdicts(heading, set()), match_page(heading, learner.profile().site("site")))
    assert after[3].role is Role.FURNITURE


def test_the_edge_is_looked_for_past_the_pages_own_lines_removed_or_not_but_not_past_the_sites() -> None:
    """Past a line of this page alone that the model removed (a notice of its own), the repeated line is still
    the edge; past a line other pages hold that the model removed (a teaser of a related list), the article
    ended: the repeated line after it is not the edge."""
    sign_off = "This report was prepared with the help of the readers of the valley and their letters."
    learner = ProfileLearner()
    rng = random.Random(4)
    for _ in range(6):
        learner.add("site", ["Menu", _paragraph(rng), _paragraph(rng), "A teaser", sign_off, "Valley News Ltd"])
    site = learner.profile().site("site")
    for between, kept in (("A notice of this page alone", True), ("A teaser", False)):
        texts = ["Menu", _paragraph(rng), _paragraph(rng), between, sign_off, "Valley News Ltd"]
        verdicts = _verdicts(texts, {4})
        verdicts[3] = verdicts[3].decide(Role.FURNITURE, rule="classifier", category="furniture", layer="classifier")
        after = apply_profile(verdicts, match_page(texts, site))
        assert (after[4].role is Role.BODY) is kept, between
        assert after[5].role is Role.FURNITURE
