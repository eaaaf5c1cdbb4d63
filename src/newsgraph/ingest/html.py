"""HTML pages through trafilatura: main text plus title, date, author, url and site."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .document import Document

if TYPE_CHECKING:
    from .readers import ReadOptions

__all__ = ["read_html"]

# Fewer words than this is navigation or a cookie banner, not an article.
MIN_WORDS = 5


def read_html(path: Path, options: "ReadOptions") -> Document:
    from .readers import PARSER_ERRORS, document_from_text, iso_date

    try:
        import trafilatura
    except ImportError as err:  # e.g. lxml without its html-clean extra
        raise InputError("E013", path=str(path), detail=f"HTML support unavailable: {err}") from None
    data = path.read_bytes()
    if not data.strip():
        raise InputError("E003", path=str(path))
    try:
        found = trafilatura.extract(
            data, output_format="json", with_metadata=True, include_comments=False
        )
    except PARSER_ERRORS as err:
        raise InputError("E008", path=str(path)) from err
    meta = json.loads(found) if found else {}
    text = meta.get("text") or ""
    if len(text.split()) < MIN_WORDS:
        raise InputError("E008", path=str(path))
    # trafilatura puts one paragraph per line: never treat them as wrapped lines.
    return document_from_text(
        text,
        path=str(path),
        fmt="html",
        options=options,
        title=meta.get("title") or None,
        wrapped=False,
        published=iso_date(meta.get("date")),
        author=meta.get("author") or None,
        url=meta.get("source") or meta.get("url") or None,
        source=meta.get("source-hostname") or meta.get("sitename") or meta.get("hostname") or None,
    )
