"""cleaner: turn scraped news and blog articles into clean article objects.

    >>> from cleaner import clean
    >>> article = clean(open("page.html", "rb").read(), url="https://example.com/a")
    >>> article.title, article.authors, article.published
    >>> article.to_dict()   # JSON-ready, with the audit trail of removed blocks

Many documents: ``clean_many(documents)`` streams results with bounded memory
(docs/scaling.md); ``Corpus`` learns each site's own furniture first (docs/corpus.md).
"""

from cleaner.config import Config, ConfigError, load_config
from cleaner.corpus.twopass import Corpus
from cleaner.errors import CleanError, TimeLimitError
from cleaner.model import Article, BodyBlock, Kind, Removal
from cleaner.pipeline import clean, warm_up
from cleaner.run.stream import clean_many
from cleaner.version import VERSION as __version__

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
    "clean_many",
    "load_config",
    "warm_up",
]
