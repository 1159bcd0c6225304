"""Elements a page marks as byline, dateline, headline, standfirst or brand, found in one pass.

Pages say what an element is through ``class``, ``id``, ``itemprop`` and ``rel``
(``class="byline"``, ``itemprop="author"``, ``class="entry-title"``, ``id="logo"``).
``marks`` files every such element by role, in document order, noting which come
after the first ``<h1>`` (the article's header usually does); one walk over the elements'
attributes finds the candidates, so only marked elements cost more Python work.  ``byline_names`` and
``shown_datelines`` read the visible byline and dateline elements.

This module does NOT choose between sources (``htmlmeta``, ``htmldates`` and ``htmlauthors`` do) and does not look at
the extracted body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from cleaner.html.sources import in_other_item
from cleaner.lexicon import alternation, words
from cleaner.metadata.byline import parse_byline
from cleaner.metadata.dates import find_dateline, parse_date
from cleaner.metadata.names import looks_like_name
from cleaner.model import Metadata

_ROLE = re.compile(  # matched against lower-cased class and id: IGNORECASE would cost five times as much
    r"(?P<byline>author|byline|autor|auteur)|(?P<dateline>date|time|posted|meta|datum|fecha)"
    r"|(?P<brand>site-title|site-name|logo|brand)|(?P<headline>entry-title|post-title|article-title|headline)"
    r"|(?P<standfirst>standfirst|subtitle|subheadline|article-dek|(?:^|\s)dek(?:\s|$))"
)
_HEADLINE_TAGS = frozenset(("h1", "h2", "div", "span", "header"))
# Class or id tokens of containers holding other texts, also behind a short namespace ("kb-comment",
# "c-related"), but not state modifiers of the article's own wrapper ("has-sidebar", "no-comments").
OTHER_TEXTS = re.compile(
    r"(?:^|\s)(?!(?:has|with|no|is|show|hide)-)(?:[a-z\d]{1,4}-)?(?:comment|related|teaser|sidebar|weitere)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
MAX_DATELINE = 120


@dataclass(slots=True)
class Marks:
    """Marked elements by role, in document order; ``after_h1`` holds those after the first ``<h1>``.

    ``mastheads`` are the ``<h1>`` elements that name the site, not the article (``_mastheads``).
    ``dated`` are the elements whose ``itemprop`` is ``datePublished`` or ``dateCreated`` (the same pass
    finds them: the date reader would otherwise search the whole tree again).
    """

    by_role: dict[str, list[HtmlElement]] = field(default_factory=dict)
    after_h1: set[int] = field(default_factory=set)
    h1: list[HtmlElement] = field(default_factory=list)
    mastheads: list[HtmlElement] = field(default_factory=list)
    dated: list[HtmlElement] = field(default_factory=list)
    _texts: dict[HtmlElement, tuple[str, str | None]] = field(default_factory=dict)
    _following: dict[HtmlElement, list[HtmlElement]] = field(default_factory=dict)

    def short_text(self, element: HtmlElement, limit: int) -> str | None:
        """``short_text``, with the element's text read once for the page (the header readers ask the same
        elements with different limits).  The tree must not change while this record is in use."""
        if len(element) > MAX_CHILDREN:
            return None
        known = self._texts.get(element)
        if known is None:
            known = self._texts[element] = (text_of(element), None)
        text, spaced = known
        if len(text) > limit:
            return None
        if len(element) and _HAS_BLOCK_CHILD(element):
            if spaced is None:
                spaced = _spaced_text(element)
                self._texts[element] = (text, spaced)
            text = spaced
        return text if len(text) <= limit else None

    def following(self, element: HtmlElement, count: int) -> list[HtmlElement]:
        """The first ``count`` (at most ``MAX_FOLLOWING``) elements after ``element`` in document order, found once."""
        if count > MAX_FOLLOWING:
            raise ValueError(f"at most {MAX_FOLLOWING} following elements are kept, not {count}")
        window = self._following.get(element)
        if window is None:
            window = self._following[element] = _FOLLOWING(element)
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
    for element in _candidates(tree, result.dated):
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
_FOLLOWING = etree.XPath(f"following::*[position() <= {MAX_FOLLOWING}]")
_DATE_ITEMPROPS = ("datePublished", "dateCreated")
_MARKING_VALUES = ("author", "headline")  # an ``itemprop`` or ``rel`` that gives a role by itself
_ROLE_WORD = re.compile(
    r"a(?:ut(?:hor|or|eur)|rticle-(?:title|dek))|b(?:yline|rand)|d(?:ate|atum|ek)|entry-title|fecha|headline"
    r"|logo|meta|post(?:ed|-title)|s(?:ite-(?:title|name)|tandfirst|ubtitle|ubheadline)|time"
)  # every word _ROLE can match: a cheap test of one attribute value


def _candidates(tree: HtmlElement, dated: list[HtmlElement]) -> Iterator[HtmlElement]:
    """The ``<h1>`` elements and those whose attributes may give a role, each once, in document order.

    One walk over the elements asks each for its attributes (most have none or one); only values
    that contain a role word, or an ``itemprop``/``rel`` naming a role, make an element a candidate.
    This costs about two thirds of selecting every ``class``, ``id``, ``itemprop`` and ``rel`` value by
    XPath, whose union is sorted into document order.  Elements with a publication ``itemprop`` go
    to ``dated`` on the way, in document order.
    """
    search = _ROLE_WORD.search
    for element in tree.iter(etree.Element):
        marked = element.tag == "h1"
        for name, value in element.items():
            if name == "class" or name == "id":
                marked = marked or search(value.lower()) is not None
            elif name == "itemprop":
                if value in _DATE_ITEMPROPS:
                    dated.append(element)
                marked = marked or value in _MARKING_VALUES
            elif name == "rel":
                marked = marked or value in _MARKING_VALUES
        if marked:
            yield element


def elsewhere(element: HtmlElement) -> bool:
    """True inside comments, related-article lists, teasers, sidebars, and footers and asides of the page.

    A footer or aside inside an ``<article>`` is that article's own (its meta box, its entry
    footer with the date and the author); one that holds the article, or stands beside it, is not.
    """
    node: HtmlElement | None = element
    in_box = False
    while node is not None and node.tag not in ("body", "html"):
        if OTHER_TEXTS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        if node.tag in ("footer", "aside"):
            in_box = True
        elif node.tag == "article":
            in_box = False
        node = node.getparent()
    return in_box


def text_of(element: HtmlElement) -> str:
    """The element's text, whitespace collapsed (``str.split`` splits at what ``\\s`` matches, faster)."""
    return " ".join(element.text_content().split())


def short_text(element: HtmlElement, limit: int) -> str | None:
    """The element's text if it is a small element with at most ``limit`` characters, else None.

    Checked cheaply first (a container of the whole article has many children), so a marked
    wrapper never costs a walk over the page's text.
    """
    if len(element) > MAX_CHILDREN:
        return None
    text = text_of(element)
    if len(text) > limit:
        return None
    if len(element) and _HAS_BLOCK_CHILD(element):  # walked in Python, so only once the text is known to be short
        text = _spaced_text(element)
    return text if len(text) <= limit else None


MAX_CHILDREN = 8
_BLOCK_TAGS = ("li", "p", "div", "br", "dd", "dt", "td", "th", "h2", "h3", "h4", "h5", "h6")
_HAS_BLOCK_CHILD = etree.XPath("boolean(" + " | ".join(f".//{tag}" for tag in _BLOCK_TAGS) + ")")
_BLOCK_TAG_SET = frozenset(_BLOCK_TAGS)


def _spaced_text(element: HtmlElement) -> str:
    """The element's text with a space where a block child begins or ends.

    ``text_content`` glues list items and lines together ("Brasília" + "03/05/2022 21:44" reads
    "Brasília03/05/2022 21:44"), which hides a date from the date reader.
    """
    pieces: list[str] = []
    _gather_text(element, pieces)
    return " ".join("".join(pieces).split())


def _gather_text(element: HtmlElement, pieces: list[str]) -> None:
    if isinstance(element.tag, str):  # a comment's text is not shown
        pieces.append(element.text or "")
    for child in element:
        block = child.tag in _BLOCK_TAG_SET
        pieces.append(" " if block else "")
        _gather_text(child, pieces)
        pieces.append(" " if block else "")
        pieces.append(child.tail or "")


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
    path = urlsplit(href.strip()).path
    archived = _ARCHIVED.match(path)
    if archived:
        path = urlsplit(archived[1]).path
    return _HOME_PATH.fullmatch(path) is not None


_ARCHIVED = re.compile(r"/web/\d+[a-z_]*/(https?://.*)")
_HOME_PATH = re.compile(r"/?(?:index\.(?:html?|php))?")


# ----------------------------------------------------------------- bylines


def byline_names(found: Marks) -> list[str]:
    """Names from the first usable byline element, those after the headline first.

    Elements inside comments, related lists, teasers, sidebars and footers are skipped: the
    names there are other people's.
    """
    for element in found.get("byline", header_first=True)[:20]:
        if elsewhere(element) or media_credit(element) or element in found.mastheads:
            continue  # a masthead classed "vcard author" names the blog, not the post's author
        names = names_in(element)
        if names:
            return names
    return []


def media_credit(element: HtmlElement) -> bool:
    """True for an "author" of an image: inside a figure, a caption or a licence/credit box (a few levels up)."""
    for node in (element, *element.iterancestors()):
        if node.tag in ("figure", "figcaption") or _MEDIA_CREDIT.search(
            f"{node.get('class') or ''} {node.get('id') or ''}"
        ):
            return True
        if node.tag in ("article", "main", "body"):
            return False
    return False


_MEDIA_CREDIT = re.compile(r"licen[cs]e|caption|copyright|credit|bildnachweis|bildquelle", re.IGNORECASE)


_LABEL = re.compile(
    rf"^(?:{alternation('byline_verbs', 'author_labels', 'credit_labels', 'byline_words', 'date_prepositions')}"
    r"(?:\b|(?=(?-i:[A-ZÀ-Þ])))[\s:]*)+",
    re.IGNORECASE,
)
_TRAILER = re.compile(rf"\s+(?:{alternation('date_prepositions')}|\||-|–|—|/)\s.*$|\s*[|,(/].*$", re.IGNORECASE)
_AFTER_BY = re.compile(rf"\s{alternation('byline_words')}\s+", re.IGNORECASE)
_JOINERS = words("name_joiners") | {"&", ",", "/", "|", "·", "•"}


def names_in(element: HtmlElement) -> list[str]:
    """Names in a byline element: a whole "By A and B" line, else its linked names, else its name-like pieces."""
    named = element.xpath('.//*[@itemprop="name"]')
    if named:
        return [text_of(node) for node in named if 2 <= len(text_of(node)) <= 60]
    whole = short_text(element, 200)
    if whole is None:
        return []
    parsed = parse_byline(whole)
    if parsed:
        return list(parsed)
    links = [link for link in element.iter("a") if text_of(link)]
    pieces = [text_of(link) for link in links] if links else list(element.itertext())
    names = [name for name in map(_name_piece, pieces) if name]
    if len(names) > 1 or not links:
        names = [name for name in names if looks_like_name(name)] or (names if len(names) == 1 else [])
    return names


def _name_piece(piece: str) -> str | None:
    """One text piece of a byline element as a candidate name, without labels; None for dates and words."""
    piece = _SPACES.sub(" ", piece).strip()
    if not piece or parse_date(piece):
        return None
    after = _AFTER_BY.split(piece)
    piece = _LABEL.sub("", after[-1] if len(after) > 1 else piece)
    listed = [part.strip() for part in piece.split(",")]
    if len(listed) > 1 and all(map(looks_like_name, listed)):
        return piece.strip(" :,.-")  # "A B, C D": names listed, not a name and its role
    piece = _TRAILER.sub("", piece).strip(" :,.-")
    words = piece.split()
    if not words or piece.lower() in _JOINERS or len(piece) > 60 or len(words) > 5:
        return None
    return None if len(words) > 1 and any(ch.isdigit() for ch in piece) else piece


def header_byline(tree: HtmlElement, found: Marks) -> list[str]:
    """Names from a short "By A and B" / "Von A" line right after the headline or in a dateline element.

    Many sites print the byline in an unmarked element under the ``<h1>``; ``parse_byline`` only
    accepts lines that are bylines as a whole, so prose is never read as one.
    """
    return next((names for _, names in header_bylines(tree, found, limit=1)), [])


def header_bylines(tree: HtmlElement, found: Marks, *, limit: int) -> Iterator[tuple[HtmlElement, list[str]]]:
    """The first ``limit`` byline lines of ``header_byline``, each with its element."""
    after = found.following(found.h1[0], HEADER_WINDOW) if found.h1 else []
    count = 0
    for element in [*after, *found.get("dateline")[:20]]:
        text = found.short_text(element, 100)
        if text is not None and _LABEL_ONLY.fullmatch(text):
            text = f"{text} {_SPACES.sub(' ', element.tail or '').strip()}"  # <h5>Autor:</h5> Peter Maahn
        if text is None or len(text) < 4 or not _BYLINE_WORD.search(text) or elsewhere(element):
            continue
        names = parse_byline(text) or parse_byline(_DATE_PREFIX.sub("", text))
        if names:
            yield element, list(names)
            count += 1
            if count >= limit:
                return


HEADER_WINDOW = 60
_BYLINE_WORD = re.compile(  # a cheap test before parse_byline; "ByJane Doe" is glued in some markup
    rf"(?:^|\W)(?i:{alternation('byline_words', 'byline_verbs', 'author_labels', 'credit_labels')})"
    r"(?:\W|$|(?=[A-ZÀ-Þ]))"
)
_DATE_PREFIX = re.compile(r"^[\d.:/ -]+(?:uhr\s+)?", re.IGNORECASE)
# A label element whose value is the text after it, outside any element.
_LABEL_ONLY = re.compile(rf"(?i:{alternation('byline_words', 'author_labels', 'credit_labels')})\s*:")


# ----------------------------------------------------------------- datelines


def shown_datelines(found: Marks, day_first: bool | None = None) -> Iterator[Metadata]:
    """The dates of the short visible dateline elements, header first (an unlabelled date is published).

    The dates of a listing are not the article's (see ``in_listing``).  ``day_first`` reads an
    ambiguous slash date ("03/05/2022"); None refuses to guess.
    """
    datelines = found.get("dateline", header_first=True)
    for element in datelines[:25]:
        text = found.short_text(element, MAX_DATELINE)
        if text is None or len(text) < 6 or elsewhere(element):
            continue
        dateline = find_dateline(text, day_first=day_first)
        if dateline is None:
            date = parse_date(text, day_first=day_first)
            dateline = Metadata(published=date) if date else None
        if dateline and not in_listing(element, text, datelines):
            yield dateline


def in_listing(element: HtmlElement, text: str, datelines: list[HtmlElement]) -> bool:
    """True when two or more other dateline elements of the same tag and class show other dates.

    An article has one publication line (two with its update); a run of alike elements each
    with its own date is a list of other articles, whatever the list's container is called.
    """
    key = (element.tag, element.get("class"))
    others = 0
    for other in datelines:
        if other is element or (other.tag, other.get("class")) != key:
            continue
        other_text = short_text(other, MAX_DATELINE)
        if other_text and other_text != text and any(char.isdigit() for char in other_text):
            others += 1
            if others >= 2:
                return True
    return False
