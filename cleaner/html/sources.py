"""The statements a page declares about itself in markup: ``<meta>`` tags and JSON-LD objects.

``meta_tags`` files every ``<meta>`` content by its lower-cased name; ``jsonld_objects``
yields every object of the JSON-LD blocks, flattened through lists, ``@graph`` and
``mainEntity`` (a lone surrogate escape in them, which no output could hold, read as U+FFFD);
``ld_values`` and ``meta_values`` read one key of either, in order.

This module does NOT interpret what it reads: it normalises no date or name and
chooses between no sources (``htmlmeta``, ``htmldates`` and ``htmlauthors`` do).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from lxml import etree
from lxml.html import HtmlElement

from cleaner.text.decode import LONE_SURROGATE

# A \ud800-\udfff escape in JSON text: half of a pair (fine) or a lone surrogate (no UTF-8 output holds it).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """Every ``<meta>`` content by lower-cased name/property/itemprop, in document order.

    An ``itemprop`` inside an item that is another text (a citation, a comment, a review, a list
    entry) describes that text, not the page: a reference list's ``<meta itemprop="author">``
    must not make the cited authors the article's.  Items nested as the page's own content
    (``blogPost``, ``mainEntity``) are the article.
    """
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if key and not (attribute == "itemprop" and in_other_item(meta)):
                found.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    return found


# Microdata items that are other texts than the page's article, by the property that holds them.
OTHER_ITEMS = (
    "citation", "comment", "review", "suggestedAnswer", "acceptedAnswer", "itemListElement", "isBasedOn",
    "mentions", "relatedLink", "significantLink", "associatedMedia", "image", "video", "itemReviewed",
)  # fmt: skip
_OTHER_ITEM_TEST = " or ".join(f'@itemprop="{name}"' for name in OTHER_ITEMS)
in_other_item = etree.XPath(f"boolean(ancestor::*[@itemscope][1][{_OTHER_ITEM_TEST}])")


def jsonld_objects(texts: Iterable[str]) -> Iterator[dict]:
    """Every JSON object in the JSON-LD blocks, flattened through lists and ``@graph``."""
    for text in texts:
        try:
            data = json.loads(text, strict=False)
            if _SURROGATE_ESCAPE.search(text):  # rare: a generator cut a pair in two (a truncated emoji)
                data = _without_lone_surrogates(data)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than any page's metadata is
            continue
        yield from _flatten(data, depth=0)


def _without_lone_surrogates(data: object) -> object:
    """``data`` with each lone surrogate in its strings (keys too) replaced by U+FFFD, as a bad byte is."""
    if isinstance(data, str):
        return LONE_SURROGATE.sub("\ufffd", data)
    if isinstance(data, list):
        return [_without_lone_surrogates(item) for item in data]
    if isinstance(data, dict):
        return {_without_lone_surrogates(key): _without_lone_surrogates(value) for key, value in data.items()}
    return data


def _flatten(data: object, depth: int) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(data.get(key), list | dict):
                yield from _flatten(data[key], depth + 1)


def types_of(obj: dict) -> set[str]:
    """The ``@type`` names of a JSON-LD object, without a schema.org URL prefix."""
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {item.rsplit("/", 1)[-1] for item in values if isinstance(item, str)}


def ld_values(objects: list[dict], key: str) -> list[object]:
    """Every value of ``key`` in the objects, in order, lists unpacked (``"author": [...]``)."""
    values: list[object] = []
    for obj in objects:
        value = obj.get(key)
        values.extend(value if isinstance(value, list) else [value] if value else [])
    return values


def meta_values(metas: dict[str, list[str]], keys: tuple[str, ...]) -> list[str]:
    """Every content of the named tags, in the order of ``keys`` (a precedence), then of the page."""
    return [value for key in keys for value in metas.get(key, ())]


def first_meta(metas: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    """The first content of the named tags by that precedence, or None."""
    values = meta_values(metas, keys)
    return values[0] if values else None
