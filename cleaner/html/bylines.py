"""Names read out of the visible byline elements a page marks (``html.marks``); the listing test of datelines.

``byline_credits`` reads the names and the text pieces of the first usable byline element,
``header_bylines`` a short "By A and B" line right after the headline (or a label element and its value:
"<h5>Autor:</h5> Jane Doe"), ``label_bylines`` such label elements anywhere in the page, ``names_in`` the names
in one byline element; ``in_listing`` tells a dateline element that is one of a listing of other articles.

This module does NOT find the marked elements (``cleaner.html.marks``) or choose between the
page's sources (``meta``, ``dates``, ``authors`` and ``offers`` do).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

from cleaner.html.elements import media_credit, short_text, text_of
from cleaner.html.marks import Marks
from cleaner.lexicon import alternation, words
from cleaner.metadata.byline import parse_byline
from cleaner.metadata.dates import parse_date
from cleaner.metadata.names import looks_like_name

_SPACES = re.compile(r"\s+")
MAX_DATELINE = 120

# ----------------------------------------------------------------- bylines


def byline_credits(found: Marks) -> list[str]:
    """The names and the text pieces of the first usable byline element ("By Jane Doe, Reuters", or "By Jane Doe"
    and "Reuters" in elements of their own): what it credits beside its names, for the organisations
    (``cleaner.html.authors``).  Pieces, not the joined text: a date in an element of its own stays apart."""
    first = _first_byline(found)
    if first is None:
        return []
    element, names = first
    if len(element) > MAX_CREDIT_PIECES:
        return names
    pieces = (_SPACES.sub(" ", piece).strip() for piece in element.itertext())
    lowered = [name.lower() for name in names]
    return [*names, *(piece for piece in pieces if piece and _credit_piece(piece, lowered))]


def _credit_piece(piece: str, names: list[str]) -> bool:
    """A short piece, or one that holds a name of the byline ("By JANE DOE and JOHN ROE, Associated Press").

    A piece of one word credits only as a known agency or a domain ("Reuters", "example.com"): alone in its
    element it is as often a button or a label ("SHARE", "EN", "BY"), whose capitals look like an acronym's.
    """
    count = len(piece.split())
    if count == 1:
        return piece.lower().strip(" :|,") in _AGENCIES or "." in piece.strip(".")
    return count <= MAX_CREDIT_WORDS or (len(piece) <= 200 and any(name in piece.lower() for name in names))


_AGENCIES = words("agencies")


MAX_CREDIT_PIECES = 20  # children of a byline element whose pieces are read; more is no byline
MAX_CREDIT_WORDS = 6  # a longer piece is a sentence ("We are a memorabilia of the 80s/90s!"), no credit


def _first_byline(found: Marks) -> tuple[HtmlElement, list[str]] | None:
    """The first usable byline element and its names, those after the headline first.

    Elements inside comments, related lists, teasers, sidebars and footers are skipped: the
    names there are other people's.
    """
    for element in found.get("byline", header_first=True)[:20]:
        if found.elsewhere(element) or media_credit(element) or element in found.mastheads:
            continue  # a masthead classed "vcard author" names the blog, not the post's author
        names = names_in(element)
        if names:
            return element, names
    return None


_LABEL = re.compile(
    rf"^(?:{alternation('byline_verbs', 'author_labels', 'credit_labels', 'byline_words', 'date_prepositions')}"
    r"(?:\b|(?=(?-i:[A-ZÀ-Þ])))[\s:]*)+",
    re.IGNORECASE,
)
_TRAILER = re.compile(rf"\s+(?:{alternation('date_prepositions')}|\||-|–|—|/)\s.*$|\s*[|,(/].*$", re.IGNORECASE)
_AFTER_BY = re.compile(rf"\s{alternation('byline_words')}\s+", re.IGNORECASE)
# "责任编辑：李小红"; without a colon: a space and a name of 2-4 Chinese characters ("记者 王小明")
_CJK_LABEL = re.compile(rf"^{alternation('cjk_credit_labels')}(?:\s*[:：]\s*|\s+(?=[\u3400-\u9fff]{{2,4}}$))")
_HCARD_NAME = etree.XPath('.//*[contains(concat(" ", normalize-space(@class), " "), " fn ")]')  # hCard's formatted name
_JOINERS = words("name_joiners") | {"&", ",", "/", "|", "·", "•"}


def names_in(element: HtmlElement) -> list[str]:
    """Names in a byline element: those it marks as names (microdata ``itemprop="name"``, else hCard's
    ``class="fn"``), else a whole "By A and B" line, else its linked names, else its name-like pieces."""
    named = element.xpath('.//*[@itemprop="name"]') or _HCARD_NAME(element)
    if named:
        return [text_of(node) for node in named if 2 <= len(text_of(node)) <= 60]
    whole = short_text(element, 200)
    if whole is None:
        return []
    parsed = parse_byline(whole)
    if parsed:
        return list(parsed)
    links = [link for link in element.iter("a") if text_of(link)]
    pieces = [text_of(link) for link in links] if links else list(element.itertext())
    names = [name for name in map(_name_piece, pieces) if name]
    if len(names) > 1 or not links:
        names = [name for name in names if looks_like_name(name)] or (names if len(names) == 1 else [])
    return names


def _name_piece(piece: str) -> str | None:
    """One text piece of a byline element as a candidate name, without labels; None for dates and words."""
    piece = _SPACES.sub(" ", piece).strip()
    if not piece or parse_date(piece):
        return None
    after = _AFTER_BY.split(piece)
    piece = _LABEL.sub("", _CJK_LABEL.sub("", after[-1] if len(after) > 1 else piece))
    listed = [part.strip() for part in piece.split(",")]
    if len(listed) > 1 and all(map(looks_like_name, listed)):
        return piece.strip(" :,.-")  # "A B, C D": names listed, not a name and its role
    piece = _TRAILER.sub("", piece).strip(" :,.-")
    words = piece.split()
    if not words or piece.lower() in _JOINERS or len(piece) > 60 or len(words) > 5:
        return None
    return None if len(words) > 1 and any(ch.isdigit() for ch in piece) else piece


def header_bylines(tree: HtmlElement, found: Marks, *, limit: int) -> Iterator[tuple[HtmlElement, list[str]]]:
    """The first ``limit`` short "By A and B" / "Von A" lines right after the headline or in a dateline element,
    each with its element and its names.

    Many sites print the byline in an unmarked element under the ``<h1>``; ``parse_byline`` only
    accepts lines that are bylines as a whole, so prose is never read as one.
    """
    after = found.following(found.h1[0], HEADER_WINDOW) if found.h1 else []
    count = 0
    for element in [*after, *found.get("dateline")[:20]]:
        text = found.short_text(element, 100)
        value = _labelled_value(found, element) if text is not None and _LABEL_ONLY.fullmatch(text) else None
        text = f"{text} {value}" if value else text
        if text is None or len(text) < 4 or not _BYLINE_WORD.search(text) or found.elsewhere(element):
            continue
        names = parse_byline(text) or parse_byline(_DATE_PREFIX.sub("", text)) or _labelled_name(value)
        if names:
            yield element, list(names)
            count += 1
            if count >= limit:
                return


HEADER_WINDOW = 60
_BYLINE_WORD = re.compile(  # a cheap test before parse_byline; "ByJane Doe" is glued in some markup
    rf"(?:^|\W)(?i:{alternation('byline_words', 'byline_verbs', 'author_labels', 'credit_labels')})"
    r"(?:\W|$|(?=[A-ZÀ-Þ]))"
)
_DATE_PREFIX = re.compile(r"^[\d.:/ -]+(?:uhr\s+)?", re.IGNORECASE)
# A label element whose value is the text after it, outside any element.
_LABEL_ONLY = re.compile(rf"(?i:{alternation('byline_words', 'author_labels', 'credit_labels')})\s*:")


def label_bylines(tree: HtmlElement, found: Marks, *, limit: int) -> Iterator[tuple[HtmlElement, list[str]]]:
    """The first ``limit`` writer label elements anywhere in the page ("<strong>Text:</strong> Jane Doe",
    "<b>Autor:</b> <a>Jane Doe</a>"), each with its element and the names its value gives.

    An element that holds only a writer label and its colon says what follows it; one in comments,
    teasers, sidebars, footers or a caption labels someone else's text or an image.
    """
    count = 0
    for element in _LABEL_ELEMENTS(tree):
        label = _SPACES.sub(" ", element.text or "").strip()
        value = _labelled_value(found, element) if _LABEL_ONLY.fullmatch(label) else None
        if not value or found.elsewhere(element) or media_credit(element):
            continue
        names = parse_byline(f"{label} {value}") or _labelled_name(value)
        if names:
            yield element, list(names)
            count += 1
            if count >= limit:
                return


# Childless elements of a short text with a colon: the candidates for a label (the test in C, the page once).
_LABEL_ELEMENTS = etree.XPath("//body//*[not(*) and contains(text(), ':') and string-length(normalize-space()) < 24]")


def _labelled_value(found: Marks, label: HtmlElement) -> str | None:
    """What follows a label element ("<h5>Autor:</h5> Peter Maahn", "<b>Von:</b> <a>Jane Doe</a>"): the text
    after it, else the short text of the element after it."""
    tail = _SPACES.sub(" ", label.tail or "").strip()
    if tail:
        return tail
    after = label.getnext()
    return found.short_text(after, 60) if after is not None else None


def _labelled_name(value: str | None) -> tuple[str, ...] | None:
    """A labelled value that ``parse_byline`` does not read as a byline ("Peter Maahn/SP-X") read as a byline
    element's text piece is: one name-shaped piece, without what trails it."""
    name = _name_piece(value) if value else None
    return (name,) if name and looks_like_name(name) else None


# ----------------------------------------------------------------- datelines


def in_listing(element: HtmlElement, text: str, datelines: list[HtmlElement]) -> bool:
    """True when two or more other dateline elements of the same tag and class show other dates.

    An article has one publication line (two with its update); a run of alike elements each
    with its own date is a list of other articles, whatever the list's container is called.
    """
    key = (element.tag, element.get("class"))
    others = 0
    for other in datelines:
        if other is element or (other.tag, other.get("class")) != key:
            continue
        other_text = short_text(other, MAX_DATELINE)
        if other_text and other_text != text and any(char.isdigit() for char in other_text):
            others += 1
            if others >= 2:
                return True
    return False
