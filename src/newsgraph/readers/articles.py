"""One article or many: what every reader of a format that can hold an export calls.

Text, Word, RTF and OpenDocument files may hold one article or a Nexis or
Factiva export of hundreds; the decoded text decides, not the file name, so a
Nexis export saved as ``.txt`` (or with no suffix) is split all the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..model import Document
from . import factiva, nexis
from .base import ReadOptions, document_from_text
from .exports import documents_from_export

__all__ = ["documents_from_any_text"]


def documents_from_any_text(
    text: str, *, path: str, fmt: str, options: ReadOptions, wrapped: bool | None = None
) -> Iterator[Document | InputError]:
    """An export's articles if ``text`` is a Nexis or Factiva export, else ``text`` as one article.

    ``wrapped=False`` says each line is a paragraph (Word, RTF); None lets layout repair decide.
    """
    for module in (nexis, factiva):
        if module.looks_like(text):
            articles = module.split(text)
            yield from documents_from_export(
                text, articles, path=path, fmt=module.FORMAT, options=options, wrapped=wrapped
            )
            return
    yield document_from_text(text, path=path, fmt=fmt, options=options, wrapped=wrapped)
