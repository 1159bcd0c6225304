"""The pipeline: one document in, one ``Article`` out, through the layers in order.

    decode -> segment (text, Markdown) | html (pages) -> furniture rules -> language
           -> metadata lines -> zones -> classify -> site profile -> article

Each step is a function over plain data (see ``model``); this package only chooses the
input path and passes the data along.

Every document runs under one ``Deadline`` (``cleaner.errors``: ``timeout`` in the configuration),
from decoding to the assembled article: checked between the layers, handed to the layers that
loop long, and armed as a timer when ``clean`` runs on the main thread.

The package's modules, in the order a document meets them: ``reading`` (decode, choose the input
path, read the blocks and the declared metadata), ``deciding`` (the block layers), ``cleaning``
(``clean``: the metadata chosen and the article assembled; ``warm_up``).  Their public names are
importable from here, each imported when first asked for (PEP 562): reading a document for
``clean learn`` (``reading.document_texts``) needs none of the deciding and cleaning layers.

What it does NOT do: it holds no rules and no heuristics of its own, and it runs one document:
many documents are ``cleaner.run``'s.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from cleaner.errors import CleanError
from cleaner.io.records import FORMATS, Format
from cleaner.model import Role

if TYPE_CHECKING:
    from cleaner.pipeline.cleaning import OUTSIDE_RULE, clean, clean_blocks, clean_file, pages_warm, warm_up
    from cleaner.pipeline.deciding import decide_blocks, furniture_verdicts, open_verdicts, rule_verdicts
    from cleaner.pipeline.reading import Reading, document_texts, page_reading, read_document, reads_as_page

_FROM = {  # public name -> the module that defines it (as imported above for type checkers)
    "OUTSIDE_RULE": "cleaner.pipeline.cleaning",
    "Reading": "cleaner.pipeline.reading",
    "clean": "cleaner.pipeline.cleaning",
    "clean_blocks": "cleaner.pipeline.cleaning",
    "clean_file": "cleaner.pipeline.cleaning",
    "decide_blocks": "cleaner.pipeline.deciding",
    "document_texts": "cleaner.pipeline.reading",
    "furniture_verdicts": "cleaner.pipeline.deciding",
    "open_verdicts": "cleaner.pipeline.deciding",
    "page_reading": "cleaner.pipeline.reading",
    "pages_warm": "cleaner.pipeline.cleaning",
    "read_document": "cleaner.pipeline.reading",
    "reads_as_page": "cleaner.pipeline.reading",
    "rule_verdicts": "cleaner.pipeline.deciding",
    "warm_up": "cleaner.pipeline.cleaning",
}
__all__ = [
    "FORMATS",
    "OUTSIDE_RULE",
    "CleanError",
    "Format",
    "Reading",
    "Role",
    "clean",
    "clean_blocks",
    "clean_file",
    "decide_blocks",
    "document_texts",
    "furniture_verdicts",
    "open_verdicts",
    "page_reading",
    "pages_warm",
    "read_document",
    "reads_as_page",
    "rule_verdicts",
    "warm_up",
]


def __getattr__(name: str) -> object:
    """A public name, imported from its module on first use and then kept here (PEP 562)."""
    if name not in _FROM:
        raise AttributeError(f"module 'cleaner.pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(_FROM[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_FROM))
