"""PDF text layers through pdfminer.six, one form feed between pages.

The form feeds let ``repair_text`` see page boundaries, where it looks for
running headers, footers and page numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .document import Document

if TYPE_CHECKING:
    from .readers import ReadOptions

__all__ = ["read_pdf", "extract_pdf_text"]


def extract_pdf_text(path: Path, max_pages: int) -> str:
    """The text layer of ``path``, pages separated by form feeds; InputError E006/E007."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.psexceptions import PSException

    from .readers import PARSER_ERRORS

    try:
        return extract_text(str(path), laparams=LAParams(), maxpages=max_pages)
    except PDFEncryptionError:  # includes a wrong (empty) password and extraction not allowed
        raise InputError("E007", path=str(path)) from None
    except PSException as err:  # pdfminer's base class: syntax errors, unexpected EOF
        raise InputError("E006", path=str(path), detail=_detail(err)) from None
    except PARSER_ERRORS as err:
        raise InputError("E006", path=str(path), detail=_detail(err)) from None


def _detail(err: Exception) -> str:
    return f"{type(err).__name__}: {err}" if str(err) else type(err).__name__


def read_pdf(path: Path, options: "ReadOptions") -> Document:
    from .readers import document_from_text

    text = extract_pdf_text(path, options.pdf_max_pages)
    if not text.strip():
        raise InputError("E005", path=str(path))
    return document_from_text(text, path=str(path), fmt="pdf", options=options)
