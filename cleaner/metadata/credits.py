"""Credit lines: lines that name the authors and date the article at once.

What this module does:

- ``parse_credit(line)`` reads a line that is a byline and a dateline together ("Posted on
  September 21, 2020 by Adi Tzlil", "von Stefan Beiersmann am 29. Mai 2017, 14:14 Uhr",
  "11.12.2019 - Amelie Loevenich") into a ``Metadata`` record: its authors and its dates.
- ``credited_names(line)`` is the names of a short credit line in a page element: a byline, a
  byline with its date, or "Posted by <user name>".

What it does NOT do: it does not read a byline or a dateline on its own; it cuts a line in two
and asks ``cleaner.metadata.byline`` (names) and ``cleaner.metadata.dates`` (the dateline) about the halves.  It
does not decide from context whether a page element is a credit: the HTML and text layers do.
Lines longer than ``MAX_LINE`` are refused before any matching.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.lexicon import alternation
from cleaner.metadata.byline import BYLINE_PREFIX, IMAGE_CREDIT, TRAILING, parse_byline, parse_names
from cleaner.metadata.dates import COMMENT_TAIL, find_dateline
from cleaner.metadata.datewords import DAY_FIRST_HINT
from cleaner.metadata.names import MAX_LINE, is_agency, is_organisation
from cleaner.model import Metadata


@lru_cache(maxsize=4096)  # once per line: a page's kept lines are read again when it settles
def parse_credit(line: str, *, day_first: bool | None = None) -> Metadata | None:
    """A line that is a byline and a dateline together -> both; None otherwise.

    "Posted on September 21, 2020 by Adi Tzlil", "Written by Ana Sandoiu on July 27, 2017",
    "von Stefan Beiersmann am 29. Mai 2017, 14:14 Uhr", "11.12.2019 - Amelie Loevenich",
    "dpa am 25.01.2022", "Nicole Collignon22. Februar 2020".  ``find_dateline`` refuses such lines
    (a name is not dateline furniture) and ``parse_byline`` would drop their date, so the pipeline
    asks this first.  The line is cut once, at a space or where letters touch digits, into a
    dateline and a credit (byline, bare names, or an agency): at most ~40 cheap tries per line.
    """
    text = line.strip()
    if len(text) > MAX_LINE:
        return None  # refused unread, before any pattern runs
    text = TRAILING.sub("", COMMENT_TAIL.sub("", text))
    if not text or not _has_year(text) or IMAGE_CREDIT.search(text):
        return None
    if _MAY_NAME.search(text) is None:
        return None  # cheap exit: no byline word, no two capitalised words in a row, no agency
    if find_dateline(text, day_first=day_first) is not None:
        return None  # a dateline and nothing else: "Mon 18 Nov 2019 18.54 GMT" credits nobody called GMT
    if day_first is None and DAY_FIRST_HINT.search(text):
        day_first = True  # "Por Adriano Fernandes | 03/05/2022": not an American page
    for cut in _cut_points(text):
        head, tail = text[:cut].strip(" |·•,;–—-"), text[cut:].strip(" |·•,;–—-")
        for names_part, date_part in ((head, tail), (tail, head)):
            if not names_part or not any(char.isdigit() for char in date_part):
                continue
            dateline = find_dateline(date_part, day_first=day_first)
            names = _credit_names(names_part) if dateline else None
            if dateline is not None and names is not None:
                return Metadata(authors=names, published=dateline.published, updated=dateline.updated)
    return None


# What the names' half of a credit line needs: a byline word, a name (two capitalised words, or glued
# to the date: "Nicole Collignon22. Februar 2020"), an agency, or a user name after "von".
_MAY_NAME = re.compile(
    rf"(?i:(?<!\w){alternation('byline_words', 'byline_verbs', 'author_labels', 'agencies')}(?![^\W\d_]))"
    rf"|[A-ZÀ-Þ][^\W\d_]+(?:\s+(?:{alternation('name_particles')}))*[\s-]+[A-ZÀ-Þ]"
)
_YEARISH = re.compile(r"(?:19|20)\d\d|\d\.\d{2}(?!\d)")
_CUTS = re.compile(
    r"\s*[|·•,;–—]\s*|\s+-\s+|(?<=[^\W\d_])\s*(?=\d)|(?<=\d)\s*(?=[^\W\d_])"
    rf"|\s+(?={alternation('byline_words', 'byline_verbs', 'date_prepositions', 'published_labels')}(?!\w))",
    re.IGNORECASE,
)


def _has_year(text: str) -> bool:
    """Whether the text holds a year (19xx, 20xx) or a day and month ("3.05"), in any script's digits: Arabic-Indic
    digits ("بقلم: أحمد محمود ١٢ مارس ٢٠٢٤") are digits to the dateline reader too."""
    if not text.isascii():
        text = _DIGIT.sub(lambda digit: str(int(digit[0])), text)
    return _YEARISH.search(text) is not None


_DIGIT = re.compile(r"\d")  # any script's decimal digit


def _cut_points(text: str) -> list[int]:
    """Where a credit line may divide: at separators, before a byline or dateline word, and where
    letters meet digits ("Kugler19.10.2019", "2019 by").  A name is never divided, and few cuts
    keep the search cheap."""
    cuts = [match.start() for match in _CUTS.finditer(text) if 0 < match.start() < len(text)][:24]
    glued = [cut for cut in cuts if text[cut - 1].isalnum() and text[cut].isalnum()]
    return [cut for cut in cuts if cut not in glued] + glued  # "von Marianne1 am ...": "Marianne1" is whole


def _credit_names(part: str) -> tuple[str, ...] | None:
    """The credit half of a credit line: a byline, bare names, an agency, or 'von <username>'."""
    names = parse_byline(part)
    if names is not None:
        return names
    prefix = BYLINE_PREFIX.match(part)
    if prefix is None:
        names = parse_names(part)
        if names is not None:
            return names
        return () if is_agency(part) else None  # "dpa am 25.01.2022"
    handle = part[prefix.end() :].strip() if prefix else ""
    if re.fullmatch(r"[^\W\d_][\w.-]{1,30}", handle) and not is_organisation(handle):
        return (handle,)  # "von Herr_Rein": a user name, credited as written
    return None


_BY_WORD = re.compile(rf"(?<!\w){alternation('byline_words', 'author_labels', 'credit_labels')}(?!\w)", re.IGNORECASE)
_FILED_UNDER = re.compile(rf"\s+{alternation('filed_under')}\s.*$", re.IGNORECASE)
# a blog's category after its credit: "Von R. R. am 07.08.2013 gespeichert unter Kommunizieren"


def credited_names(line: str) -> tuple[str, ...]:
    """The names a short credit line gives: a byline, a byline with its date, or "Posted by <user>".

    For page elements that sit where credits sit (under the headline, in a dateline element):
    "Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45", "06.11.2023 13:30 von Olga", "Posted by
    Konstantin".  The line must have a byline word (by, von, par, Autor...): a bare name, or a name
    beside a job title, is not enough here, and an agency names nobody.
    """
    if len(line) > MAX_LINE + 80 or not _BY_WORD.search(line):
        return ()  # cheap exit: "Ehrenamt Jugendverbände 23.01.2020" is a category and a date, not a credit
    text = TRAILING.sub("", _FILED_UNDER.sub("", line.strip()))
    if not text or len(text) > MAX_LINE:
        return ()
    names = parse_byline(text)
    if names is None:
        credit = parse_credit(text)
        names = credit.authors if credit is not None else None
    if names is None and BYLINE_PREFIX.match(text):
        names = _credit_names(text)
    return names or ()
