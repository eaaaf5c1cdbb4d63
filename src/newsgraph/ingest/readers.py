"""Read articles from files, folders and stdin into ``Document`` objects.

``iter_documents`` is what batch code wants: it yields an ``InputError`` for a
bad file (or a bad JSONL line) and carries on with the rest.  ``read_path`` is
the strict variant for one path: it raises the first ``InputError``.

Every format ends in the same place: the source text (decoded file, PDF text
layer, HTML main text, JSONL ``text`` field) goes through ftfy and then
``repair_text``, and the two offset maps are composed so that
``Document.offsets`` points into ``Document.source_text``.
"""

from __future__ import annotations

import datetime as dt
import json
import stat
import struct
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Span
from .decoding import decode_bytes, fix_mojibake
from .document import Document
from .repair import RepairOptions, repair_text

__all__ = [
    "ReadOptions",
    "read_path",
    "iter_documents",
    "iter_files",
    "document_from_text",
    "iso_date",
    "SUFFIXES",
    "PARSER_ERRORS",
    "read_limited",
]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".html", ".htm", ".jsonl"}
# A folder walk takes only these: a README.md or notes.md beside the articles is
# documentation, not news.  Named explicitly, any of SUFFIXES is read.
WALK_SUFFIXES = SUFFIXES - {".md", ""}


@dataclass
class ReadOptions:
    """Limits and switches for reading.  The defaults are listed in docs/reliability.md."""

    max_bytes: int = 50 * 1024 * 1024  # larger files are refused (E012)
    html_max_bytes: int = 10 * 1024 * 1024  # larger HTML files are refused (E012): lxml needs ~30x in memory
    pdf_max_pages: int = 2000  # PDFs with more pages are refused (E021)
    time_limit: float | None = 60.0  # seconds per PDF or HTML file (E017); None: no limit
    memory_limit_mb: int | None = 2048  # address space of the PDF/HTML extractor process (E019)
    isolate: bool = True  # extract PDF and HTML in a child process (see ingest/isolate.py)
    follow_symlinks: bool = False  # follow symlinked folders (loops are detected: E016)
    fix_mojibake: bool = True  # run ftfy on the source text
    repair: RepairOptions | None = None  # layout repair for txt, PDF and JSONL text


def iter_documents(
    paths: Iterable[str | Path], options: ReadOptions | None = None
) -> Iterator[Document | InputError]:
    """Documents from files, folders (recursively, sorted) and ``-`` (stdin).

    Per-file problems are yielded as ``InputError`` objects, never raised.
    """
    options = options or ReadOptions()
    for path in paths:
        if str(path) == "-":
            yield from _guard("<stdin>", lambda: _read_stdin(options))
            continue
        for item in iter_files([path], options):
            if isinstance(item, InputError):
                yield item
            else:
                yield from _guard(str(item), lambda item=item: _read_file(item, options))


def iter_files(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Path | InputError]:
    """The files ``iter_documents`` would read (folders walked, sorted), or why a path gives none."""
    options = options or ReadOptions()
    for path in map(Path, paths):
        if path.is_symlink() and not path.exists():
            yield InputError("E013", path=str(path), detail=_DANGLING)
        elif not path.exists():
            yield InputError("E001", path=str(path))
        elif path.is_dir():
            found = False
            for item in _walk(path, options.follow_symlinks):
                found = found or not isinstance(item, InputError)
                yield item
            if not found:
                yield InputError("E002", path=str(path))
        elif path.suffix.lower() not in SUFFIXES:
            yield InputError("E011", path=str(path), suffix=path.suffix)
        else:
            yield path


def read_path(path: str | Path, options: ReadOptions | None = None) -> Iterator[Document]:
    """Documents from one file or folder; raises the first ``InputError`` met."""
    for item in iter_documents([path], options):
        if isinstance(item, InputError):
            raise item
        yield item


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
    """Clean ``source_text`` (ftfy, then layout repair) into a Document mapped back to it."""
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
        removed = [Span(*fix_map.span_to_source(s.start, s.end), s.text) for s in removed]
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


# -- walking ---------------------------------------------------------------


def _walk(root: Path, follow: bool) -> Iterator[Path | InputError]:
    """Supported files under ``root``, sorted, depth first, hidden names skipped.

    Iterative (a stack of folder listings), so a folder nested ten thousand deep
    cannot exhaust Python's recursion limit.  Folders are keyed by (device,
    inode): entering one twice means a symlink loop (E016).  Any OSError on a
    folder or an entry becomes an error for that path and the walk goes on.
    """
    seen: set[tuple[int, int]] = set()
    listing = _list_folder(root, seen)
    if isinstance(listing, InputError):
        yield listing
        return
    stack = [iter(listing)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_link = is_dir and entry.is_symlink()
        except OSError as err:  # e.g. EACCES on stat in a folder we may list but not search
            yield InputError("E013", path=str(entry), detail=err.strerror or str(err))
            continue
        if is_dir:
            if is_link and not follow:
                continue
            sub = _list_folder(entry, seen)
            if isinstance(sub, InputError):
                yield sub
            else:
                stack.append(iter(sub))
        elif entry.suffix.lower() in WALK_SUFFIXES:
            yield entry
        # Unknown suffixes (images, spreadsheets), Markdown and suffix-less files are skipped in walks.


def _list_folder(folder: Path, seen: set[tuple[int, int]]) -> list[Path] | InputError:
    try:
        st = folder.stat()
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return InputError("E016", path=str(folder), detail="folder already visited (symlink loop)")
        seen.add(key)
        return sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        return InputError("E016", path=str(folder), detail=err.strerror or str(err))


def _guard(path: str, read) -> Iterator[Document | InputError]:
    """Run a reader, turning its InputErrors and OS errors into yielded errors."""
    try:
        yield from read()
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError("E013", path=path, detail=err.strerror or str(err))


# -- formats ---------------------------------------------------------------


_DANGLING = "dangling symlink (its target does not exist)"
_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; E012 / E013 otherwise.

    A FIFO, socket or device named like an article is refused without opening
    it (opening a FIFO blocks until a writer comes; /dev/zero never ends).  The
    read itself is bounded too, since a file may grow after stat() or report a
    size of 0 (files under /proc).
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError("E013", path=str(path), detail=_DANGLING) from None
        raise
    if not stat.S_ISREG(st.st_mode):
        kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")
        raise InputError("E013", path=str(path), detail=f"{kind}, not a regular file")
    if st.st_size > max_bytes:
        raise InputError("E012", path=str(path), limit=max_bytes)
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("E012", path=str(path), limit=max_bytes)
    return data


def _read_file(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .pdf import read_pdf

        yield read_pdf(path, options)
    elif suffix in (".html", ".htm"):
        from .html import read_html

        yield read_html(path, options)
    elif suffix == ".jsonl":
        yield from _read_jsonl(path, options)
    else:
        text = decode_bytes(read_limited(path, options.max_bytes), str(path))
        yield document_from_text(text, path=str(path), fmt="txt", options=options)


def _read_stdin(options: ReadOptions) -> Iterator[Document]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        data = stream.read(options.max_bytes + 1)
    else:
        data = sys.stdin.read(options.max_bytes + 1).encode("utf-8")
    if len(data) > options.max_bytes:
        raise InputError("E012", path="<stdin>", limit=options.max_bytes)
    text = decode_bytes(data, "<stdin>")
    yield document_from_text(text, path="<stdin>", fmt="stdin", options=options)


def _read_jsonl(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    text = decode_bytes(read_limited(path, options.max_bytes), str(path))
    records = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        records += 1
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError("E009", path=where, line=lineno, detail=err.msg)
            continue
        except ValueError as err:  # e.g. an integer longer than Python's 4300-digit limit
            yield InputError("E009", path=where, line=lineno, detail=str(err).split(";")[0][:120])
            continue
        except RecursionError:
            yield InputError("E009", path=where, line=lineno, detail="nested too deeply")
            continue
        if not isinstance(record, dict):
            yield InputError("E009", path=where, line=lineno, detail="not a JSON object")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError("E010", path=where, line=lineno)
            continue
        yield document_from_text(
            body,
            path=where,
            fmt="jsonl",
            options=options,
            title=_str_or_none(record.get("title")),
            published=iso_date(record.get("published") or record.get("date")),
            url=_str_or_none(record.get("url")),
            source=_str_or_none(record.get("source")),
            author=_str_or_none(record.get("author")),
        )
    if not records:
        raise InputError("E003", path=str(path))


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


_DATE_FORMATS = ("%d-%b-%Y %H:%M:%S.%f", "%d-%b-%Y", "%d %B %Y", "%B %d, %Y", "%Y/%m/%d")


def iso_date(value: object) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from the usual spellings, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


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
