"""Where an export may go, and writing it there atomically.

An export never destroys data: it refuses to write over the store it reads (or
that store's ``-wal``/``-shm``/``-journal`` files), over any SQLite database, and
over an existing file or a non-empty folder unless ``force`` is given.  What it
writes goes to a temporary name beside the target and is renamed into place
when complete, so a kill during an export leaves the old file or the new one,
never a truncated one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import OutputError
from ..readers.base import display_path

__all__ = ["atomic_file", "atomic_folder", "check_file_target", "check_folder_target"]

SQLITE_HEADER = b"SQLite format 3\x00"
# Files SQLite keeps beside a database; overwriting one corrupts or loses commits.
_STORE_COMPANIONS = ("", "-wal", "-shm", "-journal")
PARTIAL_SUFFIX = ".partial"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (or cannot be looked at): then they are not one file
        return False


def _refuse_store_or_database(target: Path, db: Path) -> None:
    """E301 when ``target`` is the store (any path to it: symlink, hard link, ``..``) or one of its
    companion files; E302 when it is any other SQLite database.  Even ``force`` does not override."""
    for suffix in _STORE_COMPANIONS:
        companion = db.with_name(db.name + suffix)
        if _same_file(target, companion) or target.resolve() == companion.resolve():
            what = "the database" if not suffix else f"its {suffix[1:]} file"
            raise OutputError("E301", path=display_path(target), detail=f"{what}, {display_path(db)}")
    if target.is_file():
        with target.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                raise OutputError("E302", path=display_path(target))


def check_file_target(target: Path, db: Path, *, force: bool) -> None:
    """May one export file be written at ``target``?  Raises OutputError if not."""
    _refuse_store_or_database(target, db)
    if target.is_dir():
        raise OutputError("E304", path=display_path(target), detail="it is a folder, and this format writes one file")
    if (target.exists() or target.is_symlink()) and not force:
        raise OutputError("E303", path=display_path(target))


def check_folder_target(target: Path, db: Path, names: Iterable[str], *, force: bool) -> None:
    """May an export folder holding ``names`` be written at ``target``?  Raises OutputError if not."""
    _refuse_store_or_database(target, db)
    if target.exists() and not target.is_dir():
        raise OutputError("E304", path=display_path(target), detail="it is a file, and this format writes a folder")
    if target.is_dir() and any(target.iterdir()):
        if not force:
            raise OutputError("E303", path=display_path(target))
        for name in names:  # the files --force would replace
            _refuse_store_or_database(target / name, db)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _cannot_write(target: Path, exc: OSError) -> OutputError:
    return OutputError("E304", path=display_path(target), detail=exc.strerror or str(exc))


@contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` to write; renamed over ``target`` when the block ends
    without error, removed otherwise."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    partial = Path(name)
    try:
        yield partial
        os.chmod(partial, 0o666 & ~_umask())  # mkstemp makes it 0600; an export is an ordinary file
        _fsync(partial)  # the data is on disk before the name points at it
        os.replace(partial, target)
        _fsync(target.parent)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from exc
        raise


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """A temporary folder beside ``target`` to fill; when the block ends without error it becomes
    ``target`` in one rename, or, when ``target`` is a folder already holding files (``force``),
    each file is renamed into it.  Removed on error."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent))
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    try:
        yield partial
        for item in partial.iterdir():
            os.chmod(item, 0o666 & ~_umask())
            _fsync(item)
        os.chmod(partial, 0o777 & ~_umask())  # mkdtemp makes it 0700
        if target.is_dir() and any(target.iterdir()):
            for item in sorted(partial.iterdir()):
                os.replace(item, target / item.name)  # each file is old or new, never cut short
            _fsync(target)
            partial.rmdir()
        else:
            os.replace(partial, target)  # the folder appears whole (an empty one is replaced)
            _fsync(target.parent)
    except BaseException as exc:
        # Cleaning up must not replace the error that is on its way out.
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from exc
        raise
