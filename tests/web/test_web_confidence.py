"""Precision first in what people see: facts below MIN_CONFIDENCE are hidden by the reader,
the entity and event pages and the API until asked for ("show all facts", ``?all=1``,
``min_confidence=0``), and every shown fact says its confidence."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import MIN_CONFIDENCE
from newsgraph.store import Store
from newsgraph.web import create_app
from support.sample import graded_article, html_document, sample_articles


@pytest.fixture(scope="module")
def graded():
    return graded_article()


@pytest.fixture(scope="module")
def client(tmp_path_factory, graded):
    path = tmp_path_factory.mktemp("confidence") / "web.db"
    with Store(path) as store:
        for a in [*sample_articles(), graded]:
            store.add(a, html_document(a))
    with TestClient(create_app(str(path)), base_url="http://127.0.0.1") as c:
        yield c


def corpus_id(client, name: str) -> int:
    rows = client.get("/api/entities", params={"q": name}).json()["items"]
    return next(r["id"] for r in rows if r["name"] == name)


def test_the_graded_article_straddles_the_threshold(graded):
    assert graded.quotes[1].confidence < MIN_CONFIDENCE <= graded.quotes[0].confidence


def test_reader_hides_low_confidence_facts_until_show_all(client, graded):
    page = client.get(f"/articles/{graded.id}").text
    assert "the ferry keeps this island alive" in page and "conf. 0.92" in page
    assert "“the debate”" not in page and 'data-fact="q-1"' not in page
    assert 'data-fact="v-1"' not in page and 'data-fact="e1"' not in page  # the doubtful event and place
    assert 'id="show-all"' in page and "?all=1" in page and "3 hidden" in page
    everything = client.get(f"/articles/{graded.id}?all=1").text
    assert "“the debate”" in everything and 'data-fact="q-1"' in everything and "conf. 0.20" in everything
    assert 'data-fact="v-1"' in everything and "confidence 0.10" in everything  # in the tooltip too
    assert 'aria-pressed="true"' in everything


def test_entity_page_hides_low_confidence_quotes_and_events(client):
    cid = corpus_id(client, "Rosa Ibarra")
    page = client.get(f"/entities/{cid}").text
    assert "the ferry keeps this island alive" in page and "the debate" not in page
    assert "picketed" in page and ">concluded<" not in page
    everything = client.get(f"/entities/{cid}?all=1").text
    assert "the debate" in everything and ">concluded<" in everything


def test_events_page_honours_show_all(client):
    assert ">concluded<" not in client.get("/events").text
    page = client.get("/events?all=1").text
    assert ">concluded<" in page and 'name="all" value="1"' in page


def test_api_takes_min_confidence(client, graded):
    shown = client.get(f"/api/articles/{graded.id}").json()
    assert [q["confidence"] for q in shown["quotes"]] == [0.92]
    assert [e["name"] for e in shown["entities"]] == ["Rosa Ibarra"]
    assert [ev["type"] for ev in shown["events"]] == ["PROTEST"]
    everything = client.get(f"/api/articles/{graded.id}", params={"min_confidence": 0}).json()
    assert [q["confidence"] for q in everything["quotes"]] == [0.92, 0.2] and len(everything["entities"]) == 2
    events = client.get("/api/events", params={"actor": "Rosa Ibarra"}).json()["items"]
    assert [(e["type"], e["confidence"]) for e in events] == [("PROTEST", 0.85)]
    events = client.get("/api/events", params={"actor": "Rosa Ibarra", "min_confidence": 0}).json()["items"]
    assert sorted(e["type"] for e in events) == ["ASSAULT", "PROTEST"]
    ent = client.get(f"/api/entities/{corpus_id(client, 'Rosa Ibarra')}", params={"min_confidence": 0.95}).json()
    assert ent["quotes"] == [] and ent["events"] == []
    assert client.get("/api/events", params={"min_confidence": 2}).status_code == 422
