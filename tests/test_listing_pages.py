"""Listing pages (trial45): a category, tag or archive page is other articles' teasers, no article.  Its body is
empty, its teasers audited, and the run names the file (``cleaner.html.listing``); an article with teasers beside
it, or a list article, keeps its text."""

from __future__ import annotations

from pathlib import Path

from clirun import clean_in_process
from test_page_shapes import PARAGRAPHS, TITLE

from cleaner import clean, clean_file

TEASERS = [
    ("Library opening hours extended on Sundays", "Municipal libraries will open on Sundays from next month."),
    ("Rail line closed after storm damage", "A fallen tree closed the coastal line for most of Tuesday."),
    ("School canteen prices to rise in autumn", "Parents will pay twenty cents more per meal from September."),
    ("Market square to get new trees", "Twelve lime trees will be planted on the market square this winter."),
    ("Museum reopens its maritime wing", "After three years of works the maritime wing reopens with a lifeboat."),
    ("Park concerts return in June", "The summer concerts in the town park return with six evenings of bands."),
]


def teasers(tag: str = "article") -> str:
    return "".join(
        f'<{tag} class="post"><h2><a href="/news/{i}">{title}</a></h2><p>{text}</p>'
        f'<time datetime="2024-03-1{i}">1{i} March 2024</time></{tag}>'
        for i, (title, text) in enumerate(TEASERS)
    )


def page(main: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><title>Local | Westerlee Courier</title>{head}</head><body>'
        f'<nav><a href="/">Home</a> <a href="/local/">Local</a></nav><main>{main}</main>'
        "<footer>© 2024 Westerlee Courier</footer></body></html>"
    )


def test_a_category_page_has_no_article_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "local.html").write_text(page("<h1>Category: Local news</h1>" + teasers()), encoding="utf-8")
    article = clean_file(tmp_path / "local.html")
    assert article.blocks == ()
    rules = [removal.rule for removal in article.removed]
    assert rules[0] == "extractor.listing-page" and rules.count("extractor.outside-content") >= len(TEASERS)
    ran = clean_in_process("local.html", "-o", "out", cwd=tmp_path)
    assert ran.returncode == 0
    assert "local.html: warning: a listing page: 6 teasers of other articles; written with an empty body" in ran.stderr


def test_the_summary_counts_the_source_note_apart_from_the_removed_blocks(tmp_path: Path) -> None:
    """The note that a page is a listing removes nothing: the summary counted it as a removed block, and as a prose
    block the extractor left out (trial46)."""
    (tmp_path / "local.html").write_text(page("<h1>Category: Local news</h1>" + teasers()), encoding="utf-8")
    article = clean_file(tmp_path / "local.html")
    blocks = sum(removal.category != "source" for removal in article.removed)
    ran = clean_in_process("local.html", "-o", "out", cwd=tmp_path)
    summary = ran.stderr.splitlines()[-1]
    assert f"; {blocks} blocks removed (outside-content {blocks}); the extractor left {blocks} prose blocks" in summary
    assert summary.endswith("; 1 note (source 1)")


def test_an_article_with_teasers_beside_it_keeps_its_text() -> None:
    story = f"<article><h1>{TITLE}</h1>" + "".join(f"<p>{text}</p>" for text in PARAGRAPHS) + "</article>"
    article = clean(page(story + f"<aside><h2>More local news</h2>{teasers('div')}</aside>"), format="html")
    assert article.text.startswith(PARAGRAPHS[0]) and "extractor.listing-page" not in {
        removal.rule for removal in article.removed
    }


def test_a_list_article_keeps_its_items() -> None:
    """Linked headings over a few lines each: a list article declared so, or whose items say more than teasers."""
    items = "".join(
        f'<section><h2><a href="https://maps.example/{i}">{title}</a></h2><p>{PARAGRAPHS[i % 4]}</p>'
        f"<p>{PARAGRAPHS[(i + 1) % 4]}</p><p>{PARAGRAPHS[(i + 2) % 4]}</p></section>"
        for i, (title, _) in enumerate(TEASERS)
    )
    declared = '<meta property="og:type" content="article">'
    for head, main in ((declared, f"<h1>Six walks</h1>{teasers()}"), ("", f"<h1>Six walks</h1>{items}")):
        article = clean(page(main, head), format="html")
        assert len(article.blocks) >= len(TEASERS), head
