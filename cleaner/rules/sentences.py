"""Sentence rules: a short block of plain text that holds a call to subscribe or to follow is furniture.

Extractors and scrapers leave a newsletter or follow box as one line of two or three sentences ("Get the
latest updates in your inbox. Subscribe to our newsletters."), where the block rules, which must match a
whole block, see only the box's whole text.  The rules marked ``sentences = true`` in the rules file (calls
to subscribe, to sign up, to get a newsletter or an app, to follow the site) are also matched against each
sentence of an undecided block of at most ``MAX_CHARS`` characters and ``MAX_SENTENCES`` sentences: a
sentence one of them matches whole makes the block furniture, with that rule's id and category.  A longer
block is a paragraph that may mention a newsletter; a block of one sentence is the block rules' to match.

What it does NOT do: it runs only where the pipeline asks (plain text: ``pipeline.deciding``); it decides no
block a keep pattern or another layer already decided, and it never edits a block's text.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleaner.model import Role, Verdict
from cleaner.rules.furniture import LAYER, Matcher, matcher
from cleaner.rules.loader import CompiledRule

MAX_CHARS = 300  # a box of a few short sentences; a paragraph is longer
MAX_SENTENCES = 3
SENTENCE_END = regex.compile(r"(?<=[.!?…][\"”’»)\]]?)\s+(?=\S)")


def sentences(text: str) -> list[str]:
    """The block's sentences: split after a full stop, question or exclamation mark (and a closing quote)."""
    return SENTENCE_END.split(text.strip())


def sentence_rule(text: str, rules: Sequence[tuple[CompiledRule, Matcher]]) -> CompiledRule | None:
    """The first rule (in file order) that matches a whole sentence of a short block of several sentences.

    ``rules`` pairs each rule with how to ask it (``furniture.matcher``: a user's rule under its timeout); a
    sentence longer than a rule's ``max_chars`` is not asked of it."""
    if len(text) > MAX_CHARS:
        return None
    parts = sentences(text)
    if not 2 <= len(parts) <= MAX_SENTENCES:
        return None
    for rule, matches in rules:
        if any(len(part) <= rule.rule.max_chars and matches(part) for part in parts):
            return rule
    return None


def mark_sentence_furniture(verdicts: Sequence[Verdict], rules: Sequence[CompiledRule]) -> list[Verdict]:
    """Decide every undecided short block that a sentence rule recognises (see the module doc)."""
    asked = [(rule, matcher(rule)) for rule in rules if rule.rule.sentences]
    marked = list(verdicts)
    if not asked:
        return marked
    for position, verdict in enumerate(marked):
        if verdict.decided:
            continue
        rule = sentence_rule(verdict.text, asked)
        if rule is not None:
            marked[position] = verdict.decide(
                Role.FURNITURE, rule=rule.rule.id, category=rule.rule.category, layer=LAYER
            )
    return marked
