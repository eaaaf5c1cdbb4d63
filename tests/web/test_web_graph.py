"""The graph views (/graph, an entity's neighbourhood), the entity timeline and mention
paging, in-process (TestClient) over a small hand-made store."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import Entity, Event
from newsgraph.store import Store
from newsgraph.web import create_app
from support.sample import Builder, graded_article, html_document, sample_articles


def lopez_brief(i: int):
    """A short article naming Maria Lopez once, with an event of hers on Ukraine in 2023
    (the first one dated 1841 by its text: an outlier)."""
    b = Builder()
    b.para(f"Envoy note {i}", "title")
    b.para(f"Maria Lopez met Ukraine officials again, in round {i} of the talks.")
    return b.article(
        f"Envoy note {i}", published=f"2023-{1 + i % 12:02d}-15", source="Brief Wire",
        entities=[Entity("E1", "Maria Lopez", "PERSON", b.mentions("Maria Lopez")),
                  Entity("E2", "Ukraine", "GPE", b.mentions("Ukraine"), country="UKR")],
        events=[Event("CONSULT", b.span("met"), source=["E1"], target=["E2"],
                      date="1841-03-01" if i == 0 else f"2023-{1 + i % 12:02d}-1{i % 10}")],
    )  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("graph-web") / "g.db"
    with Store(path) as store:
        for a in [*sample_articles(), graded_article()]:
            store.add(a, html_document(a))
        store.add_many(lopez_brief(i) for i in range(60))
    with TestClient(create_app(str(path)), base_url="http://127.0.0.1") as c:
        yield c


def entity_id(client, name: str) -> int:
    rows = client.get("/api/entities", params={"q": name}).json()["items"]
    return next(r["id"] for r in rows if r["name"] == name)


def block(body: str, name: str):
    return json.loads(re.search(rf'id="{name}">(.*?)</script>', body, re.S).group(1))


def test_corpus_graph_page_has_nodes_edges_and_a_tie_table(client):
    response = client.get("/graph")
    assert response.status_code == 200
    elements = block(response.text, "graph-data")
    labels = {n["data"]["label"] for n in elements["nodes"]}
    assert {"Maria Lopez", "Ukraine", "United Nations"} <= labels
    assert all("x" in n["position"] and "y" in n["position"] for n in elements["nodes"])
    ids = {n["data"]["id"] for n in elements["nodes"]}
    assert elements["edges"] and all({e["data"]["source"], e["data"]["target"]} <= ids for e in elements["edges"])
    heaviest = re.search(r'<table class="table compact ties">.*?<tbody>\s*<tr>(.*?)</tr>', response.text, re.S).group(1)
    assert "Maria Lopez" in heaviest and "Ukraine" in heaviest and ">61<" in heaviest  # 60 briefs and Geneva
    assert "/static/vendor/cytoscape/cytoscape.min.js" in response.text


def test_graph_filters_by_kind_type_and_date(client):
    events_only = block(client.get("/graph", params={"kind": "acts_on"}).text, "graph-data")
    assert {e["data"]["kind"] for e in events_only["edges"]} == {"acts_on"}
    assert all(e["data"]["directed"] for e in events_only["edges"])
    people = block(client.get("/graph", params=[("type", "PERSON"), ("type", "ORG")]).text, "graph-data")
    assert {n["data"]["type"] for n in people["nodes"]} <= {"PERSON", "ORG"}
    before_2024 = client.get("/graph", params={"date_to": "2023-12-31"}).text
    assert "United Nations" not in before_2024  # the sample stories are of 2024
    assert 'id="no-ties"' in client.get("/graph", params={"date_from": "2031-01-01"}).text


def test_low_confidence_ties_only_with_show_all(client):
    ibarra = entity_id(client, "Rosa Ibarra")
    shown = client.get("/graph", params={"center": ibarra}).text
    everything = client.get("/graph", params={"center": ibarra, "all": "1"}).text
    assert "Port Verde" not in shown and "Port Verde" in everything


def test_neighbourhood_on_the_entity_page_and_in_the_graph_view(client):
    lopez = entity_id(client, "Maria Lopez")
    body = client.get(f"/entities/{lopez}").text
    elements = block(body, "neighbourhood-data")
    centre = [n for n in elements["nodes"] if n["data"]["center"]]
    assert [n["data"]["label"] for n in centre] == ["Maria Lopez"]
    assert all(str(lopez) in (e["data"]["source"], e["data"]["target"]) for e in elements["edges"])
    assert f'href="/graph?center={lopez}"' in body
    focused = client.get("/graph", params={"center": lopez, "kind": "quoted_about"}).text
    assert "Ties of" in focused and {e["data"]["kind"] for e in block(focused, "graph-data")["edges"]} == {
        "quoted_about"
    }


@pytest.mark.parametrize(
    "params",
    [{"center": "99999999"}, {"center": "abc"}, {"center": "1" * 40}],
)
def test_unknown_center_is_a_404_page(client, params):
    response = client.get("/graph", params=params)
    assert response.status_code == 404 and "No entity" in response.text


@pytest.mark.parametrize(
    "params",
    [{"kind": "<script>"}, {"type": "'; DROP TABLE entities; --"}, {"date_from": "not-a-date"},
     {"limit": "-5"}, {"limit": "99999999999999999999"}, {"limit": "²"}, {"date_to": "2024-13-99"}],
)  # fmt: skip
def test_hostile_graph_parameters_are_no_filter_not_an_error(client, params):
    response = client.get("/graph", params=params)
    assert response.status_code == 200 and "<script>" not in response.text.split("<main", 1)[1].split("</main>")[0]


def test_entity_timeline_shows_2023_despite_an_1841_date(client):
    ukraine = entity_id(client, "Ukraine")
    timeline = block(client.get(f"/entities/{ukraine}").text, "timeline-data")
    keys = [b["key"] for b in timeline["bins"]]
    assert keys[0].startswith("2023") and keys[-1].startswith("2024")
    assert timeline["outside"] == [{"day": "1841-03-01", "dated_by": "event", "n": 1}]
    body = client.get(f"/entities/{ukraine}").text
    assert "Outside the range drawn" in body and "1841-03-01" in body
    assert "event date (from the text)" in body and "publication date" in body


def test_entity_mentions_are_paged(client):
    lopez = entity_id(client, "Maria Lopez")
    first = client.get(f"/entities/{lopez}").text
    total = 60 + 4  # the briefs, and Geneva (3) and Dhaka (1)
    assert f"showing 1–50 of {total}" in first and first.count('class="context"') == 50
    assert 'rel="next"' in first
    second = client.get(f"/entities/{lopez}", params={"page": 2}).text
    assert f"showing 51–{total} of {total}" in second and second.count('class="context"') == total - 50
    assert 'rel="next"' not in second and 'rel="prev"' in second


def test_event_rows_say_which_date_they_show(client):
    body = client.get("/events", params={"type": "CONSULT"}).text
    assert 'class="event-date" title="the event' in body
