"""HTTP-level guarantees of the web app, in process: only the host names the server
was started for are answered (no DNS rebinding), HEAD answers like GET on every
route, and a 405 says which methods are allowed."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.errors import ServeError
from newsgraph.store import Store
from newsgraph.web import create_app
from support.sample import html_document, sample_articles

EVIL = "rebind.attacker.example"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("http") / "http.db"
    with Store(path) as store:
        for a in sample_articles():
            store.add(a, html_document(a))
    return path


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(str(db_path)), base_url="http://127.0.0.1:8000") as c:
        yield c


@pytest.fixture(scope="module")
def article_id(client) -> str:
    return client.get("/api/articles").json()["items"][0]["id"]


def urls(article_id: str) -> list[str]:
    return [
        "/", "/search?q=Geneva", "/articles", f"/articles/{article_id}", f"/articles/{article_id}/source",
        "/entities", "/entities/1", "/events", "/docs", "/openapi.json", "/static/favicon.svg",
        "/api/stats", "/api/articles", f"/api/articles/{article_id}", f"/api/articles/{article_id}/source?start=0&end=5",
        "/api/entities", "/api/entities/1", "/api/events", "/api/search?q=Geneva", "/api/articles?format=csv",
    ]  # fmt: skip


# -- Host header ------------------------------------------------------------------------


@pytest.mark.parametrize("host", [EVIL, f"{EVIL}:8000", "127.0.0.1.attacker.example", "localhost.", "", "[::2]"])
def test_a_forged_host_is_refused_everywhere(client, article_id, host):
    for url in [*urls(article_id), "/static", "/nowhere"]:
        r = client.get(url, headers={"host": host}, follow_redirects=False)
        assert r.status_code == 400, (url, host)
        assert EVIL not in r.headers.get("location", "") and EVIL not in r.text
        assert "Geneva" not in r.text and "/" not in r.text  # no corpus text, no file paths
        assert r.headers["x-content-type-options"] == "nosniff"


def test_the_static_redirect_never_echoes_a_forged_host(client):
    r = client.get("/static", headers={"host": EVIL}, follow_redirects=False)
    assert r.status_code == 400 and "location" not in r.headers


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:1234", "[::1]:8000"])
def test_the_local_names_are_answered(client, host):
    r = client.get("/api/stats", headers={"host": host})
    assert r.status_code == 200 and r.json()["articles"] == 3


def test_explicitly_allowed_hosts_and_wildcard_domains(db_path):
    app = create_app(str(db_path), allowed_hosts=["news.example.org", "*.reader.example"])
    with TestClient(app, base_url="http://news.example.org") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"host": "a.reader.example:443"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "localhost"}).status_code == 400
        assert c.get("/api/stats", headers={"host": EVIL}).status_code == 400
        r = c.get("/static", follow_redirects=False)
        assert r.status_code in (307, 308) and r.headers["location"] == "http://news.example.org/static/"


# -- HEAD and 405 -----------------------------------------------------------------------


def test_head_answers_like_get_without_a_body(client, article_id):
    for url in urls(article_id):
        got, head = client.get(url), client.head(url)
        assert got.status_code == 200, url
        assert head.status_code == 200, url
        assert head.content == b"", url
        assert head.headers["content-type"] == got.headers["content-type"], url
        assert head.headers["content-security-policy"] == got.headers["content-security-policy"], url


def test_head_on_a_missing_page_is_404(client):
    assert client.head("/articles/ffffffffffff").status_code == 404
    assert client.head("/api/nowhere").status_code == 404


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_405_names_the_allowed_methods(client, article_id, method):
    for url in urls(article_id):
        r = client.request(method, url)
        assert r.status_code == 405, (method, url)
        assert r.headers.get("allow") == "GET, HEAD", (method, url)


def test_host_names_are_checked_when_the_app_is_made(db_path):
    with pytest.raises(ServeError) as bad:
        create_app(str(db_path), allowed_hosts=["news*.example.org"])
    assert bad.value.code == "E403"
    app = create_app(str(db_path), allowed_hosts=["News.Example.ORG", "::1", "[0:0:0:0:0:0:0:1]"])
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/api/stats").status_code == 400  # the list given is the whole list
        assert c.get("/api/stats", headers={"host": "news.example.org"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "[::1]:80"}).status_code == 200
