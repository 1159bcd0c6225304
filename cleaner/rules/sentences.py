"""Sentence rules: a short block of plain text that holds a call to subscribe or to follow is furniture.

Extractors and scrapers leave a newsletter or follow box as one line of two or three sentences ("Get the
latest updates in your inbox. Subscribe to our newsletters."), where the block rules, which must match a
whole block, see only the box's whole text.  The rules marked ``sentences = true`` in the rules file (calls
to subscribe, to sign up, to get a newsletter or an app, to follow the site) are also matched against each
sentence of an undecided block of at most ``MAX_CHARS`` characters and ``MAX_SENTENCES`` sentences: a
sentence one of them matches whole makes the block furniture, with that rule's id and category.  A longer
block is a paragraph that may mention a newsletter; a block of one sentence is the block rules' to match.

What it does NOT do: it runs only where the pipeline asks (``pipeline.deciding``); it decides no
block a keep pattern or another layer already decided, and it never edits a block's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from cleaner.model import Role, Verdict
from cleaner.rules.furniture import LAYER, Matcher, matcher
from cleaner.rules.loader import CompiledRule

MAX_CHARS = 300  # a box of a few short sentences; a paragraph is longer
MAX_SENTENCES = 3
ENDS = (".", "!", "?", "…")  # what ends a sentence (``SENTENCE_END``): a block without one is one sentence
MEMO_SIZE = 20_000  # block texts whose answer is remembered
SENTENCE_END = regex.compile(r"(?<=[.!?…][\"”’»)\]]?)\s+(?=\S)")


def sentences(text: str) -> list[str]:
    """The block's sentences: split after a full stop, question or exclamation mark (and a closing quote)."""
    return SENTENCE_END.split(text.strip())


def first_sentence_rule(text: str, rules: Sequence[tuple[CompiledRule, Matcher]]) -> CompiledRule | None:
    """The first rule (in file order) that matches a whole sentence of a short block of several sentences.

    ``rules`` pairs each rule with how to ask it (``furniture.matcher``: a user's rule under its timeout); a
    sentence longer than a rule's ``max_chars`` is not asked of it.  Every block is split and asked here;
    ``SentenceRules`` gives the same answers, faster."""
    if len(text) > MAX_CHARS:
        return None
    parts = sentences(text)
    if not 2 <= len(parts) <= MAX_SENTENCES:
        return None
    for rule, matches in rules:
        if any(len(part) <= rule.rule.max_chars and matches(part) for part in parts):
            return rule
    return None


class SentenceRules:
    """The rules marked for sentences, asked as ``first_sentence_rule`` asks them, with two shortcuts.

    A block without a full stop, question or exclamation mark is one sentence (most of a page's short
    blocks: menu items, links, labels) and is not split; and the answer for a block's text is remembered
    (``MEMO_SIZE`` texts, then forgotten all at once): the pipeline reads a page's kept blocks again when
    it reads its output back, and a site's boxes repeat on its pages.
    """

    def __init__(self, rules: Sequence[CompiledRule]) -> None:
        self.asked = tuple((rule, matcher(rule)) for rule in rules if rule.rule.sentences)
        self.memo: dict[str, CompiledRule | None] = {}

    def rule_for(self, text: str) -> CompiledRule | None:
        if not self.asked or len(text) > MAX_CHARS or not any(end in text for end in ENDS):
            return None
        if text in self.memo:
            return self.memo[text]
        if len(self.memo) >= MEMO_SIZE:
            self.memo.clear()
        found = self.memo[text] = first_sentence_rule(text, self.asked)
        return found


@lru_cache(maxsize=8)
def sentence_rules(rules: tuple[CompiledRule, ...]) -> SentenceRules:
    """The sentence rules of a rule set, made once per rule set, as the furniture layer's index is (a
    configuration's rules serve every document)."""
    return SentenceRules(rules)


def mark_sentence_furniture(verdicts: Sequence[Verdict], rules: Sequence[CompiledRule]) -> list[Verdict]:
    """Decide every undecided short block that a sentence rule recognises (see the module doc)."""
    asker = sentence_rules(tuple(rules))
    marked = list(verdicts)
    if not asker.asked:
        return marked
    for position, verdict in enumerate(marked):
        if verdict.decided:
            continue
        rule = asker.rule_for(verdict.block.text)
        if rule is not None:
            marked[position] = verdict.decide(
                Role.FURNITURE, rule=rule.rule.id, category=rule.rule.category, layer=LAYER
            )
    return marked
