"""Read articles from files, folders and stdin into ``Document`` objects.

``iter_documents`` is what batch code wants: it yields an ``InputError`` for a
bad file (or a bad JSONL line) and carries on with the rest.  ``read_path`` is
the strict variant for one path: it raises the first ``InputError``.

``FORMATS`` is the one table of what can be read: a suffix, the format's name,
and the function that reads it.  Adding a format is one module and one row.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from ..errors import InputError
from ..model import Document
from .base import DANGLING_LINK, ReadOptions, display_path, storable_text
from .metadata import with_metadata
from .sniff import RTF, ZIP, sniff

__all__ = ["FORMATS", "SUFFIXES", "iter_documents", "iter_files", "read_path", "storable"]


class Format(NamedTuple):
    name: str
    reader: str  # "module:function" inside newsgraph.readers, imported on first use
    walked: bool = True  # taken from folders; False: read only when named explicitly


FORMATS: dict[str, Format] = {
    ".txt": Format("txt", "text:read_text"),
    ".text": Format("txt", "text:read_text"),
    # A README.md or notes.md beside the articles is documentation, not news:
    # Markdown and suffix-less files are read only when named.
    ".md": Format("txt", "text:read_text", walked=False),
    "": Format("txt", "text:read_text", walked=False),
    ".pdf": Format("pdf", "pdf:read_pdf"),
    ".html": Format("html", "html:read_html"),
    ".htm": Format("html", "html:read_html"),
    ".jsonl": Format("jsonl", "jsonl:read_jsonl"),
    ".docx": Format("docx", "word:read_docx"),
    ".odt": Format("odt", "odt:read_odt"),
    ".rtf": Format("rtf", "rtf:read_rtf"),
}
SUFFIXES = frozenset(FORMATS)


def reader_for(suffix: str) -> Callable[[Path, ReadOptions], Iterator[Document | InputError]]:
    return _reader(FORMATS[suffix].reader)


def _reader(spec: str) -> Callable[[Path, ReadOptions], Iterator[Document | InputError]]:
    module, function = spec.split(":")
    return getattr(importlib.import_module(f"{__package__}.{module}"), function)


def iter_documents(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Document | InputError]:
    """Documents from files, folders (recursively, sorted) and ``-`` (stdin).

    Per-file problems are yielded as ``InputError`` objects, never raised.
    Every string in what is yielded encodes as UTF-8 (see ``storable``).
    """
    for item in _documents(paths, options or ReadOptions()):
        yield storable(item)


def _documents(paths: Iterable[str | Path], options: ReadOptions) -> Iterator[Document | InputError]:
    for path in paths:
        if str(path) == "-":
            from .text import read_stdin

            yield from _guard("<stdin>", lambda: read_stdin(options))
            continue
        for item in iter_files([path], options):
            if isinstance(item, InputError):
                yield item
            else:
                read = _reader_by_content(item)
                if isinstance(read, InputError):
                    yield read
                else:
                    for read_item in _guard(str(item), lambda item=item, read=read: read(item, options)):
                        if isinstance(read_item, Document) and (options.manifest or options.defaults):
                            read_item = with_metadata(read_item, item, options.manifest, options.defaults)
                        yield read_item


# Which reader reads content sniffed as this format; how to name a format to a user.
_READER_OF = {
    "pdf": FORMATS[".pdf"].reader,
    "html": FORMATS[".html"].reader,
    "factiva-html": "factiva:read_factiva_html",
    "nexis-html": "nexis_html:read_nexis_html",
}
_FORMAT_NAMES = {
    "txt": "text",
    "jsonl": "JSONL",
    "pdf": "PDF",
    "html": "HTML",
    "docx": "Word document",
    "odt": "OpenDocument text",
    "rtf": "RTF document",
}
# The binary kinds a format's own reader reads: a .docx is a ZIP archive, an .rtf starts "{\rtf".
_PACKAGED_AS = {"docx": ZIP, "odt": ZIP, "rtf": RTF}


def _reader_by_content(path: Path):
    """The reader for what ``path`` holds: by its suffix, unless its first bytes say otherwise.

    A PDF or HTML page under another suffix is read as what it is, and a Factiva
    HTML export is split into its articles; a known binary format is refused with
    E024 unless the name says that format (ZIP under .docx or .odt, RTF under
    .rtf).  Gzip is left to the HTML reader, which unpacks it under its size limit.
    """
    suffix = path.suffix.lower()
    declared = FORMATS[suffix].name
    found = sniff(path)
    if found is None or found.fmt == declared or (found.gzip and declared == "html"):
        return reader_for(suffix)
    if found.kind is not None and found.kind == _PACKAGED_AS.get(declared):
        return reader_for(suffix)
    if found.kind is not None:
        return InputError("E024", path=str(path), kind=found.kind, fmt=_FORMAT_NAMES[declared])
    return _reader(_READER_OF[found.fmt])


def storable(item: Document | InputError) -> Document | InputError:
    """``item`` with every string made safe for SQLite, the terminal and JSON.

    Lone surrogates (an escaped ``"\\ud800"`` in JSON, say) become U+FFFD, one
    character for one, so offsets stay valid; file names show non-UTF-8 bytes as
    ``\\xNN``.  Without this one such string ends a whole ingest batch with
    UnicodeEncodeError, on every rerun.
    """
    if isinstance(item, InputError):
        details = {k: storable_text(v) if isinstance(v, str) else v for k, v in item.details.items()}
        path = display_path(item.path) if item.path is not None else None
        if path == item.path and details == item.details:
            return item
        return InputError(item.code, path=path, **details)
    changes: dict[str, object] = {}
    for name in (
        "text",
        "source_text",
        "title",
        "published",
        "url",
        "source",
        "author",
        "section",
        "language",
        "dateline",
    ):
        value = getattr(item, name)
        if value is not None and storable_text(value) is not value:
            changes[name] = storable_text(value)
    if item.path is not None and display_path(item.path) != item.path:
        changes["path"] = display_path(item.path)
    if any(storable_text(v) is not v for v in item.extra.values()):
        changes["extra"] = {k: storable_text(v) for k, v in item.extra.items()}
    if any(storable_text(w) is not w for w in item.warnings):
        changes["warnings"] = [storable_text(w) for w in item.warnings]
    if any(storable_text(s.text) is not s.text for s in item.removed):
        changes["removed"] = [dataclasses.replace(s, text=storable_text(s.text)) for s in item.removed]
    return dataclasses.replace(item, **changes) if changes else item


def iter_files(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Path | InputError]:
    """The files ``iter_documents`` would read (folders walked, sorted), or why a path gives none."""
    options = options or ReadOptions()
    for path in map(Path, paths):
        if path.is_symlink() and not path.exists():
            yield InputError("E013", path=str(path), detail=DANGLING_LINK)
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
        elif _walked(entry.suffix.lower()):
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


def _walked(suffix: str) -> bool:
    fmt = FORMATS.get(suffix)
    return fmt is not None and fmt.walked


def _guard(path: str, read) -> Iterator[Document | InputError]:
    """Run a reader, turning its InputErrors and OS errors into yielded errors."""
    try:
        yield from read()
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError("E013", path=path, detail=err.strerror or str(err))
