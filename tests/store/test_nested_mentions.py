"""A place mention nested in a longer name ("Dallas" in "Dallas Mavericks") survives the store."""

from __future__ import annotations

import json
import sqlite3

from newsgraph.model import Article, Entity, Mention, article_id
from newsgraph.store import LATEST_SCHEMA_VERSION, Database, Store
from support.downgrade import undo_migrations_after

TEXT = "The Dallas Mavericks beat the visitors on Friday. Fans in Dallas cheered."


def mention(text: str, needle: str, nth: int = 0, nested: str | None = None) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Mention(start, start + len(needle), needle, nested)


def team_article() -> Article:
    team = Entity("E1", "Dallas Mavericks", "ORG", [mention(TEXT, "Dallas Mavericks")])
    city = Entity("E2", "Dallas", "GPE", [mention(TEXT, "Dallas", 0, nested="E1"), mention(TEXT, "Dallas", 1)],
                  country="USA", lat=32.78, lon=-96.81, gazetteer_id="geonames:4684888")  # fmt: skip
    return Article(id=article_id(TEXT), text=TEXT, title="Mavericks win", entities=[team, city])


def test_nested_mention_round_trips_through_the_store(tmp_path):
    art = team_article()
    path = tmp_path / "corpus.db"
    with Store(path) as store:
        assert store.add(art).added
    with Database(path) as db:
        back = db.article(art.id)
        assert back == art
        assert [m.nested for m in back.entity("E2").mentions] == ["E1", None]
        for e in back.entities:
            assert all(back.text[m.start : m.end] == m.text for m in e.mentions)
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT entity_id, char_start, char_end, text, nested FROM mentions ORDER BY char_start, entity_id"
    )
    assert rows.fetchall() == [("E1", 4, 20, "Dallas Mavericks", None), ("E2", 4, 10, "Dallas", "E1"),
                               ("E2", 58, 64, "Dallas", None)]  # fmt: skip


def test_a_version_10_store_gains_the_nested_column_and_reads_old_articles(tmp_path):
    path = tmp_path / "corpus.db"
    art = team_article()
    with Store(path) as store:
        store.add(art)
    conn = sqlite3.connect(path, isolation_level=None)
    undo_migrations_after(conn, 10)
    old = art.to_dict()
    for e in old["entities"]:
        for m in e["mentions"]:
            del m["nested"]  # what schema 3 wrote
    conn.execute("UPDATE articles SET article_json = ?", (json.dumps(old),))
    conn.execute("PRAGMA user_version = 10")
    conn.close()
    with Store(path) as store:
        conn = store.connection
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_SCHEMA_VERSION
        assert conn.execute("SELECT count(*), count(nested) FROM mentions").fetchone() == (3, 0)
    with Database(path) as db:
        assert all(m.nested is None for e in db.article(art.id).entities for m in e.mentions)
