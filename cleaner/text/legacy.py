"""Legacy encodings: which reading of bytes that are not UTF-8 is text in some language.

What it does: ``detect_encoding`` reads the bytes in each candidate encoding: charset-normalizer's (those it ranks
within ``WESTERN_MARGIN`` of its best "chaos"; when it finds none, no encoding reads them) and every legacy
single-byte code page that decodes them (``cleaner/lexicon/legacy_encodings.txt``: Windows, ISO 8859, KOI8 and DOS
pages).  Readings of the same bytes in related code pages differ in a few letters only, and charset-normalizer ranks
them all but equally (Turkish read as windows-1252, ``ş`` as ``þ``; Czech in ISO 8859-2 with ``ž`` as ``ľ``; short
KOI8-R Russian as Japanese); the right one is the reading whose words look like a language's words.

The readings are compared on the first ``SCORED_WORDS`` words holding bytes outside ASCII.  A word's likelihood in
a language is that of its characters from each one outside ASCII to the second after it, each given the two before
(langdetect's profiles, cased as they are, loaded once by ``cleaner.text.language``: a gram's chance over its first
characters', mixed with the chance after one character and the character's own; ``UNSEEN`` at least), so that each
reading is scored on the same characters: a rare letter (``ü``) no longer pays for each of the six grams around it
where a mark read from the same byte (``³``) paid for one.  A character no word holds there is a letter no language
has (``_stranger``: a control character, a symbol glued to a letter, a punctuation mark inside a word, a letter or a
script's mark beside a letter of another script); a mark between words (``’ “ – €``) has the chance ``MARK``.  The
``SHORTLIST`` readings likeliest in one language are then scored as a mixture of languages (each word from one; the
shares fitted by expectation-maximisation), as few as the Bayesian information criterion chooses, so that a page in
two or three languages is read as well as a page in one; the likeliest wins.  Readings the grams cannot tell apart
(the same letters, or likelihoods within odds of ``TIE_ODDS``) go to the one that misplaces the fewest characters,
then to windows-1252 (the web's legacy default, as browsers assume), then to charset-normalizer's order.

What it does not do: UTF-8, byte-order marks, UTF-16 and declared charsets are ``cleaner.text.decode``'s; this
module only runs for bytes that are none of them, so UTF-8 input never loads it or the profiles.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache, lru_cache

import numpy as np
from charset_normalizer import from_bytes

from cleaner.lexicon import phrases
from cleaner.text.language import gram_chances, normal_form

WESTERN_MARGIN = 0.1  # charset-normalizer's candidates: those within this "chaos" of its best
SCORED_WORDS = 60  # the readings are compared on the first words (runs of bytes between spaces) holding bytes > 127
SHORTLIST = 5  # readings scored as a mixture of languages: those likeliest in one language
WORDS_MEMO = 10_000  # words remembered with their likelihoods (55 numbers each: about 5 MB)
MIXTURE_ROUNDS = 10  # rounds of expectation-maximisation for a reading's mixture of languages
TIE_ODDS = 20  # readings the likeliest is not this many times likelier than are tied (the usual 1 in 20)
MIXTURE_CANDIDATES = 5  # a reading's languages: among those likeliest for the most words
UNSEEN = 1e-7  # the probability of a character no language profile gives a chance there (their rarest: about 1e-5)
MARK = 1e-2  # the chance of a mark where words part (’ “ – € ...): typographic text has about one in 100 characters
SPACE = 1 / 6  # the chance of a word's end after a letter (words of about five letters)
WEIGHTS = (0.1, 0.3, 0.6)  # a character's chance: its own, after the one before, after the two before, so mixed
IN_WORDS = "\u2019\u2018\u00b7\u2010\u2011"  # what words hold: apostrophes (``don’t``), Catalan ``l·l``, hyphens
NON_ASCII = re.compile("[^\x00-\x7f]")
# A word in capitals, read with its first only (langdetect's profiles hold capitals at the start of words); a capital
# inside a word in small letters (``tĒtulo``) stays: no profile knows it there.
CAPITALS = re.compile(r"\b[^\W\d_a-z]{2,}\b")
SCORED_WORD = re.compile(rb"[^\s]*[\x80-\xff][^\s]*")
JAPANESE = frozenset(("HIRAGANA", "KATAKANA", "IDEOGRAPHIC"))  # written in words with Chinese characters
STRANGER = "\x00"  # stands for a character no language's words hold, in the normal form the grams are read from


def detect_encoding(sample: bytes) -> str | None:
    """The encoding whose reading of ``sample`` is most plausibly text (see the module doc); None when no
    encoding reads it."""
    groups = _readings(sample)
    if not groups:
        return None
    readings = _word_readings(_scored_words(sample), groups)
    words = [_words_likelihoods(text) for text, _ in readings]
    best_single = sorted(range(len(readings)), key=lambda at: _best_language(words[at]), reverse=True)[:SHORTLIST]
    scores = {at: _mixture_likelihood(words[at]) for at in best_single}
    tied = [readings[at] for at, score in scores.items() if score >= max(scores.values()) - math.log(TIE_ODDS)]
    order = {text: at for at, (text, _) in enumerate(readings)}
    _, names = min(tied, key=lambda item: (_misplaced(item[0]), "cp1252" not in item[1], order[item[0]]))
    return "cp1252" if "cp1252" in names else names[0]


def _readings(sample: bytes) -> list[list[str]]:
    """The candidate encodings, each as the names that read ``sample`` alike: charset-normalizer's close ones (with
    the names it says read alike), then the listed legacy code pages that decode it without an error; none when
    charset-normalizer finds no encoding that reads it as text."""
    matches = [match for match in from_bytes(sample) if match.encoding is not None]
    if not matches:  # no encoding reads them as text (random bytes among ASCII): none is chosen
        return []
    close = [match for match in matches if match.chaos <= matches[0].chaos + WESTERN_MARGIN]
    groups = [[match.encoding, *match.could_be_from_charset] for match in close]
    offered = {name for group in groups for name in group}
    for name in _legacy_encodings():
        if name.replace("-", "_") not in offered and _decodes(sample, name):
            groups.append([name])
    return groups


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


@cache
def _legacy_encodings() -> tuple[str, ...]:
    """The code pages of ``legacy_encodings.txt``, in its order."""
    return tuple(name for line in phrases("legacy_encodings") for name in line.split())


def _scored_words(sample: bytes) -> bytes:
    """The first ``SCORED_WORDS`` words of ``sample`` that hold bytes outside ASCII, joined by spaces: cut at spaces,
    they are whole characters in every encoding (no multi-byte character holds a space byte)."""
    words = []
    for found in SCORED_WORD.finditer(sample):
        words.append(found.group())
        if len(words) == SCORED_WORDS:
            break
    return b" ".join(words)


def _word_readings(words: bytes, groups: list[list[str]]) -> list[tuple[str, list[str]]]:
    """Each distinct reading of ``words`` with the names that give it, in the candidates' order."""
    readings: dict[str, list[str]] = {}
    for group in groups:
        readings.setdefault(words.decode(group[0], errors="replace"), []).extend(group)
    return list(readings.items())


def _words_likelihoods(text: str) -> np.ndarray:
    """Each word's log-likelihood in each language (a row for each word of the reading that is not ASCII)."""
    words = [_word_likelihoods(word) for word in text.split(" ") if not word.isascii()]
    return np.stack(words) if words else np.zeros((1, len(_unseen())))


def _best_language(likelihoods: np.ndarray) -> float:
    """The words' log-likelihood in the one language that makes them likeliest."""
    return float(likelihoods.sum(axis=0).max())


@lru_cache(maxsize=WORDS_MEMO)
def _word_likelihoods(word: str) -> np.ndarray:
    """A word's log-likelihood in each language: each of its characters from one outside ASCII to the second after
    it (where the reading changes what comes next) given the two before (``_char_chances``); a mark where words
    part (``_normal_letters``) as ``MARK``.  Each reading of the word is so scored on the same characters, a mark
    as a letter; remembered for ``WORDS_MEMO`` words."""
    normal, letters, marks = _normal_letters(word)
    total = np.full_like(_unseen(), marks * math.log(MARK))
    for at in sorted({at + step for at in letters for step in (0, 1, 2) if at + step < len(normal)}):
        if normal[at] == STRANGER:
            total += math.log(UNSEEN)
        elif normal[at] != " " or normal[at - 1] not in (" ", STRANGER):  # a run of spaces is one end of a word
            total += np.log(np.maximum(_char_chances(normal, at), UNSEEN))
    return total


def _normal_letters(word: str) -> tuple[list[str], list[int], int]:
    """The word in langdetect's normal form, padded with a space each side, as characters: one no word holds there
    (``_stranger``) as ``STRANGER``, a mark between words (punctuation, a symbol) as a space; the places of its
    characters outside ASCII; and how many of them are such marks."""
    lowered = CAPITALS.sub(lambda found: found.group()[0] + found.group()[1:].lower(), word)
    normal = list(f" {normal_form(lowered)} ")
    letters, marks = [], 0
    for found in NON_ASCII.finditer(lowered):
        at = found.start() + 1
        if _stranger(lowered, found.start()):
            normal[at] = STRANGER
        elif not _letter(found.group()):
            normal[at], marks = " ", marks + 1
        letters.append(at)
    return normal, letters, marks


def _char_chances(normal: list[str], at: int) -> np.ndarray:
    """The chance of the character at ``at`` in each language: its own chance, that after the character before and
    that after the two before (a gram's chance over its first characters'), mixed by ``WEIGHTS``; a space (a word's
    end) has ``SPACE``."""
    char, before = normal[at], normal[at - 1]
    chance = WEIGHTS[0] * _chances(char)
    if before != STRANGER:
        chance = chance + WEIGHTS[1] * _after(before, char)
        context = "".join(normal[at - 2 : at])
        if at >= 2 and STRANGER not in context and context != "  ":
            chance = chance + WEIGHTS[2] * _after(context, char)
    return chance


def _after(context: str, char: str) -> np.ndarray:
    """The chance of ``char`` after ``context`` in each language: the gram's over the context's (at most 1)."""
    gram, given = _chances(context + char), _chances(context)
    return np.minimum(np.divide(gram, given, out=np.zeros_like(gram), where=given > 0), 1)


def _mixture_likelihood(likelihoods: np.ndarray) -> float:
    """The log-likelihood of words (rows: each word's log-likelihood in each language) under the mixture of
    languages chosen by the Bayesian information criterion: from the likeliest language alone, the language among
    the ``MIXTURE_CANDIDATES`` likeliest for the most words that adds most is added, its share fitted, while it
    adds more than it costs (naming one of the languages, and half the log of the words for its share).

    Each word free to come from any of 55 languages would let a garbled word find one that likes its letters
    (``naïve`` read in windows-1257 as Latvian ``naļve``); a page mixes few, each for many words.
    """
    votes = np.bincount(likelihoods.argmax(axis=1), minlength=likelihoods.shape[1])
    candidates = list(np.lexsort((likelihoods.sum(axis=0), votes))[-MIXTURE_CANDIDATES:])
    chosen = [candidates.pop()]
    best = _fitted_likelihood(likelihoods[:, chosen])
    cost = math.log(likelihoods.shape[1]) + math.log(len(likelihoods)) / 2
    while candidates:
        gains = {at: _fitted_likelihood(likelihoods[:, [*chosen, at]]) for at in candidates}
        added = max(gains, key=gains.__getitem__)
        if gains[added] - best <= cost:
            break
        chosen.append(added)
        candidates.remove(added)
        best = gains[added]
    return best - cost * (len(chosen) - 1)


def _fitted_likelihood(likelihoods: np.ndarray) -> float:
    """The log-likelihood of words under a mixture of the languages of the columns, their shares fitted by
    ``MIXTURE_ROUNDS`` rounds of expectation-maximisation (from equal shares)."""
    top = likelihoods.max(axis=1)
    chances = np.exp(likelihoods - top[:, None])  # each word's likelihoods relative to its likeliest language's
    shares = np.full(likelihoods.shape[1], 1 / likelihoods.shape[1])
    for _ in range(MIXTURE_ROUNDS):
        weighted = chances * shares
        shares = (weighted / weighted.sum(axis=1, keepdims=True)).sum(axis=0) / len(chances)
    return float(top.sum() + np.log(chances @ shares).sum())


def _stranger(text: str, at: int) -> bool:
    """Whether the character at ``at`` (outside ASCII) is where text never has one: a control or unassigned
    character; a symbol, number or punctuation mark between two letters (Polish ``ł`` read as ``³``, German ``ä`` in
    a DOS code page read as ``„``), but for the apostrophes, middle dot and hyphens that words hold; a symbol or
    number beside a letter or another one (``skarż±``, box drawing read from letters: ``╙╥┼─╒``), where ``€12``,
    ``½`` after a digit and ``km²`` are text."""
    kind = unicodedata.category(text[at])
    if kind[0] in "LM":
        return _other_script(text, at)
    if kind[0] == "C":
        return True
    before, after = text[at - 1 : at] or " ", text[at + 1 : at + 2] or " "
    if _letter(before) and _letter(after):
        return text[at] not in IN_WORDS
    if _mark_script(text[at]) not in (None, *map(_script, (before, after))):
        return True
    beside = (before, after)
    glued = any(map(_letter, beside)) and not unicodedata.decomposition(text[at]).startswith("<super>")
    return kind[0] in "SN" and (glued or any(map(_symbol, beside)))


def _other_script(text: str, at: int) -> bool:
    """Whether the letter at ``at`` is beside a letter of another script (``Αgua``: a Greek capital before Latin
    letters): a word is written in one."""
    script = _script(text[at])
    beside = (text[at - 1 : at] or " ", text[at + 1 : at + 2] or " ")
    return script is not None and any(_script(char) not in (script, None) for char in beside)


@lru_cache(maxsize=4096)
def _script(char: str) -> str | None:
    """A letter's script as the first word of its Unicode name (LATIN, GREEK, CYRILLIC, HEBREW ...; Chinese and
    Japanese characters one: CJK); None for what is no letter (a mark, a digit)."""
    if not char.isalpha():
        return None
    script = unicodedata.name(char, "").split(" ", 1)[0]
    return "CJK" if script in JAPANESE else script


@lru_cache(maxsize=1024)
def _mark_script(char: str) -> str | None:
    """The script a mark belongs to (Hebrew ``״``: the first word of its name, when letters near it in Unicode are
    named so too); None for marks of no script (``«``, ``³``)."""
    script = unicodedata.name(char, "").split(" ", 1)[0]
    near = (chr(code) for code in range(max(ord(char) - 16, 0), ord(char) + 17))
    return script if any(_script(other) == script for other in near) else None


def _symbol(char: str) -> bool:
    """A symbol, number or control character outside ASCII."""
    return not char.isascii() and unicodedata.category(char)[0] in "SNC"


def _chances(gram: str) -> np.ndarray:
    """A gram's probability in each language (0 where a profile lacks it; a space, a word's end: ``SPACE``),
    remembered for ``CHANCES_MEMO`` grams, then forgotten all at once."""
    row = _CHANCES.get(gram)
    if row is None:
        found = gram_chances().get(gram)
        if len(_CHANCES) >= CHANCES_MEMO:
            _CHANCES.clear()
        row = _CHANCES[gram] = (
            np.full_like(_unseen(), SPACE)
            if gram == " "
            else np.zeros_like(_unseen())
            if found is None
            else np.asarray(found)
        )
    return row


CHANCES_MEMO = 20_000
_CHANCES: dict[str, np.ndarray] = {}


@cache
def _unseen() -> np.ndarray:
    return np.full(len(next(iter(gram_chances().values()))), math.log(UNSEEN))


def _misplaced(text: str) -> int:
    """How many characters outside ASCII a reading puts where text never has them (``_stranger``)."""
    return sum(_stranger(text, found.start()) for found in NON_ASCII.finditer(text))


def _letter(char: str) -> bool:
    """A letter, or a mark that combines with one (Thai vowels, Vietnamese tones in windows-1258)."""
    return char.isalpha() or unicodedata.category(char)[0] == "M"
