"""Bylines of Chinese, Japanese and Korean pages, which write no "By": a label before the names, or a role after.

``parse_cjk_byline(line)`` reads a whole line that credits writers the way these languages do:

- a label, then the names: "责任编辑：李小红", "作者：王小明、李华", "文・写真：山田太郎", "记者 王小明 报道",
  "记者王小明", the labels of ``cjk_credit_labels``; a name is 2-4 ideographs, and where no colon follows the label
  (a space, or nothing) each name must open with a family name (``chinese_family_names``: "记者看河北" is a
  heading, "reporters look at Hebei");
- Korean names, then a role (``cjk_role_suffixes``): "김민수 기자", "김민수·이영희 기자 minsu@example.co.kr", each
  name 2-4 syllables opening with a family name (``korean_family_names``);
- either inside one pair of brackets: "（记者 王小明）", "[김민수 기자]".

It returns the names, or None when the line is anything else: the whole line must be the credit (an e-mail
address may follow the names), so a sentence that mentions a reporter ("기자회견", "김민수 기자는 말했다") is none.

What it does NOT do: it does not read bylines glued to the body's first sentence ("[서울=뉴시스] 김민수 기자 = ..."),
an agency's dateline ("新华社北京5月14日电（记者王小明）"), a label alone on its line with the names on the next, or
a Japanese name before its role ("山田太郎記者": without a list of Japanese family names it cannot be told from
"政治部記者", a desk's reporter).  ``cleaner.metadata.byline`` reads the bylines of languages that write with
spaces, and asks this module first.
"""

from __future__ import annotations

import re

from cleaner.lexicon import alternation, phrases

_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"
_HANGUL = r"[\uac00-\ud7a3]"
_SEPARATOR = r"\s*[、，,・·ㆍ/／]\s*|\s+"
_EMAIL = r"(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?"
_LABEL_FIRST = re.compile(
    rf"{alternation('cjk_credit_labels')}(?P<colon>\s*[:：]\s*)?\s*"
    rf"(?P<names>{_HAN}{{2,4}}(?:(?:{_SEPARATOR}){_HAN}{{2,4}})*?)(?:\s*(?:报道|報導|報道))?{_EMAIL}"
)
_ROLE_AFTER = re.compile(
    rf"(?P<names>{_HANGUL}{{2,4}}(?:\s*[·ㆍ,]\s*{_HANGUL}{{2,4}})*)\s*{alternation('cjk_role_suffixes')}{_EMAIL}"
)
_BRACKETS = {"（": "）", "(": ")", "[": "]", "【": "】", "〔": "〕"}
_SPLIT = re.compile(_SEPARATOR)
_STARTS = re.compile(rf"[(（\[【〔]?(?:{_HAN}|{_HANGUL})")
MAX_CJK_BYLINE = 60


def parse_cjk_byline(line: str) -> tuple[str, ...] | None:
    """The names of a whole-line CJK byline (see the module's doc), or None."""
    text = line.strip()
    if len(text) > MAX_CJK_BYLINE or not _STARTS.match(text):
        return None
    if text[0] in _BRACKETS and text.endswith(_BRACKETS[text[0]]):
        text = text[1:-1].strip()
    if match := _LABEL_FIRST.fullmatch(text):
        names = _names(match["names"])
        return names if match["colon"] or _open_with_family(names, "chinese_family_names") else None
    if match := _ROLE_AFTER.fullmatch(text):
        names = _names(match["names"])
        return names if _open_with_family(names, "korean_family_names") else None
    return None


def _names(found: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for name in _SPLIT.split(found) if name))


def _open_with_family(names: tuple[str, ...], families: str) -> bool:
    """Every name opens with a family name of the list ``families`` (one or two characters) and a given name."""
    listed = phrases(families)
    return all(any(name.startswith(family) and len(name) > len(family) for family in listed) for name in names)
