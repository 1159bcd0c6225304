"""Language: which language the body is in, and its stopword list.

Detection reads the prose-sized blocks only (menus and captions are too short to tell and
would drown the signal), on a bounded sample so the cost does not grow with the page.  A
stopword vote answers first: when one language's stopwords clearly dominate the sample, that
is the language; when the vote is not clear (few words, related languages, mixed text),
langdetect decides.  langdetect is random by design; we fix its seed so the same input always
gets the same answer.  Stoplists come from justext.

The vote: every word of the sample that is a stopword of some languages counts for each of
them, weighted by one over how many languages list it (a word many lists share says little),
and only for languages written in its script (justext's lists, built from Wikipedia, hold
Latin-script words in lists of other scripts).  It answers when the sample has
``VOTE_MIN_WORDS`` words, the leader's weight is ``VOTE_SHARE`` of them, and ``VOTE_MARGIN``
times the runner-up's.  On 2,131 samples of the bench's dumps and extractor outputs (their
openings as cleaning reads them, and windows further in) on which these settings were chosen, it
answers 78% of them (1,672), always as langdetect does (a 2.5 margin already gets two
mixed-language samples wrong).  On 383 further windows, looked at only after, it answers 281 and
differs from langdetect on 2, both text that is no article: a list of English URLs on a German
site (langdetect "de", the vote "en") and a cookie notice in German and English (langdetect
unsure, the vote "de").  langdetect costs about 3.7 ms a sample, the vote 0.1 ms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

import justext
import regex
from langdetect import DetectorFactory, LangDetectException
from langdetect.detector_factory import PROFILES_DIRECTORY

SAMPLE_CHARS = 800  # enough for a stable answer (2 of 591 bench bs4 dumps differ from 1500), half the cost
MIN_SAMPLE_CHARS = 40
MIN_BLOCK_CHARS = 80
MIN_PROBABILITY = 0.5
TRIALS = 3  # langdetect's random trials (7 by default): the same answer on 1182 of 1182 bench dumps, a third less time
VOTE_MIN_WORDS = 30  # the stopword vote answers only for a sample of this many words ...
VOTE_SHARE = 0.12  # ... whose leading language's weight is this share of its words ...
VOTE_MARGIN = 3.0  # ... and this many times the runner-up's
WORD = re.compile(r"\w+")
LATIN = regex.compile(r"\p{Latin}")

# ISO 639-1 codes to justext's stoplist names (the languages langdetect can report).
JUSTEXT_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "gu": "Gujarati", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "kn": "Kannada",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi",
    "ne": "Nepali", "nl": "Dutch", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sv": "Swedish",
    "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese",
}  # fmt: skip


def _sample(texts: Iterable[str]) -> str:
    """Up to SAMPLE_CHARS of the longest-looking prose, in reading order."""
    parts: list[str] = []
    size = 0
    for text in texts:
        if len(text) >= MIN_BLOCK_CHARS:
            parts.append(text)
            size += len(text)
            if size >= SAMPLE_CHARS:
                break
    return "\n".join(parts)[:SAMPLE_CHARS]


def detect_language(texts: Iterable[str], *, default: str | None = None) -> str | None:
    """The ISO 639-1 code of the prose in ``texts``, or ``default`` when it cannot tell."""
    sample = _sample(texts)
    if len(sample) < MIN_SAMPLE_CHARS:
        return default
    return _detect(sample) or default


@lru_cache(maxsize=256)
def _detect(sample: str) -> str | None:
    """The sample's language, once per sample (the text model reads a page's kept text again)."""
    return vote(sample) or _langdetect(sample)


def vote(sample: str) -> str | None:
    """The language whose stopwords clearly lead in the sample (see the module doc), or None."""
    words = WORD.findall(sample.lower())
    if len(words) < VOTE_MIN_WORDS:
        return None
    index = _stopword_index()
    tally: dict[str, float] = {}
    for word in words:
        languages = index.get(word, ())
        for language in languages:
            tally[language] = tally.get(language, 0.0) + 1 / len(languages)
    if not tally:
        return None
    ranked = sorted(tally.values(), reverse=True)
    leader = max(tally, key=tally.__getitem__)
    runner_up = ranked[1] if len(ranked) > 1 else 0.0
    if ranked[0] >= VOTE_SHARE * len(words) and ranked[0] >= VOTE_MARGIN * runner_up:
        return leader
    return None


@cache
def _stopword_index() -> dict[str, tuple[str, ...]]:
    """Each stopword: the languages (written in its script) whose lists hold it."""
    lists = {language: stoplist(language) for language in JUSTEXT_NAMES}
    initials = {word[0] for words in lists.values() for word in words if word}
    latin = {initial for initial in initials if LATIN.match(initial)}  # a word's script: its first letter's
    listed: dict[str, list[str]] = {}
    for language, words in lists.items():
        latin_list = sum(1 for word in words if word[:1] in latin) > len(words) / 2
        for word in words:
            if (word[:1] in latin) == latin_list:
                listed.setdefault(word, []).append(language)
    return dict(zip(listed, map(tuple, listed.values()), strict=True))


def _langdetect(sample: str) -> str | None:
    """langdetect's answer for a sample (seeded: the same sample, the same answer)."""
    DetectorFactory.seed = 0
    detector = _factory().create()
    detector.n_trial = TRIALS
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except LangDetectException:
        return None
    if best.prob < MIN_PROBABILITY:
        return None
    return best.lang.split("-")[0]


def warm_up() -> None:
    """Load langdetect's language profiles and the stopword index now, not on some page later.

    Both are read once per process (about 0.3 s of CPU for the profiles), on the first document
    whose language the stopword vote cannot tell; ``cleaner.warm_up`` calls this.
    """
    _stopword_index()
    _factory()


@cache
def _factory() -> DetectorFactory:
    """langdetect's language profiles, loaded once."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


@cache
def stoplist(language: str | None) -> frozenset[str]:
    """justext's stopwords for the language (empty when there is none)."""
    name = JUSTEXT_NAMES.get(language or "")
    return frozenset(justext.get_stoplist(name)) if name else frozenset()
