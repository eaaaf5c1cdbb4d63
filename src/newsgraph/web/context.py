"""Per-app state: the database path, per-thread read-only ``store.Database`` handles, templates.

Every read goes through ``store.Database``; the web package holds no SQL."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.responses import HTMLResponse

from ..store import Database
from .geo import country_name
from .highlight import LAYERS, fmt_amount

__all__ = ["WebContext", "ARTICLE_ID", "json_block", "marks", "safe_url"]

HERE = Path(__file__).resolve().parent
# Article ids are hex (a full id or a prefix); anything else never reaches the store.
ARTICLE_ID = re.compile(r"[0-9a-f]{4,64}")
_SAFE_SCHEMES = ("http://", "https://")


def json_block(value: Any) -> Markup:
    """JSON safe to place inside ``<script type="application/json">``: no ``<``, ``>``
    or ``&`` survive, so the text can never close the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_MARK_TAG = re.compile(r"(</?mark>)")


def marks(html: str | None) -> Markup:
    """The store's escaped snippet with <mark> highlights, as Markup; any piece that is
    not a <mark> tag and still holds markup characters is escaped again (defence in depth)."""
    pieces = _MARK_TAG.split(html or "")
    return Markup("").join(
        Markup(p) if _MARK_TAG.fullmatch(p) or not re.search(r'[<>"]', p) else escape(p) for p in pieces
    )


def safe_url(url: str | None) -> str | None:
    """``url`` if it is plain http(s), else None (no javascript:, data:, file: links)."""
    if url and url.strip().lower().startswith(_SAFE_SCHEMES):
        return url.strip()
    return None


class WebContext:
    """Shared by every request of one app.  SQLite handles are per thread: the
    server's worker threads each open their own read-only connection once."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        Database(self.db_path).close()  # fail at start-up, not on the first request
        self._local = threading.local()
        self._opened: list = []
        self._lock = threading.Lock()
        self.env = Environment(
            loader=FileSystemLoader(str(HERE / "templates")),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(layers=LAYERS, country_name=country_name, safe_url=safe_url)
        self.env.filters.update(json_block=json_block, marks=marks, amount=fmt_amount)
        self.env.filters["num"] = lambda v: f"{v:,}" if isinstance(v, int) else v

    @property
    def db(self) -> Database:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = Database(self.db_path)
            with self._lock:
                self._opened.append(db)
        return db

    def close(self) -> None:
        """Close every handle any thread opened (at app shutdown)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for handle in opened:
            try:
                handle.close()
            except Exception:  # noqa: BLE001 - closing at shutdown must not raise
                pass
        self._local = threading.local()

    def render(self, request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("page", name.removesuffix(".html"))
        html = self.env.get_template(name).render(request=request, **context)
        return HTMLResponse(html, status_code=status_code)
