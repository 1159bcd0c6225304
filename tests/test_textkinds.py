"""The input kinds made from a page's HTML (``bench/textkinds.py``): how training and ``cv_unseen`` read them.

A kind a training adds must be the input ``bench/cv_unseen.py`` tests out of kind, read as a user's file of that
kind is: whole-page Markdown as a ``.md`` file (its links read, not left as syntax), a dump as text.  Needs
``../shared/bench`` for the documents (skipped when it is absent).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bench import cv_unseen, textdata, textkinds, train_text
from cleaner.pipeline import read_document

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
needs_bench = pytest.mark.skipif(not (BENCH / "folds.json").is_file(), reason="../shared/bench is not present")


def test_each_kind_is_read_as_a_users_file_of_that_kind_is() -> None:
    assert textdata.input_format("html2text") == "markdown"
    assert textdata.input_format("markdownify") == "markdown"
    assert textdata.input_format("text_content") == "text"
    assert all(textdata.input_format(kind) == "text" for kind in textdata.KINDS)
    assert set(textdata.KINDS_EXTRA) <= set(textkinds.MAKERS)


def test_training_and_the_out_of_kind_test_make_the_same_input() -> None:
    assert cv_unseen.MAKERS is textkinds.MAKERS
    html = "<html><body><nav><a href='/a'>Home</a></nav><p>The council met on <b>Tuesday</b>.</p></body></html>"
    assert "[Home](/a)" in textkinds.html2text_page(html)
    assert "Home" in textkinds.text_content(html) and "[" not in textkinds.text_content(html)


def test_unknown_kinds_are_refused() -> None:
    assert train_text.kinds_option("bs4,html2text") == ("bs4", "html2text")
    with pytest.raises(argparse.ArgumentTypeError):
        train_text.kinds_option("bs4,pdf")


@needs_bench
def test_whole_page_markdown_is_read_as_markdown_in_training() -> None:
    pages = set(sorted(textdata.gold_of(BENCH, "tfeval"))[:3])
    documents = list(textdata.documents(BENCH, kinds=("html2text",), benches=("tfeval",), pages=pages))
    assert len(documents) == 3
    for document in documents:
        links = document.text.count("](")
        assert links > 10  # whole pages: menus of links
        assert sum(v.text.count("](") for v in document.verdicts) < links / 10
        as_md = read_document(document.text, format="markdown")
        assert [v.text for v in document.verdicts] == [block.text for block in as_md.blocks]
        assert len(document.labels) == len(document.verdicts) and document.labels.sum() > 0
