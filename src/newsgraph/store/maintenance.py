"""``newsgraph check`` and ``newsgraph migrate``: look after a store file itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from .connection import (
    LATEST_SCHEMA_VERSION,
    connect_inspector,
    detect_version,
    open_writer,
    schema_version,
    truncated_by,
)

__all__ = ["check_store", "migrate_store"]

# What `check` counts, by the name it shows.
COUNTED = {
    "articles": "articles",
    "entities": "corpus_entities",
    "mentions": "mentions",
    "quotes": "quotes",
    "findings": "findings",
    "events": "events",
    "sources": "article_sources",
    "failures": "failures",
    "runs": "ingest_runs",
}
MAX_PROBLEMS = 20  # integrity_check lists at most this many problems


def check_store(path: str | Path) -> dict:
    """Integrity, schema version (recorded, and the one the tables belong to) and counts.

    Opens the file read-only (``immutable`` on read-only media), so it works on
    stores other commands refuse: damaged, older, or with a wrong version record.
    ``ok`` is true when the store is sound and usable as is.
    """
    path = Path(path)
    if not path.exists():
        raise StoreError("E001", str(path))
    problems: list[str] = []
    shortfall = truncated_by(path) if path.is_file() else 0
    if shortfall:
        problems.append(f"the file is {shortfall} bytes shorter than its header says (truncated)")
    try:
        conn = connect_inspector(path)
    except StoreError as exc:
        if exc.code != "E107":
            raise
        problems.append(exc.details["detail"])
        return _report(path, problems, None, None, {})
    try:
        recorded = schema_version(conn)
        try:
            problems += [
                row[0] for row in conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})").fetchall() if row[0] != "ok"
            ]
            tables_version = detect_version(conn)
        except sqlite3.DatabaseError as exc:
            problems.append(str(exc))
            tables_version = None
        counts = {}
        for name, table in COUNTED.items():
            try:
                counts[name] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # names from COUNTED
            except sqlite3.DatabaseError as exc:
                counts[name] = None
                if "no such table" not in str(exc):
                    problems.append(f"{table}: {exc}")
    finally:
        conn.close()
    return _report(path, problems, recorded, tables_version, counts)


def _report(path: Path, problems: list[str], recorded: int | None, tables_version: int | None, counts: dict) -> dict:
    if tables_version is None and not problems:
        problems.append("the tables match no newsgraph schema version")
    return {
        "path": str(path),
        "integrity": problems or ["ok"],
        "schema_version": recorded,
        "tables_version": tables_version,
        "latest_version": LATEST_SCHEMA_VERSION,
        "needs_migrate": tables_version is not None and (tables_version, recorded) != (LATEST_SCHEMA_VERSION,) * 2,
        "counts": counts,
        "ok": not problems and tables_version == recorded == LATEST_SCHEMA_VERSION,
    }


def migrate_store(path: str | Path) -> tuple[int, int]:
    """Bring an older store to the latest schema in one transaction: ``(before, after)``.

    A store whose version record is wrong (its tables are those of another known
    version) has the record corrected in the same transaction.  A missing file is
    not created, and tables that match no version are refused (E108) untouched.
    """
    path = Path(path)
    if not path.exists():
        raise StoreError("E001", str(path))
    conn, before = open_writer(path, repair_version=True)
    conn.close()
    return before, LATEST_SCHEMA_VERSION
