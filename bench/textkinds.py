"""Input kinds made from a bench page's HTML, as users bring them: the converters and the reading each one gets.

    from bench.textkinds import MAKERS
    make, form = MAKERS["html2text"]
    article = clean(make(html), format=form)          # form: how a user's file of that kind is read

The five kinds the text model has always learned from are files of the bench (``bench/textdata.py``).  These are
made here, the same way for ``bench/cv_unseen.py`` (kinds the model never trained on, out of kind) and for
``bench/textdata.py`` (the kinds a training may add, ``KINDS_EXTRA``), so a kind's training rows and its
out-of-kind test are the same input:

* ``text_content``: lxml's ``text_content()`` of the page's ``<body>``, the source's own line breaks and
  indentation kept (a dump made without a text renderer: blocks run together where the markup had no break);
* ``justext``: every paragraph jusText segments the page into, boilerplate and all, one per line (a dump
  cut at another segmenter's paragraph boundaries);
* ``markdown``: trafilatura's Markdown (``output_format="markdown"``, formatting kept), read as a ``.md``
  file is (``format="markdown"``);
* ``markdown_meta``: the same with trafilatura's metadata as front matter (``with_metadata=True``: ``title``,
  ``author``, ``date`` and keys of its own), read as a ``.md`` file is;
* ``html2text`` and ``markdownify``: the whole page in Markdown, menus, links and images and all, as scrapers
  save pages, by two converters (``pip install -e '.[bench]'``), read as a ``.md`` file is;
* ``recall``: trafilatura's output with ``favor_recall=True`` (extractor output that keeps more furniture).

Nothing here cleans, scores or trains.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal


def text_content(html: str) -> str:
    """lxml's ``text_content()`` of the body (the whole document when it has none), blank lines squeezed."""
    import lxml.html

    root = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    for element in list(root.iter("script", "style", "noscript", "template")):
        element.drop_tree()
    body = root.find("body")
    text = (body if body is not None else root).text_content()
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(line for index, line in enumerate(lines) if line.strip() or (index and lines[index - 1].strip()))


def justext_paragraphs(html: str) -> str:
    """Every paragraph jusText finds, boilerplate included, one per line."""
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), frozenset(), encoding="utf-8")
    return "\n".join(paragraph.text for paragraph in paragraphs)


def markdown(html: str) -> str:
    """trafilatura's extraction in Markdown, formatting kept."""
    import trafilatura

    return trafilatura.extract(html, output_format="markdown", include_formatting=True) or ""


def markdown_with_metadata(html: str) -> str:
    """trafilatura's Markdown with its metadata as front matter (``author``, ``date``: keys of its own)."""
    import trafilatura

    return trafilatura.extract(html, output_format="markdown", include_formatting=True, with_metadata=True) or ""


def html2text_page(html: str) -> str:
    """The whole page in Markdown, menus and all (html2text, lines not wrapped)."""
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    return converter.handle(html)


def markdownify_page(html: str) -> str:
    """The page's ``<body>`` in Markdown by markdownify (scripts and styles left out)."""
    import lxml.html
    from markdownify import markdownify

    root = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    for element in list(root.iter("script", "style", "noscript", "template")):
        element.drop_tree()
    body = root.find("body")
    return markdownify(lxml.html.tostring(body if body is not None else root, encoding="unicode"))


def recall(html: str) -> str:
    """trafilatura's extraction with ``favor_recall=True``."""
    import trafilatura

    return trafilatura.extract(html, favor_recall=True) or ""


Form = Literal["text", "markdown"]

MAKERS: dict[str, tuple[Callable[[str], str], Form]] = {
    "text_content": (text_content, "text"),
    "justext": (justext_paragraphs, "text"),
    "markdown": (markdown, "markdown"),
    "markdown_meta": (markdown_with_metadata, "markdown"),
    "html2text": (html2text_page, "markdown"),
    "markdownify": (markdownify_page, "markdown"),
    "recall": (recall, "text"),
}

NEEDS = {"html2text": ("html2text",), "markdownify": ("markdownify",)}  # the converters of the extra '.[bench]'
