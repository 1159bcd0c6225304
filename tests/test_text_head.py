"""Text an extractor reduced to the article: when its first line is the headline, and when it is body.

A CJK line reads as headline-shaped only when it opens on a Latin capital, as a product name does.
"""

from __future__ import annotations

from cleaner import clean

PROSE = (
    "市は火曜日、新しい交通計画を発表した。計画では夜間のバスを増やし、駅から住宅地までの路線を延ばす。"
    "住民の多くは計画を歓迎しているが、費用の負担について議論が続いている。"
)
BODY = "\n".join([PROSE] * 4)


def test_a_first_line_closed_by_an_ideographic_full_stop_is_body_not_the_title() -> None:
    first = "Kindle for PCで本を読む人は多いが、調べ物をしながら読みたい時もあります。"
    article = clean(f"{first}\n{BODY}", format="text")
    assert article.title is None
    assert article.text.startswith(first)


def test_a_cjk_headline_without_a_full_stop_stays_the_title() -> None:
    headline = "Kindle for PCの新しい設定を試す"
    # a byline under it: a text the layers keep whole has no head (zones.no_head_in_kept_text)
    article = clean(f"{headline}\nBy Jane Doe\n{BODY}", format="text")
    assert article.title == headline
    assert article.subtitle is None  # the first paragraph, closed by its full stop, is no standfirst
    assert article.text.startswith(PROSE)
