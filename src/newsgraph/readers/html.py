"""HTML pages through trafilatura: main text plus title, date, author, url and site.

Metadata comes from trafilatura's ``with_metadata`` pass: the title, the publication date
(htmldate: ``<meta>`` tags, JSON-LD, ``<time>``, the URL, then the page's text), the author
(meta tags, JSON-LD, byline markup) and the site name (``og:site_name``, else the host name).
Around it, ``webpage.py`` handles the page's furniture: hidden elements, pop-ups, asides and
related-article boxes are pruned from the tree before trafilatura reads it; a byline line
("By Jane Roe"), calls to action, picture credits, copyright and page-metadata lines, and
lines repeating another line (pull-quotes) leave the text and are kept in
``Document.removed`` with their offsets.  A byline's name is the author when the page's
metadata names nobody.  The dateline's place ("KHAN YOUNIS, Gaza") is ``Document.dateline``
(found for every format, in ``base.document_from_text``).

Extraction runs under ``isolate.extract_isolated`` (a child process killed at
``ReadOptions.time_limit``, E017), and files above ``ReadOptions.html_max_bytes``
are refused before parsing (E012): lxml builds a tree of roughly ten times the
page's size and trafilatura walks it several times (27 MB of HTML took 48 s and
840 MB here).  libxml2 stops at 256 levels of nesting; a page nested deeper is
refused with E018 rather than reported as having no text.

trafilatura unpacks gzip- and zlib-compressed input by itself (and brotli and
zstd where those modules are installed), up to 20 MB, whatever our limit: a
74 KB gzip file became 19 MB of HTML and took a minute.  So gzip and zlib are
unpacked here, with ``html_max_bytes`` applied to the unpacked size (E023), and
what reaches trafilatura is text it decoded with the same cap, so no other
compression can unpack past the limit either.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .base import PARSER_ERRORS, ReadOptions, document_from_text, error_detail, iso_date, read_limited, text_or_none
from .isolate import Deadline, extract_isolated
from .repair import RepairOptions
from .webpage import byline_author, furniture_lines, home_link_titles, prune_page

__all__ = ["read_html", "extract_html"]

# Fewer words than this is navigation or a cookie banner, not an article.
MIN_WORDS = 5
HTML_MAX_DEPTH = 256  # libxml2's limit without XML_PARSE_HUGE


GZIP_MAGIC = b"\x1f\x8b"
MAX_GZIP_MEMBERS = 100


def unpack_compressed(data: bytes, limit: int, path: str) -> bytes:
    """``data`` unpacked if it is gzip or zlib, reading at most ``limit`` bytes of output.

    E023 if it unpacks to more than ``limit`` bytes, E018 if the stream is corrupt.
    Uncompressed data comes back as it is.
    """
    if data[:2] == GZIP_MAGIC:
        kind, wbits = "gzip", 16 + zlib.MAX_WBITS
    elif len(data) > 1 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0:  # RFC 1950 header
        kind, wbits = "zlib", zlib.MAX_WBITS
    else:
        return data
    out = bytearray()
    rest = data
    try:
        for _ in range(MAX_GZIP_MEMBERS):  # gzip files may be several members end to end
            unpacker = zlib.decompressobj(wbits)
            # One call with an output cap and no flush(): the input left over stays packed.
            out += unpacker.decompress(rest, limit + 1 - len(out))
            if len(out) > limit:
                raise InputError("E023", path=path, kind=kind, limit=limit)
            if not unpacker.eof:
                raise InputError("E018", path=path, detail=f"{kind} stream is cut short")
            rest = unpacker.unused_data.lstrip(b"\0")
            if not rest or kind == "zlib":
                return bytes(out)
    except zlib.error as err:
        if kind == "zlib" and not out:  # the two header bytes were a coincidence: plain data
            return data
        raise InputError("E018", path=path, detail=f"corrupt {kind} stream ({err})") from None
    raise InputError("E018", path=path, detail=f"more than {MAX_GZIP_MEMBERS} gzip members")


def extract_html(data: bytes, path: str, max_bytes: int | None = None, deadline: Deadline | None = None) -> dict:
    """trafilatura's JSON metadata and text for ``data``; InputError E008/E013/E018.

    ``max_bytes`` caps any unpacking trafilatura does while decoding ``data``.
    """
    try:
        import trafilatura
        from trafilatura.utils import decode_file, load_html
    except ImportError as err:  # e.g. lxml without its html-clean extra
        raise InputError("E013", path=path, detail=f"HTML support unavailable: {err}") from None
    from lxml.etree import LxmlError

    try:
        # Decoded here with our cap; trafilatura never unpacks a str again.
        page = decode_file(data, max_bytes)
        tree = load_html(page)
        titles = home_link_titles(tree) if tree is not None else []  # before trafilatura edits the tree
        if tree is not None:  # hidden elements and pop-ups out, for trafilatura's fallbacks too
            prune_page(tree)
        found = trafilatura.extract(
            tree if tree is not None else page, output_format="json", with_metadata=True, include_comments=False
        )
    except (LxmlError, *PARSER_ERRORS) as err:
        raise InputError("E018", path=path, detail=error_detail(err)) from None
    meta = json.loads(found) if found else {}
    meta["home_link_titles"] = titles
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


def read_html(path: Path, options: ReadOptions) -> Iterator[Document]:
    data = unpack_compressed(read_limited(path, options.html_max_bytes), options.html_max_bytes, str(path))
    if not data.strip():
        raise InputError("E003", path=str(path))
    meta = extract_isolated(
        extract_html, (data, str(path), options.html_max_bytes), path=str(path), fmt="html", options=options
    )
    text = meta.get("text") or ""
    # Bylines and calls to action leave the text (kept in Document.removed): see webpage.py.
    repair = replace(options.repair or RepairOptions(), drop_lines=furniture_lines)
    # trafilatura puts one paragraph per line: never treat them as wrapped lines.
    document = document_from_text(
        text,
        path=str(path),
        fmt="html",
        options=replace(options, repair=repair),
        title=text_or_none(meta.get("title")),
        wrapped=False,
        published=iso_date(meta.get("date")),
        author=text_or_none(meta.get("author")),
        url=text_or_none(meta.get("source")) or text_or_none(meta.get("url")),
        source=text_or_none(meta.get("source-hostname"))
        or text_or_none(meta.get("sitename"))
        or text_or_none(meta.get("hostname")),
    )
    if meta.get("home_link_titles"):  # what the site calls itself: the linker reads its home country
        document.extra["home_link_titles"] = " | ".join(meta["home_link_titles"])
    if document.author is None:  # the page's metadata names nobody: the byline in its text may
        document.author = next(filter(None, (byline_author(span.text) for span in document.removed)), None)
    yield document
