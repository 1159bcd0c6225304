"""cleaner: turn scraped news and blog articles into clean article objects.

    >>> from cleaner import clean
    >>> article = clean(open("page.html", "rb").read(), url="https://example.com/a")
    >>> article.title, article.authors, article.published
    >>> article.to_dict()   # JSON-ready, with the audit trail of removed blocks
"""

from cleaner.config import Config, ConfigError, load_config
from cleaner.model import Article, BodyBlock, Kind, Removal
from cleaner.pipeline import CleanError, clean

__all__ = ["Article", "BodyBlock", "CleanError", "Config", "ConfigError", "Kind", "Removal", "clean", "load_config"]
