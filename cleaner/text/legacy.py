"""Legacy encodings: which reading of bytes that are not UTF-8 is text in some language.

What it does: ``detect_encoding`` reads the bytes in each candidate encoding, charset-normalizer's (those it ranks
within ``WESTERN_MARGIN`` of its best "chaos") and every legacy single-byte code page that decodes them
(``cleaner/lexicon/legacy_encodings.txt``: Windows, ISO 8859, KOI8 and DOS pages).  Readings of the same bytes in
related code pages differ in a few letters only, and charset-normalizer ranks them all but equally (Turkish read as
windows-1252, ``ş`` as ``þ``; Czech in ISO 8859-2 with ``ž`` as ``ľ``; short KOI8-R Russian as Japanese); the
right one is the reading whose words look like a language's words.  Each reading is scored by how probable the
1- to 3-character grams around its non-ASCII letters are under the one language that makes them most probable
(langdetect's profiles, loaded once by ``cleaner.text.language``; a gram no profile knows counts as ``UNSEEN``),
on the stretch of the bytes holding the first ``SCORED_BYTES`` bytes outside ASCII.  The most probable reading
wins; readings the grams cannot tell apart (the same letters) go to the one that misplaces the fewest characters
(``_misplaced``), then to windows-1252 (the web's legacy default, as browsers assume), then to charset-normalizer's
order.

What it does not do: UTF-8, byte-order marks, UTF-16 and declared charsets are ``cleaner.text.decode``'s; this
module only runs for bytes that are none of them, so UTF-8 input never loads the profiles.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import cache

import numpy as np
from charset_normalizer import from_bytes

from cleaner.lexicon import phrases
from cleaner.text.language import gram_chances, normal_form

WESTERN_MARGIN = 0.1  # charset-normalizer's candidates: those within this "chaos" of its best
SCORED_BYTES = 1000  # a reading is scored on the bytes up to the first space after this many bytes outside ASCII
UNSEEN = 1e-7  # the probability of a gram no language profile holds (the profiles' rarest is about 1e-5)
IN_WORDS = "\u2019\u2018\u00b7\u2010\u2011"  # what words hold: apostrophes (``don’t``), Catalan ``l·l``, hyphens
NON_ASCII = re.compile("[^\x00-\x7f]")
# A word in capitals, read with its first only (langdetect's profiles hold capitals at the start of words); a capital
# inside a word in small letters (``tĒtulo``) stays: no profile knows it there.
CAPITALS = re.compile(r"\b[^\W\d_a-z]{2,}\b")
HIGH_BYTE = re.compile(b"[\x80-\xff]")
SPACE_BYTE = re.compile(rb"\s")
STRANGER = "\x00"  # stands for a character no language's words hold, in the normal form the grams are read from


def detect_encoding(sample: bytes) -> str | None:
    """The encoding whose reading of ``sample`` is most plausibly text (see the module doc); None when no
    encoding reads it."""
    readings = _readings(sample)
    if not readings:
        return None
    scored = _scored_stretch(sample)

    def rank(item: tuple[int, tuple[str, list[str]]]) -> tuple[float, int, bool, int]:
        order, (text, names) = item
        return (-_plausibility(text), _misplaced(text), "cp1252" not in names, order)

    _, (_, names) = min(enumerate(_stretch_readings(scored, readings)), key=rank)
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


def _scored_stretch(sample: bytes) -> bytes:
    """The start of ``sample`` up to the first space after its ``SCORED_BYTES``-th byte outside ASCII (all of it when
    it holds fewer): cut at a space, it is whole characters in every encoding."""
    for count, found in enumerate(HIGH_BYTE.finditer(sample), 1):
        if count == SCORED_BYTES:
            space = SPACE_BYTE.search(sample, found.end())
            return sample if space is None else sample[: space.start()]
    return sample


def _stretch_readings(stretch: bytes, groups: list[list[str]]) -> list[tuple[str, list[str]]]:
    """Each distinct reading of ``stretch`` with the names that give it (``cp1252`` among them when it does),
    in the candidates' order."""
    readings: dict[str, list[str]] = {}
    for group in groups:
        text = stretch.decode(group[0], errors="replace")
        readings.setdefault(text, []).extend(group)
    return list(readings.items())


def _plausibility(text: str) -> float:
    """The log-probability of the grams around the text's non-ASCII letters under the language that makes them most
    probable (0 when it has none)."""
    grams = _letter_grams(text)
    if not grams:
        return 0.0
    rows = np.stack([_log_chances(gram) for gram in grams])
    counts = np.fromiter(grams.values(), dtype=float, count=len(grams))
    return float((counts @ rows).max())


def _letter_grams(text: str) -> Counter[str]:
    """The 1- to 3-character grams of the text's words (in langdetect's normal form, lower case, a word padded with
    a space each side) that hold a non-ASCII letter, each span once.  A control character, or a symbol, number or
    punctuation mark inside a word (``_stranger``), is a letter no language has."""
    lowered = CAPITALS.sub(lambda word: word.group()[0] + word.group()[1:].lower(), text)
    normal = list(f" {normal_form(lowered)} ")
    letters = []
    for found in NON_ASCII.finditer(lowered):
        at = found.start() + 1
        if _stranger(lowered, found.start()):
            normal[at] = STRANGER
        elif not _letter(found.group()):
            normal[at] = " "
        letters.append(at)
    spans = {(start, size) for at in letters for size in (1, 2, 3) for start in range(at - size + 1, at + 1)}
    grams: Counter[str] = Counter()
    grams[STRANGER] = sum(normal[at] == " " for at in letters)  # a mark between words is a character no profile has
    for start, size in spans:
        gram = "".join(normal[start : start + size])
        if " " not in gram[1:-1] and gram.strip():
            grams[gram] += 1
    return grams


def _stranger(text: str, at: int) -> bool:
    """Whether the character at ``at`` (outside ASCII) is where text never has one: a control or unassigned
    character; a symbol, number or punctuation mark between two letters (Polish ``ł`` read as ``³``, German ``ä`` in
    a DOS code page read as ``„``), but for the apostrophes, middle dot and dashes that words hold; a symbol or
    number beside a letter or another one (``skarż±``, box drawing read from letters: ``╙╥┼─╒``), where ``€12``,
    ``½`` after a digit and ``km²`` are text."""
    kind = unicodedata.category(text[at])
    if kind[0] in "LM":
        return False
    if kind[0] == "C":
        return True
    before, after = text[at - 1 : at] or " ", text[at + 1 : at + 2] or " "
    if _letter(before) and _letter(after):
        return text[at] not in IN_WORDS
    beside = (before, after)
    glued = any(map(_letter, beside)) and not unicodedata.decomposition(text[at]).startswith("<super>")
    return kind[0] in "SN" and (glued or any(map(_symbol, beside)))


def _symbol(char: str) -> bool:
    """A symbol, number or control character outside ASCII."""
    return not char.isascii() and unicodedata.category(char)[0] in "SNC"


def _log_chances(gram: str) -> np.ndarray:
    """A gram's log-probability in each language (``UNSEEN`` where it is rarer or unknown), remembered for
    ``LOGS_MEMO`` grams, then forgotten all at once."""
    row = _LOGS.get(gram)
    if row is None:
        chances = gram_chances().get(gram)
        if chances is None:
            return _unseen()
        if len(_LOGS) >= LOGS_MEMO:
            _LOGS.clear()
        row = _LOGS[gram] = np.log(np.maximum(chances, UNSEEN))
    return row


LOGS_MEMO = 20_000
_LOGS: dict[str, np.ndarray] = {}


@cache
def _unseen() -> np.ndarray:
    return np.full(len(next(iter(gram_chances().values()))), math.log(UNSEEN))


def _misplaced(text: str) -> int:
    """How many characters outside ASCII a reading puts where text never has them (``_stranger``)."""
    return sum(_stranger(text, found.start()) for found in NON_ASCII.finditer(text))


def _letter(char: str) -> bool:
    """A letter, or a mark that combines with one (Thai vowels, Vietnamese tones in windows-1258)."""
    return char.isalpha() or unicodedata.category(char)[0] == "M"
