"""The languages a user or a page may state: the 184 two-letter ISO 639-1 codes of ``iso_639_1.txt``, checked by
this module wherever a language is given, so that each place says the same of a wrong value.

``language_code(value)`` reads the user's own words (``[tool.cleaner] language``, ``Config(language=...)``) strictly:
the code as it is written, in lower case (``EN`` is ``en``), or a ``LanguageError`` saying what is wrong with the value
(a locale ``en-US`` is told the code it opens with, ``xx`` that no language has that code).  ``stated_language(value)``
reads what a tool wrote (a Markdown file's or a JSON Lines record's front matter ``language:``, as Hugo, Jekyll and
other exporters write it) liberally: a BCP 47 or POSIX locale whose primary subtag is a code (``en-US``, ``en_us``,
``pt-BR``, ``zh-Hant-TW``, ``de_DE.UTF-8``) is read as that code; anything else is the same ``LanguageError``.  The
caller says where the value was given (the file, the key).  ``is_language_code(code)`` tells a page's declared code
(``<html lang>``) from one that is no language.

What it does NOT do: detect a language (``cleaner.text.language``) or read where a page declares one
(``cleaner.html.meta``).
"""

from __future__ import annotations

import re

from cleaner.lexicon import words

CODES = "iso_639_1"  # the lexicon's list of the codes (cleaner/lexicon/iso_639_1.txt)
LISTED = f" (cleaner/lexicon/{CODES}.txt lists them: de, en, fr, ...)"
# A locale: BCP 47's primary subtag and subtags of 1-8 letters or digits after "-" (a script, a region, variants,
# extensions), or POSIX's language_TERRITORY with a codeset and a modifier (en_US.UTF-8, de_DE@euro); either
# separator is taken, as tools write them (en_us, zh-Hant_TW).
LOCALE = re.compile(r"(?P<code>[A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*(?:\.[A-Za-z0-9-]{1,20})?(?:@[A-Za-z0-9]{1,20})?")


class LanguageError(ValueError):
    """A stated language that is none of the codes: the message says what is wrong, not where it was stated."""


def is_language_code(code: str) -> bool:
    """Whether ``code`` (lower case) is one of the ISO 639-1 codes."""
    return code in words(CODES)


def language_code(value: object) -> str:
    """The ISO 639-1 code ``value`` is, in lower case; ``LanguageError`` for anything else: two characters that are
    no letters (``"1!"``), two letters that are no language's code (``"xx"``), a locale (``"en-US"``, ``"pt_BR"``:
    the message says to write the code it opens with), a name (``"english"``), a number."""
    if isinstance(value, str) and is_language_code(value.lower()):
        return value.lower()
    raise LanguageError(_refusal(value, "a two-letter ISO 639-1 code"))


def stated_language(value: object) -> str:
    """The ISO 639-1 code a language a tool wrote stands for: a code as ``language_code`` reads it, or a locale
    whose primary subtag is one (``"en-US"``, ``"en_us"``, ``"pt-BR"``, ``"zh-Hant-TW"``, ``"de_DE.UTF-8"``) read as
    that code, in lower case; ``LanguageError`` for anything else (``"xx-US"``, ``"english"``, ``"eng"``, ``"en-"``).

    For data written by tools, read liberally (a front matter's ``language:``); the user's own configuration stays
    with ``language_code``, which tells a locale the code to write."""
    found = LOCALE.fullmatch(value) if isinstance(value, str) else None
    if found is not None and is_language_code(found["code"].lower()):
        return found["code"].lower()
    raise LanguageError(_refusal(value, "a two-letter ISO 639-1 code or a locale that opens with one (en-US)"))


def _refusal(value: object, wanted: str) -> str:
    """What is wrong with a value that is no language: the code a malformed locale opens with (``en-`` for a code,
    ``en-US`` where only a code is taken), or that no language has the two letters given (``xx``, ``xx-US``)."""
    message = f"must be {wanted}, not {value!r}"
    if not isinstance(value, str):
        return message
    head = re.split(r"[-_.@]", value, maxsplit=1)[0].lower()
    if is_language_code(head):
        return f"{message}: write {head!r}"
    if len(value) == 2 and value.isascii() and value.isalpha():
        return f"{message}: no language has that code{LISTED}"
    if len(head) == 2 and head.isascii() and head.isalpha() and LOCALE.fullmatch(value):
        return f"{message}: no language has the code {head!r} it opens with{LISTED}"
    return message
