"""justext's second opinion on a page: its good paragraphs, for when trafilatura finds little.

justext classifies every paragraph of a page by length, link density and stop words.  Where
trafilatura returns little or nothing, justext's good paragraphs are the content.  (Filling
gaps inside trafilatura's result with justext's paragraphs was tried in November 2026 and not
kept: it brought back about as much furniture as text; that run's figures were not recorded.
justext as a whole second view, against readability-lxml and a vote, is measured out of fold
by ``bench/cv_html.py``: docs/html.md, step 4.)

This module does NOT parse (it is given the page's tree) and does not decide furniture inside
the content.
"""

from __future__ import annotations

import re
from copy import deepcopy
from functools import lru_cache

import justext
from justext.core import ParagraphMaker, classify_paragraphs, preprocessor, revise_paragraph_classification
from lxml import etree
from lxml.html import HtmlElement

from cleaner.html.elements import element_text, spaced, text_of
from cleaner.model import Kind

Piece = tuple[Kind, str, float]
_SPACES = re.compile(r"\s+")

_JUSTEXT_LANGUAGES = {
    "de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "pt": "Portuguese", "pl": "Polish", "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal",
    "fi": "Finnish", "cs": "Czech", "ru": "Russian", "tr": "Turkish", "hu": "Hungarian", "ro": "Romanian",
}  # fmt: skip


@lru_cache(maxsize=32)
def _stoplist(language: str | None) -> frozenset[str]:
    """justext's stop words for the page's language, or all of its stoplists when it is unknown."""
    name = _JUSTEXT_LANGUAGES.get((language or "")[:2].lower())
    if name:
        return frozenset(justext.get_stoplist(name))
    return frozenset(word for lang in justext.get_stoplists() for word in justext.get_stoplist(lang))


def justext_pieces(tree: HtmlElement, language: str | None) -> list[Piece]:
    """justext's good paragraphs, in page order, on a copy of the tree (its preprocessor edits it)."""
    try:
        dom = preprocessor(deepcopy(tree))
        paragraphs = ParagraphMaker.make_paragraphs(dom)
        classify_paragraphs(paragraphs, _stoplist(language), no_headings=False)
        revise_paragraph_classification(paragraphs)
    except Exception:  # a best-effort second opinion: trafilatura's result stands
        return []
    pieces: list[Piece] = []
    for paragraph in paragraphs:
        if paragraph.class_type != "good":
            continue
        path = paragraph.dom_path
        kind = Kind.HEADING if paragraph.is_heading else Kind.LIST_ITEM if ".li" in path else Kind.PARAGRAPH
        if ".blockquote" in path:
            kind = Kind.QUOTE
        pieces.append((kind, _SPACES.sub(" ", paragraph.text).strip(), paragraph.links_density()))
    return pieces


# In the head, or at the top of the body where the parser puts the head's tags after a stray element.
_DESCRIPTION = etree.XPath('/html/*/meta[@name="description" or @property="og:description"]/@content')
# Text nodes holding the description's longest word, found in C: spaces in the markup may differ
# from the description's (no-break spaces, line breaks), a word's letters do not.
_TEXTS_WITH = etree.XPath("//body//text()[contains(., $probe)]")
_SHOWN_ANYWHERE = etree.XPath("contains(//body, $probe)")
_LEAD_TAGS = frozenset(("p", "div", "span", "h2", "strong", "header", "section"))
LEAD_DEPTH = 6  # ancestors of the word's text looked at for the element the lead opens
PROBE_CHARS = 16
LEAD_PREFIX = 60  # characters of the description that must open the visible element
MIN_LEAD = 60


def _element_opening_with(tree: HtmlElement, prefix: str) -> HtmlElement | None:
    """The innermost element whose visible text opens with ``prefix``, at its first occurrence.

    Only the few text nodes holding the prefix's longest word are looked at, and their nearest
    ancestors: an XPath testing every element's whole text would cost a pass per element.
    """
    probe = max(prefix.split(), key=len)[:PROBE_CHARS]  # scripts without spaces make one long "word"
    nodes = _TEXTS_WITH(tree, probe=probe)
    if not nodes and prefix.count(" ") <= 2 and _SHOWN_ANYWHERE(tree, probe=probe):
        # a script without spaces: the one long "word" may span markup ("<b>Tanya Chua</b>），1975")
        return _element_opening_with_slowly(tree, prefix)
    for node in nodes:
        holder = node.getparent()
        element = holder if node.is_text else holder.getparent()  # a tail belongs to the holder's parent
        for _ in range(LEAD_DEPTH):
            if element is None or element.tag in ("body", "html"):
                break
            if element.tag in _LEAD_TAGS and _opening(element, len(prefix)).startswith(prefix):
                return element  # the innermost: its ancestors open with the lead too
            element = element.getparent()
    return None


def _opening(element: HtmlElement, size: int) -> str:
    """The start of the element's visible text, spaces collapsed (the rest of a long article is not read)."""
    return spaced(element_text(element).lstrip()[: size * 4])


def _element_opening_with_slowly(tree: HtmlElement, prefix: str) -> HtmlElement | None:
    """The last element whose whole visible text opens with ``prefix``, testing every candidate element."""
    shown = tree.xpath(
        "//body//*[self::p or self::div or self::span or self::h2 or self::strong or self::header or self::section]"
        # XPath's normalize-space knows only ASCII spaces: no-break spaces are made plain first
        "[starts-with(normalize-space(translate(., '\u00a0', ' ')), $prefix)]",
        prefix=prefix,
    )
    return shown[-1] if shown else None


def page_description(tree: HtmlElement) -> str:
    """The description the page declares (``<meta name="description">``, ``og:description``), spaces
    collapsed and without a closing full stop or ellipsis; "" when it declares none."""
    described = _DESCRIPTION(tree)
    return _SPACES.sub(" ", str(described[0])).strip().rstrip(".…") if described else ""


def visible_lead(tree: HtmlElement, extracted: list[str], description: str) -> str | None:
    """The article's lead paragraph when extraction dropped it: the page's ``description``, shown.

    Sites print the lead (teaser, standfirst) in its own element above the article text and
    repeat it as ``<meta name="description">`` (``page_description``); extractors often drop that
    element.  When an element's visible text opens with the description and that text is in none
    of the extracted blocks, it is the lead.  A description that is not shown on the page is never used.
    """
    if len(description) < MIN_LEAD:
        return None
    prefix = description[:LEAD_PREFIX]
    if any(prefix in text for text in extracted):
        return None
    shown = _element_opening_with(tree, prefix)
    if shown is None:
        return None
    text = text_of(shown)
    return text if len(text) <= 2 * len(description) + 40 else None
