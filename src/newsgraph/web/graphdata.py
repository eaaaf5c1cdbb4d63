"""The data behind the graph views: filters from a query string, and the graph as
Cytoscape.js elements (positions from networkx) plus a table of ties.  Used by the
``/graph`` page (``graphs.py``) and the entity page's neighbourhood card."""

from __future__ import annotations

import re

from starlette.requests import Request

from ..store import Database
from ..store.graph import entity_graph, layout
from ..store.ties import TIE_KINDS

__all__ = ["graph_filters", "graph_view", "KIND_LABELS", "ENTITY_TYPES"]

KIND_LABELS = {
    "acts_on": "acts on (events)",
    "quoted_about": "quoted about",
    "quoted_with": "quoted in the same article",
    "co_mentioned": "named in the same article",
}
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def graph_filters(request: Request) -> dict:
    """The graph's filters from the query string, cleaned: ``kind`` and ``type`` may
    repeat; an unknown kind or type, or a malformed date, is no filter."""
    params = request.query_params
    kinds = [k for k in params.getlist("kind") if k in TIE_KINDS] or list(TIE_KINDS)
    types = [t.strip().upper() for t in params.getlist("type") if t.strip().upper() in ENTITY_TYPES]

    def date(name: str) -> str | None:
        value = params.get(name, "").strip()[:10]
        return value if _DATE.fullmatch(value) else None

    return {
        "kinds": kinds,
        "types": types,
        "date_from": date("date_from"),
        "date_to": date("date_to"),
        "limit": _limit(params.get("limit", "")),
    }


def _limit(value: str, default: int = 120, most: int = 500) -> int:
    """How many ties to draw: 1..most, the default when absent or not a plain number."""
    value = value.strip()
    return max(1, min(int(value), most)) if re.fullmatch(r"[0-9]{1,6}", value) else default


def graph_view(db: Database, center: int | None, filters: dict, threshold: float) -> dict:
    """What the template and graph.js need: Cytoscape elements with networkx positions,
    and the ties as rows (heaviest first) with their ends' names."""
    graph = entity_graph(
        db, center, kinds=filters["kinds"], types=filters["types"] or None,
        date_from=filters["date_from"], date_to=filters["date_to"], min_confidence=threshold, limit=filters["limit"],
    )  # fmt: skip
    positions = layout(graph)
    heaviest = max([d["weight"] for _, _, d in graph.edges(data=True)] or [1])
    nodes = [
        {"data": {"id": n, "label": d["name"], "type": d["type"], "articles": d["articles"],
                  "href": f"/entities/{n}", "center": center is not None and n == str(center)},
         "position": {"x": round(positions[n][0] * 420, 1), "y": round(positions[n][1] * 320, 1)}}
        for n, d in graph.nodes(data=True)
    ]  # fmt: skip
    edges, rows = [], []
    for u, v, d in graph.edges(data=True):
        label = KIND_LABELS[d["kind"]] + (f": {d['detail']}" if d["detail"] else "")
        edges.append({"data": {
            "id": f"{u}-{d['kind']}-{v}", "source": u, "target": v, "kind": d["kind"], "weight": d["weight"],
            "width": round(1 + 5 * d["weight"] / heaviest, 2), "directed": d["directed"], "label": label,
        }})  # fmt: skip
        rows.append({
            "source": {"id": u, "name": graph.nodes[u]["name"], "type": graph.nodes[u]["type"]},
            "target": {"id": v, "name": graph.nodes[v]["name"], "type": graph.nodes[v]["type"]},
            **d, "label": KIND_LABELS[d["kind"]],
        })  # fmt: skip
    rows.sort(key=lambda r: (-r["weight"], r["kind"], r["source"]["name"], r["target"]["name"]))
    return {"elements": {"nodes": nodes, "edges": edges}, "ties": rows, "n_nodes": len(nodes), "n_edges": len(edges)}
