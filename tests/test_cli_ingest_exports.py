"""`newsgraph ingest` of exports with batch metadata: what reaches the store."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Database
from support.exports import NexisArticle, nexis_export

EXPORT = [
    NexisArticle(
        outlet="The Valley Courier",
        date_line="March 7, 2022 Monday",
        headline="Flood barrier opens a year late",
        byline="Petra Lindqvist",
        body=["The new flood barrier on the Arden river opened on Monday, a year later than the council planned."],
    ),
    NexisArticle(
        outlet="Northern Gazette",
        date_line="March 9, 2022 Wednesday",
        headline="Mill to reopen as a museum",
        byline=None,
        body=["The old wool mill at Harcastle will reopen in June as a museum of the wool trade, its owners said."],
        language="GERMAN",
    ),
]


@pytest.fixture(scope="module")
def runner(nlp):  # `nlp` makes the module share the session's loaded pipeline
    return CliRunner()


def test_ingest_stores_each_export_article_with_its_metadata_and_the_batch_fills_the_rest(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "nexis.txt").write_text(nexis_export(EXPORT), encoding="utf-8")
    (folder / "letter.txt").write_text(
        "Ferry fares rise\n\nFares on the island ferry rise by a tenth in May, the operator said on Friday.\n",
        encoding="utf-8",
    )
    (tmp_path / "manifest.csv").write_text("path,url\nin/letter.txt,https://example.org/ferry\n", encoding="utf-8")
    db = tmp_path / "ng.db"
    args = ["ingest", str(folder), "--db", str(db), "--published", "2024-02-01", "--source", "Reader Mail"]
    result = runner.invoke(app, [*args, "--manifest", str(tmp_path / "manifest.csv")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with Database(db) as store:
        rows = {row["path"].rsplit("/", 1)[-1]: row for row in store.articles(order="oldest")}
    letter, first = rows["letter.txt"], rows["nexis.txt#1"]
    assert (letter["published"], letter["source"], letter["url"]) == (
        "2024-02-01",
        "Reader Mail",
        "https://example.org/ferry",
    )
    assert (first["title"], first["published"], first["source"]) == (
        "Flood barrier opens a year late",
        "2022-03-07",
        "The Valley Courier",
    )
    assert first["skipped_reason"] is None and first["language"] == "en"
    # The export says the second article is German: it is skipped, not analysed, and said so.
    assert "nexis.txt#2" not in rows
    assert "2 added, 0 already stored, 1 skipped, 0 failed" in result.stdout


def test_ingest_refuses_a_bad_batch_date_in_one_line(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Some text about a ferry.\n", encoding="utf-8")
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "ng.db"), "--published", "soon"]
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: --published 'soon' is not a date (YYYY-MM-DD) [E029]"
