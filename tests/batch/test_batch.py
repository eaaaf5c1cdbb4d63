"""Batch ingest: worker processes, the Ray runner, and resuming after a kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.batch.runner import IngestOptions, run_ingest
from newsgraph.store import Database
from support import SRC
from support.corpus import make_corpus


def article_facts(db: Path) -> dict[str, tuple]:
    """Per article: the number of entities, mentions and quotes — to compare two stores."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        """SELECT a.id,
                  (SELECT count(*) FROM entities e WHERE e.article_id = a.id),
                  (SELECT count(*) FROM mentions m WHERE m.article_id = a.id),
                  (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)
           FROM articles a"""
    ).fetchall()
    conn.close()
    return {r[0]: r[1:] for r in rows}


def test_two_workers_store_what_one_does(tmp_path, nlp):
    corpus = make_corpus(tmp_path / "wire.jsonl", 24)
    one = run_ingest([corpus], tmp_path / "one.db", IngestOptions(), nlp=nlp)
    two = run_ingest([corpus], tmp_path / "two.db", IngestOptions(workers=2, worker_batch=4))
    assert one.added == two.added == 24
    assert article_facts(tmp_path / "one.db") == article_facts(tmp_path / "two.db")


@pytest.mark.slow
def test_ray_runner_writes_shards_that_load_into_sqlite(tmp_path, nlp):
    pytest.importorskip("ray")
    import ray

    from newsgraph.batch.load import load_shards
    from newsgraph.batch.ray_runner import run_ray_ingest

    corpus = make_corpus(tmp_path / "wire.jsonl", 12)
    (tmp_path / "bad.txt").write_text("")
    try:
        summary = run_ray_ingest([str(corpus), str(tmp_path / "bad.txt")], tmp_path / "shards", actors=1, batch_size=4)
    finally:
        ray.shutdown()  # the local runtime must not outlive the test
    assert summary["articles"] == 12
    assert len(summary["errors"]) == 1 and "bad.txt" in summary["errors"][0]
    assert summary["entities"] > 12 and summary["quotes"] >= 12
    duckdb = pytest.importorskip("duckdb")
    people = duckdb.sql(
        f"SELECT count(DISTINCT name) FROM read_parquet('{tmp_path}/shards/entities/*.parquet') WHERE type = 'PERSON'"
    ).fetchall()
    assert people == [(5,)]
    assert load_shards(tmp_path / "shards", tmp_path / "ray.db") == {"added": 12, "duplicates": 0}
    local = run_ingest([corpus], tmp_path / "local.db", IngestOptions(), nlp=nlp)
    assert local.added == 12
    assert article_facts(tmp_path / "ray.db") == article_facts(tmp_path / "local.db")


def _count_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet


@pytest.mark.slow
def test_ingest_killed_midway_resumes_to_exactly_the_expected_articles(tmp_path, nlp):
    corpus = make_corpus(tmp_path / "wire.jsonl", 150)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "newsgraph.cli", "ingest", str(corpus), "--db", str(db)]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    while _count_articles(db) < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = _count_articles(db)
    assert 0 < stored < 150, "the kill should land midway"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()

    report = run_ingest([corpus], db, IngestOptions(), nlp=nlp)
    assert report.duplicates == stored and report.added == 150 - stored
    assert Database(db).stats()["articles"] == 150
    fresh = tmp_path / "fresh.db"
    run_ingest([corpus], fresh, IngestOptions(), nlp=nlp)
    assert article_facts(db) == article_facts(fresh), "no article is half-written"


def test_the_progress_total_counts_files_and_jsonl_lines(tmp_path):
    from newsgraph.batch.runner import count_items

    (tmp_path / "a.txt").write_text("One article.\n")
    (tmp_path / "b.html").write_text("<p>Another</p>")
    (tmp_path / "c.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n{"text": "z"}')  # no final newline
    assert count_items([tmp_path]) == 5
    assert count_items(["-"]) is None
