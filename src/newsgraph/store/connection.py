"""Opening store connections, schema creation and migration, SQLite error mapping.

Both the writer (``Store``) and the reader (``Database``) come through here so
pragmas, version checks and error codes are the same everywhere.
"""

from __future__ import annotations

import os
import re
import shlex
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import StoreError

__all__ = [
    "APPLICATION_ID",
    "LATEST_SCHEMA_VERSION",
    "connect_reader",
    "connect_inspector",
    "connect_writer",
    "detect_version",
    "open_writer",
    "map_error",
    "migrations",
    "run_script",
    "schema_shape",
    "schema_version",
    "truncated_by",
    "transaction",
]

# PRAGMA application_id of every newsgraph store ('NGst'); schema.sql sets it.
APPLICATION_ID = 0x4E477374
BUSY_TIMEOUT_MS = 5000

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

# Primary SQLite result codes (exception.sqlite_errorcode & 0xFF).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_CANTOPEN, _SQLITE_FULL, _SQLITE_NOTADB = 14, 13, 26
_SQLITE_CORRUPT = 11


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
    if code == _SQLITE_CORRUPT or "malformed" in lowered:
        return StoreError("E107", where, detail=message)
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


def _check_location(path: str | Path, writing: bool) -> None:
    """Refuse, before SQLite touches it, a path that cannot hold a store: a device
    (``/dev/null``), folder or FIFO, a folder that does not exist, or a truncated file."""
    if str(path).startswith("file:") or str(path) == ":memory:":
        return
    target = Path(path)
    if target.exists() and not target.is_file():
        raise StoreError("E109", str(path), detail="it is not a regular file")
    if writing and not target.exists():
        folder = target.absolute().parent
        if not folder.is_dir():
            raise StoreError("E109", str(path), detail=f"the folder {folder} does not exist")
    if target.exists():
        shortfall = truncated_by(target)
        if shortfall:
            raise StoreError("E107", str(path), detail=f"the file is {shortfall} bytes shorter than its header says")


def truncated_by(path: Path) -> int:
    """How many bytes the file lacks against the page count in its SQLite header (0: none).

    SQLite itself only notices a truncated file when a query reaches a missing
    page, possibly half-way through a write.  The header's page count is trusted
    only when SQLite marks it valid (offset 92 equals the change counter at 24),
    and only with no WAL beside the file, whose pages are not in the file yet.
    """
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return 0
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return 0  # empty, or not SQLite at all: E104 says so later
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if valid_for != change_counter:
        return 0
    return max(0, page_count * page_size - path.stat().st_size)


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
    return open_writer(path, timeout)[0]


def open_writer(
    path: str | Path, timeout: float | None = None, *, repair_version: bool = False
) -> tuple[sqlite3.Connection, int]:
    """``connect_writer``, also returning the schema version the file had before (0: new).

    An older store is migrated in one transaction, and only when its tables are
    exactly those of the version it records; otherwise E108 and nothing changes.
    With ``repair_version`` (``newsgraph migrate``), a store whose tables are those
    of a known version it does not record (e.g. after ``.dump``/restore, which drops
    ``user_version``) has its record corrected first, in the same transaction.
    """
    _check_location(path, writing=True)
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
        before = _ensure_schema(conn, path, repair_version)
    return conn, before


def connect_reader(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro`` URI) to an existing store at the latest version.

    On read-only media SQLite cannot open a WAL store without its ``-shm`` file
    (it would have to create it).  There the store is opened ``immutable``, which
    needs no ``-shm``; that is sound because nothing can write to the medium, and it
    is refused when a non-empty ``-wal`` beside the file holds commits it would miss.
    """
    _check_location(path, writing=False)
    return _read_only_fallback(path, _open_reader)


def connect_inspector(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to any SQLite file, whatever its version or state, for
    ``newsgraph check``: no identity or version checks, and a truncated file is opened."""
    if Path(path).exists() and not Path(path).is_file():
        raise StoreError("E109", str(path), detail="it is not a regular file")
    return _read_only_fallback(path, _open_inspector)


def _read_only_fallback(path: str | Path, opener) -> sqlite3.Connection:
    try:
        return opener(path, "mode=ro")
    except StoreError as exc:
        if exc.code != "E101" or not _unwritable(path) or _has_wal_content(path):
            raise
    return opener(path, "immutable=1")


def _open_inspector(path: str | Path, mode: str) -> sqlite3.Connection:
    """A read-only connection that only checks the file is SQLite (``check`` and ``migrate`` look further)."""
    conn = _connect_query_only(path, mode)
    with _closed_on_error(conn, path):
        schema_version(conn)  # the first read: fails here on a file that is not SQLite
    return conn


def _connect_query_only(path: str | Path, mode: str) -> sqlite3.Connection:
    uri = Path(path).resolve().as_uri() + "?" + mode
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise map_error(exc, path) from exc
    with _closed_on_error(conn, path):
        _configure(conn)
        conn.execute("PRAGMA query_only = ON")  # belt and braces on top of mode=ro
    return conn


def _has_wal_content(path: str | Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _open_reader(path: str | Path, mode: str) -> sqlite3.Connection:
    conn = _connect_query_only(path, mode)
    with _closed_on_error(conn, path):
        version = _check_identity(conn, path)
        if version == 0:
            raise StoreError("E104", str(path), detail="the file holds no newsgraph store yet")
        if version < LATEST_SCHEMA_VERSION:
            _check_shape(conn, path, version)
            raise StoreError(
                "E108",
                str(path),
                detail=f"version {version} predates this newsgraph ({LATEST_SCHEMA_VERSION}); "
                f"run `newsgraph migrate --db {shlex.quote(str(path))}` first",
            )
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _check_identity(conn: sqlite3.Connection, path: str | Path) -> int:
    """The schema version; 0 means an empty file.  Raises E104 / E105, and E108 for a
    file holding newsgraph tables but recording no version."""
    version = schema_version(conn)  # raises "file is not a database" for non-SQLite files
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if version == 0 and app_id in (0, APPLICATION_ID):
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            _check_shape(conn, path, 0, foreign_if_unknown=app_id == 0)
        return 0
    if app_id != APPLICATION_ID:
        raise StoreError("E104", str(path), detail=f"SQLite application id {app_id:#x} is not newsgraph's")
    if version > LATEST_SCHEMA_VERSION:
        raise StoreError("E105", str(path), found=version, supported=LATEST_SCHEMA_VERSION)
    return version


def _ensure_schema(conn: sqlite3.Connection, path: str | Path, repair_version: bool = False) -> int:
    """Create or migrate the schema; returns the version the file had before (0: new)."""
    if not repair_version and _check_identity(conn, path) == LATEST_SCHEMA_VERSION:
        return LATEST_SCHEMA_VERSION
    with transaction(conn, path):
        # Re-read under the write lock: another process may have created or
        # migrated the file between our first look and BEGIN IMMEDIATE.
        if repair_version:
            recorded = schema_version(conn)
            version = detect_version(conn)
            if version is None:
                _check_shape(conn, path, recorded)  # raises, naming what is wrong
            if version != recorded or conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {version}")
        else:
            version = recorded = _check_identity(conn, path)
            if 0 < version < LATEST_SCHEMA_VERSION:
                _check_shape(conn, path, version)
        if version == 0:
            run_script(conn, _package_file("schema.sql"))
        else:
            for number, _name, sql in migrations():
                if number > version:
                    run_script(conn, sql)
                    conn.execute(f"PRAGMA user_version = {number}")
        if schema_version(conn) != LATEST_SCHEMA_VERSION:
            raise RuntimeError("schema.sql does not set PRAGMA user_version to the latest migration")
    return recorded


# -- which version do the tables belong to? ------------------------------------------


def schema_shape(conn: sqlite3.Connection) -> dict:
    """Tables (columns, types, defaults, keys), indexes and triggers: what a migration changes."""
    shape: dict = {}
    for name, kind in conn.execute("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"):
        if kind == "table":
            columns = conn.execute("SELECT * FROM pragma_table_info(?)", (name,)).fetchall()
            shape[name] = sorted((c[1], c[2].upper(), c[3], c[4], c[5]) for c in columns)
        else:
            shape[name] = kind
    return shape


@cache
def _shapes_by_version() -> tuple[dict, ...]:
    """The shape after each migration, built once in memory: index = version."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        shapes = [schema_shape(conn)]
        for _number, _name, sql in migrations():
            run_script(conn, sql)
            shapes.append(schema_shape(conn))
    finally:
        conn.close()
    return tuple(shapes)


def detect_version(conn: sqlite3.Connection) -> int | None:
    """The schema version whose tables the file holds, whatever it records; None: none."""
    shape = schema_shape(conn)
    for version, expected in enumerate(_shapes_by_version()):
        if shape == expected:
            return version
    return None


def _check_shape(conn: sqlite3.Connection, path: str | Path, recorded: int, foreign_if_unknown: bool = False) -> None:
    """Raise E108 unless the tables are those of the ``recorded`` version.

    Migrating a file whose ``user_version`` lies would fail half-way ("duplicate
    column name") or, worse, succeed on the wrong tables.
    """
    found = detect_version(conn)
    if found == recorded:
        return
    if found is None and foreign_if_unknown:
        raise StoreError("E104", str(path), detail="an SQLite database of some other program")
    db = shlex.quote(str(path))
    if found is None:
        detail = (
            f"is recorded as version {recorded}, but its tables match no newsgraph version "
            f"(changed by hand?); `newsgraph check --db {db}` lists them"
        )
    else:
        detail = (
            f"is recorded as version {recorded}, but its tables are those of version {found}; "
            f"run `newsgraph migrate --db {db}` to correct the record"
        )
    raise StoreError("E108", str(path), detail=detail)


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
