"""Furniture: mark the blocks that a rule recognises as page furniture.

Each block is tested against the active rules in file order; the first rule that
matches decides, and its id and category go into the verdict so the audit trail can
name it.  Blocks that match a ``keep`` pattern from the configuration are marked as
body first, and no later layer may remove them.

What it does not do: it never looks at a block's neighbours (that is ``zones`` and
``classify``) and it never edits a block's text.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleaner.model import Role, Verdict
from cleaner.rules import MATCH_TIMEOUT_SECONDS, CompiledRule

LAYER = "furniture"
KEEP_RULE = "config.keep"


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
    marked = []
    for verdict in verdicts:
        if verdict.decided:
            marked.append(verdict)
        elif keep and is_kept(verdict.text, keep):
            marked.append(verdict.decide(Role.BODY, rule=KEEP_RULE, category="keep", layer=LAYER))
        elif (rule := first_match(verdict.text, rules)) is not None:
            marked.append(verdict.decide(Role.FURNITURE, rule=rule.rule.id, category=rule.rule.category, layer=LAYER))
        else:
            marked.append(verdict)
    return marked
