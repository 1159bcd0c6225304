"""Sentence rules: a short plain-text block of a few sentences, one of them a call to subscribe or follow."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.config import DEFAULT_CONFIG
from cleaner.model import Block, Role, Verdict
from cleaner.pipeline import open_verdicts, read_document
from cleaner.rules.furniture import matcher
from cleaner.rules.loader import RuleError, builtin_rules, compile_rules, parse_rules
from cleaner.rules.sentences import SentenceRules, first_sentence_rule, mark_sentence_furniture, sentences

PARAGRAPHS = [
    "The council met on Tuesday evening to discuss the new bus timetable for the northern districts, and "
    "residents had complained for months about buses that never came.",
    "The transport committee said the new timetable would add two buses an hour on the busiest line, starting "
    "in the spring, and that the cost would be met from the existing budget.",
    "Several residents who spoke at the meeting said they welcomed the change but wanted the night buses back "
    "as well, which the committee promised to study.",
    "A final decision on the night buses is expected at the next meeting of the council in March.",
]


def _verdicts(text: str) -> list[Verdict]:
    verdicts, _, _, _ = open_verdicts(read_document(text, format="text"), DEFAULT_CONFIG)
    return verdicts


@pytest.mark.parametrize(
    ("box", "rule_id"),
    [
        ("Get the latest updates right in your inbox. Subscribe to our newsletters.", "newsletter.subscribe"),
        ("Stay on top of the news! Sign up for our email newsletters here.", "newsletter.subscribe"),
        ("Ihnen hat der Artikel gefallen? Dann abonnieren Sie unseren Newsletter!", "newsletter.box-heading"),
        ("Have a tip? Write to the newsroom. Follow us on Twitter and Facebook.", "share.follow-us"),
    ],
)
def test_a_box_of_a_few_sentences_with_a_call_is_decided_before_the_model(box: str, rule_id: str) -> None:
    verdicts = _verdicts("\n\n".join([*PARAGRAPHS, box]))
    decided = {verdict.text: (verdict.role, verdict.rule, verdict.layer) for verdict in verdicts}
    assert decided[box] == (Role.FURNITURE, rule_id, "furniture")
    assert all(not verdict.decided for verdict in verdicts if verdict.text in PARAGRAPHS)


def test_the_box_leaves_the_cleaned_text_with_its_rule_in_the_audit_trail() -> None:
    box = "Get the latest updates right in your inbox. Subscribe to our newsletters."
    article = clean("\n\n".join([*PARAGRAPHS, box]), format="text")
    assert box not in article.text
    assert [(removal.text, removal.rule) for removal in article.removed] == [(box, "newsletter.subscribe")]


@pytest.mark.parametrize(
    "block",
    [
        # a paragraph that mentions a newsletter: more than three sentences, or longer than a box
        "The paper closed in May. Its editors said readers had left. Few wanted the print edition. "
        "Subscribe to our newsletter, the last issue said.",
        PARAGRAPHS[0] + " " + PARAGRAPHS[1] + " Follow us on Twitter.",
        # sentences near the calls that are article text
        "Researchers followed the patients for a year. They asked them to download the app.",
        "The mayor signed up for the pilot scheme. Residents may register at the town hall.",
    ],
)
def test_article_text_near_the_calls_stays_open(block: str) -> None:
    verdicts = _verdicts("\n\n".join([*PARAGRAPHS, block]))
    assert not next(verdict for verdict in verdicts if verdict.text == block).decided


def test_only_rules_marked_for_sentences_are_asked() -> None:
    marked = {rule.id for rule in builtin_rules() if rule.sentences}
    assert marked == {"newsletter.subscribe", "newsletter.get-our", "newsletter.box-heading", "share.follow-us"}
    box = "Get the latest updates right in your inbox. Subscribe to our newsletters."
    unmarked = compile_rules(rule for rule in builtin_rules() if not rule.sentences)
    assert mark_sentence_furniture([Verdict(Block(0, box))], unmarked)[0].role is Role.UNDECIDED
    disabled = compile_rules(builtin_rules(), disabled=("newsletter",))
    assert mark_sentence_furniture([Verdict(Block(0, box))], disabled)[0].role is Role.UNDECIDED


def test_a_user_rule_may_ask_for_sentences_and_only_a_block_rule_may() -> None:
    text = '[[rule]]\nid = "x.call"\ncategory = "newsletter"\npattern = "join the club[.!]?"\nwhy = "w"\n'
    (rule,) = parse_rules(text + "sentences = true\n", origin="extra.toml")
    assert rule.sentences
    verdict = mark_sentence_furniture([Verdict(Block(0, "We meet on Fridays. Join the club!"))], compile_rules([rule]))
    assert (verdict[0].role, verdict[0].rule) == (Role.FURNITURE, "x.call")
    with pytest.raises(RuleError, match="'sentences'"):
        parse_rules(text + 'scope = "start"\nsentences = true\n', origin="extra.toml")
    with pytest.raises(RuleError, match="'sentences'"):
        parse_rules(text + 'sentences = "yes"\n', origin="extra.toml")


def test_sentences_split_after_closing_marks_and_quotes() -> None:
    assert sentences("Sign up! “Read us.” Then (maybe) more? Yes") == [
        "Sign up!",
        "“Read us.”",
        "Then (maybe) more?",
        "Yes",
    ]
    assert sentences("  One sentence only.  ") == ["One sentence only."]


def test_html_pages_are_asked_too() -> None:
    """As their Markdown output, read back, is (tests/test_invariants.py)."""
    box = "Get the latest updates right in your inbox. Subscribe to our newsletters."
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in [*PARAGRAPHS, box]) + "</article></body></html>"
    assert box not in clean(html, format="html").text


PIECES = [
    "Subscribe to our newsletters",
    "Sign up for our email newsletters here",
    "Follow us on Twitter and Facebook",
    "Dann abonnieren Sie unseren Newsletter",
    "Get the latest updates right in your inbox",
    "The council met on Tuesday",
    "Home",
    "Residents may register at the town hall",
    "x" * 150,
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PIECES), st.sampled_from(["", ".", "!", "?", "…", ".”", ")", ":"])),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([" ", "  ", "\n", ""]),
)
def test_the_shortcuts_answer_as_asking_every_block_does(parts: list[tuple[str, str]], gap: str) -> None:
    text = gap.join(piece + end for piece, end in parts)
    rules = compile_rules(builtin_rules())
    pairs = [(rule, matcher(rule)) for rule in rules if rule.rule.sentences]
    fast = SentenceRules(rules)
    assert fast.rule_for(text) == first_sentence_rule(text, pairs)
    assert fast.rule_for(text) == first_sentence_rule(text, pairs)  # the remembered answer too
