"""How many articles a file will give, cheaply: a progress bar's total, not a promise.

A Nexis or Factiva export holds hundreds of articles in one file, so "one per
file" makes the bar of an ingest of exports end long before the ingest does.
Counting reads the file in bounded chunks (never more than the reader's own
size limit) and counts the lines that open or close an article, with the same
patterns the readers split on: ``N of M DOCUMENTS`` and ``End of Document``
(Nexis; in a Nexis HTML export, as an element's whole text), ``HD`` field lines (Factiva text) or ``HD`` field cells (Factiva HTML).
A Word export is counted on the paragraphs of ``word/document.xml``, read under
the unpacked-size limit.  Nothing is decoded properly or parsed: the markers are
ASCII, so Latin-1 reads any ASCII-compatible encoding well enough.  RTF, ODT and
PDF files count as one.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from . import factiva, nexis
from .base import ReadOptions

__all__ = ["count_articles"]

CHUNK = 1 << 20
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", "", ".html", ".htm"})
# <b>HD</b>: one per article of a Factiva HTML export (sniff.FACTIVA_FIELDS tells such a page by these cells).
_FACTIVA_HEADLINE_CELL = re.compile(r"<b>\s*HD\s*(?:&nbsp;)?\s*</b>", re.IGNORECASE)
_LINE_END = re.compile(
    r"</w:p>|<w:br\b[^>]*/>|<w:cr\b[^>]*/>"
)  # paragraph ends and line breaks, as python-docx reads them
_TAG = re.compile(r"<[^>]*>")
# The same markers as an HTML element's whole text (a Nexis HTML export: sniff.NEXIS_HTML).
_HTML_CLASSIC_HEADER = re.compile(r">\s*\d+ of \d+ DOCUMENTS?\s*<")
_HTML_UNI_END = re.compile(r">\s*End of Document\s*<")


def count_articles(path: Path, options: ReadOptions | None = None) -> int:
    """The number of articles ``path`` holds if it is an export, else 1 (also when it cannot be read:
    the reader will name the problem)."""
    options = options or ReadOptions()
    suffix = path.suffix.lower()
    try:
        if suffix in _TEXT_SUFFIXES:
            return max(_count_in(_text_chunks(path, options.max_bytes)), 1)
        if suffix == ".docx":
            return max(_count_in(_docx_chunks(path, options.unpacked_max_bytes)), 1)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, EOFError):
        pass  # counted as one; reading it will give its error
    return 1


def _count_in(chunks: Iterator[str]) -> int:
    classic = uni = html_classic = html_uni = headlines = cells = 0
    for chunk in chunks:
        html_classic += len(_HTML_CLASSIC_HEADER.findall(chunk))
        html_uni += len(_HTML_UNI_END.findall(chunk))
        found_classic, found_uni = nexis.count_markers(chunk)
        classic += found_classic
        uni += found_uni
        headlines += factiva.count_headlines(chunk)
        cells += len(_FACTIVA_HEADLINE_CELL.findall(chunk))
    # In the order the readers try them: a Nexis export first (text, then HTML), then Factiva's HTML, then its text.
    return classic or uni or html_classic or html_uni or cells or headlines


def _text_chunks(path: Path, max_bytes: int) -> Iterator[str]:
    """The file's text in chunks that end at a line end (so no marker line is cut in two), at most
    ``max_bytes`` in all."""
    left = max_bytes
    carry = b""
    with path.open("rb") as fh:
        while left > 0:
            data = fh.read(min(CHUNK, left))
            if not data:
                break
            left -= len(data)
            data = carry + data
            cut = data.rfind(b"\n") + 1
            if cut == 0 and len(data) < 4 * CHUNK:  # no line end yet: wait for more (a bounded wait)
                carry = data
                continue
            cut = cut or len(data)
            carry = data[cut:]
            yield data[:cut].decode("latin-1")
    if carry:
        yield carry.decode("latin-1")


def _docx_chunks(path: Path, unpacked_max_bytes: int) -> Iterator[str]:
    """The body XML of a .docx in chunks, paragraphs turned into lines and tags dropped, at most
    ``unpacked_max_bytes`` inflated (a zip bomb is counted as far as the limit, then refused by its reader)."""
    left = unpacked_max_bytes
    carry = ""
    with zipfile.ZipFile(path) as archive, archive.open("word/document.xml") as part:
        while left > 0:
            data = part.read(min(CHUNK, left))
            if not data:
                break
            left -= len(data)
            xml = carry + data.decode("utf-8", "ignore")  # a character cut at the chunk's end is only lost
            cut = xml.rfind("</w:p>") + len("</w:p>") if "</w:p>" in xml else 0
            carry = xml[cut:][-4 * CHUNK :]
            yield _TAG.sub("", _LINE_END.sub("\n", xml[:cut]))
