"""The JSON API under `/api`: the same data as the pages, plus CSV / JSONL downloads.

List endpoints answer a page (`limit`/`offset`) as JSON, or with
`?format=csv|jsonl` stream every matching row (up to `limit` when given).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict

from ..model.confidence import MIN_CONFIDENCE, visible
from .context import ARTICLE_ID
from .pages import ENTITY_ID, clean_query, ctx, event_filters, load_article

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])
CHUNK = 1000


class Format(str, Enum):
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


class Row(BaseModel):
    """One row; the fields are those the store returns."""

    model_config = ConfigDict(extra="allow")


class Page(BaseModel):
    items: list[Row]
    limit: int
    offset: int
    next: str | None = None  # the URL of the next page, if there may be one


class SearchPage(Page):
    query: str
    entities: list[Row] = []
    message: str | None = None


Limit = Query(50, ge=1, le=1000, description="rows per page (JSON); for downloads, the most rows to stream")
Offset = Query(0, ge=0, le=10**9, description="rows to skip")
MinConfidence = Query(
    MIN_CONFIDENCE,
    ge=0.0,
    le=1.0,
    description="leave out entities, quotes, findings and events below this confidence (default newsgraph.MIN_CONFIDENCE; "
    "0: every fact); a fact without a confidence counts as 1.0",
)
Fmt = Query(Format.json, description="json (one page), csv or jsonl (a download of every matching row)")


def _cell(value: Any) -> Any:
    """A CSV cell: nested actors become names, other structures JSON; text that a
    spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, dict):
        value = value.get("name") or json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list):
        value = "; ".join(str(v.get("name") or v.get("local_id") or "") if isinstance(v, dict) else str(v)
                          for v in value)  # fmt: skip
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _download(fetch: Callable[[int, int], list[dict]], fmt: Format, name: str, limit: int | None,
              offset: int, drop: tuple[str, ...] = ()) -> StreamingResponse:  # fmt: skip
    """Stream `fetch(limit, offset)` pages as CSV or JSONL until exhausted or `limit` rows."""

    def rows() -> Iterator[dict]:
        got, off = 0, offset
        while limit is None or got < limit:
            size = CHUNK if limit is None else min(CHUNK, limit - got)
            chunk = fetch(size, off)
            for row in chunk:
                yield {k: v for k, v in row.items() if k not in drop}
            got, off = got + len(chunk), off + len(chunk)
            if len(chunk) < size:
                return

    def body() -> Iterator[str]:
        if fmt is Format.jsonl:
            for row in rows():
                yield json.dumps(row, ensure_ascii=False, default=str) + "\n"
            return
        buf = io.StringIO()
        writer = None
        for row in rows():
            if writer is None:
                writer = csv.DictWriter(buf, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: _cell(v) for k, v in row.items()})
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()

    media = "text/csv; charset=utf-8" if fmt is Format.csv else "application/x-ndjson; charset=utf-8"
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt.value}"'}
    return StreamingResponse(body(), media_type=media, headers=headers)


def _page(request: Request, items: list, limit: int, offset: int, **extra) -> dict:
    more = len(items) > limit
    nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit)) if more else None
    return {"items": items[:limit], "limit": limit, "offset": offset, "next": nxt, **extra}


@router.get("/stats", summary="Corpus counts")
def stats(request: Request) -> dict[str, int]:
    """How many articles, entities, mentions, quotes, findings, events, figures and dates the store holds."""
    return ctx(request).db.stats()


@router.get("/articles", response_model=Page, summary="List articles, newest first")
def articles(request: Request, limit: int = Limit, offset: int = Offset, format: Format = Fmt,
             order: str = Query("newest", pattern="^(newest|oldest|ingested|title)$")):  # fmt: skip
    """Article metadata (id, title, published, source, counts of entities, quotes and events)."""
    fetch = lambda n, off: ctx(request).db.articles(limit=n, offset=off, order=order)  # noqa: E731
    if format is not Format.json:
        return _download(fetch, format, "articles", limit if "limit" in request.query_params else None, offset)
    return _page(request, fetch(limit + 1, offset), limit, offset)


@router.get("/articles/{article_id}", summary="One article with its facts")
def article(request: Request, article_id: str, min_confidence: float = MinConfidence) -> JSONResponse:
    """The article as `Article.to_dict()` (docs/schema.md): text, paragraphs, entities with
    mentions, quotes, findings, events, amounts, dates and framing, all with character offsets into
    `text`.  `article_id` is the id or an unambiguous prefix of at least 4 hex digits.
    Entities, quotes, findings and events below `min_confidence` are left out, with references to a
    left-out entity; `min_confidence=0` gives every fact."""
    return JSONResponse(visible(load_article(request, article_id), min_confidence).to_dict())


@router.get("/articles/{article_id}/source", summary="Map a span of the clean text back to the source")
def article_source(request: Request, article_id: str, start: int = Query(..., ge=0), end: int = Query(..., ge=0)):
    """The source offsets and source text of the clean-text span `[start, end)`, and its offsets in the
    file's text (`file_start`, `file_end`: the same as the source offsets except for an article of a
    Nexis or Factiva export, whose source text is its block of the export)."""
    a = load_article(request, article_id)
    if end > len(a.text) or end <= start:
        raise HTTPException(422, "need 0 <= start < end <= len(text)")
    db = ctx(request).db
    source_text, offsets = db.article_source(a.id)
    s, e = offsets.span_to_source(start, end)
    file_offset = db.source_offset(a.id)  # where an export article's block begins in the export's text
    return {"start": start, "end": end, "text": a.text[start:end], "source_start": s, "source_end": e,
            "source_text": source_text[s:e], "file_start": file_offset + s, "file_end": file_offset + e}  # fmt: skip


@router.get("/entities", response_model=Page, summary="List or search corpus entities")
def entities(request: Request, q: str = Query("", description="words of a name or alias"), type: str | None = None,
             limit: int = Limit, offset: int = Offset, format: Format = Fmt):  # fmt: skip
    """Corpus-wide entities (merged across articles), most widely reported first;
    `q` searches names and aliases, `type` filters (PERSON, ORG, GPE, ...)."""
    query, _ = clean_query(q)
    kind = type.strip().upper() if type and type.strip() else None
    fetch = lambda n, off: ctx(request).db.entities(type=kind, q=query or None, limit=n, offset=off)  # noqa: E731
    if format is not Format.json:
        return _download(fetch, format, "entities", limit if "limit" in request.query_params else None, offset)
    return _page(request, fetch(limit + 1, offset), limit, offset)


@router.get("/entities/{entity_id}", summary="One corpus entity with its evidence")
def entity(request: Request, entity_id: str, min_confidence: float = MinConfidence) -> dict:
    """Name, type, country, coordinates, aliases; mentions with context; quotes; events;
    co-occurring entities; framing descriptors.  Mentions, quotes and events below
    `min_confidence` are left out."""
    db = ctx(request).db
    ent = db.entity(int(entity_id), min_confidence=min_confidence) if ENTITY_ID.fullmatch(entity_id) else None
    if ent is None:
        raise HTTPException(404, "No entity with that id.")
    return ent


@router.get("/events", response_model=Page, summary="Filter events")
def events(request: Request, type: str = "", actor: str = "", country: str = "", date_from: str = "",
           date_to: str = "", limit: int = Limit, offset: int = Offset, format: Format = Fmt,
           min_confidence: float = MinConfidence):  # fmt: skip
    """Events newest first.  `type`: PLOVER type; `actor`: corpus entity id or name (source or
    target); `country`: ISO alpha-3 of the location or an actor; `date_from`/`date_to`:
    ISO dates, compared with the event date (or the article's when it has none); events
    below `min_confidence` are left out."""
    filters = event_filters(type, actor, country, date_from, date_to)
    fetch = lambda n, off: ctx(request).db.events(**filters, limit=n, offset=off, min_confidence=min_confidence)  # noqa: E731
    if format is not Format.json:
        return _download(fetch, format, "events", limit if "limit" in request.query_params else None, offset)
    return _page(request, fetch(limit + 1, offset), limit, offset)


@router.get("/stories", response_model=Page, summary="Stories, newest first")
def stories(request: Request, limit: int = Limit, offset: int = Offset):
    """Stories (the articles about one happening, across outlets), each with its articles on a
    timeline (`duplicate_of` marks a near-copy, `first_report` the earliest) and its event
    clusters (one per happening, every report as evidence)."""
    return _page(request, ctx(request).db.stories(limit=limit + 1, offset=offset), limit, offset)


@router.get("/stories/{story_id}", summary="One story: timeline, events, quotes and framing by outlet")
def story(request: Request, story_id: str) -> dict:
    """A story by its id or the id of any of its articles: its articles, outlets, event
    clusters, which quotes each outlet used and left out, and each outlet's framing of the
    story's main actors."""
    found = ctx(request).db.story(story_id) if ARTICLE_ID.fullmatch(story_id) else None
    if found is None:
        raise HTTPException(404, "No story with that id.")
    return found


@router.get("/search", response_model=SearchPage, summary="Full-text search")
def search(request: Request, q: str = Query("", description='words to find: "a phrase", a OR b, -word, prefix*; any characters are accepted'),
           limit: int = Query(20, ge=1, le=1000), offset: int = Offset, format: Format = Fmt):  # fmt: skip
    """Articles matching `q` (FTS5, best first; every word, `"a phrase"`, `a OR b`, `-word`,
    `prefix*`) with snippets (`snippet` plain; `snippet_html` escaped with `<mark>`), and on
    the first page matching entities."""
    query, message = clean_query(q)
    fetch = lambda n, off: ctx(request).db.search(query, limit=n, offset=off) if query else []  # noqa: E731
    if format is not Format.json:
        return _download(fetch, format, "search", limit if "limit" in request.query_params else None, offset,
                         drop=("snippet_html", "title_html"))  # fmt: skip
    items = fetch(limit + 1, offset)
    ents = ctx(request).db.search_entities(query, limit=10) if query and offset == 0 else []
    if query and not items and not ents:
        message = message or "nothing matches every word of the query"
    return _page(request, items, limit, offset, query=query, entities=ents, message=message)
