"""`newsgraph load` of shards applies the corrections the store already holds (issue 14)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from newsgraph.batch.records import analyze_records, document_to_record
from newsgraph.batch.runner import IngestOptions, run_ingest
from newsgraph.cli import app
from newsgraph.evaluate.common import plain_document
from newsgraph.store.corrector import Corrector

COURT = (
    'Andrew Fahie appeared in a Miami court on Friday. "The evidence is overwhelming," prosecutor '
    "Juan Gonzalez told reporters."
)
LATER = "Juan Gonzalez, a prosecutor in Miami, said the trial of Andrew Fahie would start in June."


def write_shards(folder, nlp, texts: list[str]) -> None:
    """Shards as ``ingest --engine ray`` writes them: ``articles/*.parquet`` rows of the records
    the Ray actors produce with the same ``analyze_records``."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    documents = [plain_document(t, published="2023-06-01", path=f"later{i}.txt") for i, t in enumerate(texts)]
    records = analyze_records(nlp, [document_to_record(d) for d in documents])
    (folder / "articles").mkdir(parents=True)
    table = pa.table(
        {
            "id": [r["id"] for r in records],
            "article_json": [json.dumps(r["article"]) for r in records],
            "document_json": [json.dumps(r["document"]) for r in records],
            "error": ["" for _ in records],
        }
    )
    pq.write_table(table, folder / "articles" / "part-0.parquet")


def test_a_merge_and_a_reject_made_before_load_hold_for_loaded_articles(tmp_path, nlp):
    db = tmp_path / "news.db"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "court.txt").write_text(COURT, encoding="utf-8")
    run_ingest([tmp_path / "in"], db, IngestOptions(), nlp=nlp)
    conn = sqlite3.connect(db)
    found = dict(conn.execute("SELECT name, id FROM corpus_entities"))
    conn.close()
    with Corrector(db) as fix:
        fix.merge(found["Juan Gonzalez"], found["Andrew Fahie"], reason="testing a merge")
        fix.reject(found["Miami"], reason="testing a reject")
    write_shards(tmp_path / "shards", nlp, [LATER])

    result = CliRunner().invoke(app, ["load", str(tmp_path / "shards"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    conn = sqlite3.connect(db)
    loaded = dict(
        conn.execute("SELECT e.name, e.corpus_entity_id FROM entities e JOIN articles a ON a.id = e.article_id "
                     "WHERE a.path = 'later0.txt'")
    )  # fmt: skip
    corpus = dict(conn.execute("SELECT name, id FROM corpus_entities"))
    conn.close()
    assert "Miami" not in loaded and "Miami" not in corpus  # the rejected name stays out
    assert loaded["Juan Gonzalez"] == found["Andrew Fahie"]  # the merged name goes to the target
