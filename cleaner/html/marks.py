"""Elements a page marks as byline, dateline, headline, standfirst or brand, found in one pass.

Pages say what an element is through ``class``, ``id``, ``itemprop`` and ``rel``
(``class="byline"``, ``itemprop="author"``, ``class="entry-title"``, ``id="logo"``).
``marks`` files every such element by role, in document order, noting which come
after the first ``<h1>`` (the article's header usually does); one walk over the elements'
attributes finds the candidates, so only marked elements cost more Python work.  The record also
keeps what the readers ask of elements more than once a page: their short texts, the elements after
one, and whether one stands in other texts' part of the page (``Marks.elsewhere``).  ``masthead_names``
gives the site's name where an ``<h1>`` is the masthead.

This module does NOT read names or dates out of the marked elements (``cleaner.html.bylines``),
choose between sources (``meta``, ``dates``, ``authors`` and ``offers`` do) or look at the extracted body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from cleaner.html.elements import MAX_CHILDREN, OTHER_TEXTS, has_block_child, spaced_text, text_of, text_within
from cleaner.html.sources import in_other_item
from cleaner.text.urls import archived_address, split_url

_ROLE = re.compile(  # matched against lower-cased class and id: IGNORECASE would cost five times as much
    r"(?P<byline>author|byline|autor|auteur)|(?P<dateline>date|time|posted|meta|datum|fecha)"
    r"|(?P<brand>site-title|site-name|logo|brand)|(?P<headline>entry-title|post-title|article-title|headline)"
    r"|(?P<standfirst>standfirst|subtitle|subheadline|article-dek|(?:^|\s)dek(?:\s|$))"
)
_HEADLINE_TAGS = frozenset(("h1", "h2", "div", "span", "header"))


@dataclass(slots=True)
class Marks:
    """Marked elements by role, in document order; ``after_h1`` holds those after the first ``<h1>``.

    ``mastheads`` are the ``<h1>`` elements that name the site, not the article (``_mastheads``).
    ``dated`` are the elements whose ``itemprop`` is ``datePublished`` or ``dateCreated``, and ``timed`` the
    ``<time>`` elements with a ``datetime`` attribute (the same pass finds them: the date readers would otherwise
    walk the whole tree again).
    """

    by_role: dict[str, list[HtmlElement]] = field(default_factory=dict)
    after_h1: set[int] = field(default_factory=set)
    h1: list[HtmlElement] = field(default_factory=list)
    mastheads: list[HtmlElement] = field(default_factory=list)
    dated: list[HtmlElement] = field(default_factory=list)
    timed: list[HtmlElement] = field(default_factory=list)
    _texts: dict[HtmlElement, tuple[str, str | None] | int] = field(default_factory=dict)
    _following: dict[HtmlElement, list[HtmlElement]] = field(default_factory=dict)
    _placed: dict[HtmlElement, tuple[bool, str | None]] = field(default_factory=dict)

    def elsewhere(self, element: HtmlElement) -> bool:
        """True inside comments, related-article lists, teasers, sidebars (``OTHER_TEXTS``), and footers and
        asides of the page.

        A footer or aside inside an ``<article>`` is that article's own (its meta box, its entry footer with the
        date and the author); one that holds the article, or stands beside it, is not.  Each ancestor is read
        once a page: the readers ask about elements that share most of their ancestors (the header's).  The tree
        must not change while this record is in use."""
        other_texts, box = self._placement(element)
        return other_texts or box in ("footer", "aside")

    def _placement(self, element: HtmlElement) -> tuple[bool, str | None]:
        """Whether the element or an ancestor below ``<body>`` holds other texts (``OTHER_TEXTS``), and the tag of
        the outermost ``<footer>``, ``<aside>`` or ``<article>`` among them (None: none)."""
        path: list[HtmlElement] = []
        node: HtmlElement | None = element
        placed: tuple[bool, str | None] = (False, None)
        while node is not None and node.tag not in ("body", "html"):
            known = self._placed.get(node)
            if known is not None:
                placed = known
                break
            path.append(node)
            node = node.getparent()
        other_texts, box = placed
        for node in reversed(path):  # from the outermost down: each node's answer is its parent's and its own
            tag = node.tag
            other_texts = (
                other_texts or OTHER_TEXTS.search(f"{node.get('class') or ''} {node.get('id') or ''}") is not None
            )
            box = box or (tag if tag in ("footer", "aside", "article") else None)
            self._placed[node] = (other_texts, box)
        return other_texts, box

    def short_text(self, element: HtmlElement, limit: int) -> str | None:
        """``short_text``, with the element's text read once for the page (the header readers ask the same
        elements with different limits: it is read up to ``SHORT_REACH`` whatever the first asks, so that a
        long one is not read whole again for a longer limit).  The tree must not change while this record is in use."""
        if len(element) > MAX_CHILDREN:
            return None
        known = self._texts.get(element)
        if known is None or (isinstance(known, int) and known < limit):
            reach = max(limit, SHORT_REACH)
            text = text_within(element, reach)
            known = self._texts[element] = reach if text is None else (text, None)  # an int: longer than that
        if isinstance(known, int):
            return None
        text, shown = known
        if len(text) > limit:
            return None
        if shown is None:  # as shown: a space where a block child begins or ends (the test too, once)
            shown = spaced_text(element) if len(element) and has_block_child(element) else text
            self._texts[element] = (text, shown)
        return shown if len(shown) <= limit else None

    def following(self, element: HtmlElement, count: int) -> list[HtmlElement]:
        """The first ``count`` (at most ``MAX_FOLLOWING``) elements after ``element`` in document order, found once."""
        if count > MAX_FOLLOWING:
            raise ValueError(f"at most {MAX_FOLLOWING} following elements are kept, not {count}")
        window = self._following.get(element)
        if window is None:
            window = self._following[element] = list(islice(iter_following(element), MAX_FOLLOWING))
        return window[:count]

    def get(self, role: str, *, header_first: bool = False) -> list[HtmlElement]:
        """The role's elements; with ``header_first``, those after the first ``<h1>`` come first."""
        found = self.by_role.get(role, [])
        if not header_first:
            return found
        return [e for e in found if id(e) in self.after_h1] + [e for e in found if id(e) not in self.after_h1]


def marks(tree: HtmlElement) -> Marks:
    """File every marked element of the tree by role in one pass over the candidate elements."""
    result = Marks()
    seen_h1 = False
    for element in _candidates(tree, result.dated, result.timed):
        tag = element.tag
        if tag == "h1":
            result.h1.append(element)
            seen_h1 = True
        for role in _roles(element, tag):
            result.by_role.setdefault(role, []).append(element)
            if seen_h1:
                result.after_h1.add(id(element))
    result.mastheads = _mastheads(result.h1)
    return result


def _roles(element: HtmlElement, tag: str) -> list[str]:
    """The roles an element's ``itemprop``, ``rel``, ``class`` and ``id`` give it, in ``_ROLE`` order."""
    itemprop, rel = element.get("itemprop"), element.get("rel")
    attrs = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    roles = []
    if (itemprop == "author" and not in_other_item(element)) or rel == "author":
        roles.append("byline")
    if itemprop == "headline":
        roles.append("headline")
    if len(attrs) > 1 and tag not in ("body", "html"):
        for match in _ROLE.finditer(attrs):
            role = match.lastgroup
            if role is not None and role not in roles and (role != "headline" or tag in _HEADLINE_TAGS):
                roles.append(role)
    if tag == "h1" and "headline" not in roles:
        roles.append("headline")
    return roles


MAX_FOLLOWING = 60
SHORT_REACH = 120  # the longest short text the header readers ask of an element (a dateline, a credit line)


def iter_following(element: HtmlElement, tag: str | None = None) -> Iterator[HtmlElement]:
    """The elements (of ``tag``, if given) after ``element`` in document order, its own descendants not
    included: XPath's ``following::*``, lazily.

    Walked from the element's later siblings up through its ancestors' (libxml2 gathers the whole axis,
    the rest of the page, before a predicate takes the first few).
    """
    node: HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter(tag or etree.Element)
        node = node.getparent()


_DATE_ITEMPROPS = ("datePublished", "dateCreated")
_MARKING_VALUES = ("author", "headline")  # an ``itemprop`` or ``rel`` that gives a role by itself
_ROLE_WORD = re.compile(
    r"a(?:ut(?:hor|or|eur)|rticle-(?:title|dek))|b(?:yline|rand)|d(?:ate|atum|ek)|entry-title|fecha|headline"
    r"|logo|meta|post(?:ed|-title)|s(?:ite-(?:title|name)|tandfirst|ubtitle|ubheadline)|time"
)  # every word _ROLE can match: a cheap test of one attribute value


def _candidates(tree: HtmlElement, dated: list[HtmlElement], timed: list[HtmlElement]) -> Iterator[HtmlElement]:
    """The ``<h1>`` elements and those whose attributes may give a role, each once, in document order.

    One walk over the elements asks each for its attribute names (most have none or one); only values
    that contain a role word, or an ``itemprop``/``rel`` naming a role, make an element a candidate.
    This costs about two thirds of selecting every ``class``, ``id``, ``itemprop`` and ``rel`` value by
    XPath, whose union is sorted into document order (and less than selecting the elements that have one
    of them: the walk makes an object of every element either way).  Only the values of those four are
    read (``keys``, then ``get``: an ``href`` or ``src`` is never copied out).  Elements with a publication
    ``itemprop`` go to ``dated`` on the way, ``<time>`` elements with a ``datetime`` to ``timed``, both in
    document order.  A ``class`` or ``id`` value is tested once a page (templates repeat theirs on every
    menu item and teaser).
    """
    search = _ROLE_WORD.search
    tested: dict[str, bool] = {}
    for element in tree.iter(etree.Element):
        names = element.keys()
        marked = element.tag == "h1"
        for name in names:
            if name == "class" or name == "id":
                if not marked:
                    value = element.get(name)
                    if (role_word := tested.get(value)) is None:
                        role_word = tested[value] = search(value.lower()) is not None
                    marked = role_word
            elif name == "itemprop":
                value = element.get(name)
                if value in _DATE_ITEMPROPS:
                    dated.append(element)
                marked = marked or value in _MARKING_VALUES
            elif name == "rel":
                marked = marked or element.get(name) in _MARKING_VALUES
            elif name == "datetime" and element.tag == "time":
                timed.append(element)
        if marked:
            yield element


def masthead_names(found: Marks) -> list[str]:
    """The site's name as its masthead ``<h1>`` elements give it (``Marks.mastheads``)."""
    return [text_of(h1) for h1 in found.mastheads]


def _mastheads(h1s: list[HtmlElement]) -> list[HtmlElement]:
    """``<h1>`` elements that are one link to the site's home page: the site's name, not a headline.

    Blog templates put the blog's name in an ``<h1>`` on every page ("<h1><a href="/">Four Years
    Remaining</a></h1>") and the post's title in an ``<h2>``; such an ``<h1>`` is a masthead.
    """
    found = []
    for h1 in h1s[:5]:
        links = h1.findall(".//a")
        text = text_of(h1)
        if len(links) == 1 and text and text_of(links[0]) == text and _is_home(links[0].get("href") or ""):
            found.append(h1)
    return found


def _is_home(href: str) -> bool:
    """A link to a site's front page ("/", "https://host", "index.html"), also inside a web archive."""
    if not href.strip() or href.startswith("#"):
        return False
    path = split_url(archived_address(href.strip())).path
    return _HOME_PATH.fullmatch(path) is not None


_HOME_PATH = re.compile(r"/?(?:index\.(?:html?|php))?")
