"""Chinese, Japanese and Korean bylines and Korean datelines in text: read as a page's metadata lines.

Made-up articles, written as Chinese and Korean news sites print them: the headline, a byline with a label before
the name (Chinese) or a role after it (Korean), a dateline with the labels these sites use ("发布时间", "입력",
"수정"), the body, and the byline again or the responsible editor at the end.
"""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.metadata.byline import parse_byline
from cleaner.metadata.cjkbylines import parse_cjk_byline
from cleaner.metadata.dates import find_dateline

KOREAN = [
    "서울시 새 다리 건설 승인",
    "김민수 기자",
    "입력 2024.05.14 08:30 수정 2024.05.14 09:10",
    "서울시의회는 월요일 저녁 네 시간이 넘는 토론 끝에 한강을 가로지르는 새 다리 건설을 승인했다. 찬성 측은 다리가 "
    "수천 명의 주민들의 통근 시간을 줄일 것이라고 말했다.",
    "반대 측은 약 400억 원으로 추정되는 비용에 대한 우려를 제기했다. 시는 내년 봄에 공사를 시작할 계획이라고 밝혔다.",
    "김민수 기자 minsu@example.co.kr",
]
CHINESE = [
    "市议会批准新建跨河大桥",
    "记者 王小明",
    "发布时间：2024年5月14日 08:30",
    "市议会周一晚上经过四个多小时的辩论，批准在河上建设一座新桥。支持者表示，这座桥将为数千名居民缩短通勤时间。",
    "反对者对预计约四千万欧元的成本表示担忧。该市计划明年春天开始施工。",
    "责任编辑：李小红",
]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("记者 王小明", ("王小明",)),
        ("记者：王小明", ("王小明",)),
        ("记者王敬照", ("王敬照",)),
        ("作者：王小明、李华", ("王小明", "李华")),
        ("记者 王小明 李华 报道", ("王小明", "李华")),
        ("（记者 王小明）", ("王小明",)),
        ("文・写真：山田太郎", ("山田太郎",)),
        ("김민수 기자", ("김민수",)),
        ("김민수·이영희 기자 minsu@example.co.kr", ("김민수", "이영희")),
        ("[김민수 특파원]", ("김민수",)),
    ],
)
def test_a_cjk_byline_gives_its_names(line: str, names: tuple[str, ...]) -> None:
    assert parse_cjk_byline(line) == names
    assert parse_byline(line) == names  # the byline reader of every language asks it first


@pytest.mark.parametrize(
    "line",
    [
        "记者看河北",  # a heading: "reporters look at Hebei", no family name after the label
        "新华社记者看河北",
        "作者：",
        "기자회견",  # a press conference
        "김민수 기자는 말했다",  # a sentence about the reporter
        "서울시의회는 월요일 기자",
        "山田太郎記者",  # a Japanese name before its role: not told from a desk's reporter ("政治部記者")
        "The reporter Kim Min-su",
    ],
)
def test_other_lines_are_no_cjk_byline(line: str) -> None:
    assert parse_cjk_byline(line) is None


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("입력 2024.05.14 08:30", "2024-05-14T08:30:00", None),
        ("입력 2024.05.14 08:30 수정 2024.05.14 09:10", "2024-05-14T08:30:00", "2024-05-14T09:10:00"),
        ("기사입력 : 2024-05-14 08:30:00", "2024-05-14T08:30:00", None),
        ("등록일 2024년 5월 14일", "2024-05-14", None),
        ("최종수정 2024.05.15", None, "2024-05-15"),
    ],
)
def test_korean_datelines(line: str, published: str | None, updated: str | None) -> None:
    found = find_dateline(line)
    assert found is not None and (found.published, found.updated) == (published, updated)


@pytest.mark.parametrize(
    ("lines", "title", "authors", "published", "updated"),
    [
        (KOREAN, "서울시 새 다리 건설 승인", ("김민수",), "2024-05-14T08:30:00", "2024-05-14T09:10:00"),
        (CHINESE, "市议会批准新建跨河大桥", ("王小明",), "2024-05-14T08:30:00", None),
    ],
    ids=["korean", "chinese"],
)
def test_a_cjk_article_s_metadata_lines_leave_the_body(
    lines: list[str], title: str, authors: tuple[str, ...], published: str, updated: str | None
) -> None:
    article = clean("\n\n".join(lines), format="text")
    assert (article.title, article.authors, article.published, article.updated) == (
        title,
        authors,
        published,
        updated,
    )
    assert article.text == "\n\n".join(lines[3:5])
    assert {removal.rule for removal in article.removed} == {"metadata.byline", "metadata.dateline"}
