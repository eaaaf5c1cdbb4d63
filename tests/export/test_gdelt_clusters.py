"""The GDELT-style export writes one row per event cluster and counts its reports."""

from __future__ import annotations

import csv

from newsgraph.export import export
from newsgraph.store import Store
from support.stories import rival_report, story_articles, syndicated_copy, wire_report


def _rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_one_arrest_reported_by_two_outlets_and_a_syndicated_copy_is_one_row(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add_many(story_articles())
    out = tmp_path / "events.tsv"
    assert export(db, "gdelt-events", out) == {"events": 1}
    (row,) = _rows(out)
    # the wire story and the rival's report; the syndicated copy is not a second source
    assert (row["NumArticles"], row["NumSources"], row["NumMentions"]) == ("2", "2", "2")
    assert row["ArticleId"] == wire_report().id  # the first report stands for the cluster
    assert row["SOURCEURL"] == "https://wire.example/acme"


def test_without_stories_every_report_is_a_row_of_its_own(tmp_path):
    db = tmp_path / "news.db"
    with Store(db, stories=False) as store:
        store.add_many([wire_report(), syndicated_copy(), rival_report()])
    out = tmp_path / "events.tsv"
    assert export(db, "gdelt-events", out) == {"events": 3}
    assert {r["NumArticles"] for r in _rows(out)} == {"1"}


def test_the_table_export_has_stories_and_the_story_columns(tmp_path):
    import json

    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add_many(story_articles())
    assert export(db, "jsonl", tmp_path / "tables")["stories"] == 2
    articles = [json.loads(line) for line in (tmp_path / "tables" / "articles.jsonl").read_text().splitlines()]
    copy = next(a for a in articles if a["id"] == syndicated_copy().id)
    assert copy["duplicate_of"] == wire_report().id and copy["story_id"] == wire_report().id
    events = [json.loads(line) for line in (tmp_path / "tables" / "events.jsonl").read_text().splitlines()]
    assert {e["cluster_id"] for e in events} == {f"{wire_report().id}:0"}
