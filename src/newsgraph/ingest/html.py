"""HTML pages through trafilatura: main text plus title, date, author, url and site.

Extraction runs under ``isolate.run_limited`` (a child process killed at
``ReadOptions.time_limit``, E017), and files above ``ReadOptions.html_max_bytes``
are refused before parsing (E012): lxml builds a tree of roughly ten times the
page's size and trafilatura walks it several times (27 MB of HTML took 48 s and
840 MB here).  libxml2 stops at 256 levels of nesting; a page nested deeper is
refused with E018 rather than reported as having no text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .document import Document
from .isolate import Deadline, run_limited

if TYPE_CHECKING:
    from .readers import ReadOptions

__all__ = ["read_html", "extract_html"]

# Fewer words than this is navigation or a cookie banner, not an article.
MIN_WORDS = 5
HTML_MAX_DEPTH = 256  # libxml2's limit without XML_PARSE_HUGE


def extract_html(data: bytes, path: str, deadline: Deadline | None = None) -> dict:
    """trafilatura's JSON metadata and text for ``data``; InputError E008/E013/E018."""
    from .readers import PARSER_ERRORS

    try:
        import trafilatura
    except ImportError as err:  # e.g. lxml without its html-clean extra
        raise InputError("E013", path=path, detail=f"HTML support unavailable: {err}") from None
    from lxml.etree import LxmlError

    try:
        found = trafilatura.extract(data, output_format="json", with_metadata=True, include_comments=False)
    except (LxmlError, *PARSER_ERRORS) as err:
        raise InputError("E018", path=path, detail=_detail(err)) from None
    meta = json.loads(found) if found else {}
    text = meta.get("text") or ""
    if len(text.split()) < MIN_WORDS:
        if _too_deep(data):
            raise InputError("E018", path=path, detail=f"nested deeper than {HTML_MAX_DEPTH} levels")
        raise InputError("E008", path=path)
    return meta


def _too_deep(data: bytes) -> bool:
    """Did libxml2 give up on the page's nesting?  (Only asked when no text was found.)"""
    from lxml import etree

    parser = etree.HTMLParser(recover=True)
    try:
        etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError):
        pass
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def _detail(err: Exception) -> str:
    text = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def read_html(path: Path, options: "ReadOptions") -> Document:
    from .readers import document_from_text, iso_date, read_limited

    data = read_limited(path, options.html_max_bytes)
    if not data.strip():
        raise InputError("E003", path=str(path))
    meta = run_limited(
        extract_html,
        (data, str(path)),
        path=str(path),
        fmt="html",
        time_limit=options.time_limit,
        memory_limit_mb=options.memory_limit_mb,
        isolate=options.isolate,
    )
    # trafilatura puts one paragraph per line: never treat them as wrapped lines.
    return document_from_text(
        meta.get("text") or "",
        path=str(path),
        fmt="html",
        options=options,
        title=_str(meta.get("title")),
        wrapped=False,
        published=iso_date(meta.get("date")),
        author=_str(meta.get("author")),
        url=_str(meta.get("source")) or _str(meta.get("url")),
        source=_str(meta.get("source-hostname")) or _str(meta.get("sitename")) or _str(meta.get("hostname")),
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
