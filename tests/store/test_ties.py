"""The entity graph read from the store: ties by kind, filters, the networkx graph."""

from __future__ import annotations

import pytest

from newsgraph.model.confidence import MIN_CONFIDENCE
from newsgraph.store import Database, Store
from newsgraph.store.graph import entity_graph, layout
from support.sample import graded_article, html_document, sample_articles


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("ties") / "ties.db"
    with Store(path) as store:
        for a in [*sample_articles(), graded_article()]:
            store.add(a, html_document(a))
    with Database(path) as database:
        yield database


def cid(db, name: str) -> int:
    return next(r["id"] for r in db.search_entities(name) if r["name"] == name)


def named(db, ties):
    names = {r["id"]: r["name"] for r in db.entities(limit=1000)}
    return {(names[t["source"]], names[t["target"]], t["kind"]): t for t in ties}


def test_events_tie_source_to_target_with_their_types(db):
    ties = named(db, db.ties(kinds=["acts_on"]))
    un_ukraine = ties[("United Nations", "Ukraine", "acts_on")]
    assert un_ukraine["weight"] == 2 and un_ukraine["detail"] == ["AID", "CONSULT"]
    assert un_ukraine["directed"] and un_ukraine["first"] == "2024-03-12"
    assert ("Ukraine", "United Nations", "acts_on") not in ties  # directed: no reverse tie
    assert ("United Nations", "Bangladesh", "acts_on") in ties  # the Dhaka article's AID


def test_quote_ties_speaker_to_what_the_quote_names(db):
    ties = named(db, db.ties(kinds=["quoted_about"]))
    assert set(ties) == {("Maria Lopez", "Ukraine", "quoted_about")}


def test_co_mentions_count_articles_once_per_pair(db):
    ties = named(db, db.ties(kinds=["co_mentioned"], limit=None))
    lopez_un = (
        ties.get(("Maria Lopez", "United Nations", "co_mentioned"))
        or ties[("United Nations", "Maria Lopez", "co_mentioned")]
    )
    assert lopez_un["weight"] == 2  # Geneva and Dhaka
    assert all(t["source"] < t["target"] for t in ties.values())


def test_center_keeps_only_its_own_ties_and_filters_by_type(db):
    lopez = cid(db, "Maria Lopez")
    ties = db.ties(center=lopez, limit=None)
    assert ties and all(lopez in (t["source"], t["target"]) for t in ties)
    places = db.ties(center=lopez, types=["GPE"], limit=None)
    others = {t["target"] if t["source"] == lopez else t["source"] for t in places}
    kinds = {r["id"]: r["type"] for r in db.entities(limit=1000)}
    assert others and {kinds[o] for o in others} == {"GPE"}


def test_date_filter_compares_the_tie_dates(db):
    march_12 = db.ties(date_from="2024-03-05", date_to="2024-03-31", limit=None)
    assert march_12 and all("2024-03-05" <= t["first"] <= t["last"] <= "2024-03-31" for t in march_12)
    assert not db.ties(date_from="2030-01-01", limit=None)


def test_low_confidence_facts_make_no_tie(db):
    ibarra = cid(db, "Rosa Ibarra")
    everything = named(db, db.ties(center=ibarra, limit=None))
    shown = named(db, db.ties(center=ibarra, min_confidence=MIN_CONFIDENCE, limit=None))
    # The 0.1 ASSAULT on Port Verde (itself 0.15) is a tie only when every fact counts.
    assert ("Rosa Ibarra", "Port Verde", "acts_on") in everything
    assert ("Rosa Ibarra", "Port Verde", "acts_on") not in shown
    assert not any("Port Verde" in key for key in shown)


def test_unknown_kind_is_refused(db):
    with pytest.raises(ValueError, match="unknown tie kind"):
        db.ties(kinds=["friends"])


def test_networkx_graph_has_named_nodes_and_keyed_edges(db):
    graph = entity_graph(db, limit=None)
    lopez, ukraine = str(cid(db, "Maria Lopez")), str(cid(db, "Ukraine"))
    assert graph.nodes[lopez]["name"] == "Maria Lopez" and graph.nodes[lopez]["type"] == "PERSON"
    assert graph.has_edge(lopez, ukraine, key="quoted_about")
    positions = layout(graph)
    assert set(positions) == set(graph.nodes)
    assert positions == layout(graph)  # the same picture every time
    lone = entity_graph(db, center=int(lopez), kinds=["acts_on"])
    assert list(lone.nodes) == [lopez] and lone.number_of_edges() == 0  # the center stays
