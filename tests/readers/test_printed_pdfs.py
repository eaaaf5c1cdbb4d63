"""PDFs as people have them: printed from a browser, with headers and footers, columns, scans."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.readers import iter_documents
from support.browser import CHROMIUM, CHROMIUM_ARGS
from support.pdf_builder import build_pdf, text_pdf

BODY = [
    [
        "Published March 3, 2021",
        "The Veldmark council on Thursday approved the money needed to repair the two",
        "damaged locks on the Osterlin river, ending a dispute that had kept grain",
        "barges in port for almost three weeks, the harbour office said on its website.",
    ],
    [
        "Work is due to begin on Monday and should take about ten days, the office",
        "said, and traffic will resume as soon as the first lock has been tested.",
    ],
    [
        "Barge owners welcomed the decision but said they would seek compensation",
        "for the weeks their boats spent waiting below the damaged locks.",
    ],
]
PRINTED = ("4/5/24, 9:12 AM", "Council approves lock repairs | River Gazette", "https://gazette.example/locks")


def only_document(path: Path) -> Document:
    items = list(iter_documents([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def assert_offsets_hold(doc: Document) -> None:
    """G8: kept characters map to the same source character; removed spans are what they say."""
    for i, char in enumerate(doc.text):
        if not char.isspace():
            assert doc.source_text[doc.offsets.to_source(i)] == char, i
    for span in doc.removed:
        assert doc.source_text[span.start : span.end] == span.text


def test_browser_print_headers_and_footers_are_removed_and_read_as_metadata(tmp_path):
    path = tmp_path / "printed.pdf"
    path.write_bytes(text_pdf(BODY, browser_print=PRINTED))
    doc = only_document(path)
    for line in (*PRINTED, "1/3", "2/3", "3/3"):
        assert line not in doc.text
    assert doc.text.startswith("Published March 3, 2021")
    assert "the harbour office said on its website. Work is due" not in doc.text  # a page break, a sentence end
    assert doc.url == "https://gazette.example/locks"
    assert doc.published == "2021-03-03"  # the dateline, not the print date
    assert sorted({s.text for s in doc.removed}) == sorted({*PRINTED, "1/3", "2/3", "3/3"})
    assert_offsets_hold(doc)


def test_a_date_after_the_print_date_is_not_the_publication_date(tmp_path):
    pages = [["Published March 3, 2031", *BODY[0][1:]], *BODY[1:]]
    path = tmp_path / "printed.pdf"
    path.write_bytes(text_pdf(pages, browser_print=PRINTED))
    assert only_document(path).published != "2031-03-03"


def test_title_comes_from_the_document_information(tmp_path):
    path = tmp_path / "printed.pdf"
    path.write_bytes(text_pdf(BODY, browser_print=PRINTED, info_title="Council approves lock repairs"))
    assert only_document(path).title == "Council approves lock repairs"


def test_a_file_name_as_information_title_gives_way_to_the_largest_line(tmp_path):
    path = tmp_path / "story.pdf"
    path.write_bytes(text_pdf(BODY, info_title="Microsoft Word - draft3.docx", headline="Council approves repairs"))
    assert only_document(path).title == "Council approves repairs"


def test_a_running_head_on_every_page_is_furniture_even_when_long(tmp_path):
    head = "THE RIVER GAZETTE, THURSDAY EDITION, NEWS FROM THE OSTERLIN VALLEY AND ITS PORTS..."
    path = tmp_path / "paper.pdf"
    path.write_bytes(text_pdf(BODY, header=head))
    doc = only_document(path)
    assert "GAZETTE" not in doc.text
    assert [s.text for s in doc.removed] == [head] * 3
    assert_offsets_hold(doc)


def _two_column_pdf() -> bytes:
    left = ["Left column opens the story", "and carries on down the page", "to the end of the left side."]
    right = ["Right column comes second", "and finishes the article", "with its last sentence here."]
    ops = ["BT /F1 11 Tf 15 TL 72 700 Td", *[f"({line}) Tj T*" for line in left], "ET"]
    ops += ["BT /F1 11 Tf 15 TL 330 700 Td", *[f"({line}) Tj T*" for line in right], "ET"]
    content = "\n".join(ops).encode()
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        ]
    )


def test_a_two_column_page_is_read_column_by_column(tmp_path):
    path = tmp_path / "columns.pdf"
    path.write_bytes(_two_column_pdf())
    text = " ".join(only_document(path).text.split())
    assert "Left column opens the story and carries on down the page to the end of the left side." in text
    assert text.index("left side.") < text.index("Right column comes second")


@pytest.mark.parametrize(
    "pages",
    [[["CONFIDENTIAL"]] * 3, [["Scan 0001", "p. 1"], ["Scan 0002", "p. 2"]]],
    ids=["a-stamp", "scanner-lines"],
)
def test_a_scan_with_only_a_stamp_needs_ocr(tmp_path, pages):
    path = tmp_path / "scan.pdf"
    path.write_bytes(text_pdf(pages))
    items = list(iter_documents([str(path)]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].code == "E005" and "OCR" in items[0].line()


# -- the done-when check: real pages printed by headless chromium ----------------


def _html_truth(html: bytes) -> tuple[set[str], str | None, str | None]:
    """What the page itself says: its <title> and og:title, its date, and the date written in its body."""
    import htmldate
    import lxml.html

    tree = lxml.html.fromstring(html)
    titles = {
        " ".join(t.split())
        for t in [tree.findtext(".//title") or "", *tree.xpath("//meta[@property='og:title']/@content")]
        if t.strip()
    }
    date = htmldate.find_date(tree, original_date=True, extensive_search=False)
    body = tree.find("body")
    visible = None
    if body is not None:
        for bad in body.xpath(".//script|.//style|.//noscript|.//time|.//meta"):
            bad.drop_tree()
        lines = "".join(f"<p>{line}</p>" for line in body.text_content().splitlines() if line.strip())
        visible = htmldate.find_date(f"<html><body>{lines}</body></html>", original_date=True, extensive_search=True)
    return titles, date, visible


@pytest.mark.shared
@pytest.mark.browser
@pytest.mark.slow
def test_pdfs_printed_by_chromium_have_title_and_date_and_no_print_furniture(shared_dir, tmp_path):
    """The first 5 pages, in sorted order, whose date htmldate finds in the page and also in its visible text."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"{CHROMIUM} is not installed")
    chosen = []
    for page in sorted((shared_dir / "eval" / "webpages" / "pages").glob("*.html")):
        titles, date, visible = _html_truth(page.read_bytes())
        if date and visible == date and titles:
            chosen.append((page, titles, date))
        if len(chosen) == 5:
            break
    assert len(chosen) == 5
    for page, titles, date in chosen:
        pdf = tmp_path / (page.stem + ".pdf")
        subprocess.run(
            [CHROMIUM, "--headless", *CHROMIUM_ARGS, f"--print-to-pdf={pdf}", page.as_uri()],
            capture_output=True,
            timeout=120,
            check=True,
        )
        doc = only_document(pdf)
        assert doc.title in titles, (page.name, doc.title, titles)
        assert doc.published == date, (page.name, doc.published, date)
        assert page.as_uri() not in doc.text and "file:///" not in doc.text
        assert doc.url == page.as_uri()
        pages = doc.source_text.count("\f")
        for n in range(1, pages + 1):
            assert f"\n{n}/{pages}\n" not in f"\n{doc.text}\n", (page.name, n)
        assert_offsets_hold(doc)
