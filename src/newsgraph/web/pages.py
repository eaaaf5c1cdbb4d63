"""The HTML pages: home, search, article reader and source view, entities, events, stories."""

from __future__ import annotations

import re
from collections import Counter

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..errors import StoreError
from ..model.confidence import MIN_CONFIDENCE, shown
from ..render import declared_metadata
from .context import ARTICLE_ID, WebContext
from .geo import numeric_code
from .graphdata import graph_filters, graph_view
from .highlight import article_facts, mark_span, render_paragraphs
from .timeline import timeline_bins

__all__ = ["router", "to_int", "clean_query", "MAX_QUERY", "show_all", "confidence_view"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

ENTITY_ID = re.compile(r"[0-9]{1,18}")
MAX_QUERY = 500
LIST_PAGE, EVENT_PAGE, MENTION_PAGE = 30, 50, 50


def ctx(request: Request) -> WebContext:
    return request.app.state.ctx


def to_int(value: object, default: int = 0, lo: int = 0, hi: int = 10**9) -> int:
    """Lenient integer parameter: anything unparsable is the default, then clamped."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        n = default
    return max(lo, min(n, hi))


def show_all(request: Request) -> bool:
    """``?all=1``: the reader's "show all facts", low-confidence ones included."""
    return request.query_params.get("all", "").strip().lower() in ("1", "true", "yes", "on")


def confidence_view(request: Request) -> dict:
    """What every page with facts needs for its "show all facts" toggle: the threshold in
    force (0 with ``?all=1``, else MIN_CONFIDENCE) and the URLs that switch it."""
    everything = show_all(request)
    return {
        "show_all": everything,
        "threshold": 0.0 if everything else MIN_CONFIDENCE,
        "default_threshold": MIN_CONFIDENCE,
        "all_url": str(request.url.include_query_params(all=1)),
        "shown_url": str(request.url.remove_query_params("all")),
    }


def clean_query(q: object) -> tuple[str, str | None]:
    """(query, message): strip NULs, cut very long queries with a note."""
    text = str(q or "").replace("\x00", " ").strip()
    if len(text) > MAX_QUERY:
        return text[:MAX_QUERY], f"The query was cut to its first {MAX_QUERY} characters."
    return text, None


def load_article(request: Request, article_id: str):
    if not ARTICLE_ID.fullmatch(article_id):
        raise HTTPException(404, "No article with that id.")
    try:
        return ctx(request).db.article(article_id)
    except StoreError:
        raise HTTPException(404, "No article with that id.") from None


@router.get("/")
def home(request: Request):
    c = ctx(request)
    return c.render(
        request, "home.html",
        stats=c.db.stats(), newest=c.db.articles(limit=12), top=c.db.top_entities(24),
        event_types=c.db.event_types()[:10],
    )  # fmt: skip


@router.get("/articles")
def article_list(request: Request, page: str = "1"):
    c = ctx(request)
    n = to_int(page, 1, 1, 100_000)
    rows = c.db.articles(limit=LIST_PAGE + 1, offset=(n - 1) * LIST_PAGE)
    return c.render(request, "articles.html", rows=rows[:LIST_PAGE], page_no=n, more=len(rows) > LIST_PAGE)


@router.get("/stories")
def story_list(request: Request, page: str = "1"):
    c = ctx(request)
    n = to_int(page, 1, 1, 100_000)
    rows = c.db.stories(limit=LIST_PAGE + 1, offset=(n - 1) * LIST_PAGE)
    return c.render(request, "stories.html", rows=rows[:LIST_PAGE], page_no=n, more=len(rows) > LIST_PAGE)


@router.get("/story/{story_id}")
def story_page(request: Request, story_id: str):
    story = ctx(request).db.story(story_id) if ARTICLE_ID.fullmatch(story_id) else None
    if story is None:
        raise HTTPException(404, "No story with that id.")
    return ctx(request).render(request, "story.html", s=story)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, focus: str = ""):
    c = ctx(request)
    article = load_article(request, article_id)
    view = confidence_view(request)
    threshold = view["threshold"]
    facts = article_facts(article, threshold)
    n_shown = {
        kind: sum(shown(fact, threshold) for fact in getattr(article, kind))
        for kind in ("entities", "quotes", "findings", "events")
    }
    hidden = sum(len(getattr(article, kind)) for kind in n_shown) - sum(n_shown.values())
    corpus = c.db.corpus_ids(article.id)
    ents = {e.id: (i, e) for i, e in enumerate(article.entities)}

    def who(local: str | None) -> dict | None:
        if not local:
            return None
        i, e = ents.get(local, (None, None))
        return {"name": e.name if e else local, "token": f"e{i}" if e else None, "cid": corpus.get(local)}

    focus_token = who(focus[:64])["token"] if focus else None
    return c.render(
        request, "article.html", focus=focus_token,
        a=article, paragraphs=render_paragraphs(article, facts), corpus=corpus, who=who, story_id=c.db.story_id_of(article.id),
        counts=Counter(f.layer for f in facts), hidden=hidden, n_shown=n_shown, visible=lambda fact: shown(fact, threshold), **view,
        related=c.db.related_articles(article.id), declared=declared_metadata(article),
    )  # fmt: skip


@router.get("/articles/{article_id}/source")
def article_source(request: Request, article_id: str, start: str = "", end: str = ""):
    c = ctx(request)
    article = load_article(request, article_id)
    source_text, offsets = c.db.article_source(article.id)
    s, e = to_int(start, -1, -1, len(article.text)), to_int(end, -1, -1, len(article.text))
    span = None
    if 0 <= s < e:
        src_s, src_e = offsets.span_to_source(s, e)
        # An export article's source is its block of the export: file offsets add where the block begins.
        file_offset = c.db.source_offset(article.id)
        span = {"start": s, "end": e, "clean": article.text[s:e], "src_start": src_s, "src_end": src_e,
                "file_start": file_offset + src_s, "file_end": file_offset + src_e, "in_export": file_offset > 0}  # fmt: skip
        before, marked, after = mark_span(source_text, src_s, src_e)
    else:
        before, marked, after = mark_span(source_text, 0, 0)
    return c.render(
        request, "source.html", a=article, span=span, before=before, marked=marked, after=after,
        source_length=len(source_text),
    )  # fmt: skip


@router.get("/entities")
def entity_list(request: Request, q: str = "", type: str = "", page: str = "1"):
    c = ctx(request)
    query, note = clean_query(q)
    kind = type.strip().upper()[:20] or None
    n = to_int(page, 1, 1, 100_000)
    rows = c.db.entities(type=kind, q=query or None, limit=LIST_PAGE + 1, offset=(n - 1) * LIST_PAGE)
    return c.render(
        request, "entities.html", rows=rows[:LIST_PAGE], page_no=n, more=len(rows) > LIST_PAGE,
        q=query, type=kind or "", message=note,
    )  # fmt: skip


@router.get("/entities/{entity_id}")
def entity_page(request: Request, entity_id: str, page: str = "1"):
    c = ctx(request)
    view = confidence_view(request)
    n = to_int(page, 1, 1, 100_000)
    ent = (
        c.db.entity(int(entity_id), min_confidence=view["threshold"], mention_offset=(n - 1) * MENTION_PAGE)
        if ENTITY_ID.fullmatch(entity_id) else None
    )  # fmt: skip
    if ent is None:
        raise HTTPException(404, "No entity with that id.")
    points = []
    if ent.get("lat") is not None and ent.get("lon") is not None:
        points.append({"lat": ent["lat"], "lon": ent["lon"], "label": ent["name"]})
    code = numeric_code(ent.get("country"))
    map_data = {"points": points, "countries": {code: 1} if code else {}, "zoom": bool(points)}
    timeline = timeline_bins(c.db.event_dates(involving=ent["id"], min_confidence=view["threshold"]))
    filters = {**graph_filters(request), "limit": 40}
    neighbourhood = graph_view(c.db, ent["id"], filters, view["threshold"])
    mentions = {"page_no": n, "first": (n - 1) * MENTION_PAGE + 1, "total": ent["mention_total"],
                "more": (n - 1) * MENTION_PAGE + len(ent["mentions"]) < ent["mention_total"]}  # fmt: skip
    return c.render(
        request, "entity.html", e=ent, map_data=map_data, timeline=timeline, neighbourhood=neighbourhood,
        mention_pages=mentions, **view,
    )  # fmt: skip


def event_filters(type: str, actor: str, country: str, date_from: str, date_to: str) -> dict:
    """The events page's and the events API's filters, cleaned (a malformed date is no filter)."""

    def date(v: str) -> str | None:
        v = v.strip()[:10]
        return v if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v) else None

    return {
        "type": type.strip().upper()[:40] or None,
        "actor": actor.strip()[:200] or None,
        "country": country.strip().upper()[:3] or None,
        "date_from": date(date_from),
        "date_to": date(date_to),
    }


def event_map(c: WebContext, events: list[dict]) -> dict:
    """Map data for a list of events from ``Database.events``."""
    places: Counter = Counter()
    per_country: Counter = Counter()
    for ev in events:
        loc = ev.get("location") or {}
        if loc.get("id") is not None:
            places[loc["id"]] += 1
        countries = {a.get("country") for a in [loc, *ev["source"], *ev["target"]] if a and a.get("country")}
        for code in filter(None, map(numeric_code, countries)):
            per_country[code] += 1
    coords = c.db.coords(list(places))
    points = [
        {"lat": lat, "lon": lon, "label": f"{name} · {places[cid]} event{'s' * (places[cid] != 1)}",
         "href": f"/entities/{cid}", "count": places[cid]}
        for cid, (lat, lon, name) in coords.items()
    ]  # fmt: skip
    return {"points": points, "countries": dict(per_country)}


@router.get("/events")
def events_page(
    request: Request, type: str = "", actor: str = "", country: str = "", date_from: str = "",
    date_to: str = "", page: str = "1",
):  # fmt: skip
    c = ctx(request)
    view = confidence_view(request)
    filters = event_filters(type, actor, country, date_from, date_to)
    n = to_int(page, 1, 1, 100_000)
    offset = (n - 1) * EVENT_PAGE
    threshold = view["threshold"]
    sample = c.db.events(**filters, limit=1000, min_confidence=threshold)  # the map and timeline: 1000 newest
    if offset + EVENT_PAGE + 1 <= len(sample) or len(sample) < 1000:
        rows = sample[offset : offset + EVENT_PAGE + 1]
    else:
        rows = c.db.events(**filters, limit=EVENT_PAGE + 1, offset=offset, min_confidence=threshold)
    map_data = event_map(c, sample)
    timeline = timeline_bins(c.db.event_dates(**filters, min_confidence=threshold))  # every event, not the sample
    return c.render(
        request, "events.html", rows=rows[:EVENT_PAGE], more=len(rows) > EVENT_PAGE, page_no=n,
        f=filters, raw={"date_from": date_from[:10], "date_to": date_to[:10]},
        types=c.db.event_types(), countries=c.db.countries(),
        map_data=map_data, timeline=timeline, sampled=len(sample), **view,
    )  # fmt: skip


@router.get("/docs")
def api_docs(request: Request):
    """A plain, CSP-friendly list of the JSON API, built from the OpenAPI document."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"path": path, "method": method.upper(), **op})
    return ctx(request).render(request, "docs.html", ops=ops, info=spec.get("info", {}))
