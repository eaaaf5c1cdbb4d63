"""Nexis exports saved as HTML are split into their articles like the text export."""

from __future__ import annotations

import time
from pathlib import Path

from newsgraph.model import Document
from newsgraph.readers import ReadOptions, iter_documents
from newsgraph.readers.counting import count_articles
from newsgraph.readers.nexis_html import text_of_html_lines
from support import FIXTURES

EXPORT = FIXTURES / "nexis" / "harbour.html"


def read(path: Path) -> list:
    return list(iter_documents([str(path)], ReadOptions(isolate=False)))


def test_a_nexis_html_export_gives_each_article_with_its_fields():
    first, second = read(EXPORT)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.title, first.source, first.published, first.author) == (
        "Dock workers at Portmere walk out over night shifts",
        "The Coastal Ledger",
        "2023-03-14",
        "Maren Okafor",
    )
    assert (first.section, first.length, first.extra["load-date"]) == ("BUSINESS; Pg. 12", 86, "March 15, 2023")
    assert (second.source, second.published, second.section, second.length) == (
        "Harbour Trade Weekly",
        "2023-03-20",
        "PORTS; Pg. 3",
        54,
    )
    assert (first.format, first.path.endswith("harbour.html#1")) == ("nexis", True)
    for document in (first, second):
        assert "BYLINE" not in document.text and "LENGTH" not in document.text and "Copyright" not in document.text
    assert "Download Request" not in first.text


def test_offsets_of_an_html_export_article_point_into_the_pages_text():
    page_text = text_of_html_lines(EXPORT.read_bytes())
    for document in read(EXPORT):
        start = document.text.index("Portmere")
        file_start, file_end = document.file_span(start, start + len("Portmere"))
        assert page_text[file_start:file_end] == "Portmere"


def test_a_page_that_only_mentions_the_marker_is_read_as_one_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><h1>Ferry fares rise in May</h1>"
        "<p>Fares on the island ferry rise by a tenth in May, the operator said on Friday, blaming fuel.</p>"
        "<p>End of Document</p><p>Passengers' groups said they would ask the council to step in.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (document,) = read(page)
    assert document.format == "html" and "Fares on the island ferry" in document.text


def test_a_nexis_html_export_counts_its_articles():
    assert count_articles(EXPORT) == 2


def test_a_two_thousand_article_html_export_is_read_whole_in_bounded_time(tmp_path):
    page = EXPORT.read_text(encoding="utf-8")
    block = page[page.index("<DOC NUMBER=2>") : page.index("</BODY>")]
    articles = [
        block.replace("2 of 2 DOCUMENTS", f"{n} of 2000 DOCUMENTS").replace("Grain ships", f"Grain ships {n}")
        for n in range(1, 2001)
    ]
    big = tmp_path / "big.html"
    big.write_text(page[: page.index("<DOC NUMBER=1>")] + "".join(articles) + "</BODY></HTML>", encoding="utf-8")
    started = time.monotonic()
    items = list(iter_documents([str(big)], ReadOptions()))  # isolated, as an ingest reads it
    assert time.monotonic() - started < 60
    assert len(items) == 2000 and all(isinstance(item, Document) for item in items)
    assert len({item.id for item in items}) == 2000
    assert count_articles(big) == 2000
