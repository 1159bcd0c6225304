"""Article: assemble the final ``Article`` from the decided blocks and the metadata found.

Body blocks are the blocks decided as body, in reading order. Every other block,
except the title and subtitle (which become metadata), goes into ``removed`` with the
rule, category and layer that decided it, so nothing leaves silently. Metadata from
the page (JSON-LD, meta tags) wins over what the text's own lines said, field by
field; the precedence is documented in docs/html.md.

One decision waits until here: the text model's head lines after the chosen title go back to the
body (``zones.head_after_title``), once the title was chosen among them.

What it does not do: it takes no other decisions about blocks; it only reports them.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.layout.zones import head_after_title, strip_unbalanced_quote
from cleaner.model import Article, BodyBlock, Metadata, Removal, Role, Verdict


def metadata_from_blocks(verdicts: Sequence[Verdict]) -> Metadata:
    """Title and subtitle as the zones layer found them in the head."""
    title = next((v.text for v in verdicts if v.role is Role.TITLE), None)
    subtitle = next((v.text for v in verdicts if v.role is Role.SUBTITLE), None)
    found = Metadata(title=title, subtitle=strip_unbalanced_quote(subtitle) if subtitle else None)
    return found.sourced("text-head")


def build_article(verdicts: Sequence[Verdict], metadata: Metadata) -> Article:
    """The article: body blocks, metadata, and the audit trail of everything else."""
    verdicts = head_after_title(verdicts)
    body = tuple(BodyBlock(v.kind, v.text, v.block.index) for v in verdicts if v.role is Role.BODY)
    removed = tuple(
        Removal(v.text, v.rule, v.category, v.layer, v.block.index, None if v.score is None else round(v.score, 4))
        for v in verdicts
        if v.role not in (Role.BODY, Role.TITLE, Role.SUBTITLE)
    )
    return Article(metadata, body, removed)
