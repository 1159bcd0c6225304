"""URLs as pages and records give them: split into parts without ever raising.

``urllib.parse.urlsplit`` raises ``ValueError`` on some malformed URLs (``http://[::1``, an
unclosed IPv6 bracket; a host that NFKC normalisation changes), and a page's ``og:url``, its links
and a record's ``url`` are whatever their authors wrote.  ``split_url`` reads such a URL as having
no parts, so a bad address costs its host and path, never the document.

This module does not validate, normalise or fetch URLs.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

NO_PARTS = SplitResult("", "", "", "", "")


def split_url(url: str) -> SplitResult:
    """``urlsplit(url)``, or no parts at all when the URL cannot be split."""
    try:
        return urlsplit(url)
    except ValueError:
        return NO_PARTS


def host_of(url: str | None) -> str | None:
    """The URL's host name (lower-cased by ``urlsplit``), or ``None`` when it has none or cannot be split."""
    return split_url(url).hostname if url else None
