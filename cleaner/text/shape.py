"""Shape: the measurable features of one block of text, computed once, and the two counts of words it holds.

The zones, classify and metadata layers all ask the same questions of a block: how
long is it, does it end like a sentence, does it look like a headline, how many of its
words are stopwords. This module answers them.

Two counts of words and sentence ends, and which layer reads which:

* the model's count (``WORD``, ``SENTENCE_END``, ``TERMINAL_STOP``; ``words_of``, ``shape_of``, ``has_words``):
  a word is a run of ``\\w``, a sentence ends on a Latin stop.  The text model's feature columns
  (``cleaner.layout.features``) and every layer before the model (zones, head, rules) read it, and it is frozen
  with the model file: the shipped model was trained on these columns, so changing the count changes what the
  model sees (``bench/train_text.py --check`` fails) and waits for the next retraining.  It is blind to scripts
  written without spaces: a Chinese or Japanese sentence is one or two words between commas, and ``。`` ends
  no sentence, so no block of such a page is prose by it.
* the script count (``SCRIPT_WORD``, ``SCRIPT_SENTENCE_END``; ``script_words_of``, ``script_ends_sentence``):
  letters of the Han, Hiragana and Katakana scripts count as a word every two characters, those of Thai, Lao,
  Khmer and Burmese (spaces between phrases only) a word every four, a word of another script keeps its combining
  marks and joiners (a Hindi word's vowel signs), and every script's sentence terminator ends a sentence (``。``,
  ``！``, the danda, ``؟``, ``۔`` ...).  The layers after the model read it: those that judge whether a block is
  prose and how much prose a page holds (``cleaner.layout.guardcount``, for the guards of
  ``cleaner.layout.textguards``), so losing the article is judged in every script, the title readers' headline
  shape (``cleaner.metadata.titles.is_headline_shaped``), and language detection, which drops a sample's Latin words
  when most of its words are of another script (``cleaner.text.language``).  In text without a character from
  U+0300 on but neutral punctuation (``beyond_latin``) the two counts are the same (a property test).

What it does NOT do: it decides nothing (the layers that ask do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import regex

# The model's count (frozen with the model file: see the module doc).
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


OPENING_MARKS = "\"'“‘«¿¡(["  # what may stand before a text's first letter: quotes, Spanish marks, brackets


@lru_cache(maxsize=4096)
def _measure(text: str) -> tuple[tuple[str, ...], bool, bool, bool]:
    """The lower-cased words and the ends of a text, once per text: the layers ask about a block several times."""
    first = text.lstrip(OPENING_MARKS)[:1]
    return (
        words_of(text)[1],
        SENTENCE_END.search(text) is not None,
        TERMINAL_STOP.search(text) is not None,
        first.isupper() or first.isdigit(),
    )


# The script count (the guards': see the module doc).  Scripts written without spaces between words, by their
# Unicode script property: a run of their letters is a phrase or a sentence, so it counts as a word every two
# characters (Chinese words are mostly one or two characters, Japanese ones a little longer).
UNSPACED_SCRIPTS = ("Han", "Hiragana", "Katakana")
# Thai, Lao, Khmer and Burmese are also written without spaces between words, but with spaces between phrases (and
# Thai and Lao with no full stop): a run of their letters, marks included, counts as a word every four characters
# (their words average about four: a Thai headline of 36 characters is 9 words, a paragraph of 160 is 40).
PHRASED_SCRIPTS = ("Thai", "Lao", "Khmer", "Myanmar")
PHRASE_WORD_CHARS = 4


def _script_class(names: tuple[str, ...]) -> str:
    """A ``regex`` class of the characters whose script extensions hold one of ``names``."""
    return "[" + "".join(rf"\p{{scx={name}}}" for name in names) + "]"


_IN_SCRIPTS = _script_class(UNSPACED_SCRIPTS + PHRASED_SCRIPTS)  # the scripts counted by characters
_UNSPACED = rf"[[\p{{L}}\p{{N}}\p{{M}}]&&{_script_class(UNSPACED_SCRIPTS)}]"
_PHRASED = rf"[[\p{{L}}\p{{N}}\p{{M}}]&&{_script_class(PHRASED_SCRIPTS)}]"
# A word of the other scripts starts on a letter, a digit or "_" (re's \w) and goes on with those, the marks on
# them (an Indic word keeps its vowel signs) and the joiners inside it (a Persian word's ZWNJ); a mark or a joiner
# after a symbol (an emoji's variation selector) is no word.
_START = rf"[[\p{{L}}\p{{N}}_]--{_IN_SCRIPTS}]"
_GOING_ON = rf"[[\p{{L}}\p{{N}}\p{{M}}_\p{{Join_Control}}]--{_IN_SCRIPTS}]"
UNSPACED_LETTER = regex.compile(_UNSPACED, regex.V1)  # one letter of those scripts: as much as two of an alphabet
SCRIPT_WORD = regex.compile(
    rf"{_START}{_GOING_ON}*(?:['’-]{_START}{_GOING_ON}*)*|{_UNSPACED}{{1,2}}|{_PHRASED}{{1,{PHRASE_WORD_CHARS}}}",
    regex.V1,
)
# What ends a sentence: the Latin stops, and every script's full stops, question and exclamation marks (Unicode's
# sentence terminators), then closing quotes and brackets (not a brace).  Searched from the end (``(?r)``): a long
# text is not scanned.
SCRIPT_SENTENCE_END = regex.compile(r"""(?r)[.!?…:;\p{SB=STerm}\p{SB=ATerm}](?:["'”’»]|(?!\})\p{Pe})*$""")
# The punctuation and currency signs from U+2000 on that neither count reads as part of a word or a sentence's
# end (typographic quotes and dashes, the ellipsis, spaces, the euro): Latin text holds them, and the two counts
# agree on text of them and of characters below U+0300 (a property test).
NEUTRAL_MARKS = "".join(
    char
    for char in map(chr, range(0x2000, 0x20D0))
    if not regex.match(r"[\w\p{L}\p{N}\p{M}\p{Join_Control}\p{SB=STerm}\p{SB=ATerm}\p{Pe}]", char, regex.V1)
)
_BEYOND_LATIN = re.compile(f"[^\\x00-\\u02ff{re.escape(NEUTRAL_MARKS)}]")


def beyond_latin(text: str) -> bool:
    """Whether the text holds a character from U+0300 on (a combining mark, a letter of another script, a sentence
    mark of another script) but for the neutral punctuation (``NEUTRAL_MARKS``): where the script count and the model's
    may differ.  On other text they find the same words and the same sentence ends."""
    return _BEYOND_LATIN.search(text) is not None


def script_words_of(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A text's words by the script count and their lower-case forms (``words_of`` where ``beyond_latin`` is false); a
    text of ``LONG_TEXT`` characters or more is read afresh each time, not cached (as ``words_of``)."""
    if not beyond_latin(text):
        return words_of(text)
    return _find_script_words(text) if len(text) >= LONG_TEXT else _cached_script_words(text)


def _find_script_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = tuple(match.group() for match in SCRIPT_WORD.finditer(text))
    return words, tuple(map(str.lower, words))


_cached_script_words = lru_cache(maxsize=4096)(_find_script_words)


def script_ends_sentence(text: str) -> bool:
    """Whether the text ends like a sentence in any script (``SCRIPT_SENTENCE_END``)."""
    return SCRIPT_SENTENCE_END.search(text) is not None
