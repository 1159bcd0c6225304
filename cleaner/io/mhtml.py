"""MHTML: a web page a browser saved as one file ("Save as ... single file", ``.mhtml``/``.mht``), read as its page.

A browser writes the page as a MIME message (``multipart/related``): its headers (``Snapshot-Content-Location``,
``Subject``, ``MIME-Version``), then the page's HTML as one part, quoted-printable or base64, and each image,
stylesheet and frame as parts of their own.  Read as text, the message was cleaned into its headers and the
page's encoded markup (``=3D`` for every ``=``).  ``page_of_mhtml`` gives the page's HTML part, decoded from its
transfer encoding, with the charset the part declares, which the decode layer then reads as any page's bytes.

Told by its start alone: a header block (lines ``Name: value``, folded lines) declaring ``MIME-Version`` and a
``multipart/related`` content type, within ``HEADER_BYTES``; any other text, mail or page is not one.

What it does NOT do: it reads no part but the first ``text/html`` one (images, stylesheets and frames are not
the article), and it does not decode the page's text (``cleaner.text.decode`` does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADER_BYTES = 8192  # a browser's MHTML header block is a few hundred bytes
_HEADER_LINE = re.compile(rb"[!-9;-~]+:[^\r\n]*|[ \t][^\r\n]*")  # "Name: value", or a folded line going on
_BLANK = re.compile(rb"\r?\n\r?\n")
_FIRST_LINE = re.compile(rb"(?:%s)(?:[\r\n]|\Z)" % _HEADER_LINE.pattern)  # a header line, up to its end
_MIME_VERSION = re.compile(rb"^mime-version:", re.IGNORECASE | re.MULTILINE)
_RELATED = re.compile(rb"^content-type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class SavedPage:
    """The page's HTML part: its bytes (transfer encoding undone) and the charset the part declares, if any."""

    html: bytes
    charset: str | None


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
                return SavedPage(html, part.get_content_charset())
    return None
