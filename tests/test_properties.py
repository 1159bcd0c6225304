"""Invariants of the text pipeline, checked on generated input (hypothesis).

* It never raises on any Unicode text, except ``CleanError`` for text with nothing but blanks.
* It never invents text: every body block, the title and the subtitle are made of the
  input's own words, in the input's order.
* It is idempotent: cleaning the body of a cleaned article removes nothing more and
  keeps every word of it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner import CleanError, clean
from cleaner.text.decode import CONTROL, LONE_SURROGATE, NOT_TEXT, lone_surrogate, normalise, not_text

ROOT = Path(__file__).resolve().parent.parent
WHITESPACE = re.compile(r"\s+")

# Lines that look like articles and their furniture, so generated documents reach every layer.
SAMPLE_LINES = [
    "Iraq preparing to remove US-led coalition, says PM",
    "By Jane Doe and John Roe",
    "Updated: January 06, 2024, 6:48 AM",
    "2 min readJan 6, 2024",
    "--",
    "No time to read?",
    "Get a summary",
    "More from Qonversations",
    "Previous Article",
    "FILE PHOTO: Soldiers at a base, January 13, 2020. REUTERS/John Davison/File Photo",
    "2024 01 08T193634Z 1 LYNXMPEK070Q3 RTROPTP 4 IRAQ SECURITY USA scaled",
    "We use cookies to improve your experience. Accept all",
    "The government said on Friday that it would set a date for talks on the future of the coalition.",
    "Die Regierung kündigte am Freitag an, einen Termin für Gespräche über die Zukunft festzulegen.",
    "Le gouvernement a annoncé vendredi qu'il fixerait une date pour des discussions sur la coalition.",
    "American Strike",
    "Home",
    "Sport",
    "© 2024 Example Media. All rights reserved.",
]

documents = st.lists(
    st.one_of(st.sampled_from(SAMPLE_LINES), st.text(min_size=0, max_size=120)), min_size=0, max_size=30
).map(lambda lines: "\n".join(lines))
separators = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"])


def squash(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def words_of(text: str) -> list[str]:
    return squash(text).split(" ") if squash(text) else []


def invisible(text: str) -> bool:
    """Nothing but white space and invisible format characters (Unicode Cf: zero-width spaces, byte order marks, soft
    hyphens), which the normal form drops: an empty document (docs/cli.md)."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
@example("\ufeff")  # generated once, not every run: a byte order mark alone is an empty document
@example("\u200b \u00ad\n")
def test_never_raises_on_any_unicode(text: str) -> None:
    if invisible(text):
        with pytest.raises(CleanError, match=r"^empty"):
            clean(text, format="text")
        return
    if "\x00" in text:  # binary data, as a file holding a NUL in its first 8 KB is (test_bad_input)
        with pytest.raises(CleanError, match=r"^binary data \(NUL bytes\), not text$"):
            clean(text, format="text")
        return
    try:
        article = clean(text, format="text")
    except CleanError as error:  # evidently not text: control characters in its start, and no text to the detector
        assert str(error) == NOT_TEXT and CONTROL.search(text[:8192])
        return
    assert isinstance(article.to_dict(), dict)


@settings(max_examples=500, deadline=None)
@given(st.text(st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=200))
def test_the_lone_surrogate_found_is_the_first_the_pattern_finds(text: str) -> None:
    match = LONE_SURROGATE.search(text)
    assert lone_surrogate(text) == (f"\\u{ord(match[0]):04x}" if match else "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_never_invents_text(text: str) -> None:
    if invisible(text) or "\x00" in text or not_text(text):
        return  # nothing to clean, or binary data (CleanError, above)
    source = squash(normalise(text))
    article = clean(text, format="text")
    for block in article.blocks:
        assert squash(block.text) in source
    for field in (article.title, article.subtitle):
        assert field is None or squash(field) in source


# Found by hypothesis: English captions on a French article made the first pass detect English
# and the second (without the captions) French, so the two passes classified differently.
MIXED_LANGUAGE_CAPTIONS = "\n".join(
    [
        "Iraq preparing to remove US-led coalition, says PM",
        "American Strike",
        *["Iraq preparing to remove US-led coalition, says PM"] * 2,
        *["FILE PHOTO: Soldiers at a base, January 13, 2020. REUTERS/John Davison/File Photo"] * 2,
        "American Strike",
        ":",
        "Le gouvernement a annoncé vendredi qu'il fixerait une date pour des discussions sur la coalition.",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, separators)
@example(MIXED_LANGUAGE_CAPTIONS, "\n")
@example("--\nġ\n\x1fà\U00015841\U000248e1\nIraq preparing to remove US-led coalition, says PM", "\n\n")  # (CI, 6 Dec)
def test_cleaning_the_body_again_removes_nothing(text: str, separator: str) -> None:
    source = text.replace("\n", separator)
    if invisible(source) or "\x00" in source or not_text(source):
        return  # nothing to clean, or binary data (CleanError, above): judged on the text cleaned, since
        # charset-normalizer's measure of a text with a control character can change with its line breaks
    first = clean(source, format="text")
    if not first.text.strip():
        return  # nothing left: cleaning nothing is an error, not a change
    second = clean(first.text, format="text")
    assert second.removed == ()
    kept = [*filter(None, (second.title, second.subtitle)), *(block.text for block in second.blocks)]
    assert words_of(" ".join(kept)) == words_of(first.text)


# Found by hypothesis (seeds 48 and 50 of the test above): in a short document with a repeated
# headline the first reading keeps everything, the second removes the prose sentences too.
REREAD_LOSSES = [
    "\n".join(
        [
            "Iraq preparing to remove US-led coalition, says PM",
            "American Strike",
            "A",
            "0:",
            "0:0",
            "Iraq preparing to remove US-led coalition, says PM",
            "By Jane Doe and John Roe",
            "Die Regierung kündigte am Freitag an, einen Termin für Gespräche über die Zukunft festzulegen.",
            "The government said on Friday that it would set a date for talks on the future of the coalition.",
        ]
    ),
    "\n".join(
        [
            *["Iraq preparing to remove US-led coalition, says PM", "A"],
            *["Iraq preparing to remove US-led coalition, says PM"] * 2,
            "By Jane Doe and John Roe",
            "Die Regierung kündigte am Freitag an, einen Termin für Gespräche über die Zukunft festzulegen.",
            *["American Strike", ":", ":"],
            "The government said on Friday that it would set a date for talks on the future of the coalition.",
        ]
    ),
]


def rereading_removes(text: str) -> tuple:
    first = clean(text, format="text")
    return clean(first.text, format="text").removed


def test_rereading_a_short_output_with_its_headline_kept_removes_nothing() -> None:
    """Once a strict xfail: the lines between the title and the prose now stay in the first output."""
    assert rereading_removes(REREAD_LOSSES[0]) == ()


def test_rereading_a_short_output_keeps_its_prose() -> None:
    """Once a strict xfail that passed or failed with each rebuild of the text model: the second reading
    takes the repeated headline for the title and the lines above the prose for its head.  The first
    reading now settles on a body that reading keeps whole (``assemble.settle_output``)."""
    assert rereading_removes(REREAD_LOSSES[1]) == ()


# Found by ``--hypothesis-profile=explore`` (about a third of 31 seeds failed on 3 December): the
# first reading takes the headline for the title and the body no longer holds it; the settling pass
# (layout.textmodel) reread the kept text with the headline still in it, so the real second reading
# differs. A text with no sentence of prose: the model's decision, not a case for a rule.
REREAD_WITHOUT_TITLE = "\n".join(
    [
        "Iraq preparing to remove US-led coalition, says PM",
        ":",
        ":",
        *["Iraq preparing to remove US-led coalition, says PM"] * 2,
        "We use cookies to improve your experience. Accept all",
        "Iraq preparing to remove US-led coalition, says PM",
        "A",
    ]
)


def test_rereading_a_body_without_its_title_line_removes_nothing() -> None:
    """Once a strict xfail that moved with each retraining: the settling of the output
    (``assemble.settle_output``) reads the body without the title line, as the second reading does."""
    assert rereading_removes(REREAD_WITHOUT_TITLE) == ()


def test_seeds_and_fixtures_are_idempotent_block_for_block() -> None:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "fixtures" / "text").glob("*.txt"))
    assert len(paths) >= 45
    for path in paths:
        first = clean(path.read_bytes(), format="text")
        second = clean(first.text, format="text")
        assert second.removed == (), path.name
        assert [(b.kind, b.text) for b in second.blocks] == [(b.kind, b.text) for b in first.blocks], path.name


# Found by ``--hypothesis-profile=explore`` (seed 11, 4 December): the second reading took a repeated line
# from the end of the body for its title, so the words stayed but not in their order (a strict xfail until
# the metadata model rebuilt with the title's ``in_article``; it moves with the model's decisions).
TITLE_FROM_THE_END = "\n".join(
    [
        "By Jane Doe and John Roe",
        "Sport",
        "Iraq preparing to remove US-led coalition, says PM",
        "Sport",
        "American Strike",
        "Sport",
    ]
)


def test_rereading_keeps_the_words_in_their_order() -> None:
    first = clean(TITLE_FROM_THE_END, format="text")
    second = clean(first.text, format="text")
    kept = [*filter(None, (second.title, second.subtitle)), *(block.text for block in second.blocks)]
    assert second.removed == ()
    assert words_of(" ".join(kept)) == words_of(first.text)
