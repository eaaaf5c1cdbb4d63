"""newsgraph fetch: pages and feeds from a real HTTP server on 127.0.0.1, started by each test."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsgraph.batch.fetch import FetchOptions, PoliteClient, feed_item_urls, fetch_documents, run_fetch
from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.readers import ReadOptions
from newsgraph.store import Store

PAGE = """<html><head><title>{title}</title><meta property="article:published_time" content="2024-05-0{day}"></head>
<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>
<p>The Veldmark council on Thursday approved the money needed to repair the two damaged locks on the
Osterlin river, ending a dispute that had kept grain barges in port for almost three weeks.</p>
<p>Work on lock number {day} is due to begin on Monday and should take about ten days, the harbour office said.</p>
<p>Barge owners welcomed the decision but said they would seek compensation for the weeks spent waiting.</p>
</article><footer>Copyright River Gazette</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>River Gazette</title>
<item><title>Lock one</title><link>{base}/one.html</link><pubDate>Wed, 01 May 2024 08:00:00 GMT</pubDate></item>
<item><title>Lock two</title><link>{base}/two.html</link><pubDate>Thu, 02 May 2024 08:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/gone.html</link></item>
</channel></rss>"""


class Site:
    """What the test server serves, and what it was asked."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[tuple[str, str, float, dict]] = []  # path, user agent, time, headers
        self.base = ""

    def hits(self, path: str) -> int:
        return sum(1 for p, *_ in self.requests if p == path)


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            site.requests.append((self.path, self.headers.get("User-Agent", ""), time.monotonic(), dict(self.headers)))
            if self.path == "/forever":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                try:
                    while True:  # a feed that never ends
                        self.wfile.write(b"<item><title>again</title></item>" * 100)
                except (BrokenPipeError, ConnectionResetError):
                    return
            status, headers, body = site.routes.get(self.path, (404, {}, b"not here"))
            if headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
                status, body = 304, b""
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def news_site(robots: str = "User-agent: *\nAllow: /\n") -> Site:
    site = Site()
    html = {"Content-Type": "text/html; charset=utf-8"}
    site.routes["/one.html"] = (200, html, PAGE.format(title="Council approves lock one", day=1).encode())
    site.routes["/two.html"] = (200, html, PAGE.format(title="Council approves lock two", day=2).encode())
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, robots.encode())
    return site


def add_feed(site: Site) -> None:
    feed = FEED.format(base=site.base).encode()
    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml", "ETag": '"v1"'}, feed)


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
