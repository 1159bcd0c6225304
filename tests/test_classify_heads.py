"""``classify`` asks ``is_heading`` only of blocks ``_may_head`` lets through: the same headings, fewer words split.

``_may_head`` must be False only where ``is_heading`` is False, and ``has_words`` must count words as
``shape_of`` does; both are checked on generated blocks of every kind, length and ending.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.layout.classify import HEADING_MAX_WORDS, _may_head, classify, is_heading
from cleaner.model import Block, Kind, Verdict
from cleaner.text.shape import has_words, shape_of

WORDS = ["Council", "votes", "on", "the", "new", "bus", "timetable", "l'été", "co-op", "2024", "—", "it’s", "Über"]
ENDINGS = ["", ".", "?", "!", ":", " …", ".”", ")"]


def text_of(words: list[str], ending: str) -> str:
    return " ".join(words) + ending


LINES = st.lists(st.sampled_from(WORDS), max_size=2 * HEADING_MAX_WORDS + 4)
TEXTS = st.builds(text_of, LINES, st.sampled_from(ENDINGS))
KINDS = st.sampled_from(list(Kind))


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=200)), st.integers(min_value=-1, max_value=40))
def test_has_words_counts_as_the_shape_does(text: str, count: int) -> None:
    assert has_words(text, count) == (shape_of(text).words >= count)


@settings(max_examples=400, deadline=None)
@given(TEXTS, KINDS, st.one_of(st.none(), TEXTS))
def test_a_block_may_head_wherever_it_is_a_heading(text: str, kind: Kind, following: str | None) -> None:
    verdict = Verdict(Block(index=0, text=text, kind=kind), kind=kind)
    after = None if following is None else Verdict(Block(index=1, text=following))
    if is_heading(verdict, after):
        assert _may_head(verdict, after)


def test_classify_gives_the_same_verdicts_as_asking_every_block() -> None:
    short, long = "A heading over the next part", text_of(WORDS * 2, ".")
    texts = [short, long, short, short, long, "Another line?", long, text_of(WORDS[:5], ""), long, short]
    verdicts = [Verdict(Block(index=i, text=text, kind=Kind.PARAGRAPH)) for i, text in enumerate(texts)]
    decided = classify(verdicts, frozenset(), whole_page=False)
    expected = [
        "heading" if is_heading(verdict, verdicts[i + 1] if i + 1 < len(verdicts) else None) else "body"
        for i, verdict in enumerate(verdicts)
    ]
    assert [verdict.category for verdict in decided] == expected
    assert expected.count("heading") == 4  # a short line before each long paragraph
