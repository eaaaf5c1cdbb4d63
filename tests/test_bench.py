"""`newsgraph bench` writes only where it is told to."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app


def run_bench(*args):
    result = CliRunner().invoke(app, ["bench", "--limit", "3", "--workers", "1", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def test_bench_without_out_or_docs_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_bench()
    assert list(tmp_path.iterdir()) == []
    assert "nothing written" in result.stderr
    assert "no --sample" in result.stderr


def test_bench_writes_its_results_and_doc_where_asked_and_nowhere_else(tmp_path, monkeypatch):
    cwd, elsewhere = tmp_path / "cwd", tmp_path / "elsewhere"
    cwd.mkdir()
    elsewhere.mkdir()
    doc = elsewhere / "performance.md"
    doc.write_text("# Performance\n\nKept as it is.\n", encoding="utf-8")
    monkeypatch.chdir(cwd)
    run_bench("--out", elsewhere / "results.json", "--docs", doc)
    assert list(cwd.iterdir()) == []
    assert sorted(p.name for p in elsewhere.iterdir()) == ["performance.md", "results.json"]
    results = json.loads((elsewhere / "results.json").read_text(encoding="utf-8"))
    assert results["runs"]["newsgraph_1"]["articles"] == 3
    text = doc.read_text(encoding="utf-8")
    assert "Kept as it is." in text and "## Throughput" in text and "| newsgraph | 1 | 3 |" in text


def test_a_missing_sample_is_named_before_anything_is_measured(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["bench", "--sample", "no-such-article.txt"])
    assert result.exit_code == 1
    assert "no-such-article.txt: path does not exist [E001]" in result.stderr
    assert list(tmp_path.iterdir()) == []
