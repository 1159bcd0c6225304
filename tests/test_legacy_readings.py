"""Text in a legacy single-byte encoding is read in the code page whose words look like a language's (enc39).

charset-normalizer ranks the readings of such bytes in related code pages all but equally ("chaos" 0 for each), and
they differ in a few letters only: Turkish in windows-1254 came out as a western page (``geliþme yaþandý``), Czech in
windows-1250 as windows-1252 (``Vèera``), Polish in ISO 8859-2 as ISO 8859-10 (``Ģodzi``), Hungarian as windows-1252
(``gyûjtés``), a KOI8 sentence in Russian or Ukrainian as Japanese.  The texts are tests/legacytexts.py's,
made up for these tests; the held-out languages were written after the reading was settled and only measured.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from legacytexts import HELD_OUT, SENTENCE_END, TUNED, WIDE, samples, written

from cleaner.text.decode import decode_bytes, decode_reporting

WINDOWS_AND_ISO = [
    (language, encoding, length, text)
    for language, encoding, length, text in samples(TUNED)
    if not encoding.startswith("cp") or len(encoding) == 6  # cp1250 ... cp1257, not the DOS pages (cp852, cp850 ...)
]


@pytest.mark.parametrize(
    ("language", "encoding"),
    [
        ("tr", "cp1254"),
        ("tr", "iso8859-9"),
        ("cs", "cp1250"),
        ("cs", "iso8859-2"),
        ("pl", "iso8859-2"),
        ("hu", "cp1250"),
        ("hu", "iso8859-2"),
        ("lv", "cp1257"),
    ],
)
def test_a_paragraph_in_a_central_european_turkish_or_baltic_code_page_reads_back(language: str, encoding: str) -> None:
    paragraph = written(TUNED[language][0], encoding)
    assert decode_bytes(paragraph.encode(encoding)) == paragraph


@pytest.mark.parametrize(("language", "encoding"), [("ru", "koi8-r"), ("uk", "koi8-u")])
def test_each_sentence_in_koi8_reads_back_as_cyrillic(language: str, encoding: str) -> None:
    sentences = [
        text for lang, enc, length, text in samples(TUNED) if (lang, enc, length) == (language, encoding, "sentence")
    ]
    assert len(sentences) == 4
    assert [decode_bytes(text.encode(encoding)) for text in sentences] == sentences


def test_windows_and_iso_code_pages_of_the_tuned_languages_read_back() -> None:
    wrong = [(lang, enc, text) for lang, enc, _, text in WINDOWS_AND_ISO if decode_bytes(text.encode(enc)) != text]
    # 145 of 147 (99 on 501de6b); the two: a Czech sentence of four words outside ASCII whose ISO 8859-10 reading
    # makes two of them Lithuanian (``milionų``), as likely a mixture of two languages as Czech alone.
    assert len(wrong) <= 2


@pytest.mark.parametrize(
    ("languages", "encoding"), [(("hu", "de"), "cp1250"), (("tr", "de"), "cp1254"), (("pl", "cs"), "cp1250")]
)
def test_a_page_in_two_languages_reads_back(languages: tuple[str, str], encoding: str) -> None:
    """A bilingual page: its languages' sentences in turn, twice, each word read in its own language."""
    first, second = (SENTENCE_END.split(TUNED[language][0]) for language in languages)
    page = written(" ".join(part for pair in zip(first, second, strict=False) for part in pair) * 2, encoding)
    assert decode_bytes(page.encode(encoding)) == page


def test_most_held_out_paragraphs_and_sentences_read_back() -> None:
    """Measured only: 21 of 27 paragraphs and 85 of 108 sentences (18 and 55 on 501de6b)."""
    found = samples(HELD_OUT)
    right = [decode_bytes(text.encode(encoding)) == text for _, encoding, _, text in found]
    assert sum(right) >= 0.7 * len(found)


def test_english_with_typographic_punctuation_stays_windows_1252() -> None:
    paragraph = TUNED["en"][0]
    decoded = decode_reporting(paragraph.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (paragraph, "cp1252")


def test_chinese_japanese_and_korean_in_their_multibyte_encodings_still_read_back() -> None:
    wrong = [(lang, enc, text) for lang, enc, _, text in samples(WIDE) if decode_bytes(text.encode(enc)) != text]
    assert wrong == []


def test_utf8_bytes_load_neither_the_detector_nor_the_language_profiles() -> None:
    code = (
        "import sys; from cleaner.text.decode import decode_bytes; "
        "assert decode_bytes('Včera se v Praze konala velká demonstrace.'.encode()) ; "
        "print([name for name in ('cleaner.text.legacy', 'langdetect', 'charset_normalizer') if name in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
