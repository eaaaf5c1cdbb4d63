"""A read-only snapshot of a store: every read inside one read transaction.

Exports read many tables one after the other while an ingest may be writing.
Read in separate statements, the tables come from different moments: facts of
an article committed after ``articles`` was read, but before ``entities`` was,
land in the export without their article.  A ``Snapshot`` opens one read
transaction (SQLite's WAL keeps the moment of its first read for every later
read), so all tables of one export describe the same committed state.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from .connection import connect_reader, map_error

__all__ = ["Snapshot"]

BATCH_ROWS = 5_000

# Tables whose rows carry a confidence, and tables whose rows belong to one of their rows:
# a fact below the threshold takes its mentions (entities) or actor rows (events) with it.
CONFIDENT_TABLES = ("entities", "quotes", "findings", "events")
_BELONGS_TO = {
    "mentions": ("entities", "entity_id", "local_id"),
    "event_actors": ("events", "event_idx", "idx"),
}


class Snapshot:
    """One committed moment of the store at ``path``, read-only.  Use as a context manager."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._conn = connect_reader(self.path)
        self._conn.row_factory = sqlite3.Row
        try:
            self._conn.execute("BEGIN")
            # A deferred transaction takes its snapshot at the first read, so read now.
            self._tables = {row[0] for row in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.Error as exc:
            self._conn.close()
            raise map_error(exc, self.path) from exc

    def close(self) -> None:
        if self._conn is None:
            return
        try:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")  # nothing was written: this only ends the read
        finally:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close()

    def _query(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.Error as exc:
            mapped = map_error(exc, self.path)
            if mapped is exc:
                raise
            raise mapped from exc

    # -- whole tables ------------------------------------------------------------

    def columns(self, table: str) -> list[tuple[str, str]]:
        """The ``(name, declared SQL type)`` columns of ``table``; ValueError for an unknown table."""
        if table not in self._tables:
            raise ValueError(f"the store has no table {table!r}")
        return [(row[1], (row[2] or "TEXT").upper()) for row in self._query(f"PRAGMA table_info({table})")]

    def rows(
        self, table: str, columns: list[str], batch_rows: int = BATCH_ROWS, min_confidence: float | None = None
    ) -> Iterator[list[tuple]]:
        """The rows of ``table`` (only ``columns``, in that order), in batches of ``batch_rows``,
        so a store larger than memory streams.  With ``min_confidence``, entities, quotes, findings and
        events below it (NULL counts as 1.0) are left out, and so are the mentions and
        event actors that belong to them."""
        known = {name for name, _ in self.columns(table)}
        unknown = [name for name in columns if name not in known]
        if unknown:
            raise ValueError(f"table {table!r} has no columns {unknown}")
        where, params = "", ()
        if min_confidence is not None and table in CONFIDENT_TABLES:
            where, params = " WHERE confidence IS NULL OR confidence >= ?", (min_confidence,)
        elif min_confidence is not None and table in _BELONGS_TO:
            parent, key, parent_key = _BELONGS_TO[table]
            where = (
                f" WHERE NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.article_id = {table}.article_id"
                f" AND p.{parent_key} = {table}.{key} AND p.confidence < ?)"
            )
            params = (min_confidence,)
        # Table and column names were checked against the schema above: no input reaches the SQL.
        cursor = self._query(f"SELECT {', '.join(columns)} FROM {table}{where}", params)
        while batch := cursor.fetchmany(batch_rows):
            yield [tuple(row) for row in batch]

    # -- what the GDELT export needs ------------------------------------------------

    def events(
        self, modalities: tuple[str, ...], min_confidence: float = 0.0, count_copies: bool = False
    ) -> Iterator[dict]:
        """One row per event cluster (one happening, however many articles report it) of
        the given modalities at or above ``min_confidence`` (NULL counts as 1.0), in the order
        of their first report.  Each is the cluster's first report with its article's
        ``published``, ``url``, ``path``, ``ingested_at`` and ``paragraphs``, and the cluster's
        ``num_mentions`` (sentences reporting it), ``num_articles`` and ``num_sources``
        (outlets).  Near-copies of an article count once, unless ``count_copies``."""
        marks = ", ".join("?" for _ in modalities)
        cursor = self._query(
            f"""WITH reports AS (
                    SELECT e.*, a.published, a.url, a.path, a.ingested_at, a.paragraphs, a.seq AS article_seq,
                           a.source AS outlet, a.duplicate_of AS copy_of,
                           coalesce(e.cluster_id, e.article_id || ':' || e.idx) AS cluster
                    FROM events e JOIN articles a ON a.id = e.article_id
                    WHERE e.modality IN ({marks}) AND (e.confidence IS NULL OR e.confidence >= ?)),
                counted AS (
                    SELECT cluster, sum(1 + json_array_length(mentions)) AS num_mentions,
                           count(DISTINCT article_id) AS num_articles,
                           count(DISTINCT coalesce(outlet, article_id)) AS num_sources
                    FROM reports WHERE ? OR copy_of IS NULL GROUP BY cluster),
                ranked AS (
                    SELECT *, row_number() OVER (PARTITION BY cluster ORDER BY article_seq, idx) AS report_rank
                    FROM reports)
                SELECT ranked.*, counted.num_mentions, counted.num_articles, counted.num_sources
                FROM ranked JOIN counted USING (cluster)
                WHERE report_rank = 1 ORDER BY article_seq, idx""",
            (*modalities, min_confidence, count_copies),
        )
        while batch := cursor.fetchmany(BATCH_ROWS):
            yield from (dict(row) for row in batch)

    def entities(self, article_id: str) -> dict[str, dict]:
        """The entities of one article, by their local id (``E1``, ``E2``...)."""
        rows = self._query("SELECT * FROM entities WHERE article_id = ?", (article_id,)).fetchall()
        return {row["local_id"]: dict(row) for row in rows}
