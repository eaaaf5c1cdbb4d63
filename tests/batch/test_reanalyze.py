"""`newsgraph reanalyze`: the current pipeline over stored articles, corrections kept (issue 14)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.batch.reanalyze import ReanalysisReport, reanalyze_store
from newsgraph.batch.runner import IngestOptions, run_ingest
from newsgraph.cli import app
from newsgraph.nlp.pipeline import COMPONENTS, AnalysisOptions, build_pipeline
from newsgraph.store.corrector import Corrector

runner = CliRunner()

ARRESTED = (
    "Andrew Alturo Fahie, the premier of the British Virgin Islands, was arrested in Miami on Thursday. "
    '"I am innocent of these charges," Fahie said in a statement.'
)
COURT = (
    'Andrew Fahie appeared in a Miami court on Friday. "The evidence is overwhelming," prosecutor '
    "Juan Gonzalez told reporters. Police arrested two others."
)
FACT_TABLES = ("entities", "mentions", "quotes", "events", "event_actors", "amounts", "dates", "framing")


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    for name, text in (("arrested.txt", ARRESTED), ("court.txt", COURT)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def snapshot(db: Path) -> dict:
    """What a reader sees: rows per fact table, the corpus entities with their ids, each article's JSON."""
    conn = sqlite3.connect(db)
    try:
        return {
            "counts": {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in FACT_TABLES},
            "corpus": sorted(conn.execute("SELECT id, name, type FROM corpus_entities")),
            "articles": dict(conn.execute("SELECT id, article_json FROM articles")),
        }
    finally:
        conn.close()


def corpus_ids(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT name, id FROM corpus_entities"))
    finally:
        conn.close()


def test_reanalyze_keeps_ids_counts_and_corrections(tmp_path, nlp):
    db = tmp_path / "news.db"
    run_ingest([write_corpus(tmp_path / "in")], db, IngestOptions(), nlp=nlp)
    found = corpus_ids(db)
    conn = sqlite3.connect(db)
    court_id, start, end = conn.execute(
        "SELECT article_id, char_start, char_end FROM quotes WHERE text LIKE 'The evidence%'"
    ).fetchone()
    conn.close()
    with Corrector(db, user="ana") as fix:
        # The corpus already holds both Fahie names as one entity; a merge of two people stands in.
        fix.merge(found["Juan Gonzalez"], found["Andrew Alturo Fahie"], reason="testing a merge")
        fix.reject(found["British Virgin Islands"], reason="testing a reject")
        fix.reject_quote(court_id, start, end, reason="not a quote")
    before = snapshot(db)
    assert "Juan Gonzalez" not in corpus_ids(db) and "British Virgin Islands" not in corpus_ids(db)

    result = runner.invoke(app, ["reanalyze", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"replaced": 2, "kept": []}
    after = snapshot(db)
    assert after == before  # same pipeline, same corrections: the same graph, ids included
    ids = corpus_ids(db)
    assert "Juan Gonzalez" not in ids and "British Virgin Islands" not in ids
    assert ids["Andrew Alturo Fahie"] == found["Andrew Alturo Fahie"]
    with Corrector(db) as fix:  # the corrections are still undoable on the new analysis
        fix.undo(3)
    assert snapshot(db)["counts"]["quotes"] == before["counts"]["quotes"] + 1


def test_a_new_pipeline_config_replaces_the_facts_and_a_kill_leaves_whole_articles(tmp_path, nlp):
    db = tmp_path / "news.db"
    without_quotes = AnalysisOptions(components=tuple(n for n, _ in COMPONENTS if n != "newsgraph_quotes_v1"))
    run_ingest([write_corpus(tmp_path / "in")], db, IngestOptions(analysis=without_quotes),
               nlp=build_pipeline(without_quotes))  # fmt: skip
    assert snapshot(db)["counts"]["quotes"] == 0

    def stop_after_first_batch(report: ReanalysisReport) -> None:
        if report.replaced:
            raise KeyboardInterrupt

    report = ReanalysisReport()
    with pytest.raises(KeyboardInterrupt):
        reanalyze_store(db, IngestOptions(commit_every=1), stop_after_first_batch, nlp=nlp, report=report)
    assert report.replaced == 1
    conn = sqlite3.connect(db)
    per_article = dict(conn.execute(
        "SELECT a.id, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a ORDER BY seq"))  # fmt: skip
    conn.close()
    assert list(per_article.values()) == [1, 0]  # the first article has its new facts, the second its old ones

    finished = reanalyze_store(db, IngestOptions(), nlp=nlp)
    assert finished.replaced == 2
    assert snapshot(db)["counts"]["quotes"] == 2
