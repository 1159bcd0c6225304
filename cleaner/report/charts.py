"""Inline SVG charts for the report, and the colour of each removal category.

``bar_chart`` draws horizontal bars, one per row, each labelled with its name and value in
text (the chart reads without colour); widths are percentages and the text is not scaled, so a
chart fits a narrow window without shrinking its labels.  ``histogram`` draws the classifier's
score bins.  ``colour`` gives each category one colour, the same in charts and document views.

This module draws; it does not count (``tally``) or lay out the page (``page``).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from html import escape

# Categories of docs/schema.md; any other category gets one of FALLBACK by a hash of its name.
CATEGORY_COLOURS = {
    "summary": "#8e44ad",
    "related": "#2c7fb8",
    "navigation": "#1b9e77",
    "caption": "#d95f02",
    "image-slug": "#a6761d",
    "translation": "#7570b3",
    "medium": "#e7298a",
    "share": "#66a61e",
    "newsletter": "#c79a00",
    "cookie": "#a0522d",
    "advertisement": "#d7301f",
    "comments": "#3690c0",
    "legal": "#636363",
    "byline": "#01665e",
    "dateline": "#35978f",
    "boilerplate": "#807dba",
    "tail": "#b15928",
    "corpus": "#4d9221",
}
FALLBACK = ("#6a3d9a", "#ff7f00", "#1f78b4", "#33a02c", "#e31a1c", "#b2df8a", "#fb9a99", "#cab2d6")
ROW = 34  # pixels per bar row: a text line and a bar
LABEL_CHARS = 44


def colour(category: str) -> str:
    return CATEGORY_COLOURS.get(category) or FALLBACK[zlib.crc32(category.encode()) % len(FALLBACK)]


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, value, the value as written, its colour, and a link (a report filter)."""

    label: str
    value: float
    text: str
    colour: str
    href: str = ""


def _label(bar: Bar) -> str:
    short = bar.label if len(bar.label) <= LABEL_CHARS else bar.label[: LABEL_CHARS - 1] + "…"
    text = f'<tspan class="bl">{escape(short)}</tspan> <tspan class="bv">{escape(bar.text)}</tspan>'
    if bar.href:
        return f'<a href="{escape(bar.href)}">{text}</a>'
    return text


def bar_chart(bars: list[Bar], *, title: str) -> str:
    """A horizontal bar chart; each bar as long as its share of the largest value."""
    if not bars:
        return ""
    top = max(bar.value for bar in bars) or 1
    rows = []
    for index, bar in enumerate(bars):
        y = index * ROW
        width = max(0.4, 100 * bar.value / top) if bar.value else 0
        rows.append(
            f'<g><title>{escape(bar.label)}: {escape(bar.text)}</title><text x="0" y="{y + 13}">{_label(bar)}</text>'
            f'<rect x="0" y="{y + 18}" width="{width:.2f}%" height="10" rx="2" fill="{bar.colour}"></rect></g>'
        )
    height = len(bars) * ROW
    return (
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
        f'<svg class="bars" role="img" aria-label="{escape(title)}" width="100%" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg></figure>'
    )


def histogram(counts: list[int], *, title: str) -> str:
    """Vertical bars for equal bins over [0, 1], labelled with their counts."""
    if not any(counts):
        return ""
    top, bins, height = max(counts), len(counts), 120
    parts = []
    for index, count in enumerate(counts):
        bar = round(height * count / top) if count else 0
        x = 100 * index / bins
        parts.append(
            f"<g><title>{index / bins:.1f}-{(index + 1) / bins:.1f}: {count}</title>"
            f'<rect x="{x + 0.6:.2f}%" y="{20 + height - bar}" width="{100 / bins - 1.2:.2f}%" height="{bar}" '
            f'fill="#807dba"></rect><text x="{x + 50 / bins:.2f}%" y="{14 + height - bar}" text-anchor="middle" '
            f'class="bv">{count}</text></g>'
        )
    anchors = {0: "start", bins: "end"}
    axis = "".join(
        f'<text x="{100 * i / bins:.0f}%" y="{height + 38}" text-anchor="{anchors.get(i, "middle")}">'
        f"{i / bins:g}</text>"
        for i in range(0, bins + 1, bins // 2)
    )
    return (
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
        f'<svg class="hist" role="img" aria-label="{escape(title)}" width="100%" height="{height + 44}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}{axis}</svg></figure>'
    )
