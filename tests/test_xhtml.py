"""XHTML and server-side-include pages (trial46): a folder walk took ``*.html`` and ``*.htm`` but left a saved site's
``.xhtml`` and ``.shtml`` pages out, and an XHTML page's encoding, named in its XML declaration (where XHTML names it),
was guessed instead (``5 €`` in ISO 8859-15 read as ``5 ¤``).  Both suffixes are walked by default and read as pages
(``cleaner.config.DEFAULT_INCLUDE``, ``cleaner.io.files.HTML_SUFFIXES``), and ``cleaner.html.sniff.declared_charset``
reads the XML declaration.  The pages here are made up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import clean, clean_file
from cleaner.html.sniff import declared_charset
from tests.clirun import clean_in_process

PROSE = [
    "Die Fähre zu den Inseln kostet künftig 5 € pro Überfahrt, sagte der Hafenrat am Donnerstag, und sie fährt im "
    "Sommer viermal am Tag.",
    "Die Gemeinden der Inseln teilen sich die Kosten eines zweiten Anlegers, der bis zum Frühjahr fertig sein soll.",
]


def xhtml(encoding: str) -> bytes:
    """A made-up XHTML 1.1 page: XML declaration naming its encoding, doctype, namespaces, self-closed tags."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    page = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="de">'
        '<head><title>Zweite Fährlinie beschlossen</title><meta name="author" content="Jonas Berg"/></head>'
        '<body><div id="nav"><a href="/">Start</a> <a href="/news">Nachrichten</a></div>'
        f'<section epub:type="chapter"><h1>Zweite Fährlinie beschlossen</h1>{paragraphs}<br/></section>'
        "</body></html>"
    )
    return page.encode(encoding)


@pytest.mark.parametrize("encoding", ["iso-8859-15", "utf-8", "windows-1252"])
def test_an_xhtml_page_is_read_in_the_encoding_its_declaration_names(encoding: str) -> None:
    assert declared_charset(xhtml(encoding)) == encoding
    article = clean(xhtml(encoding))
    assert [block.text for block in article.blocks] == PROSE
    assert article.title == "Zweite Fährlinie beschlossen"
    assert article.language == "de"


def test_a_meta_charset_still_comes_first() -> None:
    assert declared_charset(b'<?xml version="1.0" encoding="utf-8"?><html><head><meta charset="koi8-r">') == "koi8-r"
    assert declared_charset(b"<p>encoding='latin-1' in the text of a page</p>") is None


@pytest.mark.parametrize("suffix", [".xhtml", ".shtml", ".XHTML"])
def test_a_folder_walk_takes_xhtml_and_shtml_pages(suffix: str, tmp_path: Path) -> None:
    corpus = tmp_path / "site"
    corpus.mkdir()
    (corpus / f"story{suffix}").write_bytes(xhtml("iso-8859-15"))
    result = clean_in_process("site", "-o", "out", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (written,) = (tmp_path / "out").iterdir()
    assert json.loads(written.read_text("utf-8"))["text"] == "\n\n".join(PROSE)
    assert [block.text for block in clean_file(corpus / f"story{suffix}").blocks] == PROSE
