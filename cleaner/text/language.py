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

langdetect reads Chinese, above all Traditional Chinese, as Korean with near certainty (its Korean profile holds
the Han characters Korean was once written in; Mimino666/langdetect#51): a sample it calls Korean that holds no
Hangul letter is Japanese when it holds kana, else Chinese (``_korean_checked``), as modern Korean is written in
Hangul.

langdetect runs as its own detector with its per-character and per-language loops rewritten
(``_Detector``): the same n-grams, the same random trials and the same arithmetic in the same
order, so the same probabilities (tests/test_language.py compares them), in about half the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

import justext
import numpy as np
import regex
from langdetect import DetectorFactory, LangDetectException
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.utils.ngram import NGram

from cleaner.text.shape import SCRIPT_WORD, UNSPACED_LETTER

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
LATIN_WORDS = regex.compile(r"[\p{Latin}\p{M}'’]+")
LETTER = regex.compile(r"\p{L}")
LETTERS = regex.compile(r"[\p{L}\p{M}]+")  # a vowel sign (Devanagari, Thai) is a mark
HANGUL = regex.compile(r"\p{Hangul}")
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")

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
    """Up to SAMPLE_CHARS of the longest-looking prose, in reading order: blocks of MIN_BLOCK_CHARS or more,
    at least half of them letters (a line of dashes or dots, a rule, a row of figures, tells no language)."""
    parts: list[str] = []
    size = 0
    for text in texts:
        if _long_enough(text) and 2 * _letter_chars(text) >= len(text):
            parts.append(text)
            size += len(text)
            if size >= SAMPLE_CHARS:
                break
    return "\n".join(parts)[:SAMPLE_CHARS]


def _long_enough(text: str) -> bool:
    """Whether a block is long enough to tell its language: ``MIN_BLOCK_CHARS``, a Chinese or Japanese letter
    counting as two (as the guards count a word every two of them): a Chinese paragraph of 50 characters says as
    much as 100 of an alphabet, and a page of such paragraphs had no language."""
    if len(text) >= MIN_BLOCK_CHARS:
        return True
    return 2 * len(text) >= MIN_BLOCK_CHARS and len(text) + len(UNSPACED_LETTER.findall(text)) >= MIN_BLOCK_CHARS


def _letter_chars(text: str) -> int:
    """How many of the text's characters are letters or their marks (not digits): what
    ``sum(map(len, LETTERS.findall(text)))`` counts, without a list of every run (three million strings, 190 MB,
    for a 12 MB page run into one line)."""
    return len(text) - len(LETTERS.sub("", text))


def detect_language(texts: Iterable[str], *, default: str | None = None) -> str | None:
    """The ISO 639-1 code of the prose in ``texts``, or ``default`` when it cannot tell."""
    sample = _sample(texts)
    if len(sample) < MIN_SAMPLE_CHARS:
        return default
    return _detect(sample) or default


@lru_cache(maxsize=256)
def _detect(sample: str) -> str | None:
    """The sample's language, once per sample (the text model reads a page's kept text again)."""
    return vote(sample) or _korean_checked(_langdetect(_in_its_script(sample)), sample)


def _korean_checked(language: str | None, sample: str) -> str | None:
    """langdetect's "ko" for a sample without a Hangul letter: "ja" when it holds kana, else "zh"."""
    if language != "ko" or HANGUL.search(sample):
        return language
    return "ja" if KANA.search(sample) else "zh"


def _in_its_script(sample: str) -> str:
    """The sample without its Latin words when most of its words are of another script: the names and brands a
    Chinese, Russian or Arabic text writes in Latin letters are foreign words, and in langdetect's character
    n-grams they can outvote the text (a Chinese biography naming its singer's English schools and songs was read
    as Vietnamese, 0.71)."""
    latin = other = 0
    for word in SCRIPT_WORD.findall(sample):  # a word every two characters in Chinese and Japanese
        if LATIN.search(word):
            latin += 1
        elif LETTER.search(word):
            other += 1
    return LATIN_WORDS.sub(" ", sample) if other > latin else sample


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
    detector = _Detector(_factory())
    detector.n_trial = TRIALS
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except LangDetectException:
        return None
    if best.prob < MIN_PROBABILITY:
        return None
    return best.lang.split("-")[0]


class _Detector(Detector):
    """langdetect's detector with its per-character and per-language loops written for speed.

    The same arithmetic in the same order (so the same answers, trial by trial): the n-grams it
    extracts are langdetect's list (``_ngrams``); a probability update multiplies each language's
    probability by the same factor (elementwise, as numpy does), and normalising divides by the same
    ``sum`` (Python's, over the same values in the same order).
    """

    def _extract_ngrams(self) -> list[str]:
        return _ngrams(self.text, self.word_lang_prob_map)

    def _init_probability(self) -> np.ndarray:
        return np.asarray(super()._init_probability(), dtype=float)

    def _update_lang_prob(self, prob: np.ndarray, word: str | None, alpha: float) -> bool:
        if word is None or word not in self.word_lang_prob_map:
            return False
        prob *= alpha / self.BASE_FREQ + _profile(self.word_lang_prob_map, word)
        return True

    def _normalize_prob(self, prob: np.ndarray) -> float:
        prob /= sum(prob.tolist())
        return max(0.0, float(prob.max()))


def _profile(known: dict[str, tuple[float, ...]], word: str) -> np.ndarray:
    """An n-gram's per-language probabilities as an array, converted once per n-gram (``known`` is the one
    factory's map: ``_factory`` loads the profiles once per process)."""
    found = _PROFILES.get(word)
    if found is None:
        if len(_PROFILES) >= PROFILES_MEMO:
            _PROFILES.clear()
        found = _PROFILES[word] = np.asarray(known[word], dtype=float)
    return found


PROFILES_MEMO = 50_000  # n-grams remembered as arrays (a few hundred bytes each), then forgotten all at once
_PROFILES: dict[str, np.ndarray] = {}


def _ngrams(text: str, known: dict[str, object]) -> list[str]:
    """The 1- to 3-grams of ``text`` that langdetect knows, in order: ``Detector._extract_ngrams``'s list.

    langdetect walks the normalised characters with an ``NGram`` buffer that a space resets, so its list is
    each space-separated word's grams in turn: the word's own, with the space before it, and with the space
    after it unless the text ends with the word (``_word_ngrams``, worked out once per word).  Each
    character's normal form is worked out once (``_NORMAL``) instead of searched in the Unicode block table
    at every occurrence.
    """
    found: list[str] = []
    words = text.translate(_NORMAL).split(" ")
    for word in words[:-1]:
        if word:
            found += _word_ngrams(word, True, known)
    if words[-1]:
        found += _word_ngrams(words[-1], False, known)
    return found


def _word_ngrams(word: str, spaced: bool, known: dict[str, object]) -> tuple[str, ...]:
    """One word's grams as langdetect's buffer gives them (``known`` is the one factory's map: ``_factory``).

    The buffer holds the space before the word, then its letters (and the space after it when ``spaced``); at
    each character it offers the character, and the last two and three characters, unless the character and
    the one before it are both capitals (a word in capitals says little about its language).  Remembered as a
    tuple, which the garbage collector stops tracking (a list it would walk as long as it is remembered).
    """
    key = (word, spaced)
    remembered = _WORDS.get(key)
    if remembered is not None:
        return remembered
    grams: list[str] = []
    padded = f" {word} " if spaced else f" {word}"
    for end in range(1, len(padded)):
        char = padded[end]
        if char.isupper() and padded[end - 1].isupper():
            continue
        if char != " " and char in known:
            grams.append(char)
        if padded[end - 1 : end + 1] in known:
            grams.append(padded[end - 1 : end + 1])
        if end >= 2 and padded[end - 2 : end + 1] in known:
            grams.append(padded[end - 2 : end + 1])
    if len(_WORDS) >= WORDS_MEMO:
        _WORDS.clear()
    remembered = _WORDS[key] = tuple(grams)
    return remembered


WORDS_MEMO = 50_000  # words remembered with their grams, then forgotten all at once
_WORDS: dict[tuple[str, bool], tuple[str, ...]] = {}


def gram_chances() -> dict[str, tuple[float, ...]]:
    """langdetect's n-gram profiles, loaded once (``_factory``): each 1- to 3-character gram's probability in each
    of its languages, among the grams of that length (``cleaner.text.legacy`` reads them)."""
    return _factory().word_lang_prob_map


def normal_form(text: str) -> str:
    """``text`` with each character in langdetect's normal form (``NGram.normalize``): ASCII that is no letter and
    general punctuation as spaces, each kana and Hangul syllable as one, CJK ideographs as their class's."""
    return text.translate(_NORMAL)


def forget_words() -> None:
    """Forget the words remembered with their grams (a benchmark's round meets its pages as new pages)."""
    _WORDS.clear()


class _NormalForms(dict[int, str]):
    """langdetect's normal form of each character (``NGram.normalize``) by code point, for ``str.translate``:
    worked out the first time a character is met."""

    def __missing__(self, code: int) -> str:
        form = self[code] = NGram.normalize(chr(code))
        return form


_NORMAL = _NormalForms()


def warm_up() -> None:
    """Load langdetect's language profiles and the stopword index now, not on some page later.

    Both are read once per process (about 0.3 s of CPU for the profiles), on the first document
    whose language the stopword vote cannot tell; ``cleaner.warm_up`` calls this.
    """
    _stopword_index()
    _factory()


@cache
def _factory() -> DetectorFactory:
    """langdetect's language profiles, loaded once, each n-gram's probabilities a tuple.

    langdetect keeps them as lists (some 87,000, of 55 floats each), which the garbage collector walks at
    every full collection for as long as the process lives; a tuple of floats it stops tracking, and every
    reader (langdetect's own detector and ``_Detector``) only indexes or converts them: the same values.
    """
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.word_lang_prob_map = {gram: tuple(chances) for gram, chances in factory.word_lang_prob_map.items()}
    return factory


@cache
def stoplist(language: str | None) -> frozenset[str]:
    """justext's stopwords for the language (empty when there is none)."""
    name = JUSTEXT_NAMES.get(language or "")
    return frozenset(justext.get_stoplist(name)) if name else frozenset()
