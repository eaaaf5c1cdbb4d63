"""What a file's first bytes say it is, whatever its name says.

A PDF or an HTML page saved as ``.txt`` would otherwise become an article of raw
PDF syntax or markup (with ``&gt;`` typed PERSON); a zipped ``.docx`` renamed
``.txt`` would become an article of binary noise.  ``sniff`` looks at the start
of a regular file: PDF and HTML are read as what they are, and known binary
formats are refused (E024) before any reader decodes them.

A Factiva HTML export (a page of article tables whose rows are headed HD, WC,
PD, SN) is told from a web page here too, so it is split into its articles
rather than read as one page; so is a Nexis HTML export (``nexis_html``).
Nexis and Factiva exports in text, Word and RTF
are told by their decoded text (``exports.documents_from_any_text``).
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

__all__ = ["sniff", "Sniffed", "ZIP", "RTF"]

SNIFF_BYTES = 64 * 1024  # a Factiva export's first field rows come after its style sheet
GZIP = "gzip-compressed data"
ZIP = "a ZIP archive (.docx, .xlsx, .epub, .odt or .zip)"
RTF = "an RTF document"

# Magic numbers of formats that are never a news article's text.  Compressed
# data counts too: gzip in an .html file is unpacked by the HTML reader (under
# its size limit), but everywhere else it is refused.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", ZIP),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls)"),
    (b"{\\rtf", RTF),
    (b"\x1f\x8b", GZIP),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf'\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
HTML_START = re.compile(rb"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)", re.IGNORECASE)
BOMS = (b"\xef\xbb\xbf",)
# Factiva's HTML export: each field a table row whose first cell is the code in bold.
FACTIVA_FIELDS = tuple(
    re.compile(rb"<b>\s*%s\s*(?:&nbsp;)?\s*</b>" % code, re.IGNORECASE) for code in (b"HD", b"PD", b"SN")
)

# Nexis's HTML export: a document header ("1 of 250 DOCUMENTS") as an element's whole text, or
# Nexis Uni's "End of Document" closing an article.
NEXIS_HTML = re.compile(rb">\s*(?:\d+ of \d+ DOCUMENTS?|End of Document)\s*<")


class Sniffed:
    """The answer: a format to read the file as (``fmt``), or a binary ``kind`` to refuse."""

    def __init__(self, fmt: str | None = None, kind: str | None = None) -> None:
        self.fmt = fmt
        self.kind = kind

    @property
    def gzip(self) -> bool:
        return self.kind == GZIP


def sniff(path: Path) -> Sniffed | None:
    """What the content of ``path`` is, or None when its start says nothing (or it is not a regular file).

    Only regular files are opened: a FIFO would block, and the readers refuse
    it with their own error.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return None  # the reader meets the same error and names it
    return sniff_bytes(head)


def sniff_bytes(head: bytes) -> Sniffed | None:
    for magic, kind in BINARY_MAGIC:
        if head.startswith(magic):
            return Sniffed(kind=kind)
    start = head
    for bom in BOMS:
        start = start.removeprefix(bom)
    start = start.lstrip()
    if start.startswith(b"%PDF-"):
        return Sniffed(fmt="pdf")
    if HTML_START.match(start) or (start.startswith((b"<?xml", b"<!--")) and HTML_START.search(start)):
        if all(field.search(head) for field in FACTIVA_FIELDS):
            return Sniffed(fmt="factiva-html")
        if NEXIS_HTML.search(head):
            return Sniffed(fmt="nexis-html")
        return Sniffed(fmt="html")
    return None
