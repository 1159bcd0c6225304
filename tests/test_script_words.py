"""Words and sentence ends in every script, for the guards (``cleaner.text.shape``'s script count,
``cleaner.layout.guardcount``), while the text model's columns keep the model's count.

Chinese and Japanese are written without spaces: by the model's count a sentence is one or two ``\\w+`` runs
between commas, and ``。`` ends no sentence, so no block of such a page is prose, and the prose-run guard never
saw the article.  By the script count their characters count in pairs and every script's sentence terminator
ends a sentence; a word of an Indic script keeps its vowel signs.  A line of menu words stays what it was: short
lines that end no sentence.  The model's feature columns stay what the shipped model was trained on.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.layout.features import COLUMN, features
from cleaner.layout.guardcount import guard_rows
from cleaner.layout.textmodel import GUARD_RULE, classify_text, load_text_model
from cleaner.model import Block, Role, Verdict
from cleaner.text.language import stoplist
from cleaner.text.shape import (
    NEUTRAL_MARKS,
    SCRIPT_WORD,
    SENTENCE_END,
    beyond_latin,
    script_ends_sentence,
    script_words_of,
    words_of,
)

CHINESE = (
    "市政府周二宣布了新的交通计划，将增加夜间公交车的班次，并把线路从火车站延长到住宅区。"
    "许多居民对此表示欢迎，但关于费用由谁承担的讨论仍在继续。"
)
JAPANESE = (
    "市は火曜日、新しい交通計画を発表した。計画では夜間のバスを増やし、駅から住宅地までの路線を延ばす。"
    "住民の多くは計画を歓迎しているが、費用の負担について議論が続いている。"
)
CHINESE_MENU = "首页 新闻 国内 国际 体育 财经 科技 娱乐 汽车 房产 教育 健康"
JAPANESE_MENU = "ホーム ニュース スポーツ エンタメ ライフ テクノロジー お問い合わせ"
HINDI = "सरकार ने मंगलवार को नई परिवहन योजना की घोषणा की।"


def verdicts_of(lines: list[str]) -> list[Verdict]:
    return [Verdict(Block(index, line)) for index, line in enumerate(lines)]


def guard_column(lines: list[str], name: str) -> list[float]:
    verdicts = verdicts_of(lines)
    return guard_rows(verdicts, frozenset(), features(verdicts, frozenset()))[:, COLUMN[name]].tolist()


@pytest.mark.parametrize("paragraph", [CHINESE, JAPANESE])
def test_a_chinese_or_japanese_paragraph_is_prose_to_the_guards(paragraph: str) -> None:
    assert len(script_words_of(paragraph)[0]) == len(SCRIPT_WORD.findall(paragraph)) >= 8
    assert script_ends_sentence(paragraph)
    assert guard_column([paragraph, paragraph], "prose") == [1.0, 1.0]
    assert guard_column([paragraph, paragraph], "in_run") == [1.0, 1.0]


@pytest.mark.parametrize("menu", [CHINESE_MENU, JAPANESE_MENU])
def test_a_line_of_menu_words_is_not_prose(menu: str) -> None:
    assert not script_ends_sentence(menu)
    assert guard_column([menu, CHINESE], "prose") == [0.0, 1.0]


# The model's columns of ``LINES`` as main 959c274's count gives them (``features`` there): the shipped model was
# trained on that count, and its columns change only with a retraining (``bench/train_text.py --check``).
LINES = [CHINESE_MENU, CHINESE, JAPANESE, JAPANESE_MENU, "本当ですか？"]
FROZEN = {
    "words": [12.0, 5.0, 6.0, 7.0, 1.0],
    "ends_sentence": [0.0, 0.0, 0.0, 0.0, 0.0],
    "ends_period": [0.0, 0.0, 0.0, 0.0, 0.0],
    "prose": [0.0, 0.0, 0.0, 0.0, 0.0],
    "in_run": [0.0, 0.0, 0.0, 0.0, 0.0],
}


ROWS_DIGEST = "ba93ab16133b33a6341358b81b225fcf133a1da10f913a3449add7a28420dea6"  # every column, on main 959c274


def test_the_model_columns_of_chinese_and_japanese_text_keep_the_models_count() -> None:
    rows = features(verdicts_of(LINES), frozenset())
    assert {name: rows[:, COLUMN[name]].tolist() for name in FROZEN} == FROZEN
    assert hashlib.sha256(repr(np.round(rows, 6).tolist()).encode()).hexdigest() == ROWS_DIGEST


def test_han_and_kana_count_in_pairs_and_latin_words_stay_whole() -> None:
    assert script_words_of("東京都は、今日も晴れ。iPhone 15の発売")[0] == (
        "東京",
        "都は",
        "今日",
        "も晴",
        "れ",
        "iPhone",
        "15",
        "の発",
        "売",
    )
    assert script_words_of("don’t stop well-known")[0] == ("don’t", "stop", "well-known")


# Thai, Lao, Khmer and Burmese: spaces between phrases only (made up: "the night bus is back", a Khmer and a
# Burmese sentence of a few phrases, closed by their full stops)
THAI_PHRASE = "รถเมล์กลางคืนกลับมา"  # 19 characters, marks included
LAO_PHRASE = "ລົດເມກາງຄືນກັບມາແລ້ວ"  # 20
KHMER = "ក្រុមប្រឹក្សាក្រុងបានបោះឆ្នោតកាលពីថ្ងៃអង្គារ ដើម្បីនាំឡានក្រុងពេលយប់ត្រឡប់មកវិញ ដោយផ្លូវនឹងរត់ពីកណ្តាលក្រុងទៅស្ថានីយរថភ្លើង។"
BURMESE = "မြို့တော်ကောင်စီက ညဘက်ဘတ်စ်ကားများ ပြန်လည်ပြေးဆွဲရန် ဆုံးဖြတ်ခဲ့ပြီး လမ်းကြောင်းသည် ရထားဘူတာအထိ ပြေးဆွဲမည်။"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (THAI_PHRASE, ("รถเม", "ล์กล", "างคื", "นกลั", "บมา")),
        (LAO_PHRASE, ("ລົດເ", "ມກາງ", "ຄືນກ", "ັບມາ", "ແລ້ວ")),
        ("iPhoneรุ่นใหม่ 15 เครื่อง", ("iPhone", "รุ่น", "ใหม่", "15", "เครื", "่อง")),  # a Latin word stays whole
    ],
)
def test_thai_and_lao_count_a_word_every_four_characters(text: str, words: tuple[str, ...]) -> None:
    assert script_words_of(text)[0] == words


@pytest.mark.parametrize("paragraph", [KHMER, BURMESE])
def test_a_khmer_or_burmese_paragraph_counts_its_words_and_is_prose_to_the_guards(paragraph: str) -> None:
    runs = paragraph.rstrip("។။").split()
    assert len(script_words_of(paragraph)[0]) == sum(-(-len(run) // 4) for run in runs) >= 8
    assert script_ends_sentence(paragraph)
    assert guard_column([paragraph, paragraph], "prose") == [1.0, 1.0]


def test_an_indic_word_keeps_its_vowel_signs_and_its_danda_ends_the_sentence() -> None:
    words = script_words_of(HINDI)[1]
    assert words[:3] == ("सरकार", "ने", "मंगलवार")
    assert len(stoplist("hi").intersection(words)) >= 3  # ने, को, की: found whole
    assert script_ends_sentence(HINDI)


@pytest.mark.parametrize("text", ["هل هذا صحيح؟", "یہ ایک جملہ ہے۔", "「今日は晴れです。」", "本当ですか？"])
def test_other_scripts_sentence_marks_end_a_sentence(text: str) -> None:
    assert script_ends_sentence(text)


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_latin_words_are_counted_as_before(text: str) -> None:
    """In ASCII text a word is what it was: ``\\w+`` runs joined by apostrophes and hyphens."""
    text = "".join(char for char in text if char.isascii())
    assert script_words_of(text)[0] == words_of(text)[0] == tuple(re.findall(r"\w+(?:['’-]\w+)*", text))


class Pessimist:
    """The shipped model's stages and lexicon, but a score of 0 for every block: the model removes everything."""

    threshold = 0.5

    def __init__(self) -> None:
        self.lexicon = load_text_model().lexicon

    def scores(self, rows: np.ndarray, asked: np.ndarray | None = None) -> np.ndarray:
        return np.zeros(len(rows))


def test_the_prose_run_guard_keeps_a_chinese_article_the_model_would_drop() -> None:
    menu = CHINESE_MENU.split()
    article = [CHINESE.replace("交通", word) for word in ("铁路", "教育", "医疗", "住房")]
    lines = [*menu, *article, *menu]
    verdicts = [Verdict(Block(index, line)) for index, line in enumerate(lines)]
    marked = classify_text(verdicts, frozenset(), model=Pessimist())  # type: ignore[arg-type]
    assert [verdict.text for verdict in marked if verdict.role is Role.BODY] == article
    assert {verdict.rule for verdict in marked if verdict.role is Role.BODY} == {GUARD_RULE}


NEUTRAL_TEXT = st.text(st.one_of(st.characters(max_codepoint=0x2FF), st.sampled_from(NEUTRAL_MARKS)), max_size=60)


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60), NEUTRAL_TEXT)
def test_where_beyond_latin_is_false_the_two_counts_agree(text: str, latin: str) -> None:
    """Text below U+0300 and the neutral punctuation (typographic quotes, dashes, the euro) is read with the model's
    count (``words_of``): the script count finds the same words and the same sentence ends there, so the guards
    read a page in such text as the model's columns do."""
    assert not beyond_latin(latin)
    assert script_words_of(latin)[0] == words_of(latin)[0] == tuple(SCRIPT_WORD.findall(latin))
    assert script_ends_sentence(latin) == (SENTENCE_END.search(latin) is not None)
    assert script_words_of(text)[0] == tuple(SCRIPT_WORD.findall(text))


def test_the_guards_read_the_models_rows_on_a_page_below_u0300() -> None:
    lines = ["Home News Sport", "The council met on Tuesday and agreed to extend the night buses to the estates."]
    verdicts = verdicts_of(lines)
    rows = features(verdicts, frozenset())
    assert guard_rows(verdicts, frozenset(), rows) is rows
