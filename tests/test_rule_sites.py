"""bench/rule_sites.py counts sites, documents and article text per rule as its module doc says (made-up input)."""

from __future__ import annotations

from bench.rule_sites import ARTICLE, FURNITURE, KEPT, UNJUDGED, Fired, judge, literal_alternatives, tally


def _fired(rule: str, site: str, page: str, kind: str = "bs4", verdict: str = FURNITURE) -> Fired:
    return Fired(rule, "aeb", kind, site, page, verdict)


def test_sites_and_documents_are_counted_once_each_and_per_kind() -> None:
    fired = [
        _fired("a.rule", "one.com", "p1"),
        _fired("a.rule", "one.com", "p1"),  # a second removal in the same document
        _fired("a.rule", "one.com", "p1", kind="html"),
        _fired("a.rule", "two.com", "p2"),
    ]
    (count,) = tally(fired)
    row = count.to_dict()
    assert (row["removals"], row["documents"], row["sites"]) == (4, 3, 2)
    assert row["per_kind"] == {"bs4": {"documents": 2, "sites": 2}, "html": {"documents": 1, "sites": 1}}


def test_suspicious_rules_come_first_and_say_why() -> None:
    fired = [
        _fired("wide.rule", "one.com", "p1"),
        _fired("wide.rule", "two.com", "p2"),
        _fired("eating.rule", "one.com", "p1", verdict=ARTICLE),
        _fired("eating.rule", "two.com", "p2", verdict=ARTICLE),
        _fired("eating.rule", "three.com", "p3"),
        _fired("lone.rule", "one.com", "p1"),
    ]
    counts = tally(fired, ["never.rule", "wide.rule"])
    assert [count.rule for count in counts] == ["never.rule", "lone.rule", "eating.rule", "wide.rule"]
    assert [count.suspicion() for count in counts] == [
        "fired on 0 sites",
        "fired on 1 site",
        "article text on 2 sites",
        "",
    ]
    assert counts[2].to_dict()["article_sites"] == ["one.com", "two.com"]


def test_a_removed_block_is_judged_against_the_gold() -> None:
    body = "The council approved the new budget on Monday after a long debate about the schools."
    shingles = {tuple(body.split()[i : i + 4]) for i in range(len(body.split()) - 3)}
    assert judge("The council approved the new budget on Monday", "aeb", {}, shingles) == ARTICLE
    assert judge("Sign up for our newsletter today please", "aeb", {}, shingles) == FURNITURE
    assert judge("Share", "aeb", {}, shingles) == UNJUDGED  # fewer than 4 tokens: not judged
    gold = {"with": ["the new budget on Monday"], "without": ["Sign up for  our newsletter"]}
    assert judge("The council approved the new budget on Monday.", "tfeval", gold, set()) == ARTICLE
    assert judge("Sign up for our newsletter", "tfeval", gold, set()) == FURNITURE
    assert judge("Share this", "tfeval", gold, set()) == UNJUDGED
    repeated = "The council approved the new budget on Monday"  # the second of two copies: the article holds it
    assert judge(repeated, "aeb", {}, shingles, held=f"Budget {repeated} after a long debate") == KEPT


def test_the_literal_alternatives_of_a_pattern_are_its_plain_words() -> None:
    found = literal_alternatives(r"(reuters|afp|ap)( photo)? ?/ ?[\w .]{1,60}|mehr zum thema|(?-i:[A-Z]{2,6})")
    assert found == ["reuters", "afp", "photo", "mehr zum thema"]
