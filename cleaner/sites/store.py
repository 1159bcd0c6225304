"""The profile file: read, validate, find and write the JSON file a site profile is kept in.

What this module does:

- ``load_profile(path)`` reads a profile file and ``profile_from_mapping`` validates its JSON form,
  raising ``ProfileError`` with the file and the problem (never a traceback);
- ``profile_json`` / ``save_profile`` write the human-readable form (indented, sorted) atomically;
- ``PROFILE_PATH``, ``corpus_root`` and ``find_profile`` say where a corpus keeps its profile.

What it does NOT do: it does not learn a profile or decide what is furniture (``cleaner.sites.profile``
does), and does not apply one to a page (``cleaner.sites.apply.apply_profile``).  The ``learned`` lists
in the file are derived from the counts, so they are written for reviewers but never read back.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import compress, repeat
from json.encoder import encode_basestring
from operator import add, attrgetter, contains, itemgetter
from pathlib import Path
from typing import Any, cast

from cleaner.config import search_folders
from cleaner.io.files import AtomicFile
from cleaner.sites.generation import Generation, KeyCount, LearnerCore, SiteProfile
from cleaner.sites.markers import Markers
from cleaner.sites.parameters import PROFILE_FORMAT, Parameters, ProfileError
from cleaner.sites.profile import Profile

OLD_FORMAT = "cleaner-profile/1"  # counted blocks per site without generations; its counts cannot be converted


def _count_from_list(value: object, *, origin: str, key: str) -> KeyCount:
    numbers, example = (value[:2], value[2] if len(value) > 2 else "") if isinstance(value, list) else ([], "")
    if len(numbers) != 2 or not all(isinstance(n, int) and n >= 0 for n in numbers) or not isinstance(example, str):
        raise ProfileError(f"{origin}: count for {key!r} must be [documents, error(, example)]")
    documents, error = numbers
    return KeyCount(documents, error, example=example)


def _generation_from_mapping(data: object, parameters: Parameters, origin: str, where: str) -> Generation:
    if not isinstance(data, Mapping):
        raise ProfileError(f"{origin}: {where} must be an object")
    documents, counts = data.get("documents"), data.get("counts", {})
    if not isinstance(documents, int) or documents < 0 or not isinstance(counts, Mapping):
        raise ProfileError(f"{origin}: {where} needs 'documents' (a count) and 'counts' (an object)")
    return Generation(
        documents,
        _counts_from_mapping(counts, origin),
        parameters,
        _markers(data.get("markers", {}), origin, where),
        _learner_core(data.get("learner_core"), documents, origin, where),
    )


def _learner_core(data: object, documents: int, origin: str, where: str) -> LearnerCore | None:
    """The generation's ``learner_core``, when the file has one (files written before it was kept have none)."""
    if data is None:
        return None
    problem = f'{origin}: {where}: \'learner_core\' must be {{"documents": n, "keys": {{key: n, ...}}}}'
    at, keys = (data.get("documents"), data.get("keys")) if isinstance(data, Mapping) else (None, None)
    if isinstance(at, bool) or not isinstance(at, int) or not 0 < at <= documents or not isinstance(keys, Mapping):
        raise ProfileError(f"{problem}, computed at 1 to {documents} documents")
    if not all(type(seen) is int and 0 <= seen <= at for seen in keys.values()):
        raise ProfileError(problem)
    return LearnerCore(at, dict(keys))


def _counts_from_mapping(counts: Mapping[str, object], origin: str) -> dict[str, KeyCount]:
    """A generation's key counts from their lists, all of them checked at once: a few passes in C over the lists
    (the counts of the 100 MB profile of 11,570 pages, garbage collector off: 0.81-0.90 s with a function call for
    each, 0.52-0.58 s so).  When one is not ``[documents, error]`` or ``[documents, error, example]`` of ints and a
    string (or bools, or more items, which ``_count_from_list`` reads too), each is read by ``_count_from_list``,
    which names the first that is wrong."""
    values: list[Any] = list(counts.values())
    try:
        sizes = set(map(len, values))
        documents, errors = list(map(_FIRST, values)), list(map(_SECOND, values))
        examples = list(map(_THIRD, map(add, values, repeat([""]))))  # "" where there is none
    except (TypeError, KeyError, IndexError):  # not a list, or a short one
        return {key: _count_from_list(value, origin=origin, key=key) for key, value in counts.items()}
    if (
        not sizes <= {2, 3}
        or not set(map(type, documents)) | set(map(type, errors)) <= {int}
        or not set(map(type, examples)) <= {str}
        or min(documents, default=0) < 0
        or min(errors, default=0) < 0
    ):
        return {key: _count_from_list(value, origin=origin, key=key) for key, value in counts.items()}
    return dict(zip(counts, map(KeyCount, documents, errors, examples), strict=True))


_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)


def _markers(data: object, origin: str, where: str) -> Markers:
    problem = f'{origin}: {where}: \'markers\' must be {{"pages": n, "pairs": [[start, end, n], ...]}}'
    if not isinstance(data, Mapping):
        raise ProfileError(problem)
    pages, pairs = data.get("pages", 0), data.get("pairs", [])
    if not isinstance(pages, int) or pages < 0 or not isinstance(pairs, list):
        raise ProfileError(problem)
    parsed: list[tuple[str, str, int]] = []
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 3 and isinstance(pair[0], str) and isinstance(pair[1], str)):
            raise ProfileError(problem)
        if not isinstance(pair[2], int) or pair[2] <= 0:
            raise ProfileError(problem)
        parsed.append((pair[0], pair[1], pair[2]))
    return Markers.of(pages, parsed)


def _site_from_mapping(name: str, data: object, parameters: Parameters, origin: str) -> SiteProfile:
    generations = data.get("generations") if isinstance(data, Mapping) else None
    if not isinstance(generations, list):
        raise ProfileError(f"{origin}: site {name!r} must be an object with a list of 'generations'")
    copies = data.get("copies", 0) if isinstance(data, Mapping) else 0
    if isinstance(copies, bool) or not isinstance(copies, int) or copies < 0:
        raise ProfileError(f"{origin}: site {name!r}: 'copies' must be a count")
    parsed = tuple(
        _generation_from_mapping(item, parameters, origin, f"site {name!r} generation {number + 1}")
        for number, item in enumerate(generations)
    )
    return SiteProfile(name, parsed, parameters, copies)


def profile_from_mapping(data: object, *, origin: str) -> Profile:
    """Validate the JSON form of a profile (the ``learned`` lists are derived, so they are not read)."""
    if isinstance(data, Mapping) and data.get("format") == OLD_FORMAT:
        raise ProfileError(f"{origin}: a profile of an older format ({OLD_FORMAT}); learn it again with `clean learn`")
    if isinstance(data, Mapping) and _newer(data.get("format")):
        raise ProfileError(
            f"{origin}: a profile of a newer format ({data['format']}) than this cleaner reads ({PROFILE_FORMAT}): "
            "a newer cleaner learned it; upgrade cleaner to apply it, or learn it again with `clean learn`"
        )
    if not isinstance(data, Mapping) or data.get("format") != PROFILE_FORMAT:
        raise ProfileError(f'{origin}: not a cleaner profile (expected "format": "{PROFILE_FORMAT}")')
    raw_parameters, raw_sites = data.get("parameters", {}), data.get("sites", {})
    if not isinstance(raw_parameters, Mapping) or not isinstance(raw_sites, Mapping):
        raise ProfileError(f"{origin}: 'parameters' and 'sites' must be objects")
    parameters = Parameters.from_mapping(raw_parameters, origin=origin)
    sites = {name: _site_from_mapping(name, site, parameters, origin) for name, site in raw_sites.items()}
    return Profile(sites, parameters)


def _newer(stated: object) -> bool:
    """Whether a profile's ``format`` is this one's name with a higher number (``cleaner-profile/3``): a newer
    cleaner's, which was said to be "not a cleaner profile"."""
    name, _, number = PROFILE_FORMAT.rpartition("/")
    if not isinstance(stated, str) or not stated.startswith(f"{name}/"):
        return False
    version = stated.removeprefix(f"{name}/")
    return version.isascii() and version.isdigit() and int(version) > int(number)


PROFILE_PATH = Path(".cleaner") / "profile.json"
"""Where a corpus keeps its profile, relative to the corpus (or repository) root."""


def corpus_root(start: Path) -> Path:
    """The repository root above ``start`` (the nearest folder holding ``.git``), else ``start``'s folder."""
    folder = start.absolute()
    folder = folder if folder.is_dir() else folder.parent
    return next((candidate for candidate in (folder, *folder.parents) if (candidate / ".git").exists()), folder)


def find_profile(start: Path) -> Path | None:
    """The ``.cleaner/profile.json`` in ``start``'s folder or the nearest parent.

    The same folders as the configuration search (``config.search_folders``): up to the root of
    the repository holding ``start``, so a corpus never picks up a profile from above its repository.
    """
    for candidate in search_folders(start):
        if (candidate / PROFILE_PATH).is_file():
            return candidate / PROFILE_PATH
    return None


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read a profile file written by ``save_profile`` (or ``clean learn``), named by a ``str`` or a ``Path``.

    A UTF-8 byte-order mark at its start (an editor on Windows saves one) is skipped, as ``load_config`` skips it."""
    path = Path(path)
    with _collector_paused():
        try:
            raw = path.read_bytes()
            data = json.loads(raw.decode("utf-8-sig"))  # read_text's newline translation: 3 times as slow
        except IsADirectoryError:  # "cannot read: Is a directory" said nothing of what to name
            kept = path / PROFILE_PATH
            where = f": name the file (--profile {kept})" if kept.is_file() else " (clean learn -o FILE writes one)"
            raise ProfileError(f"{path}: a folder, not a profile file{where}") from None
        except OSError as error:
            raise ProfileError(f"{path}: cannot read: {error.strerror}") from None
        except UnicodeDecodeError as error:  # Python's words named a codec and a position, not the file's problem
            offset = error.start + len(raw) - len(error.object)  # in the file, its byte-order mark counted
            raise ProfileError(
                f"{path}: not UTF-8 (byte 0x{error.object[error.start]:02x} at offset {offset}): not a profile "
                "`clean learn` wrote, which is UTF-8 JSON"
            ) from None
        except json.JSONDecodeError as error:
            raise ProfileError(f"{path}: not valid JSON: {error}") from None
        return profile_from_mapping(data, origin=str(path))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a profile is read: its objects (lists, strings, counts) hold no
    cycle, and the collections their number set off walked them again and again (0.6-1 s of the 2-3 s of
    reading the 100 MB profile of 11,570 pages).  Left as it was found."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def profile_json(profile: Profile) -> str:
    """The file form: indented, sorted, one learned block per entry, so diffs are reviewable.

    The text is ``json.dumps(profile.to_dict(), ensure_ascii=False, indent=1)``, byte for byte, written by
    ``_indented`` (with ``indent``, ``json`` encodes in pure Python, which took a third of ``clean learn`` on
    a corpus of 1,659 pages, 16.7 MB of counts), and the key counts, most of the file, and the learned lines
    straight from each generation (``_Counts``, ``_Learned``).
    """
    chunks = _Sink()
    _write(profile, chunks)
    return "".join(chunks)


def _write(profile: Profile, out: _Sink) -> None:
    """``profile_json``'s text into ``out``, which passes it on after each site."""
    data = profile.to_dict(counts=False)
    for name, site in profile.sites.items():  # the key counts (most of the file) and learned lines, from the objects
        for entry, generation in zip(data["sites"][name]["generations"], site.generations, strict=True):  # type: ignore[index]
            entry["learned"] = _Learned(generation)
            if generation.learner_core is not None:
                entry["learner_core"]["keys"] = _Keys(generation.learner_core.keys)
            entry["counts"] = _Counts(generation.counts)
    data["sites"] = _Sites(cast(dict[str, object], data["sites"]))
    _indented(data, "\n", out)
    out.append("\n")
    out.spill()


class _Sink(list[str]):
    """The pieces of text ``_indented`` appends, handed to ``write`` (when given) after each site's entry.

    ``save_profile`` writes a site's text to the file as soon as it is made, so the file's text (tens of MB
    for a corpus: 16.7 MB on 1,659 pages) is never held whole, nor its encoded copy.
    """

    def __init__(self, write: Callable[[str], object] | None = None) -> None:
        super().__init__()
        self.write = write

    def spill(self) -> None:
        if self.write is not None:
            self.write("".join(self))
            self.clear()


class _Sites(dict[str, object]):
    """The profile's ``sites`` object: ``_indented`` spills its output after each entry (``_Sink``)."""


_DOCUMENTS, _ERROR, _EXAMPLE = attrgetter("documents"), attrgetter("error"), attrgetter("example")
_CONTROLS = bytes(range(32))  # the characters JSON escapes besides '"' and '\\'


class _Heads(dict[tuple[int, int, bool], str]):
    """What follows a key in ``_Counts.json``'s text up to its example, made once per (documents, error, example or
    not)."""

    def __init__(self, first: str, between: str) -> None:
        super().__init__()
        self.first, self.between = first, between  # before the first value, and between two

    def __missing__(self, counts: tuple[int, int, bool]) -> str:
        documents, error, example = counts
        text = f'": [{self.first}{documents:d}{self.between}{error:d}{self.between if example else ""}'
        self[counts] = text
        return text


@dataclass(frozen=True, slots=True)
class _Counts:
    """A generation's key counts, in the file as ``{key: KeyCount.to_list(), ...}`` sorted by key."""

    counts: Mapping[str, KeyCount]

    def json(self, newline: str) -> str:
        """What ``_indented`` writes for the counts' lists at the depth ``newline`` opens (tested against
        ``json.dumps``).

        Each entry is the key as a JSON string, then ``_scalars`` of ``KeyCount.to_list()`` (two ints, then the
        example when there is one).  The text is one join of five pieces per key, none made for the key alone
        but its example: the indentation and the opening quote; the key as it is (``_quoted``); what follows up
        to the example, one string for all the keys of the same counts (``_Heads``); the example, escaped (or
        nothing); the list's end.  Making a string per key (escaped or not) took half of the time of writing
        a profile.
        """
        if not self.counts:
            return "{}"
        inner = newline + " "
        values = inner + " "  # each value on a line of its own, one level deeper
        between = "," + values
        keys = sorted(self.counts)
        counts = list(map(self.counts.__getitem__, keys))
        examples = list(map(_EXAMPLE, counts))  # kept from a key's second sighting on: most have none
        heads = _Heads(values, between).__getitem__
        pieces: list[str] = [inner + '"'] * (5 * len(keys))
        pieces[1::5] = _quoted(keys)
        pieces[2::5] = map(heads, zip(map(_DOCUMENTS, counts), map(_ERROR, counts), map(bool, examples), strict=True))
        pieces[3::5] = examples  # "" where there is none; escaped below
        for index in compress(range(3, len(pieces), 5), examples):
            pieces[index] = encode_basestring(pieces[index])
        pieces[4::5] = [inner + "],"] * len(keys)
        return _braced(pieces, newline)


@dataclass(frozen=True, slots=True)
class _Keys:
    """A learner core's keys, in the file as ``{key: documents, ...}`` in their order (sorted, ``core_counts``)."""

    keys: Mapping[str, int]

    def json(self, newline: str) -> str:
        """What ``_indented`` writes for them at the depth ``newline`` opens: one join, as ``_Counts.json``."""
        if not self.keys:
            return "{}"
        inner = newline + " "
        pieces = [inner + '"'] * (3 * len(self.keys))
        pieces[1::3] = _quoted(list(self.keys))
        pieces[2::3] = [f'": {documents:d},' for documents in self.keys.values()]
        return _braced(pieces, newline)


def _braced(pieces: list[str], newline: str) -> str:
    """The object whose entries ``pieces`` make, each ending in a comma: the braces put in the first and the last
    piece and the last comma taken off there, so the text (megabytes for a generation of many pages) is made by one
    join, not copied again by a slice and each concatenation."""
    pieces[0] = "{" + pieces[0]
    pieces[-1] = pieces[-1][:-1] + newline + "}"
    return "".join(pieces)


def _quoted(texts: list[str]) -> list[str]:
    """``encode_basestring`` of each text without its quotes: the texts themselves, but for those holding a
    quote, a backslash or a control character (JSON escapes no other), looked for in all of them at once."""
    joined = "".join(texts)
    encoded = joined.encode("utf-8", "surrogatepass")  # (a lone surrogate: json.dumps writes it too)
    if len(encoded.translate(None, _CONTROLS)) != len(encoded):  # seldom: a control character
        return [encode_basestring(text)[1:-1] for text in texts]
    special = [mark for mark in '"\\' if mark in joined]
    if not special:
        return texts
    quoted = list(texts)
    for mark in special:
        for index in compress(range(len(texts)), map(contains, texts, repeat(mark))):
            quoted[index] = encode_basestring(texts[index])[1:-1]
    return quoted


@dataclass(frozen=True, slots=True)
class _Learned:
    """A generation's learned lines, in the file as ``[Learned.to_dict(), ...]`` of ``Generation.learned()`` (made
    from its template and counts, without ``Learned`` objects)."""

    generation: Generation

    def json(self, newline: str) -> str:
        """What ``_indented`` writes for the list at the depth ``newline`` opens: one string per line (tested
        against ``json.dumps``)."""
        generation = self.generation
        template = generation.template
        if not generation.trusted or not template:  # ``learned()`` is empty
            return "[]"
        keys = sorted(template)
        keys.sort(key=template.__getitem__, reverse=True)  # ``learned()``'s order: most documents first, then by key
        examples = _quoted([generation.counts[key].example or key for key in keys])  # its lines' ``text``
        inner = newline + " "
        fields = inner + " "  # each field on a line of its own, one level deeper
        entries = [
            f'{inner}{{{fields}"text": "{text}",{fields}"key": "{key}",{fields}"documents": {documents:d}{inner}}}'
            for text, key, documents in zip(examples, _quoted(keys), map(template.__getitem__, keys), strict=True)
        ]
        return "[" + ",".join(entries) + newline + "]"


def _indented(value: object, newline: str, out: _Sink) -> None:
    """Append ``json.dumps(value, ensure_ascii=False, indent=1)`` at the depth ``newline`` opens (its
    indentation after a line break) to ``out``: dicts with string keys, lists and tuples, strings, ints,
    finite floats, booleans and None; anything else is refused (``json`` refuses other types and would write
    NaN and infinities as non-standard literals: a profile holds none)."""
    scalar = _scalar(value)
    if scalar is not None:
        out.append(scalar)
        return
    if isinstance(value, _Counts | _Learned | _Keys):
        out.append(value.json(newline))
        return
    inner = newline + " "
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        flat = _flat(value.values()) if value and not isinstance(value, _Sites) else None
        if flat is not None:  # an object of scalars (a learned line): one join
            pairs = zip(map(encode_basestring, value), flat, strict=True)
            out.append("{" + ",".join(f"{inner}{key}: {text}" for key, text in pairs) + newline + "}")
            return
        opening = "{"
        for key, item in value.items():
            out.append(f"{opening}{inner}{encode_basestring(key)}: ")
            _indented(item, inner, out)
            opening = ","
            if isinstance(value, _Sites):
                out.spill()
        out.append(newline + "}" if value else "{}")
    elif isinstance(value, list | tuple):
        flat = _flat(value) if value else None
        if flat is not None:  # a list of scalars: one join
            out.append(_scalars(flat, newline))
            return
        opening = "["
        for item in value:
            out.append(opening + inner)
            _indented(item, inner, out)
            opening = ","
        out.append(newline + "]" if value else "[]")
    else:
        raise TypeError(f"a profile holds no {type(value).__name__} (JSON numbers are finite)")


def _scalars(texts: list[str], newline: str) -> str:
    """A list of scalars (their JSON texts) at the depth ``newline`` opens, as ``json.dumps`` indents it."""
    inner = newline + " "
    return f"[{inner}{(',' + inner).join(texts)}{newline}]"


def _flat(values: Iterable[object]) -> list[str] | None:
    """The JSON texts of ``values`` when all are scalars, else None (at the first that is not)."""
    texts = []
    for value in values:
        text = _scalar(value)
        if text is None:
            return None
        texts.append(text)
    return texts


def _scalar(value: object) -> str | None:
    """The JSON text of a string, number, boolean or None; None for anything else."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or value is True or value is False:
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and value - value == 0.0:  # finite: json writes the float's repr
        return float.__repr__(value)
    return None


def save_profile(profile: Profile, path: str | os.PathLike[str]) -> None:
    """Write the profile atomically (temporary file in the same folder, then rename), a site at a time."""
    with AtomicFile(Path(path)) as target:
        write_profile(profile, target)


def write_profile(profile: Profile, target: AtomicFile) -> None:
    """Write the profile into an atomic file made earlier (it appears when committed), a site at a time.

    The text is UTF-8 but for a lone surrogate, which no UTF-8 file holds: a site named for a folder whose name is
    not UTF-8 (``s\\xe9``, read as ``s\\udce9``) is written with JSON's escape ``s\\udce9``, which reads back as the
    same name (it raised ``UnicodeEncodeError``).  Only a string can hold one, so the escape is always inside a
    JSON string."""
    _write(profile, _Sink(lambda text: target.handle.write(text.encode("utf-8", "backslashreplace"))))
