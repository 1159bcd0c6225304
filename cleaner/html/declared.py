"""The article body a page declares in JSON-LD (``articleBody``), for pages whose markup holds little of it.

Many sites render the article with JavaScript: the saved page is a shell (an empty ``<div id="root">``,
a "please enable JavaScript" notice) while its JSON-LD article object carries the whole text in
``articleBody``.  Extraction then finds next to nothing, and the article would be lost.
``declared_body`` returns that text as blocks where the extracted blocks hold less than a tenth of it
(as the second view of ``cleaner.html.views`` is asked where the extraction holds under a tenth of the
page's prose); the extracted blocks it replaces are listed as left out, so they are audited.

This module does NOT judge the declared text: its blocks go through the same furniture rules, zones and
classifier as extracted ones.  It never adds to an extraction that holds a tenth of the declared text or
more (a paywalled page's visible lead is not topped up with a text the page does not show).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from cleaner.html.meta import ARTICLE_TYPES
from cleaner.html.sources import jsonld_objects, types_of
from cleaner.html.views import outside
from cleaner.model import Block

SHARE = 0.1  # the extraction holds less than this share of the declared body's characters: take the declared one
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|h[1-6]|li|ul|ol|blockquote|section|figure|figcaption)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]{0,1000}>")
_LINES = re.compile(r"\s*\n\s*")


def declared_body(jsonld: Iterable[str]) -> list[str]:
    """The paragraphs of the longest ``articleBody`` of the article objects in the page's JSON-LD texts
    ([] when none; a page whose JSON-LD never names the key costs no parse).

    Some CMSs write the body as HTML inside the JSON string: its block tags part paragraphs and other
    tags are dropped.  A body without line breaks is one paragraph.
    """
    texts = [text for text in jsonld if "articleBody" in text]
    bodies = [
        value
        for obj in jsonld_objects(texts)
        if types_of(obj) & ARTICLE_TYPES and isinstance(value := obj.get("articleBody"), str) and value.strip()
    ]
    if not bodies:
        return []
    return paragraphs(plain_text(max(bodies, key=len)))


def plain_text(value: str) -> str:
    """A JSON string's text, HTML in it read as paragraphs: block tags part lines, other tags are dropped."""
    return html.unescape(_TAG.sub("", _BLOCK_TAG.sub("\n", value))) if "<" in value else value


def paragraphs(text: str) -> list[str]:
    """The text's lines, stripped, without empty ones (a text without line breaks is one paragraph)."""
    return [part for part in _LINES.split(text.strip()) if part]


def with_declared_body(
    blocks: tuple[Block, ...], left_out: tuple[str, ...], declared: list[str]
) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """The declared body's blocks in place of ``blocks`` when these hold under ``SHARE`` of its characters,
    with the replaced blocks' texts first among the prose left out (so they are audited) and left-out prose
    the declared body holds no longer listed; else ``blocks`` and ``left_out`` unchanged.
    """
    declared_size = sum(len(part) for part in declared)
    if not declared or sum(len(block.text) for block in blocks) >= SHARE * declared_size:
        return blocks, left_out
    return replaced_by(blocks, left_out, declared)


def replaced_by(
    blocks: tuple[Block, ...], left_out: tuple[str, ...], taken: list[str]
) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """``taken`` as the blocks, the replaced blocks' texts first among the prose left out (what the page shows:
    audited, never lost silently), and left-out prose ``taken`` holds no longer listed."""
    replaced = tuple(block.text for block in blocks)
    return tuple(Block(index=i, text=part) for i, part in enumerate(taken)), (*replaced, *outside(left_out, taken))
