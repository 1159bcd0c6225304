"""The letters of a name (``authors._letters``), which match a user name to the name a page shows, read as before.

ASCII text is now read by one substitution; the property test compares it with the general reading (case
folded, decomposed, combining marks and everything but letters and digits dropped) on drawn text.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from cleaner.html.authors import _letters, shown_as
from cleaner.html.page import parse_page


def _letters_before(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in folded if char.isalnum() and not unicodedata.combining(char))


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_text_has_the_letters_it_had(text: str) -> None:
    assert _letters(text) == _letters_before(text)


@given(
    st.text(st.one_of(st.sampled_from("JàneDœ-Li ßẞİıﬁ_.5"), st.characters(codec="utf-8", exclude_categories=("Cs",))))
)
def test_any_text_has_the_letters_it_had(text: str) -> None:
    assert _letters(text) == _letters_before(text)


def test_every_ascii_character_alone() -> None:
    for code in range(128):
        assert _letters(chr(code) * 2) == _letters_before(chr(code) * 2), code


def test_a_user_name_is_shown_as_the_page_spells_it() -> None:
    tree, _ = parse_page("<html><body><p>By <a href='/u'>Jane Doe</a></p><p>Jàne Dœ-Li wrote</p></body></html>")
    assert shown_as(("jane_doe", "Jane"), tree) == ("Jane Doe", "Jane")
