"""Pages whose article is only outside their markup (trial45): a framework's script state (Next.js
``__NEXT_DATA__``, ``window.__INITIAL_STATE__ = {...}``), an ``<iframe srcdoc>``, a ``<template>``, under a shell
body ("enable JavaScript").  The article is taken from there where the markup shows under a tenth of it, and the
audit names where it came from (``extractor.embedded-body``); a page that shows its article keeps it."""

from __future__ import annotations

import html
import json
from pathlib import Path

from test_page_shapes import PARAGRAPHS, TITLE

from cleaner import clean, clean_file

NOTICE = "You need to enable JavaScript to run this app."
SHELL = f'<div id="__next"></div><noscript>{NOTICE}</noscript>'
RELATED = "Another story about the harbour, its budget for the coming year and the council's plans for it."


def page(body: str) -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Westerlee Courier</title>'
        f"</head><body>{body}</body></html>"
    )


def next_data(paragraphs: list[str]) -> str:
    """Next.js's state: the article as a list of paragraph blocks, a summary and related teasers beside it."""
    article = {
        "title": TITLE,
        "summary": "The harbour commission closes the old ferry slip for repairs, with a shuttle bus in its place.",
        "content": [{"type": "paragraph", "text": text} for text in paragraphs],
        "related": [{"title": "Budget", "teaser": RELATED}],
    }
    data = {"props": {"pageProps": {"article": article}}, "page": "/news/[slug]"}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


def audit(article: object) -> dict[str, str]:
    return {removal.text: removal.rule for removal in article.removed}  # type: ignore[attr-defined]


def test_an_article_only_in_next_data_is_the_body(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(page(SHELL + next_data(PARAGRAPHS)), encoding="utf-8")
    article = clean_file(tmp_path / "story.html")
    assert [block.text for block in article.blocks] == PARAGRAPHS
    assert article.title == TITLE and article.language == "en"
    removed = audit(article)
    assert removed[NOTICE] == "extractor.outside-content"  # the shell's notice: audited, not body
    note = [text for text, rule in removed.items() if rule == "extractor.embedded-body"]
    assert len(note) == 1 and '<script id="__NEXT_DATA__">' in note[0]


def test_an_article_in_a_window_state_assignment_written_as_html_is_the_body() -> None:
    state = {
        "article": {"headline": TITLE, "bodyHtml": "".join(f"<p>{text}</p>" for text in PARAGRAPHS)},
        "config": {"cookieText": "We use cookies to make this site work and to measure how it is used here."},
    }
    script = f"<script>window.__INITIAL_STATE__ = {json.dumps(state)};</script>"
    article = clean(page(SHELL + script), format="html")
    assert [block.text for block in article.blocks] == PARAGRAPHS
    assert "extractor.embedded-body" in audit(article).values()


def test_an_article_in_an_iframe_srcdoc_or_a_template_is_the_body() -> None:
    markup = f"<article><h1>{TITLE}</h1>" + "".join(f"<p>{text}</p>" for text in PARAGRAPHS) + "</article>"
    for body in (f'<iframe srcdoc="{html.escape(markup)}"></iframe>', f"{SHELL}<template>{markup}</template>"):
        article = clean(page(body), format="html")
        assert [block.text for block in article.blocks] == PARAGRAPHS  # the headline is the title, not body
        assert "extractor.embedded-body" in audit(article).values()


def test_a_page_showing_its_article_keeps_its_markup_and_notes_nothing() -> None:
    shown = f"<article><h1>{TITLE}</h1>" + "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:2]) + "</article>"
    article = clean(page(shown + next_data(PARAGRAPHS)), format="html")
    assert [block.text for block in article.blocks] == PARAGRAPHS[:2]
    assert "extractor.embedded-body" not in audit(article).values()


def test_a_shell_whose_state_holds_no_article_takes_nothing_from_it() -> None:
    """Settings and one teaser are no article: the state's longest prose must be an article's length."""
    state = {"i18n": {"cookies": RELATED, "footer": RELATED.upper()}, "items": [{"teaser": RELATED}]}
    script = f"<script>window.__APP__ = {json.dumps(state)}</script>"
    article = clean(page(SHELL + script), format="html")
    assert "extractor.embedded-body" not in audit(article).values() and RELATED not in article.text
