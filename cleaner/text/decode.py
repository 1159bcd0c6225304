"""Decode: bytes to text, and text to one normal form, without changing the words.

What it does: picks the encoding (a byte-order mark, else UTF-16 told by where its NUL bytes
are, else strict UTF-8, else UTF-8 with its few bad bytes replaced when the text is mostly
UTF-8, else a charset the caller declared, else the legacy code page whose reading is most plausibly
text in some language (``cleaner.text.legacy``), else, for ASCII text with a few bytes no encoding reads,
UTF-8 with those bytes replaced), refuses binary data (a NUL in its first 8 KB; control characters there,
when charset-normalizer finds no text in it either: ``not_text``), unifies newlines (a form feed, a page
break, is a blank line), reads C1 control characters
as windows-1252 (``C1``), applies Unicode NFC, turns non-breaking spaces into spaces and drops invisible
characters that only get in the way of matching (zero-width space, word joiner, byte-order marks, soft hyphens).

What it does not do: it never rewrites visible characters (quotes, dashes and accents
stay as the source wrote them) and it does not split text into blocks.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF_BYTES = 8192
# Spaces that only differ from a space in where a line may break.
SPACE_LIKE = re.compile("[\u00a0\u2007\u202f\u2000-\u200a\u3000\t\x0b\x0c]")
# Invisible characters that break word matching and carry no text. ZWJ/ZWNJ stay: they
# change how Persian, Indic scripts and emoji render.
INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
BINARY = "binary data (NUL bytes), not text"  # what a document holding a NUL is, bytes or text
NOT_TEXT = "binary data (control characters, and no text encoding reads it as text), not text"  # ``not_text``
# Compressed data, by the magic number its format opens with, the format's name and the command that decompresses
# it: a refused document that opens so is said to be that (a crawler's ``page.html.gz``), not only binary data.
COMPRESSED = (
    (b"\x1f\x8b", "gzip", "gunzip"),
    (b"BZh", "bzip2", "bunzip2"),
    (b"\xfd7zXZ\x00", "xz", "unxz"),
    (b"\x28\xb5\x2f\xfd", "zstd", "unzstd"),
    (b"PK\x03\x04", "a zip archive", "unzip"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "7z x"),
)
# The bytes of UTF-8 text: tab, newlines, vertical tab, form feed, printable ASCII, and every byte of a multi-byte
# character; what is left are the C0 control characters and DEL, which text does not hold and random bytes do.
TEXT_BYTES = bytes((9, 10, 11, 12, 13, *range(32, 127), *range(128, 256)))
DETECTION_SAMPLE = 200_000  # what charset-normalizer is given of a document: its measures read 5 chunks of it
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# The C1 control characters (U+0080-U+009F) are never text: where a page or a dump holds them, windows-1252 bytes
# were read as ISO 8859-1 (a page that declares iso-8859-1 and writes „quotes“ with bytes 0x84 and 0x93; browsers
# read that label as windows-1252, and so does HTML for the character references &#128; to &#159;).  They are read
# as windows-1252 reads them; its five unassigned bytes are dropped.
C1 = re.compile("[\x80-\x9f]")
C1_AS_WINDOWS_1252 = str.maketrans({chr(byte): bytes([byte]).decode("cp1252", "ignore") for byte in range(0x80, 0xA0)})
ODD = re.compile(
    f"[{SPACE_LIKE.pattern[1:-1]}{INVISIBLE.pattern[1:-1]}{CONTROL.pattern[1:-1]}{C1.pattern[1:-1]}]"
)  # any of the four
# Every character ``ODD`` matches, and each one ``normalise`` replaces with a newline (carriage return, the line and
# paragraph separators), is one ``str.isprintable`` refuses, and NFC makes none of them from printable text (tested
# over every code point): a text printable but for its newlines has nothing to replace or drop.  That test is one
# pass of a table lookup, several times as fast as the search for ``ODD`` on text that is not Latin-1.
# Bytes that are not UTF-8 come out of the surrogateescape handler as these code points.
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# Half of a surrogate pair alone: a str may hold one (JSON's and YAML's "\ud800" escapes make it; bytes decoded
# here never do), and no UTF-8 output can hold it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
NON_ASCII = re.compile("[^\x00-\x7f]")
UTF16_HIGH_NULS = 0.3  # UTF-16 without a BOM: at least this share of characters have a NUL high byte ...
UTF16_LOW_NULS = 0.01  # ... and at most this share a NUL low byte
UTF16_ASCII_SHARE = 0.9  # other scripts: at least this share of the characters with a NUL high byte are ASCII
VALID_PER_INVALID = 2  # "mostly UTF-8": at least this many valid non-ASCII characters per bad byte
NOISE_SHARE = 0.25  # bytes no encoding reads: ASCII text with at most this share of them is read, the bytes replaced
HIGH_BYTES = bytes(range(128, 256))


class DecodeError(ValueError):
    """The input is not text: binary, or in no encoding we can recognise."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes: the encoding chosen and the bad bytes replaced with U+FFFD (if any)."""

    text: str
    encoding: str
    replaced: tuple[int, ...] = ()  # the values of the bytes that were not valid in ``encoding``


def decode_bytes(raw: bytes, *, declared: str | None = None) -> str:
    """Turn bytes into text, trusting a BOM, then UTF-8, then a declared charset, then detection."""
    return decode_reporting(raw, declared=declared).text


def lone_surrogate(text: str) -> str:
    """The first lone surrogate in ``text`` written as its escape (``\\ud800``), or ``""`` when it holds none.

    UTF-8 encodes every code point but the surrogates, so encoding finds the first one; in C, about
    seven times faster than searching a page for them (a whole page is checked for every document).
    """
    if text.isascii():
        return ""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"\\u{ord(text[error.start]):04x}"
    return ""


def binary_start(text: str) -> bool:
    """Whether a file of ``text`` (UTF-8) would be refused as binary data: a NUL in its first ``SNIFF_BYTES``.

    A JSON Lines record or a ``str`` given to ``clean`` holding ``"\\u0000"`` there was cleaned, the NUL dropped,
    where the same text in a file was refused; past them, a NUL is dropped from both (a page with a stray NUL deep in
    its markup keeps its article).
    """
    if "\x00" not in text[:SNIFF_BYTES]:
        return False
    return b"\x00" in text[:SNIFF_BYTES].encode("utf-8", "surrogatepass")[:SNIFF_BYTES]


def not_text(text: str) -> bool:
    """Whether a text is evidently not text: control characters in its first ``SNIFF_BYTES`` (of its UTF-8, as
    ``binary_start`` reads them), and charset-normalizer's ``is_binary`` finds no text in it as it would be cleaned.

    Random bytes without a NUL decoded as UTF-8 (ASCII ones), behind a byte-order mark or as a declared Latin-1
    were "cleaned" into garbage.  The control characters are the evidence (random bytes hold one in ten; text
    none), and charset-normalizer's measure of mess the judge; it is given the normal form, without the control
    characters and soft hyphens it counts against a text (one ESC makes a whole chunk mess, and German text with
    soft hyphens failed its measure), so a page with a stray control character in it is still read.
    """
    start = text[:SNIFF_BYTES].encode("utf-8", "surrogatepass")[:SNIFF_BYTES]
    if not start.translate(None, TEXT_BYTES):
        return False
    from charset_normalizer import is_binary  # where first used: text and UTF-8 never need it

    return is_binary(normalise(text[:DETECTION_SAMPLE]).encode("utf-8", "surrogatepass"))


def decode_reporting(raw: bytes, *, declared: str | None = None) -> Decoded:
    """``decode_bytes``, also saying which encoding was chosen and which bytes it could not decode.

    Text that is UTF-8 except for a few bytes (a stray byte, a cut multi-byte character) is UTF-8:
    those bytes become U+FFFD and are listed, instead of the whole text being re-detected as a
    legacy code page, which would turn every accent and dash into mojibake.  Whatever decoded them, bytes that
    are evidently not text (``not_text``) are refused; compressed ones are said to be (``_refused``).
    """
    try:
        decoded = _decode(raw, declared)
    except DecodeError as error:
        raise _refused(raw, str(error)) from None
    if not_text(decoded.text):
        raise _refused(raw, NOT_TEXT)
    return decoded


def _refused(raw: bytes, reason: str) -> DecodeError:
    """The error for bytes refused as not text: the compression they open with when they do (``COMPRESSED``), with
    the command that decompresses them, else ``reason`` ("binary data (NUL bytes)" said nothing of what to do)."""
    for magic, kind, command in COMPRESSED:
        if raw.startswith(magic):
            return DecodeError(f"compressed data ({kind}), not text: decompress it first ({command})")
    return DecodeError(reason)


def _decode(raw: bytes, declared: str | None) -> Decoded:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            text = raw.decode(encoding, errors="replace")
            if binary_start(text):  # a NUL behind a BOM is binary data as it is without one
                raise DecodeError(BINARY)
            return Decoded(text, encoding)
    if b"\x00" in raw[:SNIFF_BYTES]:
        utf16 = _utf16_without_bom(raw)
        if utf16 is None:
            raise DecodeError(BINARY)
        return utf16
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        return mostly
    if declared:
        try:
            return Decoded(raw.decode(declared), declared)
        except (LookupError, UnicodeDecodeError):
            pass
    detected = _detect_encoding(raw)
    if detected is not None:
        return Decoded(raw.decode(detected, errors="replace"), detected)
    sample = raw[:DETECTION_SAMPLE]
    if len(sample) - len(sample.translate(None, HIGH_BYTES)) > NOISE_SHARE * len(sample):
        raise DecodeError("undecodable: no text encoding fits these bytes")
    # ASCII text with bytes no encoding reads among words: kept, the bytes listed
    return _replaced(raw.decode("utf-8", errors="surrogateescape"))


def _utf16_without_bom(raw: bytes) -> Decoded | None:
    """UTF-16 text saved without a byte-order mark, told from binary data by where its NUL bytes are.

    Latin-script text in UTF-16 has a NUL as the high byte of most characters (every one in
    ``UTF16_HIGH_NULS`` at least) and almost never as the low byte: little-endian files have them at
    odd offsets, big-endian ones at even offsets.  Text of another script has them only in its ASCII
    characters (``_other_script``).  Binary data has NULs in both, and is refused; so is anything that does not
    decode, or decodes to control characters.
    """
    sample = raw[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(raw) % 2 or not sample:
        return None
    halves = {"utf-16-le": sample[1::2].count(0), "utf-16-be": sample[0::2].count(0)}
    encoding, high = max(halves.items(), key=lambda item: item[1])
    low = sum(halves.values()) - high
    units = len(sample) // 2
    latin = high >= UTF16_HIGH_NULS * units and low <= UTF16_LOW_NULS * units
    if not (latin or _other_script(sample, encoding, high, low)):
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    if CONTROL.search(text) or not (latin or _assigned(text[: SNIFF_BYTES // 2])):
        return None
    return Decoded(text, encoding)


def _other_script(sample: bytes, encoding: str, high: int, low: int) -> bool:
    """UTF-16 of a script beyond Latin-1 (Japanese, Chinese, Korean ...), whose characters have no NUL byte: its
    NULs are the high bytes of its ASCII characters (newlines, spaces, digits, Latin words), at least twice as
    many as the low NULs of its characters at the start of a block of 256 (Korean "대", U+B300), and those
    characters are ASCII, not the Latin-1 letters and signs above it (``UTF16_ASCII_SHARE``).  The reading must
    then hold no unassigned code point (``_assigned``): read in the wrong byte order a newline is U+0A00."""
    if not high or low * 2 > high:
        return False
    highs, lows = (sample[1::2], sample[0::2]) if encoding == "utf-16-le" else (sample[0::2], sample[1::2])
    ascii_bytes = sum(1 for top, byte in zip(highs, lows, strict=True) if top == 0 and byte < 0x80)
    return ascii_bytes >= UTF16_ASCII_SHARE * high


def _assigned(text: str) -> bool:
    """No unassigned code point, private-use character or lone surrogate: what a wrong reading of bytes as UTF-16
    gives, and text does not hold."""
    return not any(unicodedata.category(char) in ("Cn", "Co", "Cs") for char in text)


def _mostly_utf8(raw: bytes) -> Decoded | None:
    """UTF-8 with its bad bytes replaced, when valid non-ASCII characters outnumber them enough.

    A legacy code page read as UTF-8 gives a bad byte for nearly every accented letter and valid
    multi-byte characters only by accident, so the ratio tells the two apart.
    """
    escaped = raw.decode("utf-8", errors="surrogateescape")
    bad = ESCAPED_BYTE.findall(escaped)
    valid = len(NON_ASCII.findall(escaped)) - len(bad)
    if not bad or valid < VALID_PER_INVALID * len(bad):
        return None
    return _replaced(escaped)


def _replaced(escaped: str) -> Decoded:
    """Bytes read as UTF-8 with ``surrogateescape`` (``escaped``), the bytes not valid in it replaced with U+FFFD, and
    listed."""
    bad = ESCAPED_BYTE.findall(escaped)
    return Decoded(ESCAPED_BYTE.sub("\ufffd", escaped), "utf-8", tuple(ord(char) - 0xDC00 for char in bad))


def _detect_encoding(raw: bytes) -> str | None:
    """The legacy encoding whose reading of the bytes is most plausibly text (``cleaner.text.legacy``, imported here:
    UTF-8 bytes never load charset-normalizer or the language profiles it reads); None when no encoding fits."""
    from cleaner.text.legacy import detect_encoding

    return detect_encoding(raw[:DETECTION_SAMPLE])


_SUBSTITUTIONS = ((SPACE_LIKE, " "), (INVISIBLE, ""), (CONTROL, ""))  # in this order; none makes another's character


def normalise(text: str) -> str:
    """One normal form for every layer: NFC, ``\\n`` newlines, C1 controls read as windows-1252, plain spaces, no
    invisibles; a form feed (a page break) is a blank line, so the lines on either side are never one paragraph."""
    if text.replace("\n", "").isprintable():  # most texts: nothing to replace or drop, NFC only (see ``ODD``)
        return unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\f", "\n\n")  # a page break (pdftotext ends each page with one): paragraphs end there
    text = unicodedata.normalize("NFC", without_c1(text))
    odd = "".join(set(ODD.findall(text)))  # each odd character once: one pass, then only the substitutions needed
    for pattern, replacement in _SUBSTITUTIONS:
        if odd and pattern.search(odd):
            text = pattern.sub(replacement, text)
    return text


def without_c1(text: str) -> str:
    """The text with its C1 control characters read as windows-1252 (``C1``): each replaced where one pass finds it
    (``str.translate`` looks every character of a text up in its table, three times as slow on the texts that hold
    one, where only a few are C1)."""
    return C1.sub(_windows_1252, text)


def _windows_1252(found: re.Match[str]) -> str:
    return C1_AS_WINDOWS_1252[ord(found[0])]


def decode(source: str | bytes, *, declared: str | None = None) -> str:
    """Decode (when given bytes) and normalise."""
    text = decode_bytes(source, declared=declared) if isinstance(source, bytes) else source
    return normalise(text)
