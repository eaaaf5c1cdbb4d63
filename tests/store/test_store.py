"""The SQLite store: writing, duplicates, atomicity, migrations, read-only access, search."""

from __future__ import annotations

import json
import shutil
import sqlite3
from importlib import resources
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import (
    Amount,
    Article,
    DateMention,
    Descriptor,
    Document,
    Entity,
    Event,
    Mention,
    OffsetMap,
    Paragraph,
    Quote,
    Span,
    article_id,
)
from newsgraph.store import LATEST_SCHEMA_VERSION, SCHEMA_VERSION, AddResult, AddStatus, Database, Store
from newsgraph.store.connection import APPLICATION_ID, migrations, run_script

# -- fixtures: small fictional articles built by hand ---------------------------------


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def entity(text: str, local_id: str, name: str, type_: str, *forms: str, **kw) -> Entity:
    mentions = []
    for form in (name, *forms):
        pos = text.find(form)
        while pos >= 0:
            if not any(m.start < pos + len(form) and pos < m.end for m in mentions):
                mentions.append(Mention(pos, pos + len(form), form))
            pos = text.find(form, pos + len(form))
    return Entity(local_id, name, type_, mentions=mentions, aliases=list(forms), **kw)


def harbour_article(path: str = "news/harbour.txt") -> Article:
    text = (
        "Mayor Elena Vasquez opened the new harbour in Port Amber on Monday.\n\n"
        '"This harbour will feed the whole valley," Vasquez said.\n\n'
        "The Amber Shipping Company pledged $4 million to dredge the channel."
    )
    e1 = entity(text, "E1", "Elena Vasquez", "PERSON", "Vasquez", titles=["Mayor"])
    e2 = entity(text, "E2", "Port Amber", "GPE", country="ZZA", lat=1.5, lon=2.5, gazetteer_id="test:1")
    e3 = entity(text, "E3", "Amber Shipping Company", "ORG")
    q0, q1 = span(text, '"This harbour will feed the whole valley,"')
    c0, c1 = span(text, "said")
    t0, t1 = span(text, "pledged")
    a0, a1 = span(text, "$4 million")
    d0, d1 = span(text, "Monday")
    f0, f1 = span(text, "Mayor")
    return Article(
        id=article_id(text),
        text=text,
        title="Port Amber opens its harbour",
        published="2031-04-07",
        source="Amber Gazette",
        path=path,
        paragraphs=[Paragraph(0, 67, "body")],
        entities=[e1, e2, e3],
        quotes=[Quote(q0, q1, text[q0:q1], "direct", speaker="E1", cue=Span(c0, c1, "said"))],
        events=[Event("AID", Span(t0, t1, "pledged"), source=["E3"], target=["E2"], location="E2", date="2031-04-07")],
        amounts=[Amount(a0, a1, "$4 million", 4_000_000.0, unit="money", currency="USD")],
        dates=[DateMention(d0, d1, "Monday", "2031-04-07")],
        framing=[Descriptor("E1", f0, f1, "Mayor", "compound", 0.1)],
    )


def storm_article(text_suffix: str = "") -> Article:
    text = "A storm closed the harbour in Port Amber. Elena Vasquez ordered an evacuation." + text_suffix
    e1 = entity(text, "E1", "Port Amber", "GPE", country="ZZA", gazetteer_id="test:1")
    e2 = entity(text, "E2", "Elena Vasquez", "PERSON")
    return Article(id=article_id(text), text=text, title="Storm closes harbour", published="2031-05-01",
                   path="news/storm.txt", entities=[e1, e2])  # fmt: skip


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "corpus.db"


def count(conn, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


ALL_TABLES = ["articles", "article_sources", "entities", "mentions", "quotes", "events", "event_actors",
              "amounts", "dates", "framing", "corpus_entities", "corpus_entity_aliases"]  # fmt: skip


def snapshot(conn) -> dict[str, int]:
    out = {t: count(conn, t) for t in ALL_TABLES}
    out["articles_fts"] = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'"
    ).fetchone()[0]
    out["corpus_counts"] = conn.execute(
        "SELECT total(mention_count), total(article_count) FROM corpus_entities"
    ).fetchone()
    return out


# -- connection settings ----------------------------------------------------------------


def test_connection_pragmas_and_identity(db_path):
    with Store(db_path) as store:
        conn = store.connection
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_SCHEMA_VERSION == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_schema_sql_declares_latest_version():
    sql = resources.files("newsgraph.store").joinpath("schema.sql").read_text()
    assert f"PRAGMA user_version = {LATEST_SCHEMA_VERSION};" in sql
    assert f"PRAGMA application_id = {APPLICATION_ID};" in sql


def test_article_id_normalises_text():
    assert article_id("Hello  World\n") == article_id("hello world")
    assert article_id("ﬁne") == article_id("fine")  # NFKC ligature
    assert len(article_id("x")) == 16 and article_id("x") != article_id("y")


# -- writing and reading back ------------------------------------------------------------


def test_add_and_read_back(db_path):
    art = harbour_article()
    source = "<p>" + art.text + "</p>"
    doc = Document(text=art.text, source_text=source, offsets=OffsetMap([(0, 3, len(art.text))], len(art.text), len(source)),
                   path="news/harbour.html", format="html")  # fmt: skip
    with Store(db_path) as store:
        result = store.add(art, doc)
        # The article carries its metadata (Document.new_article copied it once); the
        # document gives only the source text, its format and the offset map.
        assert result == AddResult(art.id, AddStatus.ADDED, art.path) and result.added
        assert store.has(art.id) and not store.has("0" * 16)
    with Database(db_path) as db:
        assert db.article(art.id) == Article.from_dict({**art.to_dict(), "id": art.id})
        assert db.article(art.id[:6]).id == art.id  # unambiguous prefix
        text, omap = db.article_source(art.id)
        assert text == source and omap.to_source(0) == 3
        stats = db.stats()
        assert stats["articles"] == 1 and stats["entities"] == 3 and stats["quotes"] == 1
        assert stats["events"] == 1 and stats["amounts"] == 1 and stats["dates"] == 1
        assert stats["mentions"] == 4 and stats["sources"] == 1 and stats["failures"] == 0
        assert stats["schema_version"] == LATEST_SCHEMA_VERSION
        [summary] = db.articles()
        assert (
            summary["id"] == art.id and summary["entity_count"] == 3 and summary["word_count"] == len(art.text.split())
        )
        for bad in ("nope", "0000000000000000", "'; DROP TABLE articles; --", ""):
            with pytest.raises(StoreError) as err:
                db.article(bad)
            assert err.value.code == "E106"


def test_article_without_document_gets_identity_source(db_path):
    art = harbour_article()
    with Store(db_path) as store:
        store.add(art)
    with Database(db_path) as db:
        text, omap = db.article_source(art.id)
        assert text == art.text and omap.to_source(5) == 5


def test_entity_and_event_queries(db_path):
    with Store(db_path) as store:
        store.add_many([harbour_article(), storm_article()], batch_size=10)
    with Database(db_path) as db:
        top = db.top_entities(5)
        assert top[0]["article_count"] == 2 and {t["name"] for t in top[:2]} == {"Port Amber", "Elena Vasquez"}
        vasquez = next(t for t in top if t["name"] == "Elena Vasquez")
        info = db.entity(vasquez["id"])
        assert info["article_count"] == 2 and "vasquez" in info["aliases"]
        assert len(info["mentions"]) == 3 and all(m["before"] is not None for m in info["mentions"])
        assert info["quotes"][0]["kind"] == "direct"
        assert {c["name"]: c["articles"] for c in info["cooccurring"]}["Port Amber"] == 2
        assert info["framing"][0]["text"] == "Mayor"
        assert db.entity(10**9) is None and db.entity("x") is None
        [event] = db.events(type="AID")
        assert event["source"][0]["name"] == "Amber Shipping Company" and event["location"]["name"] == "Port Amber"
        assert db.events(actor="Amber Shipping Company") and db.events(actor=event["source"][0]["id"])
        assert db.events(country="ZZA") and not db.events(country="USA")
        assert db.events(date_from="2031-04-01", date_to="2031-04-30") and not db.events(date_from="2032-01-01")
        assert db.events(actor="nobody at all") == []
        assert [e["name"] for e in db.entities(type="ORG")] == ["Amber Shipping Company"]
        assert db.entities(q="vasq")[0]["name"] == "Elena Vasquez"  # prefix type-ahead


# -- search ------------------------------------------------------------------------------


def test_search_finds_and_highlights(db_path):
    art = harbour_article()
    art.text = art.text.replace("Monday.", "Monday <script>alert(1)</script>.")
    art.id = article_id(art.text)
    with Store(db_path) as store:
        store.add(art)
        store.add(storm_article())
    with Database(db_path) as db:
        hits = db.search("dredge channel")
        assert [h["id"] for h in hits] == [art.id]
        assert "<mark>dredge</mark>" in hits[0]["snippet_html"] and "dredge" in hits[0]["snippet"]
        assert len(db.search("harbour")) == 2
        assert db.search("HARBOUR") and db.search("harbour", limit=1, offset=1)
        script_hits = db.search("script alert")
        assert "<script>" not in script_hits[0]["snippet_html"] and "&lt;" in script_hits[0]["snippet_html"]


HOSTILE = ['"', '""', "*", "AND OR NOT", "NEAR(", "NEAR(harbour", "'", "harbour'", "title:harbour", "^harbour",
           "harbour*", "(", ")", "-", "+", "a OR", "日本語 ニュース", "Ünïcödé", "\ud800", "\x00", "", "   ",
           "harbour AND", "{title text}: x", "%", "_", "\\", "🙂", "x" * 5000, "NOT harbour"]  # fmt: skip


@pytest.mark.parametrize("query", HOSTILE)
def test_search_never_raises_on_hostile_input(db_path, query):
    with Store(db_path) as store:
        store.add(harbour_article())
    with Database(db_path) as db:
        assert isinstance(db.search(query), list)
        assert isinstance(db.search_entities(query), list)
        assert isinstance(db.entities(q=query), list)
        assert isinstance(db.search(query, limit="junk", offset=-5), list)


def test_hostile_terms_are_matched_literally(db_path):
    with Store(db_path) as store:
        store.add(harbour_article())
    with Database(db_path) as db:
        assert db.search("harbour")
        # The documented operators (store/query.py) work; FTS5's own syntax is text.
        for query in ("harbour OR zebra", "harbour NOT zebra", "harbour -zebra", "harb*"):
            assert db.search(query), query
        for query in ("harbour -harbour", "zebra*", "NEAR(harbour zebra)", "harbour AND zebra", "harbour:zebra"):
            assert db.search(query) == [], query
        assert db.search('"feed the whole valley"')  # quotes are literal characters, words still match


# -- duplicates ------------------------------------------------------------------------------


def test_same_article_twice_and_renamed_copy(db_path):
    with Store(db_path) as store:
        first = store.add(harbour_article("news/harbour.txt"))
        before = snapshot(store.connection)
        again = store.add(harbour_article("news/harbour.txt"))
        renamed = store.add(harbour_article("archive/harbour-copy.txt"))
        assert first.added and again.duplicate and renamed.duplicate
        assert again.id == renamed.id == first.id
        after = snapshot(store.connection)
        assert after == {**before, "article_sources": 2}
    with Database(db_path) as db:
        paths = {r[0] for r in db._conn.execute("SELECT path FROM article_sources")}
        assert paths == {"news/harbour.txt", "archive/harbour-copy.txt"}
        assert db.stats()["articles"] == 1 and db.stats()["sources"] == 2


def test_duplicate_within_one_batch(db_path):
    with Store(db_path) as store:
        results = store.add_many([harbour_article("a.txt"), harbour_article("b.txt")])
        assert [r.status for r in results] == [AddStatus.ADDED, AddStatus.DUPLICATE]
        assert count(store.connection, "articles") == 1 and count(store.connection, "article_sources") == 2


# -- atomicity: a write failing late in its transaction leaves nothing --------------------


BOOM = "CREATE TRIGGER boom BEFORE INSERT ON framing WHEN NEW.text = 'Mayor' BEGIN SELECT RAISE(ABORT, 'boom'); END"


def test_failed_write_leaves_no_trace(db_path):
    with Store(db_path) as store:
        store.add(storm_article())
        before = snapshot(store.connection)
        # framing rows are the last thing written, after the article, its entities and
        # corpus merges (Vasquez and Port Amber would merge into the storm article's).
        store.connection.execute(BOOM)
        with pytest.raises(sqlite3.IntegrityError, match="boom"):
            store.add(harbour_article())
        assert snapshot(store.connection) == before
        assert not store.has(harbour_article().id)
        assert not store.connection.in_transaction
        store.connection.execute("DROP TRIGGER boom")
        assert store.add(harbour_article()).added  # the store is still usable
        assert count(store.connection, "articles") == 2


def test_failed_batch_rolls_back_whole_batch_only(db_path):
    with Store(db_path) as store:
        store.connection.execute(BOOM)
        other = storm_article(" Later, calm returned.")
        with pytest.raises(sqlite3.IntegrityError):
            store.add_many([storm_article(), harbour_article(), other], batch_size=2)
        # batch 1 (storm, harbour) failed as a whole; nothing after it was attempted
        assert count(store.connection, "articles") == 0 and count(store.connection, "corpus_entities") == 0
        store.add_many([storm_article()], batch_size=2)
        assert count(store.connection, "articles") == 1


# -- failures and ingest runs ------------------------------------------------------------


def test_record_failure_and_runs(db_path):
    with Store(db_path) as store:
        run = store.start_run("newsgraph ingest news/")
        store.add(harbour_article())
        store.add(harbour_article("copy.txt"))
        store.record_failure("news/french.txt", "E015", "text is not English (detected 'fr'); skipped")
        store.finish_run()
        row = store.connection.execute(
            "SELECT added, duplicates, failed, finished_at FROM ingest_runs WHERE id = ?", (run,)
        ).fetchone()
        assert row[:3] == (1, 1, 1) and row[3]
        assert store.connection.execute("SELECT path, code, run_id FROM failures").fetchall() == [
            ("news/french.txt", "E015", run)
        ]
    with Database(db_path) as db:
        assert db.stats()["failures"] == 1


def run_row(db_path, run: int) -> tuple:
    """The run's row as another process sees it: only what is committed."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT added, duplicates, failed, status, finished_at IS NOT NULL FROM ingest_runs WHERE id = ?", (run,)
        ).fetchone()
    finally:
        conn.close()


def test_a_runs_counts_are_committed_with_each_batch(db_path):
    with Store(db_path) as store:
        run = store.start_run("ingest")
        store.add_many([harbour_article(), storm_article()], batch_size=1)
        store.record_duplicate(harbour_article().id, "again.txt")
        store.record_failure("bad.pdf", "E005", "no text")
        assert run_row(db_path, run) == (2, 1, 1, "running", False)
    assert run_row(db_path, run) == (2, 1, 1, "finished", True)


@pytest.mark.parametrize(("stop", "status"), [(KeyboardInterrupt, "interrupted"), (ValueError, "failed")])
def test_a_stopped_run_is_marked_with_its_real_counts(db_path, stop, status):
    with pytest.raises(stop):
        with Store(db_path) as store:
            run = store.start_run("ingest")
            store.add(harbour_article())
            raise stop
    assert run_row(db_path, run) == (1, 0, 0, status, True)


# -- migrations ----------------------------------------------------------------------------


def _schema_shape(conn) -> dict:
    shape = {}
    for name, kind in conn.execute("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"):
        if kind == "table":
            cols = conn.execute(f"PRAGMA table_info('{name}')").fetchall()
            shape[name] = sorted((c[1], c[2].upper(), c[3], c[4], c[5]) for c in cols)
            shape[name + "#fk"] = sorted(tuple(r[2:5]) for r in conn.execute(f"PRAGMA foreign_key_list('{name}')"))
        else:
            shape[name] = kind
    return shape


def test_migrations_from_zero_match_schema_sql(tmp_path):
    migrated = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    for _number, _name, sql in migrations():
        run_script(migrated, sql)
    with Store(tmp_path / "fresh.db") as store:
        assert _schema_shape(migrated) == _schema_shape(store.connection)


def test_migrate_hand_made_version_1_db(db_path):
    conn = sqlite3.connect(db_path, isolation_level=None)
    version, _name, sql = migrations()[0]
    assert version == 1
    run_script(conn, sql)
    conn.execute("PRAGMA user_version = 1")
    art = harbour_article()
    conn.execute(
        "INSERT INTO articles (id, seq, title, text, article_json, ingested_at) VALUES (?, 1, ?, ?, ?, '2031-01-01')",
        (art.id, art.title, art.text, json.dumps(art.to_dict())),
    )
    conn.execute("INSERT INTO failures (path, code, reason, at) VALUES ('x.pdf', 'E005', 'no text', '2031-01-01')")
    conn.close()
    with pytest.raises(StoreError) as err:
        Database(db_path)  # a read-only handle cannot migrate: it says so
    assert err.value.code == "E108" and "newsgraph migrate" in err.value.reason
    with Store(db_path) as store:
        conn = store.connection
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_SCHEMA_VERSION
        assert conn.execute("SELECT word_count FROM articles").fetchone()[0] == len(art.text.split())
        assert conn.execute("SELECT run_id FROM failures").fetchone() == (None,)
        assert store.add(harbour_article()).duplicate
        assert store.add(storm_article()).added
    with Database(db_path) as db:
        assert db.article(art.id).title == art.title
        assert len(db.search("harbour")) == 2  # FTS rows from version 1 survived


def test_migrate_version_5_store_keeps_its_facts_and_adds_confidence(db_path):
    with Store(db_path) as store:
        store.add(harbour_article())
    conn = sqlite3.connect(db_path, isolation_level=None)
    for table in ("entities", "quotes", "events"):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN confidence")  # what newsgraph wrote before version 6
    for table in ("corrections", "uncorrected_articles"):  # nor these, before version 7
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP TABLE fetch_log")  # added in version 8
    for column in ("author", "section", "declared_length", "source_offset", "extra"):  # added in version 9
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    conn.execute("PRAGMA user_version = 5")
    conn.close()
    with Store(db_path) as store:
        conn = store.connection
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_SCHEMA_VERSION == 9
        assert conn.execute("SELECT count(*), count(confidence) FROM entities").fetchone() == (3, 0)
        assert conn.execute("SELECT text, speaker_id, confidence FROM quotes").fetchone() == (
            '"This harbour will feed the whole valley,"',
            "E1",
            None,
        )
        assert conn.execute("SELECT type, confidence FROM events").fetchone() == ("AID", None)
        storm = storm_article()
        storm.entities[1].confidence = 0.35
        assert store.add(storm).added
        rows = conn.execute("SELECT name, confidence FROM entities WHERE article_id = ? ORDER BY local_id", (storm.id,))
        assert rows.fetchall() == [("Port Amber", None), ("Elena Vasquez", 0.35)]


def test_every_fact_is_stored_whatever_its_confidence(db_path):
    article = harbour_article()
    article.quotes[0].confidence = 0.05
    article.events[0].confidence = 0.0
    article.entities[2].confidence = 0.2
    with Store(db_path) as store:
        store.add(article)
        conn = store.connection
        assert conn.execute("SELECT confidence FROM quotes").fetchall() == [(0.05,)]
        assert conn.execute("SELECT confidence FROM events").fetchall() == [(0.0,)]
        assert conn.execute("SELECT count(*) FROM entities WHERE confidence = 0.2").fetchone() == (1,)
    with Database(db_path) as db:
        assert db.article(article.id).quotes[0].confidence == 0.05


# -- errors ------------------------------------------------------------------------------------


def test_read_only_handle_cannot_write(db_path):
    with Store(db_path) as store:
        store.add(harbour_article())
    db = Database(db_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db._conn.execute("DELETE FROM articles")
    assert not hasattr(db, "add")
    assert db.stats()["articles"] == 1
    db.close()


def test_not_a_database_is_e104(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database\n" * 200)
    for opener in (Store, Database):
        with pytest.raises(StoreError) as err:
            opener(junk)
        assert err.value.code == "E104" and str(junk) in str(err.value)
    assert junk.read_text().startswith("these are my notes")  # untouched


def test_other_programs_sqlite_is_e104(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        Store(other)
    assert err.value.code == "E104"


def test_missing_file_for_reader_is_e104(tmp_path):
    with pytest.raises(StoreError) as err:
        Database(tmp_path / "nowhere.db")
    assert err.value.code == "E104"


def test_future_version_is_e105(db_path):
    with Store(db_path):
        pass
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST_SCHEMA_VERSION + 1}")
    conn.close()
    for opener in (Store, Database):
        with pytest.raises(StoreError) as err:
            opener(db_path)
        assert err.value.code == "E105"


def test_read_only_database_is_e101(db_path):
    with Store(db_path) as store:
        store.connection.execute("PRAGMA query_only = ON")  # SQLite refuses writes with SQLITE_READONLY
        with pytest.raises(StoreError) as err:
            store.add(harbour_article())
        assert err.value.code == "E101" and str(db_path) in err.value.line()


def test_locked_database_is_e102(db_path):
    with Store(db_path):
        pass
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store(db_path, timeout=0.05) as store:
            with pytest.raises(StoreError) as err:
                store.add(harbour_article())
            assert err.value.code == "E102"
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_full_disk_is_e103_and_rolls_back(db_path):
    with Store(db_path) as store:
        store.add(storm_article())
        pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
        store.connection.execute(f"PRAGMA max_page_count = {pages}")  # no room for another article
        big = harbour_article()
        big.text += " filler" * 20000
        big.id = article_id(big.text)
        with pytest.raises(StoreError) as err:
            store.add(big)
        assert err.value.code == "E103"
        assert count(store.connection, "articles") == 1


def _duckdb_with_sqlite_extension(tmp_path):
    """A DuckDB connection with its sqlite extension loaded from the PyPI package
    ``duckdb-extension-sqlite`` (offline: DuckDB's own INSTALL would download it)."""
    duckdb = pytest.importorskip("duckdb")
    package = pytest.importorskip("duckdb_extension_sqlite")
    shipped = Path(package.__file__).parent / "extensions" / f"v{duckdb.__version__}" / "sqlite.duckdb_extension"
    if not shipped.exists():
        pytest.skip(f"duckdb-extension-sqlite has no build for DuckDB {duckdb.__version__}")
    # DuckDB finds the entry point from the file name, which must be the extension's own
    loadable = tmp_path / "sqlite_scanner.duckdb_extension"
    shutil.copy(shipped, loadable)
    conn = duckdb.connect()
    conn.execute(f"LOAD '{loadable}'")
    return conn


def test_duckdb_can_read_the_store(db_path, tmp_path):
    with Store(db_path) as store:
        store.add(harbour_article())
    conn = _duckdb_with_sqlite_extension(tmp_path)
    conn.execute(f"ATTACH '{db_path}' AS ng (TYPE sqlite, READ_ONLY)")
    assert conn.execute("SELECT count(*) FROM ng.entities").fetchone()[0] == 3
    names = conn.execute(
        "SELECT e.name FROM ng.mentions m JOIN ng.entities e ON e.article_id = m.article_id "
        "AND e.local_id = m.entity_id ORDER BY m.char_start LIMIT 1"
    ).fetchall()
    assert len(names) == 1
