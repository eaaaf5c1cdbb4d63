"""RTF documents through striprtf: one article, or each article of a Factiva or Nexis export.

striprtf writes a table row as ``cell|cell|``; a Factiva field row becomes
``CODE<TAB>value`` (what ``factiva`` reads) and the closing ``|`` of a row is
dropped.  Each RTF paragraph is one line of the text, so no line is taken for a
hard-wrapped one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .articles import documents_from_any_text
from .base import PARSER_ERRORS, ReadOptions, error_detail, read_limited
from .factiva import CODES
from .isolate import Deadline, extract_isolated

__all__ = ["read_rtf", "extract_rtf_text"]

_FIELD_CELL = re.compile(rf"^[ \t]*({'|'.join(sorted(CODES))})\|", re.MULTILINE)
_ROW_END = re.compile(r"\|[ \t]*$", re.MULTILINE)


def extract_rtf_text(path: Path, max_bytes: int, deadline: Deadline | None = None) -> str:
    from striprtf.striprtf import rtf_to_text

    data = read_limited(path, max_bytes)
    if not data.lstrip().startswith(b"{\\rtf"):
        raise InputError("E027", path=str(path), fmt="RTF", detail="it does not start with {\\rtf")
    try:
        # RTF is 7-bit: other characters are \'xx escapes in its code page, or \uN.
        text = rtf_to_text(data.decode("latin-1"), encoding="cp1252", errors="replace")
    except (UnicodeError, *PARSER_ERRORS) as err:
        raise InputError("E027", path=str(path), fmt="RTF", detail=error_detail(err)) from None
    return _ROW_END.sub("", _FIELD_CELL.sub(r"\1\t", text))


def read_rtf(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    text = extract_isolated(extract_rtf_text, (path, options.max_bytes), path=str(path), fmt="rtf", options=options)
    if not text.strip():
        raise InputError("E003", path=str(path))
    yield from documents_from_any_text(text, path=str(path), fmt="rtf", options=options, wrapped=False)
