"""The elements after an element, walked in Python, are XPath's ``following::`` axis in document order."""

from __future__ import annotations

from itertools import islice

import lxml.html
from lxml import etree

from cleaner.html.marks import iter_following

PAGE = """<html><body>
<header><div class="top"><h1>Headline <b>bold</b></h1><p class="by">By Ann Lee</p></div>
<time datetime="2020-01-02">2 Jan</time></header>
<main><article><p>One <a href="/x">link</a> and <time>no datetime</time></p>
<ul><li>item <span>a</span></li><li>item b</li></ul><time datetime="2020-01-03">3 Jan</time></article></main>
<footer><p>Footer</p></footer></body></html>"""


def test_iter_following_is_the_following_axis_from_every_element() -> None:
    tree = lxml.html.fromstring(PAGE)
    for element in tree.iter(etree.Element):
        assert list(iter_following(element)) == element.xpath("following::*")


def test_iter_following_by_tag_is_the_axis_filtered() -> None:
    tree = lxml.html.fromstring(PAGE)
    h1 = next(tree.iter("h1"))
    dated = (t for t in iter_following(h1, "time") if t.get("datetime") is not None)
    assert list(islice(dated, 1)) == h1.xpath("following::time[@datetime][1]")
    # the headline's own <b> is inside it, not after it
    assert [e.tag for e in islice(iter_following(h1), 3)] == ["p", "time", "main"]
