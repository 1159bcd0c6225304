"""Person names and organisations: shape tests for one name or one short phrase.

What this layer does:

- ``looks_like_name(text)`` says whether a bare line is shaped like a person's name ("Christian
  Baghai", "Jean-Luc O'Brien van Dam", "Chokri GHARBI").
- ``is_organisation(name)`` says whether a name is an agency, a newsroom, a publication, a company
  by its legal form, a domain, an acronym or the site itself: never a person author.
- The pieces ``cleaner.metadata.byline`` builds its bylines from: ``person_shape`` (capitalised name tokens
  between bounds), ``is_name_token``, ``is_job_title``, ``backs_name`` (a job title or agency that
  vouches for a name beside it), ``name_before_title`` ("Richard Adams Education editor"),
  ``undouble``, ``title_case`` and ``is_user_name`` ("freeman1984").

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
from functools import lru_cache

from cleaner.metadata.dates import parse_date

MAX_LINE = 200
"""A byline, or a line of names, is short; longer lines are prose and are refused unread."""

_COMPANY = re.compile(
    r"(?<!\w)(?:gmbh|ag|kg|inc|ltd|llc|plc|corp|s\.a\.|srl|bv|nv|co\.|e\.\s?v(?!\w)\.?|mbh|kgaa|gbr)(?!\w)"
    r"|\s(?:se|sa|spa|sarl|sas|oy|ab|asa|ug)\.?$",
    re.IGNORECASE,
)
_GLUED = re.compile(r"([a-zß-ÿ])([A-Z][^\W\d_]*)")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


PARTICLES = _wordset(
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
_WRITER = re.compile(
    r"[^\W\d_]*(?:redakteur|korrespondent|journalist|reporter|kolumnist|autor)(?:in|innen|en|e)?", re.IGNORECASE
)
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
    "editors editorial "
    # kinds of organisation, in the languages of the benchmark pages
    "fund fonds fundusz fundacja fondation fundación fundação fondazione association verein verband vereniging "
    "stowarzyszenie associazione asociación associação department abteilung ministry ministerium ministère "
    "ministerio ministero ministerstwo council gemeinde stadtverwaltung police polizei policía feuerwehr "
    "pompiers bomberos straż office amt büro bureau agentur club klub society gesellschaft"
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
_NEWSROOM = frozenset(("redaktion", "rédaction", "redacción", "newsroom", "desk", "staff"))
_CAPITALS = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]{2,}")


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


def is_organisation(name: str, *, site_name: str | None = None) -> bool:
    """An agency, newsroom, publication or the site itself, which is never a person author."""
    if len(name) > MAX_LINE:
        return False  # a text this long is not a name of anything
    key = _org_key(name)
    if not key:
        return False
    if key in _ORG_NAMES or is_company(name):
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
    last = is_name_token(tokens[-1]) or capitals > 0
    return min_tokens <= count + capitals <= max_tokens and capitals <= count and last


@lru_cache(maxsize=8192)
def is_name_token(token: str) -> bool:
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
    return is_job_title(text) or key in _ORG_NAMES or any(word in _NEWSROOM for word in re.split(r"[\s-]+", key))


def name_before_title(part: str) -> str | None:
    """'Richard Adams Education editor' -> 'Richard Adams'; 'Evan HalperStaff Writer' -> 'Evan Halper'.

    The title must start with a job word or continue in lower case, so the name is never cut:
    'Jane Mary Doe Senior Reporter' keeps 'Jane Mary Doe'.
    """
    tokens = _GLUED.sub(_unglue, part).split()
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


def _unglue(match: re.Match[str]) -> str:
    """Put a space where a name touches a job word ("HalperStaff"), but not in "McDonald"."""
    return f"{match[1]} {match[2]}" if _TITLE_WORDS.match(match[2]) else match[0]


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
        words.append("".join(piece.capitalize() for piece in re.split(r"([-'’])", lower)))
    return " ".join(words)


_USER_NAME = re.compile(r"[^\W\d_][^\W_]*\d[^\W_]*")


def is_user_name(part: str) -> bool:
    """A forum or blog user name with digits ("freeman1984", "c1ph4"): one token, mostly letters.

    Sites credit such handles as the author; a date glued to a word ("Mai2017") is not one.
    """
    if not _USER_NAME.fullmatch(part) or not 5 <= len(part) <= 30:
        return False
    return sum(char.isalpha() for char in part) >= 3 and parse_date(part) is None
