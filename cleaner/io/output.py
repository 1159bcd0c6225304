"""Render a cleaned article in one of the ``clean`` command's output formats.

* ``json``: ``Article.to_dict()`` with the ``source`` path first, indented, one file per article;
* ``jsonl``: the same object on one line (keys sorted, as ``cleaner.io.jsonl`` writes), one line per article;
* ``md``: the canonical Markdown form (``cleaner.io.markdown``), which reads back into the same article;
* ``txt``: the body only, blocks separated by a blank line (metadata lives in the other formats); a block whose
  opening plain text reads as a marker (``* Name changed``, ``# a comment``, ``> quoted``) gets a backslash before
  it, as Markdown escapes it (``plain_text``), so that cleaning the file again gives the same blocks.  The
  article's ``text`` (and the JSON record's) is the blocks as they are: the tool reads a record back by its blocks.

Every format ends with a newline and is a pure function of the article, so the same
input gives the same bytes on every run and with any number of jobs.  This module
does not write files or choose where output goes (the command does).
"""

from __future__ import annotations

import json

from cleaner.io.jsonl import dumps
from cleaner.io.markdown import Extra, render_markdown
from cleaner.model import Article
from cleaner.text.segment import escaped_line

FORMATS = ("json", "jsonl", "md", "txt")
SUFFIXES = {"json": ".json", "jsonl": ".jsonl", "md": ".md", "txt": ".txt"}


def article_record(article: Article, *, source: str) -> dict[str, object]:
    """The JSON object for one article: its source path, then ``Article.to_dict()``."""
    return {"source": source, **article.to_dict()}


def render(article: Article, fmt: str, *, source: str, extra: Extra = ()) -> str:
    """The article in format ``fmt`` (one of ``FORMATS``); ``extra`` goes to Markdown front matter."""
    if fmt == "json":
        return json.dumps(article_record(article, source=source), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return dumps(article_record(article, source=source)) + "\n"
    if fmt == "md":
        return render_markdown(article, extra=extra)
    if fmt == "txt":
        return plain_text(article)
    raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")


def plain_text(article: Article) -> str:
    """The ``txt`` output: ``Article.text``, each block written as a line plain text reads back as that block
    (``segment.escaped_line``), and a final newline; empty for an article without a body."""
    if not article.text:
        return ""
    return "\n\n".join(escaped_line(block.text) for block in article.blocks) + "\n"
