"""The few read queries the web app needs that ``store.Database`` does not offer.

Plain parameterised SQL over the store's tables, on the web app's own read-only
connection (``store.connection.connect_reader``).
"""

from __future__ import annotations

import sqlite3

__all__ = ["corpus_ids", "event_types", "countries", "coords", "event_count", "entity_count"]


def corpus_ids(conn: sqlite3.Connection, article_id: str) -> dict[str, int]:
    """Article-local entity id -> corpus entity id, for one article."""
    rows = conn.execute(
        "SELECT local_id, corpus_entity_id FROM entities WHERE article_id = ? AND corpus_entity_id IS NOT NULL",
        (article_id,),
    )
    return {local: cid for local, cid in rows}


def event_types(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every event type in the corpus with its number of events, most frequent first."""
    return list(conn.execute("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"))


def countries(conn: sqlite3.Connection) -> list[str]:
    """ISO alpha-3 codes of every country some entity is in."""
    rows = conn.execute(
        "SELECT country FROM corpus_entities WHERE country IS NOT NULL "
        "UNION SELECT country FROM entities WHERE country IS NOT NULL ORDER BY 1"
    )
    return [r[0] for r in rows]


def coords(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[float, float, str]]:
    """Corpus entity id -> (lat, lon, name) for those of ``ids`` that have coordinates."""
    out: dict[int, tuple[float, float, str]] = {}
    ids = sorted({int(i) for i in ids if i is not None})
    for k in range(0, len(ids), 500):  # stay far below SQLite's bound-parameter limit
        chunk = ids[k : k + 500]
        marks = ",".join("?" * len(chunk))
        for cid, lat, lon, name in conn.execute(
            f"SELECT id, lat, lon, name FROM corpus_entities WHERE id IN ({marks}) "
            "AND lat IS NOT NULL AND lon IS NOT NULL",
            chunk,
        ):
            out[cid] = (lat, lon, name)
    return out


def event_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM events").fetchone()[0]


def entity_count(conn: sqlite3.Connection, type: str | None = None) -> int:
    return conn.execute("SELECT count(*) FROM corpus_entities WHERE (? IS NULL OR type = ?)", (type, type)).fetchone()[
        0
    ]
