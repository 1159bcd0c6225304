"""Authors: byline lines in the text, and author values from metadata, turned into person names.

What this layer does:

- ``parse_byline(line)`` decides whether a line is a byline ("By Jane Doe and John Roe",
  "Von Max Mustermann", "Par Jean Dupont", "Por Ana García", "Jane Doe, Senior Reporter",
  "By Jane Doe | Reuters") and returns the person names in it.
- ``parse_credit(line)`` reads lines that are a byline and a dateline at once ("Posted on
  September 21, 2020 by Adi Tzlil", "von Stefan Beiersmann am 29. Mai 2017, 14:14 Uhr").
- ``credited_names(line)`` is either of the two, or "Posted by <user name>", for page elements.
- ``normalise_authors(raw)`` cleans author values from JSON-LD or ``<meta name="author">``.
- ``looks_like_name(text)``, ``parse_names(line)`` and ``is_organisation(name)`` are the tests the
  rest is built on, exported so the pipeline can use them in context.

What it does NOT do: it does not decide from context.  A bare name line ("Christian Baghai") is a
byline only where it stands (under the title, next to a dateline): ``parse_byline`` returns None for
it, and the pipeline, which sees the neighbours, asks ``looks_like_name`` or ``parse_names``.  Photo credits
("REUTERS/John Davison/File Photo", "Photo: Jane Doe", "AP Photo/Hadi Mizban") are never bylines.
It never invents names: a name is never cut or reordered, except that an all-capitals source is
title-cased ("JANE DOE" -> "Jane Doe") and a metadata value "Doe, Jane" becomes "Jane Doe".

Every pattern is anchored or a plain alternation without nested quantifiers, and lines longer than
``MAX_LINE`` are refused before any matching, so the cost is bounded whatever the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from cleaner.dates import COMMENT_TAIL, find_dateline, parse_date

MAX_LINE = 200
"""A byline is short; longer lines are prose."""

_PREFIX = re.compile(
    r"(?:(?:posted|gepostet|written|geschrieben|verfasst|veröffentlicht|erstellt|publiziert|publicado|publicada|publié"
    r"|publiée|text|texto|story|words"
    r"|reporting|reported|ein artikel|eine kolumne|ein beitrag|ein gastbeitrag|ein kommentar|an article)\s+)?"
    r"(?:(?:by|von|par|por|door|av|af|di|durch)(?:\s*:\s*|\s+)|(?:by|von)(?=(?-i:[A-ZÀ-Þ][a-zß-ÿ.])))"
    r"|(?:author|autor|autorin|auteur|autora|text|texto|texte|redakteur|verfasser|interview|by|von)\s*:\s*"
    r"|(?:author|authors|autor|autorin|autoren|auteur|auteurs|autora)(?:\s+|(?=(?-i:[A-ZÀ-Þ][a-zß-ÿ.])))",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s|·•:,;/–—-]+$")
_CREDIT = re.compile(
    r"(?:^|\W)(?:photo|photos|photograph|fotos?|bild|bilder|image|images|picture|pic|credits?|crédits?|créditos?"
    r"|illustration|grafik|video|source|quelle|fuente|getty|shutterstock|imago|keystone|picture alliance)(?:\W|$)"
    r"|[^\W\d_]/[^\W\d_]",
    re.IGNORECASE,
)
_SEGMENTS = re.compile(r"\s*[|·•]\s*|\s+[-–—]\s+")
_CHUNKS = re.compile(r"\s*[,;]\s*")
_CONJUNCTIONS = re.compile(r"\s*&\s*|\s+(?:and|und|et|y|e|og|och)\s+", re.IGNORECASE)
_TAIL = re.compile(
    r"\s+(?i:in|en|aus|from|à|em|reporting from|for|für|pour|para|per|at|bei)\s+(?=[^\W\d_])\S.*$|\s*\([^()]*\)\s*$"
)
_COMPANY = re.compile(
    r"(?<!\w)(?:gmbh|ag|kg|inc|ltd|llc|plc|corp|s\.a\.|srl|bv|nv|co\.|e\.\s?v(?!\w)\.?|mbh|kgaa|gbr)(?!\w)"
    r"|\s(?:se|sa|spa|sarl|sas|oy|ab|asa|ug)\.?$",
    re.IGNORECASE,
)
_GLUED = re.compile(r"([a-zß-ÿ])([A-Z][^\W\d_]*)")
_EMAIL = re.compile(r"<?[^\s@<>]{1,64}@[^\s@<>]{1,255}\.\w{2,24}>?|@\w+|https?://\S+|www\.\S+")
_READING = re.compile(r"\d{1,3}\s*(?:min(?:ute|uto|uti)?s?|minuten)\b\.?(?:\s+\w+){0,2}\s*$", re.IGNORECASE)



def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PARTICLES = _wordset(
    "van von der den de del della di da das dos du la le ten ter zu y bin ibn ben al el mac st. vom dem"
)
_TITLE_WORDS = re.compile(
    r"(?<![^\W\d_])(?:[^\W\d_]*(?:redakteur|korrespondent|journalist|reporter|kolumnist|autor|leiter|referent"
    r"|sprecher|berater|direktor|manager)(?:in|innen|en|e)?"
    r"|reporters?|reportera|reportero|correspondents?|correspondant|correspondante|corresponsal|writers?|editors?"
    r"|editora|rédacteur|rédactrice|redactor|redactora|columnist|columnista|chroniqueur|chroniqueuse|contributor"
    r"|contributing|journaliste|periodista|author|auteur|autora|analyst|producer|envoyé|envoyée|enviado|enviada"
    r"|bureau|chief|senior|staff|freelancer?|intern|volontär|volontärin|professor|professorin|fellow|director"
    r"|directora|direktor|direktorin|leiter|leiterin|expert|experte|expertin|researcher|student|studentin|ceo"
    r"|founder|gründer|gründerin|photographer|fotograf|fotografin|host|anchor|moderator|moderatorin|sprecher"
    r"|sprecherin|spokesman|spokeswoman|spokesperson|head of|manager|managerin|mitarbeiter|mitarbeiterin|deputy"
    r"|associate|assistant)(?![^\W\d_]|[-'’])",
    re.IGNORECASE,
)
_WRITER = re.compile(r"[^\W\d_]*(?:redakteur|korrespondent|journalist|reporter|kolumnist|autor)(?:in|innen|en|e)?",
                     re.IGNORECASE)
_ORG_NAMES = frozenset(
    """reuters|ap|associated press|the associated press|afp|agence france-presse|agence france presse|dpa|apa|sda
    |kna|epd|efe|europa press|ansa|upi|bloomberg|xinhua|tass|ria novosti|anadolu|pa|pa media|press association|cnn
    |bbc|staff|our correspondent|our reporter|redaktion|die redaktion|red|rédaction|la rédaction|redacción|agencias
    |agencies|agences|agencia|agentur|agenturen|newsroom|admin|administrator|editor|editors|the editors|team|guest
    |gastautor|gastbeitrag|anonymous|unknown|sid|ots|afp/dpa|dpa/afp|ap/dpa|nachrichtenagentur""".replace("\n", "")
    .replace(" |", "|")
    .split("|")
)
_ORG_WORDS = _wordset(
    "news media agency agentur agence agencia press presse prensa newsroom redaktion rédaction redacción staff team "
    "desk online magazine magazin illustrierte zeitung journal times tribune gazette herald inc ltd llc gmbh ag group "
    "gruppe corporation corp company institute university universität foundation stiftung verlag tv radio network "
    "editors editorial"
)
_NOT_NAME_WORDS = _wordset(
    "the a an and of in on for to with by from der die das und ein eine le la les un une et el los las y read more "
    "share related articles stories comments comment subscribe newsletter login sign menu search home privacy "
    "policy terms contact advertisement anzeige werbung mehr lesen weitere artikel themen teilen kommentare "
    "publicité partager lire aussi publicidad compartir leer más minister president prime government security "
    "politics sport sports business economy world opinion video photos live update top latest most popular "
    "trending breaking this that these our your my his her their its we you it is was are es ist im zum zur que se lo "
    "su sus est il ils elle nous vous any all some every new how why what when where who which not no yes less best "
    "next here there now then just only also very can must should would could means way introducing about "
    "free online download subscribe follow join watch listen published updated posted first last opening "
    "veröffentlicht aktualisiert publié publicado previous article affairs global national international local "
    "american european german british french economy gender gap strike climate health science technology culture "
    "travel style food lifestyle entertainment music film movies books arts education jobs careers weather traffic "
    "politik wirtschaft kultur wissen gesundheit reise panorama meinung deutschland welt regional lokales podcast "
    "podcasts videos bilder galerie gallery archive archiv impressum datenschutz kontakt team faq help hilfe "
    "register anmelden abonnieren recommended empfohlen sponsored partner story topics tags categories kategorien "
    "schlagwörter summary zusammenfassung further reading auch tipps tips guide ratgeber test review reviews "
    "analysis analyse kommentar commentary interview bericht reportage feature special dossier ticker updates "
    "eilmeldung beliebt social facebook twitter instagram youtube linkedin whatsapp email print drucken copy "
    "zurück startseite menü suche schließen öffnen cookie cookies settings einstellungen conditions "
    "rights reserved copyright daily weekly headlines monday tuesday wednesday thursday friday saturday sunday"
)


@dataclass(frozen=True, slots=True)
class Credit:
    """A line that names the authors and dates the article at once."""

    authors: tuple[str, ...]
    published: str | None
    updated: str | None

    def to_dict(self) -> dict[str, object]:
        return {"authors": list(self.authors), "published": self.published, "updated": self.updated}


def parse_credit(line: str, *, day_first: bool | None = None) -> Credit | None:
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
    text = _TRAILING.sub("", COMMENT_TAIL.sub("", text))
    if not text or not _YEARISH.search(text) or _CREDIT.search(text):
        return None
    if find_dateline(text, day_first=day_first) is not None:
        return None  # a dateline and nothing else: "Mon 18 Nov 2019 18.54 GMT" credits nobody called GMT
    if day_first is None and _DAY_FIRST_WORDS.search(text):
        day_first = True  # "Por Adriano Fernandes | 03/05/2022": not an American page
    for cut in _cut_points(text):
        head, tail = text[:cut].strip(" |·•,;–—-"), text[cut:].strip(" |·•,;–—-")
        for names_part, date_part in ((head, tail), (tail, head)):
            if not names_part or not any(char.isdigit() for char in date_part):
                continue
            dateline = find_dateline(date_part, day_first=day_first)
            names = _credit_names(names_part) if dateline else None
            if dateline is not None and names is not None:
                return Credit(names, dateline.published, dateline.updated)
    return None


_EVIDENCE_HINT = re.compile(r"[|·•,;–—]|\s-\s|\s[a-z]|[a-z][A-Z]|\d")
_DAY_FIRST_WORDS = re.compile(r"(?<!\w)(?:von|par|por|door|av|af|durch|publicado|veröffentlicht|publié)(?!\w)", re.I)
_YEARISH = re.compile(r"(?:19|20)\d\d|\d\.\d{2}(?!\d)")
_CUTS = re.compile(
    r"\s*[|·•,;–—]\s*|\s+-\s+|(?<=[^\W\d_])\s*(?=\d)|(?<=\d)\s*(?=[^\W\d_])"
    r"|\s+(?=(?:by|von|par|por|door|durch|di|av|af|on|am|um|le|el|op|posted|published|veröffentlicht|publié|publicado"
    r"|written|geschrieben|verfasst|gepostet)(?!\w))",
    re.IGNORECASE,
)


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
    prefix = _PREFIX.match(part)
    if prefix is None:
        names = parse_names(part)
        if names is not None:
            return names
        return () if _org_key(part) in _ORG_NAMES else None  # "dpa am 25.01.2022"
    handle = part[prefix.end() :].strip() if prefix else ""
    if re.fullmatch(r"[^\W\d_][\w.-]{1,30}", handle) and not is_organisation(handle):
        return (handle,)  # "von Herr_Rein": a user name, credited as written
    return None


_BY_WORD = re.compile(
    r"(?<!\w)(?:by|von|par|por|door|durch|av|af|di|autor|autorin|autoren|author|authors|auteur|text|texte)(?!\w)",
    re.IGNORECASE,
)


_FILED_UNDER = re.compile(
    r"\s+(?:gespeichert unter|abgelegt unter|abgelegt in|veröffentlicht in|filed under|posted in|classé dans"
    r"|publicado en|kategorie:|category:)\s.*$",
    re.IGNORECASE,
)  # a blog's category after its credit: "Von R. R. am 07.08.2013 gespeichert unter Kommunizieren"


def credited_names(line: str) -> tuple[str, ...]:
    """The names a short credit line gives: a byline, a byline with its date, or "Posted by <user>".

    For page elements that sit where credits sit (under the headline, in a dateline element):
    "Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45", "06.11.2023 13:30 von Olga", "Posted by
    Konstantin".  The line must have a byline word (by, von, par, Autor...): a bare name, or a name
    beside a job title, is not enough here, and an agency names nobody.
    """
    if len(line) > MAX_LINE + 80 or not _BY_WORD.search(line):
        return ()  # cheap exit: "Ehrenamt Jugendverbände 23.01.2020" is a category and a date, not a credit
    text = _TRAILING.sub("", _FILED_UNDER.sub("", line.strip()))
    if not text or len(text) > MAX_LINE:
        return ()
    names = parse_byline(text)
    if names is None:
        credit = parse_credit(text)
        names = credit.authors if credit is not None else None
    if names is None and _PREFIX.match(text):
        names = _credit_names(text)
    return names or ()


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
        if any(_APPOSITIVE.match(part) and is_organisation(part) for part in parts):
            continue  # "L-MAG – Das Magazin für Lesben": the name before it is the publication's
        with_agency = any(is_organisation(part, site_name=site_name) for part in parts if part)
        for part in parts:
            if with_agency and part.islower() and len(part) <= 4:
                continue  # an editor's initials beside an agency: "det/dpa"
            if _is_metadata_name(part, site_name):
                names.append(part)
    return _dedupe(names)


_APPOSITIVE = re.compile(r"(?i:das|die|der|the|le|la|el|ein|eine|an?)\s")
_TRAILING_WEEKDAY = re.compile(
    r"^(?P<name>\S+\s+[A-ZÀ-Þ]\S*)\s+(?:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?$"
)
# What a dateline leaves behind a name ("Tomas Spahn Fr, 14.01.2022" -> "Tomas Spahn Fr").
_LEADING_TITLE = re.compile(
    r"^(?:Rechtsanw(?:alt|ältin)|Fachanw(?:alt|ältin)|Anw(?:alt|ältin)|Notar(?:in)?|Steuerberater(?:in)?"
    r"|Redakteur(?:in)?|Reporter(?:in)?|Journalist(?:in)?|Autor(?:in)?)\s+(?=[A-ZÀ-Þ]\S*\s+[A-ZÀ-Þ])"
)
# A profession before the name ("Rechtsanwalt Sebastian Einbock"); "Dr." and "Prof." are part of it.


def _clean_value_part(part: str) -> str:
    """Strip a place or publication tail and stray punctuation; title-case an all-capitals name."""
    part = _TAIL.sub("", part).strip(" ,;:-–—→»›«‹")
    part = part if re.search(r"(?<![^\W\d_])[^\W\d_]\.$", part) else part.rstrip(".")  # "C." stays
    part = _LEADING_TITLE.sub("", _TRAILING_WEEKDAY.sub(r"\g<name>", part))
    return _title_case(part) if part.isupper() and len(part) > 5 else part


def _split_value(value: str) -> list[str]:
    """One metadata value -> candidate names; "Doe, Jane" is read as one reversed name."""
    if len(value) > MAX_LINE * 5:
        return []  # no author field is this long: it is a page's text in the wrong place
    text = _EMAIL.sub(" ", " ".join(value.split()))  # one space between words: no long runs to backtrack over
    prefix = _PREFIX.match(text)
    text = text[prefix.end() :] if prefix else text
    reversed_name = re.fullmatch(r"([^\W\d_][\w'’-]*),\s*([^\W\d_][\w'’-]*)", text)
    if reversed_name and not any(is_organisation(group) or _is_job_title(group) for group in reversed_name.groups()):
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
        return _is_user_name(part) and not is_organisation(part, site_name=site_name)
    if re.search(r"[!?:\"“”<>{}=]", part):
        return False
    words = part.split()
    if len(words) > 1 and not all(
        word[:1].isupper() or word.lower() in _PARTICLES or _is_name_token(word) for word in words
    ):
        return False  # "Zuletzt geändert am": words, not a name; one word may be a user name ("marc")
    return not (is_organisation(part, site_name=site_name) or _is_job_title(part))


_USER_NAME = re.compile(r"[^\W\d_][^\W_]*\d[^\W_]*")


def _is_user_name(part: str) -> bool:
    """A forum or blog user name with digits ("freeman1984", "c1ph4"): one token, mostly letters.

    Sites credit such handles as the author; a date glued to a word ("Mai2017") is not one.
    """
    if not _USER_NAME.fullmatch(part) or not 5 <= len(part) <= 30:
        return False
    return sum(char.isalpha() for char in part) >= 3 and parse_date(part) is None


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
    text = _TRAILING.sub("", COMMENT_TAIL.sub("", text))
    if not text or _CREDIT.search(text):
        return None
    prefix = _PREFIX.match(text)
    hint = _EVIDENCE_HINT.search(text) or (len(text) <= 60 and _TITLE_WORDS.search(text))
    if prefix is None and not (text[:1].isupper() and hint):
        return None  # cheap exit: no byline word, and nothing that could back a bare name
    segments = _SEGMENTS.split(text[prefix.end() :] if prefix else text)
    found = _names_part(segments[0])
    if found is None:
        return None
    names, evidence = found
    for segment in filter(None, (segment.strip() for segment in segments[1:])):
        if _is_furniture_segment(segment):
            evidence = evidence or _backs_name(segment) or not _org_like(segment)
        elif not (prefix and len(segment.split()) == 1 and segment[:1].isupper()):
            return None
    if not prefix and not (names and evidence):
        return None  # a bare name is a byline only in context: the pipeline decides that
    return _dedupe(names)


def parse_names(line: str) -> tuple[str, ...] | None:
    """A line made only of person names ("Isabel Caro, Rocío Latorre y José Miguel Wilson").

    Like ``looks_like_name`` this is a shape test for lines the pipeline already suspects from
    their place (under the title, beside a dateline); it is not a byline test on its own.
    """
    text = line.strip()
    if len(text) > MAX_LINE:
        return None
    text = _TRAILING.sub("", text)
    if not text or text.isupper() or _CREDIT.search(text) or _PREFIX.match(text):
        return None
    names = [part.strip() for chunk in _CHUNKS.split(text) for part in _CONJUNCTIONS.split(chunk)]
    if not all(looks_like_name(name) or _person_shape(name, min_tokens=2, max_tokens=5) for name in names):
        return None  # every part must be a name: "Tony Carter All, Books, Kit Reviews" is not
    return _dedupe(_undouble(name) for name in names)


def _names_part(part: str) -> tuple[list[str], bool] | None:
    """Names in the first segment, and whether a job title or organisation backs them up.

    None when anything in the part is neither a name nor byline furniture: then the line is prose
    ("By the way, ...", "Reuters reported on Friday that ...").  A date may close the part
    ("By Jane Doe, Jan 6, 2024").
    """
    part = _EMAIL.sub(" ", part).strip()
    part = _title_case(part) if part.isupper() else part
    chunks = _CHUNKS.split(part)
    names: list[str] = []
    evidence = False
    for position, chunk in enumerate(chunks):
        kind = _chunk_kind(_TAIL.sub("", chunk).strip(), first=position == 0)
        if kind is None:
            if position == 0 or find_dateline(", ".join(chunks[position:])) is None:
                return None
            return names, True
        names.extend(kind[0])
        evidence = evidence or kind[1]
    return names, evidence


def _chunk_kind(chunk: str, *, first: bool) -> tuple[list[str], bool] | None:
    """Names in one comma-separated chunk, and whether they are backed by a title or agency.

    In the first chunk only a title glued to the name counts ("Richard Adams Education editor"):
    "Editorial y Puntos de Vista" is a menu, not "Puntos de Vista" of an agency.  None when a part
    is neither a name nor furniture (the line is prose).
    """
    if _COMPANY.search(chunk):
        return [], False  # a company beside a name does not make it a byline: "Future US, Inc."
    names: list[str] = []
    evidence = False
    for part in filter(None, (part.strip() for part in _CONJUNCTIONS.split(chunk))):
        if _person_shape(part, min_tokens=2, max_tokens=5) and not is_organisation(part):
            named = _LEADING_TITLE.sub("", part)  # "Rechtsanwalt Sebastian Einbock"
            names.append(_undouble(named))
            evidence = evidence or named != part
        elif (name := _name_before_title(part)) is not None:
            names.append(name)
            evidence = True
        elif is_organisation(part) or _is_job_title(part):
            evidence = evidence or (not first and _backs_name(part))
        elif first or not _person_shape(part, min_tokens=1, max_tokens=1):
            return None  # after the first chunk a single word is a place: "Von Max Mustermann, Berlin"
    return names, evidence


def _undouble(name: str) -> str:
    """'Sean Martin Sean Martin' (a name printed twice, as in a link and its label) -> 'Sean Martin'."""
    tokens = name.split()
    half = len(tokens) // 2
    doubled = half >= 2 and len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]
    return " ".join(tokens[:half]) if doubled else name


def _name_before_title(part: str) -> str | None:
    """'Richard Adams Education editor' -> 'Richard Adams'; 'Evan HalperStaff Writer' -> 'Evan Halper'.

    The title must start with a job word or continue in lower case, so the name is never cut:
    'Jane Mary Doe Senior Reporter' keeps 'Jane Mary Doe'.
    """
    tokens = _GLUED.sub(_unglue, part).split()
    head = " ".join(tokens[:-1])
    if len(tokens) in (3, 4) and _WRITER.fullmatch(tokens[-1]) and _person_shape(head, min_tokens=2, max_tokens=3):
        return head  # "Harald Bauer Autor": one job word is enough if it is a writer's
    for cut in range(2, min(len(tokens) - 1, 6)):
        head, tail = tokens[:cut], tokens[cut:]
        title_like = _TITLE_WORDS.match(tail[0]) is not None or (
            tail[0][:1].isupper() and all(word.islower() and word not in _NOT_NAME_WORDS for word in tail[1:])
        )
        if title_like and _is_job_title(" ".join(tail)) and _person_shape(" ".join(head), min_tokens=2, max_tokens=5):
            return " ".join(head)
    return None


def _unglue(match: re.Match[str]) -> str:
    """Put a space where a name touches a job word ("HalperStaff"), but not in "McDonald"."""
    return f"{match[1]} {match[2]}" if _TITLE_WORDS.match(match[2]) else match[0]


def _is_furniture_segment(segment: str) -> bool:
    """What may follow the names after '|', '·' or ' - ': agencies, titles, dates, reading time."""
    segment = _EMAIL.sub(" ", segment).strip()
    if not segment or is_organisation(segment) or _is_job_title(segment) or _READING.match(segment):
        return True
    return find_dateline(segment) is not None or parse_date(segment) is not None


def _backs_name(text: str) -> bool:
    """Furniture that makes a name without a byline word a byline: a job title or a news agency.

    A domain, an acronym or a company is not enough: "Rasende Polizisten | strafprozess.ch" is a
    page title and its site."""
    key = _org_key(text)
    return _is_job_title(text) or key in _ORG_NAMES or any(word in _NEWSROOM for word in re.split(r"[\s-]+", key))


_NEWSROOM = frozenset(("redaktion", "rédaction", "redacción", "newsroom", "desk", "staff"))


def _org_like(text: str) -> bool:
    return is_organisation(text) and not _backs_name(text)


def _is_job_title(text: str) -> bool:
    """'Senior Reporter', 'Redakteurin', 'Envoyé spécial': a short phrase with a job word in it."""
    return len(text.split()) <= 6 and _TITLE_WORDS.search(text) is not None


def _person_shape(text: str, *, min_tokens: int, max_tokens: int) -> bool:
    """Capitalised name tokens (between the bounds), with lower-case particles between them."""
    tokens = text.split()
    if not tokens or len(tokens) > max_tokens + 3 or not _is_name_token(tokens[0]):
        return False
    count = capitals = 0
    for token in tokens:
        if _is_name_token(token):
            count += 1
        elif _CAPITALS.fullmatch(token) and token.lower() not in _NOT_NAME_WORDS:
            capitals += 1  # "Chokri GHARBI": French bylines print the surname in capitals
        elif token.lower() not in _PARTICLES:
            return False
    last = _is_name_token(tokens[-1]) or capitals > 0
    return min_tokens <= count + capitals <= max_tokens and capitals <= count and last


_CAPITALS = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]{2,}")


@lru_cache(maxsize=8192)
def _is_name_token(token: str) -> bool:
    """'Jane', "O'Brien", 'Jean-Luc', 'al-Sudani', "d'Estaing", 'J.', 'Jr.': one part of a name."""
    if token.lower() in _NOT_NAME_WORDS or token.lower() in _ORG_WORDS or len(token) > 24:
        return False
    if _TITLE_WORDS.fullmatch(token) or (token.isupper() and len(token) > 1 and not token.endswith(".")):
        return False  # "Reporter", "Staff"; "KG", "USA": not parts of a person's name
    if token.endswith(".") and (len(token) <= 3 or re.fullmatch(r"(?:[A-Z]\.){2,3}", token)):
        return token[0].isupper() and token[:-1].replace(".", "").isalpha()  # "J.", "Jr.", "R.C."
    core = re.sub(r"^(?:al|el|ad|ar|as|ash|at|az|abu|bin|ben|ibn|d|l|o)[-'’](?=\w)", "", token)
    if len(core) < 2 or not core[:1].isupper() or re.search(r"[^\W\d_]{4}[A-Z]|['’]s$", core):
        return False  # "M" alone; "WinterJournal" is two words glued (but "McDonald", "MacArthur" pass)
    return all(piece.isalpha() for piece in re.split(r"[-'’]", core))


def looks_like_name(text: str) -> bool:
    """A bare person name line such as 'Christian Baghai'.

    2-4 capitalised name tokens, particles (van, von, de, al-) allowed, no digits, no sentence
    punctuation, no job or organisation words, not all in capitals (that is a heading).  This is a
    shape test only; the pipeline decides from context whether such a line is a byline.
    """
    text = text.strip()
    if not 3 <= len(text) <= 60 or text.isupper():
        return False
    if is_organisation(text) or _is_job_title(text):
        return False
    return _person_shape(text, min_tokens=2, max_tokens=4)


def is_organisation(name: str, *, site_name: str | None = None) -> bool:
    """An agency, newsroom, publication or the site itself, which is never a person author."""
    if len(name) > MAX_LINE:
        return False  # a text this long is not a name of anything
    key = _org_key(name)
    if not key:
        return False
    if key in _ORG_NAMES or _COMPANY.search(name):
        return True  # an agency, or a company by its legal form: "Nordex SE", "Stiftung e.V."
    words = re.split(r"[\s-]+", key)
    if len(words) <= 5 and name.strip()[:1].isupper() and any(word in _ORG_WORDS for word in words):
        return True  # "BBC News", "Zeit Online"; not a sentence that happens to say "magazine"
    if re.search(r"\w\.[a-z]{2,4}$", key):
        return True  # a domain name: example.com
    bare = name.strip()
    if bare.isupper() and bare.isalpha() and len(bare) <= 5:
        return True  # an acronym: AFP, KNA, NYT
    if site_name:
        site = re.sub(r"^(?:www\.)|\.[a-z]{2,4}$", "", _org_key(site_name))
        squeezed = key.replace(" ", "")
        return bool(site) and squeezed in {site.replace(" ", ""), site.removeprefix("the").replace(" ", "")}
    return False


def _org_key(name: str) -> str:
    key = " ".join(name.casefold().split()).strip(" .,;:-–—()[]")
    return key.removeprefix("the ")


def _title_case(text: str) -> str:
    """'JEAN-LUC O'BRIEN VAN DAM' -> "Jean-Luc O'Brien van Dam": only for all-capitals sources."""
    words = []
    for position, word in enumerate(text.split()):
        lower = word.lower()
        if position and lower in _PARTICLES:
            words.append(lower)
            continue
        words.append("".join(piece.capitalize() for piece in re.split(r"([-'’])", lower)))
    return " ".join(words)


def _dedupe(names: Iterable[str]) -> tuple[str, ...]:
    """Unique names, first spelling kept, compared without case."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())
