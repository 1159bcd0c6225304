"""The classifier's main run: text an extractor chose is kept whole without being scored.

``classify.main_run`` skips the block scores where ``whole_page`` is False (an HTML page's extracted
content): they only chose a run in a page's whole text, and before ``main_run`` the run they gave there was
always every block.  The property test checks that on drawn blocks: every open block stays in the body,
and what an earlier layer decided is left as it was.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.layout.classify import classify, main_run
from cleaner.model import Block, Kind, Role, Verdict
from cleaner.text.language import stoplist

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
@given(_BLOCKS, st.sampled_from(["en", "de", None]), st.booleans())
def test_text_an_extractor_chose_is_kept_whole(
    drawn: list[tuple[str, Kind, float, bool]], language: str | None, headings: bool
) -> None:
    verdicts = []
    for index, (text, kind, density, decided) in enumerate(drawn):
        verdict = Verdict(Block(index, text, kind, round(density, 3)), kind=kind)
        if decided:
            verdict = verdict.decide(Role.FURNITURE, rule="r", category="c", layer="furniture")
        verdicts.append(verdict)
    stopwords = stoplist(language) if language else frozenset()
    undecided = [verdict for verdict in verdicts if not verdict.decided]
    assert main_run(undecided, stopwords, whole_page=False) == (0, len(undecided))
    marked = classify(verdicts, stopwords, whole_page=False, headings=headings)
    for before, after in zip(verdicts, marked, strict=True):
        assert after == before if before.decided else after.role is Role.BODY
