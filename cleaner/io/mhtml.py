"""MHTML: a web page a browser saved as one file ("Save as ... single file", ``.mhtml``/``.mht``), read as its page.

A browser writes the page as a MIME message (``multipart/related``): its headers (``Snapshot-Content-Location``,
``Subject``, ``MIME-Version``), then the page's HTML as one part, quoted-printable or base64, and each image,
stylesheet and frame as parts of their own.  Read as text, the message was cleaned into its headers and the
page's encoded markup (``=3D`` for every ``=``).  ``page_of_mhtml`` gives the page's HTML part, decoded from its
transfer encoding, with the charset the part declares, which the decode layer then reads as any page's bytes,
and the address the page was saved from: the part's ``Content-Location``, else the message's
``Snapshot-Content-Location`` (an ``http(s)`` URL; a ``cid:`` or ``file:`` location is no page address), which
the page reader takes as the page's URL where the page states none.

Told by its start alone: a header block (lines ``Name: value``, folded lines) declaring ``MIME-Version`` and a
``multipart/related`` content type, within ``HEADER_BYTES``; any other text, mail or page is not one.

What it does NOT do: it reads no part but the first ``text/html`` one (images, stylesheets and frames are not
the article), and it does not decode the page's text (``cleaner.text.decode`` does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from email.message import Message

HEADER_BYTES = 8192  # a browser's MHTML header block is a few hundred bytes
_HEADER_LINE = re.compile(rb"[!-9;-~]+:[^\r\n]*|[ \t][^\r\n]*")  # "Name: value", or a folded line going on
_BLANK = re.compile(rb"\r?\n\r?\n")
_FIRST_LINE = re.compile(rb"(?:%s)(?:[\r\n]|\Z)" % _HEADER_LINE.pattern)  # a header line, up to its end
_FIRST_TEXT_LINE = re.compile(rf"[\r\n]*(?:{_HEADER_LINE.pattern.decode('ascii')})(?:[\r\n]|\Z)")  # of a str
_MIME_VERSION = re.compile(rb"^mime-version:", re.IGNORECASE | re.MULTILINE)
_RELATED = re.compile(rb"^content-type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class SavedPage:
    """The page's HTML part: its bytes (transfer encoding undone), the charset the part declares, if any, and the
    address the page was saved from, if the file names one."""

    html: bytes
    charset: str | None
    location: str | None = None


def is_mhtml(raw: bytes) -> bool:
    """Whether the bytes open as an MHTML file: a header block of header lines alone, declaring ``MIME-Version`` and
    a ``multipart/related`` content type."""
    start = raw[:HEADER_BYTES].lstrip(b"\r\n")
    if _FIRST_LINE.match(start) is None:  # the last test's first line, asked first: a text's first line is no header
        return False
    end = _BLANK.search(start)
    if end is None:
        return False
    header = start[: end.start()]
    if _MIME_VERSION.search(header) is None or _RELATED.search(header) is None:
        return False
    return all(_HEADER_LINE.fullmatch(line) for line in header.splitlines())


def may_be_mhtml(text: str) -> bool:
    """Whether a text's start may be an MHTML file, as ``is_mhtml`` of its bytes asks it first: its first line a
    header line, and ``multipart/related`` in it, in any case.  Cheap (prose, a page's markup and most other texts
    fail on their first word), and never False where ``is_mhtml`` of the text's UTF-8 bytes is True."""
    return _FIRST_TEXT_LINE.match(text) is not None and "multipart/related" in text[:HEADER_BYTES].lower()


def page_of_mhtml(raw: bytes) -> SavedPage | None:
    """The page an MHTML file saved (its first ``text/html`` part), or None when the bytes are no MHTML file or hold
    no page."""
    if not is_mhtml(raw):
        return None
    import email  # here: reading a saved page's parts is rare, and the email package a hundredth of a second to import
    import email.policy

    message = email.message_from_bytes(raw.lstrip(b"\r\n"), policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            html = part.get_payload(decode=True)
            if isinstance(html, bytes) and html.strip():
                return SavedPage(html, part.get_content_charset(), _location(part) or _location(message))
    return None


_WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)


def _location(part: Message) -> str | None:
    """The web address a part (or the whole file) says it was saved from: ``Content-Location`` for a part,
    ``Snapshot-Content-Location`` (Chromium) or ``Content-Location`` (Internet Explorer) for the file."""
    for name in ("Content-Location", "Snapshot-Content-Location"):
        value = part.get(name)
        if isinstance(value, str) and _WEB_ADDRESS.fullmatch(address := "".join(value.split())):
            return address
    return None
