"""Export every table of a store as JSON Lines or Parquet, one file per table.

Rows stream from one store snapshot in batches, so a store larger than memory
exports fine, and every table describes the same moment of the store.
DuckDB, pandas and Spark read both formats directly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..store.snapshot import Snapshot

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
    "findings",
    "events",
    "event_actors",
    "amounts",
    "dates",
    "framing",
    "stories",  # articles.story_id / duplicate_of and events.cluster_id come with their tables
    "failures",
    "corrections",  # the analyst's corrections, already applied to the tables above
)
# Columns too bulky or internal for an analytic export; the article JSON is in `articles.article_json`.
_DROPPED_COLUMNS = {"articles": {"source_text", "offset_map", "seq"}}


def export_tables(snapshot: Snapshot, out_dir: Path, fmt: str, min_confidence: float | None = None) -> dict[str, int]:
    """Write ``out_dir/<table>.jsonl`` or ``.parquet`` for each table; return row counts.

    With ``min_confidence``, entities, quotes, findings and events below it are left out, with
    their mentions and event actors; their ``confidence`` column is exported as is.
    ``articles.article_json`` keeps every fact, as the store does."""
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"unknown table format {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in EXPORTED_TABLES:
        dropped = _DROPPED_COLUMNS.get(table, set())
        columns = [(name, sql_type) for name, sql_type in snapshot.columns(table) if name not in dropped]
        batches = snapshot.rows(table, [name for name, _ in columns], min_confidence=min_confidence)
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
