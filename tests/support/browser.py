"""Helpers for driving the web app for real: a uvicorn server in a background
thread on a free localhost port, and Debian's chromium through Playwright.
Used by the browser tests and the benchmark."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "ARTIFACTS",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "DOC_IMAGES",
    "live_server",
    "chromium_available",
    "shot",
    "watched_page",
]

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
DOC_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "img"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip


def chromium_available() -> str | None:
    """None when a browser test can run, else the reason it cannot."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db_path: str | Path, timeout: float = 15.0, editor=None) -> Iterator[str]:
    """Serve ``create_app(db_path)`` (in edit mode with a ``web.edit.Editor``) on 127.0.0.1 and yield its base URL."""
    import uvicorn

    from newsgraph.web.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(str(db_path), editor=editor), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="newsgraph-web-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test web server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)


def shot(page, name: str) -> None:
    """The visible part of the page, in tests/artifacts/; with NEWSGRAPH_DOC_SCREENSHOTS=1
    also in docs/img/ (small enough for the docs)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    if os.environ.get("NEWSGRAPH_DOC_SCREENSHOTS") == "1":
        DOC_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOC_IMAGES / f"{name}.png")


@contextmanager
def watched_page(browser, width: int, height: int) -> Iterator:
    """A page in a fresh context that records console errors (CSP violations show up there)
    and uncaught exceptions in ``page.errors``; the test fails if any were recorded."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()
    assert page.errors == []
