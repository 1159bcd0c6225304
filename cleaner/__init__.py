"""cleaner: turn scraped news and blog articles into clean article objects.

    >>> from cleaner import clean
    >>> article = clean(open("page.html", "rb").read(), url="https://example.com/a")
    >>> article.title, article.authors, article.published
    >>> article.to_dict()   # JSON-ready, with the audit trail of removed blocks

Many documents: ``clean_many(documents)`` streams results with bounded memory
(docs/scaling.md); ``Corpus`` learns each site's own furniture first (docs/corpus.md).

The public names below are imported when first asked for (PEP 562): ``import cleaner.<module>``
runs this file, and importing the whole pipeline here would make every command pay for it at
start, ``clean learn`` included, which needs none of the cleaning layers.

What it does NOT do: it holds none of the pipeline's code; it only says where each public name lives.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaner.config import Config, ConfigError, load_config
    from cleaner.corpus.twopass import Corpus
    from cleaner.errors import CleanError, TimeLimitError
    from cleaner.model import Article, BodyBlock, Kind, Removal
    from cleaner.pipeline import clean, clean_file, warm_up
    from cleaner.run.stream import clean_many
    from cleaner.version import VERSION as __version__  # importlib.metadata: a fiftieth of a second

_FROM = {  # public name -> the module that defines it (as imported above for type checkers)
    "Article": "cleaner.model",
    "BodyBlock": "cleaner.model",
    "CleanError": "cleaner.errors",
    "Config": "cleaner.config",
    "ConfigError": "cleaner.config",
    "Corpus": "cleaner.corpus.twopass",
    "Kind": "cleaner.model",
    "Removal": "cleaner.model",
    "TimeLimitError": "cleaner.errors",
    "__version__": "cleaner.version",
    "clean": "cleaner.pipeline",
    "clean_file": "cleaner.pipeline",
    "clean_many": "cleaner.run.stream",
    "load_config": "cleaner.config",
    "warm_up": "cleaner.pipeline",
}
__all__ = [
    "Article",
    "BodyBlock",
    "CleanError",
    "Config",
    "ConfigError",
    "Corpus",
    "Kind",
    "Removal",
    "TimeLimitError",
    "__version__",
    "clean",
    "clean_file",
    "clean_many",
    "load_config",
    "warm_up",
]


def __getattr__(name: str) -> object:
    """A public name, imported from its module on first use and then kept here."""
    if name not in _FROM:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    value = getattr(importlib.import_module(_FROM[name]), "VERSION" if name == "__version__" else name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_FROM))
