"""Apply a site profile to one page's decided blocks: remove the template lines the pipeline kept.

The profile layer runs last, over the verdicts every other layer has taken.  It turns blocks the
classifier kept as body into furniture (rule ``profile:<site>#<generation>(n/N)``, category and layer
``profile``): the lines of the page's template generation, and the entries of a list under a template
heading after the article (the heading's rule plus ``:list``; past the article markers' end, where the page
holds them: ``PageMatch.between``).  A template line inside the article
(between two prose blocks that are not template) or at its edge (right before its first such block or
right after its last) must be on ``prose_ratio`` of the pages, as a sentence must: a recurring section
heading stays, and so does an article's own recurring first or last line (a sign-off, a dateline, a
disclosure) that is not on every page.  The article's two edges (on each side of its own prose, the first
line other pages hold, past the page's own lines, bylines, datelines and what a furniture rule removed, when the
page kept it) are never removed unless shaped like a heading: an article's recurring sign-off or background
paragraph and a template sentence look alike there, so the decision without the profile stands (an edge the text
model removed only because of the profile's evidence is body again, rule ``profile:<site>#<generation>:edge``).
Bylines and datelines stay as the earlier layers found them; so does the title, unless it is a line of the
site on half of its pages (a slogan): then the headline right under it becomes the title (and such a line
taken as the subtitle is removed).  A block kept by a ``keep`` pattern of the configuration is never removed.
Save for the one exception below, a profile never makes the pipeline keep a block it would otherwise remove.

One exception, where the profile positively knows the article: when a pair of article markers held on
most of the generation's pages (``cleaner.sites.markers``), the lines between them that the classifier
dropped for their place alone are kept as body (rule ``profile:<site>#<generation>:article``): outside
``classify``'s main run (rule ``classify.outside-main-text``), or, in plain text, kept by the text
model but taken for the page's head above the article's first sentence (rule ``classifier.head``).
A line the text model itself judged furniture stays furniture.  The page is first matched to one of its
site's generations (``SiteProfile.generation_of``); a page of a site or generation with fewer than ``min_pages``
documents, or that shares too little of every learned template, is left as it was.

The page is matched once (``match_page``: its block keys and its generation, None when no trusted
generation matches) and the match is handed to each step below, so a page's keys are computed once.

With the trained text classifier (plain text), the profile is evidence rather than a layer of its own:
``PageMatch.repetition`` gives, per block, the share of its generation's other documents that hold the
block's line (the page itself counted out, as if it had been learned: a line of this page alone is
0.0 and a line of every page 1.0, whatever the generation's size); the pipeline hands that method to
the classifier (``cleaner.layout.textmodel``), which weighs it as the feature ``site_repetition``, and
``credit_profile`` names the profile in the audit trail for each block the classifier removed only
because of it (rule ``profile:<site>#<generation>(n/N):classifier``, category and layer ``profile``,
the classifier's score kept).  The rule-based layer above runs after it all the same (the learned
template lines are what a reviewer reads in the profile file; measured, the two together did best).

What it does NOT do: it learns nothing (``cleaner.sites.profile``), holds no counts
(``cleaner.sites.generation``) and reads no files.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import cached_property

from cleaner.layout.classify import OUTSIDE_MAIN_RULE
from cleaner.layout.textevidence import PROFILE_RULE
from cleaner.layout.zones import HEAD_RULE
from cleaner.model import Role, Verdict
from cleaner.rules.furniture import KEEP_RULE
from cleaner.rules.furniture import LAYER as FURNITURE_LAYER
from cleaner.sites.generation import SiteProfile, template_thresholds
from cleaner.sites.keys import RememberedKeys
from cleaner.sites.parameters import is_prose
from cleaner.text.shape import shape_of

LAYER = "profile"
PLACE_DROPS = (OUTSIDE_MAIN_RULE, HEAD_RULE)  # the decisions the article markers may overturn: a line's place alone


@dataclass(frozen=True)
class PageMatch:
    """A page's block keys and the trusted generation of its site that it matches, found once per page.

    The pipeline finds it once (``match_page``) and hands it to the classifier's evidence
    (``repetition``, and ``between``: where the site's article sits), to ``credit_profile`` and to ``apply_profile``.
    """

    site: SiteProfile
    keys: tuple[str, ...]  # per block of the page, in order
    generation: int
    texts: tuple[str, ...]  # the page's block texts, whose keys ``keys`` are

    @cached_property
    def between(self) -> range:
        """The positions of the blocks between the generation's article markers on this page (the template lines
        the article sits between on most of its pages, ``cleaner.sites.markers``), empty when the generation trusts
        no pair or the page does not hold it."""
        markers = self.site.generations[self.generation].article_markers
        if markers is None or markers[0] not in self.keys:
            return range(0)
        start = self.keys.index(markers[0])
        end = next((i for i in range(start + 1, len(self.keys)) if self.keys[i] == markers[1]), None)
        return range(start + 1, end) if end is not None else range(0)

    def repetition(self, texts: Sequence[str]) -> list[float] | None:
        """Per text, the share of its generation's other documents holding its line; None without a trusted match.

        The counts hold the page when it was learned: it is counted out, so a line of this page alone is
        0.0 and a line on every page 1.0, whatever the generation's size (a page that was not learned is
        counted out all the same, which lowers a line's share by at most one page).  Texts other than
        the page's (the kept blocks, read again as a second cleaning would) are matched on their own, as
        a second cleaning would match them.
        """
        generation: int | None = self.generation
        if tuple(texts) == self.texts:  # the page's own texts (what the classifier asks): their keys are known
            keys = self.keys
        else:
            keys = tuple(_remembered.keys(texts))  # the page's own texts were folded by ``match_page``
            generation = self.generation if keys == self.keys else self.site.generation_of(set(keys))
        if generation is None:
            return None
        chosen = self.site.generations[generation]
        counted, others = chosen.counts.get, max(1, chosen.documents - 1)
        return [0.0 if (count := counted(key)) is None else min(1.0, max(0, count.documents - 1) / others)
                for key in keys]  # fmt: skip


def match_page(texts: Sequence[str], site: SiteProfile | None) -> PageMatch | None:
    """The page's keys and generation, or None: no site, no trusted generation, or none the page matches."""
    if site is None or not texts or not any(generation.trusted for generation in site.generations):
        return None
    keys = _remembered.keys(texts)
    generation = site.generation_of(set(keys))
    if generation is None:
        return None
    return PageMatch(site, tuple(keys), generation, tuple(texts))


# The keys of the last pages matched: a site's pages share their template lines, and the pipeline's check on its
# output (``assemble.settle_output``) reads a page's body again with the profile, whose blocks are the page's.
_remembered = RememberedKeys(4096)


def apply_profile(verdicts: list[Verdict], page: PageMatch | None) -> list[Verdict]:
    """Turn the body blocks that are the page's template into furniture; everything else is kept as is.

    ``page`` is ``match_page`` of the verdicts' texts (None: the verdicts are returned as they are).
    """
    if page is None or not verdicts:
        return verdicts
    site, keys, generation = page.site, page.keys, page.generation
    if len(keys) != len(verdicts):
        raise ValueError(f"the page match has {len(keys)} keys for {len(verdicts)} blocks")
    chosen = site.generations[generation]
    template = chosen.template
    between = page.between
    result = _retitle(_keep_article(list(verdicts), keys, site, generation, between), keys, site, generation)
    short = site.parameters.shortest_prose  # ``is_prose``'s first test, without a call for each short key
    prose = [len(key) >= short and is_prose(key, site.parameters) for key in keys]
    edges = _keep_edges(result, keys, site, generation, prose)
    inside = _inside_article(result, keys, template, prose)
    everywhere = template_thresholds(chosen.documents, site.parameters)[1]  # the prose template's
    headings = []
    for index, (verdict, key) in enumerate(zip(result, keys, strict=True)):
        if index in edges:
            continue
        if key in template and _removable(verdict) and (index not in inside or template[key] >= everywhere):
            result[index] = verdict.decide(Role.FURNITURE, rule=site.rule(generation, key), category=LAYER, layer=LAYER)
            if not prose[index] and shape_of(verdict.text).headline_like:
                headings.append(index)
    return _remove_list_entries(result, headings, prose, between)


def _inside_article(verdicts: Sequence[Verdict], keys: Sequence[str], template: Container[str],
                    prose: Sequence[bool]) -> range:  # fmt: skip
    """The positions from the block right before the first kept prose block that is not a template line to
    the block right after the last one.

    A template line there sits inside the article (a recurring section heading) or at its edge (an
    article's own recurring first or last line: a sign-off, a dateline, a sponsor's disclosure); it is
    removed only when it is on ``prose_ratio`` of the pages, as prose is.  (Measured on the template-site
    corpora of seeds 1 and 3, fold models: of the lines this layer removed right next to the article, 41
    were the gold's article text and 15 furniture, each counted once per page.)
    """
    article = [
        index
        for index, (verdict, key) in enumerate(zip(verdicts, keys, strict=True))
        if prose[index] and verdict.role is Role.BODY and key not in template
    ]
    return range(max(0, article[0] - 1), article[-1] + 2) if article else range(0)


EDGE = "edge"  # rule suffix of an edge line the text model's evidence removed, given back


def _keep_edges(
    verdicts: list[Verdict], keys: Sequence[str], site: SiteProfile, generation: int, prose: Sequence[bool]
) -> set[int]:
    """The article's two edges, which the profile never removes; an edge the text model removed only because of
    the profile's evidence is body again (rule ``profile:<site>#<g>:edge``).

    On each side of the article's own prose (the sentences the page keeps that no other page of the generation
    holds), look past the lines no other page holds (kept or not) and the lines ``_passed`` names, to the first
    line another page holds: when the page kept it without the profile, it is the edge (when not, the article
    ended before it: no edge on that side).  There an article's own recurring line (a sign-off, a disclosure, a
    background paragraph a series repeats on some pages) and a template line look alike to every count a profile
    has: each is on many pages, next to a different article on each.  So the decision without the profile
    stands there, save for a line shaped like a heading ("More from ...": the site's, and its list goes too).
    """
    counts = site.generations[generation].counts
    kept = [verdict.role is Role.BODY or _by_evidence(verdict) for verdict in verdicts]
    elsewhere = [(count := counts.get(key)) is not None and count.documents >= 2 for key in keys]
    own = [index for index in range(len(keys)) if kept[index] and prose[index] and not elsewhere[index]]
    edges: set[int] = set()
    for start, stop, step in ((own[0] - 1, -1, -1), (own[-1] + 1, len(keys), 1)) if own else ():
        edge = next((i for i in range(start, stop, step) if elsewhere[i] and not _passed(verdicts[i])), None)
        if edge is None or not kept[edge] or shape_of(verdicts[edge].text).headline_like:  # a heading is the site's
            continue
        edges.add(edge)
        if _by_evidence(verdicts[edge]):
            rule = f"profile:{site.name}#{generation + 1}:{EDGE}"
            verdicts[edge] = verdicts[edge].decide(Role.BODY, rule=rule, category="body", layer=LAYER)
    return edges


def _passed(verdict: Verdict) -> bool:
    """A line the edge is looked for past, though other pages hold it: one a furniture rule removed (an
    advertisement label, a share bar, a photo credit: furniture everywhere) or a byline or dateline, no sign
    that the article ended."""
    return verdict.layer == FURNITURE_LAYER or verdict.role in (Role.BYLINE, Role.DATELINE)


def _by_evidence(verdict: Verdict) -> bool:
    """Removed by the text model only because of the profile's evidence (``credit_profile``'s rule)."""
    return verdict.layer == LAYER and verdict.role is Role.FURNITURE and verdict.rule.endswith(":classifier")


def _keep_article(
    verdicts: list[Verdict], keys: Sequence[str], site: SiteProfile, generation: int, between: range
) -> list[Verdict]:
    """Keep the lines ``between`` the trusted article markers that the classifier dropped for their place."""
    chosen = site.generations[generation]
    rule = f"profile:{site.name}#{generation + 1}:article"
    for index in between:
        verdict = verdicts[index]
        if verdict.rule in PLACE_DROPS and keys[index] not in chosen.core and keys[index] not in chosen.template:
            verdicts[index] = verdict.decide(Role.BODY, rule=rule, category="body", layer=LAYER)
    return verdicts


def _retitle(verdicts: list[Verdict], keys: Sequence[str], site: SiteProfile, generation: int) -> list[Verdict]:
    """A title or subtitle that is a line of the site (on at least half of the generation's pages: its name,
    its slogan) is furniture; the headline right under such a title becomes the title.  A headline that
    other pages list less often stays what it was: on its own page it is the headline."""
    core = site.generations[generation].core
    for index, verdict in enumerate(verdicts):
        if verdict.role is Role.SUBTITLE and keys[index] in core:
            rule = site.rule(generation, keys[index])
            verdicts[index] = verdict.decide(Role.FURNITURE, rule=rule, category=LAYER, layer=LAYER)
    position = next((i for i, verdict in enumerate(verdicts) if verdict.role is Role.TITLE), None)
    if position is None or keys[position] not in core:
        return verdicts
    lines = (Role.BYLINE, Role.DATELINE)
    following = next((i for i in range(position + 1, len(verdicts)) if verdicts[i].role not in lines), None)
    if following is None or keys[following] in core:
        return verdicts
    candidate = verdicts[following]
    if candidate.role is not Role.SUBTITLE and not (_removable(candidate) or candidate.layer == LAYER):
        return verdicts
    shape = shape_of(candidate.text)
    if not shape.headline_like or shape.ends_sentence:
        return verdicts
    rule = site.rule(generation, keys[position])
    verdicts[position] = verdicts[position].decide(Role.FURNITURE, rule=rule, category=LAYER, layer=LAYER)
    verdicts[following] = candidate.decide(Role.TITLE, rule=f"{rule}:title", category="title", layer=LAYER)
    return verdicts


def _removable(verdict: Verdict) -> bool:
    return verdict.role is Role.BODY and verdict.rule != KEEP_RULE


def _remove_list_entries(
    verdicts: list[Verdict], headings: list[int], prose: Sequence[bool], between: range
) -> list[Verdict]:
    """Remove the entries of a list under a removed template heading ("More from <Site>") after the article.

    Only below the last prose block still kept: the entries are the body blocks shaped like headlines right
    under the heading, up to the first other block.  They differ on every page, so no count finds them.  An
    article of short lines (a timetable, a list of dates) has no prose to mark its end; where the page holds the
    generation's article markers (``between`` them: ``PageMatch.between``), the article ends at the end marker, and
    a heading before it is not after the article.
    """
    kept_prose = [index for index, verdict in enumerate(verdicts) if prose[index] and verdict.role is Role.BODY]
    end = max(kept_prose[-1] if kept_prose else -1, between.stop - 1 if between else -1)
    for heading in (index for index in headings if index > end):
        rule = f"{verdicts[heading].rule}:list"
        for index in range(heading + 1, len(verdicts)):
            verdict = verdicts[index]
            if verdict.role is Role.FURNITURE and verdict.layer != LAYER:
                continue  # another layer removed it already: the list goes on
            if not _removable(verdict) or not shape_of(verdict.text).headline_like or prose[index]:
                break
            verdicts[index] = verdict.decide(Role.FURNITURE, rule=rule, category=LAYER, layer=LAYER)
    return verdicts


def repetition(texts: Sequence[str], site: SiteProfile | None) -> list[float] | None:
    """``PageMatch.repetition`` of a page's own texts: per block, the share of its generation's other documents
    holding its line; None without a trusted match."""
    page = match_page(texts, site)
    return page.repetition(texts) if page is not None else None


def credit_profile(verdicts: list[Verdict], page: PageMatch | None) -> list[Verdict]:
    """Name the profile in the audit trail of the blocks the classifier removed only because of its evidence."""
    if page is None or not any(verdict.rule == PROFILE_RULE for verdict in verdicts):
        return verdicts
    result = list(verdicts)
    for index, verdict in enumerate(result):
        if verdict.rule == PROFILE_RULE:
            rule = page.site.evidence_rule(page.generation, page.keys[index])
            result[index] = verdict.decide(
                verdict.role, rule=f"{rule}:classifier", category=LAYER, layer=LAYER, score=verdict.score
            )
    return result
