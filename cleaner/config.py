"""Configuration: ``[tool.cleaner]`` in ``pyproject.toml`` or a standalone TOML file.

This module reads and validates configuration into a frozen ``Config``; it does not
clean anything.  Every key is checked, and a bad one is a ``ConfigError`` that names
the file and the key, never a traceback.

Keys (all optional)::

    [tool.cleaner]
    disable = ["share.follow-us", "cookie"]   # rule ids or whole categories
    keep = ["^Disclaimer: .*"]                # blocks matching these are never removed
    language = "de"                           # used when detection cannot tell
    include = ["*.txt", "*.md", "*.html", "*.htm", "*.xhtml", "*.shtml", "*.mhtml", "*.mht"]
    exclude = ["drafts/**"]
    max_bytes = 50000000                      # larger inputs are refused
    timeout = 20.0                            # seconds per document, HTML included
    [[tool.cleaner.rule]]                     # extra rules, same form as the built-in file
    id = "mysite.slogan"
    category = "branding"
    pattern = "All the news that fits"
    why = "Our site's slogan, printed under every headline."
"""

from __future__ import annotations

import codecs
import difflib
import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import regex

from cleaner.rules.loader import (
    Action,
    CompiledRule,
    Rule,
    RuleError,
    builtin_rules,
    compile_rules,
    rule_from_mapping,
)
from cleaner.text.language_codes import LanguageError, language_code

# Pages: every suffix a saved site gives HTML (XHTML's, and .shtml: server-side-include pages, sent as text/html), and
# a page a browser saved as one file (MHTML: .mhtml, .mht).
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml", "*.shtml", "*.mhtml", "*.mht")
DEFAULT_MAX_BYTES = 50_000_000
DEFAULT_TIMEOUT = 20.0
MAX_TIMEOUT = 86_400.0  # a day: the timers and waits that enforce the limit take no longer ones
MAX_MAX_BYTES = 2**62  # a byte count Python can still read


class ConfigError(ValueError):
    """The configuration is malformed; the message names the file and the key."""


def _limit(value: object, key: str, most: float, origin: str) -> float:
    """``value`` when it is a positive number up to ``most`` (a whole one for ``max_bytes``), else a ``ConfigError``.

    The timers and waits that enforce ``timeout`` take nothing longer than ``MAX_TIMEOUT``, and no read takes more
    bytes than ``MAX_MAX_BYTES``: a larger value would fail inside every document instead of once, here.
    """
    whole = key == "max_bytes"
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not 0 < value <= most  # also refuses nan
        or (whole and not float(value).is_integer())
    ):
        raise ConfigError(
            f"{_where(key, origin)} must be a positive {'whole number' if whole else 'number'}, at most {most:,.0f}"
        )
    return value


LISTS = {"disable": "rule ids or categories", "keep": "regular expressions", "include": "globs", "exclude": "globs"}


def _list_of_strings(value: object, key: str, what: str) -> tuple[str, ...]:
    """``Config``'s list keys as a tuple; ``TypeError`` for one string (read one character per item) or a
    non-string item: ``Config(keep="^Note")`` would keep every block, as ``^`` alone is found in all."""
    if isinstance(value, str | bytes):
        raise TypeError(f"Config({key}=...) takes a list of {what}, not one {type(value).__name__}: pass [{value!r}]")
    if not isinstance(value, Iterable):
        raise TypeError(f"Config({key}=...) takes a list of {what}, not {type(value).__name__} {value!r}")
    items = tuple(value)
    wrong = next((item for item in items if not isinstance(item, str)), None)
    if wrong is not None:
        raise TypeError(f"Config({key}=...) takes a list of {what} (strings), not {type(wrong).__name__} {wrong!r}")
    return items


PYPROJECT = "pyproject.toml"  # the one file name whose keys for cleaner stand under [tool.cleaner]


def _in(origin: str) -> str:
    """Where the file ``origin`` names holds cleaner's keys, for messages: under ``[tool.cleaner]`` in a
    ``pyproject.toml``, at the top of any other file (``_table``), where "[tool.cleaner]" named a table it has not."""
    return f"{origin}: [tool.cleaner]" if Path(origin).name == PYPROJECT else f"{origin}:"


def _where(key: str, origin: str) -> str:
    return f"Config({key}=...)" if origin == "defaults" else f"{_in(origin)} {key!r}"


def _check_language(language: object, origin: str) -> str | None:
    """The language as its ISO 639-1 code is written, in lower case (``"EN"`` was kept and written into every
    article's ``language`` as ``"EN"``); anything but one of the 184 codes is an error naming the file and the key
    (``cleaner.text.language_codes``, which checks a front matter's ``language`` too): ``"xx"`` was every article's
    language whose language could not be detected."""
    if language is None:
        return None
    try:
        return language_code(language)
    except LanguageError as error:
        raise ConfigError(f"{_where('language', origin)} {error}") from None


def _check_keep(keep: tuple[str, ...], origin: str) -> None:
    """Each ``keep`` pattern compiles: a bad one is an error naming it when the configuration is made, not inside
    every document's cleaning.  One that matches empty text (``""``, ``"^"``, ``"x*"``) is found in every block,
    so nothing would ever be removed: an error too."""
    for pattern in keep:
        try:
            found = regex.compile(pattern).search("")
        except regex.error as error:
            raise ConfigError(f"{_where('keep', origin)}: bad pattern {pattern!r}: {error}") from None
        if found:
            raise ConfigError(
                f"{_where('keep', origin)}: pattern {pattern!r} matches empty text, so it is found in every block "
                "and no block would ever be removed; write what the blocks to keep hold (^Disclaimer: )"
            )


def _check_include(include: tuple[str, ...], origin: str) -> None:
    """The ``include`` globs can take a file: an empty list takes none (the TOML's ``include = []`` was read as the
    defaults), and a glob whose file name starts with a dot (``.txt``) takes only hidden files, which a walk passes
    over (``*.txt`` was meant)."""
    if not include:
        raise ConfigError(
            f"{_where('include', origin)} is empty: a folder walk would take no file; leave it out for the defaults "
            f"({', '.join(DEFAULT_INCLUDE)})"
        )
    for glob in include:
        name = glob.rpartition("/")[2]
        if name.startswith("."):
            raise ConfigError(
                f"{_where('include', origin)}: glob {glob!r} takes only hidden files, which a folder walk passes over: "
                f"write {glob[: len(glob) - len(name)] + '*' + name!r}"
            )


@dataclass(frozen=True)
class Config:
    """Everything a run can be configured with; the defaults suit most corpora."""

    extra_rules: tuple[Rule, ...] = ()
    disable: frozenset[str] = frozenset()
    keep: tuple[str, ...] = ()
    language: str | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    metadata_model: Path | None = None  # a retrained metadata model (bench/train_metadata.py); None: the shipped one
    text_model: Path | None = None  # a retrained text model file (bench/train_text.py); None: the shipped one
    page_metadata_model: Path | None = None  # a retrained page title model (bench/train_page_metadata.py)
    source: str = field(default="defaults", compare=False)

    def __post_init__(self) -> None:
        # Set through object.__setattr__ as the dataclass is frozen: a whole float (5e7) becomes an int.
        for key, what in LISTS.items():
            names = _list_of_strings(getattr(self, key), key, what)
            object.__setattr__(self, key, frozenset(names) if key == "disable" else names)
        object.__setattr__(self, "language", _check_language(self.language, self.source))
        _check_keep(self.keep, self.source)
        _check_include(self.include, self.source)
        object.__setattr__(self, "max_bytes", int(_limit(self.max_bytes, "max_bytes", MAX_MAX_BYTES, self.source)))
        object.__setattr__(self, "timeout", float(_limit(self.timeout, "timeout", MAX_TIMEOUT, self.source)))
        if self.disable:
            _check_disabled(frozenset(self.disable), self.extra_rules, self.source)

    @cached_property
    def rules(self) -> tuple[CompiledRule, ...]:
        """The active rules: built-in plus extra, minus disabled ones (compiled once)."""
        return compile_rules((*builtin_rules(), *self.extra_rules), disabled=self.disable)

    @cached_property
    def tail_rule_ids(self) -> frozenset[str]:
        """The active rules whose match starts an article's tail (``action = "tail"``)."""
        return frozenset(rule.rule.id for rule in self.rules if rule.rule.action is Action.TAIL)

    @cached_property
    def keep_patterns(self) -> tuple[regex.Pattern[str], ...]:
        return tuple(regex.compile(pattern, regex.IGNORECASE) for pattern in self.keep)


DEFAULT_CONFIG = Config()


def _strings(data: Mapping[str, object], key: str, origin: str) -> tuple[str, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{_in(origin)} {key!r} must be a list of strings")
    return tuple(value)


KNOWN_KEYS = {"rule", "disable", "keep", "language", "include", "exclude", "max_bytes", "timeout"}


def config_from_table(table: Mapping[str, object], *, origin: str) -> Config:
    """Validate one ``[tool.cleaner]`` table into a ``Config``."""
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        hint = " (a [tool.cleaner] table is read from a pyproject.toml: in another file its keys stand at the top)"
        raise ConfigError(f"{_in(origin)} unknown key {unknown[0]!r}{hint if unknown[0] == 'tool' else ''}")
    rules = table.get("rule", [])
    if not isinstance(rules, list) or not all(isinstance(item, Mapping) for item in rules):
        array = "[[tool.cleaner.rule]]" if Path(origin).name == PYPROJECT else "[[rule]]"
        raise ConfigError(f"{_in(origin)} 'rule' must be an array of tables ({array})")
    try:
        extra = tuple(rule_from_mapping(item, origin=origin) for item in rules)
    except RuleError as error:
        raise ConfigError(f"{_in(origin)} {str(error).removeprefix(f'{origin}: ')}") from None
    _check_rule_ids(extra, origin)
    disable = frozenset(_strings(table, "disable", origin) or ())
    keep = _strings(table, "keep", origin) or ()
    language = table.get("language")
    return Config(
        extra_rules=extra,
        disable=disable,
        keep=keep,
        language=language,  # type: ignore[arg-type]  # checked by Config
        include=DEFAULT_INCLUDE if "include" not in table else _strings(table, "include", origin) or (),
        exclude=_strings(table, "exclude", origin) or (),
        max_bytes=table.get("max_bytes", DEFAULT_MAX_BYTES),  # type: ignore[arg-type]  # checked by Config
        timeout=table.get("timeout", DEFAULT_TIMEOUT),  # type: ignore[arg-type]
        source=origin,
    )


def _check_rule_ids(extra: tuple[Rule, ...], origin: str) -> None:
    """Each extra rule needs an id of its own: ``disable`` and the audit trail name rules by id."""
    builtin = {rule.id for rule in builtin_rules()}
    seen: set[str] = set()
    for rule in extra:
        if rule.id in builtin or rule.id in seen:
            whose = "a built-in rule" if rule.id in builtin else "another rule of this configuration"
            raise ConfigError(f"{_in(origin)} rule {rule.id!r}: {whose} has this id; give it another")
        seen.add(rule.id)


def _check_disabled(disable: frozenset[str], extra: tuple[Rule, ...], origin: str) -> None:
    """Every name in ``disable`` must be a rule id or a category, built-in or the configuration's own."""
    known = {name for rule in (*builtin_rules(), *extra) for name in (rule.id, rule.category)}
    unknown = sorted(disable - known)
    if unknown:
        where = "Config(disable=...)" if origin == "defaults" else f"{_in(origin)} 'disable'"
        near = difflib.get_close_matches(unknown[0], sorted(known), n=1)
        meant = f" (did you mean {near[0]!r}?)" if near else ""
        raise ConfigError(
            f"{where} names {unknown[0]!r}{meant}, which is no furniture rule id or category: it switches off the "
            "rules of docs/rules.md and your own; the other layers' decisions in the audit trail (bylines, datelines, "
            "the title, the classifier) are no rules, so protect such a block with 'keep' instead"
        )


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read a config file: a ``pyproject.toml`` (its ``[tool.cleaner]``) or a bare TOML file.

    A UTF-8 byte-order mark at its start (as Windows editors save) is skipped: TOML has none to give.  A
    ``pyproject.toml`` without a ``[tool.cleaner]`` table is an error: the file was named to configure the run.
    """
    if not isinstance(path, str | os.PathLike) or isinstance(os.fspath(path), bytes):
        raise TypeError(f"load_config() takes the file's path as str or os.PathLike, not {type(path).__name__}")
    path = Path(path)
    data = _toml(path)
    table = _table(path, data)
    if table is None:
        tables = [
            f"[tool.{name}]" for name in _tool(path, data) if difflib.get_close_matches(name, ["cleaner"], cutoff=0.7)
        ]
        near = f" (it has {', '.join(tables)})" if tables else ""
        raise ConfigError(f"{path}: no [tool.cleaner] table{near}: a pyproject.toml holds cleaner's keys under it")
    return config_from_table(table, origin=str(path))


def _table(path: Path, data: Mapping[str, object]) -> Mapping[str, object] | None:
    """The keys ``path`` (parsed as ``data``) gives cleaner: a ``pyproject.toml``'s ``[tool.cleaner]`` (``None``
    when it has none), another file's top level."""
    if path.name != PYPROJECT:
        return data
    table = _tool(path, data).get("cleaner")
    if table is not None and not isinstance(table, Mapping):
        raise ConfigError(f"{path}: [tool.cleaner] must be a table (a [tool.cleaner] section)")
    return table


def _tool(path: Path, data: Mapping[str, object]) -> Mapping[str, object]:
    """A ``pyproject.toml``'s ``[tool]`` table (empty when it has none), from its parsed ``data``."""
    tool = data.get("tool", {})
    if not isinstance(tool, Mapping):
        raise ConfigError(f"{path}: [tool.cleaner] must be a table (a [tool.cleaner] section)")
    return tool


def _toml(path: Path, data: bytes | None = None) -> dict[str, object]:
    """A configuration file parsed (``data``: its bytes when they are read already); ``ConfigError`` naming it when
    it cannot be read, is not UTF-8 (TOML's one encoding: ``_utf8``) or not valid TOML."""
    try:
        return tomllib.loads(_utf8(path, _bytes(path) if data is None else data))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None


# The byte-order marks of the encodings an editor may save a file in that are not UTF-8 (UTF-32's before UTF-16's,
# which they begin with), and their names.
WIDE_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


SAVE_AS_UTF8 = "a TOML file is UTF-8; save it as UTF-8"


def _wide(data: bytes) -> str:
    """The encoding whose byte-order mark ``data`` opens with (``WIDE_MARKS``: a Windows editor's "Unicode"), or ''."""
    return next((name for mark, name in WIDE_MARKS if data.startswith(mark)), "")


def _utf8(path: Path, data: bytes) -> str:
    """A configuration file's text: UTF-8, a byte-order mark at its start skipped; else a ``ConfigError`` in one line
    naming the file, the encoding it is in when its byte-order mark says (UTF-16), else the first byte that is no
    UTF-8 and its line (a Latin-1 ``é``), and what to do.  Python's own message ("'utf-8' codec can't decode byte
    0xe9 in position 18: invalid continuation byte") named neither."""
    if wide := _wide(data):
        raise ConfigError(f"{path}: not UTF-8 but {wide} (its byte-order mark says so): {SAVE_AS_UTF8}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = error.object.count(b"\n", 0, error.start) + 1
        raise ConfigError(
            f"{path}: not UTF-8: byte 0x{error.object[error.start]:02x} on line {line} is no UTF-8 character (the file "
            f"is in another encoding, Latin-1 or Windows-1252?): {SAVE_AS_UTF8}"
        ) from None


REPOSITORY_MARKERS = (".git", ".hg")


def search_folders(start: Path) -> list[Path]:
    """``start``'s folder and its parents up to the root of the repository holding it (``.git``, ``.hg``).

    Outside any repository: up to the root of the file system, as black and ruff search.  A ``start`` that is a
    symlink loop is searched from the folder holding it (reading it reports the loop).
    """
    try:
        folder = start.resolve()
    except (OSError, RuntimeError):  # a symlink loop: RuntimeError before Python 3.13
        folder = start.absolute().parent.resolve()
    folder = folder if folder.is_dir() else folder.parent
    folders = []
    for candidate in (folder, *folder.parents):
        folders.append(candidate)
        if any((candidate / marker).exists() for marker in REPOSITORY_MARKERS):
            break
    return folders


def find_config(start: Path) -> Config:
    """The configuration from the nearest ``pyproject.toml`` with ``[tool.cleaner]``, else defaults.

    The search stops at the repository root (``search_folders``): a corpus in a repository never
    picks up the configuration of a folder above it.
    """
    for candidate in search_folders(start):
        pyproject = candidate / PYPROJECT
        if not pyproject.is_file():
            continue
        data = _bytes(pyproject)  # read once, for the look for the table's name and for the parse
        if "[tool.cleaner" in _text(data):
            table = _table(pyproject, _toml(pyproject, data))  # None: the words were in a comment or a string
            if table is not None:
                return config_from_table(table, origin=str(pyproject))
    return DEFAULT_CONFIG


def _text(data: bytes) -> str:
    """A configuration file's bytes as text for the search's look for ``[tool.cleaner``: a file saved in UTF-16 is
    read in it, so that its table is told and said to be in the wrong encoding (``_utf8``), where it was passed over
    as if it had none and the run took the defaults.  (``_bytes`` read them: a file the user may not read is a
    ``ConfigError`` saying so, where ``clean learn`` reported it as the profile it could not write.)"""
    return data.decode(_wide(data) or "utf-8-sig", errors="replace")
