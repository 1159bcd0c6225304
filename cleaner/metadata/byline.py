"""Authors: byline lines in the text, and author values from metadata, turned into person names.

What this layer does:

- ``parse_byline(line)`` decides whether a line is a byline ("By Jane Doe and John Roe",
  "Von Max Mustermann", "Par Jean Dupont", "Por Ana García", "Jane Doe, Senior Reporter",
  "By Jane Doe | Reuters") and returns the person names in it.
- Chinese, Japanese and Korean bylines ("记者 王小明", "김민수 기자") are ``cleaner.metadata.cjkbylines``', asked
  first.
- ``is_byline_word(line)`` says whether a line is only a byline word ("By", "Von:"), as page
  dumps print it when the name is a link of its own.
- ``parse_role_credits(line)`` reads the writers of a credits line naming text and image roles
  ("Text: Anna Weber, Fotos: Jan Kroll").
- ``normalise_authors(raw)`` cleans author values from JSON-LD or ``<meta name="author">``.
- ``parse_names(line)`` reads a line made only of names, for the pipeline to use in context, as it
  uses ``looks_like_name`` and ``is_organisation``: those shape tests of one name, and the word
  tables behind them, are ``cleaner.metadata.names``, which this layer builds on.

What it does NOT do: it does not read lines that are a byline and a dateline at once ("Posted on
September 21, 2020 by Adi Tzlil"): ``cleaner.metadata.credits`` does, from the pieces here.  It does not
decide from context.  A bare name line ("Christian Baghai") is a byline only where it stands (under
the title, next to a dateline): ``parse_byline`` returns None for it, and the pipeline, which sees
the neighbours, asks ``looks_like_name`` or ``parse_names``.  Photo credits ("REUTERS/John
Davison/File Photo", "Photo: Jane Doe", "AP Photo/Hadi Mizban") are never bylines.
It never invents names: a name is never cut or reordered, except that an all-capitals source is
title-cased ("JANE DOE" -> "Jane Doe") and a metadata value "Doe, Jane" becomes "Jane Doe".

Every pattern is anchored or a plain alternation without nested quantifiers, and lines longer than
``MAX_LINE`` are refused before any matching, so the cost is bounded whatever the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from cleaner.lexicon import alternation, phrases, words
from cleaner.metadata.cjkbylines import parse_cjk_byline
from cleaner.metadata.dates import COMMENT_TAIL, find_dateline, parse_date
from cleaner.metadata.names import (
    MAX_LINE,
    PARTICLES,
    backs_name,
    caseless_name,
    is_account,
    is_company,
    is_job_title,
    is_name_token,
    is_nobody,
    is_organisation,
    is_user_name,
    name_before_title,
    person_shape,
    title_case,
    undouble,
)

_CAPITALISED = r"(?=(?-i:[A-ZÀ-Þ][a-zß-ÿ.]))"  # a name glued to the word before it: "ByAlex Smith"
BYLINE_PREFIX = re.compile(
    rf"(?:{alternation('byline_verbs')}\s+)?"
    rf"(?:{alternation('byline_words')}(?:\s*:\s*|\s+)|{alternation('byline_words_glued')}{_CAPITALISED})"
    rf"|{alternation('author_labels', 'credit_labels', 'byline_words_glued')}\s*:\s*"
    rf"|{alternation('author_labels')}(?:\s+|{_CAPITALISED})",
    re.IGNORECASE,
)
TRAILING = re.compile(r"[\s|·•:,;/–—-]+$")
_IMAGE_WORDS = rf"(?:^|\W){alternation('image_words')}(?:\W|$)"
IMAGE_CREDIT = re.compile(_IMAGE_WORDS + r"|[^\W\d_]/[^\W\d_]", re.IGNORECASE)  # "REUTERS/John Davison"
_SEGMENTS = re.compile(r"\s*[|·•]\s*|\s+[-–—]\s+")
_CHUNKS = re.compile(r"\s*[,;]\s*")
_CONJUNCTIONS = re.compile(rf"\s*&\s*|\s+{alternation('name_joiners')}\s+", re.IGNORECASE)
_TAIL = re.compile(rf"\s+(?i:{alternation('place_words')})\s+(?=[^\W\d_])\S.*$|\s*\([^()]*\)\s*$")
_EN = re.compile(r"\s+en\s+")
_EN_LABELS = words("en_joiner_labels")
_EMAIL = re.compile(r"<?[^\s@<>]{1,64}@[^\s@<>]{1,255}\.\w{2,24}>?|@\w+|https?://\S+|www\.\S+")
_READING = re.compile(r"\d{1,3}\s*(?:min(?:ute|uto|uti)?s?|minuten)\b\.?(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
_BACKING_ENTRIES = [entry for name in ("agencies", "newsroom_words", "job_words") for entry in phrases(name)]
_BACKING_WORDS = frozenset(entry for entry in _BACKING_ENTRIES if " " not in entry)
_BACKING_PHRASES = tuple(entry for entry in _BACKING_ENTRIES if " " in entry)
# any of the phrases inside a line, in one scan ("(?!)" never matches: no phrase, no match)
_BACKING_PHRASE = re.compile("|".join(map(re.escape, _BACKING_PHRASES)) or "(?!)")
_JOB_STEM = re.compile(alternation("job_stems"))  # inside a compound too: "Sportreporterin"
_TOKEN = re.compile(r"[^\W\d_]+")
# two words in capitals, then a capitalised word: "JILL LAWLESS Associated Press" ("NASA JPL staff" is no name)
_CAPITALS_RUN_ON = re.compile(r"(?:[A-ZÀ-Þ]{2}[A-ZÀ-Þ'’-]*\s+){2,}[A-ZÀ-Þ][a-zß-ÿ]")  # initials ("T. V.") are not
_SEGMENT_MARK = re.compile(r"[|·•]|\s[-–—]\s")


def _may_back_name(text: str) -> bool:
    """Whether anything on a line without a byline word could back a name: a job word, an agency or a
    newsroom, or a date or reading time in a segment of its own ("Malte Welding | 29.07.2006").

    A cheap superset of what ``parse_byline`` accepts, asked before any of its patterns run: most
    lines of a page are refused here in about a microsecond.
    """
    lower = text.lower()
    if _JOB_STEM.search(lower) or not _BACKING_WORDS.isdisjoint(_TOKEN.findall(lower)):
        return True
    if _BACKING_PHRASE.search(lower):
        return True
    return _DIGIT.search(text) is not None and _SEGMENT_MARK.search(text) is not None


_DIGIT = re.compile(r"\d")
# without a byline word the line must name a person, and every name has two words (``person_shape`` with
# ``min_tokens=2``, ``name_before_title``): a line with no space has one, unless an address cut out of it
# ("Jane<jane@example.com>Doe") leaves two
_TWO_WORDS = re.compile(r"[\s@]")


@lru_cache(maxsize=4096)  # once per line: a page's kept lines are read again when it settles
def parse_byline(line: str) -> tuple[str, ...] | None:
    """The person names of a byline line; None if the line is not a byline.

    A byline either opens with a byline word (By, Von, Par, Por, Door, Posted by, Text:, Autor:)
    followed by names, or is a name followed by a job title or an organisation ("Jane Doe, Senior
    Reporter", "Jane Doe | Reuters", "Richard Adams Education editor").  Whatever follows the names
    must be furniture: job titles, agencies, a date, a reading time, a place (and, after a byline
    word, one category word: "Von Anna Schmidt | Wohnen").  An empty tuple means "a byline naming no
    person" ("By Reuters", "Von dpa"): the line is still a byline, but there is no author to report.
    """
    text = line.strip()
    if len(text) > MAX_LINE:
        return None  # refused unread, before any pattern runs
    if (written := parse_cjk_byline(text)) is not None:
        return written  # "记者 王小明", "김민수 기자": no byline word, a label before or a role after the names
    opening = BYLINE_PREFIX.match(text) or _ROLE.match(text)  # "By ...", "Text and photos by ..."
    if opening is None and not (text[:1].isupper() and _TWO_WORDS.search(text) and _may_back_name(text)):
        return None  # cheap exit: no byline word, and no two words for a name or nothing that could back one
    text = TRAILING.sub("", COMMENT_TAIL.sub("", text))
    if not text:
        return None
    credits = parse_role_credits(text) if _ROLE.search(text) else None
    prefix = BYLINE_PREFIX.match(text)
    if credits is not None or IMAGE_CREDIT.search(text):
        return credits  # an image credit is a byline only beside the writer's credit
    segments = _SEGMENTS.split(text[prefix.end() :] if prefix else text)
    found = _names_part(_dutch_and(segments[0], prefix), labelled=prefix is not None)
    if found is None:
        return None
    names, evidence = found
    for segment in filter(None, (segment.strip() for segment in segments[1:])):
        if _is_furniture_segment(segment):
            evidence = evidence or backs_name(segment) or not _org_like(segment)
        elif not (prefix and len(segment.split()) == 1 and segment[:1].isupper()):
            return None
    if not prefix and not (names and evidence):
        return None  # a bare name is a byline only in context: the pipeline decides that
    return _dedupe(names)


@lru_cache(maxsize=4096)  # asked of the same lines by the byline reader and the author candidates
def is_byline_word(line: str) -> bool:
    """The line is only a byline word ("By", "Von:", "Posted by", "Auteur"), its names on the next line.

    Page dumps break a byline where the page set the word and the linked name in separate
    elements; the pipeline reads the two lines together.
    """
    text = line.strip()
    return 0 < len(text) <= MAX_BYLINE_WORD and BYLINE_PREFIX.fullmatch(f"{text} ") is not None


MAX_BYLINE_WORD = 20


def parse_role_credits(line: str) -> tuple[str, ...] | None:
    """The writers of a credits line that names text and image roles; None if it is not one.

    "Text: Anna Weber, Fotos: Jan Kroll", "Text von Christian Seiler Illustration von Markus
    Roost", "By Jane Doe. Photographs by John Roe": magazines credit each role.  Every role must
    be followed by names only, and the line must credit an image role and the text (a role or
    a plain byline before the first role).  The writers are the article's authors; a
    photographer or illustrator is not ("Fotos: Jan Kroll" alone is a photo credit, not a byline).
    """
    text = line.strip()
    roles = list(_ROLE.finditer(text))
    if not roles or len(text) > MAX_LINE:
        return None
    lead = text[: roles[0].start()].strip(" ,;|.·•/–—-")
    writers = list(parse_byline(lead) or ()) if lead else []
    if lead and not writers:
        return None
    wrote_text, showed_images = bool(writers), False
    for role, end in zip(roles, [*(r.start() for r in roles[1:]), len(text)], strict=True):
        names = parse_names(text[role.end() : end].strip(" ,;|.·•/–—-"))
        if not names:
            return None
        is_text = _WRITING_ROLE.search(role["role"]) is not None
        wrote_text, showed_images = wrote_text or is_text, showed_images or not is_text or " " in role["role"]
        writers.extend(names if is_text else ())
    return _dedupe(writers) if wrote_text and showed_images else None


_ROLE_WORDS = alternation("writing_roles", "image_roles")
_ROLE = re.compile(
    rf"(?P<role>{_ROLE_WORDS}(?:\s+{alternation('name_joiners')}\s+{alternation('image_roles')})?)"
    rf"\s*(?::\s*|\s+{alternation('byline_words', entries=('de',))}\s+)",  # "Texto de Ana", only after a role
    re.IGNORECASE,
)
_WRITING_ROLE = re.compile(rf"^{alternation('writing_roles')}\b", re.IGNORECASE)


@lru_cache(maxsize=4096)  # once per line: the name lines and the short lines near the article ask it of the same lines
def parse_names(line: str) -> tuple[str, ...] | None:
    """A line made only of person names ("Isabel Caro, Rocío Latorre y José Miguel Wilson").

    Like ``looks_like_name`` this is a shape test for lines the pipeline already suspects from
    their place (under the title, beside a dateline); it is not a byline test on its own.
    """
    text = line.strip()
    if len(text) > MAX_LINE:
        return None
    text = TRAILING.sub("", text)
    if not text or text.isupper():
        return None
    names = _parts(text)
    # every part must be shaped like a name (``looks_like_name``, a stricter test, implies this shape):
    # "Tony Carter All, Books, Kit Reviews" is not.  Asked before the two patterns below: it refuses
    # most lines at their first words, the patterns scan the whole line
    if not all(person_shape(name, min_tokens=2, max_tokens=5) for name in names):
        return None
    if IMAGE_CREDIT.search(text) or BYLINE_PREFIX.match(text):
        return None
    return _dedupe(undouble(name) for name in names)


def split_names(text: str) -> tuple[str, ...]:
    """A value's parts as separate names, split at commas, semicolons, "&" and "and"-words, as they stand."""
    return _dedupe(part for part in _parts(TRAILING.sub("", text.strip())) if part)


def _parts(text: str) -> list[str]:
    """A text split at commas, semicolons, "&" and "and"-words, each part stripped (empty parts kept)."""
    return [part.strip() for chunk in _CHUNKS.split(text) for part in _CONJUNCTIONS.split(chunk)]


def _dutch_and(part: str, prefix: re.Match[str] | None) -> str:
    """Dutch "en" ("and") between names after a Dutch byline word, as "&": "Anna Jansen & Pieter Bakker".

    Only where every side is name-shaped: "Door Anna Jansen en Amsterdam" keeps its place.
    """
    if prefix is None or prefix[0].split()[-1].strip(":").lower() not in _EN_LABELS:
        return part
    chunks = []
    for chunk in _CHUNKS.split(part):
        pieces = [piece.strip() for piece in _EN.split(chunk)]
        named = len(pieces) > 1 and all(person_shape(piece, min_tokens=2, max_tokens=4) for piece in pieces)
        chunks.append(" & ".join(pieces) if named else chunk)
    return ", ".join(chunks)


def _names_part(part: str, *, labelled: bool) -> tuple[list[str], bool] | None:
    """Names in the first segment, and whether a job title or organisation backs them up.

    None when anything in the part is neither a name nor byline furniture: then the line is prose
    ("By the way, ...", "Reuters reported on Friday that ...").  A date may close the part
    ("By Jane Doe, Jan 6, 2024").  After a byline word or label (``labelled``) a name may be in a script
    without capitals ("بقلم: أحمد حسن").
    """
    part = _EMAIL.sub(" ", part).strip()
    part = title_case(part) if part.isupper() else part
    chunks = _CHUNKS.split(part)
    names: list[str] = []
    evidence = False
    for position, chunk in enumerate(chunks):
        kind = _chunk_kind(_TAIL.sub("", chunk).strip(), first=position == 0, labelled=labelled)
        if kind is None:
            if position == 0 or find_dateline(", ".join(chunks[position:])) is None:
                return None
            return names, True
        names.extend(kind[0])
        evidence = evidence or kind[1]
    return names, evidence


def _chunk_kind(chunk: str, *, first: bool, labelled: bool) -> tuple[list[str], bool] | None:
    """Names in one comma-separated chunk, and whether they are backed by a title or agency.

    In the first chunk only a title glued to the name counts ("Richard Adams Education editor"):
    "Editorial y Puntos de Vista" is a menu, not "Puntos de Vista" of an agency.  None when a part
    is neither a name nor furniture (the line is prose).
    """
    if is_company(chunk):
        return [], False  # a company beside a name does not make it a byline: "Future US, Inc."
    names: list[str] = []
    evidence = False
    for part in filter(None, (part.strip() for part in _CONJUNCTIONS.split(chunk))):
        # after a byline word a name in capitals is a name, whatever follows it: "By ANNA WEBER, Associated Press";
        # run into other words ("JILL LAWLESS Associated Press") it cannot be told from them: no reading
        if labelled and not part.isupper() and _CAPITALS_RUN_ON.match(part):
            return None
        part = title_case(part) if labelled and part.isupper() and " " in part else part
        if person_shape(part, min_tokens=2, max_tokens=5) and not is_organisation(part):
            names.append(undouble(part))
        elif labelled and caseless_name(part):
            names.append(part)  # "بقلم: أحمد حسن": no capitals to read, so only after a byline label
        elif (name := name_before_title(part)) is not None:
            names.append(name)
            evidence = True
        elif is_organisation(part) or is_job_title(part):
            evidence = evidence or (not first and backs_name(part))
        elif first or not person_shape(part, min_tokens=1, max_tokens=1):
            return None  # after the first chunk a single word is a place: "Von Max Mustermann, Berlin"
    return names, evidence


def _is_furniture_segment(segment: str) -> bool:
    """What may follow the names after '|', '·' or ' - ': agencies, titles, dates, reading time."""
    segment = _EMAIL.sub(" ", segment).strip()
    if not segment or is_organisation(segment) or is_job_title(segment) or _READING.match(segment):
        return True
    return find_dateline(segment) is not None or parse_date(segment) is not None


def _org_like(text: str) -> bool:
    return is_organisation(text) and not backs_name(text)


def _dedupe(names: Iterable[str]) -> tuple[str, ...]:
    """Unique names, first spelling kept, compared without case."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def normalise_authors(raw: str | Iterable[str], *, site_name: str | None = None) -> tuple[str, ...]:
    """Author values from metadata (JSON-LD author names, meta author) -> person names.

    Values are split on and/und/et/y/&/,/; ; a leading 'By' is dropped, and so are emails, @handles,
    URLs, job titles, agencies, newsrooms and the site itself.  Names are deduplicated without case,
    first spelling kept.  Metadata is trusted more than text: a single-word author ("Madonna") is
    kept, but a value of more than seven words is a description, not a name.
    """
    values = [raw] if isinstance(raw, str) else list(raw)
    names: list[str] = []
    for value in values:
        if not isinstance(value, str):
            continue
        parts = [_clean_value_part(part) for part in _split_value(value)]
        if any(is_company(part) for part in parts):
            continue  # "Example Verlag GmbH, Nürnberg, Germany": a company and its address, no person
        with_agency = any(is_organisation(part, site_name=site_name) for part in parts if part)
        for part in parts:
            if with_agency and part.islower() and len(part) <= 4:
                continue  # an editor's initials beside an agency: "det/dpa"
            if _is_metadata_name(part, site_name):
                names.append(part)
    return _dedupe(names)


def credited_organisations(raw: str | Iterable[str], *, site_name: str | None = None) -> tuple[str, ...]:
    """The organisations an author value or a byline line credits ("Example Verlag GmbH", "Reuters", the site
    itself), as written.

    The counterpart of ``normalise_authors``: what it drops as no person, this keeps when it is an
    organisation; places, job titles and degrees beside them are neither.
    """
    values = [raw] if isinstance(raw, str) else list(raw)
    found = [
        part
        for value in values
        if isinstance(value, str)
        for part in map(_clean_value_part, _split_value(value))
        if part
        and (is_company(part) or is_organisation(part, site_name=site_name))
        and not is_job_title(part)
        and not is_account(part)
        and part.replace(".", "").lower() not in _POST_NOMINALS  # "Jane Doe, MS": a degree, no organisation
        and ":" not in part  # a label and its value ("Online-Redaktion Veröffentlicht: 26.12.2022") are not a name
    ]
    return _dedupe(found)


_POST_NOMINALS = words("post_nominals")


def _clean_value_part(part: str) -> str:
    """Strip a place or publication tail and stray punctuation; title-case an all-capitals name."""
    part = _TAIL.sub("", part).strip(" ,;:-–—→»›«‹")
    part = part if re.search(r"(?<![^\W\d_])[^\W\d_]\.$", part) else part.rstrip(".")  # "C." stays
    part = undouble(part)
    return title_case(part) if part.isupper() and len(part) > 5 else part


def _split_value(value: str) -> list[str]:
    """One metadata value -> candidate names; "Doe, Jane" is read as one reversed name."""
    if len(value) > MAX_LINE * 5:
        return []  # no author field is this long: it is a page's text in the wrong place
    text = _EMAIL.sub(" ", " ".join(value.split()))  # one space between words: no long runs to backtrack over
    prefix = BYLINE_PREFIX.match(text)
    text = text[prefix.end() :] if prefix else text
    reversed_name = re.fullmatch(r"([^\W\d_][\w'’-]*),\s*([^\W\d_][\w'’-]*)", text)
    if reversed_name and not any(is_organisation(group) or is_job_title(group) for group in reversed_name.groups()):
        return [f"{reversed_name[2]} {reversed_name[1]}"]
    parts: list[str] = []
    for chunk in re.split(r"\s*[,;|/]\s*|\s+[-–—]\s+", text):
        parts.extend(_CONJUNCTIONS.split(chunk))
    return parts


def _is_metadata_name(part: str, site_name: str | None) -> bool:
    """A cleaned metadata value that may stand as a person's name."""
    if not part or len(part.split()) > 7 or not any(char.isalpha() for char in part):
        return False
    if any(char.isdigit() for char in part):
        return is_user_name(part) and not is_organisation(part, site_name=site_name)
    if re.search(r"[!?:\"“”<>{}=]", part):
        return False
    words = part.split()
    shaped = all(word[:1].isupper() or word.lower() in PARTICLES or is_name_token(word) for word in words)
    # an author field labels its value as a byline label does: a script without capitals may name there
    if len(words) > 1 and not shaped and not caseless_name(part):
        return False  # "Zuletzt geändert am": words, not a name; one word may be a user name ("marc")
    return not (is_organisation(part, site_name=site_name) or is_job_title(part) or is_nobody(part))
