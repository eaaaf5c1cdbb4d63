"""Word documents (.docx) through python-docx: one article, or each article of a Nexis export.

The text is the document's paragraphs and table cells in the order they stand,
a blank line between paragraphs (Word's paragraphs are not wrapped lines);
page headers and footers are left out.  Extraction runs under
``isolate.extract_isolated`` like PDF and HTML, after the unpacked size is checked
(``packages.check_unpacked_size``, E026).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .articles import documents_from_any_text
from .base import PARSER_ERRORS, ReadOptions, check_file_size, error_detail
from .isolate import Deadline, extract_isolated
from .packages import check_unpacked_size

__all__ = ["read_docx", "extract_docx_text"]


def extract_docx_text(path: Path, unpacked_max_bytes: int, deadline: Deadline | None = None) -> str:
    """The body text of the .docx at ``path``, paragraphs apart by a blank line; E026/E027."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_unpacked_size(path, "docx", unpacked_max_bytes)
    try:
        document = docx.Document(str(path))
        paragraphs: list[str] = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                paragraphs.append(Paragraph(element, document).text)
            elif tag == "tbl":
                table = Table(element, document)
                paragraphs.extend(cell.text for row in table.rows for cell in row.cells)
            if deadline is not None:
                deadline.check()
    except (PackageNotFoundError, zipfile.BadZipFile, SyntaxError, *PARSER_ERRORS) as err:
        raise InputError("E027", path=str(path), fmt="Word", detail=error_detail(err)) from None
    return "\n\n".join(p.strip("\n") for p in paragraphs if p.strip())


def read_docx(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    check_file_size(path, options.max_bytes)
    text = extract_isolated(
        extract_docx_text, (path, options.unpacked_max_bytes), path=str(path), fmt="docx", options=options
    )
    if not text.strip():
        raise InputError("E003", path=str(path))
    yield from documents_from_any_text(text, path=str(path), fmt="docx", options=options, wrapped=False)
