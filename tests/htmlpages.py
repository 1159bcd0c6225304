"""Small HTML pages for the HTML-mode tests: one skeleton, each test file choosing its menu and footer.

``html_page(body, head, lang, nav=..., footer=...)`` wraps an article's markup in a whole page (doctype,
``<html lang>``, a ``<head>`` with a charset and ``head``, a ``<nav>`` menu, ``body``, a footer);
``jsonld(data)`` is a JSON-LD script element for a page's head.
"""

from __future__ import annotations

import json

HOME = "<a href='/'>Home</a>"
HOME_AND_NEWS = "<a href='/'>Home</a> <a href='/news'>News</a>"


def html_page(body: str, head: str = "", lang: str = "en", *, nav: str = HOME, footer: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body><nav>{nav}</nav>{body}{footer}</body></html>"
    )


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'
