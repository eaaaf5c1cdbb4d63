"""What the stories command, API and page read: timeline, merged events, quotes and framing by outlet."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Database, Store
from support.stories import rival_report, same_company_results, story_articles, syndicated_copy, wire_report


def _db(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add_many(story_articles())
    return db


def test_stories_json_lists_every_story_with_its_articles_and_merged_events(tmp_path):
    db = _db(tmp_path)
    result = CliRunner().invoke(app, ["stories", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    stories = {s["id"]: s for s in json.loads(result.stdout)["stories"]}
    assert set(stories) == {wire_report().id, same_company_results().id}  # a story of one article too
    arrest = stories[wire_report().id]
    by_id = {a["id"]: a for a in arrest["articles"]}
    assert by_id[syndicated_copy().id]["duplicate_of"] == wire_report().id
    assert by_id[wire_report().id]["duplicate_of"] is None and by_id[wire_report().id]["first_report"]
    assert {"source", "published", "title"} <= set(by_id[rival_report().id])
    (event,) = arrest["events"]
    assert event["type"] == "COERCE" and event["num_articles"] == 2 and event["num_sources"] == 2
    assert [r["outlet"] for r in event["reports"]] == ["Wire Service", "Evening Ledger"]


def test_a_story_shows_which_quotes_each_outlet_used_and_left_out_and_its_framing(tmp_path):
    db = _db(tmp_path)
    with Database(db) as reader:
        story = reader.story(rival_report().id)  # any article's id finds its story
    assert story["id"] == wire_report().id
    assert story["outlets"] == ["Wire Service", "Daily Courier", "Evening Ledger"]
    ledger = story["quotes"]["Evening Ledger"]
    assert [q["text"] for q in ledger["used"]] == ["a spectacle staged for the cameras"]
    assert [q["speaker"] for q in ledger["left_out"]] == ["Maria Vogt"]
    keller = next(actor for actor in story["framing"] if actor["name"] == "Hans Keller")
    framing = {entry["outlet"]: entry for entry in keller["outlets"]}
    assert framing["Evening Ledger"]["descriptors"] == ["the embattled boss of Acme Industries"]
    assert framing["Evening Ledger"]["tone"] < 0 and framing["Wire Service"]["tone"] == 0
