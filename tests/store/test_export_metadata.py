"""What an export declares about each article (byline, section, length, other fields) reaches the store,
the article JSON, `newsgraph show` and the web reader; the source view points into the export file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.batch.runner import run_ingest
from newsgraph.cli import app
from newsgraph.readers.decoding import decode_bytes
from newsgraph.store import Database
from newsgraph.web.app import create_app
from support import FIXTURES


def stored_rows(db: Path) -> dict[str, dict]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT id, path, author, section, declared_length, source_offset, extra FROM articles"
        ).fetchall()
    finally:
        conn.close()
    keys = ("id", "path", "author", "section", "declared_length", "source_offset", "extra")
    return {row[1].rsplit("/", 1)[-1]: dict(zip(keys, row)) for row in rows}


@pytest.mark.shared
def test_a_nexis_export_keeps_section_length_byline_and_fields(nlp, shared_dir, tmp_path):
    sample = shared_dir / "samples" / "lexisnexis" / "sample.TXT"
    db = tmp_path / "ng.db"
    report = run_ingest([sample], db, nlp=nlp)
    assert report.added == 10, report.as_dict()
    rows = stored_rows(db)
    first, third = rows["sample.TXT#1"], rows["sample.TXT#3"]
    assert (first["author"], first["section"], first["declared_length"]) == ("Andrew Sparrow", None, 355)
    assert third["section"] == "FEATURES; Pg. 6" and third["declared_length"] == 677
    assert json.loads(first["extra"])["load-date"] == "January 11, 2010"
    assert 0 < first["source_offset"] < third["source_offset"]
    with Database(db) as store:
        data = store.article(third["id"]).to_dict()
    assert (data["section"], data["declared_length"]) == ("FEATURES; Pg. 6", 677)
    assert data["extra"]["language"] == "ENGLISH"

    # The source view maps a clean span into the export file's text, as Document.file_span does.
    export_text = decode_bytes(sample.read_bytes(), str(sample))
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as client:
        text = client.get(f"/api/articles/{third['id']}").json()["text"]
        start = text.index("Lorem")
        found = client.get(f"/api/articles/{third['id']}/source", params={"start": start, "end": start + 11}).json()
        assert found["source_start"] < found["file_start"] == third["source_offset"] + found["source_start"]
        assert export_text[found["file_start"] : found["file_end"]] == "Lorem ipsum"
        page = client.get(f"/articles/{third['id']}").text
        assert "section FEATURES; Pg. 6" in page and "length 677 words" in page
        source_page = client.get(f"/articles/{third['id']}/source", params={"start": start, "end": start + 11}).text
        assert f"characters [{found['file_start']}, {found['file_end']}) of the export" in source_page


def test_a_factiva_export_keeps_section_length_and_accession_number(nlp, tmp_path):
    db = tmp_path / "ng.db"
    report = run_ingest([FIXTURES / "factiva" / "harbour.html"], db, nlp=nlp)
    assert report.added >= 1, report.as_dict()
    first = stored_rows(db)["harbour.html#1"]
    assert (first["section"], first["declared_length"]) == ("Business", 86)
    extra = json.loads(first["extra"])
    assert extra["source_code"] == "COASTL" and extra["accession_number"]
    with Database(db) as store:
        data = store.article(first["id"]).to_dict()
    assert (data["section"], data["declared_length"], data["extra"]) == ("Business", 86, extra)

    shown = CliRunner().invoke(app, ["show", first["id"], "--db", str(db)], catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    assert "section Business" in shown.output and "length 86 words" in shown.output
