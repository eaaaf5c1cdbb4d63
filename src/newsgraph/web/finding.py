"""Finding things: ``/search`` (faceted, paged, with the query syntax of ``store.query``)
and ``/quotes`` (the quote browser: by speaker, words of the quote, outlet)."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..store.search import QUOTE_SCAN, SEARCH_KINDS
from .pages import clean_query, confidence_view, ctx, to_int

__all__ = ["router", "SEARCH_PAGE", "QUOTE_PAGE"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

SEARCH_PAGE, QUOTE_PAGE = 20, 30
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _date(value: str) -> str | None:
    value = value.strip()[:10]
    return value if _DATE.fullmatch(value) else None


def _short(value: str, most: int = 200) -> str | None:
    return value.replace("\x00", " ").strip()[:most] or None


@router.get("/search")
def search(
    request: Request, q: str = "", kind: str = "articles", source: str = "", country: str = "", type: str = "",
    date_from: str = "", date_to: str = "", page: str = "1",
):  # fmt: skip
    c = ctx(request)
    view = confidence_view(request)
    query, note = clean_query(q)
    n = to_int(page, 1, 1, 10_000)
    filters = {
        "kind": kind if kind in SEARCH_KINDS else "articles",
        "source": _short(source),
        "country": (_short(country, 3) or "").upper() or None,
        "entity_type": (_short(type, 20) or "").upper() or None,
        "date_from": _date(date_from),
        "date_to": _date(date_to),
    }
    found = None
    if query:
        found = c.db.faceted_search(
            query, **filters, limit=SEARCH_PAGE, offset=(n - 1) * SEARCH_PAGE, min_confidence=view["threshold"]
        )
    message = " ".join(m for m in (note, found and found["message"]) if m) or None
    if found and not found["total"] and not message:
        narrowed = any(v for k, v in filters.items() if k != "kind")
        message = f"No {found['kind']} match this search{' with these filters' if narrowed else ''}."
    return c.render(
        request, "search.html", q=query, found=found, f=filters, page_no=n, message=message,
        page_size=SEARCH_PAGE, scan=QUOTE_SCAN, **view,
    )  # fmt: skip


@router.get("/quotes")
def quote_browser(request: Request, speaker: str = "", q: str = "", source: str = "", page: str = "1"):
    c = ctx(request)
    view = confidence_view(request)
    text, note = clean_query(q)
    who = _short(speaker)
    outlet = _short(source)
    n = to_int(page, 1, 1, 100_000)
    found = c.db.quotes(
        speaker=who, q=text, source=outlet, limit=QUOTE_PAGE, offset=(n - 1) * QUOTE_PAGE,
        min_confidence=view["threshold"],
    )  # fmt: skip
    message = " ".join(m for m in (note, found["message"]) if m) or None
    return c.render(
        request, "quotes.html", found=found, q=text, speaker=who or "", source=outlet or "", page_no=n,
        page_size=QUOTE_PAGE, sources=c.db.quote_sources(), message=message, scan=QUOTE_SCAN, **view,
    )  # fmt: skip
