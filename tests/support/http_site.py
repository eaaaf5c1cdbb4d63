"""A real HTTP server on 127.0.0.1 for the fetch tests: saved pages, a feed, robots.txt, a feed that never ends."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["PAGE", "FEED", "Site", "serve", "news_site", "add_feed"]

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
