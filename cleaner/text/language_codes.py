"""The languages a user or a page may state: the 184 two-letter ISO 639-1 codes of ``iso_639_1.txt``, checked by one
function wherever a language is given (``[tool.cleaner] language``, ``Config(language=...)``, a Markdown file's front
matter ``language:``), so that each place takes the same values and says the same of a wrong one.

``language_code(value)`` is the code as it is written, in lower case (``EN`` is ``en``), or a ``LanguageError`` saying
what is wrong with the value (a locale ``en-US`` is told the code it opens with, ``xx`` that no language has that
code); the caller says where the value was given (the file, the key).  ``is_language_code(code)`` tells a page's
declared code (``<html lang>``) from one that is no language.

What it does NOT do: detect a language (``cleaner.text.language``) or read where a page declares one
(``cleaner.html.meta``).
"""

from __future__ import annotations

import re

from cleaner.lexicon import words

CODES = "iso_639_1"  # the lexicon's list of the codes (cleaner/lexicon/iso_639_1.txt)


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
    message = f"must be a two-letter ISO 639-1 code, not {value!r}"
    if isinstance(value, str):
        head = re.split(r"[-_]", value, maxsplit=1)[0].lower()
        if is_language_code(head):
            message += f": write {head!r}"
        elif len(value) == 2 and value.isascii() and value.isalpha():
            message += f": no language has that code (cleaner/lexicon/{CODES}.txt lists them: de, en, fr, ...)"
    raise LanguageError(message)
