"""Shape: the measurable features of one block of text, computed once.

The zones, classify and metadata layers all ask the same questions of a block: how
long is it, does it end like a sentence, does it look like a headline, how many of its
words are stopwords. This module answers them.

What it does NOT do: it decides nothing (the layers that ask do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

WORD = re.compile(r"\w+(?:['’-]\w+)*")
SENTENCE_END = re.compile(r"""[.!?…:;]["'”’»)\]]*$""")
TERMINAL_STOP = re.compile(r"""\.["'”’»)\]]*$""")
HEADLINE_MAX_WORDS = 25
_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is str.isalnum() and "_"


def letters_and_digits(text: str) -> str:
    """The text's letters and digits alone, in order: what two spellings of the same words share."""
    return _NOT_ALNUM.sub("", text)


@dataclass(frozen=True, slots=True)
class Shape:
    """What a block looks like, independent of its neighbours."""

    chars: int
    words: int
    stopwords: int
    ends_sentence: bool
    ends_with_period: bool
    starts_upper: bool

    @property
    def stopword_density(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @property
    def headline_like(self) -> bool:
        """Short, capitalised, and not closed by a full stop, as headlines and menu items are."""
        return 1 <= self.words <= HEADLINE_MAX_WORDS and not self.ends_with_period and self.starts_upper


@lru_cache(maxsize=8192)
def shape_of(text: str, stopwords: frozenset[str] = frozenset()) -> Shape:
    """Measure a block of text (once per text and stoplist: the layers ask about a block several times)."""
    words, ends_sentence, ends_with_period, starts_upper = _measure(text)
    return Shape(
        chars=len(text),
        words=len(words),
        stopwords=sum(map(stopwords.__contains__, words)) if stopwords else 0,
        ends_sentence=ends_sentence,
        ends_with_period=ends_with_period,
        starts_upper=starts_upper,
    )


def has_words(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` words (``shape_of(text).words >= count``), read only as far as the
    ``count``-th word: a long paragraph is not split into words to learn that it is not short."""
    return count <= 0 or next(islice(WORD.finditer(text), count - 1, None), None) is not None


LONG_TEXT = 100_000  # characters: a block this long (a page run into one line) has its words pooled, not cached


def words_of(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A text's words and their lower-case forms, once per text: shapes and the text model's features read them.

    A text of ``LONG_TEXT`` characters or more is read afresh each time and its words pooled (``_pooled_words``):
    kept in the cache as one string per word, a 12 MB line's three million words held 365 MB after its document."""
    return _pooled_words(text) if len(text) >= LONG_TEXT else _cached_words(text)


@lru_cache(maxsize=16384)
def _cached_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = tuple(WORD.findall(text))
    return words, tuple(map(str.lower, words))


def _pooled_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``_cached_words`` with one string per distinct word (a long text repeats its vocabulary): the tuples hold
    eight bytes a word, not the fifty of a string of its own, and no list of every word is built first."""
    pool: dict[str, str] = {}
    words = tuple(pool.setdefault(word, word) for word in map(_GROUP, WORD.finditer(text)))
    lower = {word: word.lower() for word in pool}
    return words, tuple(map(lower.__getitem__, words))


_GROUP = re.Match.group


@lru_cache(maxsize=4096)
def _measure(text: str) -> tuple[tuple[str, ...], bool, bool, bool]:
    """The lower-cased words and the ends of a text, once per text: the layers ask about a block several times."""
    first = text.lstrip("\"'“‘«¿¡([")[:1]
    return (
        words_of(text)[1],
        SENTENCE_END.search(text) is not None,
        TERMINAL_STOP.search(text) is not None,
        first.isupper() or first.isdigit(),
    )
