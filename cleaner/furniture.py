"""Furniture: mark the blocks that a rule recognises as page furniture.

Each block is tested against the active rules in file order; the first rule that
matches decides, and its id and category go into the verdict so the audit trail can
name it.  Blocks that match a ``keep`` pattern from the configuration are marked as
body first, and no later layer may remove them.

What it does not do: it never looks at a block's neighbours (that is ``zones`` and
``classify``) and it never edits a block's text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import regex

from cleaner.model import Role, Verdict
from cleaner.rules import MATCH_TIMEOUT_SECONDS, CompiledRule

LAYER = "furniture"
KEEP_RULE = "config.keep"


class RulesByLength:
    """The rules that may match a block of a given length, in file order.

    Most rules only apply to short blocks (``max_chars``), and most of an article's text is
    in long paragraphs: asking only the rules that can match keeps the layer cheap.
    """

    def __init__(self, rules: Sequence[CompiledRule]) -> None:
        self.limits = sorted({rule.rule.max_chars for rule in rules})
        self.by_limit = [tuple(r for r in rules if r.rule.max_chars >= limit) for limit in self.limits]

    def for_length(self, length: int) -> tuple[CompiledRule, ...]:
        slot = bisect_left(self.limits, length)
        return self.by_limit[slot] if slot < len(self.by_limit) else ()


def first_match(text: str, rules: Sequence[CompiledRule]) -> CompiledRule | None:
    """The first rule matching the block text, or None."""
    for rule in rules:
        if rule.matches(text):
            return rule
    return None


def is_kept(text: str, keep: Sequence[regex.Pattern[str]]) -> bool:
    """True when the user asked to keep blocks like this one (a pattern that times out does not match)."""
    for pattern in keep:
        try:
            if pattern.search(text, timeout=MATCH_TIMEOUT_SECONDS):
                return True
        except TimeoutError:
            continue
    return False


def mark_furniture(
    verdicts: Sequence[Verdict],
    rules: Sequence[CompiledRule],
    keep: Sequence[regex.Pattern[str]] = (),
) -> list[Verdict]:
    """Decide every undecided block that a rule (or a keep pattern) recognises."""
    by_length = RulesByLength(rules)
    marked = []
    for verdict in verdicts:
        if verdict.decided:
            marked.append(verdict)
        elif keep and is_kept(verdict.text, keep):
            marked.append(verdict.decide(Role.BODY, rule=KEEP_RULE, category="keep", layer=LAYER))
        elif (rule := first_match(verdict.text, by_length.for_length(len(verdict.text)))) is not None:
            marked.append(verdict.decide(Role.FURNITURE, rule=rule.rule.id, category=rule.rule.category, layer=LAYER))
        else:
            marked.append(verdict)
    return marked
