"""Bytes that are evidently not text are refused, and what the normal form drops from a text is accounted for.

Random bytes without a NUL were "cleaned" into garbage: ASCII ones decoded as UTF-8, others behind a byte-order
mark or a page's declared Latin-1.  They are refused now with one line (``decode.NOT_TEXT``), decided by
charset-normalizer's ``is_binary`` when control characters show in the first 8 KB; a text with a stray control
character, and legacy encodings, are still read.  A NUL past the first 8 KB (one before is binary data) is
dropped, as before, and now listed in the audit trail (rule ``decode.nul``), as replaced bytes are.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from clirun import clean_in_process as clean_command

from cleaner import clean
from cleaner.errors import CleanError
from cleaner.text.decode import NOT_TEXT, decode_bytes

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = sorted((ROOT / "seeds").glob("*.txt"))[2].read_text(encoding="utf-8")


def _random(size: int, low: int, seed: int) -> bytes:
    draw = random.Random(seed)
    return bytes(draw.randrange(low, 128 if low == 1 else 256) for _ in range(size))


NOT_TEXTS = {
    "ascii": _random(4000, 1, 1),
    "behind a BOM": b"\xef\xbb\xbf" + _random(4000, 1, 2).replace(b"\x00", b""),
    "declared latin-1": b'<html><head><meta charset="iso-8859-1"></head><body><p>'
    + bytes(byte or 1 for byte in _random(4000, 0, 3))
    + b"</p></body></html>",
}


@pytest.mark.parametrize("raw", NOT_TEXTS.values(), ids=NOT_TEXTS.keys())
def test_random_bytes_without_a_nul_are_refused(raw: bytes) -> None:
    assert b"\x00" not in raw
    with pytest.raises(CleanError, match=re.escape(NOT_TEXT)):
        clean(raw)


def test_the_same_garbage_is_refused_as_a_file_and_as_a_record(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "noise.txt").write_bytes(NOT_TEXTS["ascii"])
    (tmp_path / "in" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    records = [{"id": "noise", "text": NOT_TEXTS["ascii"].decode()}, {"id": "good", "text": ARTICLE}]
    (tmp_path / "in" / "crawl.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    ran = clean_command("in/noise.txt", "in/good.txt", "in/crawl.jsonl", "-o", "out.jsonl", "--jobs", "1", cwd=tmp_path)
    errors = sorted(line for line in ran.stderr.splitlines() if ": error: " in line)
    assert errors == [f"in/crawl.jsonl: noise: error: {NOT_TEXT}", f"in/noise.txt: error: {NOT_TEXT}"], ran.stderr
    written = [
        json.loads(line).get("id", json.loads(line)["source"])
        for line in (tmp_path / "out.jsonl").read_text().splitlines()
    ]
    assert written == ["in/good.txt", "good"]


def test_a_text_with_stray_control_characters_is_still_read() -> None:
    """The controls are the evidence, not the verdict: one ESC makes charset-normalizer call a whole chunk mess,
    and German soft hyphens fail its measure, so it is asked about the text as it would be cleaned."""
    plain = clean(ARTICLE)
    stray = ARTICLE[:300] + "\x1b\x07" + ARTICLE[300:] + "\x1a"
    for document in (stray, stray.encode(), b"\xef\xbb\xbf" + stray.encode()):
        assert clean(document).text == plain.text
    german = "\x01" + "Die Stra\u00dfe nach K\u00f6ln war ge\u00adsperrt, die Br\u00fc\u00adcke auch.\n\n" * 30
    assert "gesperrt" in clean(german.encode()).text


LEGACY = {
    "cp1252": "Le conseil municipal a vot\u00e9 jeudi un budget de 12 millions d\u2019euros pour r\u00e9nover les "
    "\u00e9coles. \u00ab C\u2019est une d\u00e9cision attendue \u00bb, a d\u00e9clar\u00e9 la maire.",
    "latin-1": "Die Stadtverwaltung hat beschlossen, die Br\u00fccke \u00fcber den Fluss zu sanieren. Die Arbeiten "
    "sollen im Fr\u00fchjahr beginnen und rund zw\u00f6lf Monate dauern.",
    "koi8-r": "\u0413\u043e\u0440\u043e\u0434\u0441\u043a\u043e\u0439 \u0441\u043e\u0432\u0435\u0442 \u0432 "
    "\u0447\u0435\u0442\u0432\u0435\u0440\u0433 \u043e\u0434\u043e\u0431\u0440\u0438\u043b \u0431\u044e\u0434"
    "\u0436\u0435\u0442 \u043d\u0430 \u0440\u0435\u043c\u043e\u043d\u0442 \u0448\u043a\u043e\u043b. \u0420\u0430"
    "\u0431\u043e\u0442\u044b \u043d\u0430\u0447\u043d\u0443\u0442\u0441\u044f \u043b\u0435\u0442\u043e\u043c.",
    "shift_jis": "\u5e02\u8b70\u4f1a\u306f\u6728\u66dc\u65e5\u3001\u5b66\u6821\u306e\u6539\u4fee\u306b\u5411\u3051"
    "\u305f\u4e88\u7b97\u3092\u627f\u8a8d\u3057\u305f\u3002\u5de5\u4e8b\u306f\u590f\u306b\u59cb\u307e\u308b\u3002",
    "gb18030": "\u5e02\u8bae\u4f1a\u5468\u56db\u6279\u51c6\u4e86\u4e00\u9879\u7528\u4e8e\u7ffb\u4fee\u5b66\u6821"
    "\u7684\u9884\u7b97\u3002\u5de5\u7a0b\u5c06\u4e8e\u590f\u5b63\u5f00\u59cb\uff0c\u6301\u7eed\u4e24\u5e74\u3002",
}


@pytest.mark.parametrize("encoding", LEGACY)
def test_legacy_encodings_are_still_read(encoding: str) -> None:
    text = "\n\n".join([LEGACY[encoding]] * 3)
    assert decode_bytes(text.encode(encoding)) == text
    assert clean(text.encode(encoding)).text


def test_a_nul_past_the_first_8_kb_is_listed_where_it_is_dropped() -> None:
    """One before is binary data (refused); past them the page keeps its article and the NUL is dropped, which
    left no trace: the audit trail now lists it, as it lists the bytes that were not UTF-8."""
    late = ARTICLE + "\n\n" + "A line of filler text.\n\n" * 400 + "The last\x00 line\x00.\n"
    for document in (late, late.encode(), late.encode("utf-16")):
        article = clean(document)
        assert "\x00" not in article.text
        entries = [removal.to_dict() for removal in article.removed if removal.rule == "decode.nul"]
        assert entries == [
            {
                "text": "\\x00 \\x00",
                "rule": "decode.nul",
                "category": "encoding",
                "layer": "decode",
                "position": None,
                "score": None,
            }
        ]
    assert not [removal for removal in clean(clean(late).text).removed if removal.layer == "decode"]


def test_not_text_is_asked_once_of_a_document_given_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """``decode_reporting`` asks it of what bytes decode to; ``decoded_text`` used to ask again (an ``is_binary`` call
    for a text with control characters).  The answers stay: a text with stray controls is read, garbage refused."""
    from cleaner.pipeline import reading
    from cleaner.text import decode

    asked: list[int] = []

    def counted(text: str) -> bool:
        asked.append(len(text))
        return original(text)

    original = decode.not_text
    monkeypatch.setattr(decode, "not_text", counted)
    monkeypatch.setattr(reading, "not_text", counted)
    plain = clean(ARTICLE).text
    stray = ARTICLE[:300] + "\x1b\x07" + ARTICLE[300:]
    assert clean(stray.encode()).text == plain
    assert asked.count(len(stray)) == 1  # (the body read back by ``settle_output`` is a text of its own)
    with pytest.raises(CleanError, match="control characters"):
        clean(NOT_TEXTS["ascii"])
    assert asked.count(len(NOT_TEXTS["ascii"])) == 1
