"""Furniture rules: load them from data, validate them, and match them safely.

A rule is data (id, category, pattern, why, and where it applies), read from
``cleaner/rules/furniture_rules.toml`` and from the user's configuration.  This module
compiles and matches rules; it does not decide what to do with a match (that is
the ``furniture`` layer's job).

Patterns are matched with the ``regex`` module and a timeout, so a careless user
pattern cannot hang a batch: a match that runs out of time counts as no match.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from typing import TypeVar

import regex

BUILTIN_RULES = "furniture_rules.toml"
MATCH_TIMEOUT_SECONDS = 0.05
# Rules describe short page furniture; a block longer than this is never matched by
# a rule (it is left to the classifier), which also bounds the cost of every match.
MAX_RULE_BLOCK_CHARS = 1200


class RuleError(ValueError):
    """A rule in a rules file or configuration is malformed."""


class Scope(StrEnum):
    """How a pattern must cover a block."""

    BLOCK = "block"  # the whole block (after trimming) matches: the default
    START = "start"  # the block starts with the pattern
    END = "end"  # the block ends with the pattern
    SEARCH = "search"  # the pattern appears anywhere in the block


class Action(StrEnum):
    """What a match means."""

    REMOVE = "remove"  # the block is furniture
    TAIL = "tail"  # the block is furniture and starts the tail: what follows is suspect


Choice = TypeVar("Choice", Scope, Action)


@dataclass(frozen=True, slots=True)
class Rule:
    """One furniture rule, as written in a rules file."""

    id: str
    category: str
    pattern: str
    why: str
    scope: Scope = Scope.BLOCK
    action: Action = Action.REMOVE
    max_chars: int = MAX_RULE_BLOCK_CHARS
    sentences: bool = False  # also matched against each sentence of a short plain-text block (``rules.sentences``)
    # Words one of which every match holds (lower case): a block whose ``folded`` text holds none is not asked
    # the pattern at all (a pattern with a long optional prefix tries every place of the block before failing).
    needs: tuple[str, ...] = ()

    def compile(self) -> regex.Pattern[str]:
        """Compile the pattern; an END rule is anchored at the end of the block here."""
        pattern = rf"(?:{self.pattern})\Z" if self.scope is Scope.END else self.pattern
        try:
            return regex.compile(pattern, regex.IGNORECASE | regex.VERSION1)
        except regex.error as error:
            raise RuleError(f"rule {self.id!r}: bad pattern: {error}") from None


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    regex: regex.Pattern[str]

    def matches(self, text: str) -> bool:
        """True when the block text matches; a pattern that times out does not match."""
        if len(text) > self.rule.max_chars or not may_hold(self.rule, text):
            return False
        try:
            if self.rule.scope is Scope.BLOCK:
                return self.regex.fullmatch(text, timeout=MATCH_TIMEOUT_SECONDS) is not None
            if self.rule.scope is Scope.START:
                return self.regex.match(text, timeout=MATCH_TIMEOUT_SECONDS) is not None
            return self.regex.search(text, timeout=MATCH_TIMEOUT_SECONDS) is not None
        except TimeoutError:
            return False


def folded(text: str) -> str:
    """The text as ``needs`` words are looked for in it: case-folded, a dotless i read as i and a combining dot
    above dropped, so that whatever a case-insensitive pattern's letters match folds to those letters (the
    ``regex`` module matches "i" with "ı" and "İ", which ``str.casefold`` alone keeps apart)."""
    return text.casefold().replace("ı", "i").replace("\u0307", "")


def may_hold(rule: Rule, text: str) -> bool:
    """Whether ``text`` holds one of the rule's ``needs`` words (True for a rule without them): False means
    the pattern cannot match."""
    if not rule.needs:
        return True
    haystack = folded(text)
    return any(word in haystack for word in rule.needs)


REQUIRED_KEYS = ("id", "category", "pattern", "why")
OPTIONAL_KEYS = ("scope", "action", "max_chars", "sentences", "needs")


def rule_from_mapping(data: Mapping[str, object], *, origin: str) -> Rule:
    """Build a rule from one ``[[rule]]`` table, naming the origin and key on error."""
    unknown = set(data) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS)
    if unknown:
        raise RuleError(f"{origin}: unknown key {sorted(unknown)[0]!r} in rule {data.get('id', '?')!r}")
    for key in REQUIRED_KEYS:
        if not isinstance(data.get(key), str) or not data[key]:
            raise RuleError(f"{origin}: rule {data.get('id', '?')!r} needs a non-empty string {key!r}")
    scope = _choice(data, "scope", Scope.BLOCK, origin)
    action = _choice(data, "action", Action.REMOVE, origin)
    max_chars = data.get("max_chars", MAX_RULE_BLOCK_CHARS)
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or not 0 < max_chars <= 10_000:
        raise RuleError(f"{origin}: rule {data['id']!r}: 'max_chars' must be an integer from 1 to 10000")
    sentences = data.get("sentences", False)
    if not isinstance(sentences, bool) or (sentences and scope is not Scope.BLOCK):
        raise RuleError(
            f"{origin}: rule {data['id']!r}: 'sentences' must be true or false, and true only for a block rule"
        )
    rule = Rule(
        str(data["id"]),
        str(data["category"]),
        str(data["pattern"]),
        str(data["why"]),
        scope,
        action,
        max_chars,
        sentences,
        _needs(data, origin),
    )
    try:
        compiled = rule.compile()
    except RuleError as error:
        raise RuleError(f"{origin}: {error}") from None
    if scope is not Scope.BLOCK and not rule.needs and compiled.search(""):
        raise RuleError(
            f"{origin}: rule {rule.id!r}: its pattern matches empty text, so with scope {scope.value!r} it is found in "
            "every block and would remove them all"
        )
    return rule


def _choice(data: Mapping[str, object], key: str, default: Choice, origin: str) -> Choice:
    """The rule's ``scope`` or ``action``: one of its kind's values, or an error naming the key and the values (it
    was Python's "'middle' is not a valid Scope")."""
    value = data.get(key, default)
    kind = type(default)
    if isinstance(value, str) and value in {member.value for member in kind}:
        return kind(value)
    names = ", ".join(member.value for member in kind)
    raise RuleError(f"{origin}: rule {data['id']!r}: {key!r} must be one of {names}, not {value!r}")


def _needs(data: Mapping[str, object], origin: str) -> tuple[str, ...]:
    """The rule's ``needs`` words: a list of non-empty strings, each as ``folded`` leaves it (lower case)."""
    needs = data.get("needs", [])
    if not isinstance(needs, list) or not all(isinstance(w, str) and w and w == folded(w) for w in needs):
        raise RuleError(f"{origin}: rule {data['id']!r}: 'needs' must be a list of non-empty lower-case words")
    return tuple(needs)


def parse_rules(text: str, *, origin: str) -> tuple[Rule, ...]:
    """Parse a rules file (TOML, a list of ``[[rule]]`` tables)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RuleError(f"{origin}: not valid TOML: {error}") from None
    return tuple(rule_from_mapping(item, origin=origin) for item in data.get("rule", []))


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    """The rules shipped with cleaner (read once: rules are frozen)."""
    text = resources.files("cleaner.rules").joinpath(BUILTIN_RULES).read_text(encoding="utf-8")
    return parse_rules(text, origin=BUILTIN_RULES)


def compile_rules(rules: Iterable[Rule], *, disabled: Iterable[str] = ()) -> tuple[CompiledRule, ...]:
    """Compile the rules that are not disabled (by rule id or by category)."""
    off = set(disabled)
    return tuple(
        CompiledRule(rule, rule.compile()) for rule in rules if rule.id not in off and rule.category not in off
    )
