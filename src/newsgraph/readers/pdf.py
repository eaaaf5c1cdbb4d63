"""PDF text layers through pdfminer.six, one form feed between pages.

The form feeds let ``repair_text`` see page boundaries, where it looks for
running headers, footers and page numbers.

pdfminer can be made to work for hours by a small hostile file, so extraction
runs under ``isolate.extract_isolated``: in a child process killed at
``ReadOptions.time_limit`` (E017).  A file larger than ``ReadOptions.max_bytes``
is refused from ``stat()`` (E012), and a file with more than
``ReadOptions.pdf_max_pages`` pages is refused (E021) before any page is read.

PDFs printed from a browser carry the page title, the print date and time, the
URL and "2/5" at the top and bottom of every page.  ``repair_text`` removes
them as page furniture (recorded in ``Document.removed``); this reader then
reads them as metadata:

- title: the document information's ``Title`` (what a browser copies from
  ``<title>``), unless it is a file name or a placeholder; else the line in the
  largest font on the first page;
- url: a removed line that is one http(s) or file URL;
- published: a date labelled "Published" or "Posted", else the first date
  near the top of the article text (htmldate's search over the first
  ``DATE_SEARCH_CHARS`` characters), never later than a
  print date found among the removed lines.  The print date itself is when the
  page was printed, not published, so it is not used as the date.

A PDF whose text, with its furniture removed, has fewer than ``MIN_WORDS``
words is a scan: E005, "it needs OCR first", not an empty article.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from io import StringIO
from itertools import islice
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .base import PARSER_ERRORS, ReadOptions, check_file_size, document_from_text, error_detail
from .columns import reading_order
from .isolate import Deadline, extract_isolated

__all__ = ["read_pdf", "extract_pdf_text", "extract_pdf", "print_metadata"]

# Fewer words than this, once the furniture is gone, is a scan with a stamp or a page number.
MIN_WORDS = 5
DATE_SEARCH_CHARS = 3000  # where the dateline of a printed page sits: near the top
LABEL_SEARCH_CHARS = 50_000  # "Published: 3 March 2020" may sit below the article
_PUBLISHED_LABEL = re.compile(r"(?i)\b(?:e-?)?(?:published|posted)(?: on)?\s*:?\s*")
# A document-information title that names a file or says nothing.
_PLACEHOLDER_TITLE = re.compile(
    r"(?i)^(?:untitled.*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|html?|rtf|odt|txt)|document\d*)$"
)
_URL_LINE = re.compile(r"(?:https?|file)://\S+")
# A print date and time as browsers write it: "11/29/26, 2:08 AM", "29/11/2026 14:08".
_PRINT_DATE = re.compile(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4}),?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?", re.I)


def extract_pdf_text(path: Path, max_pages: int, deadline: Deadline | None = None) -> str:
    """The text layer of ``path``, pages separated by form feeds; InputError E006/E007/E017/E021.

    This is ``pdfminer.high_level.extract_text`` unrolled so that the deadline
    is checked between pages (which is all the protection there is when it
    runs in-process; in a child process the parent's kill covers the rest).
    """
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    deadline = deadline or Deadline(None, str(path))
    try:
        with open(path, "rb") as fp, StringIO() as out:
            document = PDFDocument(PDFParser(fp))
            # Walk the page tree first (cheap: no content is interpreted) so a
            # 100,000-page file is refused before its first page is laid out.
            pages = list(islice(PDFPage.create_pages(document), max_pages + 1))
            if len(pages) > max_pages:
                raise InputError("E021", path=str(path), limit=max_pages)
            if not pages:
                raise InputError("E006", path=str(path), detail="no pages found (the page tree is empty or broken)")
            deadline.check()
            resources = PDFResourceManager(caching=True)
            device = _column_text_converter(TextConverter)(resources, out, laparams=LAParams())
            interpreter = PDFPageInterpreter(resources, device)
            for page in pages:
                interpreter.process_page(page)
                deadline.check()
            device.close()
            return out.getvalue()
    except PDFEncryptionError:  # includes a wrong (empty) password and extraction not allowed
        raise InputError("E007", path=str(path)) from None
    except PSException as err:  # pdfminer's base class: syntax errors, unexpected EOF
        raise InputError("E006", path=str(path), detail=error_detail(err)) from None
    except PARSER_ERRORS as err:
        raise InputError("E006", path=str(path), detail=error_detail(err)) from None


def _column_text_converter(base: type) -> type:
    """pdfminer's TextConverter, writing each page's text boxes in column order (``columns.reading_order``)."""
    from pdfminer.layout import LTPage

    class ColumnTextConverter(base):
        def receive_layout(self, ltpage: LTPage) -> None:
            ordered = LTPage(ltpage.pageid, ltpage.bbox, ltpage.rotate)
            for item in reading_order(list(ltpage)):
                ordered.add(item)
            super().receive_layout(ordered)

    return ColumnTextConverter


def extract_pdf(path: Path, max_pages: int, deadline: Deadline | None = None) -> dict:
    """The text layer (as ``extract_pdf_text``), the information title and the first page's largest line."""
    text = extract_pdf_text(path, max_pages, deadline)
    return {"text": text, "info_title": _info_title(path), "largest_line": _largest_line(path)}


def _info_title(path: Path) -> str | None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    with open(path, "rb") as fp:  # the file opened and parsed once already: errors were raised then
        document = PDFDocument(PDFParser(fp))
        for info in document.info:
            value = resolve1(info.get("Title"))
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                title = " ".join(value.split())
                return None if _PLACEHOLDER_TITLE.fullmatch(title) else title
    return None


def _largest_line(path: Path) -> str | None:
    """The text line of the first page set in the largest font (a headline), or None."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

    best: tuple[float, str] | None = None
    all_sizes: list[float] = []
    for page in extract_pages(str(path), maxpages=1):
        stack = list(page)
        while stack:
            item = stack.pop()
            if isinstance(item, LTTextLine):
                sizes = [c.size for c in item if isinstance(c, LTChar) and not c.get_text().isspace()]
                text = " ".join(item.get_text().split())
                # Two words at least: a big drop cap or a logo letter is not a title.
                all_sizes += sizes
                if len(sizes) >= 3 and len(text.split()) >= 2:
                    size = sum(sizes) / len(sizes)
                    if best is None or size > best[0] + 0.1:
                        best = (size, text)
            elif isinstance(item, LTTextContainer):
                stack.extend(reversed(list(item)))
    if best is None:
        return None
    body_size = sorted(all_sizes)[len(all_sizes) // 2]
    # A headline stands out from the body text; the largest of equal lines is just the first.
    return best[1] if best[0] >= 1.15 * body_size else None


def print_metadata(removed_lines: list[str]) -> dict:
    """URL and print date (``datetime.date``) from the lines removed as page furniture."""
    found: dict = {}
    for raw in removed_lines:
        line = unicodedata.normalize("NFKC", raw).strip()  # "ﬁle://" with its ligature undone
        if "url" not in found and _URL_LINE.fullmatch(line):
            found["url"] = line
        match = _PRINT_DATE.search(line)
        if "printed" not in found and match:
            found["printed"] = _numeric_date(*match.groups())
    return {k: v for k, v in found.items() if v is not None}


def _numeric_date(a: str, b: str, c: str) -> dt.date | None:
    """A browser's numeric date: Y-M-D, M/D/Y (US) or D/M/Y, whichever exists."""
    candidates = [(a, b, c)] if len(a) == 4 else [(c, a, b), (c, b, a)]
    for year, month, day in candidates:
        y = int(year) + (2000 if len(year) == 2 else 0)
        try:
            return dt.date(y, int(month), int(day))
        except ValueError:
            continue
    return None


def published_near_top(text: str, latest: dt.date | None) -> str | None:
    """The article's date as htmldate finds it in the top of ``text``, not after ``latest``."""
    from html import escape

    import htmldate

    latest = latest or dt.date.today()

    def date_in(chunk: str) -> str | None:
        lines = "".join(f"<p>{escape(line)}</p>" for line in chunk.splitlines() if line.strip())
        return htmldate.find_date(
            f"<html><body>{lines}</body></html>",
            extensive_search=True,
            original_date=True,
            outputformat="%Y-%m-%d",
            max_date=latest.isoformat(),
        )

    # A date labelled as the publication date wins over the first date on the page
    # (a journal's issue date, an event's date in the standfirst).
    for match in _PUBLISHED_LABEL.finditer(text, 0, LABEL_SEARCH_CHARS):
        found = date_in(text[match.end() : match.end() + 40])
        if found:
            return found
    return date_in(text[:DATE_SEARCH_CHARS]) or None


def read_pdf(path: Path, options: ReadOptions) -> Iterator[Document]:
    check_file_size(path, options.max_bytes)  # pdfminer opens the file itself: check before
    found = extract_isolated(extract_pdf, (path, options.pdf_max_pages), path=str(path), fmt="pdf", options=options)
    text = found["text"]
    if not text.strip():
        raise InputError("E005", path=str(path))
    document = document_from_text(text, path=str(path), fmt="pdf", options=options)
    if len(document.text.split()) < MIN_WORDS:
        raise InputError("E005", path=str(path))
    printed = print_metadata([span.text for span in document.removed])
    title = found["info_title"] or found["largest_line"] or document.title
    yield replace(
        document,
        title=title,
        url=printed.get("url"),
        published=published_near_top(document.text, printed.get("printed")),
    )
