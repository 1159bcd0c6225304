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
from collections.abc import Callable, Sequence
from functools import lru_cache

import regex

from cleaner.errors import NO_DEADLINE, Deadline
from cleaner.model import Role, Verdict
from cleaner.rules.loader import MATCH_TIMEOUT_SECONDS, CompiledRule, Rule, Scope, builtin_rules

LAYER = "furniture"
KEEP_RULE = "config.keep"


Matcher = Callable[[str], bool]
MEMO_CHARS = 200  # blocks up to this long are remembered (menu items, links, labels) ...
MEMO_SIZE = 50_000  # ... this many at most, then forgotten all at once


class RulesByLength:
    """The rules that may match a block of a given length, in file order, each with its matcher.

    Most rules only apply to short blocks (``max_chars``), and most of an article's text is
    in long paragraphs: asking only the rules that can match keeps the layer cheap.
    """

    def __init__(self, rules: Sequence[CompiledRule]) -> None:
        self.limits = sorted({rule.rule.max_chars for rule in rules})
        matchers = [(rule, matcher(rule)) for rule in rules]
        self.by_limit = [tuple(pair for pair in matchers if pair[0].rule.max_chars >= limit) for limit in self.limits]
        self.memo: dict[str, CompiledRule | None] = {}

    def for_length(self, length: int) -> tuple[tuple[CompiledRule, Matcher], ...]:
        slot = bisect_left(self.limits, length)
        return self.by_limit[slot] if slot < len(self.by_limit) else ()

    def first_match(self, text: str) -> CompiledRule | None:
        """The first rule matching a block; short blocks' answers are remembered.

        Menus, share bars and footers repeat the same short lines on every page of a site (and
        "Home", "Share", "Menu" on most sites): each is matched against the rules once.
        """
        if len(text) > MEMO_CHARS:
            return first_match(text, self.for_length(len(text)))
        if text in self.memo:
            return self.memo[text]
        if len(self.memo) >= MEMO_SIZE:
            self.memo.clear()
        found = self.memo[text] = first_match(text, self.for_length(len(text)))
        return found


def matcher(rule: CompiledRule) -> Matcher:
    """How to ask one rule: a user's rule under its timeout, a built-in rule directly.

    The regex timeout guards against a careless user pattern, but arming it costs as much as a
    typical match; the built-in patterns are checked free of runaway backtracking on adversarial
    text up to their ``max_chars`` (tests/test_rules.py), so they run without it.
    """
    if rule.rule not in _builtin():
        return rule.matches
    if rule.rule.scope is Scope.BLOCK:
        fullmatch = rule.regex.fullmatch
        return lambda text: fullmatch(text) is not None
    if rule.rule.scope is Scope.START:
        match = rule.regex.match
        return lambda text: match(text) is not None
    search = rule.regex.search
    return lambda text: search(text) is not None


@lru_cache(maxsize=1)
def _builtin() -> frozenset[Rule]:
    return frozenset(builtin_rules())


def first_match(text: str, rules: Sequence[tuple[CompiledRule, Matcher]]) -> CompiledRule | None:
    """The first rule matching the block text, or None."""
    for rule, matches in rules:
        if matches(text):
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


@lru_cache(maxsize=8)
def _by_length(rules: tuple[CompiledRule, ...]) -> RulesByLength:
    """Rules sorted by length once per rule set (a configuration's rules serve every document)."""
    return RulesByLength(rules)


def mark_furniture(
    verdicts: Sequence[Verdict],
    rules: Sequence[CompiledRule],
    keep: Sequence[regex.Pattern[str]] = (),
    *,
    deadline: Deadline = NO_DEADLINE,
) -> list[Verdict]:
    """Decide every undecided block that a rule (or a keep pattern) recognises.

    The document's ``deadline`` is checked at every block: one slow user pattern times out on each
    block after ``MATCH_TIMEOUT_SECONDS``, and over many blocks that would add up without it.
    """
    by_length = _by_length(tuple(rules))
    marked = []
    for verdict in verdicts:
        deadline.check("the furniture rules")
        if verdict.decided:
            marked.append(verdict)
        elif keep and is_kept(verdict.text, keep):
            marked.append(verdict.decide(Role.BODY, rule=KEEP_RULE, category="keep", layer=LAYER))
        elif (rule := by_length.first_match(verdict.text)) is not None:
            marked.append(verdict.decide(Role.FURNITURE, rule=rule.rule.id, category=rule.rule.category, layer=LAYER))
        else:
            marked.append(verdict)
    return marked
