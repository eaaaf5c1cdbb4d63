"""``newsgraph fetch``: download pages (or a feed's items), read them as HTML, ingest them.

Polite by default: at most one request per host per ``FetchOptions.host_interval``
seconds, a User-Agent naming newsgraph and its version, robots.txt obeyed
(``urllib.robotparser``; a robots.txt that cannot be had allows everything, one
answered 401/403 allows nothing, as the robots convention has it), a timeout on
every request and on the whole download, and byte limits on every body: a page
at the HTML limit, a feed at ``feed_max_bytes`` (a feed that never ends stops
there, E033) and at most ``feed_max_items`` items.

What was fetched is remembered in the store's ``fetch_log`` table (url, time,
HTTP status, outcome, article id, ETag, Last-Modified).  A URL whose article is
stored is not requested again; a feed is asked for with its validators, so an
unchanged feed costs one ``304 Not Modified``.  A daily run takes only new items.

Every failure is a coded line (E030-E035) naming the URL, and the run goes on.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import InputError
from ..model import Document
from ..readers import ReadOptions
from ..readers.base import iso_date, text_or_none
from ..readers.html import read_html
from ..store import Store

__all__ = ["FetchOptions", "PoliteClient", "Response", "fetch_documents", "feed_item_urls", "run_fetch"]

ROBOTS_MAX_BYTES = 512 * 1024  # Google reads the first 500 KiB of a robots.txt


@dataclass
class FetchOptions:
    user_agent: str = "newsgraph"  # the CLI adds the version: "newsgraph/0.1.0"
    host_interval: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds for connecting, for each read, and for a whole body
    max_bytes: int = ReadOptions.html_max_bytes  # a page's body (E033)
    feed_max_bytes: int = 5 * 1024 * 1024  # a feed's body (E033): a feed that never ends stops here
    feed_max_items: int = 500  # items taken from one feed
    respect_robots: bool = True


@dataclass
class Response:
    url: str  # after redirects
    status: int
    body: bytes
    headers: dict[str, str]


class PoliteClient:
    """An httpx client that waits its turn per host, obeys robots.txt and caps every body."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        import httpx

        self.options = options or FetchOptions()
        self._http = httpx.Client(
            headers={"User-Agent": self.options.user_agent},
            timeout=self.options.timeout,
            follow_redirects=True,
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser] = {}

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def get(self, url: str, max_bytes: int, headers: dict[str, str] | None = None) -> Response:
        """GET ``url`` streaming at most ``max_bytes``; InputError E032 (no response) or E033 (too big)."""
        import httpx

        self._wait_turn(url)
        started = time.monotonic()
        try:
            with self._http.stream("GET", url, headers=headers or {}) as response:
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise InputError("E033", path=url, limit=max_bytes)
                    if time.monotonic() - started > self.options.timeout:
                        raise InputError("E032", path=url, detail=f"took longer than {self.options.timeout:g} s")
                return Response(str(response.url), response.status_code, bytes(body), dict(response.headers))
        except httpx.HTTPError as err:
            raise InputError("E032", path=url, detail=f"{type(err).__name__}: {err}"[:200]) from None

    def allowed(self, url: str) -> bool:
        """Does the site's robots.txt let our User-Agent fetch ``url``?"""
        if not self.options.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            robots = RobotFileParser(urljoin(origin, "/robots.txt"))
            try:
                answer = self.get(robots.url, ROBOTS_MAX_BYTES)
            except InputError:
                answer = None  # unreachable or too big: no rules to obey
            if answer is not None and answer.status in (401, 403):
                robots.disallow_all = True
            elif answer is not None and answer.status < 400:
                robots.parse(answer.body.decode("utf-8", "replace").splitlines())
            else:
                robots.allow_all = True
            self._robots[origin] = robots
        return self._robots[origin].can_fetch(self.options.user_agent, url)

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.options.host_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self._last_request[host] = time.monotonic()


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError("E034", path=url)


def _validators(entry: dict | None) -> dict[str, str]:
    """Conditional-request headers from a ``fetch_log`` row."""
    headers = {}
    if entry and entry.get("etag"):
        headers["If-None-Match"] = entry["etag"]
    if entry and entry.get("last_modified"):
        headers["If-Modified-Since"] = entry["last_modified"]
    return headers


def feed_item_urls(client: PoliteClient, store: Store, feed_url: str) -> list[dict]:
    """The items of the feed at ``feed_url`` (link, title, published), at most ``feed_max_items``.

    An unchanged feed (304) has no items to take.  InputError E030-E035.
    """
    import feedparser

    _check_url(feed_url)
    if not client.allowed(feed_url):
        raise InputError("E031", path=feed_url, host=urlsplit(feed_url).netloc)
    entry = store.fetch_entry(feed_url)
    response = client.get(feed_url, client.options.feed_max_bytes, _validators(entry))
    if response.status == 304:
        store.record_fetch(feed_url, status=304, outcome="not modified", etag=entry and entry["etag"],
                           last_modified=entry and entry["last_modified"])  # fmt: skip
        return []
    if response.status >= 400:
        store.record_fetch(feed_url, status=response.status, outcome="E030")
        raise InputError("E030", path=feed_url, status=response.status)
    parsed = feedparser.parse(response.body)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        detail = str(getattr(parsed, "bozo_exception", "")) or "no items"
        store.record_fetch(feed_url, status=response.status, outcome="E035")
        raise InputError("E035", path=feed_url, detail=detail[:200])
    store.record_fetch(
        feed_url,
        status=response.status,
        outcome=f"{len(parsed.entries)} items",
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )
    items = []
    for item in parsed.entries[: client.options.feed_max_items]:
        link = text_or_none(item.get("link"))
        if link:
            items.append(
                {
                    "url": urljoin(response.url, link),
                    "title": text_or_none(item.get("title")),
                    "published": iso_date(item.get("published") or item.get("updated")),
                }
            )
    return items


def fetch_documents(
    client: PoliteClient, store: Store, items: Iterable[dict], read: ReadOptions
) -> Iterator[Document | InputError]:
    """Download each item's ``url`` not fetched before and read it as an HTML page.

    ``items`` are dicts with ``url`` and optionally ``title`` and ``published`` (a
    feed's own metadata, used where the page has none).  Yields Documents whose
    ``path`` and ``url`` are the URL, and InputErrors for what failed.
    """
    with tempfile.TemporaryDirectory(prefix="newsgraph-fetch-") as folder:
        for number, item in enumerate(items):
            url = item["url"]
            try:
                yield from _fetch_one(client, store, item, read, Path(folder) / f"{number}.html")
            except InputError as error:
                if error.code in ("E031", "E032", "E033", "E034"):  # E030 and reader errors are logged where raised
                    store.record_fetch(url, status=None, outcome=error.code)
                yield error


def _fetch_one(client: PoliteClient, store: Store, item: dict, read: ReadOptions, page: Path) -> Iterator[Document]:
    url = item["url"]
    _check_url(url)
    entry = store.fetch_entry(url)
    if entry and entry.get("article_id") and store.has(entry["article_id"]):
        return  # fetched and stored on an earlier run
    if not client.allowed(url):
        raise InputError("E031", path=url, host=urlsplit(url).netloc)
    response = client.get(url, client.options.max_bytes, _validators(entry))
    validators = {"etag": response.headers.get("etag"), "last_modified": response.headers.get("last-modified")}
    if response.status == 304:
        store.record_fetch(
            url, status=304, outcome="not modified", article_id=entry and entry["article_id"], **validators
        )
        return
    if response.status >= 400:
        store.record_fetch(url, status=response.status, outcome="E030")
        raise InputError("E030", path=url, status=response.status)
    page.write_bytes(response.body)
    try:
        documents = list(read_html(page, read))
    except InputError as error:
        store.record_fetch(url, status=response.status, outcome=error.code, **validators)
        raise InputError(error.code, path=url, **error.details) from None
    finally:
        page.unlink(missing_ok=True)
    for document in documents:
        store.record_fetch(url, status=response.status, outcome="read", article_id=document.id, **validators)
        yield replace(
            document,
            path=url,
            url=document.url if document.url and document.url.startswith("http") else response.url,
            title=document.title or item.get("title"),
            published=document.published or item.get("published"),
        )


def run_fetch(
    urls: list[str],
    feeds: list[str],
    db: str | Path,
    fetch: FetchOptions | None = None,
    options=None,
    progress=None,
    nlp=None,
    report=None,
    load_nlp=None,
):
    """Fetch ``urls`` and the items of ``feeds`` not fetched before, and ingest them into ``db``.

    ``load_nlp`` (used without ``nlp``) is called only if something new was fetched."""
    from .runner import IngestOptions, ingest_items

    options = options or IngestOptions()

    def items(store: Store) -> Iterator[Document | InputError]:
        with PoliteClient(fetch) as client:
            wanted = [{"url": url} for url in urls]
            for feed in feeds:
                try:
                    wanted += feed_item_urls(client, store, feed)
                except InputError as error:
                    yield error
            yield from fetch_documents(client, store, wanted, options.read)

    return ingest_items(items, db, options, progress, nlp, report, command="fetch", load_nlp=load_nlp)
