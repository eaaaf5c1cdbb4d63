"""Store files in a bad state: damaged, with a wrong or old version record, not a file,
in a missing folder, on read-only media; and exports to where they cannot go.

Each gets one coded line (`error: DB: reason [E10n]`) with advice that works, exit 1,
and the file is left exactly as it was.  `newsgraph check` reports on any of them;
`newsgraph migrate` brings a store with a right (or correctable) record up to date.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import LATEST_SCHEMA_VERSION, Database, Store
from support.sample import sample_articles


@pytest.fixture()
def runner():
    return CliRunner()


def invoke(runner, *args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def make_store(path: Path) -> Path:
    """A store holding the three sample articles, closed cleanly (no -wal, no -shm)."""
    with Store(path) as store:
        store.start_run("test")
        for article in sample_articles():
            store.add(article)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def set_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def one_error(result, db: Path, code: str) -> str:
    """Exactly one error line, `error: DB: ... [code]`, exit 1, no traceback."""
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {db}: ") and lines[0].endswith(f"[{code}]"), lines[0]
    assert "Traceback" not in result.output and "internal error" not in result.output
    return lines[0]


def first_id(db: Path) -> str:
    with Database(db) as reader:
        return reader.articles(limit=1)[0]["id"]


# -- damaged files ---------------------------------------------------------------------------


def test_truncated_store_is_e107_everywhere_and_untouched(runner, tmp_path):
    db = make_store(tmp_path / "news.db")
    article = first_id(db)
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 3)
    before = digest(db)
    (tmp_path / "in.txt").write_text("Some article text about a harbour.\n" * 3)
    for args in (("stats",), ("show", article), ("ingest", tmp_path / "in.txt")):
        line = one_error(invoke(runner, *args, "--db", db), db, "E107")
        assert "database is damaged" in line and "shorter than its header says" in line
        assert "newsgraph check" in line
    checked = invoke(runner, "check", "--db", db)
    assert checked.exit_code == 1 and "truncated" in checked.stdout
    assert digest(db) == before


def test_store_with_a_garbled_page_is_e107_and_check_names_it(runner, tmp_path):
    db = make_store(tmp_path / "news.db")
    with db.open("r+b") as fh:  # the b-tree header of page 1 (sqlite_master), after the 100-byte file header
        fh.seek(100)
        fh.write(b"\xff" * 12)
    before = digest(db)
    line = one_error(invoke(runner, "stats", "--db", db), db, "E107")
    assert "malformed" in line
    checked = invoke(runner, "check", "--db", db, "--json")
    assert checked.exit_code == 1
    report = json.loads(checked.stdout)
    assert not report["ok"] and report["integrity"] != ["ok"]
    assert digest(db) == before


# -- version records -------------------------------------------------------------------------


@pytest.mark.parametrize("recorded", [0, LATEST_SCHEMA_VERSION - 2])
def test_a_wrong_version_record_is_e108_and_migrate_corrects_it(runner, tmp_path, recorded):
    """user_version 0 (a .dump and restore drops it) or older than the tables: opening it used
    to say "holds no newsgraph store yet" or crash with "duplicate column name"."""
    db = make_store(tmp_path / "news.db")
    set_version(db, recorded)
    before = digest(db)
    (tmp_path / "in.txt").write_text("Some article text about a harbour.\n" * 3)
    for args in (("stats",), ("ingest", tmp_path / "in.txt")):
        line = one_error(invoke(runner, *args, "--db", db), db, "E108")
        assert f"recorded as version {recorded}, but its tables are those of version {LATEST_SCHEMA_VERSION}" in line
        assert f"newsgraph migrate --db {db}" in line
    assert digest(db) == before  # nothing migrated, nothing half-done

    checked = invoke(runner, "check", "--db", db, "--json")
    assert checked.exit_code == 1
    report = json.loads(checked.stdout)
    assert report["schema_version"] == recorded and report["tables_version"] == LATEST_SCHEMA_VERSION
    assert report["needs_migrate"] and report["counts"]["articles"] == 3

    migrated = invoke(runner, "migrate", "--db", db)
    assert migrated.exit_code == 0, migrated.output
    assert invoke(runner, "check", "--db", db).exit_code == 0
    assert json.loads(invoke(runner, "stats", "--db", db, "--json").stdout)["articles"] == 3


def test_tables_of_no_known_version_are_refused_by_migrate_untouched(runner, tmp_path):
    db = make_store(tmp_path / "news.db")
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE articles ADD COLUMN my_notes TEXT")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    before = digest(db)
    line = one_error(invoke(runner, "migrate", "--db", db), db, "E108")
    assert "match no newsgraph version" in line and "newsgraph check" in line
    assert digest(db) == before


def downgrade_to_version_4(db: Path) -> None:
    """What a store written by an earlier newsgraph looks like: no ingest_runs.status (nor fact confidence)."""
    conn = sqlite3.connect(db, isolation_level=None)  # autocommit: every statement sticks
    for table in ("entities", "quotes", "events"):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN confidence")
    conn.execute("ALTER TABLE ingest_runs DROP COLUMN status")
    for table in ("corrections", "uncorrected_articles", "fetch_log"):  # nor corrections (7), nor fetch_log (8)
        conn.execute(f"DROP TABLE {table}")
    for column in ("author", "section", "declared_length", "source_offset", "extra"):  # nor article metadata (9)
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    conn.execute("UPDATE ingest_runs SET finished_at = NULL")  # that run was killed
    conn.execute("PRAGMA user_version = 4")
    conn.close()


def test_an_older_store_is_migrated_by_migrate(runner, tmp_path):
    db = make_store(tmp_path / "news.db")
    downgrade_to_version_4(db)
    line = one_error(invoke(runner, "show", first_id_raw(db), "--db", db), db, "E108")
    assert "version 4 predates this newsgraph" in line and f"newsgraph migrate --db {db}" in line

    migrated = invoke(runner, "migrate", "--db", db)
    assert migrated.exit_code == 0 and f"schema version 4 → {LATEST_SCHEMA_VERSION}" in migrated.stdout
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT status FROM ingest_runs").fetchall() == [("interrupted",)]
    conn.close()
    again = invoke(runner, "migrate", "--db", db)
    assert again.exit_code == 0 and "nothing to do" in again.stdout


def first_id_raw(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id FROM articles ORDER BY seq LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def test_ingest_migrates_an_older_store_and_says_so(runner, nlp, tmp_path):
    db = make_store(tmp_path / "news.db")
    downgrade_to_version_4(db)
    (tmp_path / "in.txt").write_text("Harbour strike\n\nDockers in Gdansk stopped work on Monday over pay.\n")
    result = invoke(runner, "ingest", tmp_path / "in.txt", "--db", db)
    assert result.exit_code == 0, result.output
    assert f"migrated the store from schema version 4 to {LATEST_SCHEMA_VERSION}" in result.stderr
    assert json.loads(invoke(runner, "stats", "--db", db, "--json").stdout)["articles"] == 4


# -- places that cannot hold a store -----------------------------------------------------------


def test_a_device_or_folder_as_db_is_e109(runner, tmp_path):
    (tmp_path / "in.txt").write_text("Some article text about a harbour.\n" * 3)
    for db in (Path("/dev/null"), tmp_path):
        for args in (("stats",), ("check",), ("ingest", tmp_path / "in.txt")):
            line = one_error(invoke(runner, *args, "--db", db), db, "E109")
            assert "not a regular file" in line
    assert Path("/dev/null").is_char_device()


def test_a_db_in_a_missing_folder_is_e109_and_creates_nothing(runner, tmp_path):
    (tmp_path / "in.txt").write_text("Some article text about a harbour.\n" * 3)
    db = tmp_path / "no" / "such" / "news.db"
    line = one_error(invoke(runner, "ingest", tmp_path / "in.txt", "--db", db), db, "E109")
    assert f"the folder {db.parent} does not exist" in line
    assert not (tmp_path / "no").exists()


def test_an_export_to_where_it_cannot_go_is_e304(runner, tmp_path):
    db = make_store(tmp_path / "news.db")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = invoke(runner, "export", "--format", "jsonl", "--out", blocker / "tables", "--db", db)
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith("[E304]") and "cannot write the export here" in lines[0], result.stderr
    assert blocker.read_text() == "not a folder"


# -- read-only media -------------------------------------------------------------------------


@pytest.fixture()
def read_only_medium(tmp_path):
    """A tmpfs holding a cleanly closed store, remounted read-only (we run as root)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        db = make_store(mnt / "news.db")
        assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
        remount = subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True, text=True)
        if remount.returncode != 0:
            pytest.skip(f"cannot remount read-only: {remount.stderr.strip()}")
        yield db
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_reading_commands_work_on_a_read_only_medium(runner, read_only_medium, tmp_path):
    db = read_only_medium
    stats = invoke(runner, "stats", "--db", db, "--json")
    assert stats.exit_code == 0, stats.output
    assert json.loads(stats.stdout)["articles"] == 3
    article = sample_articles()[0]
    shown = invoke(runner, "show", article.id[:12], "--db", db, "--json")
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["title"] == article.title
    checked = invoke(runner, "check", "--db", db)
    assert checked.exit_code == 0, checked.output
    with Database(db) as reader:  # what `serve` uses
        assert reader.stats()["articles"] == 3
    (tmp_path / "in.txt").write_text("Some article text about a harbour.\n" * 3)
    one_error(invoke(runner, "ingest", tmp_path / "in.txt", "--db", db), db, "E101")
