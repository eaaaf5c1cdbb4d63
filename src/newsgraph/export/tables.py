"""Export every table of a store as JSON Lines or Parquet, one file per table.

Rows stream from SQLite in batches, so a store larger than memory exports fine.
DuckDB, pandas and Spark read both formats directly.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

__all__ = ["EXPORTED_TABLES", "export_tables"]

# What a user of the graph wants; bookkeeping (runs, FTS shadow tables) stays out.
EXPORTED_TABLES = (
    "articles",
    "article_sources",
    "entities",
    "mentions",
    "corpus_entities",
    "corpus_entity_aliases",
    "quotes",
    "events",
    "event_actors",
    "amounts",
    "dates",
    "framing",
    "failures",
)
# Columns too bulky or internal for an analytic export; the article JSON is in `articles.article_json`.
_DROPPED_COLUMNS = {"articles": {"source_text", "offset_map", "seq"}}
BATCH_ROWS = 5_000


def _rows(conn: sqlite3.Connection, table: str) -> tuple[list[tuple[str, str]], Iterator[list[tuple]]]:
    """The table's (name, declared SQL type) columns, and its rows in batches."""
    info = [(row[1], (row[2] or "TEXT").upper()) for row in conn.execute(f"PRAGMA table_info({table})")]
    keep = [(name, sql_type) for name, sql_type in info if name not in _DROPPED_COLUMNS.get(table, set())]
    names = ", ".join(name for name, _ in keep)
    cursor = conn.execute(f"SELECT {names} FROM {table}")  # names from PRAGMA, not user input

    def batches() -> Iterator[list[tuple]]:
        while batch := cursor.fetchmany(BATCH_ROWS):
            yield batch

    return keep, batches()


def export_tables(conn: sqlite3.Connection, out_dir: Path, fmt: str) -> dict[str, int]:
    """Write ``out_dir/<table>.jsonl`` or ``.parquet`` for each table; return row counts."""
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"unknown table format {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in EXPORTED_TABLES:
        columns, batches = _rows(conn, table)
        target = out_dir / f"{table}.{fmt}"
        counts[table] = (_write_jsonl if fmt == "jsonl" else _write_parquet)(target, columns, batches)
    return counts


def _write_jsonl(path: Path, columns: list[tuple[str, str]], batches: Iterator[list[tuple]]) -> int:
    names = [name for name, _ in columns]
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for batch in batches:
            for row in batch:
                fh.write(json.dumps(dict(zip(names, row)), ensure_ascii=False) + "\n")
                n += 1
    return n


def _write_parquet(path: Path, columns: list[tuple[str, str]], batches: Iterator[list[tuple]]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Types come from the declared SQL types, so every batch (and an empty table) agrees.
    arrow_types = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    schema = pa.schema([(name, arrow_types.get(sql_type, pa.string())) for name, sql_type in columns])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in batches:
            writer.write_table(pa.Table.from_pylist([dict(zip(schema.names, row)) for row in batch], schema=schema))
            n += len(batch)
    return n
