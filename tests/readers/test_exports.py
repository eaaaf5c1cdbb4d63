"""Multi-article exports (Nexis, Factiva) and office documents (.docx, .odt, .rtf): split, metadata, offsets."""

from __future__ import annotations

import docx
import pytest

from newsgraph.errors import InputError
from newsgraph.readers import ReadOptions, iter_documents
from newsgraph.readers.decoding import decode_bytes
from newsgraph.readers.factiva import extract_factiva_html_text
from newsgraph.readers.rtf import extract_rtf_text
from support import FIXTURES
from support.exports import NexisArticle, nexis_export

FACTIVA = FIXTURES / "factiva"
OPTIONS = ReadOptions(isolate=False)

TWO_ARTICLES = [
    NexisArticle(
        outlet="The Valley Courier",
        date_line="March 7, 2022 Monday",
        headline="Flood barrier opens a year late",
        byline="By Petra Lindqvist",
        body=[
            "The new flood barrier on the Arden river opened on Monday, a year later than planned.",
            "UPDATE: the barrier was closed again at noon for a test, the water board said.",
        ],
    ),
    NexisArticle(
        outlet="Northern Gazette (Leeds)",
        date_line="March 9, 2022 Wednesday",
        headline="Mill to reopen as a museum",
        byline=None,
        section=None,
        body=["The old wool mill at Harcastle will reopen in June as a museum of the trade."],
    ),
]


def read(paths, options=OPTIONS):
    return list(iter_documents([str(p) for p in paths], options))


def documents(items):
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert not errors, errors
    return items


def test_nexis_text_export_under_a_txt_name_is_split_by_its_content(tmp_path):
    path = tmp_path / "search results.txt"
    path.write_text(nexis_export(TWO_ARTICLES), encoding="utf-8")
    first, second = documents(read([path]))
    assert (first.source, first.published, first.title, first.author) == (
        "The Valley Courier",
        "2022-03-07",
        "Flood barrier opens a year late",
        "Petra Lindqvist",
    )
    assert (first.section, first.language, first.length) == ("NEWS; Pg. 4", "en", 31)
    assert (second.source, second.published, second.author, second.section) == (
        "Northern Gazette (Leeds)",
        "2022-03-09",
        None,
        None,
    )
    assert [first.path, second.path] == [f"{path}#1", f"{path}#2"]
    # A body line that looks like a field but is not a Nexis field stays text; the fields do not.
    assert "UPDATE: the barrier was closed again" in first.text
    assert "BYLINE" not in first.text and "LOAD-DATE" not in first.text and "Copyright" not in first.text


def test_nexis_article_spans_map_back_into_the_export_file(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text(nexis_export(TWO_ARTICLES), encoding="utf-8")
    export = decode_bytes(path.read_bytes(), str(path))
    for document in documents(read([path])):
        for paragraph in document.paragraphs:
            start, end = document.file_span(paragraph.start, paragraph.end)
            assert export[start:end] == document.text[paragraph.start : paragraph.end]
        # source_text is the article's own block of the export, not the whole export.
        assert export[document.source_offset :].startswith(document.source_text)
        assert len(document.source_text) < len(export)


def test_a_nexis_article_without_a_body_is_one_error_and_the_rest_are_read(tmp_path):
    empty = NexisArticle("The Valley Courier", "March 8, 2022", "Notice", None, body=[], section=None)
    path = tmp_path / "export.txt"
    path.write_text(nexis_export([TWO_ARTICLES[0], empty, TWO_ARTICLES[1]]), encoding="utf-8")
    items = read([path])
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert items[1].code == "E025" and items[1].path == f"{path}#2"
    assert items[1].line().count("\n") == 0


def test_factiva_html_export_splits_into_articles_with_their_fields():
    items = read([FACTIVA / "harbour.html"])
    first, second, no_body = items
    assert (first.format, first.source, first.published, first.title, first.author) == (
        "factiva",
        "The Coastal Ledger",
        "2023-03-14",
        "Dock workers at Portmere walk out over night shifts",
        "Maren Okafor",
    )
    assert (first.section, first.length, first.language) == ("Business", 86, "en")
    assert first.extra["accession_number"] == "Document COASTL0020230314ej3e0001x"
    assert (second.source, second.published, second.author) == ("Harbour Trade Weekly", "2023-03-20", "Jonas Whitcombe")
    # Lead paragraphs and text are the body, each paragraph its own; index fields (CO, AN) are not text.
    assert first.text.startswith("Dock workers at Portmere walk out over night shifts\n\nDock workers at the port")
    assert "IN a statement, the board's chairman" in first.text
    assert "Portmere Harbour Board" not in first.text and "Document COASTL" not in first.text
    assert len([p for p in first.paragraphs if p.kind == "body"]) == 4
    assert isinstance(no_body, InputError) and no_body.code == "E025"


@pytest.mark.parametrize(
    ("name", "extract"),
    [
        ("harbour.html", lambda p: extract_factiva_html_text(p, 10**7)),
        ("harbour.rtf", lambda p: extract_rtf_text(p, 10**7)),
    ],
)
def test_factiva_exports_in_html_and_rtf_agree_and_map_back(name, extract):
    path = FACTIVA / name
    export = extract(path)
    found = [d for d in read([path]) if not isinstance(d, InputError)]
    assert [(d.source, d.published, d.title, d.author) for d in found] == [
        ("The Coastal Ledger", "2023-03-14", "Dock workers at Portmere walk out over night shifts", "Maren Okafor"),
        ("Harbour Trade Weekly", "2023-03-20", "Grain prices ease as ships leave Portmere", "Jonas Whitcombe"),
    ]
    for document in found:
        for paragraph in document.paragraphs:
            start, end = document.file_span(paragraph.start, paragraph.end)
            assert export[start:end] == document.text[paragraph.start : paragraph.end]


def test_a_folder_of_exports_and_articles_is_read_by_content(tmp_path):
    (tmp_path / "nexis.TXT").write_text(nexis_export(TWO_ARTICLES), encoding="utf-8")
    (tmp_path / "factiva.rtf").write_bytes((FACTIVA / "harbour.rtf").read_bytes())
    (tmp_path / "factiva.htm").write_bytes((FACTIVA / "harbour.html").read_bytes())
    (tmp_path / "plain.txt").write_text("Ferry fares rise\n\nFares on the island ferry rise by a tenth in May.\n")
    items = read([tmp_path])
    formats = [i.format if not isinstance(i, InputError) else i.code for i in items]
    assert formats == ["factiva", "factiva", "E025", "factiva", "factiva", "E025", "nexis", "nexis", "txt"]


def test_word_document_is_one_article_with_its_paragraphs(tmp_path):
    path = tmp_path / "letter.docx"
    word = docx.Document()
    word.add_paragraph("Ferry fares rise in May")
    word.add_paragraph("Fares on the island ferry rise by a tenth in May, the operator said on Friday.")
    word.add_paragraph("The operator blamed the price of fuel.")
    table = word.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Fares were last raised in 2019."
    word.save(path)
    (document,) = documents(read([path]))
    assert document.format == "docx"
    assert document.title == "Ferry fares rise in May"
    assert [p.kind for p in document.paragraphs] == ["title", "body", "body", "body"]
    assert document.text.endswith("The operator blamed the price of fuel.\n\nFares were last raised in 2019.")


def test_rtf_document_is_one_article(tmp_path):
    path = tmp_path / "note.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi\ansicpg1252 {\fonttbl{\f0 Arial;}}\f0 Caf\'e9 owners protest\par "
        rb"Owners of the harbour caf\'e9s protested on Sunday against the new parking rules.\par "
        rb"They said trade had fallen by a third.\par}"
    )
    (document,) = documents(read([path]))
    assert document.format == "rtf" and document.title == "Café owners protest"
    assert "harbour cafés protested" in document.text


def test_odt_document_is_one_article(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    path = tmp_path / "note.odt"
    odt = OpenDocumentText()
    odt.text.addElement(H(outlinelevel=1, text="Library hours extended"))
    odt.text.addElement(P(text="The town library will open until nine on weekdays from April."))
    odt.text.addElement(P(text="Evening staff will be hired from the college."))
    odt.save(str(path))
    (document,) = documents(read([path]))
    assert document.format == "odt" and document.title == "Library hours extended"
    assert document.text.endswith("Evening staff will be hired from the college.")


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("story.txt", rb"{\rtf1\ansi Hello\par}", "an RTF document"),
        ("story.rtf", b"PK\x03\x04" + b"\0" * 40, "a ZIP archive"),
        ("story.docx", rb"{\rtf1\ansi Hello\par}", "an RTF document"),
    ],
)
def test_office_content_under_another_format_s_name_is_still_refused(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_bytes(content)
    (item,) = read([path])
    assert isinstance(item, InputError) and item.code == "E024" and kind in str(item)


FACTIVA_TEXT = """HD\tTram line to the airport approved
BY\tBy Sunniva Dahl
WC\t48 words
PD\t3 April 2024
SN\tMetro Bulletin
LA\tEnglish
LP\tThe city approved a tram line to the airport on Wednesday.

TD\tIN a vote of nine to four, the council chose the northern route.
BY the end of 2027 the first trams should run, the mayor said.
CO\tmetrot : Metro Transit
AN\tDocument METBUL0020240403ek430001a
HD\tBakery chain opens tenth shop
PD\t5 April 2024
SN\tMetro Bulletin
TD\tThe bakery chain Korn & Co opened its tenth shop in the old station hall.
AN\tDocument METBUL0020240405ek450002b
"""


def test_factiva_text_export_keeps_body_lines_that_open_with_a_field_code(tmp_path):
    path = tmp_path / "factiva.txt"
    path.write_text(FACTIVA_TEXT, encoding="utf-8")
    first, second = documents(read([path]))
    assert (first.title, first.author, first.source, first.published) == (
        "Tram line to the airport approved",
        "Sunniva Dahl",
        "Metro Bulletin",
        "2024-04-03",
    )
    # "IN a vote ..." and "BY the end ..." are sentences of the text, not the IN and BY fields.
    assert "IN a vote of nine to four" in first.text and "BY the end of 2027" in first.text
    assert "Metro Transit" not in first.text
    assert (second.title, second.published, second.author) == ("Bakery chain opens tenth shop", "2024-04-05", None)


NEXIS_UNI = """Documents (2)
1. Harbour cranes replaced
Client/Matter: -None-

Harbour cranes replaced

The Port Weekly

June 3, 2021 Thursday 6:00 AM GMT

Copyright 2021 Port Weekly Ltd All Rights Reserved

Section: NEWS; Version:2

Length: 40 words

Byline: Amal Haddad

Body

The port replaced its two oldest cranes this week, after thirty years of service.

The new cranes lift twice the load.

Classification

Language: ENGLISH

Load-Date: June 4, 2021

End of Document

Ferry timetable changes

The Port Weekly

June 5, 2021 Saturday

Length: 20 words

Body

The summer ferry timetable starts on Monday with two extra crossings.

Load-Date: June 6, 2021

End of Document
"""


def test_nexis_uni_layout_is_split_at_end_of_document(tmp_path):
    path = tmp_path / "uni.txt"
    path.write_text(NEXIS_UNI, encoding="utf-8")
    first, second = documents(read([path]))
    assert (first.title, first.source, first.published, first.author, first.section) == (
        "Harbour cranes replaced",
        "The Port Weekly",
        "2021-06-03",
        "Amal Haddad",
        "NEWS; Version:2",
    )
    assert first.language == "en" and first.extra["copyright"].startswith("Copyright 2021")
    assert first.text.endswith("The new cranes lift twice the load.")
    assert "Client/Matter" not in first.text and "Classification" not in first.text
    assert (second.title, second.published, second.author, second.length) == (
        "Ferry timetable changes",
        "2021-06-05",
        None,
        20,
    )
    assert second.text.endswith("two extra crossings.")
