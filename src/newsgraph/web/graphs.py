"""The graph page, ``/graph``: the corpus's strongest ties, or one entity's
neighbourhood with ``?center=ID``.

The graph comes from ``store.graph`` (networkx builds it and lays it out); the page
gets nodes with positions and edges as a JSON block, which the vendored Cytoscape.js
draws (``static/js/graph.js``), and the same ties as a table for reading and linking.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..store.ties import DIRECTED_KINDS
from .graphdata import ENTITY_TYPES, KIND_LABELS, graph_filters, graph_view
from .pages import confidence_view, ctx

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/graph")
def graph_page(request: Request, center: str = ""):
    c = ctx(request)
    view = confidence_view(request)
    filters = graph_filters(request)
    center_id, focus = None, None
    if center.strip():
        focus = c.db.entity(int(center), limit=1) if center.strip().isdigit() and len(center) < 19 else None
        if focus is None:
            raise HTTPException(404, "No entity with that id.")
        center_id = focus["id"]
    graph = graph_view(c.db, center_id, filters, view["threshold"])
    return c.render(
        request, "graph.html", g=graph, f=filters, focus=focus, kind_labels=KIND_LABELS, entity_types=ENTITY_TYPES,
        directed=DIRECTED_KINDS, **view,
    )  # fmt: skip
