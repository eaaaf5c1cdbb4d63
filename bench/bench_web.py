"""Benchmark the web app's server-side render time over a 10,000-article store.

    python bench/bench_web.py [--articles 10000] [--requests 50] [--db PATH] [--no-docs]

Builds (or reuses, when it already holds that many articles) a store of synthetic
articles written with ``Store.add_many`` (no spaCy), then times requests through
FastAPI's in-process TestClient: routing, store queries, highlighting and template
rendering, without network or browser time.  Prints p50/p95 per page and writes
the "## Web" section of docs/performance.md (the rest of that file is left alone).
Targets: article page < 100 ms, search < 200 ms (p95).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))  # the synthetic article builder lives with the tests

from newsgraph.store import Database, Store  # noqa: E402
from support.sample import synthetic_article  # noqa: E402

DEFAULT_DB = REPO / "bench" / "results" / "tmp" / "web_bench.db"
DOC = REPO / "docs" / "performance.md"
QUERIES = [
    "geneva", "red cross", "officials report", "supplies", "Li Wei", "protest", "tense situation", "Nairobi",
    "world bank", "schools power", "\"we will not stop\"", "harbour authority cairo", "region", "Omar Haddad",
    "report 512", "manila news", "NEAR(", "residents wait", "cooperate", "Lima",
]  # fmt: skip
TARGETS = {"article page": 100.0, "search": 200.0}


def build(db: Path, n: int) -> float:
    """Make sure ``db`` holds at least ``n`` articles; return the build time (0 if reused)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    if db.exists():
        Store(db).close()  # migrates a store an older newsgraph built
        with Database(db) as existing:
            have = existing.stats()["articles"]
        if have >= n:
            print(f"reusing {db} ({have} articles)")
            return 0.0
        db.unlink()
        for extra in ("-wal", "-shm"):
            Path(str(db) + extra).unlink(missing_ok=True)
    print(f"building {db} with {n} synthetic articles …", flush=True)
    t0 = time.perf_counter()
    with Store(db) as store:
        store.add_many((synthetic_article(i) for i in range(n)), batch_size=500)
    took = time.perf_counter() - t0
    print(f"  built in {took:.1f} s")
    return took


def timed(client, urls: list[str]) -> list[float]:
    out = []
    for url in urls:
        t0 = time.perf_counter()
        r = client.get(url)
        out.append((time.perf_counter() - t0) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{url} answered {r.status_code}")
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--no-docs", action="store_true", help="do not write docs/performance.md")
    args = ap.parse_args()

    build_s = build(args.db, args.articles)
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    rng = random.Random(7)
    with Database(args.db) as db:
        n_articles = db.stats()["articles"]
        ids = [db.articles(limit=1, offset=rng.randrange(n_articles))[0]["id"] for _ in range(args.requests)]
        entity_ids = [e["id"] for e in db.top_entities(20)]
    n = args.requests
    pages = {
        "article page": [f"/articles/{i}" for i in ids],
        "search": [f"/search?q={QUERIES[k % len(QUERIES)]}&page={1 + (k % 3 == 2)}" for k in range(n)],
        "search API (JSON)": [f"/api/search?q={QUERIES[k % len(QUERIES)]}" for k in range(n)],
        "source view": [f"/articles/{i}/source?start=10&end=40" for i in ids[: n // 2]],
        "entity page": [f"/entities/{entity_ids[k % len(entity_ids)]}" for k in range(n // 2)],
        "events page": ["/events", "/events?type=PROTEST", "/events?country=KEN", "/events?date_from=2023-06-01"]
        * max(1, n // 8),
        "home": ["/"] * max(1, n // 5),
    }
    rows = []
    with TestClient(create_app(str(args.db)), base_url="http://127.0.0.1") as client:
        timed(client, ["/", f"/articles/{ids[0]}", "/search?q=warm", "/events"])  # warm caches and threads
        for name, urls in pages.items():
            ms = timed(client, urls)
            rows.append((name, len(ms), statistics.median(ms), pct(ms, 0.95), max(ms)))

    print(f"\n{n_articles} articles; server-side time per request (ms)")
    print(f"{'page':<20}{'n':>5}{'p50':>9}{'p95':>9}{'max':>9}  target")
    ok = True
    for name, count, p50, p95, mx in rows:
        target = TARGETS.get(name)
        verdict = "" if target is None else (f"< {target:.0f} ok" if p95 < target else f"< {target:.0f} MISSED")
        ok &= target is None or p95 < target
        print(f"{name:<20}{count:>5}{p50:>9.1f}{p95:>9.1f}{mx:>9.1f}  {verdict}")
    if not args.no_docs:
        write_docs(rows, n_articles, build_s)
    return 0 if ok else 1


def write_docs(rows, n_articles: int, build_s: float) -> None:
    lines = [
        "## Web",
        "",
        f"`bench/bench_web.py`, {date.today().isoformat()}, {platform.python_implementation()} "
        f"{platform.python_version()} on {platform.machine()}: {n_articles:,} synthetic articles "
        "(~500 words, 3 entities, a quote, an event, a figure and a date each) written with `Store.add_many`"
        + (f" in {build_s:.0f} s" if build_s else "")
        + f" (1-minute load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs while measuring)"
        + ".  Times are server-side (FastAPI TestClient in process: routing, store queries, "
        "highlighting, templates; no network or browser), in milliseconds.",
        "",
        "| page | requests | p50 | p95 | max | target (p95) |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, count, p50, p95, mx in rows:
        target = TARGETS.get(name)
        lines.append(
            f"| {name} | {count} | {p50:.1f} | {p95:.1f} | {mx:.1f} | "
            + ("" if target is None else f"< {target:.0f} ms {'✓' if p95 < target else '✗'}")
            + " |"
        )
    lines += [
        "",
        "Search pages mix rare and very common words (thousands of matches ranked by bm25), first and third "
        "pages.  The events page also draws its map and timeline from up to 1,000 matching events; it and "
        "the entity page of a very frequent entity spend their time in `Database.events` / `Database.entity` "
        "(sorting every event by `coalesce(date, published)`, one entity look-up per article).",
        "",
    ]
    section = "\n".join(lines)
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n\n"
    pattern = re.compile(r"^## Web\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    print(f"wrote the Web section of {DOC}")


if __name__ == "__main__":
    raise SystemExit(main())
