"""What every format reader shares: options, limits, and the path from source text to Document.

Every format ends in the same place: the source text (decoded file, PDF text
layer, HTML main text, JSONL ``text`` field) goes through ftfy and then
``repair_text``, and the two offset maps are composed so that
``Document.offsets`` points into ``Document.source_text``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import os
import re
import stat
import struct
import zlib
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document, OffsetMap, Span
from ..model.dateline import dateline_place
from .decoding import fix_mojibake
from .metadata import Manifest, Metadata
from .repair import RepairOptions, repair_text

__all__ = [
    "ReadOptions",
    "document_from_text",
    "document_from_parts",
    "read_limited",
    "check_file_size",
    "check_word_count",
    "iso_date",
    "text_or_none",
    "error_detail",
    "PARSER_ERRORS",
    "DANGLING_LINK",
    "storable_text",
    "display_path",
]


@dataclass
class ReadOptions:
    """Limits and switches for reading.  The defaults are listed in docs/reliability.md."""

    max_bytes: int = 50 * 1024 * 1024  # larger files are refused (E012)
    html_max_bytes: int = 10 * 1024 * 1024  # larger HTML files are refused (E012): lxml needs ~30x in memory
    unpacked_max_bytes: int = 100 * 1024 * 1024  # .docx/.odt whose parts unpack to more are refused (E026)
    pdf_max_pages: int = 2000  # PDFs with more pages are refused (E021)
    max_words: int = 100_000  # longer texts are refused (E022): analysis time grows with length
    time_limit: float | None = 60.0  # seconds per PDF or HTML file (E017); None: no limit
    memory_limit_mb: int | None = 2048  # address space of the PDF/HTML extractor process (E019)
    isolate: bool = True  # extract PDF and HTML in a child process (see readers/isolate.py)
    follow_symlinks: bool = False  # follow symlinked folders (loops are detected: E016)
    fix_mojibake: bool = True  # run ftfy on the source text
    repair: RepairOptions | None = None  # layout repair for txt, PDF and JSONL text
    manifest: Manifest | None = None  # metadata by file (--manifest): beats what a file says
    defaults: Metadata | None = None  # metadata for the batch (--published ...): fills what a file does not say


def document_from_text(
    source_text: str,
    *,
    path: str | None,
    fmt: str,
    options: ReadOptions,
    title: str | None = None,
    wrapped: bool | None = None,
    **meta: Any,
) -> Document:
    """Clean ``source_text`` (ftfy, then layout repair) into a Document mapped back to it.

    A text of more than ``options.max_words`` words is refused (E022) before any
    work is done on it: this is what bounds the time and memory of its analysis.
    """
    check_word_count(source_text, path, options.max_words)
    fixed, fix_map = fix_mojibake(source_text) if options.fix_mojibake else (source_text, None)
    repair_options = options.repair or RepairOptions()
    if title is not None:  # a known title: only it may become the title paragraph
        repair_options = replace(repair_options, title_hint=title)
    if wrapped is not None:
        repair_options = replace(repair_options, wrapped=wrapped)
    repaired = repair_text(fixed, repair_options)
    offsets, removed = repaired.offsets, repaired.removed
    if fix_map is not None:
        offsets = offsets.compose(fix_map)
        # The text as the source has it (ftfy may have changed it: "ﬁ" -> "fi"), so span and text agree.
        spans = [fix_map.span_to_source(s.start, s.end) for s in removed]
        removed = [Span(start, end, source_text[start:end]) for start, end in spans]
    meta.setdefault("dateline", _dateline_of(repaired.text, repaired.paragraphs))
    return Document(
        text=repaired.text,
        source_text=source_text,
        offsets=offsets,
        paragraphs=repaired.paragraphs,
        title=title or repaired.title,
        path=path,
        format=fmt,
        removed=removed,
        **meta,
    )


def document_from_parts(
    source_text: str, parts: list[tuple[int, int]], *, path: str | None, fmt: str, options: ReadOptions, **meta: Any
) -> Document:
    """A Document of some ``(start, end)`` spans of ``source_text`` (a headline and a body,
    without the metadata fields between them), mapped back into ``source_text`` itself.

    The parts are joined by a blank line (inserted characters, mapped to the next
    part) and cleaned as :func:`document_from_text` cleans any text.
    """
    pieces: list[str] = []
    runs: list[tuple[int, int, int]] = []
    length = 0
    for start, end in parts:
        if pieces:
            pieces.append("\n\n")
            length += 2
        runs.append((length, start, end - start))
        pieces.append(source_text[start:end])
        length += end - start
    joined = "".join(pieces)
    parts_map = OffsetMap(runs, len(joined), len(source_text))
    document = document_from_text(joined, path=path, fmt=fmt, options=options, **meta)
    removed = [Span(*parts_map.span_to_source(s.start, s.end), s.text) for s in document.removed]
    return replace(document, source_text=source_text, offsets=document.offsets.compose(parts_map), removed=removed)


_DATELINE_PARAGRAPHS = 3  # a dateline opens the story: the first body paragraphs only


def _dateline_of(text: str, paragraphs: list) -> str | None:
    body = [p for p in paragraphs if p.kind != "title"][:_DATELINE_PARAGRAPHS]
    return next(filter(None, (dateline_place(text[p.start : p.end]) for p in body)), None)


_WORD = re.compile(r"\S+")


def check_word_count(text: str, path: str | None, max_words: int) -> None:
    """E022 if ``text`` has more than ``max_words`` words; stops counting at the limit."""
    if len(text) <= max_words:  # cannot hold more words than characters
        return
    if sum(1 for _ in islice(_WORD.finditer(text), max_words + 1)) > max_words:
        raise InputError("E022", path=path, limit=f"{max_words:,}")


DANGLING_LINK = "dangling symlink (its target does not exist)"
_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


def check_file_size(path: Path, max_bytes: int) -> None:
    """E013 unless ``path`` is a regular file; E012 if it is larger than ``max_bytes``.

    For readers that open the file themselves (PDF); ``read_limited`` starts with it.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError("E013", path=str(path), detail=DANGLING_LINK) from None
        raise
    if not stat.S_ISREG(st.st_mode):
        kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")
        raise InputError("E013", path=str(path), detail=f"{kind}, not a regular file")
    if st.st_size > max_bytes:
        raise InputError("E012", path=str(path), limit=max_bytes)


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; E012 / E013 otherwise.

    A FIFO, socket or device named like an article is refused without opening
    it (opening a FIFO blocks until a writer comes; /dev/zero never ends).  The
    read itself is bounded too, since a file may grow after stat() or report a
    size of 0 (files under /proc).
    """
    check_file_size(path, max_bytes)
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("E012", path=str(path), limit=max_bytes)
    return data


# A lone surrogate is the one thing a Python str can hold that UTF-8 cannot encode:
# SQLite, the terminal and json.dumps(ensure_ascii=False) all refuse it.  JSON may
# spell one ("\ud800"), and a file name's non-UTF-8 bytes arrive as U+DC80-U+DCFF
# (surrogateescape).
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD, one character for one,
    so offsets into it stay valid."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name as text UTF-8 can hold: bytes that are not UTF-8 are shown as ``\\xNN``.

    The ``Path`` itself keeps the bytes (surrogateescape), so the file still opens;
    this is the name that is stored, printed and written to JSON.
    """
    text = os.fspath(path)
    if not _SURROGATE.search(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no byte stands for: nothing to show but U+FFFD
        return storable_text(text)
    return raw.decode("utf-8", "backslashreplace")


def text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


_DATE_FORMATS = ("%d-%b-%Y %H:%M:%S.%f", "%d-%b-%Y", "%d %B %Y", "%B %d, %Y", "%Y/%m/%d")


def iso_date(value: object) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from the usual spellings, or None.

    ISO 8601 (Atom, JSON feeds, HTML meta tags), RFC 2822 (RSS ``pubDate``,
    e-mail ``Date:``) and a few spelled-out forms.  The date is the one written,
    in the writer's own time zone.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except ValueError:  # not RFC 2822, or a date that does not exist
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def error_detail(err: Exception) -> str:
    """A third-party parser's exception as one short line for an E-code's detail."""
    text = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    return text if len(text) <= 200 else text[:199] + "…"


# What third-party parsers (pdfminer, lxml via trafilatura) raise on malformed
# input besides their own exception classes.  Listed, not a bare ``except``, so
# programming errors in our own code still surface.
PARSER_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    AssertionError,
    struct.error,
    zlib.error,
    RecursionError,
)
