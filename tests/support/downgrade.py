"""Take a store back to an older schema version, the way an earlier newsgraph wrote it,
to test migrations.  One entry per migration after 6, newest first; a new migration
adds its undo here, and every test that fakes an older store stays right."""

from __future__ import annotations

import sqlite3

__all__ = ["undo_migrations_after"]


def _undo_findings(conn: sqlite3.Connection) -> None:  # 14: findings, a fact kind of their own
    conn.execute("DROP TABLE findings")


def _undo_store_growth(conn: sqlite3.Connection) -> None:  # 13: articles' corpus entities from an index
    conn.execute("DROP INDEX entities_article_corpus")


def _undo_story_indexes(conn: sqlite3.Connection) -> None:  # 12: covering indexes for stories
    for index in ("articles_story_seq", "articles_story_lookup", "entities_corpus_article"):
        conn.execute(f"DROP INDEX {index}")
    conn.execute("CREATE INDEX articles_story ON articles(story_id)")
    conn.execute("CREATE INDEX entities_corpus ON entities(corpus_entity_id)")


def _undo_nested_mentions(conn: sqlite3.Connection) -> None:  # 11: places inside longer names
    conn.execute("ALTER TABLE mentions DROP COLUMN nested")


def _undo_article_metadata(conn: sqlite3.Connection) -> None:  # 10: what the source declares
    for column in ("author", "section", "declared_length", "source_offset", "extra"):
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")


def _undo_stories(conn: sqlite3.Connection) -> None:  # 9: near-copies, stories, event clusters
    for table in ("stories", "minhash_bands", "article_signatures"):
        conn.execute(f"DROP TABLE {table}")
    for index in ("articles_duplicate", "articles_story", "events_cluster"):
        conn.execute(f"DROP INDEX {index}")
    for table, column in (
        ("articles", "duplicate_of"),
        ("articles", "similarity"),
        ("articles", "story_id"),
        ("events", "cluster_id"),
    ):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")


def _undo_fetch_log(conn: sqlite3.Connection) -> None:  # 8
    conn.execute("DROP TABLE fetch_log")


def _undo_corrections(conn: sqlite3.Connection) -> None:  # 7
    for table in ("corrections", "uncorrected_articles"):
        conn.execute(f"DROP TABLE {table}")


UNDO = {
    14: _undo_findings,
    13: _undo_store_growth,
    12: _undo_story_indexes,
    11: _undo_nested_mentions,
    10: _undo_article_metadata,
    9: _undo_stories,
    8: _undo_fetch_log,
    7: _undo_corrections,
}


def undo_migrations_after(conn: sqlite3.Connection, version: int) -> None:
    """Drop what every migration after ``version`` (at least 6) added; the caller sets ``user_version``."""
    for number in sorted(UNDO, reverse=True):
        if number > version:
            UNDO[number](conn)
