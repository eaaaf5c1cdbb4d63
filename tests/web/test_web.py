"""The web app in-process (FastAPI TestClient) over a small store of hand-made articles."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from newsgraph.errors import StoreError
from newsgraph.model import Article, Entity, Mention, Paragraph, Quote
from newsgraph.store import Store
from newsgraph.web import create_app
from newsgraph.web.highlight import article_facts, render_paragraphs
from support.sample import html_document, sample_articles, synthetic_article

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
N_SYNTHETIC = 45


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return sample_articles()


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, articles):
    path = tmp_path_factory.mktemp("web") / "web.db"
    with Store(path) as store:
        for a in articles:
            store.add(a, html_document(a))
        store.add_many(synthetic_article(i, paragraphs=4) for i in range(N_SYNTHETIC))
    return path


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(str(db_path)), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="module")
def geneva(articles) -> Article:
    return articles[0]


def entity_id(client, name: str) -> int:
    rows = client.get("/api/entities", params={"q": name}).json()["items"]
    return next(r["id"] for r in rows if r["name"] == name)


def page_urls(geneva):
    return [
        "/", "/search?q=Geneva", "/search?q=", "/articles", "/articles?page=2", f"/articles/{geneva.id}",
        f"/articles/{geneva.id[:6]}", f"/articles/{geneva.id}/source", f"/articles/{geneva.id}/source?start=5&end=9",
        "/entities", "/entities?type=PERSON", "/entities?q=lopez", "/entities/1", "/events", "/events?type=AID",
        "/docs",
    ]  # fmt: skip


# -- every page -------------------------------------------------------------------------


def test_every_page_renders_with_security_headers(client, geneva):
    for url in page_urls(geneva):
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html"), url
        assert r.headers["content-security-policy"].startswith(CSP), url
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_no_inline_script_style_or_handlers_and_no_cdn(client, geneva):
    for url in page_urls(geneva):
        body = client.get(url).text
        for tag in re.findall(r"<script\b[^>]*>", body):
            assert 'src="/static/' in tag or 'type="application/json"' in tag, (url, tag)
        assert not re.search(r"<[^>]+\sstyle=", body), url
        assert not re.search(r"<[^>]+\son[a-z]+=", body, re.I), url
        assert "<style" not in body
        for ref in re.findall(r'(?:src|href)="([^"]+)"', body):
            assert not ref.startswith("//") and "cdn" not in ref, (url, ref)


def test_api_and_static_carry_headers(client):
    for url in ["/api/articles", "/openapi.json", "/static/css/app.css", "/nope"]:
        assert client.get(url).headers["content-security-policy"].startswith(CSP), url


def test_home_shows_counts_newest_and_top_entities(client, articles):
    body = client.get("/").text
    stats = client.get("/api/stats").json()
    assert stats["articles"] == len(articles) + N_SYNTHETIC
    assert f'<span class="stat-n">{stats["articles"]}</span>' in body
    assert 'action="/search"' in body
    assert "/articles/" in body and "/entities/" in body


# -- search -----------------------------------------------------------------------------


def test_search_highlights_and_lists_names(client, geneva):
    body = client.get("/search", params={"q": "geneva"}).text
    assert f'href="/articles/{geneva.id}"' in body
    assert "<mark>Geneva</mark>" in body or "<mark>GENEVA</mark>" in body
    assert '<a class="chip" href="/entities/' in body  # the entity Geneva


def test_search_paging(client):
    first = client.get("/search", params={"q": "report"}).text
    assert first.count('class="result"') == 20
    assert 'rel="next"' in first and "page=2" in first
    second = client.get("/search", params={"q": "report", "page": 2}).text
    third = client.get("/search", params={"q": "report", "page": 3}).text
    assert second.count('class="result"') == 20 and third.count('class="result"') == N_SYNTHETIC - 40
    assert 'rel="next"' not in third and 'rel="prev"' in third
    ids = [re.findall(r'class="result">\s*<a class="article-title" href="/articles/(\w+)"', p) for p in (first, second)]
    assert not set(ids[0]) & set(ids[1])


HOSTILE = [
    '"', "'", "*", "NEAR(", "NEAR(a b", "a OR", "AND", "NOT x", "^geneva", "title:geneva", "(((", ")",
    "<script>alert(1)</script>", "\u202e\u0000\ufffd", "Genève", "日本語 ニュース", "🙂", "a" * 6000,
    " ".join(["geneva"] * 400), "%", "\\", "-", "--", "''); DROP TABLE articles; --", "\x00", "{}[]",
]  # fmt: skip


@pytest.mark.parametrize("q", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_search_never_fails(client, q):
    r = client.get("/search", params={"q": q})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text
    api = client.get("/api/search", params={"q": q})
    assert api.status_code == 200
    assert isinstance(api.json()["items"], list)
    assert client.get("/entities", params={"q": q}).status_code == 200
    assert client.get("/api/entities", params={"q": q}).status_code == 200
    assert client.get("/events", params={"actor": q, "type": q, "country": q, "date_from": q}).status_code == 200


def test_unsearchable_query_explains(client):
    body = client.get("/search", params={"q": "***"}).text
    assert "punctuation and symbols are not searchable" in body
    body = client.get("/search", params={"q": "zzzqqqxx"}).text
    assert "No articles match" in body
    body = client.get("/search", params={"q": "x" * 2000}).text
    assert "cut to its first 500 characters" in body


def test_lenient_page_numbers(client):
    for page in ["abc", "-3", "0", "99999999999999999999", ""]:
        assert client.get("/search", params={"q": "report", "page": page}).status_code == 200
        assert client.get("/articles", params={"page": page}).status_code == 200


# -- article reader ---------------------------------------------------------------------


def _reader(body: str) -> str:
    return body.split('id="reader"', 1)[1].split("</article>", 1)[0]


def test_reader_text_is_the_article_text(client, geneva):
    body = _reader(client.get(f"/articles/{geneva.id}").text)
    paras = re.findall(r"<(p|blockquote)[^>]*>(.*?)</\1>", body, re.S)
    assert [html.unescape(re.sub(r"<[^>]+>", "", inner)) for _, inner in paras] == [
        geneva.text[p.start : p.end] for p in geneva.paragraphs
    ]
    assert [tag for tag, _ in paras].count("blockquote") == 1


def test_reader_highlights_every_layer_and_overlaps(client, geneva):
    body = client.get(f"/articles/{geneva.id}").text
    reader = _reader(body)
    for layer in ["entity", "quote", "figure", "date", "event"]:
        assert f"hl-{layer}" in reader, layer
        assert f'data-layer="{layer}"' in body
    # "Ukraine" inside the quote carries both layers on one segment
    tokens = re.search(r'class="hl hl-entity hl-quote" data-facts="([^"]+)"[^>]*>Ukraine<', reader).group(1)
    assert set(tokens.split()) == {"e2", "q-0"}
    assert 'id="f-q-0"' in reader and 'id="f-e0"' in reader and 'id="f-v-0"' in reader


def test_side_panel_lists_every_fact(client, geneva):
    body = client.get(f"/articles/{geneva.id}").text
    panel = body.split('id="facts"', 1)[1]
    for e in geneva.entities:
        assert html.escape(e.name) in panel
    assert "Maria Lopez</a>" in panel and 'class="speaker-link"' in panel  # quote speaker
    # ... with the speaker as written, linked to where the quote is attributed
    written = geneva.quotes[0].speaker_span
    assert written.text == "Lopez"
    link = f'href="/articles/{geneva.id}/source?start={written.start}&amp;end={written.end}#hit"'
    assert re.search(r'\(<a class="speaker-span" ' + re.escape(link) + r"[^>]*>“Lopez”</a>\)</span>", panel)
    assert "2,500,000,000 USD" in panel  # figure value
    assert "2024-03-14" in panel  # resolved date
    assert "CONSULT" in panel and "reported" in panel and "hypothetical" in panel  # event type and modality
    assert panel.count('class="src-link"') == len(geneva.quotes) + len(geneva.amounts) + len(geneva.dates) + len(
        geneva.events
    )


def test_focus_marks_entity(client, geneva):
    body = client.get(f"/articles/{geneva.id}", params={"focus": "E1"}).text
    assert 'data-focus="e0"' in body
    assert client.get(f"/articles/{geneva.id}", params={"focus": "<x>"}).status_code == 200


def test_source_view_marks_the_mapped_span(client, geneva):
    quote = geneva.quotes[1]  # the block quote
    body = client.get(f"/articles/{geneva.id}/source", params={"start": quote.start, "end": quote.end}).text
    assert f'<mark id="hit" class="hit">{html.escape(quote.text)}</mark>' in body
    assert "&lt;blockquote&gt;" in body  # the HTML source is shown as text
    src = client.get(f"/api/articles/{geneva.id}/source", params={"start": quote.start, "end": quote.end}).json()
    assert src["source_text"] == quote.text and src["source_start"] > quote.start
    for start, end in [("x", "y"), ("-5", "3"), ("9", "2"), ("0", "999999")]:
        assert client.get(f"/articles/{geneva.id}/source", params={"start": start, "end": end}).status_code == 200


def test_highlight_segments_cover_each_fact_exactly():
    text = "Alpha Beta Gamma Delta"
    a = Article(
        id="t", text=text, paragraphs=[Paragraph(0, len(text), "body")],
        entities=[Entity("E1", "Beta Gamma", "ORG", [Mention(6, 16, "Beta Gamma")]),
                  Entity("E2", "Gamma", "PERSON", [Mention(11, 16, "Gamma")])],
        quotes=[Quote(0, 16, text[0:16], "direct", "E2"), Quote(11, 22, text[11:22], "direct", None)],
    )  # fmt: skip
    ((kind, markup),) = render_paragraphs(a)
    segs = re.findall(r'<span class="([^"]+)" data-facts="([^"]+)"[^>]*>([^<]*)</span>', str(markup))
    for fact in article_facts(a):
        covered = "".join(t for _, toks, t in segs if fact.token in toks.split())
        assert covered == text[fact.start : fact.end], fact
    assert [(c, set(t.split())) for c, t, x in segs if x == "Gamma"] == [
        ("hl hl-entity hl-quote", {"e0", "e1", "q-0", "q-1"})
    ]
    assert re.sub(r"<[^>]+>", "", str(markup)) == text


# -- entities ----------------------------------------------------------------------------


def test_entity_page(client):
    cid = entity_id(client, "Maria Lopez")
    body = client.get(f"/entities/{cid}").text
    assert "Maria Lopez" in body and "PERSON" in body
    assert "Nobody leaves this room" in body  # her quote
    assert "a veteran diplomat" in body  # framing
    assert 'href="/entities/' in body and "United Nations" in body  # co-occurring
    assert body.count('class="context"') == 4  # mentions in two articles, with context
    assert "?focus=E1" in body


def test_place_entity_has_map_and_timeline(client):
    cid = entity_id(client, "Geneva")
    body = client.get(f"/entities/{cid}").text
    data = json.loads(re.search(r'<script type="application/json" id="map-data">(.*?)</script>', body).group(1))
    assert data["points"][0]["lat"] == pytest.approx(46.2022) and data["countries"] == {"756": 1}
    assert 'id="timeline-data"' in body and "Switzerland" in body


def test_entities_list_and_filter(client):
    body = client.get("/entities", params={"type": "PERSON"}).text
    assert "Maria Lopez" in body and "Geneva</a>" not in body


# -- events ------------------------------------------------------------------------------


def _event_types(body: str) -> list[str]:
    return re.findall(r'<span class="badge ev-type">(\w+)</span>', body.split('id="event-list"', 1)[-1])


def test_events_filters(client):
    assert set(_event_types(client.get("/events", params={"type": "AID"}).text)) == {"AID"}
    kenya = client.get("/events", params={"country": "KEN", "date_from": "2024-01-01", "date_to": "2024-02-28"}).text
    assert sorted(_event_types(kenya)) == ["ASSAULT", "PROTEST"]
    march = client.get("/api/events", params={"date_from": "2024-03-04", "date_to": "2024-03-04"}).json()
    assert {e["type"] for e in march["items"]} == {"AID"} and len(march["items"]) == 2
    red_cross = client.get("/events", params={"actor": "Red Cross", "date_from": "2024-01-01"}).text
    assert _event_types(red_cross) == ["AID"]
    cid = entity_id(client, "Red Cross")
    assert "appealing" in client.get("/events", params={"actor": str(cid)}).text
    none = client.get("/events", params={"actor": "Nobody Atall"}).text
    assert 'id="no-events"' in none


def test_events_map_and_timeline_data(client):
    body = client.get("/events", params={"date_from": "2024-01-01"}).text
    data = json.loads(re.search(r'id="map-data">(.*?)</script>', body).group(1))
    assert {"404", "804", "643", "050"} <= set(data["countries"])  # Kenya, Ukraine, Russia, Bangladesh
    assert any(p["label"].startswith("Nairobi · 2 events") for p in data["points"])
    timeline = json.loads(re.search(r'id="timeline-data">(.*?)</script>', body).group(1))
    nairobi = next(b for b in timeline["bins"] if b["from"] <= "2024-02-20" <= b["to"])
    assert nairobi["event"] >= 2 and timeline["total"] == sum(b["n"] for b in timeline["bins"])
    kenya = client.get("/events", params={"country": "KEN", "date_from": "2024-02-01", "date_to": "2024-02-28"}).text
    kenya_days = json.loads(re.search(r'id="timeline-data">(.*?)</script>', kenya).group(1))
    assert kenya_days["unit"] == "day" and [(b["key"], b["event"]) for b in kenya_days["bins"]] == [("2024-02-20", 2)]


def test_events_paging(client):
    first = client.get("/events").text
    assert first.count('class="event-row"') == 50 and 'rel="next"' in first
    second = client.get("/events", params={"page": 2}).text
    assert 0 < second.count('class="event-row"') < 50


# -- JSON API -----------------------------------------------------------------------------


def test_api_articles_paging(client, articles):
    first = client.get("/api/articles", params={"limit": 20}).json()
    assert len(first["items"]) == 20 and first["next"]
    everything, url = [], "/api/articles?limit=20"
    while url:
        page = client.get(url).json()
        everything += page["items"]
        url = page["next"]
    assert len({r["id"] for r in everything}) == len(articles) + N_SYNTHETIC
    assert client.get("/api/articles", params={"limit": 0}).status_code == 422
    assert client.get("/api/articles", params={"limit": 5000}).status_code == 422


def test_api_article_is_the_schema_json(client, geneva):
    data = client.get(f"/api/articles/{geneva.id}").json()
    assert data == json.loads(json.dumps(geneva.to_dict()))
    assert Article.from_dict(data).text == geneva.text


def test_api_entity_search_and_events(client):
    cid = entity_id(client, "Maria Lopez")
    ent = client.get(f"/api/entities/{cid}").json()
    assert ent["name"] == "Maria Lopez" and len(ent["quotes"]) == 2 and ent["framing"]
    found = client.get("/api/search", params={"q": "Lopez"}).json()
    assert len(found["items"]) == 2 and found["entities"][0]["name"] == "Maria Lopez"
    assert "<mark>Lopez</mark>" in found["items"][0]["snippet_html"]
    events = client.get("/api/events", params={"type": "CONSULT", "date_from": "2024-01-01"}).json()["items"]
    assert events[0]["source"][0]["name"] == "United Nations"


def test_csv_and_jsonl_downloads_stream_every_row(client, articles):
    total = len(articles) + N_SYNTHETIC
    r = client.get("/api/articles", params={"format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    assert 'attachment; filename="articles.csv"' == r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total and {"id", "title", "published"} <= set(rows[0])
    r = client.get("/api/articles", params={"format": "jsonl", "limit": 7})
    assert r.headers["content-type"].startswith("application/x-ndjson")
    assert len([json.loads(line) for line in r.text.splitlines()]) == 7
    events = list(csv.DictReader(io.StringIO(client.get("/api/events?format=csv&type=AID").text)))
    assert events and all(e["type"] == "AID" for e in events)
    assert any(e["source"] == "Red Cross" for e in events)  # actors flattened to names
    found = client.get("/api/search", params={"q": "report", "format": "jsonl"}).text.splitlines()
    assert len(found) == N_SYNTHETIC and "snippet_html" not in json.loads(found[0])
    ents = list(csv.DictReader(io.StringIO(client.get("/api/entities?format=csv").text)))
    assert len(ents) == client.get("/api/stats").json()["entities"]


def test_csv_neutralises_formulas():
    from newsgraph.web.api import _cell

    assert _cell("=cmd()") == "'=cmd()" and _cell("+1") == "'+1" and _cell(-3) == -3 and _cell("ok") == "ok"


def test_openapi_and_docs_offline(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/articles", "/api/articles/{article_id}", "/api/entities/{entity_id}", "/api/events",
                 "/api/search"]:  # fmt: skip
        assert spec["paths"][path]["get"]["summary"], path
    assert not any(p.startswith("/articles") for p in spec["paths"])  # pages stay out of the API doc
    docs = client.get("/docs").text
    assert "/api/events" in docs and "swagger" not in docs.lower()
    assert client.get("/redoc").status_code == 404
    atlas = client.get("/static/vendor/world-atlas/countries-110m.json")
    assert atlas.status_code == 200 and atlas.json()["type"] == "Topology"
    assert client.get("/static/vendor/topojson-client/topojson-client.min.js").status_code == 200


# -- errors and hostile ids ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/articles/0123456789abcdef", "/articles/zz", "/articles/ABCDEF", "/articles/..%2F..%2Fetc%2Fpasswd",
        "/articles/%2e%2e", "/articles/abc", "/entities/999999", "/entities/-1", "/entities/1e3",
        "/entities/..%2Fapp.py", "/api/articles/..%2F..%2Fetc%2Fpasswd", "/api/articles/0123456789abcdef",
        "/api/entities/abc", "/static/..%2Fapp.py", "/static/%2e%2e/app.py", "/static/../app.py",
        "/static/../../store/schema.sql", "/articles/0123/source", "/etc/passwd", "/static/",
    ],
)  # fmt: skip
def test_not_found_and_traversal(client, url):
    r = client.get(url)
    assert r.status_code == 404, url
    assert "create_app" not in r.text and "root:" not in r.text and "CREATE TABLE" not in r.text
    if url.startswith("/api/"):
        assert r.json()["detail"]
    else:
        assert "<h1>404</h1>" in r.text


def test_bad_api_parameters_are_422_not_500(client, geneva):
    assert client.get("/api/articles?offset=-1").status_code == 422
    assert client.get("/api/articles?format=xml").status_code == 422
    assert client.get(f"/api/articles/{geneva.id}/source?start=5&end=2").status_code == 422


def test_database_is_read_only(client):
    ctx = client.app.state.ctx
    with pytest.raises(sqlite3.OperationalError):
        ctx.db._conn.execute("DELETE FROM articles")
    with pytest.raises(sqlite3.OperationalError):
        ctx.db._conn.execute("DROP TABLE articles")


def test_missing_database_fails_at_start(tmp_path):
    with pytest.raises(StoreError):
        create_app(str(tmp_path / "nothing.db"))


def test_server_error_is_a_plain_page(db_path, monkeypatch):
    app = create_app(str(db_path))
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        monkeypatch.setattr(type(app.state.ctx.db), "stats", lambda self: 1 / 0)
        r = c.get("/")
        assert r.status_code == 500 and "Something went wrong" in r.text
        assert "ZeroDivisionError" not in r.text and "Traceback" not in r.text
        r = c.get("/api/stats")
        assert r.status_code == 500 and r.json() == {"detail": "Something went wrong on the server."}
