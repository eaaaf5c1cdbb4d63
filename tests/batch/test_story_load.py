"""Loading shards keeps story ids: the same articles loaded twice, or into a store that has
them from a local ingest, never make a second story."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.batch.load import load_shards
from newsgraph.store import Database
from support.sample import html_document
from support.stories import story_articles, wire_report


def _write_shards(folder, articles) -> None:
    (folder / "articles").mkdir(parents=True)
    table = pa.table(
        {
            "article_json": [json.dumps(a.to_dict()) for a in articles],
            "document_json": [json.dumps(html_document(a).to_record()) for a in articles],
            "error": [None] * len(articles),
        }
    )
    pq.write_table(table, folder / "articles" / "part-0.parquet")


def _stories(db):
    with Database(db) as reader:
        return sorted((s["id"], sorted(a["id"] for a in s["articles"])) for s in reader.stories(limit=None))


def test_loading_the_same_shards_twice_keeps_one_story_each(tmp_path):
    articles = story_articles()
    _write_shards(tmp_path / "shards", articles[:2])
    _write_shards(tmp_path / "more", articles)  # overlaps the first shards
    db = tmp_path / "news.db"
    assert load_shards(tmp_path / "shards", db) == {"added": 2, "duplicates": 0}
    first = _stories(db)
    assert load_shards(tmp_path / "shards", db) == {"added": 0, "duplicates": 2}
    assert _stories(db) == first
    assert load_shards(tmp_path / "more", db) == {"added": 2, "duplicates": 2}
    stories = _stories(db)
    assert len(stories) == 2 and stories[[s[0] for s in stories].index(wire_report().id)][1] == sorted(
        a.id for a in articles[:3]
    )
