"""The entity graph exported as GraphML, GEXF and an edge list CSV, read back by networkx."""

from __future__ import annotations

import csv

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import OutputError
from newsgraph.export import export
from newsgraph.store import Database, Store
from newsgraph.store.graph import entity_graph
from support.sample import graded_article, html_document, sample_articles


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("graph-export") / "g.db"
    with Store(path) as store:
        for a in [*sample_articles(), graded_article()]:
            store.add(a, html_document(a))
    return path


@pytest.fixture(scope="module")
def expected(db):
    with Database(db) as database:
        return entity_graph(database, limit=None, min_confidence=0.5)


def edge_set(graph) -> set[tuple[str, str, str, int]]:
    return {(str(u), str(v), d["kind"], int(d["weight"])) for u, v, d in graph.edges(data=True)}


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_networkx_reads_back_the_same_nodes_and_edges(db, expected, tmp_path, fmt, read):
    out = tmp_path / f"graph.{fmt}"
    counts = export(db, fmt, out)
    assert counts == {"nodes": expected.number_of_nodes(), "edges": expected.number_of_edges()}
    graph = read(out)
    assert set(graph.nodes) == set(expected.nodes)
    assert edge_set(graph) == edge_set(expected)
    names = {graph.nodes[n].get("name") or graph.nodes[n].get("label") for n in graph.nodes}
    assert {"Maria Lopez", "United Nations", "Ukraine"} <= names
    assert "Port Verde" not in names  # below the threshold: no tie, no node
    assert not list(tmp_path.glob("*.partial"))


def test_edges_csv_names_both_ends(db, expected, tmp_path):
    out = tmp_path / "edges.csv"
    export(db, "edges", out)
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == expected.number_of_edges()
    row = next(r for r in rows if r["kind"] == "acts_on" and r["target_name"] == "Ukraine")
    assert row["source_name"] == "United Nations" and row["weight"] == "2" and row["directed"] == "true"
    assert row["detail"] == "AID CONSULT"
    back = nx.from_edgelist([(r["source"], r["target"]) for r in rows])
    assert set(back.nodes) <= set(expected.nodes)


def test_every_fact_with_min_confidence_zero(db, tmp_path):
    out = tmp_path / "all.graphml"
    export(db, "graphml", out, min_confidence=0)
    names = {d["name"] for _, d in nx.read_graphml(out).nodes(data=True)}
    assert "Port Verde" in names


def test_graph_export_refuses_to_overwrite_without_force_and_never_the_store(db, tmp_path):
    out = tmp_path / "g.gexf"
    out.write_text("keep")
    with pytest.raises(OutputError) as refused:
        export(db, "gexf", out)
    assert refused.value.code == "E303" and out.read_text() == "keep"
    with pytest.raises(OutputError) as store:
        export(db, "graphml", db, force=True)
    assert store.value.code == "E301"
    export(db, "gexf", out, force=True)
    assert nx.read_gexf(out).number_of_nodes() > 0


def test_cli_graph_export(db, tmp_path):
    out = tmp_path / "cli.graphml"
    result = CliRunner().invoke(app, ["export", "--format", "graphml", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "nodes" in result.output and "edges" in result.output
    assert nx.read_graphml(out).number_of_edges() > 0
