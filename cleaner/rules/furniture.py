"""Furniture: mark the blocks that a rule recognises as page furniture.

Each block is tested against the active rules in file order; the first rule that
matches decides (only the rules that can match a block of its length, first two characters and last
character are asked: see ``RulesByLength``), and its id and category go into the verdict so the audit trail can
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
from cleaner.rules.loader import MATCH_TIMEOUT_SECONDS, CompiledRule, Rule, Scope, builtin_rules, folded

LAYER = "furniture"
KEEP_RULE = "config.keep"


Matcher = Callable[[str], object]  # truthy when the rule matches (a match object, or True)
MEMO_CHARS = 200  # blocks up to this long are remembered (menu items, links, labels) ...
MEMO_SIZE = 50_000  # ... this many at most, then forgotten all at once
LONG_MEMO_SIZE = 2_000  # longer ones too, fewer: the text model reads a page's kept blocks again
ENDS_MEMO_SIZE = 100_000  # (length slot, opening, last character) keys whose rules are remembered
OPENING = 2  # a block's first characters that the patterns are asked about


class RulesByLength:
    """The rules that may match a block of a given length, opening and last character, in file order, with matchers.

    Most rules only apply to short blocks (``max_chars``), and most of an article's text is
    in long paragraphs: asking only the rules that can match keeps the layer cheap.  And most
    built-in rules cover the whole block or its start, so a block can only match those whose
    pattern can begin with its opening (first two characters, ``OPENING``), which the pattern itself
    answers once per opening (``may_start``); those that cover the whole block or its end can only match a block
    ending with a character their pattern can end with (``may_end``): a block is asked a handful
    of patterns, not all of them.  Each rule is asked about an opening or a last character once (``starts``,
    ``ends``), not once per (length, opening, last) key: a process's first pages meet thousands of keys
    made of far fewer openings and last characters.  (Two characters rather than one: a block is asked
    half as many patterns, on the bench's bs4 dumps.)
    """

    def __init__(self, rules: Sequence[CompiledRule]) -> None:
        self.limits = sorted({rule.rule.max_chars for rule in rules})
        self.rules = tuple(rules)
        self.pairs = tuple((rule, matcher(rule)) for rule in rules)
        self.starters = tuple(map(_starter, self.rules))  # what ``may_start`` asks of each rule, found once
        self.enders = tuple(map(_ender, self.rules))  # what ``may_end`` asks of each rule, found once
        # per length slot, the rules for it as a bit mask (bit ``place`` for ``rules[place]``), as ``starts``,
        # ``firsts`` and ``ends`` answer too: a new key's rules are three masks and-ed, not a loop over the rules
        self.slots = [
            sum(1 << place for place, rule in enumerate(self.rules) if rule.rule.max_chars >= limit)
            for limit in self.limits
        ]
        self.starts: dict[str, int] = {}  # per opening (``OPENING``): which rules may start with it
        self.firsts: dict[str, int] = {}  # per first character: which rules may start with it
        self.ends: dict[str, int] = {}  # per last character: which rules may end with it
        self.memo: dict[str, CompiledRule | None] = {}
        self.long_memo: dict[str, CompiledRule | None] = {}
        self.by_ends: dict[tuple[int, str, str], tuple[tuple[CompiledRule, Matcher], ...]] = {}
        self.by_mask: dict[int, tuple[tuple[CompiledRule, Matcher], ...]] = {}  # a mask's rules, in file order

    def for_length(self, length: int) -> tuple[tuple[CompiledRule, Matcher], ...]:
        slot = bisect_left(self.limits, length)
        return self._chosen(self.slots[slot]) if slot < len(self.slots) else ()

    def for_text(self, text: str) -> tuple[tuple[CompiledRule, Matcher], ...]:
        """The rules that can match the block: those for its length that can start with its opening and end
        with its last character."""
        slot = bisect_left(self.limits, len(text))
        if slot >= len(self.slots):
            return ()
        initial, final = text[:OPENING], text[-1:]
        key = (slot, initial, final)
        found = self.by_ends.get(key)
        if found is None:
            if len(self.by_ends) >= ENDS_MEMO_SIZE:
                self.by_ends.clear()
            mask = self.slots[slot] & self._starts(initial) & self._asked(self.ends, final, self.enders)
            found = self.by_ends[key] = self._chosen(mask)
        return found

    def _chosen(self, mask: int) -> tuple[tuple[CompiledRule, Matcher], ...]:
        """The rules of a mask with their matchers, in file order (made once a mask: keys share their masks)."""
        found = self.by_mask.get(mask)
        if found is None:
            found = self.by_mask[mask] = tuple(pair for place, pair in enumerate(self.pairs) if mask >> place & 1)
        return found

    def _asked(self, memo: dict[str, int], char: str, asks: tuple[Callable[..., object] | None, ...]) -> int:
        """Every rule's answer to ``may_start`` or ``may_end`` for one opening or last character, asked once, as a mask:
        the (length slot, opening, last) keys share their openings and last characters.  ``asks`` are the rules'
        partial matchers (``starters`` or ``enders``; None: the rule always may), found once for the rule set, so a
        new character does not hash every rule's fields to tell the built-in ones (``_builtin``) twice over."""
        found = memo.get(char)
        if found is None:
            if len(memo) >= ENDS_MEMO_SIZE:
                memo.clear()
            found = memo[char] = sum(
                1 << place for place, ask in enumerate(asks) if ask is None or ask(char, partial=True) is not None
            )
        return found

    def _starts(self, initial: str) -> int:
        """Every rule's ``may_start`` for an opening as a mask, asked once; only the rules that may start with its
        first character are asked about the whole opening (a text that can begin with "ab" can begin with "a": a
        process meets a few hundred openings, each of which asked every rule, and a few dozen first characters)."""
        found = self.starts.get(initial)
        if found is None:
            if len(initial) < 2:
                return self._asked(self.starts, initial, self.starters)
            first = self._asked(self.firsts, initial[0], self.starters)
            if len(self.starts) >= ENDS_MEMO_SIZE:
                self.starts.clear()
            found = self.starts[initial] = sum(
                1 << place
                for place, ask in enumerate(self.starters)
                if first >> place & 1 and (ask is None or ask(initial, partial=True) is not None)
            )
        return found

    def first_match(self, text: str) -> CompiledRule | None:
        """The first rule matching a block; the answers are remembered.

        Menus, share bars and footers repeat the same short lines on every page of a site (and
        "Home", "Share", "Menu" on most sites): each is matched against the rules once.  Longer
        blocks that a rule may still match are remembered a while (``LONG_MEMO_SIZE``): the text
        model's second reading of a page meets its kept paragraphs again.
        """
        rules = self.for_text(text)
        if not rules:
            return None
        memo, size = (self.memo, MEMO_SIZE) if len(text) <= MEMO_CHARS else (self.long_memo, LONG_MEMO_SIZE)
        if text in memo:
            return memo[text]
        if len(memo) >= size:
            memo.clear()
        found = memo[text] = first_match(text, rules)
        return found


def matcher(rule: CompiledRule) -> Matcher:
    """How to ask one rule: a user's rule under its timeout, a built-in rule directly.

    The regex timeout guards against a careless user pattern, but arming it costs as much as a
    typical match; the built-in patterns are checked free of runaway backtracking on adversarial
    text up to their ``max_chars`` (tests/test_rules.py), so they run without it, and the pattern's own
    method is the matcher (its match object or None is the answer: no wrapper called per block and rule).
    """
    if rule.rule not in _builtin():
        return rule.matches
    if rule.rule.scope is Scope.BLOCK:
        return rule.regex.fullmatch
    if rule.rule.scope is Scope.START:
        return rule.regex.match
    return rule.regex.search


def may_start(rule: CompiledRule, initial: str) -> bool:
    """Whether the rule can match a block that begins with ``initial`` (its opening characters, or none).

    A built-in rule that covers the whole block or its start answers through the regex engine's
    partial matching (could a text beginning so be matched?), which folds case as the match
    itself does; a rule matched anywhere or at the end, and a user's rule, always may.
    """
    ask = _starter(rule)
    return ask is None or ask(initial, partial=True) is not None


def _starter(rule: CompiledRule) -> Callable[..., object] | None:
    """The pattern's method ``may_start`` asks (partially) about an opening; None where the rule always may."""
    if rule.rule not in _builtin() or rule.rule.scope not in (Scope.BLOCK, Scope.START):
        return None
    return rule.regex.fullmatch if rule.rule.scope is Scope.BLOCK else rule.regex.match


def may_end(rule: CompiledRule, final: str) -> bool:
    """Whether the rule can match a block that ends with ``final`` (one character, or none).

    A built-in rule that covers the whole block or its end answers through the regex engine's
    partial matching run backwards (``_reversed``: could a text ending so be matched?); a rule
    matched at the start or anywhere, and a user's rule, always may.
    """
    ask = _ender(rule)
    return ask is None or ask(final, partial=True) is not None


def _ender(rule: CompiledRule) -> Callable[..., object] | None:
    """The backward pattern's method ``may_end`` asks (partially) about a last character; None: the rule always may."""
    if rule.rule not in _builtin() or rule.rule.scope not in (Scope.BLOCK, Scope.END):
        return None
    return _reversed(rule.rule).fullmatch


@lru_cache(maxsize=256)
def _reversed(rule: Rule) -> regex.Pattern[str]:
    """The rule's pattern, compiled to match backwards from the end of the text (without the END anchor)."""
    return regex.compile(rule.pattern, regex.IGNORECASE | regex.VERSION1 | regex.REVERSE)


@lru_cache(maxsize=1)
def _builtin() -> frozenset[Rule]:
    return frozenset(builtin_rules())


def first_match(text: str, rules: Sequence[tuple[CompiledRule, Matcher]]) -> CompiledRule | None:
    """The first rule matching the block text, or None.

    A rule with ``needs`` words is asked only when the block's folded text (``loader.folded``, worked out once
    for the block) holds one of them: without one, its pattern cannot match.
    """
    haystack = None
    for rule, matches in rules:
        needs = rule.rule.needs
        if needs:
            if haystack is None:
                haystack = folded(text)
            for word in needs:
                if word in haystack:
                    break
            else:
                continue
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


def warm_up(rules: Sequence[CompiledRule]) -> None:
    """Compile now what a process's first blocks would: every rule's backward pattern (``may_end``, a
    few tenths of a second for the built-in rules) and the rule set's index (``_by_length``)."""
    for rule in rules:
        may_end(rule, "")
    _by_length(tuple(rules))


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
        elif keep and is_kept(verdict.block.text, keep):
            marked.append(verdict.decide(Role.BODY, rule=KEEP_RULE, category="keep", layer=LAYER))
        elif (rule := by_length.first_match(verdict.block.text)) is not None:
            marked.append(verdict.decide(Role.FURNITURE, rule=rule.rule.id, category=rule.rule.category, layer=LAYER))
        else:
            marked.append(verdict)
    return marked
