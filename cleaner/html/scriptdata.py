"""The data a script assigns: each assignment of a JSON value in a page's script, read in one pass.

A page built by a JavaScript framework ships its state in a script as an assignment of a literal, in forms that do
not depend on the framework: ``window.__INITIAL_STATE__ = {...}``, ``window['__STATE__'] = {...}``, ``var s =
[...]``, a guard first and several assignments after it (``window.App = window.App || {}; App.content = {...};
App.cache = {...}``), or the JSON given as a string (``window.__DATA__ = JSON.parse("{\\"article\\": ...}")``, in
double or single quotes, escapes as JavaScript writes them).  ``assignments`` finds each such assignment after a
statement's start, and reads its value as JSON where it is JSON (an object or an array).

This module does NOT run or parse JavaScript: a value that is not JSON (an object literal with unquoted keys, a
function, a template string) is skipped, and an assignment nested in a function is read as a top-level one (a
statement's start is told by the character before the target alone).  The work is one pass over the script: a
value read is not searched again, nor is the part of a literal read before it proved not to be JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

# An assignment's `=` and the start of its value (searched first: the pattern opens with a literal character,
# which the search skips to): an object or array literal that opens as JSON data does (a key in double quotes; an
# object, array or string), or `JSON.parse(` and a string literal.  A JavaScript literal that does not (unquoted
# keys, ``{}``, numbers) is passed over in the search, without the decoder.
_VALUE = re.compile(r"""=\s*(?:(?=\{\s*"|\[\s*["{\[])|JSON\s*\.\s*parse\s*\(\s*(?=["']))""")
# Its target (``window.__STATE__``, ``window['__STATE__']``, ``App.content``, ``var s``), read backwards from the
# `=` in the characters before it, reversed (a pattern anchored where the search is, not searched for): names
# joined by dots or keys in brackets, not inside a longer expression (no name, dot, bracket or quote before it),
# nor an operator joined to the `=` (`==`, `!=`, `+=` end in no name).
_TARGET_REVERSED = re.compile(
    r"""\s*(?:[\w$]+\s*\.\s*|\]\s*(?:"[^"\\\n]{1,100}"|'[^'\\\n]{1,100}')\s*\[\s*)*[\w$]+(?![\w$.\]'"])"""
)
_BEFORE = 300  # characters before an `=` its target is looked for in
# Literals read per script, and among them literals longer than ``_WINDOW`` that open as JSON but are not: past
# either the script is read no further (a state is a few assignments).  The decoder's error counts the lines before
# where it stopped, so each such failure costs a pass over the script up to there: the budget keeps a script of
# many of them from costing its length times their number (a shorter one is read in its window alone).
MAX_READS = 4096
MAX_FAILURES = 32
_WINDOW = 8192  # characters a value is first read in
# A JavaScript string literal on one line (a backslash before a line break continues it).
_STRING = re.compile(
    r""""[^"\\\n\r]*(?:\\(?:\r\n|[\s\S])[^"\\\n\r]*)*"|'[^'\\\n\r]*(?:\\(?:\r\n|[\s\S])[^'\\\n\r]*)*'"""
)
# A string in single quotes with JSON's escapes and \' only: read by replacing in C (each escaped backslash set
# aside first, leftmost first as escapes are read, then the quotes), not escape by escape.
_QUOTED = re.compile(r"""'[^'\\\n\r]*(?:\\(?:["'\\/bfnrt]|u[0-9A-Fa-f]{4})[^'\\\n\r]*)*'""")
_ESCAPE = re.compile(
    r"""\\(?:x([0-9A-Fa-f]{2})|u\{([0-9A-Fa-f]{1,6})\}|(u[0-9A-Fa-f]{4}|["\\/bfnrt])|(\r\n|[\s\S]))|(")"""
)
_LINE_BREAKS = ("\r\n", "\n", "\r", "\u2028", "\u2029")
_DECODER = json.JSONDecoder(strict=False)
MAX_TARGET = 80  # characters of a target named in the audit


def assignments(script: str) -> Iterator[tuple[str, object]]:
    """Each assignment of a JSON object or array in a script's text: its target (spaces dropped) and value."""
    position, reads, failures = 0, 0, 0
    while reads < MAX_READS and failures < MAX_FAILURES and (match := _VALUE.search(script, position)):
        target = _target(script, match.start())
        if target is None:
            position = match.end()
            continue
        value, position, failed = _value(script, match.end())
        reads, failures = reads + 1, failures + failed
        if isinstance(value, dict | list):
            yield target, value


def _target(script: str, end: int) -> str | None:
    """The target of the assignment whose `=` is at ``end`` (spaces dropped), None where there is none."""
    start = max(0, end - _BEFORE)
    before = script[start:end][::-1]
    found = _TARGET_REVERSED.match(before)
    if found is None or (start and found.end() == len(before)) or before[found.end() - 1].isdigit():
        return None  # no target, or one longer than the window, or a name opening with a digit
    return re.sub(r"\s+", "", found[0][::-1])[:MAX_TARGET]


def _value(script: str, start: int) -> tuple[object, int, bool]:
    """The JSON value that starts at ``start`` (a literal, or the string literal ``JSON.parse`` is given), where
    it ends, and False; where it is not JSON, None, where reading stopped, and whether the decoder was run on the
    script to find it."""
    if script[start] in "{[":
        return _decoded(script, start)
    text, end, failed = _string(script, start)
    if text is None:
        return None, end, failed
    try:
        return json.loads(text, strict=False), end, failed
    except (ValueError, RecursionError):
        return None, end, failed


def _decoded(script: str, start: int) -> tuple[object, int, bool]:
    """The JSON value at ``start``, where it ends, and False; where it is not JSON, None, where reading stopped and
    whether the script was decoded up to there.  The value is first read in the ``_WINDOW`` characters from
    ``start``: a failure there that is not their end's (a literal longer than them) costs no pass over the script."""
    window = script[start : start + _WINDOW]
    try:
        value, end = _DECODER.raw_decode(window)
        return value, start + end, False
    except json.JSONDecodeError as error:
        cut = error.pos >= len(window) - 16 or error.msg.startswith("Unterminated")
        if len(window) < _WINDOW or not cut:
            return None, start + max(error.pos, 1), False
    except RecursionError:
        return None, start + 1, False
    try:
        value, end = _DECODER.raw_decode(script, start)
        return value, end, False
    except json.JSONDecodeError as error:
        return None, max(error.pos, start + 1), True
    except RecursionError:
        return None, start + 1, True


def _string(script: str, start: int) -> tuple[str | None, int, bool]:
    """The value of the JavaScript string literal at ``start``, where it ends, and whether the decoder failed on
    the script; None where there is none (and where reading stopped)."""
    failed = False
    if script[start] == '"':  # as JSON writes it, mostly: read by the JSON decoder, in C
        text, end, failed = _decoded(script, start)
        if isinstance(text, str):
            return text, end, failed
        # else an escape JSON does not have (or no end): read below
    elif (literal := _QUOTED.match(script, start)) and "\0" not in literal[0]:  # JSON's escapes, \' and bare "
        body = literal[0][1:-1].replace("\\\\", "\0").replace("\\'", "'").replace('\\"', '"').replace('"', '\\"')
        body = body.replace("\0", "\\\\")
        return json.loads(f'"{body}"', strict=False), literal.end(), False
    literal = _STRING.match(script, start)
    if literal is None:  # no end on the line: searched to there
        return None, start + 1, True
    try:
        return json.loads(f'"{_ESCAPE.sub(_json_escape, literal[0][1:-1])}"', strict=False), literal.end(), failed
    except ValueError:
        return None, literal.end(), failed


def _json_escape(match: re.Match[str]) -> str:
    """One escape of a JavaScript string literal as a JSON string writes it; a bare ``"`` (in single quotes)
    escaped."""
    byte, point, kept, other, quote = match.groups()
    if quote:
        return '\\"'
    if byte:
        return f"\\u00{byte}"
    if point:
        code = int(point, 16)
        return f"\\u{code:04x}" if code < 0x10000 else chr(code) if code <= 0x10FFFF else "\ufffd"
    if kept:
        return "\\" + kept
    if other in _LINE_BREAKS:  # a line continuation
        return ""
    return {"v": "\\u000b", "0": "\\u0000"}.get(other, other)
