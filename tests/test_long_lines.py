"""A page run into one long line is cleaned in memory that grows with its size, not with its words (robust38).

A 12 MB text of one line took 830 MB of memory (``/usr/bin/time -v``), 620 MB over the process's own: its three
million words were held as strings, once as found and once lower-cased, in ``shape.words_of``'s cache, and listed
again to learn whether the line was prose (``language._sample``).  These tests check the bound and that the ways
that save the memory count what the old ones did.
"""

from __future__ import annotations

import random
import tracemalloc

from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean
from cleaner.pipeline.cleaning import warm_up
from cleaner.text import language, shape

WORDS = [
    "the",
    "council",
    "voted",
    "on",
    "Tuesday",
    "to",
    "close",
    "bridge",
    "repairs",
    "would",
    "cost",
    "more",
    "than",
    "new",
    "one",
]


def _one_line(chars: int) -> str:
    rng = random.Random(38)
    words: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(WORDS) + ("." if rng.random() < 0.07 else "")
        words.append(word)
        size += len(word) + 1
    return " ".join(words)


def test_a_one_line_text_is_cleaned_in_memory_a_few_times_its_size() -> None:
    warm_up(html=False)
    text = _one_line(1_500_000)
    tracemalloc.start()
    try:
        article = clean(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert article.text == text
    assert peak < 12 * len(text), f"{peak:,} bytes at the peak for a text of {len(text):,}"


TEXTS = st.text(st.sampled_from("ab É1_'’- .\n\tж東"), max_size=60)


@given(TEXTS)
def test_pooled_words_are_the_words_of_the_cached_reading(text: str) -> None:
    assert shape._pooled_words(text) == shape._cached_words(text)
    long = text * (shape.LONG_TEXT // max(len(text), 1) + 1)
    assert shape.words_of(long) == shape._cached_words(long)


@given(TEXTS)
def test_letter_chars_count_what_the_letter_runs_hold(text: str) -> None:
    assert language._letter_chars(text) == sum(map(len, language.LETTERS.findall(text)))
