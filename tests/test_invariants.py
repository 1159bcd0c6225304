"""Invariants every cleaned article holds on any site (the ones ``bench/invariants.py`` counts on a corpus).

Each test here stands for a cause that broke an invariant on pages of several sites: the C1 control characters
of windows-1252 text read as ISO 8859-1, ...
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.text.decode import C1, normalise

PARAGRAPH = "Das vierte Album der Sängerin erschien im Herbst und wurde von der Kritik fast überall sehr gelobt."


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_no_c1_control_character_survives_normalising(text: str) -> None:
    assert not C1.search(normalise(text))


def test_c1_quotes_of_windows_1252_read_as_latin_1_come_back_as_the_quotes() -> None:
    """A page declared iso-8859-1 that writes „…“ with bytes 0x84 and 0x93 (browsers read them as windows-1252)."""
    quoted = "Das Album \x84Brave New Woman\x93 (\x85) erschien im Herbst und wurde von der Kritik gelobt."
    page = f"<html><body><article><h1>Ein Album</h1><p>{quoted}</p><p>{PARAGRAPH}</p></article></body></html>"
    for article in (clean(page, format="html"), clean(f"Ein Album\n\n{quoted}\n\n{PARAGRAPH}\n", format="text")):
        assert "Das Album „Brave New Woman“ (…) erschien" in article.text
