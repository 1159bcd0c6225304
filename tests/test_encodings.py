"""Legacy encodings are told apart by how their readings place the characters outside ASCII (robust38).

charset-normalizer ranks the code pages that decode short text without errors all but equally, and chose among
them by rank: German in windows-1252 came out as a Baltic DOS page (``cp775``), or as Big5 when a ``ü`` and the letter
after it made one Chinese character; Polish in windows-1250 as windows-1252 (``ł`` as ``³``).  And ASCII text with a
few hundred random bytes strewn in it was refused as undecodable, a document lost for bytes no encoding reads.
The samples are made here from each language's stopwords (justext's lists, which the decoder does not use).
"""

from __future__ import annotations

import random
from pathlib import Path

import justext
import pytest

from cleaner import clean
from cleaner.errors import CleanError
from cleaner.text.decode import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = sorted((ROOT / "seeds").glob("*.txt"))[2].read_text(encoding="utf-8")


def _sentences(language: str, encoding: str, count: int = 25) -> list[str]:
    """``count`` lines of a language's stopwords in random order, of 6 to 60 words, that its encoding holds."""
    words = sorted(justext.get_stoplist(language))
    draw = random.Random(f"{language}{encoding}")
    made = []
    while len(made) < count:
        text = " ".join(draw.choice(words) for _ in range(draw.choice((6, 12, 25, 60)))).capitalize() + "."
        try:
            if not text.encode(encoding).isascii():
                made.append(text)
        except UnicodeEncodeError:
            continue
    return made


@pytest.mark.parametrize(
    ("language", "encoding"),
    [
        ("German", "cp1252"),
        ("French", "cp1252"),
        ("Spanish", "cp1252"),
        ("Portuguese", "cp1252"),
        ("Swedish", "latin-1"),
    ],
)
def test_western_european_text_in_its_legacy_code_page_reads_back(language: str, encoding: str) -> None:
    wrong = [text for text in _sentences(language, encoding) if decode_bytes(text.encode(encoding)) != text]
    assert wrong == []


def test_polish_in_windows_1250_is_read_so_more_often_than_as_windows_1252() -> None:
    texts = _sentences("Polish", "cp1250")
    right = sum(decode_bytes(text.encode("cp1250")) == text for text in texts)
    assert right >= 0.85 * len(texts)  # 23 of 25 here; 20 before, the rest read as windows-1252


def test_ascii_text_with_bytes_no_encoding_reads_is_read_and_the_bytes_listed() -> None:
    draw = random.Random(38)
    raw = bytearray(ARTICLE.encode("ascii", "ignore")[:1500])  # one byte in eight: refused before
    for _ in range(200):
        raw.insert(draw.randrange(len(raw)), draw.randrange(128, 256))
    article = clean(bytes(raw))
    assert "Iraq" in article.text
    assert any(removal.rule == "decode.invalid-utf8" for removal in article.removed)


def test_bytes_mostly_outside_ascii_that_no_encoding_reads_are_still_refused() -> None:
    draw = random.Random(38)
    raw = b"Text. " + bytes(draw.randrange(128, 256) for _ in range(3000))
    with pytest.raises(CleanError, match=r"undecodable|not text"):
        clean(raw)
