"""Article: assemble the final ``Article`` from the decided blocks and the metadata found.

Body blocks are the blocks decided as body, in reading order. Every other block,
except the title and subtitle (which become metadata), goes into ``removed`` with the
rule, category and layer that decided it, so nothing leaves silently. Metadata from
the page (JSON-LD, meta tags) wins over what the text's own lines said, field by
field; the precedence is documented in docs/html.md.

One decision waits until here: the text model's head lines after the chosen title go back to the
body (``zones.head_after_title``), once the title was chosen among them.  And plain text settles
(``settle_output``): the body is read again exactly as cleaning the cleaned text reads it (the
pipeline's own reading, passed in), and whatever that reading would not keep as body leaves now,
until the reading keeps every block, so that cleaning the output changes nothing.  Before it settles, plain
text's body blocks that say the chosen title line again leave it (``no_title_in_body``): the title is no body block.

Checks of the assembled article end here, because they need the final body and metadata: a subtitle that is
the title again is none (a line read as it is listed, ``TITLE_REPEAT_RULE``), and so is one the body's first block
says again (the block stays); the second of two body blocks
in a row with the same text leaves the body (``REPEAT_RULE``); and an ``updated`` day before the ``published`` one
is dropped.

What it does not do: it takes no other decisions about blocks (``settle_output`` copies those of the
second reading, ``no_title_in_body`` follows the title chosen); it only reports them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from cleaner.layout.zones import HEAD_RULE, folded, head_after_title, strip_unbalanced_quote
from cleaner.model import Article, BodyBlock, Metadata, Removal, Role, Verdict
from cleaner.text.shape import letters_and_digits

SETTLE_ROUNDS = 12  # each round removes at least one block; a body that has not settled by then is left as it is
REREAD_HEAD_RULE = "classifier.head.reread"  # a head line of the second reading: no longer given back after the title
Reread = Callable[[list[str]], Sequence[Verdict]]
"""How cleaning the cleaned text reads a body: its blocks' final verdicts (title chosen, head lines given back)."""


def metadata_from_blocks(verdicts: Sequence[Verdict]) -> Metadata:
    """Title and subtitle as the zones layer found them in the head."""
    title = next((v.text for v in verdicts if v.role is Role.TITLE), None)
    subtitle = next((v.text for v in verdicts if v.role is Role.SUBTITLE), None)
    found = Metadata(title=title, subtitle=strip_unbalanced_quote(subtitle) if subtitle else None)
    return found.sourced("text-head")


def settle_output(verdicts: Sequence[Verdict], reread: Reread, rounds: int = SETTLE_ROUNDS) -> list[Verdict]:
    """The verdicts once the body they give is a fixed point of ``reread`` (cleaning the cleaned text).

    The body (``head_after_title`` applied, as ``build_article`` assembles it) is read again; each
    block that reading does not keep as body (a rule, a byline, the model, its head rule) leaves the
    body with the second reading's decision, and the smaller body is read again, until the reading
    keeps every block.  A title or subtitle the reading takes from the top of the body stays in this
    body (the second cleaning keeps its words, as metadata); what is checked next is the body that
    reading gives, without them, as a third cleaning would meet it, and after a removal the whole
    body again.  Nothing is ever added, so the loop ends; when the body reads back into other blocks
    (a block split or joined), there is nothing to compare and it stops (``_same_blocks``).  A head
    line of the second reading gets ``REREAD_HEAD_RULE``, so that it is not given back after the
    title once more.  Each round first drops a block that says the body block before it again (``REPEAT_RULE``),
    as ``build_article`` does, so that the body read is the one output.
    """
    marked = head_after_title(verdicts)
    titled: set[int] = set()  # blocks a reading took for the title or subtitle: out of the next reading's view
    for _ in range(rounds):
        marked = list(_no_paragraph_twice_in_a_row(marked))  # as build_article will: the body read is the output's
        view = [p for p, verdict in enumerate(marked) if verdict.role is Role.BODY and p not in titled]
        if not view:
            break
        again = reread([marked[position].text for position in view])
        if not _same_blocks([marked[position].text for position in view], [verdict.text for verdict in again]):
            break
        heads = {p for p, verdict in zip(view, again, strict=True) if verdict.role in (Role.TITLE, Role.SUBTITLE)}
        left = [(p, v) for p, v in zip(view, again, strict=True) if v.role != Role.BODY and p not in heads]
        for position, verdict in left:
            rule = REREAD_HEAD_RULE if verdict.rule == HEAD_RULE else verdict.rule
            marked[position] = marked[position].decide(
                verdict.role, rule=rule, category=verdict.category, layer=verdict.layer, score=verdict.score
            )
        titled = set() if left else titled | heads
        if not left and not heads:
            break
    return marked


def no_title_in_body(verdicts: Sequence[Verdict]) -> list[Verdict]:
    """The body blocks that say the chosen title line again leave the body (``TITLE_REPEAT_RULE``): a page dump
    prints its headline two or three times (the page's ``<title>``, the headline, a breadcrumb or a share text),
    and the title is no body block.  Called before ``settle_output``, which reads the body without them."""
    titles = [v.text for v in verdicts if v.role is Role.TITLE]
    if not titles:
        return list(verdicts)
    said = {folded(title) for title in titles}
    return [
        v.decide(Role.FURNITURE, rule=TITLE_REPEAT_RULE, category="boilerplate", layer="metadata")
        if v.role is Role.BODY and any(_alike(v.text, t) for t in titles) and folded(v.text) in said
        else v
        for v in verdicts
    ]


def _same_blocks(texts: Sequence[str], again: Sequence[str]) -> bool:
    """Whether the second reading's blocks are these, one for one: the same letters and digits in each (reading
    may strip a marker it reads, such as a list's bullet, again)."""
    return len(texts) == len(again) and all(
        one == other or letters_and_digits(one) == letters_and_digits(other)
        for one, other in zip(texts, again, strict=True)
    )


_KEPT = (Role.BODY, Role.TITLE, Role.SUBTITLE)  # what ``build_article`` leaves out of the audit trail


def build_article(verdicts: Sequence[Verdict], metadata: Metadata) -> Article:
    """The article: body blocks, metadata, and the audit trail of everything else."""
    verdicts, metadata = _no_subtitle_repeating_the_title(head_after_title(verdicts), metadata)
    verdicts = _no_paragraph_twice_in_a_row(verdicts)
    verdicts, metadata = _no_subtitle_opening_the_body(verdicts, metadata)
    metadata = _no_update_before_publication(metadata)
    body = tuple([BodyBlock(v.kind, v.block.text, v.block.index) for v in verdicts if v.role is Role.BODY])
    removed = tuple(
        [
            Removal(
                v.block.text, v.rule, v.category, v.layer, v.block.index, None if v.score is None else round(v.score, 4)
            )
            for v in verdicts
            if v.role not in _KEPT
        ]
    )
    return Article(metadata, body, removed)


TITLE_REPEAT_RULE = "metadata.title-repeat"  # a head line read as the subtitle that says the title again
SUBTITLE_REPEAT_RULE = "metadata.subtitle-repeat"  # a head line read as the subtitle that the body opens with


def _no_subtitle_repeating_the_title(
    verdicts: Sequence[Verdict], metadata: Metadata
) -> tuple[Sequence[Verdict], Metadata]:
    """No subtitle that is the title again (a page or a dump printing its headline twice, the second copy under the
    first): the subtitle is then none, and a line read as that subtitle is listed as a removal."""
    return _without_subtitle(verdicts, metadata, folded(metadata.title), TITLE_REPEAT_RULE)


def _no_subtitle_opening_the_body(
    verdicts: Sequence[Verdict], metadata: Metadata
) -> tuple[Sequence[Verdict], Metadata]:
    """No subtitle that the body's first block says again (a page's standfirst or alternative headline that its
    content also holds, often a subheading it marked as the dek): the block stays, the subtitle is none."""
    first = next((v.text for v in verdicts if v.role is Role.BODY), None)
    if not (metadata.subtitle and first and _alike(first, metadata.subtitle)):
        return verdicts, metadata
    return _without_subtitle(verdicts, metadata, folded(first), SUBTITLE_REPEAT_RULE)


def _without_subtitle(
    verdicts: Sequence[Verdict], metadata: Metadata, text: str, rule: str
) -> tuple[Sequence[Verdict], Metadata]:
    """The subtitle dropped where it says ``text`` (folded), and the lines read as it listed under ``rule``."""
    if not text:
        return verdicts, metadata
    repeats = [p for p, v in enumerate(verdicts) if v.role is Role.SUBTITLE and folded(v.text) == text]
    if repeats:
        verdicts = list(verdicts)
        for position in repeats:
            verdicts[position] = verdicts[position].decide(
                Role.FURNITURE, rule=rule, category="boilerplate", layer="metadata"
            )
    if folded(metadata.subtitle) == text:
        sources = tuple(pair for pair in metadata.sources if pair[0] != "subtitle")
        metadata = replace(metadata, subtitle=None, sources=sources)
    return verdicts, metadata


REPEAT_RULE = "body.repeat"  # a body block that says again the body block before it
MIN_REPEAT = 40  # characters: a shorter block said twice (a table's cells, "4%", a label) may be meant twice


def _no_paragraph_twice_in_a_row(verdicts: Sequence[Verdict]) -> Sequence[Verdict]:
    """The second of two body blocks in a row with the same text leaves the body (``REPEAT_RULE``): a caption
    printed as the image's text and again under it, a lead printed as a teaser and again as the article's first
    paragraph.  Blocks of ``MIN_REPEAT`` characters or more only."""
    previous = ""
    out: list[Verdict] | None = None
    for position, verdict in enumerate(verdicts):
        if verdict.role is not Role.BODY:
            continue
        text = verdict.text
        if len(text) >= MIN_REPEAT and _alike(text, previous) and folded(text) == folded(previous):
            out = out or list(verdicts)
            out[position] = verdict.decide(Role.FURNITURE, rule=REPEAT_RULE, category="boilerplate", layer="assemble")
        previous = text
    return verdicts if out is None else out


def _alike(one: str, other: str) -> bool:
    """Whether two texts may be the same once spaced and folded (their lengths within a tenth): asked before
    folding them, which copies them."""
    return abs(len(one) - len(other)) <= len(one) // 10 + 2


def _no_update_before_publication(metadata: Metadata) -> Metadata:
    """No ``updated`` day before the ``published`` one: one of the two is some other text's date (a related
    article's, a comment's), and the update, a labelled line the first reader found, is the weaker evidence."""
    published, updated = metadata.published, metadata.updated
    if not (published and updated) or updated[:10] >= published[: len(updated[:10])]:
        return metadata
    sources = tuple(pair for pair in metadata.sources if pair[0] != "updated")
    return replace(metadata, updated=None, sources=sources)
