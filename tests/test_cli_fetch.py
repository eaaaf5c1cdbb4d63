"""`newsgraph fetch` from the command line, against a real HTTP server on 127.0.0.1: exit codes,
what a rerun says, and no model loaded when nothing new came."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import newsgraph.api
import newsgraph.batch.runner
from newsgraph.cli import app
from newsgraph.store import Database
from support.http_site import add_feed, news_site, serve


@pytest.fixture
def runner(nlp, monkeypatch):
    monkeypatch.setattr(newsgraph.api, "default_pipeline", lambda: nlp)  # the session's model, not a second one
    return CliRunner()


def fetch(runner: CliRunner, db, *args: str):
    return runner.invoke(app, ["fetch", *args, "--db", str(db), "--host-interval", "0.05"], catch_exceptions=False)


def model_must_not_load(monkeypatch) -> None:
    def refuse(*_args):
        raise AssertionError("the model was loaded with nothing new to analyse")

    monkeypatch.setattr(newsgraph.api, "default_pipeline", refuse)
    monkeypatch.setattr(newsgraph.batch.runner, "build_pipeline", refuse)


def test_fetch_a_url_then_a_rerun_fetches_nothing_and_says_so(runner, tmp_path, monkeypatch):
    db = tmp_path / "news.db"
    with serve(news_site()) as site:
        first = fetch(runner, db, site.base + "/one.html")
        assert first.exit_code == 0, first.output
        assert "1 added" in first.output
        model_must_not_load(monkeypatch)
        again = fetch(runner, db, site.base + "/one.html")
        assert site.hits("/one.html") == 1
    assert again.exit_code == 0, again.output
    assert "0 added" in again.output and "nothing new" in again.output
    with Database(db) as store:
        assert [row["title"] for row in store.articles()] == ["Council approves lock one"]


def test_a_feed_with_a_missing_item_exits_3_and_an_unchanged_feed_fetches_nothing(runner, tmp_path, monkeypatch):
    db = tmp_path / "news.db"
    with serve(news_site()) as site:
        add_feed(site)
        result = fetch(runner, db, "--feed", site.base + "/feed.xml")
        assert result.exit_code == 3, result.output
        assert "2 added" in result.output
        assert "E030" in result.output and "gone.html" in result.output
        model_must_not_load(monkeypatch)
        rerun = fetch(runner, db, "--feed", site.base + "/feed.xml")
    # The feed has not changed (its ETag answers 304): no item is asked for again.
    assert rerun.exit_code == 0, rerun.output
    assert "0 added" in rerun.output and "nothing new" in rerun.output
    assert site.hits("/one.html") == site.hits("/two.html") == site.hits("/gone.html") == 1


def test_nothing_fetched_exits_1(runner, tmp_path):
    with serve(news_site()) as site:
        result = fetch(runner, tmp_path / "news.db", site.base + "/gone.html")
    assert result.exit_code == 1, result.output
    assert "E030" in result.output and "nothing was ingested" in result.output
