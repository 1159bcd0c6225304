"""``clean`` decodes a document once: ``decoded_text`` then ``read_decoded`` read as ``to_text`` then ``read_document``.

``read_document`` runs ``to_text`` again on the text it is given (size, emptiness, lone surrogates: passes
over the whole page); ``clean`` had called it with the text its own ``to_text`` gave.  The new way must
give the same reading, or the same error, for every input: text, bytes of any encoding, blank and odd input.
"""

from __future__ import annotations

from htmlpages import html_page
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import CleanError
from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.pipeline.reading import Reading, decoded_text, read_decoded, read_document, to_text

SMALL = Config(max_bytes=200)


def the_old_way(source: str | bytes, config: Config, format: str) -> tuple[Reading, tuple[object, ...]]:
    decoded = to_text(source, config)  # no case is a saved page (MHTML), whose address read_document would not see
    return read_document(decoded.text, format=format, config=config), decoded.notes  # type: ignore[arg-type]


def the_new_way(source: str | bytes, config: Config, format: str) -> tuple[Reading, tuple[object, ...]]:
    decoded = decoded_text(source, config)
    reading = read_decoded(decoded.text, format=format, config=config, location=decoded.location)  # type: ignore[arg-type]
    return reading, decoded.notes


def outcome(way: object, source: str | bytes, config: Config = DEFAULT_CONFIG, format: str = "auto") -> object:
    try:
        return way(source, config, format)  # type: ignore[operator]
    except (CleanError, TypeError) as error:
        return type(error), str(error)


def assert_same(source: str | bytes, config: Config = DEFAULT_CONFIG, format: str = "auto") -> None:
    assert outcome(the_new_way, source, config, format) == outcome(the_old_way, source, config, format)


PROSE = "Words of the article, read as prose. " * 8
PAGE = html_page(f"<article><h1>A headline here</h1><p>{PROSE}</p></article>")
CASES: list[str | bytes] = [
    "A line.\n\nAnother paragraph of plain text.",
    "   \n\t ",
    "\u3000\u2003",  # blanks outside ASCII: empty as text
    "\u3000\u2003".encode(),  # the same as bytes: not blank to bytes.strip, blank once decoded
    "text with a lone \ud800 surrogate",
    b"+2AA-",  # UTF-7 can decode to a lone surrogate where the markup declares it
    b'<meta charset="utf-7"><p>+2AA- and more</p>',
    b"caf\xe9 au lait, a legacy code page",
    "caf\u00e9 \u00fcber ".encode() + b"\xff a stray byte " + "\u00e9t\u00e9 ".encode() * 20,
    b"\x00\x01\x02 binary",
    "x" * 300,
    ("\u00e9" * 150).encode(),  # 150 characters, 300 bytes
    PAGE,
    PAGE.encode(),
    PAGE.encode("utf-16"),
    "---\ntitle: A post\n---\nThe body of the post.",
]


def test_the_same_reading_or_error_on_varied_inputs() -> None:
    for source in CASES:
        for config in (DEFAULT_CONFIG, SMALL):
            assert_same(source, config)
    for source in CASES[:4]:
        for format in ("text", "markdown", "html"):
            assert_same(source, DEFAULT_CONFIG, format)


def test_not_a_document_is_the_same_type_error() -> None:
    for source in (None, 3, ["a list"]):
        assert_same(source)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["utf-8", "utf-16", "latin-1", "str"]))
def test_the_same_on_generated_text_and_bytes(text: str, encoding: str) -> None:
    if encoding == "str":
        assert_same(text)
        return
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return
    assert_same(raw)
    assert_same(raw, SMALL)
