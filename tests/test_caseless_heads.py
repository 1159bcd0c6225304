"""Scripts without capitals (Arabic, Hebrew, Persian, Chinese, Japanese, Hindi): the headline of a dump.

No headline there starts with a capital, so the title readers' "starts upper" test refused every line and no
title was found.  Made-up articles, one per language.
"""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.metadata.titles import is_headline_shaped, is_title_shaped

ARTICLES = {
    "ar": (
        "ارتفاع أسعار القمح في الأسواق المحلية",
        "بقلم سمير خالد",
        "ارتفعت أسعار القمح في الأسواق المحلية خلال الأسبوع الماضي بعد تراجع الإنتاج بسبب موجة الجفاف التي ضربت "
        "المناطق الزراعية، وقال التجار إن الطلب ظل مرتفعا رغم زيادة الأسعار.",
        "وتوقع خبراء أن تستمر الأسعار في الارتفاع حتى موسم الحصاد المقبل ما لم تتدخل الحكومة لدعم المزارعين.",
    ),
    "he": (
        "העירייה תרחיב את קווי האוטובוס בשכונות",
        "מאת נועה לוי",
        "העירייה הודיעה השבוע כי תרחיב את קווי האוטובוס בשכונות הצפוניות של העיר, לאחר שתושבים התלוננו במשך חודשים "
        "על זמני המתנה ארוכים בתחנות.",
        "לדברי ראש העירייה, הקווים החדשים יופעלו כבר בתחילת השנה הבאה וישרתו אלפי נוסעים מדי יום.",
    ),
    "ja": (
        "大阪市、新しい図書館の建設を決定",
        "文：佐藤花子",
        "2024年3月10日",
        "大阪市は十日、市の中心部に新しい図書館を建設することを決定した。完成は三年後の予定で、子ども向けの読書"
        "スペースや学習室が設けられる。",
        "市の担当者は「多くの市民に利用してもらいたい」と話している。",
    ),
    "zh": (
        "上海市启动老旧小区改造工程",
        "记者 李明",
        "2024年3月11日",
        "上海市政府周一宣布启动新一轮老旧小区改造工程，计划在两年内完成三百个小区的外墙、管道和电梯改造，"
        "惠及约二十万户居民。",
        "市住房部门负责人表示，改造工作将优先考虑居民意见，并尽量减少施工对日常生活的影响。",
    ),
    "fa": (
        "افزایش قیمت نان در شهرهای بزرگ",
        "نویسنده: مریم احمدی",
        "قیمت نان در شهرهای بزرگ کشور از هفته گذشته افزایش یافت و نانوایان می‌گویند هزینه آرد و سوخت بالا رفته است. "
        "مردم در صف‌های طولانی منتظر ماندند.",
        "کارشناسان اقتصادی هشدار دادند که این افزایش می‌تواند بر تورم ماه‌های آینده اثر بگذارد.",
    ),
    "hi": (
        "शहर में नई बस सेवा शुरू",
        "लेखक: अमित वर्मा",
        "नगर निगम ने सोमवार को शहर के पूर्वी इलाकों के लिए नई बस सेवा शुरू की। इससे हजारों यात्रियों को रोज़ आने-जाने में सुविधा होगी।",
        "अधिकारियों ने कहा कि बसें हर दस मिनट में चलेंगी और किराया पहले जैसा ही रहेगा।",
    ),
}


UNREAD_BYLINE = pytest.mark.xfail(
    strict=True,
    reason="this byline label is not read yet (docs/metadata-text.md, Known weaknesses): the text loses nothing to "
    "the layers, and a text kept whole has no head",
)


@pytest.mark.parametrize(
    "language",
    [pytest.param(code, marks=UNREAD_BYLINE) if code in {"fa", "hi"} else code for code in sorted(ARTICLES)],
)
def test_the_headline_over_a_byline_is_the_title_in_a_script_without_capitals(language: str) -> None:
    title, byline, *paragraphs = ARTICLES[language]
    article = clean("\n\n".join([title, byline, *paragraphs]) + "\n", format="text")
    assert article.title == title
    assert [block.text for block in article.blocks][-2:] == paragraphs[-2:]


@pytest.mark.parametrize(
    ("line", "shaped"),
    [
        ("大阪市、新しい図書館の建設を決定", True),
        ("北京市发布新的空气质量改善计划", True),
        ("ارتفاع أسعار القمح في الأسواق المحلية", True),
        ("दिल्ली में नई मेट्रो लाइन का उद्घाटन", True),
        ("서울시, 새 대중교통 계획 발표", True),
        ("なぜ図書館は必要なのか？", True),  # a question may be a headline
        ("市の担当者は多くの市民に利用してもらいたいと話している。", False),  # a sentence
        ("दिल्ली में गुरुवार को नई मेट्रो लाइन का उद्घाटन किया गया।", False),  # closed by the danda
        ("東", False),  # one character: not two words
        # Thai writes no space between words and no full stop: a headline is one run, a paragraph a few phrases
        ("รถเมล์กลางคืนกลับมาให้บริการอีกครั้ง", True),
        ("นายกฯ สั่งเร่งแก้ปัญหาฝุ่นในกรุงเทพฯ", True),
        (
            "สภาเมืองลงมติเมื่อวันอังคารให้นำรถเมล์กลางคืนกลับมาให้บริการ โดยเส้นทางจะวิ่งจากใจกลางเมืองไปยังสถานีรถไฟ "
            "เพื่อให้ผู้ที่เดินทางจากหมู่บ้านรอบนอกสามารถใช้บริการได้ด้วย",
            False,
        ),
        (
            "นายกเทศมนตรีกล่าวว่า รัฐบาลระดับภูมิภาคจะรับผิดชอบค่าใช้จ่ายครึ่งหนึ่ง และตารางเดินรถจะเริ่มใช้ตั้งแต่เดือนมีนาคม "
            "สำหรับคืนวันศุกร์ถึงวันเสาร์",
            False,
        ),
        ("ข่าว", False),  # one word of four characters: as "News", too few for a headline
        # a paragraph opening with a date or a number is measured in its own script, not as one long Latin word
        (
            "３月10日の市議会で審議されていたのは、新しい図書館の建設計画だけではなかった。駅前の再開発や公園の改修も"
            "重要な議題だった。市長は予算の見直しを約束した。",
            False,
        ),
        (
            "3月11日，上海市政府宣布启动新一轮老旧小区改造工程，计划在两年内完成三百个小区的外墙和管道改造，惠及约二十万户居民。",
            False,
        ),
        ("3つの理由で図書館が人気に", True),  # a headline opening with a number
        ("2024年の夏祭り、三年ぶりに開催", True),
        ("Harbour bridge reopens after repairs", True),  # Latin text: is_title_shaped's answer
        ("2024 Harbour bridge reopens after repairs", True),
        ("harbour bridge reopens after repairs", False),
    ],
)
def test_headline_shape_in_every_script(line: str, shaped: bool) -> None:
    assert is_headline_shaped(line) is shaped
    if line.isascii():
        assert is_title_shaped(line) is shaped


def test_the_zones_keep_asking_for_a_capital() -> None:
    # the zones decide lines before the text model and so shape its training rows: their test is unchanged
    assert not is_title_shaped("大阪市、新しい図書館の建設を決定")


def test_a_caseless_text_kept_whole_still_has_no_head() -> None:
    # an article already cleaned (nothing removed) offers no line as its title: cleaning it again changes nothing
    title, _byline, *paragraphs = ARTICLES["ar"]
    article = clean("\n\n".join([title, *paragraphs]) + "\n", format="text")
    assert article.title is None
    assert article.removed == ()


THAI_ARTICLE = (
    "รถเมล์กลางคืนกลับมาให้บริการอีกครั้งในเมืองเก่า",
    "สภาเมืองลงมติเมื่อวันอังคารให้นำรถเมล์กลางคืนกลับมาให้บริการ โดยเส้นทางจะวิ่งจากใจกลางเมืองไปยังสถานีรถไฟ "
    "เพื่อให้ผู้ที่เดินทางจากหมู่บ้านรอบนอกสามารถใช้บริการได้ด้วย",
    "นายกเทศมนตรีกล่าวว่า รัฐบาลระดับภูมิภาคจะรับผิดชอบค่าใช้จ่ายครึ่งหนึ่ง และตารางเดินรถจะเริ่มใช้ตั้งแต่เดือนมีนาคม สำหรับคืนวันศุกร์ถึงวันเสาร์",
    "ผู้ประกอบการร้านอาหารในย่านเมืองเก่าบอกว่า ลูกค้าหลายคนเลิกมาทานอาหารเย็นเพราะไม่มีรถกลับบ้าน "
    "และหวังว่าบริการใหม่นี้จะช่วยให้ธุรกิจกลับมาคึกคักอีกครั้ง",
    "สมาคมผู้โดยสารระบุว่า จะติดตามจำนวนผู้ใช้บริการในช่วงหกเดือนแรก ก่อนที่สภาจะตัดสินใจว่าจะขยายเส้นทางไปยังโรงพยาบาลและมหาวิทยาลัยหรือไม่",
)


def test_a_thai_article_keeps_its_body_and_its_headline_shapes() -> None:
    # the script count reads a Thai phrase a word every four characters (cleaner.text.shape): the headline is
    # headline-shaped and its paragraphs are not, and the article, kept whole, keeps every line and has no head
    headline, *paragraphs = THAI_ARTICLE
    assert is_headline_shaped(headline)
    assert not any(map(is_headline_shaped, paragraphs))
    article = clean("\n\n".join(THAI_ARTICLE) + "\n", format="text")
    assert [block.text for block in article.blocks] == list(THAI_ARTICLE)
    assert article.title is None
    assert article.removed == ()
    # with a menu and a footer in English around it: they leave, the article stays
    furniture = clean(
        "\n\n".join(["Home", "News", "Sport", *THAI_ARTICLE, "Privacy policy", "Cookie settings"]), format="text"
    )
    assert [block.text for block in furniture.blocks][-len(paragraphs) :] == paragraphs
    assert {removal.text for removal in furniture.removed} >= {"Privacy policy", "Cookie settings"}
