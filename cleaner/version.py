"""The version of the installed ``cleaner`` package, read once from its metadata.

``VERSION`` is what ``pip`` installed (``pyproject.toml``'s ``version``); a checkout that is not
installed says ``0+unknown``.

What it does NOT do: it holds nothing else.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("cleaner")
except PackageNotFoundError:  # imported from a checkout that was never installed
    VERSION = "0+unknown"
