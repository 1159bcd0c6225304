"""The report page: one self-contained HTML file (styles, script and charts inline, nothing fetched).

``render_page`` lays out the header (with the sampling notice), the overview sections and the
document views.  Document views are added in the sampler's priority order until their HTML
reaches ``budget`` bytes, so the file's size is bounded whatever the run: the overview is bounded
by its own cuts (``overview``), the views by the budget.  The views are then listed by share
removed, most first, the first one open.

The page's script (``report.js``) and styles (``report.css``) are package data, read once.  A
tiny first script records any script error on the root element (``data-errors``), and the main
script marks the page ``data-ready`` when it has run: a browser test reads both.

This module lays out the page; it does not count, choose or write files (``build``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from cleaner.io.files import REPORT_MARK
from cleaner.report.documents import anchor, document_html, filters_html
from cleaner.report.overview import (
    categories_section,
    classifier_section,
    duplicates_section,
    failures_section,
    figures_section,
    rules_section,
    sites_section,
)
from cleaner.report.records import DocumentView
from cleaner.report.tally import Tally

PAGE_BUDGET = 16_000_000  # bytes of document views in one report
ERRORS = (
    'window.addEventListener("error",function(e){var r=document.documentElement;'
    'r.setAttribute("data-errors",(r.getAttribute("data-errors")||"")+(e.message||"error")+"\\n");});'
)


@cache
def asset(name: str) -> str:
    """A file shipped with this package (the page's styles and script)."""
    return files("cleaner.report").joinpath(name).read_text(encoding="utf-8")


def inline_script(code: str) -> str:
    """Script text that cannot end its ``<script>`` element early."""
    return code.replace("</", "<\\/")


@dataclass(frozen=True, slots=True)
class Selection:
    """The documents a page shows, and why only those."""

    views: Sequence[DocumentView]  # in priority order
    sampled: bool  # a stratified sample of a big run
    description: str  # what the sample holds, when sampled


def _fit(views: Sequence[DocumentView], budget: int) -> list[tuple[DocumentView, str]]:
    """The views' HTML, in priority order, until the budget is spent (a view too big to fit is skipped)."""
    kept, spent = [], 0
    for view in views:
        html = document_html(view)
        size = len(html.encode("utf-8"))
        if spent + size <= budget:
            kept.append((view, html))
            spent += size
    return kept


def _notice(tally: Tally, selection: Selection, shown: int) -> str:
    if shown == tally.cleaned:
        return ""
    parts = [
        f"This report shows {shown:,} of the run's {tally.cleaned:,} cleaned documents; "
        "the overview counts every document."
    ]
    if selection.sampled:
        parts.append(f"The documents shown are a stratified sample: {escape(selection.description)}.")
    if shown < len(selection.views):
        parts.append(f"{len(selection.views) - shown:,} further sampled documents did not fit the report's size limit.")
    return f'<p class="notice" role="note">{" ".join(parts)}</p>'


def _documents(kept: list[tuple[DocumentView, str]]) -> str:
    ordered = sorted(
        kept, key=lambda pair: (-pair[0].figures.share, -pair[0].figures.removed_chars, pair[0].figures.order)
    )
    views = [view for view, _ in ordered]
    items = [document_html(view, opened=True) if index == 0 else html for index, (view, html) in enumerate(ordered)]
    return (
        '<section id="documents" aria-labelledby="h-documents"><h2 id="h-documents">Documents</h2>'
        '<p class="note">Removed blocks are struck through and labelled with their category, rule and layer '
        "(and the classifier's score, when it decided), in their place in the text.</p>"
        f'{filters_html(views)}<div id="doclist">{"".join(items)}</div></section>'
    )


SECTIONS = (
    ("overview", "Overview"),
    ("categories", "Categories"),
    ("rules", "Rules"),
    ("classifier", "Classifier"),
    ("sites", "Sites"),
    ("duplicates", "Duplicates"),
    ("failures", "Failures"),
    ("documents", "Documents"),
)


def _nav(sections: list[str]) -> str:
    """Links to the sections the page has (a section opens with its id)."""
    present = {key for key, _ in SECTIONS for section in sections if section.startswith(f'<section id="{key}"')}
    return "".join(f'<a href="#{key}">{label}</a>' for key, label in SECTIONS if key in present)


def render_page(
    tally: Tally,
    selection: Selection,
    *,
    duplicates: Mapping[str, Any] | None = None,
    title: str = "Cleaning report",
    budget: int = PAGE_BUDGET,
) -> tuple[str, int]:
    """The whole report page as one string, and how many document views it holds."""
    kept = _fit(selection.views, budget)
    anchors = {view.figures.id: anchor(view) for view, _ in kept}
    sections = [
        figures_section(tally),
        categories_section(tally),
        rules_section(tally),
        classifier_section(tally),
        sites_section(tally),
        duplicates_section(duplicates, anchors),
        failures_section(tally),
        _documents(kept),
    ]
    nav = _nav(sections)
    page = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{REPORT_MARK.decode()}'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}: {tally.read:,} documents</title><script>{ERRORS}</script>"
        f"<style>{asset('report.css')}</style></head><body>"
        f"<header><h1>{escape(title)}</h1>{_notice(tally, selection, len(kept))}"
        f'<nav aria-label="Sections">{nav}</nav></header>'
        f"<main>{''.join(sections)}</main><script>{inline_script(asset('report.js'))}</script></body></html>\n"
    )
    return page, len(kept)
