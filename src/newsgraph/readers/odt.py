"""OpenDocument text (.odt) through odfpy: headings and paragraphs in order, one article or an export's.

Like .docx, an .odt is a ZIP archive: its unpacked size is checked first (E026).
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

__all__ = ["read_odt", "extract_odt_text"]


def extract_odt_text(path: Path, unpacked_max_bytes: int, deadline: Deadline | None = None) -> str:
    """The text of the .odt at ``path``: each heading and paragraph, a blank line apart; E026/E027."""
    from odf import teletype, text
    from odf.opendocument import load

    check_unpacked_size(path, "odt", unpacked_max_bytes)
    try:
        document = load(str(path))
        paragraphs = []
        for element in document.text.getElementsByType(text.P) + document.text.getElementsByType(text.H):
            paragraphs.append((element, teletype.extractText(element)))
        if deadline is not None:
            deadline.check()
    except (zipfile.BadZipFile, SyntaxError, *PARSER_ERRORS) as err:
        raise InputError("E027", path=str(path), fmt="OpenDocument", detail=error_detail(err)) from None
    order = {id(node): i for i, node in enumerate(_walk(document.text))}
    paragraphs.sort(key=lambda item: order.get(id(item[0]), 0))
    return "\n\n".join(value.strip("\n") for _, value in paragraphs if value.strip())


def _walk(node):
    """Every element under ``node`` in document order (iteratively: no recursion limit)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.childNodes))


def read_odt(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    check_file_size(path, options.max_bytes)
    text = extract_isolated(
        extract_odt_text, (path, options.unpacked_max_bytes), path=str(path), fmt="odt", options=options
    )
    if not text.strip():
        raise InputError("E003", path=str(path))
    yield from documents_from_any_text(text, path=str(path), fmt="odt", options=options, wrapped=False)
