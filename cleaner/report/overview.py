"""The overview sections of the report: run figures, removals by category, rule and layer, the
classifier's scores, sites, duplicate groups and failures, as HTML fragments.

Each function takes the run's ``tally.Tally`` (and, for duplicates, the groups as
``DuplicateReport.to_dict()`` gives them) and returns one ``<section>``, or ``""`` when the run
has nothing to show there.  Long lists are cut at a fixed length (``TOP_RULES``, ``TOP_SITES``,
``TOP_GROUPS``), saying how many are left out, so the overview's size does not grow with the run.
Rule, category and site names link to the document filters (``#rule=...``).

This module writes HTML fragments; it does not count (``tally``) or show documents (``documents``).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any
from urllib.parse import quote

from cleaner.report.charts import Bar, bar_chart, colour, histogram
from cleaner.report.tally import MAX_KEYS, MAX_SITES, OTHER, Amount, Tally

CHART_RULES = 25
TOP_RULES = 300
TOP_SITES = 100
TOP_GROUPS = 200
TOP_REASONS = 30


def number(value: int) -> str:
    return f"{value:,}"


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0%"


def filter_link(name: str, value: str, text: str | None = None) -> str:
    """A link that filters the documents (the page's script reads the fragment)."""
    return f'<a href="#{name}={quote(value, safe="")}">{escape(text if text is not None else value)}</a>'


def _more(left_out: int, what: str) -> str:
    return f'<p class="note">{number(left_out)} more {what} not listed.</p>' if left_out > 0 else ""


def figures_section(tally: Tally) -> str:
    total_chars = tally.kept.chars + tally.removed.chars
    rows = [
        ("Documents read", number(tally.read)),
        ("Cleaned", number(tally.cleaned)),
        ("Failed", number(tally.failed)),
        ("Documents with removed blocks", number(tally.with_removals)),
        ("Blocks kept", number(tally.kept.blocks)),
        ("Blocks removed", number(tally.removed.blocks)),
        ("Characters kept", number(tally.kept.chars)),
        ("Characters removed", f"{number(tally.removed.chars)} ({percent(tally.removed.chars, total_chars)})"),
    ]
    items = "".join(
        f'<div><dt>{escape(name)}</dt><dd data-figure="{escape(name)}">{value}</dd></div>' for name, value in rows
    )
    notes = []
    if tally.unplaced:
        notes.append(
            f"{number(tally.unplaced)} cleaned documents have records without block positions: their views list "
            "the removed blocks after the body."
        )
    if tally.cleaned and tally.sourced < tally.cleaned:
        notes.append(f"{number(tally.cleaned - tally.sourced)} records do not say where their metadata came from.")
    noted = "".join(f'<p class="note">{note}</p>' for note in notes)
    return (
        '<section id="overview" aria-labelledby="h-overview"><h2 id="h-overview">Overview</h2>'
        f'<dl class="figures">{items}</dl>{noted}</section>'
    )


def _by_blocks(table: Mapping[str, Amount]) -> list[tuple[str, Amount]]:
    return sorted(table.items(), key=lambda item: (-item[1].blocks, -item[1].chars, item[0]))


def _amount_table(rows: list[tuple[str, Amount]], tally: Tally, head: str, link: str, extra: Mapping[str, str]) -> str:
    """A table of blocks, characters and documents per name (rule, category or layer)."""
    body = []
    for name, amount in rows:
        label = filter_link(link, name) if link and name != OTHER else escape(name)
        cells = [f'<th scope="row">{label}</th>']
        if extra:
            cells.append(f"<td>{escape(extra.get(name, ''))}</td>")
        cells += [
            f'<td class="n">{number(amount.blocks)}</td>',
            f'<td class="n">{number(amount.chars)}</td>',
            f'<td class="n">{number(amount.documents)}</td>',
            f'<td class="n">{percent(amount.chars, tally.removed.chars)}</td>',
        ]
        body.append(f"<tr>{''.join(cells)}</tr>")
    extra_head = '<th scope="col">category</th>' if extra else ""
    return (
        f'<div class="scroll"><table><thead><tr><th scope="col">{head}</th>{extra_head}<th scope="col">blocks</th>'
        f'<th scope="col">characters</th><th scope="col">documents</th><th scope="col">share of removed text</th>'
        f"</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def categories_section(tally: Tally) -> str:
    if not tally.categories:
        return ""
    rows = _by_blocks(tally.categories)
    blocks = [
        Bar(name, a.blocks, number(a.blocks), colour(name), f"#category={quote(name, safe='')}") for name, a in rows
    ]
    chars = sorted(rows, key=lambda item: (-item[1].chars, item[0]))
    characters = [
        Bar(name, a.chars, number(a.chars), colour(name), f"#category={quote(name, safe='')}") for name, a in chars
    ]
    return (
        '<section id="categories" aria-labelledby="h-categories"><h2 id="h-categories">Removed by category</h2>'
        f'<div class="pair">{bar_chart(blocks, title="Blocks removed")}'
        f"{bar_chart(characters, title='Characters removed')}</div>"
        f"{_amount_table(rows, tally, 'category', 'category', {})}</section>"
    )


def rules_section(tally: Tally) -> str:
    if not tally.rules:
        return ""
    rows = _by_blocks(tally.rules)
    top = rows[:CHART_RULES]
    categories = tally.rule_category

    def bars(key: str) -> list[Bar]:
        ordered = sorted(top, key=lambda item: (-getattr(item[1], key), item[0]))
        return [
            Bar(name, getattr(a, key), number(getattr(a, key)), colour(categories.get(name, "")), _rule_href(name))
            for name, a in ordered
        ]

    shown = f"the {len(top)} most frequent of {number(len(rows))} rules" if len(rows) > len(top) else "every rule"
    pooled = (
        f'<p class="note">Past {MAX_KEYS:,} distinct rules, further rules are pooled as "{OTHER}".</p>'
        if tally.pooled_rules
        else ""
    )
    layers = _amount_table(_by_blocks(tally.layers), tally, "layer", "", {})
    return (
        '<section id="rules" aria-labelledby="h-rules"><h2 id="h-rules">Removed by rule</h2>'
        f'<p class="note">Charts: {shown}. Each rule links to the documents it removed blocks from.</p>'
        f'<div class="pair">{bar_chart(bars("blocks"), title="Blocks removed")}'
        f"{bar_chart(bars('chars'), title='Characters removed')}</div>"
        f"{_amount_table(rows[:TOP_RULES], tally, 'rule', 'rule', categories)}{_more(len(rows) - TOP_RULES, 'rules')}"
        f"{pooled}<h3>By layer</h3>{layers}</section>"
    )


def _rule_href(rule: str) -> str:
    return "" if rule == OTHER else f"#rule={quote(rule, safe='')}"


def classifier_section(tally: Tally) -> str:
    scored = sum(tally.scores)
    if not scored:
        return ""
    unsure = sum(tally.scores[3:7])
    return (
        '<section id="classifier" aria-labelledby="h-classifier"><h2 id="h-classifier">Classifier scores</h2>'
        f'<p class="note">{number(scored)} removed blocks carry a classifier score (the probability that the block '
        f"is article content); {number(unsure)} of them ({percent(unsure, scored)}) scored between 0.3 and 0.7, where "
        'the classifier was least sure. Sort the documents by "classifier least sure" to read them.</p>'
        f"{histogram(tally.scores, title='Removed blocks by classifier score')}</section>"
    )


def sites_section(tally: Tally) -> str:
    if not tally.sites:
        return ""
    rows = sorted(tally.sites.items(), key=lambda item: (-item[1].documents, item[0]))
    body = []
    for name, site in rows[:TOP_SITES]:
        top_rule = site.rules.most_common(1)[0][0] if site.rules else ""
        label = escape(name) if name == OTHER else filter_link("site", name)
        body.append(
            f'<tr><th scope="row">{label}</th><td class="n">{number(site.documents)}</td>'
            f'<td class="n">{number(site.failed)}</td><td class="n">{number(site.removed_blocks)}</td>'
            f'<td class="n">{percent(site.removed_chars, site.kept_chars + site.removed_chars)}</td>'
            f"<td>{filter_link('rule', top_rule) if top_rule and top_rule != OTHER else escape(top_rule)}</td></tr>"
        )
    pooled = (
        f'<p class="note">Past {MAX_SITES:,} distinct sites, further sites are pooled as "{OTHER}".</p>'
        if tally.pooled_sites
        else ""
    )
    return (
        '<section id="sites" aria-labelledby="h-sites"><h2 id="h-sites">Sites</h2>'
        '<p class="note">A document\'s site is the host of its URL, else the folder its file was read from.</p>'
        '<div class="scroll"><table><thead><tr><th scope="col">site</th><th scope="col">documents</th>'
        '<th scope="col">failed</th><th scope="col">blocks removed</th><th scope="col">share of text removed</th>'
        f'<th scope="col">most frequent rule</th></tr></thead><tbody>{"".join(body)}</tbody></table></div>'
        f"{_more(len(rows) - TOP_SITES, 'sites')}{pooled}</section>"
    )


def duplicates_section(duplicates: Mapping[str, Any] | None, anchors: Mapping[str, str]) -> str:
    """The duplicate groups (``DuplicateReport.to_dict()``); members shown in the report link to their view."""
    if duplicates is None:
        return ""
    groups = [group for group in duplicates.get("groups") or () if isinstance(group, Mapping)]
    body = []
    for group in groups[:TOP_GROUPS]:
        members = [str(member) for member in group.get("members") or ()]
        cells = [
            f'<a href="#{anchors[member]}">{escape(member)}</a>' if member in anchors else escape(member)
            for member in members
        ]
        listed = "".join(f"<li>{cell}{' (kept)' if index == 0 else ''}</li>" for index, cell in enumerate(cells))
        body.append(
            f'<tr><td>{escape(str(group.get("kind", "")))}</td><td class="n">{group.get("similarity", "")}</td>'
            f'<td><ul class="members">{listed}</ul></td></tr>'
        )
    documents = number(int(duplicates.get("documents") or 0))
    summary = f"{number(len(groups))} groups of the same article among {documents} documents."
    table = (
        '<div class="scroll"><table><thead><tr><th scope="col">kind</th><th scope="col">similarity</th>'
        '<th scope="col">members (the first is kept by --dedupe)</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
        if body
        else ""
    )
    return (
        '<section id="duplicates" aria-labelledby="h-duplicates"><h2 id="h-duplicates">Duplicate articles</h2>'
        f'<p class="note">{summary}</p>{table}{_more(len(groups) - TOP_GROUPS, "groups")}</section>'
    )


def failures_section(tally: Tally) -> str:
    if not tally.failed:
        return ""
    reasons = "".join(
        f'<tr><th scope="row">{escape(reason)}</th><td class="n">{number(count)}</td></tr>'
        for reason, count in tally.reasons.most_common(TOP_REASONS)
    )
    listed = "".join(
        f'<li><span class="did">{escape(ident)}</span> <span class="dsite">{escape(site)}</span>: {escape(error)}</li>'
        for ident, site, error in tally.failures
    )
    return (
        '<section id="failures" aria-labelledby="h-failures"><h2 id="h-failures">Failures</h2>'
        '<div class="scroll"><table><thead><tr><th scope="col">reason</th><th scope="col">documents</th></tr></thead>'
        f'<tbody>{reasons}</tbody></table></div><ul class="failures">{listed}</ul>'
        f"{_more(tally.failed - len(tally.failures), 'failures')}</section>"
    )
