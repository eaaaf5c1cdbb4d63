"""newsgraph fetch: pages and feeds from a real HTTP server on 127.0.0.1, started by each test."""

from __future__ import annotations

import time

import pytest

from newsgraph.batch.fetch import FetchOptions, PoliteClient, feed_item_urls, fetch_documents, run_fetch
from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.readers import ReadOptions
from newsgraph.store import Store
from support.http_site import Site, add_feed, news_site, serve

FAST = FetchOptions(user_agent="newsgraph/test", host_interval=0.05, timeout=5)


def fetched(site: Site, db, urls: list[str], options: FetchOptions = FAST) -> list[Document | InputError]:
    with Store(db) as store, PoliteClient(options) as client:
        return list(fetch_documents(client, store, [{"url": u} for u in urls], ReadOptions(isolate=False)))


def test_a_page_is_fetched_read_and_logged_with_our_user_agent(tmp_path):
    with serve(news_site()) as site:
        [doc] = fetched(site, tmp_path / "f.db", [site.base + "/one.html"])
    assert isinstance(doc, Document)
    assert doc.title == "Council approves lock one" and doc.published == "2024-05-01"
    assert doc.path == doc.url == site.base + "/one.html"
    assert "Copyright" not in doc.text and "ten days" in doc.text
    assert {ua for _p, ua, _t, _h in site.requests} == {"newsgraph/test"}
    with Store(tmp_path / "f.db") as store:
        entry = store.fetch_entry(site.base + "/one.html")
    assert entry["status"] == 200 and entry["article_id"] == doc.id and entry["outcome"] == "read"


def test_a_404_is_one_coded_line_and_the_run_goes_on(tmp_path):
    with serve(news_site()) as site:
        items = fetched(site, tmp_path / "f.db", [site.base + "/gone.html", site.base + "/two.html"])
    assert isinstance(items[0], InputError) and items[0].code == "E030" and "404" in items[0].line()
    assert items[0].path == site.base + "/gone.html"
    assert isinstance(items[1], Document)


def test_robots_txt_that_disallows_is_obeyed_without_asking_for_the_page(tmp_path):
    with serve(news_site(robots="User-agent: *\nDisallow: /one.html\n")) as site:
        items = fetched(site, tmp_path / "f.db", [site.base + "/one.html", site.base + "/two.html"])
    assert isinstance(items[0], InputError) and items[0].code == "E031"
    assert site.hits("/one.html") == 0 and site.hits("/two.html") == 1
    assert site.hits("/robots.txt") == 1  # asked once per host


def test_at_most_one_request_per_host_per_interval(tmp_path):
    options = FetchOptions(user_agent="newsgraph/test", host_interval=0.5, timeout=5)
    with serve(news_site()) as site:
        fetched(site, tmp_path / "f.db", [site.base + "/one.html", site.base + "/two.html"], options)
    times = [t for _p, _ua, t, _h in site.requests]
    assert len(times) == 3  # robots.txt, one, two
    assert all(b - a >= 0.45 for a, b in zip(times, times[1:])), times


def test_a_feed_that_never_ends_stops_at_its_byte_limit(tmp_path):
    options = FetchOptions(user_agent="newsgraph/test", host_interval=0.05, timeout=30, feed_max_bytes=200_000)
    with serve(news_site()) as site, Store(tmp_path / "f.db") as store, PoliteClient(options) as client:
        started = time.monotonic()
        with pytest.raises(InputError) as caught:
            feed_item_urls(client, store, site.base + "/forever")
    assert caught.value.code == "E033" and "200000" in caught.value.line()
    assert time.monotonic() - started < 10


def test_a_page_over_the_size_limit_is_refused(tmp_path):
    options = FetchOptions(user_agent="newsgraph/test", host_interval=0.05, timeout=5, max_bytes=500)
    with serve(news_site()) as site:
        [error] = fetched(site, tmp_path / "f.db", [site.base + "/one.html"], options)
    assert isinstance(error, InputError) and error.code == "E033"


def test_only_http_urls_are_fetched(tmp_path):
    [error] = fetched(Site(), tmp_path / "f.db", ["file:///etc/passwd"])
    assert isinstance(error, InputError) and error.code == "E034"


def test_a_feed_is_ingested_and_a_rerun_fetches_nothing_new(tmp_path, nlp):
    db = tmp_path / "news.db"
    with serve(news_site()) as site:
        add_feed(site)
        first = run_fetch([], [site.base + "/feed.xml"], db, FAST, nlp=nlp)
        assert first.added == 2 and [f.code for f in first.failures] == ["E030"]
        pages_before = site.hits("/one.html") + site.hits("/two.html")
        second = run_fetch([site.base + "/one.html"], [site.base + "/feed.xml"], db, FAST, nlp=nlp)
    assert second.added == 0 and second.failures == []
    assert site.hits("/one.html") + site.hits("/two.html") == pages_before == 2  # nothing asked again
    feed_requests = [h for p, _ua, _t, h in site.requests if p == "/feed.xml"]
    assert feed_requests[-1].get("If-None-Match") == '"v1"'  # the unchanged feed was a 304
    with Store(db) as store:
        assert store.fetch_entry(site.base + "/feed.xml")["status"] == 304
        rows = store.connection.execute("SELECT title, published, url FROM articles ORDER BY title").fetchall()
    assert rows == [
        ("Council approves lock one", "2024-05-01", site.base + "/one.html"),
        ("Council approves lock two", "2024-05-02", site.base + "/two.html"),
    ]
