"""Exports: GDELT-style events TSV, and every table as JSON Lines or Parquet."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import export
from newsgraph.export.gdelt import EXTRA_COLUMNS, GDELT_COLUMNS
from newsgraph.model import MIN_CONFIDENCE, Article, Entity, Event, Finding, Mention, Paragraph, Quote, Span
from newsgraph.store import Store

TEXT = "Moldova protests\n\nMoldovan troops shelled Tiraspol on Monday. Officials said Moldova would not attack Bender."


def _span(text: str, word: str) -> Span:
    start = TEXT.index(word)
    return Span(start, start + len(word), word)


def fixture_article() -> Article:
    def mention(word: str) -> Mention:
        span = _span(TEXT, word)
        return Mention(span.start, span.end, span.text)

    return Article(
        id="a1b2c3d4e5f60708",
        text=TEXT,
        title="Moldova protests",
        published="2024-03-04",
        url="https://wire.example.org/moldova",
        paragraphs=[Paragraph(0, 16, "title"), Paragraph(18, len(TEXT), "body")],
        entities=[
            Entity("E1", "Moldova", "GPE", [mention("Moldovan")], country="MDA", lat=47.0, lon=28.5,
                   gazetteer_id="iso3166:MDA"),
            Entity("E2", "Tiraspol", "GPE", [mention("Tiraspol")], country="MDA", lat=46.84, lon=29.64,
                   gazetteer_id="geonames:617239"),
            Entity("E3", "Bender", "GPE", [mention("Bender")], country="MDA", lat=46.83, lon=29.48),
        ],
        events=[
            Event("ASSAULT", _span(TEXT, "shelled"), source=["E1"], target=["E2"], location="E2",
                  date="2024-03-04", source_sector="military"),
            Event("ASSAULT", _span(TEXT, "attack"), source=["E1"], target=["E3"], modality="negated"),
        ],
    )  # fmt: skip


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "n.db"
    with Store(path) as store:
        store.add(fixture_article())
    return path


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_gdelt_events_has_gdelt_columns_and_only_asserted_rows(db, tmp_path):
    out = tmp_path / "events.tsv"
    assert export(db, "gdelt-events", out) == {"events": 1}
    header = out.read_text().splitlines()[0].split("\t")
    assert header == GDELT_COLUMNS + EXTRA_COLUMNS and len(GDELT_COLUMNS) == 61
    (row,) = read_tsv(out)
    assert row["SQLDATE"] == "20240304" and row["Year"] == "2024"
    assert row["Published"] == "2024-03-04"
    assert row["Actor1Code"] == "MDAMIL" and row["Actor1CountryCode"] == "MDA"
    assert row["Actor2Name"] == "Tiraspol"
    assert row["EventRootCode"] == "18" and row["QuadClass"] == "4" and float(row["GoldsteinScale"]) < 0
    assert row["ActionGeo_FullName"] == "Tiraspol" and row["ActionGeo_FeatureID"] == "617239"
    assert row["ActionGeo_Type"] == "4" and row["IsRootEvent"] == "1"
    assert row["TriggerText"] == "shelled"
    start, end = int(row["TriggerStart"]), int(row["TriggerEnd"])
    assert TEXT[start:end] == "shelled"  # the row carries its evidence
    assert row["SOURCEURL"] == "https://wire.example.org/moldova"


def test_gdelt_all_modalities(db, tmp_path):
    out = tmp_path / "events.tsv"
    assert export(db, "gdelt-events", out, all_modalities=True) == {"events": 2}
    assert [r["Modality"] for r in read_tsv(out)] == ["asserted", "negated"]
    ids = [r["GLOBALEVENTID"] for r in read_tsv(out)]
    export(db, "gdelt-events", out, all_modalities=True, force=True)
    assert [r["GLOBALEVENTID"] for r in read_tsv(out)] == ids, "event ids are stable across exports"


def test_jsonl_tables(db, tmp_path):
    counts = export(db, "jsonl", tmp_path / "tables")
    assert counts["articles"] == 1 and counts["entities"] == 3 and counts["events"] == 2
    (article,) = [json.loads(line) for line in (tmp_path / "tables" / "articles.jsonl").read_text().splitlines()]
    assert json.loads(article["article_json"])["title"] == "Moldova protests"
    assert "source_text" not in article


def test_parquet_tables_read_by_duckdb(db, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    export(db, "parquet", tmp_path / "pq")
    rows = duckdb.sql(
        f"SELECT e.name, count(*) FROM read_parquet('{tmp_path}/pq/mentions.parquet') m "
        f"JOIN read_parquet('{tmp_path}/pq/entities.parquet') e ON e.local_id = m.entity_id GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert rows == [("Bender", 1), ("Moldova", 1), ("Tiraspol", 1)]
    empty = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/quotes.parquet')").fetchall()
    assert empty == [(0,)]


def test_cli_export(db, tmp_path):
    result = CliRunner().invoke(
        app, ["export", "--format", "gdelt-events", "--out", str(tmp_path / "e.tsv"), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert "events 1" in result.stdout
    bad = CliRunner().invoke(app, ["export", "--format", "xml", "--out", str(tmp_path / "x"), "--db", str(db)])
    assert bad.exit_code != 0


# -- confidence ---------------------------------------------------------------------------------


@pytest.fixture()
def graded_db(tmp_path):
    """The fixture article with one event, one entity and one quote below the default threshold."""
    article = fixture_article()
    article.events[0].confidence = 0.9
    article.events[1].modality = "asserted"
    article.events[1].confidence = 0.2  # below MIN_CONFIDENCE
    article.entities[2].confidence = 0.1  # Bender: below
    article.entities[0].confidence = 0.8
    article.quotes = [
        Quote(18, 26, TEXT[18:26], "direct", confidence=0.3),
        Quote(27, 35, TEXT[27:35], "direct"),  # no confidence: counts as 1.0
    ]
    path = tmp_path / "graded.db"
    with Store(path) as store:
        store.add(article)
    return path


def test_gdelt_export_leaves_out_events_below_the_threshold_and_shows_confidence(graded_db, tmp_path):
    assert MIN_CONFIDENCE > 0.2
    out = tmp_path / "events.tsv"
    assert export(graded_db, "gdelt-events", out) == {"events": 1}
    (row,) = read_tsv(out)
    assert row["TriggerText"] == "shelled" and row["Confidence"] == "0.9"
    assert export(graded_db, "gdelt-events", out, min_confidence=0, force=True) == {"events": 2}
    assert [r["Confidence"] for r in read_tsv(out)] == ["0.9", "0.2"]
    assert export(graded_db, "gdelt-events", out, min_confidence=0.95, force=True) == {"events": 0}


def test_table_exports_filter_facts_and_what_belongs_to_them(graded_db, tmp_path):
    def rows(folder, table):
        return [json.loads(line) for line in (folder / f"{table}.jsonl").read_text().splitlines()]

    shown = tmp_path / "shown"
    counts = export(graded_db, "jsonl", shown)
    assert counts["entities"] == 2 and counts["quotes"] == 1 and counts["events"] == 1
    assert {e["name"]: e["confidence"] for e in rows(shown, "entities")} == {"Moldova": 0.8, "Tiraspol": None}
    assert [m["text"] for m in rows(shown, "mentions")] == ["Moldovan", "Tiraspol"]  # Bender's mention went too
    assert [(a["event_idx"], a["role"]) for a in rows(shown, "event_actors")] == [(0, "source"), (0, "target")]
    everything = tmp_path / "all"
    counts = export(graded_db, "jsonl", everything, min_confidence=0)
    assert counts["entities"] == 3 and counts["quotes"] == 2 and counts["events"] == 2 and counts["mentions"] == 3
    assert sorted(q["confidence"] or 1.0 for q in rows(everything, "quotes")) == [0.3, 1.0]


def test_cli_export_min_confidence(graded_db, tmp_path):
    def run(*extra):
        out = tmp_path / f"e{len(extra)}.tsv"
        args = ["export", "--format", "gdelt-events", "--out", str(out), "--db", str(graded_db), *extra]
        return CliRunner().invoke(app, args)

    assert "events 1" in run().stdout
    assert "events 2" in run("--min-confidence", "0").stdout
    bad = run("--min-confidence", "1.5")
    assert bad.exit_code != 0 and "Traceback" not in bad.output


def test_an_undated_event_is_not_stamped_with_the_publication_date(tmp_path):
    article = fixture_article()
    article.events[0].date = None  # e.g. "X resigned the presidency", with no date in the text
    path = tmp_path / "undated.db"
    with Store(path) as store:
        store.add(article)
    out = tmp_path / "events.tsv"
    export(path, "gdelt-events", out)
    (row,) = read_tsv(out)
    assert row["SQLDATE"] == "" and row["Year"] == "" and row["Published"] == "2024-03-04"


def test_table_exports_include_findings_and_respect_min_confidence(tmp_path):
    article = fixture_article()
    content = _span(TEXT, "Moldova would not attack Bender")
    article.findings = [
        Finding(
            content.start, content.end, content.text, "view", _span(TEXT, "Officials"), _span(TEXT, "said"), None, 0.35
        ),  # fmt: skip
    ]
    path = tmp_path / "findings.db"
    with Store(path) as store:
        store.add(article)

    def rows(folder):
        return [json.loads(line) for line in (folder / "findings.jsonl").read_text().splitlines()]

    assert export(path, "jsonl", tmp_path / "shown")["findings"] == 0  # 0.35 is below MIN_CONFIDENCE
    assert export(path, "jsonl", tmp_path / "all", min_confidence=0)["findings"] == 1
    (row,) = rows(tmp_path / "all")
    assert (row["kind"], row["source_text"], row["cue_text"], row["text"], row["confidence"]) == (
        "view", "Officials", "said", "Moldova would not attack Bender", 0.35
    )  # fmt: skip
    assert export(path, "parquet", tmp_path / "pq", min_confidence=0)["findings"] == 1
