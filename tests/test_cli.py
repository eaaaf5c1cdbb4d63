"""The `newsgraph` command: ingest, analyze, stats, show, and its behaviour on bad input."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import NewsgraphError
from support.pdf_builder import text_pdf

ARTICLE = """Harbour workers strike in Gdansk over pay

Dockers at the port of Gdansk stopped work on Monday after talks on a new wage deal collapsed, the Solidarity union said.

"We have waited two years for an offer that matches prices," union leader Tomasz Nowak told reporters. The port authority said the strike would cost more than 2 million euros a day.
"""

SECOND = """Ferry line adds Baltic route

Stena Line said on Tuesday it would open a new ferry route between Gdynia and Karlskrona in April, adding 120 jobs.
"""


@pytest.fixture(scope="module")
def runner(nlp):  # `nlp` makes the module share the session's loaded pipeline
    return CliRunner()


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "gdansk.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "ferry.txt").write_text(SECOND, encoding="utf-8")
    return folder


def invoke(runner, *args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def stats(runner, db) -> dict:
    result = invoke(runner, "stats", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_twice_and_renamed_copy_change_no_counts(runner, corpus, tmp_path):
    db = tmp_path / "news.db"
    first = invoke(runner, "ingest", corpus, "--db", db)
    assert first.exit_code == 0, first.output
    assert "2 added" in first.stdout
    before = stats(runner, db)
    assert before["articles"] == 2

    again = invoke(runner, "ingest", corpus, "--db", db)
    assert again.exit_code == 0
    assert "0 added, 2 already stored" in again.stdout

    shutil.copy(corpus / "gdansk.txt", tmp_path / "renamed-copy.txt")
    copy = invoke(runner, "ingest", tmp_path / "renamed-copy.txt", "--db", db)
    assert copy.exit_code == 0
    after = stats(runner, db)
    assert {k: after[k] for k in ("articles", "entities", "mentions", "quotes")} == {
        k: before[k] for k in ("articles", "entities", "mentions", "quotes")
    }
    assert after["sources"] == before["sources"] + 1  # the copy's path is remembered


def test_ingest_json_summary(runner, corpus, tmp_path):
    result = invoke(runner, "ingest", corpus, "--db", tmp_path / "n.db", "--json")
    summary = json.loads(result.stdout)
    assert summary["added"] == 2 and summary["failed"] == 0 and summary["words"] > 30


BAD_INPUTS = {
    "missing": (None, "does not exist"),
    "empty.txt": (b"", "empty"),
    "binary.txt": (bytes(range(256)) * 8, "binary"),
    "corrupt.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "PDF"),
    "encrypted.pdf": ("encrypted", "encrypted"),
    "nothing.html": (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    "broken.jsonl": (b'{"text": \n', "not valid JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_each_bad_input_gives_one_line_naming_the_file(runner, tmp_path, name):
    content, reason = BAD_INPUTS[name]
    path = tmp_path / name
    if content == "encrypted":
        path.write_bytes(text_pdf([["Secret text"]], encrypt=True))
    elif content is not None:
        path.write_bytes(content)
    result = invoke(runner, "ingest", path, "--db", tmp_path / "n.db")
    assert result.exit_code != 0, "nothing was ingested, so the exit code must say so"
    lines = [line for line in result.stderr.splitlines() if name in line]
    assert len(lines) == 1, result.stderr
    assert reason.lower() in lines[0].lower()
    assert "Traceback" not in result.output


def test_folder_with_no_articles(runner, tmp_path):
    empty = tmp_path / "photos"
    empty.mkdir()
    (empty / "cat.png").write_bytes(b"\x89PNG\r\n")
    result = invoke(runner, "ingest", empty, "--db", tmp_path / "n.db")
    assert result.exit_code != 0
    assert "photos" in result.stderr and "no readable articles" in result.stderr


def test_a_batch_goes_on_past_bad_files(runner, corpus, tmp_path):
    (corpus / "empty.txt").write_text("")
    (corpus / "broken.jsonl").write_text('{"text": "A good line about the port of Gdynia and its cranes."}\nnot json\n')
    db = tmp_path / "n.db"
    result = invoke(runner, "ingest", corpus, "--db", db)
    assert result.exit_code == 3, "something was ingested, but some files failed"
    assert "3 added" in result.stdout
    assert "empty.txt" in result.stderr and "broken.jsonl:2" in result.stderr
    assert stats(runner, db)["failures"] == 2


def test_nothing_already_stored_is_lost_on_a_bad_run(runner, corpus, tmp_path):
    db = tmp_path / "n.db"
    invoke(runner, "ingest", corpus, "--db", db)
    invoke(runner, "ingest", tmp_path / "missing.txt", "--db", db)
    assert stats(runner, db)["articles"] == 2


def test_debug_shows_the_traceback(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(NewsgraphError):
        runner.invoke(app, ["analyze", str(tmp_path / "empty.txt"), "--debug"], catch_exceptions=False)


def test_analyze_prints_schema_json(runner, corpus):
    result = invoke(runner, "analyze", corpus / "gdansk.txt", "--json")
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["title"] == "Harbour workers strike in Gdansk over pay"
    assert [p["kind"] for p in article["paragraphs"]] == ["title", "body", "body"]
    text = article["text"]
    for entity in article["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    assert any(e["name"] == "Tomasz Nowak" for e in article["entities"])


def test_analyze_reads_stdin(runner):
    result = runner.invoke(app, ["analyze", "-", "--json"], input=SECOND)
    assert result.exit_code == 0, result.output
    assert "Karlskrona" in json.loads(result.stdout)["text"]


def test_analyze_missing_file(runner, tmp_path):
    result = invoke(runner, "analyze", tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert "nope.txt: path does not exist [E001]" in result.stderr


def test_show_and_stats_on_missing_db(runner, tmp_path):
    result = invoke(runner, "stats", "--db", tmp_path / "absent.db")
    assert result.exit_code == 1 and "absent.db" in result.stderr


def test_show_prints_a_stored_article(runner, corpus, tmp_path):
    db = tmp_path / "n.db"
    invoke(runner, "ingest", corpus, "--db", db)
    listing = json.loads(invoke(runner, "ingest", corpus, "--db", db, "--json").stdout)
    assert listing["duplicates"] == 2
    from newsgraph.store import Database

    article_id = Database(db).articles(limit=10)[0]["id"]
    shown = invoke(runner, "show", article_id[:8], "--db", db, "--json")
    assert json.loads(shown.stdout)["id"] == article_id
    unknown = invoke(runner, "show", "ffffffff", "--db", db)
    assert unknown.exit_code == 1 and "ffffffff" in unknown.stderr


# -- numeric options ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--file-timeout", "nan"),
        ("--file-timeout", "inf"),
        ("--file-timeout", "-1"),
        ("--file-timeout", "0"),
        ("--max-file-mb", "nan"),
        ("--max-file-mb", "-inf"),
        ("--max-file-mb", "-5"),
        ("--lock-timeout", "nan"),
        ("--lock-timeout", "inf"),
        ("--lock-timeout", "-0.5"),
        ("--workers", "-1"),
        ("--workers", "0"),
        ("--workers", "nan"),
    ],
)
def test_numeric_options_refuse_nan_inf_and_negatives(runner, corpus, tmp_path, option, value):
    db = tmp_path / "n.db"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), f"{option}={value}"])
    assert result.exit_code == 2, result.output
    assert "Invalid value" in result.output and option in result.output
    assert not db.exists()


# -- nothing from the input steers the terminal -------------------------------------------------


def test_a_hostile_file_name_neither_steers_the_terminal_nor_splits_its_line(runner, corpus, tmp_path):
    hostile = corpus / "evil\x1b[2J\x1b]0;owned\x07\nnext [bold]line.pdf"
    hostile.write_bytes(b"not a pdf at all")
    result = invoke(runner, "ingest", corpus, "--db", tmp_path / "n.db")
    assert result.exit_code == 3, result.output  # stored the corpus; the hostile file failed
    assert "\x1b" not in result.output and "\x07" not in result.output
    lines = [line for line in result.stderr.splitlines() if "evil" in line or "next" in line]
    assert len(lines) == 1, result.stderr
    assert "evil\\x1b[2J\\x1b]0;owned\\x07\\nnext [bold]line.pdf" in lines[0]


def test_show_and_errors_neutralise_control_characters_and_markup(runner, tmp_path):
    import dataclasses

    from newsgraph.store import Store
    from support.sample import sample_articles

    db = tmp_path / "n.db"
    article = dataclasses.replace(
        sample_articles()[0], title="Breaking\x1b[2J [bold]news[/bold]\x9b31m\u202eevil", source="Wire\x1b]0;x\x07"
    )
    with Store(db) as store:
        store.add(article)
    shown = invoke(runner, "show", article.id, "--db", db)
    assert shown.exit_code == 0, shown.output
    for raw in ("\x1b", "\x9b", "\x07", "\u202e"):
        assert raw not in shown.stdout
    assert "Breaking\\x1b[2J [bold]news[/bold]\\x9b31m\\u202eevil" in shown.stdout
    assert "Wire\\x1b]0;x\\x07" in shown.stdout
    as_json = invoke(runner, "show", article.id, "--db", db, "--json")
    assert "\x9b" not in as_json.stdout and "\u202e" not in as_json.stdout
    assert json.loads(as_json.stdout)["title"] == article.title

    missing = invoke(runner, "stats", "--db", tmp_path / "[bold]gone\x1b[2J.db")
    assert missing.exit_code == 1
    assert "[bold]gone\\x1b[2J.db" in missing.stderr and "\x1b" not in missing.stderr


def test_exit_codes_say_whether_every_file_was_read(runner, corpus, tmp_path):
    """0: every file read; 3: some failed, the rest stored; 1: nothing stored (README "Exit codes")."""
    assert invoke(runner, "ingest", corpus, "--db", tmp_path / "all.db").exit_code == 0
    (corpus / "empty.txt").write_text("")
    some = invoke(runner, "ingest", corpus, "--db", tmp_path / "some.db")
    assert some.exit_code == 3 and "empty.txt" in some.stderr
    assert invoke(runner, "ingest", corpus / "empty.txt", "--db", tmp_path / "none.db").exit_code == 1


def test_skipped_articles_are_named_in_the_summary(runner, corpus, tmp_path):
    (corpus / "hafen.txt").write_text(
        "Der Stadtrat hat am Donnerstag das Geld für die Reparatur der beiden beschädigten Schleusen "
        "bewilligt, teilte das Hafenamt in einer Erklärung auf seiner Internetseite mit.\n"
    )
    result = invoke(runner, "ingest", corpus, "--db", tmp_path / "n.db")
    assert result.exit_code == 0, result.output
    assert "1 skipped" in result.stdout
    assert [line for line in result.stderr.splitlines() if line.startswith("skipped")] == [
        next(line for line in result.stderr.splitlines() if "hafen.txt" in line)
    ]
