"""The parameters of learning and trusting a site profile, and the test that tells prose from other lines.

``Parameters`` holds the knobs (stored in the profile file, validated when read), ``is_prose`` tells a
sentence of an article from a menu line or a heading by its key, ``ProfileError`` is the error of an
unreadable profile, and ``PROFILE_FORMAT`` the file's format tag.

What it does NOT do: it counts nothing (``cleaner.sites.profile``), holds no counts
(``cleaner.sites.generation``) and reads no file (``cleaner.sites.store``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from cleaner.text.shape import SENTENCE_END

PROFILE_FORMAT = "cleaner-profile/2"
"""The ``format`` field of a profile file; a file without it is refused."""


class ProfileError(ValueError):
    """A profile file is unreadable or malformed; the message names the file and the problem."""


# --- the decision rule ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parameters:
    """The knobs of learning and trust (docs/corpus.md says how they were chosen); stored in the file.

    ``min_pages`` (N): a generation of fewer documents teaches nothing, so a site of fewer than N pages
    is cleaned as without a profile.  ``ratio``: a key is template when it is in at least this share of
    the generation's documents (``prose_ratio`` for a sentence of ``prose_words`` words or more).
    ``join``: a document joins the generation whose template it shares most of, when that share is at
    least ``join``; otherwise it starts a new generation (at most ``generations`` per site).
    ``marker_share``: the article markers (``cleaner.sites.markers``) are trusted when one pair held on at
    least this share of the generation's pages (above 1: never).
    """

    min_pages: int = 4
    ratio: float = 0.3
    prose_ratio: float = 1.0
    prose_words: int = 12
    join: float = 0.3
    generations: int = 8
    marker_share: float = 0.6
    prune_every: int = 20

    @property
    def shortest_prose(self) -> int:
        """No key shorter than this is prose (``prose_words`` words and the spaces between them)."""
        return 2 * self.prose_words - 1

    def to_dict(self) -> dict[str, float | int]:
        return {item.name: getattr(self, item.name) for item in fields(self)}

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], *, origin: str) -> Parameters:
        known = {item.name: item.type for item in fields(cls)}
        values: dict[str, float | int] = {}
        for name, value in data.items():
            if name not in known:
                raise ProfileError(f"{origin}: unknown parameter {name!r}")
            kind = "number" if known[name] == "float" else "integer"
            if isinstance(value, bool) or not isinstance(value, float | int if kind == "number" else int) or value <= 0:
                raise ProfileError(f"{origin}: parameter {name!r} must be a positive {kind}")
            values[name] = value
        return cls(**values)  # type: ignore[arg-type]


def is_prose(key: str, parameters: Parameters) -> bool:
    """A sentence of an article: long enough and ending like a sentence (cheap: on every block)."""
    return (
        len(key) >= parameters.shortest_prose
        and key.count(" ") + 1 >= parameters.prose_words
        and SENTENCE_END.search(key[-16:]) is not None
    )
