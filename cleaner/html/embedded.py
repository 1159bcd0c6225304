"""The article a script-rendered page holds outside its markup: script state, ``<iframe srcdoc>``, ``<template>``.

A page built by a JavaScript framework often ships its article as data (Next.js ``<script id="__NEXT_DATA__"
type="application/json">``, a script's assignments of data, ``window.__INITIAL_STATE__ = {...}``,
``window['__STATE__'] = JSON.parse("...")``, read by ``cleaner.html.scriptdata``) or as markup the browser
renders later (an ``<iframe srcdoc="...">``, a ``<template>``), while the saved body is an empty shell or a
"please enable JavaScript" notice.  Where the page declares no JSON-LD ``articleBody``
(``cleaner.html.declared``), the article is looked for here under the same test: it is taken only where the
extracted blocks hold less than a tenth of its characters, and the blocks it replaces are audited as left out.

The state is read generically, by no site's keys: every string value of the JSON that reads as prose (a dozen
words or more with a sentence's end, HTML in it read as paragraphs) is grouped by its key path, list positions
ignored (``article.body`` alone; ``content[*].text`` the paragraphs of a block list), and the group holding the
most characters is the candidate; a state whose prose holds half the word triples of the text the markup shows is
the data of the page the markup renders (server-side), and none.  A ``srcdoc`` or ``<template>`` is read as a page
of its own by the same extraction as the page.  The source is named in the audit (``extractor.embedded-body``).

A ``<noscript>`` that holds the article's markup (paragraphs, an ``<article>``) where the rest of the page shows
under a tenth of its text (a script-rendered shell whose content is given to readers without scripts) is shown as
a browser without scripts shows it, in place (``shown_noscript``): its markup is extracted as the page's, headline,
byline and all.  Extraction tools drop ``<noscript>`` and fall back to the page's whole text as one paragraph.

This module does NOT judge the text it takes: it goes through the same furniture rules and classifier as
extracted blocks.  It takes nothing where the page shows a tenth of it or more, nor a candidate under
``MIN_CHARS`` (a teaser, a setting's text).  The script texts are only parsed (a script's assignments only
searched) where the extraction is so small that the scripts' whole length could hold ten times it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from cleaner.html.content import main_content
from cleaner.html.declared import SHARE, paragraphs, plain_text, replaced_by
from cleaner.html.elements import element_text
from cleaner.html.scriptdata import assignments
from cleaner.model import Block

MIN_CHARS = 500  # a candidate body under this many characters is no article
MIN_WORDS = 12  # a string value of fewer words is no paragraph of prose
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?。！？…](?:\s|$|[\"'”’)])")


@dataclass(frozen=True, slots=True)
class Embedded:
    """What a page holds outside its markup, each text with its source's name as the audit gives it."""

    states: tuple[tuple[str, str], ...] = ()  # (source, JSON text) of JSON scripts
    documents: tuple[tuple[str, str], ...] = ()  # (source, markup) of srcdoc and template contents
    scripts: tuple[tuple[str, str], ...] = ()  # (source, text) of other scripts, their assignments of data unread

    def size(self) -> int:
        return sum(len(text) for _, text in (*self.states, *self.documents, *self.scripts))


def embedded_texts(tree: HtmlElement) -> Embedded:
    """The script state, ``srcdoc`` and ``<template>`` markup of a parsed page, before its scripts are dropped
    (raw text only: nothing is parsed or searched here)."""
    states: list[tuple[str, str]] = []
    scripts: list[tuple[str, str]] = []
    documents: list[tuple[str, str]] = []
    for element in tree.iter("script", "iframe", "template"):
        if element.tag == "script":
            text, kind = element.text or "", (element.get("type") or "").lower()
            if len(text) < MIN_CHARS or "ld+json" in kind:
                continue
            (states if "json" in kind else scripts).append((_script_name(element), text))
        elif element.tag == "iframe" and (srcdoc := element.get("srcdoc")) and len(srcdoc) >= MIN_CHARS:
            documents.append(("<iframe srcdoc>", srcdoc))
        elif element.tag == "template" and len(element):
            inner = "".join(etree.tostring(child, encoding="unicode") for child in element)
            documents.append(("<template>", (element.text or "") + inner))
    return Embedded(tuple(states), tuple(documents), tuple(scripts))


_SHOWN_BLOCKS = ("p", "article", "h1", "h2", "li")


def shown_noscript(tree: HtmlElement) -> bool:
    """Turn each ``<noscript>`` holding block markup into a ``<div>`` where the page's text outside them is under
    ``SHARE`` of theirs and theirs reaches ``MIN_CHARS`` (the article is given to readers without scripts alone);
    whether any was."""
    held = [
        element
        for element in tree.iter("noscript")
        if next(element.iter(_SHOWN_BLOCKS), None) is not None and next(element.iterancestors("noscript"), None) is None
    ]
    if not held:
        return False
    inside = sum(len(element_text(element).strip()) for element in held)
    body = tree.find("body")
    outside = len(element_text(body if body is not None else tree).strip()) - inside
    if inside < MIN_CHARS or outside >= SHARE * inside:
        return False
    for element in held:
        element.tag = "div"
    return True


def _script_name(script: HtmlElement) -> str:
    ident = script.get("id")
    return f'<script id="{ident}">' if ident else "<script> state"


def with_embedded_body(
    blocks: tuple[Block, ...], left_out: tuple[str, ...], embedded: Embedded
) -> tuple[tuple[Block, ...], tuple[str, ...], str | None]:
    """The embedded article's blocks in place of ``blocks`` when these hold under ``SHARE`` of its characters,
    the replaced blocks first among the prose left out, and the source's name; else the input and None."""
    shown = sum(len(block.text) for block in blocks)
    if shown >= SHARE * embedded.size():  # cheap bound: no candidate can be longer than its source
        return blocks, left_out, None
    best: tuple[str, list[str]] | None = None
    for source, found in _candidates(embedded, shown, _shingles(block.text for block in blocks)):
        if best is None or sum(map(len, found)) > sum(map(len, best[1])):
            best = (source, found)
    if best is None or (size := sum(map(len, best[1]))) < MIN_CHARS or shown >= SHARE * size:
        return blocks, left_out, None
    return (*replaced_by(blocks, left_out, best[1]), best[0])


def _candidates(
    embedded: Embedded, shown: int, shown_shingles: set[tuple[str, ...]]
) -> Iterator[tuple[str, list[str]]]:
    """Each source's candidate paragraphs; a ``srcdoc`` or ``<template>`` whose whole text ``shown`` characters
    reach a tenth of (``SHARE``) is not extracted, and a state whose prose holds half the shown text's word
    triples (``shown_shingles``) is the data of the page the markup shows (rendered on the server): none."""
    for source, data in _state_data(embedded):
        groups: dict[str, list[str]] = {}
        for path, value in _strings(data, "", 0):
            if paragraphs := _prose(value):
                groups.setdefault(path, []).extend(paragraphs)
        shows = shown_shingles and 2 * len(shown_shingles & _shingles(_joined(groups))) >= len(shown_shingles)
        if groups and not shows:
            yield source, max(groups.values(), key=lambda group: sum(map(len, group)))
    for source, markup in embedded.documents:
        tree = _document(markup)
        if tree is not None and shown < SHARE * len(element_text(tree)):
            yield source, [block.text for block in main_content(tree).blocks]


def _shingles(texts: Iterable[str]) -> set[tuple[str, ...]]:
    """The word triples of texts, case folded."""
    words = _WORD.findall(" ".join(texts).casefold())
    return set(zip(words, words[1:], words[2:], strict=False))


def _joined(groups: dict[str, list[str]]) -> Iterator[str]:
    return (paragraph for group in groups.values() for paragraph in group)


def _state_data(embedded: Embedded) -> Iterator[tuple[str, object]]:
    """The data of each JSON script, then of each assignment of data in the other scripts, with its source."""
    for source, text in embedded.states:
        try:
            yield source, json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
    for source, text in embedded.scripts:
        for target, data in assignments(text):
            yield f"{source} ({target})", data


def _strings(data: object, path: str, depth: int) -> Iterator[tuple[str, str]]:
    """Every string value with its key path, list positions as ``*``."""
    if depth > 40:
        return
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{path}.{key}", depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value, f"{path}[*]", depth + 1)


def _prose(value: str) -> list[str]:
    """The paragraphs of a string value that reads as prose (HTML in it read as paragraphs), else []."""
    if len(value) < 60 or value.lstrip().startswith(("http://", "https://", "data:", "{", "[")):
        return []
    text = plain_text(value)
    if len(text.split()) < MIN_WORDS or not _SENTENCE_END.search(text):
        return []
    return paragraphs(text)


def _document(markup: str) -> HtmlElement | None:
    """Markup a page renders later, parsed, its scripts and styles dropped (None where it does not parse)."""
    try:
        tree = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None
    etree.strip_elements(tree, "script", "style", with_tail=False)
    return tree
