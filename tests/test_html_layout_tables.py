"""A page laid out in table cells (e-mail newsletters, older sites) keeps its paragraphs apart; a data table's
row stays one paragraph of cells joined by `` | `` (cleaner.html.xmlbody._rows)."""

from __future__ import annotations

from cleaner import clean

PARAGRAPHS = (
    "Dear readers, the frost has finally lifted across most of the region and the soil is warming up nicely.",
    "Spring planting can begin in earnest once the nights stay above five degrees, in most gardens mid April.",
    "Start with hardy vegetables such as peas, broad beans and onions, and leave the tomatoes indoors for now.",
)


def _page(inner: str) -> str:
    return f"<html><head><title>Garden notes</title></head><body>{inner}</body></html>"


def _layout(paragraphs: tuple[str, ...]) -> str:
    cell = "<h1>Spring planting is here</h1>" + "".join(f"<p>{text}</p>" for text in paragraphs)
    inner = f'<table width="600"><tr><td>{cell}</td></tr></table>'
    return _page(f'<table width="100%"><tr><td>{inner}</td></tr></table>')


def test_a_cell_of_paragraphs_is_read_paragraph_by_paragraph() -> None:
    article = clean(_layout(PARAGRAPHS), format="html")
    assert article.text.split("\n\n") == list(PARAGRAPHS)  # main glued them: "...nicely.Spring planting..."


def test_a_nested_layout_table_is_read_once() -> None:
    """A guard: the rows walked are the table's own, a nested table's rows only through the cell that holds it."""
    body = clean(_layout(PARAGRAPHS), format="html").text
    assert all(body.count(text) == 1 for text in PARAGRAPHS)


def test_a_row_of_data_cells_stays_one_paragraph() -> None:
    rows = "".join(
        f"<tr><td>{city}</td><td>{frost}</td><td>{sow}</td></tr>"
        for city, frost, sow in (
            ("Leeds", "12 April", "20 April"),
            ("York", "10 April", "18 April"),
            ("Hull", "8 April", "15 April"),
        )
    )
    article = clean(_page("".join(f"<p>{text}</p>" for text in PARAGRAPHS) + f"<table>{rows}</table>"), format="html")
    assert "Leeds | 12 April | 20 April" in article.text.split("\n\n")


def test_a_data_cell_of_two_paragraphs_keeps_a_space_between_them() -> None:
    rows = "".join(
        f"<tr><td><p>{label}</p><p>{more}</p></td><td>{a}</td><td>{b}</td></tr>"
        for label, more, a, b in (
            ("Ceiling", "per month", "6,500", "6,700"),
            ("Share", "of pay", "260", "268"),
            ("Bonus", "per year", "100", "120"),
        )
    )
    article = clean(_page("".join(f"<p>{text}</p>" for text in PARAGRAPHS) + f"<table>{rows}</table>"), format="html")
    assert "Ceiling per month | 6,500 | 6,700" in article.text.split("\n\n")  # main: "Ceilingper month | ..."
