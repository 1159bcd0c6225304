"""Person names and organisations: shape tests for one name or one short phrase.

What this layer does:

- ``looks_like_name(text)`` says whether a bare line is shaped like a person's name ("Christian
  Baghai", "Jean-Luc O'Brien van Dam", "Chokri GHARBI").
- ``is_organisation(name)`` says whether a name is an agency, a newsroom, a publication, a company
  by its legal form, a domain, an acronym or the site itself: never a person author.
- The pieces ``cleaner.metadata.byline`` builds its bylines from: ``person_shape`` (capitalised name tokens
  between bounds), ``is_name_token``, ``caseless_name`` (a name in a script without capitals, read only
  after a byline label), ``is_job_title``, ``backs_name`` (a job title or agency that
  vouches for a name beside it), ``name_before_title`` ("Richard Adams Education editor"),
  ``undouble``, ``title_case`` and ``is_user_name`` ("freeman1984").
- ``is_account`` and ``is_nobody``: a CMS's default account or a bare role or newsroom word
  ("Super User", "admin", "Herausgeber", "Redazione"), which names no person; ``names_no_person``: any
  author value that is no person (these, an organisation, or a value holding a slash).

What it does NOT do: it tests one name or phrase and never splits a line.  Byline words ("By",
"Von", "Par"), separators, lists of names and dates are ``cleaner.metadata.byline``'s, credit lines are
``cleaner.metadata.credits``'; whether a name-shaped line is a byline is the pipeline's call, from where
the line stands.  It never changes a name except in ``title_case`` and ``undouble``, which
callers apply to all-capitals sources and to names printed twice.

The word tables are in the languages the byline layer reads (mostly English, German, French and
Spanish); patterns are anchored or plain alternations without nested quantifiers, and
``is_organisation`` refuses text longer than ``MAX_LINE`` unread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from cleaner.lexicon import alternation, words
from cleaner.metadata.dates import parse_date
from cleaner.text.shape import letters_and_digits

MAX_LINE = 200
"""A byline, or a line of names, is short; longer lines are prose and are refused unread."""

_COMPANY = re.compile(
    rf"(?<!\w)(?:{alternation('company_forms')}|e\.\s?v(?!\w)\.?)(?!\w)"  # "e.V.", "e. V", a German association
    rf"|\s{alternation('company_forms_final')}\.?$",
    re.IGNORECASE,
)


PARTICLES = words("name_particles")
_JOB_ENDINGS = r"(?:in|innen|en|e)?"  # German endings of a job word: "Redakteurin", "Korrespondenten"
JOB_WORD = (
    rf"(?<![^\W\d_])(?:[^\W\d_]*{alternation('job_stems')}{_JOB_ENDINGS}|{alternation('job_words')})"
    r"(?![^\W\d_]|[-'’])"
)
"""A job word as a pattern ("Senior Reporter", "Redakteurin"): a name beside it is a byline's."""
_TITLE_WORDS = re.compile(JOB_WORD, re.IGNORECASE)
_WRITER = re.compile(rf"[^\W\d_]*{alternation('writer_stems')}{_JOB_ENDINGS}", re.IGNORECASE)
_ORG_NAMES = words("agencies")
_ORG_WORDS = words("organisation_words")
_NOT_NAME_WORDS = words("not_name_words")
_NEWSROOM = words("newsroom_words")
_ACCOUNTS = words("account_words")
_NOBODY_WORDS = _ACCOUNTS | _NEWSROOM
_NAME_PREFIX = re.compile(rf"^{alternation('name_prefixes')}[-'’](?=\w)", re.IGNORECASE)
_CAPITALS = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]{2,}")
# the patterns of the tests below, compiled once
_WORD_BREAK = re.compile(r"[\s-]+")
_ACCOUNT_BREAK = re.compile(r"[\s_-]+")
_DOMAIN = re.compile(r"\w\.[a-z]{2,4}$")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_GLUED = re.compile(r"[^\W\d_]{4}[A-Z]|['’]s$")
_NAME_BREAK = re.compile(r"[-'’]")
_NAME_BREAK_KEPT = re.compile(r"([-'’])")
_UNSPACED_SCRIPTS = re.compile("[\u2e80-\ud7ff]")  # CJK, kana, Hangul: scripts that write a name as one word


def looks_like_name(text: str) -> bool:
    """A bare person name line such as 'Christian Baghai'.

    2-4 capitalised name tokens, particles (van, von, de, al-) allowed, no digits, no sentence
    punctuation, no job or organisation words, not all in capitals (that is a heading).  This is a
    shape test only; the pipeline decides from context whether such a line is a byline.
    """
    text = text.strip()
    if not 3 <= len(text) <= 60 or text.isupper():
        return False
    if is_organisation(text) or is_job_title(text):
        return False
    return person_shape(text, min_tokens=2, max_tokens=4)


@lru_cache(maxsize=8192)  # asked of every author value's names, and again of the same names on each page
def is_organisation(name: str, *, site_name: str | None = None) -> bool:
    """An agency, newsroom, publication or the site itself, which is never a person author."""
    if len(name) > MAX_LINE:
        return False  # a text this long is not a name of anything
    key = _org_key(name)
    if not key:
        return False
    if key in _ORG_NAMES or is_company(name):
        return True  # an agency, or a company by its legal form: "Nordex SE", "Stiftung e.V."
    words = _WORD_BREAK.split(key)
    if len(words) <= 5 and name.strip()[:1].isupper() and any(word in _ORG_WORDS for word in words):
        return True  # "BBC News", "Zeit Online"; not a sentence that happens to say "magazine"
    if _DOMAIN.search(key):
        return True  # a domain name: example.com
    bare = name.strip()
    if bare.isupper() and bare.isalpha() and len(bare) <= 5:
        return True  # an acronym: AFP, KNA, NYT
    return site_name is not None and is_site_name(name, [site_name])


def is_account(text: str) -> bool:
    """A CMS's default or placeholder account, or a bare role: "Super User", "admin", "Gast", "Webmaster".

    Every word of it is an account word; such a value names nobody, neither person nor organisation.
    """
    return _only_words_of(text, _ACCOUNTS)


def is_nobody(text: str) -> bool:
    """An account (``is_account``) or a bare newsroom word ("Redazione", "Site Admin Team"): never a person."""
    return _only_words_of(text, _NOBODY_WORDS)


def _only_words_of(text: str, table: frozenset[str]) -> bool:
    tokens = [token for token in _ACCOUNT_BREAK.split(_org_key(text)) if token]
    return bool(tokens) and len(tokens) <= 4 and all(token in table for token in tokens)


def names_no_person(name: str, *, site_name: str | None = None) -> bool:
    """An author value that is no person's name, a byline label taken off before: an organisation, a newsroom, the
    site (``is_organisation``), an account or a bare role (``is_nobody``), or a value holding a slash ("Anna
    Weber/dpa": a writer and an agency, or two writers, as one value; no person's name holds a slash).

    The one test of it: the pipeline drops such text-line authors (``cleaner.pipeline.cleaning``), and the bench
    scores a chosen candidate as the pipeline reports it (``bench/metadata_data.py``).
    """
    return "/" in name or is_organisation(name, site_name=site_name) or is_nobody(name)


def is_site_name(text: str, site_names: Iterable[str]) -> bool:
    """Whether ``text`` is the site's own name: the one test of it, for titles, bylines and authors.

    Compared on letters and digits alone, without case, a leading "The", "www." or a host's
    ending, ``text`` is the site's name when it is one of the names the site gives itself
    (og:site_name, publisher, host, logo: "Zeit Online", "zeit-online.de", "thenational.ae" for
    "National"), or one of them with at most ``SITE_SLACK`` characters more ("ZEIT ONLINE.de"), or
    a part of one that is not a host ("Zeit" of "Zeit Online").  A person's name inside the
    site's name is the person ("Jane Doe" of "Jane Doe Blog", "Daniel Lemire" of "Daniel Lemire's
    blog"), and a part of a host is not the site ("Heiko" writes at heiko-adams.de).
    """
    key = letters_and_digits(_org_key(text))
    if not key:
        return False
    for name in site_names:
        site, host = _site_key(name)
        for whole in filter(None, {site, site.removeprefix("the"), letters_and_digits(_org_key(name))}):
            if key == whole or (whole in key and len(key) <= len(whole) + SITE_SLACK):
                return True
        person = person_shape(text, min_tokens=2, max_tokens=4) or _possessed(text, name)
        if not host and key in site and not person:
            return True
    return False


SITE_SLACK = 4
_HOST = re.compile(r"(?:https?://)?(?:www\d?\.)?(?P<name>[^\s/]+?)\.[a-z]{2,6}/?")


@lru_cache(maxsize=1024)
def _site_key(name: str) -> tuple[str, bool]:
    """The comparison key of a name the site gives itself, and whether that name is a host."""
    folded = _org_key(name)
    host = _HOST.fullmatch(folded)
    return letters_and_digits(host["name"] if host else folded), host is not None


def _possessed(text: str, site_name: str) -> bool:
    """The site's name goes on from ``text`` with a possessive ("Mywakenews's Blog"): it is a person's."""
    squeezed, site = text.casefold().replace(" ", ""), site_name.casefold().replace(" ", "")
    at = site.find(squeezed)
    return at >= 0 and site[at + len(squeezed) :].startswith(("'s", "’s"))


def is_agency(text: str) -> bool:
    """A news agency or a newsroom by name ("dpa", "Reuters", "Die Redaktion"), which credits nobody."""
    return _org_key(text) in _ORG_NAMES


def is_company(text: str) -> bool:
    """A company by its legal form anywhere in the text: "Nordex SE", "Future US, Inc.", "Stiftung e.V."."""
    return _COMPANY.search(text) is not None


def _org_key(name: str) -> str:
    key = " ".join(name.casefold().split()).strip(" .,;:-–—()[]")
    return key.removeprefix("the ")


def person_shape(text: str, *, min_tokens: int, max_tokens: int) -> bool:
    """Capitalised name tokens (between the bounds), with lower-case particles between them."""
    tokens = text.split()
    if not tokens or len(tokens) > max_tokens + 3 or not is_name_token(tokens[0]):
        return False
    count = capitals = 0
    for token in tokens:
        if is_name_token(token):
            count += 1
        elif _CAPITALS.fullmatch(token) and token.lower() not in _NOT_NAME_WORDS:
            capitals += 1  # "Chokri GHARBI": French bylines print the surname in capitals
        elif token.lower() not in PARTICLES:
            return False
    if len(tokens) > 1 and is_nobody(text):
        return False  # "Super User", "Site Admin": a CMS account, name-shaped but nobody (asked last: the dearer test)
    last = is_name_token(tokens[-1]) or capitals > 0
    return min_tokens <= count + capitals <= max_tokens and capitals <= count and last


@lru_cache(maxsize=8192)
def is_name_token(token: str) -> bool:
    """'Jane', "O'Brien", 'Jean-Luc', 'al-Sudani', "d'Estaing", 'J.', 'Jr.': one part of a name."""
    if token.lower() in _NOT_NAME_WORDS or token.lower() in _ORG_WORDS or len(token) > 24:
        return False
    if _TITLE_WORDS.fullmatch(token) or (token.isupper() and len(token) > 1 and not token.endswith(".")):
        return False  # "Reporter", "Staff"; "KG", "USA": not parts of a person's name
    if token.endswith(".") and (len(token) <= 3 or _INITIALS.fullmatch(token)):
        return token[0].isupper() and token[:-1].replace(".", "").isalpha()  # "J.", "Jr.", "R.C."
    core = _NAME_PREFIX.sub("", token)
    if len(core) < 2 or not core[:1].isupper() or _GLUED.search(core):
        return False  # "M" alone; "WinterJournal" is two words glued (but "McDonald", "MacArthur" pass)
    return all(piece.isalpha() for piece in _NAME_BREAK.split(core))


def caseless_name(text: str) -> bool:
    """2-4 words of a script without capitals (Arabic, Hebrew, ...): "أحمد حسن", shaped as a name can be there.

    Such a script has no capital to tell a name from any other word, so this shape says little: a
    caller asks it only of the names after an explicit byline label ("بقلم: أحمد حسن") or in an author
    field, never of a bare line.  Every letter must be caseless; no digits, no punctuation but a hyphen
    or an apostrophe.  Chinese, Japanese and Korean write a name as one word: spaced words of theirs
    are a label and a name ("记者 王小明") or a phrase, never a name.
    """
    tokens = text.split()
    if not 2 <= len(tokens) <= 4 or len(text) > 60 or _UNSPACED_SCRIPTS.search(text):
        return False
    for token in tokens:
        pieces = _NAME_BREAK.split(token)
        if not all(piece.isalpha() for piece in pieces) or any(char.isupper() or char.islower() for char in token):
            return False
    return not is_nobody(text)


def is_job_title(text: str) -> bool:
    """'Senior Reporter', 'Redakteurin', 'Envoyé spécial': a short phrase with a job word in it."""
    return len(text.split()) <= 6 and _TITLE_WORDS.search(text) is not None


def has_job_word(text: str) -> bool:
    """A job word anywhere in the text ("Reporter", "Redakteurin", "Senior"), however long the text."""
    return _TITLE_WORDS.search(text) is not None


def backs_name(text: str) -> bool:
    """Furniture that makes a name without a byline word a byline: a job title or a news agency.

    A domain, an acronym or a company is not enough: "Rasende Polizisten | strafprozess.ch" is a
    page title and its site."""
    key = _org_key(text)
    return is_job_title(text) or key in _ORG_NAMES or any(word in _NEWSROOM for word in _WORD_BREAK.split(key))


def name_before_title(part: str) -> str | None:
    """'Richard Adams Education editor' -> 'Richard Adams'.

    The title must start with a job word or continue in lower case, so the name is never cut:
    'Jane Mary Doe Senior Reporter' keeps 'Jane Mary Doe'.
    """
    tokens = part.split()
    name = " ".join(tokens[:-1])
    if len(tokens) in (3, 4) and _WRITER.fullmatch(tokens[-1]) and person_shape(name, min_tokens=2, max_tokens=3):
        return name  # "Harald Bauer Autor": one job word is enough if it is a writer's
    for cut in range(2, min(len(tokens) - 1, 6)):
        head, tail = tokens[:cut], tokens[cut:]
        title_like = _TITLE_WORDS.match(tail[0]) is not None or (
            tail[0][:1].isupper() and all(word.islower() and word not in _NOT_NAME_WORDS for word in tail[1:])
        )
        if title_like and is_job_title(" ".join(tail)) and person_shape(" ".join(head), min_tokens=2, max_tokens=5):
            return " ".join(head)
    return None


def undouble(name: str) -> str:
    """'Sean Martin Sean Martin' (a name printed twice, as in a link and its label) -> 'Sean Martin'.

    Also glued, as a link and its screen-reader copy print it: "Kim LeeKim Lee" -> "Kim Lee".
    """
    tokens = name.split()
    half = len(tokens) // 2
    if half >= 2 and len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
        return " ".join(tokens[:half])
    text = " ".join(tokens)
    middle = len(text) // 2
    if len(text) % 2 == 0 and " " in text and text[:middle] == text[middle:]:
        return text[:middle]
    return name


def title_case(text: str) -> str:
    """'JEAN-LUC O'BRIEN VAN DAM' -> "Jean-Luc O'Brien van Dam": only for all-capitals sources."""
    words = []
    for position, word in enumerate(text.split()):
        lower = word.lower()
        if position and lower in PARTICLES:
            words.append(lower)
            continue
        words.append("".join(piece.capitalize() for piece in _NAME_BREAK_KEPT.split(lower)))
    return " ".join(words)


_USER_NAME = re.compile(r"[^\W\d_][^\W_]*\d[^\W_]*")


def is_user_name(part: str) -> bool:
    """A forum or blog user name with digits ("freeman1984", "c1ph4"): one token, mostly letters.

    Sites credit such handles as the author; a date glued to a word ("Mai2017") is not one.
    """
    if not _USER_NAME.fullmatch(part) or not 5 <= len(part) <= 30:
        return False
    return sum(char.isalpha() for char in part) >= 3 and parse_date(part) is None
