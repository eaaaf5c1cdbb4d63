"""Opening store connections, schema creation and migration, SQLite error mapping.

Both the writer (``Store``) and the reader (``Database``) come through here so
pragmas, version checks and error codes are the same everywhere.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from ..errors import StoreError

__all__ = [
    "APPLICATION_ID",
    "LATEST_SCHEMA_VERSION",
    "connect_reader",
    "connect_writer",
    "map_error",
    "migrations",
    "run_script",
    "schema_version",
    "transaction",
]

# PRAGMA application_id of every newsgraph store ('NGst'); schema.sql sets it.
APPLICATION_ID = 0x4E477374
BUSY_TIMEOUT_MS = 5000

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

# Primary SQLite result codes (exception.sqlite_errorcode & 0xFF).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_CANTOPEN, _SQLITE_FULL, _SQLITE_NOTADB = 14, 13, 26


def _package_file(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def migrations() -> list[tuple[int, str, str]]:
    """``(version, filename, sql)`` for every migration, in order.

    ``NNNN_name.sql`` takes a database from version NNNN-1 to NNNN.
    """
    found = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"store migrations must be numbered 0001.. without gaps, got {versions}")
    return found


LATEST_SCHEMA_VERSION = len(migrations())


def map_error(exc: BaseException, path: str | Path | None) -> BaseException:
    """The StoreError a sqlite3 error stands for, or ``exc`` itself when it is
    not an environment problem (a constraint failure, a bug) and must surface as is."""
    if not isinstance(exc, sqlite3.Error):
        return exc
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    message = str(exc)
    lowered = message.lower()
    where = str(path) if path is not None else None
    if code == _SQLITE_READONLY or "readonly" in lowered or "read-only" in lowered:
        return StoreError("E101", where, detail=message)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in lowered:
        return StoreError("E102", where, detail=message)
    if code == _SQLITE_FULL or "disk is full" in lowered:
        return StoreError("E103", where, detail=message)
    if code == _SQLITE_CANTOPEN or "unable to open" in lowered:
        # SQLite says only "unable to open database file".  On a read-only file
        # system (or folder) that is a read-only database, not a foreign file:
        # a WAL store needs its -wal and -shm files beside it, even to be read.
        why = _unwritable(path)
        if why:
            return StoreError("E101", where, detail=f"{message} ({why})")
        if _disk_full(path):
            return StoreError("E103", where, detail=message)
    if code in (_SQLITE_NOTADB, _SQLITE_CANTOPEN) or "not a database" in lowered:
        return StoreError("E104", where, detail=message)
    return exc


def _unwritable(path: str | Path | None) -> str | None:
    """Why the store at ``path`` cannot be written, if the file system says so."""
    if path is None or str(path).startswith("file:") or str(path) == ":memory:":
        return None
    folder = Path(path).resolve().parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "the file system is mounted read-only"
    except OSError:
        return None
    if folder.exists() and not os.access(folder, os.W_OK):
        return "the folder is not writable"
    return None


def _disk_full(path: str | Path | None) -> bool:
    if path is None or str(path).startswith("file:") or str(path) == ":memory:":
        return False
    try:
        st = os.statvfs(Path(path).resolve().parent)
    except OSError:
        return False
    return st.f_bavail == 0


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")


@contextmanager
def _closed_on_error(conn: sqlite3.Connection, path: str | Path) -> Iterator[None]:
    """Set-up of a new connection: on any error close it, and raise the error as a StoreError where it is one."""
    try:
        yield
    except BaseException as exc:
        conn.close()
        mapped = map_error(exc, path)
        if mapped is exc:
            raise
        raise mapped from exc


def connect_writer(path: str | Path, timeout: float | None = None) -> sqlite3.Connection:
    """A read-write connection in autocommit mode (we issue BEGIN IMMEDIATE ourselves),
    with WAL, synchronous=NORMAL and foreign keys on; the schema is created or migrated."""
    try:
        # isolation_level=None: the sqlite3 module must not open transactions behind our back.
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise map_error(exc, path) from exc
    with _closed_on_error(conn, path):
        _configure(conn)
        if timeout is not None:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        # WAL lets readers (the web app) run while an ingest writes; NORMAL is
        # durable across application crashes, and only loses the last commits
        # on power loss, never consistency.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        _ensure_schema(conn, path)
    return conn


def connect_reader(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro`` URI) to an existing store at the latest version."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise map_error(exc, path) from exc
    with _closed_on_error(conn, path):
        _configure(conn)
        conn.execute("PRAGMA query_only = ON")  # belt and braces on top of mode=ro
        version = _check_identity(conn, path)
        if version == 0:
            raise StoreError("E104", str(path), detail="the file holds no newsgraph store yet")
        if version < LATEST_SCHEMA_VERSION:
            raise StoreError(
                "E104",
                str(path),
                detail=f"schema version {version} predates this newsgraph ({LATEST_SCHEMA_VERSION}); "
                "open it once for writing (ingest) to migrate it",
            )
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _check_identity(conn: sqlite3.Connection, path: str | Path) -> int:
    """The schema version; 0 means an empty file.  Raises E104 / E105."""
    version = schema_version(conn)  # raises "file is not a database" for non-SQLite files
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id == 0 and version == 0:
        has_objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if has_objects:
            raise StoreError("E104", str(path), detail="an SQLite database of some other program")
        return 0
    if app_id != APPLICATION_ID:
        raise StoreError("E104", str(path), detail=f"SQLite application id {app_id:#x} is not newsgraph's")
    if version > LATEST_SCHEMA_VERSION:
        raise StoreError("E105", str(path), found=version, supported=LATEST_SCHEMA_VERSION)
    return version


def _ensure_schema(conn: sqlite3.Connection, path: str | Path) -> None:
    if _check_identity(conn, path) == LATEST_SCHEMA_VERSION:
        return
    with transaction(conn, path):
        # Re-read under the write lock: another process may have created or
        # migrated the file between our first look and BEGIN IMMEDIATE.
        version = _check_identity(conn, path)
        if version == 0:
            run_script(conn, _package_file("schema.sql"))
        else:
            for number, _name, sql in migrations():
                if number > version:
                    run_script(conn, sql)
                    conn.execute(f"PRAGMA user_version = {number}")
        if schema_version(conn) != LATEST_SCHEMA_VERSION:
            raise RuntimeError("schema.sql does not set PRAGMA user_version to the latest migration")


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Execute a multi-statement SQL script inside the current transaction.

    ``executescript`` cannot be used: it COMMITs first.  Statements are split at
    line ends where ``sqlite3.complete_statement`` says one is complete (which
    understands CREATE TRIGGER ... BEGIN ...; END;).
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            conn.execute(pending)
            pending = ""
    leftover = "\n".join(ln for ln in pending.splitlines() if not ln.strip().startswith("--"))
    if leftover.strip():
        raise ValueError(f"incomplete SQL statement at the end of a script: {leftover.strip()[:80]!r}")


@contextmanager
def transaction(conn: sqlite3.Connection, path: str | Path | None) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT; on any error ROLLBACK and raise (mapped to StoreError
    when it is a read-only / locked / full / not-a-database problem).

    IMMEDIATE takes the write lock up front, so a busy database fails here, before
    any work, rather than at COMMIT.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise map_error(exc, path) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite may already have rolled back (e.g. after SQLITE_FULL)
        mapped = map_error(exc, path)
        if mapped is exc:
            raise
        raise mapped from exc
