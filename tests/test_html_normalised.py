"""A page's read-out text in normal form (``page.normalised``) reads as before: blocks already in place are kept.

The property test compares ``normalised`` with the way it read before (every block rebuilt with its place
and normalised text) on drawn blocks: spaces, invisibles, entities' characters, blocks out of place.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from cleaner.html.page import Page, normalised
from cleaner.model import Block, Kind, Metadata
from cleaner.text.decode import normalise


def _normalised_before(page: Page) -> Page:
    texts = [(block, normalise(block.text).strip()) for block in page.blocks]
    kept = [(block, text) for block, text in texts if text]
    blocks = tuple(replace(block, index=i, text=text) for i, (block, text) in enumerate(kept))
    meta = page.metadata
    fields = {
        name: normalise(value)
        for name in ("title", "subtitle", "site_name")
        if isinstance(value := getattr(meta, name), str)
    }
    authors = tuple(normalise(name) for name in meta.authors)
    left_out = tuple(text for text in map(normalise, page.left_out) if text.strip())
    return Page(blocks, replace(meta, authors=authors, **fields), page.guessed, page.whole_page, left_out, page.offers)


_TEXT = st.text(
    st.one_of(
        st.sampled_from(" \u00a0\u00ad\u200b\ufeff\t\nabc é"), st.characters(codec="utf-8", exclude_categories=("Cs",))
    )
)
_BLOCKS = st.lists(
    st.tuples(st.integers(0, 40), _TEXT, st.sampled_from(list(Kind)), st.floats(0, 1), st.booleans()), max_size=12
)


@given(_BLOCKS, st.lists(_TEXT, max_size=3), st.one_of(st.none(), _TEXT))
def test_normalised_reads_as_before(
    drawn: list[tuple[int, str, Kind, float, bool]], left_out: list[str], title: str | None
) -> None:
    blocks = tuple(Block(index, text, kind, density, alone) for index, text, kind, density, alone in drawn)
    page = Page(blocks, Metadata(title=title, authors=("Jane\u00a0Doe",)), left_out=tuple(left_out))
    assert normalised(page) == _normalised_before(page)
