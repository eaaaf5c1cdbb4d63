"""Crash safety: a SIGKILLed ingest leaves a sound database holding whole articles only,
a rerun completes it exactly, and a reader during an ingest sees consistent data.

Three kinds of kill:

- ``newsgraph ingest`` killed at a random moment of its run (three seeds; the
  moments are drawn from a seeded RNG over the duration of a clean run);
- a writer killed at a random SQLite VM instruction *inside* its write
  transactions (three seeds), via ``sqlite3``'s progress handler calling
  SIGKILL on its own process: a kill mid-INSERT or mid-COMMIT, which a
  wall-clock kill of the CLI only rarely hits;
- and, during the clean run, the web app's read-only ``Database`` polls the
  store and must never see a count go down or an article without its facts.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsgraph.batch.runner import IngestOptions, run_ingest
from newsgraph.store import Database, Store
from support import SRC as SUPPORT_SRC
from support.corpus import make_corpus

pytestmark = pytest.mark.slow

N_ARTICLES = 100
SEEDS = [1, 2, 3]
SRC = str(SUPPORT_SRC)
FACT_TABLES = ("entities", "mentions", "quotes", "events", "event_actors", "amounts", "dates", "framing")


def facts_per_article(db: Path) -> dict[str, tuple[int, ...]]:
    """Per article id, its row count in every fact table (one statement: one snapshot)."""
    counts = ", ".join(f"(SELECT count(*) FROM {t} x WHERE x.article_id = a.id)" for t in FACT_TABLES)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {row[0]: tuple(row[1:]) for row in conn.execute(f"SELECT a.id, {counts} FROM articles a")}
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def comparable_stats(db: Path) -> dict:
    stats = Database(db).stats()
    for key in ("runs", "failures", "sources"):  # differ by design between one run and two
        stats.pop(key)
    return stats


def cli(corpus: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": SRC}
    command = [sys.executable, "-m", "newsgraph.cli", "ingest", str(corpus), "--db", str(db)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def run_started(db: Path) -> bool:
    """The ingest has opened the store and begun its run (the model is loaded by then)."""
    if not db.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM ingest_runs").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def wait_for_start(proc: subprocess.Popen, db: Path, timeout: float = 180) -> float:
    deadline = time.monotonic() + timeout
    while not run_started(db):
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "the ingest did not start"
        time.sleep(0.02)
    return time.monotonic()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "wire.jsonl", N_ARTICLES)


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory) -> dict:
    """A clean ``newsgraph ingest`` of the corpus, watched by a reader as it runs."""
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    proc = cli(corpus, db)
    started = wait_for_start(proc, db)
    seen: list[tuple[int, dict[str, tuple[int, int, int]]]] = []
    errors: list[str] = []
    while proc.poll() is None:
        try:
            with Database(db) as reader:  # the web app's read-only handle
                count = reader.stats()["articles"]
                rows = reader.articles(limit=1000, order="ingested")
            seen.append((count, {r["id"]: (r["entity_count"], r["quote_count"], r["event_count"]) for r in rows}))
        except Exception as exc:  # noqa: BLE001 - any failure to read is a finding
            errors.append(f"{type(exc).__name__}: {exc}")
        time.sleep(0.05)
    duration = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr.read().decode()
    return {"db": db, "duration": duration, "seen": seen, "reader_errors": errors}


def test_a_reader_during_an_ingest_sees_consistent_data(clean_run):
    assert clean_run["reader_errors"] == []
    seen = clean_run["seen"]
    assert len(seen) >= 5, "the reader should have polled during the run"
    counts = [count for count, _ in seen]
    assert counts == sorted(counts), "article counts must never go down"
    assert any(0 < c < N_ARTICLES for c in counts), "the reader should have seen a partial store"
    final = {aid: (f[0], f[2], f[3]) for aid, f in facts_per_article(clean_run["db"]).items()}
    assert len(final) == N_ARTICLES
    for count, articles in seen:
        assert len(articles) == count
        for aid, visible in articles.items():
            assert visible == final[aid], f"article {aid} was visible without all its facts"


@pytest.mark.parametrize("seed", SEEDS)
def test_cli_ingest_killed_at_a_random_moment(seed, corpus, clean_run, tmp_path, nlp):
    rng = random.Random(seed)
    db = tmp_path / "killed.db"
    proc = cli(corpus, db)
    started = wait_for_start(proc, db)
    kill_at = started + rng.uniform(0.05, 0.95) * clean_run["duration"]
    while time.monotonic() < kill_at and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    assert integrity(db) == "ok"
    clean = facts_per_article(clean_run["db"])
    stored = facts_per_article(db)
    print(f"seed {seed}: killed with {len(stored)} of {N_ARTICLES} articles stored")
    # The run's counts are committed with each batch: right even after SIGKILL.  The
    # status stays "running", unless the kill came after the run was recorded as finished.
    ((added, duplicates, status),) = run_rows(db)
    assert (added, duplicates) == (len(stored), 0)
    assert status == "running" or (status == "finished" and len(stored) == N_ARTICLES)
    assert set(stored) <= set(clean)
    for aid, facts in stored.items():
        assert facts == clean[aid], f"article {aid} is stored without all its facts"

    report = run_ingest([corpus], db, IngestOptions(), nlp=nlp)
    assert (report.added, report.duplicates) == (N_ARTICLES - len(stored), len(stored))
    assert facts_per_article(db) == clean
    assert comparable_stats(db) == comparable_stats(clean_run["db"])
    assert integrity(db) == "ok"


def run_rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT added, duplicates, status FROM ingest_runs ORDER BY id").fetchall()
    finally:
        conn.close()


def stored_count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize(("signum", "exit_code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["TERM", "INT"])
def test_sigterm_stops_like_ctrl_c_keeping_and_counting_what_was_stored(signum, exit_code, corpus, tmp_path):
    """Stopped after its first batch (50 articles) is committed: the process says how many
    articles it stored, and the run's row is marked interrupted with those counts."""
    db = tmp_path / "stopped.db"
    proc = cli(corpus, db)
    wait_for_start(proc, db)
    deadline = time.monotonic() + 180
    while stored_count(db) == 0:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "no batch was committed"
        time.sleep(0.01)
    proc.send_signal(signum)
    proc.wait(timeout=120)
    stderr = proc.stderr.read().decode()
    stored = stored_count(db)
    if proc.returncode == 0:
        pytest.skip(f"the ingest finished before the signal arrived ({stored} articles)")
    assert proc.returncode == exit_code, stderr
    assert 0 < stored < N_ARTICLES
    assert f"interrupted: {stored} articles stored by this run" in stderr, stderr
    assert "Traceback" not in stderr
    assert run_rows(db) == [(stored, 0, "interrupted")]
    assert integrity(db) == "ok"


# -- a kill inside a write transaction ----------------------------------------------------

WRITER = textwrap.dedent(
    """
    import json, os, signal, sys
    from newsgraph.model import Article
    from newsgraph.store import Store

    articles_file, db, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    articles = [Article.from_dict(d) for d in json.load(open(articles_file))]
    calls = 0

    def tick():  # SQLite calls this every 10 VM instructions of any statement
        global calls
        calls += 1
        if calls == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    with Store(db) as store:
        store.connection.set_progress_handler(tick, 10)
        store.add_many(articles, batch_size=4)
    print(calls)  # with kill_at 0: how many ticks a full write takes
    """
)


@pytest.fixture(scope="module")
def analysed(corpus, nlp, tmp_path_factory) -> Path:
    from newsgraph.nlp.pipeline import analyze_documents
    from newsgraph.readers import iter_documents

    documents = [d for d in iter_documents([corpus])][:20]
    articles = [article.to_dict() for _, article in analyze_documents(nlp, documents)]
    path = tmp_path_factory.mktemp("analysed") / "articles.json"
    path.write_text(json.dumps(articles), encoding="utf-8")
    return path


def writer(articles: Path, db: Path, kill_at: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run(
        [sys.executable, "-c", WRITER, str(articles), str(db), str(kill_at)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def written(analysed, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("written") / "clean.db"
    done = writer(analysed, db, 0)
    assert done.returncode == 0, done.stderr
    return {"db": db, "ticks": int(done.stdout.split()[-1])}


@pytest.mark.parametrize("seed", SEEDS)
def test_writer_killed_inside_a_transaction(seed, analysed, written, tmp_path):
    rng = random.Random(seed)
    db = tmp_path / "killed.db"
    with Store(db):
        pass  # the schema exists: the kill lands in the articles' transactions, not in CREATE TABLE
    assert written["ticks"] > 1000
    killed = writer(analysed, db, rng.randint(100, written["ticks"] - 100))
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    assert integrity(db) == "ok"
    clean = facts_per_article(written["db"])
    stored = facts_per_article(db)
    assert set(stored) < set(clean), "the kill should land before the last commit"
    assert len(stored) % 4 == 0, "batches of 4 are all-or-nothing"
    for aid, facts in stored.items():
        assert facts == clean[aid], f"article {aid} is stored without all its facts"

    again = writer(analysed, db, 0)
    assert again.returncode == 0, again.stderr
    assert facts_per_article(db) == clean
    assert comparable_stats(db) == comparable_stats(written["db"])
