"""The documents part of the report: the filter form and one collapsible view per document.

A view shows the document's metadata (each field with where it came from, when the record says)
and its text with every removed block in place: struck through, tinted with its category's
colour and labelled with the category, the rule id, the layer and the classifier's score, so it
reads without colour.  Each view carries its figures as ``data-`` attributes (share removed,
characters removed, rules, categories, site, input order), which the page's script filters and
sorts by.

This module writes HTML fragments; it does not choose the documents (``sample``) or hold the
page's script (``report.js``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from html import escape

from cleaner.report.charts import colour
from cleaner.report.records import DocumentView, Item, Omission
from cleaner.text.urls import split_url

KINDS = {"heading": ("h", "heading"), "list_item": ("li", "list item"), "quote": ("q", "quote")}
LINKED_SCHEMES = frozenset({"http", "https"})  # a document's URL is a link only to a web page
UNPLACED = "This record carries no block positions: the body comes first, then the removed blocks."
SORTS = (
    ("share-desc", "share removed, most first"),
    ("share-asc", "share removed, least first"),
    ("chars-desc", "characters removed, most first"),
    ("doubt", "classifier least sure first"),
    ("order", "input order"),
)


def anchor(view: DocumentView) -> str:
    return f"doc-{view.figures.order}"


def _note(item: Item) -> str:
    parts = [f"removed: {item.category}", f"rule {item.rule or '(none)'}"]
    if item.layer:
        parts.append(f"layer {item.layer}")
    if item.score is not None:
        parts.append(f"classifier score {item.score:.2f}")
    return ", ".join(parts)


def _cut(item: Item) -> str:
    return f' <span class="cut">[… {item.cut:,} more characters not shown]</span>' if item.cut else ""


def item_html(item: Item | Omission) -> str:
    """One block: kept as it is, removed struck through with its label, or a run left out."""
    if isinstance(item, Omission):
        what = "removed blocks" if item.removed else "body blocks"
        return f'<p class="omit">[… {item.blocks:,} {what} ({item.chars:,} characters) not shown]</p>'
    text = escape(item.text)
    if not item.removed:
        style, label = KINDS.get(item.kind, ("p", ""))
        aria = f' aria-label="{label}"' if label else ""
        return f'<p class="k {style}"{aria}>{text}{_cut(item)}</p>'
    score = f' <span class="sc">p(content) {item.score:.2f}</span>' if item.score is not None else ""
    layer = f' <span class="ly">{escape(item.layer)}</span>' if item.layer else ""
    return (
        f'<div class="r" style="--c:{colour(item.category)}" title="{escape(_note(item))}">'
        f'<span class="tag"><b>removed</b> {escape(item.category)} <code>{escape(item.rule)}</code>{layer}'
        f"{score}</span> <del>{text}</del>{_cut(item)}</div>"
    )


def _meta_html(view: DocumentView) -> str:
    rows = []
    for name, value, origin in view.meta:
        shown = escape(value) if value else '<span class="none">none</span>'
        where = f' <span class="from">from {escape(origin)}</span>' if origin else ""
        rows.append(f"<div><dt>{name.replace('_', ' ')}</dt><dd>{shown}{where}</dd></div>")
    note = "" if view.sourced else '<p class="note">This record does not say where its metadata came from.</p>'
    return f'<dl class="meta">{"".join(rows)}</dl>{note}'


def _where(view: DocumentView) -> str:
    parts = []
    if view.source:
        parts.append(f"file <code>{escape(view.source)}</code>")
    if view.url and split_url(view.url.strip()).scheme.lower() in LINKED_SCHEMES:
        parts.append(f'URL <a href="{escape(view.url)}" rel="noreferrer noopener">{escape(view.url)}</a>')
    elif view.url:  # a page's og:url or a record's url may be anything: javascript: is never made a link
        parts.append(f"URL <code>{escape(view.url)}</code>")
    if view.fetched:
        parts.append(f"fetched {escape(view.fetched)}")
    return f'<p class="where">{" · ".join(parts)}</p>' if parts else ""


def _text_html(view: DocumentView) -> str:
    if view.placed:
        return "".join(map(item_html, view.items))
    body = [item for item in view.items if not _is_removed(item)]
    removed = [item for item in view.items if _is_removed(item)]
    head = '<h4 class="rmhead">Removed blocks, in input order</h4>' if removed else ""
    return "".join(map(item_html, body)) + head + "".join(map(item_html, removed))


def _is_removed(item: Item | Omission) -> bool:
    return item.removed


def document_html(view: DocumentView, *, opened: bool = False) -> str:
    """The collapsible view of one document, with its figures as data attributes for the script."""
    f = view.figures
    removed = [item for item in view.items if isinstance(item, Item) and item.removed]
    categories = list(dict.fromkeys(item.category for item in removed))
    data = {
        "order": str(f.order),
        "share": f"{f.share:.4f}",
        "chars": str(f.removed_chars),
        "doubt": "" if f.doubt is None else f"{f.doubt:.4f}",
        "site": f.site,
        "rules": json.dumps(list(f.rules), ensure_ascii=False),
        "cats": json.dumps(categories, ensure_ascii=False),
    }
    attributes = " ".join(f'data-{key}="{escape(value)}"' for key, value in data.items())
    placement = "" if view.placed else f'<p class="note">{UNPLACED}</p>'
    summary = (
        f'<summary><span class="meter" aria-hidden="true"><span style="width:{100 * f.share:.1f}%"></span></span>'
        f'<span class="pct">{100 * f.share:.1f}% removed</span> <span class="did">{escape(f.id)}</span> '
        f'<span class="dsite">{escape(f.site)}</span> <span class="dtitle">{escape(view.title)}</span> '
        f'<span class="dcount">{f.removed_blocks:,} of {f.removed_blocks + f.kept_blocks:,} blocks removed</span>'
        "</summary>"
    )
    return (
        f'<details class="doc" id="{anchor(view)}" {attributes}{" open" if opened else ""}>{summary}'
        f'<div class="dbody">{_where(view)}{_meta_html(view)}{placement}<div class="text">{_text_html(view)}</div>'
        "</div></details>"
    )


def _options(counts: Counter[str], everything: str) -> str:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return f'<option value="">{everything}</option>' + "".join(
        f'<option value="{escape(name)}">{escape(name)} ({count:,})</option>' for name, count in ordered
    )


def filters_html(views: Iterable[DocumentView]) -> str:
    """The filter form: search, rule, category, site and sort, each a labelled native control."""
    rules: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    sites: Counter[str] = Counter()
    for view in views:
        rules.update(view.figures.rules)
        categories.update({i.category for i in view.items if isinstance(i, Item) and i.removed})
        sites[view.figures.site] += 1
    sorts = "".join(f'<option value="{value}">{label}</option>' for value, label in SORTS)
    return (
        '<form id="filters" class="filters" role="search" aria-label="Filter the documents">'
        '<label>Search the text <input type="search" name="q" autocomplete="off" placeholder="words (press /)"></label>'
        f'<label>Rule <select name="rule">{_options(rules, "all rules")}</select></label>'
        f'<label>Category <select name="category">{_options(categories, "all categories")}</select></label>'
        f'<label>Site <select name="site">{_options(sites, "all sites")}</select></label>'
        f'<label>Sort by <select name="sort">{sorts}</select></label>'
        '<button type="reset">Clear filters</button></form>'
        '<p id="shown" role="status" aria-live="polite"></p>'
        '<noscript><p class="note">Filtering and sorting need JavaScript; every document is listed below.</p>'
        "</noscript>"
    )
