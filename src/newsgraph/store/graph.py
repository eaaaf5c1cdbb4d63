"""The entity graph as a networkx ``MultiDiGraph``, built from the store's ties.

Nodes are corpus entities (keyed by their id as a string, as GraphML and GEXF
want), with ``name``, ``type``, ``country`` and ``articles``.  Edges are the ties
of ``store.ties`` keyed by kind, with ``kind``, ``weight``, ``first``, ``last``,
``directed`` and ``detail`` (event types).  An undirected kind (``co_mentioned``,
``quoted_with``) is one edge from the smaller id to the larger, ``directed`` false.
Attribute values are never None (GraphML cannot write None): missing is "".
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx

from .reader import Database
from .ties import TIE_KINDS

__all__ = ["entity_graph", "layout", "EDGE_FIELDS"]

EDGE_FIELDS = ("kind", "weight", "first", "last", "directed", "detail")


def entity_graph(
    db: Database,
    center: int | None = None,
    *,
    kinds: Iterable[str] = TIE_KINDS,
    types: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    min_confidence: float = 0.0,
    limit: int | None = 200,
) -> nx.MultiDiGraph:
    """The ``limit`` strongest ties (of the corpus, or of ``center``; None: all) with their ends.
    The center is a node even when it has no tie."""
    ties = db.ties(
        center, kinds=kinds, types=types, date_from=date_from, date_to=date_to,
        min_confidence=min_confidence, limit=limit,
    )  # fmt: skip
    ids = {t["source"] for t in ties} | {t["target"] for t in ties}
    if center is not None:
        ids.add(int(center))
    graph = nx.MultiDiGraph()
    for cid, node in sorted(db.tie_nodes(ids).items()):
        graph.add_node(
            str(cid), name=node["name"], type=node["type"], country=node["country"] or "",
            articles=int(node["article_count"] or 0),
        )  # fmt: skip
    for t in ties:
        graph.add_edge(
            str(t["source"]), str(t["target"]), key=t["kind"], kind=t["kind"], weight=int(t["weight"]),
            first=t["first"] or "", last=t["last"] or "", directed=bool(t["directed"]), detail=" ".join(t["detail"]),
        )  # fmt: skip
    return graph


def layout(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions in [-1, 1]² by a force-directed layout (networkx's spring layout,
    heavier ties pulling harder); the same graph always gets the same picture."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        weight = simple.edges[u, v]["weight"] if simple.has_edge(u, v) else 0
        simple.add_edge(u, v, weight=weight + data["weight"])
    # Logarithmic weights: one pair co-mentioned in 500 articles must not collapse the picture.
    for _, _, data in simple.edges(data=True):
        data["weight"] = 1.0 + math.log2(max(1.0, data["weight"]))
    positions = nx.spring_layout(simple, weight="weight", seed=seed, k=1.6 / max(1, simple.number_of_nodes()) ** 0.5)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}
