"""A rule's ``needs`` words: a block without one of them is not asked the pattern, and no answer changes.

The furniture layer skips a rule whose ``needs`` words the block's folded text (``loader.folded``) does not
hold.  That is only a speed-up if every text the pattern matches holds one of the words once folded: checked
here for the letters themselves (every character the ``regex`` module matches with a letter of a word, case
folded and all, folds to that letter), on an example of each rule, on drawn texts made of the rules' words,
and against the old way (every rule asked in turn, its pattern alone) on the seeds' lines.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.rules.furniture import RulesByLength
from cleaner.rules.loader import (
    CompiledRule,
    RuleError,
    Scope,
    builtin_rules,
    compile_rules,
    folded,
    may_hold,
    parse_rules,
)

ROOT = Path(__file__).resolve().parent.parent
RULES = compile_rules(builtin_rules())
NEEDING = [rule for rule in RULES if rule.rule.needs]
FLAGS = regex.IGNORECASE | regex.VERSION1


def _pattern_matches(rule: CompiledRule, text: str) -> bool:
    """The rule's pattern alone, as the furniture layer asked it before ``needs``."""
    if len(text) > rule.rule.max_chars:
        return False
    if rule.rule.scope is Scope.BLOCK:
        return rule.regex.fullmatch(text) is not None
    if rule.rule.scope is Scope.START:
        return rule.regex.match(text) is not None
    return rule.regex.search(text) is not None


def _first_the_old_way(text: str) -> str | None:
    return next((rule.rule.id for rule in RULES if _pattern_matches(rule, text)), None)


def test_every_character_a_word_letter_matches_folds_to_that_letter() -> None:
    """Over every code point: what the pattern engine matches with a letter (or two or three letters: ß, ﬁ) of a
    ``needs`` word, case-insensitively, folds to exactly those letters, so a match's words stay whole once folded."""
    words = {word for rule in NEEDING for word in rule.rule.needs}
    everything = "\x00".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    for letter in sorted({char for word in words for char in word}):
        for found in regex.findall(regex.escape(letter), everything, FLAGS):
            assert folded(found) == letter, (letter, found)
    cased = "\x00".join(char for char in everything.split("\x00") if char.lower() != char or char.upper() != char)
    for size in (2, 3):
        for gram in sorted({word[i : i + size] for word in words for i in range(len(word) - size + 1)}):
            for found in regex.findall(regex.escape(gram), cased, FLAGS):
                assert folded(found) == gram, (gram, found)


EXAMPLES = {
    "cookie.notice": "We use cookies to give you the best experience on our site.",
    "caption.agency-alone": "Jane Doe | Getty Images",
    "promo.get-the-app": "Download our news app",
    "caption.getty-style-credit": "The minister arrives. (Getty Images)",
    "caption.credit-after-caption": "The minister arrives. Credit: Jane Doe",
    "caption.credit-suffix": "The minister arrives. Photo: Jane Doe",
    "caption.stock-photo": "Photo by Jane Doe on Unsplash",
    "caption.agency-credit": "The minister arrives. REUTERS/Jane Doe",
    "caption.ap-photo": "The minister arrives (AP Photo/Jane Doe)",
    "caption.name-slash-agency": "Jane Doe/AFP",
    "newsletter.box-heading": "The Morning Briefing",
    "newsletter.view-in-browser": "Having trouble viewing this email? View it in your browser.",
}


@pytest.mark.parametrize("rule", NEEDING, ids=lambda rule: rule.rule.id)
def test_each_rule_with_needs_matches_its_example_and_the_example_holds_a_word(rule: CompiledRule) -> None:
    example = EXAMPLES[rule.rule.id]
    assert _pattern_matches(rule, example)
    assert may_hold(rule.rule, example)
    assert RulesByLength(RULES).first_match(example) is not None


FRAGMENTS = [
    *EXAMPLES.values(),
    *(word for rule in NEEDING for word in rule.rule.needs),
    "this website uses cookies",
    "by continuing to use our website",
    "Cookie-Einstellungen",
    "Nous utilisons des cookies",
    "manage consent",
    "picture-alliance/dpa",
    "imago images",
    "iStockphoto",
    "EPA-EFE",
    "Handout via AP",
    "Europa Press",
    "Get the Nationnews apps for iOS and Android",
    "CRÉDITS",
    "(Image credit: NASA)",
    "Foto: dpa",
    "Jane Doe",
    "|",
    ". ",
    "(",
    ")",
    ": ",
    ", ",
    " ",
    "/",
    "x",
    "İ",
    "ı",
    "ß",
    "ſ",
    "\u212a",
    "ﬁ",
]
CASES: tuple[Callable[[str], str], ...] = (str, str.upper, str.lower, str.title, str.swapcase)


@settings(max_examples=400)
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(CASES)), max_size=8))
def test_a_text_a_pattern_matches_holds_one_of_its_words(parts: list[tuple[str, Callable[[str], str]]]) -> None:
    """Drawn texts made of the rules' words and credits in any case: where a pattern matches, the text holds one of
    its rule's ``needs`` words, and the furniture layer finds the rule the old way finds."""
    text = "".join(case(fragment) for fragment, case in parts)
    for rule in NEEDING:
        if _pattern_matches(rule, text):
            assert may_hold(rule.rule, text), (rule.rule.id, text)
    found = RulesByLength(RULES).first_match(text)
    assert (found.rule.id if found else None) == _first_the_old_way(text), text


def test_the_seeds_lines_find_the_rules_they_found_before() -> None:
    lines = {line.strip() for path in sorted((ROOT / "seeds").glob("*.txt")) for line in path.read_text().splitlines()}
    by_length = RulesByLength(RULES)
    found = {line: by_length.first_match(line) for line in lines if line}
    assert sum(rule is not None for rule in found.values()) >= 5
    for line, rule in found.items():
        assert (rule.rule.id if rule else None) == _first_the_old_way(line), line


def test_needs_must_be_a_list_of_lower_case_words() -> None:
    table = '[[rule]]\nid = "x"\ncategory = "c"\npattern = "a"\nwhy = "w"\nneeds = {}\n'
    for bad in ('"word"', '["Word"]', '[""]', "[1]"):
        with pytest.raises(RuleError, match=r"extra\.toml: rule 'x': 'needs' must be a list"):
            parse_rules(table.replace("{}", bad), origin="extra.toml")
    (rule,) = parse_rules(table.replace("{}", '["a"]'), origin="extra.toml")
    assert rule.needs == ("a",)
