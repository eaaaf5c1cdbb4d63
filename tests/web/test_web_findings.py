"""Findings in the reader and the API (issue 11): a "Findings" list under the quotes, with the
quotes' confidence display and threshold, and highlighted on the quotes' layer.  A hand-made article."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import Finding
from newsgraph.store import Store
from newsgraph.web import create_app
from support.sample import Builder, html_document


def findings_article():
    b = Builder()
    b.para("Anglers and the weir", "title")
    b.para("A new survey shows that most anglers want the old weir removed. Boatmen fear that the river will silt up.")
    sure = Finding(*b.find("most anglers want the old weir removed"), "record", b.span("A new survey"),
                   b.span("shows"), None, 0.74)  # fmt: skip
    doubtful = Finding(*b.find("the river will silt up"), "view", b.span("Boatmen"), b.span("fear"), None, 0.21)
    return b.article("Anglers and the weir", published="2024-06-01", source="Valley Post", findings=[sure, doubtful])


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("findings") / "web.db"
    with Store(path) as store:
        store.add(findings_article(), html_document(findings_article()))
    with TestClient(create_app(str(path)), base_url="http://127.0.0.1") as c:
        yield c


def test_reader_lists_a_finding_and_hides_one_below_the_threshold(client):
    aid = findings_article().id
    page = client.get(f"/articles/{aid}").text
    assert "Findings" in page and "most anglers want the old weir removed" in page
    assert "“A new survey”" in page and "conf. 0.74" in page
    assert 'data-fact="n-0"' in page  # highlighted in the text, on the quotes' layer
    assert "the river will silt up”" not in page and 'data-fact="n-1"' not in page
    assert "1 hidden" in page
    everything = client.get(f"/articles/{aid}?all=1").text
    assert "the river will silt up”" in everything and 'data-fact="n-1"' in everything
    assert "conf. 0.21" in everything and "“Boatmen”" in everything


def test_api_article_gives_findings_above_min_confidence(client):
    aid = findings_article().id
    shown = client.get(f"/api/articles/{aid}").json()
    assert [(f["kind"], f["source_span"]["text"]) for f in shown["findings"]] == [("record", "A new survey")]
    everything = client.get(f"/api/articles/{aid}", params={"min_confidence": 0}).json()
    assert [f["confidence"] for f in everything["findings"]] == [0.74, 0.21]
    assert client.get("/api/stats").json()["findings"] == 2
