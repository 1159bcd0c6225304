"""Author values the byline reader does not offer: a labelled value inside a line, and short lines.

The byline reader (``cleaner.metadata.byline``) reports person names, and only from a line that is
a byline as a whole.  Sites also credit a newsroom, an agency or a user name ("von Redaktion",
"by IWB", "Posted by jdoe"), put the byline label inside a line after a date or a category
("... 2022 von Redaktion", "Posted in News by jdoe on ..."), or print the author's name alone on a
short line beside the headline or the dateline.  This module offers such values:

* ``labelled_values(line)``: after a byline label of the lexicon (``byline_words``,
  ``author_labels``, optionally after a ``byline_verbs`` word) anywhere in the line, the first 1 to
  ``MAX_TOKENS`` words up to the next separator, each length a value of its own;
* ``short_value(line)``: a line of 1 to ``MAX_TOKENS`` words, as it stands;
* ``without_label(value)``: a value without the byline label it opens with (the pipeline's test of a person);

and describes any author value by its shape (``value_features``).  Which value, if any, is the
article's author is the trained model's decision (``cleaner.metadata.choice``).

What it does NOT do: it decides nothing, reads no date, and knows no name: every value is a piece of
the line cut at the label and at separators, split into names as the benchmark splits them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.lexicon import alternation
from cleaner.metadata.byline import split_names
from cleaner.metadata.names import is_organisation, person_shape

MAX_TOKENS = 6
MAX_LABELLED_LINE = 100  # a line this long is prose: a label in it is a preposition
MAX_SHORT_LINE = 40
_LABEL = re.compile(
    rf"(?<![^\W\d_])(?:{alternation('byline_verbs')}\s+)?"
    rf"{alternation('byline_words', 'author_labels')}(?:\s*:\s*|\s+)(?=\S)",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*(?:[|·•,;()\[\]{}<>]|\s[-–—]\s|\s*[:–—]\s).*$")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
VALUE_FEATURES = (
    "value_tokens",
    "value_person",
    "value_organisation",
    "value_lower",
    "value_digits",
    "whole_line",
    "words_after",
)


def labelled_values(line: str) -> list[tuple[str, ...]]:
    """The values a byline label inside the line may introduce, shortest first (none in a long line)."""
    return list(_labelled_values(line))


@lru_cache(maxsize=4096)  # once per line: the second reading of a page asks of the same lines
def _labelled_values(line: str) -> tuple[tuple[str, ...], ...]:
    text = line.strip()
    if len(text) > MAX_LABELLED_LINE:
        return ()
    out: list[tuple[str, ...]] = []
    for match in _LABEL.finditer(text):
        rest = _SEPARATOR.sub("", text[match.end() :])
        tokens = rest.split()[:MAX_TOKENS]
        if not tokens or not _LETTER.match(tokens[0]):
            continue  # a value opens with a letter, as a short line must: "Seite 1 von 2" names nobody
        for end in range(1, len(tokens) + 1):
            if end > 1 and _DIGIT.search(tokens[end - 1]):
                break  # a date or a count after the name: the value ended before it
            if end > 1 and not tokens[end - 1][:1].isupper() and end < len(tokens):
                continue  # a value ends on a capitalised word, or where its segment ends
            names = split_names(" ".join(tokens[:end]))
            if names and names not in out:
                out.append(names)
    return tuple(out)


def without_label(value: str) -> str:
    """The value without a byline label it opens with ("By Reuters": "Reuters"); the value itself when none."""
    text = value.strip()
    match = _LABEL.match(text)
    return text[match.end() :] if match else value


@lru_cache(maxsize=4096)  # once per line, as labelled_values
def short_value(line: str) -> tuple[str, ...] | None:
    """A short line's words as a value: a name, a user name or a newsroom standing alone."""
    text = line.strip()
    if not text or len(text) > MAX_SHORT_LINE or len(text.split()) > MAX_TOKENS or not _LETTER.match(text):
        return None
    return split_names(text) or None


@lru_cache(maxsize=4096)  # once per value and line: a line offers the same value from several sources
def value_features(names: tuple[str, ...], line: str) -> tuple[float, ...]:
    """The value's shape: words, person-like, an organisation, lower case, digits, the whole line."""
    joined = " ".join(names)
    tokens = joined.split()
    spaced = " ".join(line.split())  # the line with single spaces
    return (
        len(tokens),
        sum(person_shape(name, min_tokens=1, max_tokens=5) for name in names) / max(1, len(names)),
        float(any(is_organisation(name) for name in names)),
        float(joined == joined.lower()),
        float(_DIGIT.search(joined) is not None),
        float(spaced.casefold() == ", ".join(names).casefold() or joined == spaced),
        _words_after(names[-1], line),
    )


def _words_after(name: str, line: str) -> int:
    """Words between the value's last name and the end of its segment (0: the value closes it; -1: not found)."""
    at = line.find(name)
    if at < 0:
        return -1
    return min(len(_SEPARATOR.sub("", line[at + len(name) :]).split()), MAX_TOKENS)
