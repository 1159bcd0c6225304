"""Script state in the forms a framework writes it besides one assignment (``cleaner.html.scriptdata``): a target
in brackets (``window['__STATE__'] = {...}``), a guard first and several assignments after it, the JSON given as a
string to ``JSON.parse`` in double or single quotes.  In a script-rendered shell the article in such a state is
the body; a page that shows its article, or whose markup shows the state's prose, keeps what it shows; a script
that is not data changes nothing; a script of megabytes is read in one pass."""

from __future__ import annotations

import copy
import json
import time

import pytest
from test_embedded_pages import RELATED, SHELL, audit, page
from test_page_shapes import PARAGRAPHS, TITLE

from cleaner import clean
from cleaner.html.scriptdata import assignments

STATE = {"article": {"headline": TITLE, "body": [{"type": "text", "content": text} for text in PARAGRAPHS]}}


def js_string(text: str, quote: str) -> str:
    """``text`` as a JavaScript string literal in ``quote``, escaped as a server writes it."""
    escaped = text.replace("\\", "\\\\").replace(quote, "\\" + quote).replace("é", "\\xe9")
    return quote + escaped + quote


FORMS = {
    "bracket, single quotes": "window['__abc_state__'] = {state};",
    "bracket, double quotes": 'window["__APP_STATE__"]={state}',
    "guard first": "window.App = window.App || {{}}; App.contentModel = {state};",
    "several assignments": 'window.Site=window.Site||{{}};Site.config={{"locale":"en"}};Site.content={state};'
    'Site.cache={{"nav":["Home","News"]}}',
    "JSON.parse, double quotes": "window.__INITIAL_STATE__ = JSON.parse({double});",
    "JSON.parse, single quotes": "window.__INITIAL_STATE__ = JSON.parse({single});\n(function(){{}})()",
    "after other code": "var n=0;function f(a){{return a+1}}\nvar pageData = {state}; f(n);",
}


def script(form: str, state: object) -> str:
    text = json.dumps(state, ensure_ascii=False)
    return form.format(state=text, double=js_string(text, '"'), single=js_string(text, "'"))


@pytest.mark.parametrize("form", FORMS)
def test_each_form_of_state_is_read(form: str) -> None:
    assert STATE in [value for _, value in assignments(script(FORMS[form], STATE))]


@pytest.mark.parametrize("form", FORMS)
def test_a_shell_whose_article_is_only_in_such_a_state_reads_it(form: str) -> None:
    state = {**copy.deepcopy(STATE), "teasers": [{"title": "Budget", "teaser": RELATED, "url": "/budget"}] * 3}
    state["article"]["body"][1]["content"] += " It costs 2.4 million euros, said the café's owner."
    article = clean(page(SHELL + f"<script>{script(FORMS[form], state)}</script>"), format="html")
    texts = [block.text for block in article.blocks]
    assert texts[0] == PARAGRAPHS[0] and "café" in texts[1] and len(texts) == len(PARAGRAPHS)
    assert RELATED not in article.text  # the teasers beside it do not win over the article
    note = [text for text, rule in audit(article).items() if rule == "extractor.embedded-body"]
    assert len(note) == 1 and "<script> state (" in note[0]


def test_a_page_showing_its_article_keeps_it() -> None:
    shown = f"<article><h1>{TITLE}</h1>" + "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:2]) + "</article>"
    state = script(FORMS["guard first"], STATE)
    article = clean(page(shown + f"<script>{state}</script>"), format="html")
    assert [block.text for block in article.blocks] == PARAGRAPHS[:2]
    assert "extractor.embedded-body" not in audit(article).values()


def test_a_page_whose_markup_shows_the_states_article_does_not_take_other_articles_from_it() -> None:
    """Rendered on the server: the state holds the short article the page shows and the whole bodies of other
    articles, far longer; those are no body of this page."""
    other = [f"{text} Another report of the week, number {n}." for n in range(12) for text in PARAGRAPHS]
    state = {
        "posts": [{"content": "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:1])}],
        "featured": [{"content": "".join(f"<p>{text}</p>" for text in other[n::12])} for n in range(12)],
    }
    shown = f"<article><h1>{TITLE}</h1><p>{PARAGRAPHS[0]}</p></article>"
    article = clean(page(shown + f"<script>var app_data = {json.dumps(state)};</script>"), format="html")
    assert [block.text for block in article.blocks] == PARAGRAPHS[:1]
    assert "extractor.embedded-body" not in audit(article).values()


MALFORMED = [
    "window.__STATE__ = {article: {body: 'unquoted keys, " + "a JavaScript literal. " * 40 + "'}};",
    'window["__STATE__"] = {"article": {"body": "' + "cut off before its end. " * 40,
    'window.__STATE__ = JSON.parse("{\\"article\\": \\"' + "not closed. " * 40 + '");',
    "window.__STATE__ = JSON.parse('" + "not JSON at all. " * 40 + "');",
    'window.__STATE__ = [{"body": function () { return "' + "code, " * 100 + '"; }}];',
    "x = " + "[" * 5000 + "; y = " + '{"a":' * 5000,
]


@pytest.mark.parametrize("text", MALFORMED)
def test_a_script_that_is_not_data_changes_nothing(text: str) -> None:
    without = clean(page(SHELL), format="html")
    article = clean(page(SHELL + f"<script>{text}</script>"), format="html")
    assert article.text == without.text and "extractor.embedded-body" not in audit(article).values()


def test_a_script_of_megabytes_is_read_in_one_pass() -> None:
    """Code with many literals that are not JSON, literals that open as JSON but are not, then the state: well
    under a second unloaded, a few seconds at most on a loaded machine (a pass a literal would take minutes)."""
    code = "function f(a){var b={x:1,y:[a]};if(a==={}){return b}c.d=e[1]};" * 30_000
    near = 'var s={"a":b};' * 3_000  # opens as JSON, is not: read in a window, no pass over the script each
    long = 'var t={"a":"' + "x" * 10_000 + '",b:1};'  # longer than the window, not JSON: a pass each, 31 at most
    huge = code + near + long * 40 + script(FORMS["several assignments"], STATE)
    assert len(huge) > 2_000_000
    start = time.perf_counter()
    found = list(assignments(huge))
    assert time.perf_counter() - start < 5
    assert found == []  # the budget of long literals that are not JSON ran out before the state
    found = list(assignments(code + near + long * 20 + script(FORMS["several assignments"], STATE)))
    assert STATE in [value for _, value in found]
    article = clean(
        page(SHELL + f"<script>{code}</script><script>{near}{script(FORMS['guard first'], STATE)}</script>")
    )
    assert [block.text for block in article.blocks] == PARAGRAPHS
