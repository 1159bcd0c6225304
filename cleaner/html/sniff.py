"""Telling a web page from text, and the charset a page declares: what reading needs before any parsing.

``looks_like_html`` chooses the input path of a document of unknown format (a web feed is told by
``cleaner.io.feeds.feed_kind``, which the file readers use too); ``declared_charset`` helps the decode layer with
a page's bytes; ``opens_page`` tells, from a file's first bytes, a web page saved under a name no include glob
takes (``index.php``), which a folder walk then names instead of leaving it out silently.  Each is a regular
expression or two over the start of the document, kept apart from ``cleaner.html.page`` so that reading plain
text (``clean learn`` over a corpus of text dumps) does not import the html layer's parsers and metadata readers.
"""

from __future__ import annotations

import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# An XHTML page's XML declaration, which opens the document (after a byte-order mark) and may name its encoding.
_XML_ENCODING = re.compile(rb"""(?:\xef\xbb\xbf)?\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<script[\s>]|<link\s",
    re.IGNORECASE,
)
# The opening of an HTML document whatever its file is called: a doctype or the root element, after a UTF-8
# byte-order mark, white space, an XML declaration and comments (possessive, as ``cleaner.io.feeds._FEED_ROOT``).
_PAGE_OPENING = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<\?xml[^>]*>|<!--.*?-->)*+<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def looks_like_html(text: str) -> bool:
    """True for a web page; False for prose that merely mentions a tag or two.

    A page announces itself near the top (doctype, ``<html>``, ``<head>``, ``<meta>``)
    or is dense with markup, closing tags included; a text article quoting ``<p>`` is neither.
    """
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head[:1] == "<" and _HTML_SIGNS.search(head[:1024]):
        return True
    sample = text[:20000]
    tags = _ANY_TAG.findall(sample)
    closing = sum(1 for tag in tags if tag.startswith("</"))
    return len(tags) >= 10 and closing >= 5 and len(tags) * 30 >= len(sample)


def opens_page(head: bytes) -> bool:
    """Whether ``head``, the first bytes of a file, open an HTML document: a doctype or ``<html>``, after white
    space, an XML declaration or comments.  A saved page starts so whatever it is called (``index.php``,
    ``story.aspx``, wget's ``index.html?p=2``); a stylesheet, a script, an image, a feed or PHP source do not."""
    return _PAGE_OPENING.match(head) is not None


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` or ``http-equiv`` (first 4 KB), else in an XHTML page's XML
    declaration (``<?xml version="1.0" encoding="iso-8859-15"?>``), lower-cased."""
    match = _META_CHARSET.search(raw[:4096]) or _XML_ENCODING.match(raw[:1024])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").strip().lower()
    return name or None
