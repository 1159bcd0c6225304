"""Links: the Markdown of links and images read as the text a reader sees.

Scrapers that save pages as Markdown (html2text, markdownify and the crawlers built on them) keep every
link as ``[text](url "title")`` and every image as ``![alt](src)``.  The URLs are markup, as an HTML page's
``href`` is: they are no words of the article, and a menu of links reads as a menu only once they are gone.
So in a document written in Markdown a link becomes its text, and an image (the alt text of a picture, a
logo, a tracking pixel) becomes nothing, as in HTML mode; a link whose text is only an image goes with it.

Plain text is taken for Markdown when it holds at least ``MIN_LINKS`` links or images: an article that
quotes the syntax once or twice (a post about Markdown) keeps it as written.  A Markdown file is Markdown
whatever it holds (``cleaner.pipeline.reading.read_markdown``).

What it does NOT do: it reads no other Markdown (in the same documents, underlined headings are
``cleaner.text.headings``'s, emphasis ``cleaner.text.emphasis``'s and escapes ``cleaner.text.escapes``'s; ``#``
headings, lists and quotes are ``cleaner.text.segment``'s), and it keeps bare URLs and reference-style links as
they are.
"""

from __future__ import annotations

import re

MIN_LINKS = 3
MAX_DEPTH = 4  # links read inside links at most this deep
_TARGET = r"\((?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
IMAGE = re.compile(r"!\[[^\[\]\n]*\]" + _TARGET)
LINK = re.compile(r"\[([^\[\]\n]*)\]" + _TARGET)


def written_in_markdown(text: str) -> bool:
    """Whether ``text`` holds at least ``MIN_LINKS`` Markdown links or images (an image's brackets count as a link)."""
    return "](" in text and len(LINK.findall(text)) >= MIN_LINKS


def read_links(text: str) -> str:
    """``text`` with its Markdown links read as their text and its images dropped, whatever it holds (the
    caller asked ``written_in_markdown``)."""
    text = IMAGE.sub("", text)
    for _ in range(MAX_DEPTH):  # a link inside a link's text ("[[a](u)](v)") shows once the inner one is read
        text, count = LINK.subn(_link_text, text)
        if not count:
            break
    return text


def _link_text(match: re.Match[str]) -> str:
    return match[1].strip()
