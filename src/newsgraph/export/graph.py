"""The entity graph for network tools: GraphML and GEXF (Gephi, Cytoscape, networkx
read both) and a plain edge list CSV.

The graph is ``store.graph.entity_graph`` over the whole corpus: every tie kind,
facts below the confidence threshold left out.  networkx writes the files.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from ..store import Database
from ..store.graph import entity_graph

__all__ = ["GRAPH_FORMATS", "export_graph", "EDGE_COLUMNS"]

GRAPH_FORMATS = ("graphml", "gexf", "edges")
EDGE_COLUMNS = ("source", "source_name", "source_type", "target", "target_name", "target_type",
                "kind", "directed", "weight", "first", "last", "detail")  # fmt: skip


def export_graph(db: Path, fmt: str, out: Path, min_confidence: float) -> dict[str, int]:
    """Write the corpus graph at ``out`` (a file being written, renamed by the caller);
    returns the number of nodes and edges."""
    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}")
    with Database(db) as database, database.snapshot():
        graph = entity_graph(database, min_confidence=min_confidence, limit=None)  # every tie, not a screenful
    if fmt == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(graph, out, encoding="utf-8")
    else:
        write_edges(graph, out)
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


def write_edges(graph: nx.MultiDiGraph, out: Path) -> None:
    """One CSV row per tie, with both ends' names and types beside their ids."""
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(EDGE_COLUMNS)
        for u, v, data in graph.edges(data=True):
            a, b = graph.nodes[u], graph.nodes[v]
            writer.writerow([
                u, a["name"], a["type"], v, b["name"], b["type"], data["kind"], str(data["directed"]).lower(),
                data["weight"], data["first"], data["last"], data["detail"],
            ])  # fmt: skip
