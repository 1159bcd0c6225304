"""The first text layers on their own: decode and segment."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from clirun import clean_in_process as clean_command

from cleaner import CleanError, clean
from cleaner.model import Kind
from cleaner.text.decode import DecodeError, decode, decode_bytes
from cleaner.text.segment import segment

PARAGRAPHS = [
    "The council voted on Tuesday to extend the harbour ferry service through the winter months, "
    "after residents of the island collected more than two thousand signatures.",
    "Operators said the extra crossings would cost about forty thousand euros a season and that "
    "the timetable would be published next week.",
]


def wrap(text: str, width: int = 72) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


@pytest.mark.parametrize(
    "layout",
    [
        "\n".join(PARAGRAPHS),
        "\n\n".join(PARAGRAPHS),
        "\n\n".join("\n".join(wrap(p)) for p in PARAGRAPHS),
        "\n".join("\n".join(wrap(p)) for p in PARAGRAPHS),  # a short last line ends the paragraph
    ],
    ids=["line-per-paragraph", "blank-lines", "hard-wrapped", "wrapped-without-blank-lines"],
)
def test_three_layouts_segment_into_the_same_paragraphs(layout: str) -> None:
    assert [block.text for block in segment(layout)] == PARAGRAPHS


def test_headline_lists_are_not_glued_together() -> None:
    lines = ["Global Gender Gap", "South Korea Birth rate", "Global Affairs", "Putin denies any intention"]
    assert [block.text for block in segment("\n".join(lines))] == lines


def test_markdown_markers_give_kinds_and_escapes_are_read() -> None:
    blocks = segment("## American Strike\n\n- first item\n\n> a quote\n\n\\# not a heading")
    assert [(b.kind, b.text) for b in blocks] == [
        (Kind.HEADING, "American Strike"),
        (Kind.LIST_ITEM, "first item"),
        (Kind.QUOTE, "a quote"),
        (Kind.PARAGRAPH, "# not a heading"),
    ]


def test_decode_keeps_words_and_normalises_invisible_differences() -> None:
    raw = "Caf\u0065\u0301 au\u00a0lait\u200b,\r\nsoft\u00adhyphen".encode()
    assert decode(raw) == "Café au lait,\nsofthyphen"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (codecs.BOM_UTF8 + "Grüße".encode(), "Grüße"),
        ("Grüße aus Köln".encode("utf-16"), "Grüße aus Köln"),
        ("Les élèves ont déjà reçu leurs bulletins de fin d'année à l'école.".encode("cp1252"), None),
    ],
)
def test_decode_bytes_uses_bom_then_utf8_then_detection(raw: bytes, text: str | None) -> None:
    decoded = decode_bytes(raw)
    assert decoded == (text or "Les élèves ont déjà reçu leurs bulletins de fin d'année à l'école.")


def test_binary_input_is_a_clear_error() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(CleanError, match="binary"):
        clean(b"\x00\x01\x02 not text", format="text")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_as_text(encoding: str, tmp_path: Path) -> None:
    """What Windows tools save as "Unicode" without a BOM was refused as "binary data (NUL bytes)"."""
    text = "\n\n".join(["Die Straße nach Köln war gesperrt.", *PARAGRAPHS])
    assert decode_bytes(text.encode(encoding)) == text
    (tmp_path / "story.txt").write_bytes(text.encode(encoding))
    ran = clean_command("story.txt", "--format", "txt", cwd=tmp_path)
    assert (ran.returncode, ran.stdout) == (0, clean(text).text + "\n")


UTF16_SCRIPTS = {
    "ja": "大阪市は十日、市の中心部に新しい図書館を建設することを決定した。完成は2027年の予定で、子ども向けの読書"
    "スペースや学習室が設けられる。\n\n市の担当者は「多くの市民に利用してもらいたい」と話している。\n",
    "zh": "上海市政府周一宣布启动新一轮老旧小区改造工程，计划在两年内完成300个小区的外墙、管道和电梯改造。\n\n"
    "市住房部门负责人表示，改造工作将优先考虑居民意见，并尽量减少施工对日常生活的影响。\n",
    "ko": "대전시는 12일 새로운 대중교통 계획을 발표했다. 이번 계획에는 버스 노선 개편과 지하철 배차 간격 단축이"
    " 포함됐다.\n\n시 관계자는 시민들의 출퇴근 시간을 줄이는 것이 목표라고 말했다.\n",
}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("language", sorted(UTF16_SCRIPTS))
def test_utf16_without_a_bom_is_read_in_scripts_beyond_latin(language: str, encoding: str) -> None:
    """Japanese, Chinese or Korean in UTF-16 has a NUL only in its ASCII characters (newlines, digits), not in
    most characters as Latin text has: it was refused as "binary data (NUL bytes)".  Korean "대" (U+B300) has a
    NUL low byte too."""
    text = UTF16_SCRIPTS[language]
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "raw",
    [
        bytes(1000),  # NULs in both halves
        random.Random(7).randbytes(4000),
        "x\x01y\x02z\x03 w".encode("utf-16-le") * 20,  # the right NULs, but control characters
        "odd length".encode("utf-16-le") + b"!",
        # the few NULs of CJK text in UTF-16, but beside Latin-1 signs, not ASCII; random 12-bit values
        bytes(byte for high in random.Random(3).choices((0, 0x4E, 0x4F, 0x30, 0x31), k=500) for byte in (high, 0xA9)),
        random.Random(5).getrandbits(12 * 2000).to_bytes(3000, "little"),
        b"".join(value.to_bytes(2, "little") for value in random.Random(5).choices(range(4096), k=2000)),
    ],
    ids=["nuls", "random", "controls", "odd length", "latin-1 beside nuls", "12-bit stream", "12-bit values"],
)
def test_binary_that_looks_a_little_like_utf16_is_still_binary(raw: bytes) -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(raw)


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"clean\(\): unknown format 'pdf'"):
        clean("text", format="pdf")  # type: ignore[arg-type]


def test_auto_keeps_a_text_article_that_mentions_tags_as_text() -> None:
    text = "How to write HTML\n\nUse the <p> element for paragraphs and <h2> for headings in your pages."
    assert clean(text).blocks[-1].text.startswith("Use the <p> element")


def test_a_press_release_lead_dates_the_article_and_stays_body() -> None:
    lead = (
        "Berlin, 21. November 2022 – Die Bundesregierung hat heute ein neues Gesetz zur Entlastung der "
        "Energieverbraucher beschlossen, das ab dem ersten Januar gelten soll."
    )
    text = f"Entlastung für Energieverbraucher\n\n{lead}\n\nDie Verbände begrüßen die Entscheidung, fordern aber mehr."
    article = clean(text, format="text")
    assert article.published == "2022-11-21"
    # a text the layers keep whole has no head (zones.no_head_in_kept_text): its headline stays the first block
    assert [block.text for block in article.blocks][:2] == ["Entlastung für Energieverbraucher", lead]


def test_a_page_dump_takes_the_headline_its_first_line_repeats() -> None:
    menu = "\n".join(["Home", "News", "Sport", "Kultur", "Wirtschaft", "Kontakt", "Impressum"] * 2)
    prose = (
        "Die Stadt hat am Dienstag beschlossen, dass die Nachtbusse wieder fahren, und die Linie wird von "
        "der Innenstadt bis zum Bahnhof verlängert, damit auch die Pendler etwas davon haben."
    )
    paragraphs = [prose, prose.replace("Stadt", "Gemeinde"), prose.replace("Dienstag", "Mittwoch")]  # no repeat
    text = (
        f"Nachtbusse fahren wieder in die nördlichen Stadtteile - Stadtanzeiger Online\n{menu}\n"
        f"Nachtbusse fahren wieder in die nördlichen Stadtteile\nArtikel teilen und drucken\n"
        + "\n".join(paragraphs)
        + f"\n{menu}"
    )
    article = clean(text, format="text")
    assert article.title == "Nachtbusse fahren wieder in die nördlichen Stadtteile"
    body = [block.text for block in article.blocks]
    assert article.title not in body and all(paragraph in body for paragraph in paragraphs)
    # a line the model keeps between the headline and the article stays in the body once the title
    # is chosen (zones.head_after_title: out of fold, the lines it gives back are mostly the article's)
