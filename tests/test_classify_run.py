"""The classifier's main run: text an extractor chose is kept whole without being scored, as before.

``classify.main_run`` skips the block scores where ``whole_page`` is False (an HTML page's extracted
content): they only chose a run in a page's whole text.  The property test compares ``classify`` with
the way it read before (every block shaped and scored, then the run taken) on drawn blocks.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.layout.classify import _body, best_run, block_scores, classify, looks_like_page_dump
from cleaner.model import Block, Kind, Role, Verdict
from cleaner.text.language import stoplist
from cleaner.text.shape import shape_of

LAYER = "classify"
OUTSIDE = "classify.outside-main-text"


def _classify_before(
    verdicts: list[Verdict], stopwords: frozenset[str], *, whole_page: bool | None, headings: bool = True
) -> list[Verdict]:
    """``classify`` as it read before ``main_run``: every undecided block scored whatever ``whole_page`` says."""
    marked = list(verdicts)
    open_positions = [position for position, verdict in enumerate(marked) if not verdict.decided]
    shapes = [shape_of(marked[position].text, stopwords) for position in open_positions]
    words = [shape.words for shape in shapes]
    scores = block_scores(
        np.array([shape.chars for shape in shapes], dtype=float),
        np.array(words, dtype=float),
        np.array([shape.stopword_density for shape in shapes], dtype=float),
        np.array([shape.ends_sentence for shape in shapes], dtype=bool),
        np.array([marked[position].block.link_density for position in open_positions], dtype=float),
        bool(stopwords),
    ).tolist()
    if whole_page is None:
        whole_page = looks_like_page_dump(scores, words)
    run = best_run(scores) if whole_page else None
    run = run or (0, len(open_positions))
    for rank, position in enumerate(open_positions):
        verdict = marked[position]
        if run[0] <= rank < run[1]:
            following = marked[open_positions[rank + 1]] if headings and rank + 1 < len(open_positions) else None
            marked[position] = _body(verdict, following)
        else:
            marked[position] = verdict.decide(Role.FURNITURE, rule=OUTSIDE, category="boilerplate", layer=LAYER)
    return marked


_LINES = [
    "Home",
    "News | Sport | Weather",
    "Share this",
    "The council met on Tuesday to discuss the new timetable, and residents had complained for months.",
    "Der Stadtrat hat am Dienstag über den neuen Fahrplan beraten, und die Anwohner hatten sich beschwert.",
    "A Short Headline Here",
    "Read more",
    "It was, the mayor said, a matter of time before the buses ran on the hour again in the evening.",
    "© 2024 Example Media",
    "Why the Ferry Trial Matters?",
]
_BLOCKS = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(_LINES), st.text(min_size=1, max_size=80)),
        st.sampled_from(list(Kind)),
        st.floats(0.0, 1.0),
        st.booleans(),  # decided by an earlier layer
    ),
    max_size=30,
)


@settings(max_examples=150)
@given(_BLOCKS, st.sampled_from([None, False, True]), st.sampled_from(["en", "de", None]), st.booleans())
def test_classify_reads_as_it_did_before(
    drawn: list[tuple[str, Kind, float, bool]], whole_page: bool | None, language: str | None, headings: bool
) -> None:
    verdicts = []
    for index, (text, kind, density, decided) in enumerate(drawn):
        verdict = Verdict(Block(index, text, kind, round(density, 3)), kind=kind)
        if decided:
            verdict = verdict.decide(Role.FURNITURE, rule="r", category="c", layer="furniture")
        verdicts.append(verdict)
    stopwords = stoplist(language) if language else frozenset()
    assert classify(verdicts, stopwords, whole_page=whole_page, headings=headings) == _classify_before(
        verdicts, stopwords, whole_page=whole_page, headings=headings
    )
