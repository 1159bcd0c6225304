"""Language detection: the stopword vote answers as langdetect does, or leaves the sample to it."""

from __future__ import annotations

from pathlib import Path

from langdetect import DetectorFactory, LangDetectException
from langdetect.detector import Detector
from madeup import PROSE, TITLE

import cleaner
from cleaner.io.markdown import render_markdown
from cleaner.text import language
from cleaner.text.decode import normalise
from cleaner.text.language import _langdetect, _sample, detect_language, vote
from cleaner.text.segment import paragraph_texts

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "fixtures" / "text").rglob("*.txt"))


def _samples() -> list[str]:
    """Each text's opening sample as cleaning reads it, and one further in."""
    samples = []
    for path in TEXTS:
        blocks = paragraph_texts(normalise(path.read_text(encoding="utf-8")))
        samples += [_sample(blocks), _sample(blocks[len(blocks) // 2 :])]
    return [sample for sample in samples if len(sample) >= 40]


def test_the_vote_answers_as_langdetect_does_where_it_answers() -> None:
    samples = _samples()
    answered = {sample: vote(sample) for sample in samples}
    assert sum(1 for answer in answered.values() if answer) >= len(samples) // 3  # the fast path is taken
    for sample, answer in answered.items():
        if answer:
            assert answer == _langdetect(sample), sample[:200]


def test_the_vote_leaves_short_and_mixed_text_to_langdetect() -> None:
    english = (
        "She said that they would not be able to come back to the town before the end of the year, "
        "but that it was still what they wanted. "
    )
    german = (
        "Sie sagte, dass sie nicht vor dem Ende des Jahres in die Stadt zurückkommen könnten, "
        "aber dass es immer noch das sei, was sie wollten. "
    )
    assert vote(english) is None  # too few words to vote
    assert vote(english * 2) == "en"
    assert vote(german * 2) == "de"
    assert vote((english + german) * 2) is None  # neither leads by the margin
    assert detect_language([(english + german) * 2]) == _langdetect(((english + german) * 2)[:800])


def test_warm_up_loads_what_detection_would_load_on_a_later_document() -> None:
    language._factory.cache_clear()
    cleaner.warm_up()
    assert language._factory.cache_info().currsize == 1  # langdetect's profiles: loaded, not on a page later
    before = language._factory.cache_info().hits
    assert _langdetect("Ceci est une phrase en français, assez longue pour que langdetect la reconnaisse.") == "fr"
    assert language._factory.cache_info().hits == before + 1  # detection used the loaded profiles


def _langdetect_own(sample: str) -> list[tuple[str, float]] | None:
    """langdetect's own detector's probabilities for a sample, seeded and with the trials cleaning uses."""
    DetectorFactory.seed = 0
    detector = Detector(language._factory())
    detector.n_trial = language.TRIALS
    detector.append(sample)
    try:
        return [(found.lang, found.prob) for found in detector.get_probabilities()]
    except LangDetectException:
        return None


SCRIPTS = [
    "Die Bürgerinitiative hat am Dienstag ihre Einwände gegen den Neubau vorgetragen, sagte die Sprecherin.",
    "THE COUNCIL MET ON TUESDAY and NASA, the FBI and the UN were named in the report's FINAL pages.",
    "Primăria a anunțat că școala va fi închisă; ședința consiliului a fost amânată pentru săptămâna viitoare.",
    "Chính phủ Việt Nam đã thông qua kế hoạch phát triển kinh tế mới trong năm nay.",
    "東京都は火曜日、新しい交通計画を発表した。ひらがなとカタカナも含まれる。서울시는 새로운 계획을 발표했다.",
    "Правительство объявило о новых мерах поддержки, сообщил министр в понедельник.",
    "أعلنت الحكومة عن خطة جديدة للنقل العام یک برنامه جدید — said the spokesman — “quoted” … end",
    "Mixed 123 numbers, e-mails like someone@example.com and https://example.com/links — and A.B.C. caps",
]


def test_the_fast_detector_gives_langdetect_s_own_probabilities() -> None:
    """The detector cleaning runs (its loops rewritten for speed) answers as langdetect's own, trial by trial,
    on every script langdetect normalises specially and on the seeds' samples."""
    samples = SCRIPTS + _samples()
    for sample in samples:
        DetectorFactory.seed = 0
        detector = language._Detector(language._factory())
        detector.n_trial = language.TRIALS
        detector.append(sample)
        try:
            fast = [(found.lang, float(found.prob)) for found in detector.get_probabilities()]
        except LangDetectException:
            fast = None
        assert fast == _langdetect_own(sample), sample[:80]


def test_lines_of_rules_tell_no_language_and_stay_out_of_the_sample() -> None:
    """A Markdown table's rules or a page's separators are long lines: no prose to detect from."""
    assert _sample(["-" * 90, "=" * 120, "· " * 50, PROSE[0]]) == PROSE[0]
    assert detect_language(["-" * 90] * 10 + PROSE) == "en"  # main's sample was the rules: no language


def test_a_page_whose_judged_blocks_tell_no_language_gets_its_body_s() -> None:
    """Lines of figures above the title fill the detection sample of the judged blocks and tell no language; the
    body tells it, and cleaning the cleaned body again reads it there, so the first cleaning takes it too."""
    figures = [" ".join(str(1000 + 7 * row + cell) for cell in range(18)) for row in range(10)]
    first = cleaner.clean("\n\n".join([*figures, f"# {TITLE}", *PROSE]) + "\n", format="markdown")
    assert first.language == "en"
    assert cleaner.clean(render_markdown(first), format="markdown").language == "en"


CHINESE_WITH_LATIN_NAMES = [  # written for this test: a Chinese text naming schools, songs and singers in Latin letters
    "她在新加坡长大，中学毕业后考入Singapore Polytechnic学习工商管理，后来在Saint Nicholas Girls' School附近的酒吧"
    "演出，经常翻唱Sheryl Crow、Alanis Morissette和Tori Amos的歌曲。",
    "一九九六年她参加了音乐剧Hot Pants的演出，随后与Warner Music签约，推出第一张专辑Tanya，"
    "并在台北和Kuala Lumpur举行演唱会。",
    "她说自己最喜欢的歌手是Joni Mitchell，也受到Bob Dylan和Carole King的影响，在录音室里常常一个人弹吉他写歌。",
]


def test_latin_names_in_a_text_of_another_script_do_not_outvote_it() -> None:
    """langdetect read such a Chinese text as English (a Chinese biography on the bench as Vietnamese): most of its
    words are Chinese, so the Latin words are left out of what langdetect reads; a text mostly in Latin letters
    keeps them (an English text naming a Chinese city is still English)."""
    assert _langdetect("\n".join(CHINESE_WITH_LATIN_NAMES)) != "zh"  # what langdetect alone makes of it
    assert detect_language(CHINESE_WITH_LATIN_NAMES) == "zh"
    english = [f"{paragraph} The tour ended in 北京 and 上海." for paragraph in PROSE]
    assert detect_language(english) == "en"


def test_a_chinese_text_of_short_paragraphs_has_its_language() -> None:
    """Chinese paragraphs of 40-60 characters were each under the sample's 80-character bound, so a made-up
    Chinese news dump had no language at all (trial43): a Chinese or Japanese letter counts as two."""
    paragraphs = [
        "市议会周二晚间以压倒性多数通过决议，批准沿河修建一条新的自行车道。这条线路将连接老城区和北部的工业区。",
        "据市政府介绍，工程将于今年秋季开工，预计历时两年左右。建设费用大部分由省政府承担。",
        "多年来，沿河居民一直抱怨滨江路上的交通十分危险。一个居民协会曾为该项目征集了三千多个签名。",
        "反对派批评说，河岸的停车位将被取消。市长承诺将研究在火车站附近新建一座停车场。",
    ]
    assert all(len(paragraph) < language.MIN_BLOCK_CHARS for paragraph in paragraphs)
    assert detect_language(paragraphs) == "zh"
    assert cleaner.clean("\n\n".join(paragraphs), format="text").metadata.language == "zh"
    assert _sample(["A menu line", "Home", "短文"]) == ""  # short lines of either script still tell nothing


TRADITIONAL_CHINESE = [
    "台北市政府今天宣布，從下個月開始，市區公車將全面改用電動車。市長表示，這項政策可以減少空氣污染。",
    "不少市民對此表示支持，但也有人擔心票價會因此上漲。交通局說，新車的維修費用將由中央政府補助。",
    "議員批評說，充電站的數量還遠遠不夠。市府承諾將在年底前於各區增設兩百座充電站。",
]


def test_traditional_chinese_is_chinese_not_korean() -> None:
    """langdetect reads Traditional Chinese as Korean with near certainty (a made-up Taiwanese news dump, and a
    Big5 page, were "ko": trial44); Korean is written in Hangul, so a text without it is not Korean."""
    assert _langdetect("\n".join(TRADITIONAL_CHINESE)) == "ko"  # what langdetect alone makes of it
    assert detect_language(TRADITIONAL_CHINESE) == "zh"
    page = "<html><body><article><h1>台北公車全面電動化</h1>" + "".join(f"<p>{p}</p>" for p in TRADITIONAL_CHINESE)
    assert cleaner.clean((page + "</article></body></html>").encode("big5"), format="html").language == "zh"
    korean = (
        "서해시 항만위원회는 화요일 낡은 여객선 선착장을 11주 동안 폐쇄하고 보수 공사를 하기로 결정했다. "
        "주민들은 늦봄까지 화물 터미널을 이용해야 한다."
    )
    assert detect_language([korean] * 3) == "ko"
