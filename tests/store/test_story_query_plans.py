"""Story and event-cluster matching read no article rows: those rows hold the text, the source
text and the analysis, and the columns matching needs (story_id, duplicate_of) come after them."""

from __future__ import annotations

import re

from newsgraph.store import Store
from support.stories import story_articles

# A step of a query plan that visits the articles table ("a") other than through a covering index.
_ROW_READ = re.compile(r"^(SCAN|SEARCH) a\b(?!.*COVERING INDEX)")


def _rival_report_statements(db) -> list[str]:
    """The SQL statements that storing another outlet's report of a stored story runs."""
    wire, copy, rival, other = story_articles()
    seen: list[str] = []
    with Store(db) as store:
        for article in (wire, copy, other):
            store.add(article)
        store.connection.set_trace_callback(seen.append)
        assert store.add(rival).story_id == wire.id
        store.connection.set_trace_callback(None)
    return seen


def _story_selects(db) -> list[str]:
    """The SELECTs on story_id that storing another outlet's report of a stored story runs."""
    return [s for s in _rival_report_statements(db) if s.lstrip().upper().startswith("SELECT") and "story_id" in s]


def test_story_and_cluster_queries_read_articles_only_through_covering_indexes(tmp_path):
    db = tmp_path / "news.db"
    selects = _story_selects(db)
    assert any("FROM events v" in s for s in selects)  # the cluster query ran
    assert any("a.duplicate_of IS NULL" in s for s in selects)  # and the story members query
    with Store(db) as store:
        for sql in selects:
            plan = [row[3] for row in store.connection.execute("EXPLAIN QUERY PLAN " + sql)]
            assert not [step for step in plan if _ROW_READ.match(step)], (sql, plan)


def _entity_selects(db) -> list[str]:
    """The SELECTs of stored articles' corpus entities that storing a rival report of a stored story runs."""
    return [s for s in _rival_report_statements(db) if "FROM entities WHERE article_id IN" in " ".join(s.split())]


def test_matching_reads_stored_articles_corpus_entities_from_an_index_only(tmp_path):
    # Story members' and cluster reports' entities: read for dozens of articles per new one,
    # so each (local id, corpus id) pair must come from an index, not the entity's row.
    db = tmp_path / "news.db"
    selects = _entity_selects(db)
    assert len(selects) >= 2  # the story members' entities and the cluster reports' entities
    with Store(db) as store:
        for sql in selects:
            plan = [row[3] for row in store.connection.execute("EXPLAIN QUERY PLAN " + sql)]
            assert all("COVERING INDEX" in step for step in plan if step.startswith(("SCAN", "SEARCH"))), (sql, plan)
