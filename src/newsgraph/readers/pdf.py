"""PDF text layers through pdfminer.six, one form feed between pages.

The form feeds let ``repair_text`` see page boundaries, where it looks for
running headers, footers and page numbers.

pdfminer can be made to work for hours by a small hostile file, so extraction
runs under ``isolate.run_limited``: in a child process killed at
``ReadOptions.time_limit`` (E017).  A file larger than ``ReadOptions.max_bytes``
is refused from ``stat()`` (E012), and a file with more than
``ReadOptions.pdf_max_pages`` pages is refused (E021) before any page is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from itertools import islice
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .base import PARSER_ERRORS, ReadOptions, check_file_size, document_from_text, error_detail
from .isolate import Deadline, run_limited

__all__ = ["read_pdf", "extract_pdf_text"]


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
            device = TextConverter(resources, out, laparams=LAParams())
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


def read_pdf(path: Path, options: ReadOptions) -> Iterator[Document]:
    check_file_size(path, options.max_bytes)  # pdfminer opens the file itself: check before
    text = run_limited(
        extract_pdf_text,
        (path, options.pdf_max_pages),
        path=str(path),
        fmt="pdf",
        time_limit=options.time_limit,
        memory_limit_mb=options.memory_limit_mb,
        isolate=options.isolate,
    )
    if not text.strip():
        raise InputError("E005", path=str(path))
    yield document_from_text(text, path=str(path), fmt="pdf", options=options)
