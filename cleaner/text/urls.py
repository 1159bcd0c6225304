"""URLs as pages and records give them: split into parts without ever raising, and a web archive's replay address
read as the address of the page it archived.

``urllib.parse.urlsplit`` raises ``ValueError`` on some malformed URLs (``http://[::1``, an
unclosed IPv6 bracket; a host that NFKC normalisation changes), and a page's ``og:url``, its links
and a record's ``url`` are whatever their authors wrote.  ``split_url`` reads such a URL as having
no parts, so a bad address costs its host and path, never the document.

A web archive replays a page at an address that holds the page's own after a capture's time stamp
(``https://web.archive.org/web/20190717140047/http://www.example.org/a``, the Wayback Machine's and every
archive's that runs its software, ``/wayback/20190717140047im_/...``): ``archived_address`` gives the page's
address, so the page's site is the site it came from, not the archive.

This module does not validate, normalise or fetch URLs.
"""

from __future__ import annotations

import re
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


_REPLAY = re.compile(
    r"(?:/[^/?#\s]+)*?/\d{4,14}(?:[a-z]{2}_)?/(?P<scheme>https?):/{0,2}(?P<rest>[^/\s]+.*)", re.IGNORECASE
)  # path segments, the time stamp (a replay modifier after it), the page's address


def archived_address(url: str) -> str:
    """The address of the page a web archive's replay address archived (its time stamp, 4 to 14 digits, maybe with
    a replay modifier such as ``id_``, then the page's own ``http(s)`` address), whole or as the path alone that a
    link inside an archived page holds (``/web/<stamp>/https://...``); any other URL as it is."""
    parts = split_url(url)
    if not parts.scheme and not parts.netloc:
        start = 0
    elif parts.scheme.lower() in ("http", "https") and parts.netloc:
        start = url.find(parts.netloc) + len(parts.netloc)
    else:
        return url
    match = _REPLAY.match(url, start)
    return f"{match['scheme'].lower()}://{match['rest']}" if match else url


def site_host(url: str | None) -> str | None:
    """The host of the page a URL addresses (``host_of``) without ``www.``: the site it belongs to (the archived
    page's for a web archive's replay address)."""
    host = host_of(archived_address(url)) if url else None
    return host.removeprefix("www.") if host else None
