"""Nothing lost, ever: hostile strings, hostile export targets, kills during an export, and
exports taken while an ingest runs.  docs/reliability.md lists the guarantee each test backs
(G14-G17)."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.readers import ReadOptions, iter_documents

IN_PROCESS = ReadOptions(isolate=False, time_limit=5)
GOOD = "Dockers at the port of Gdansk stopped work on Monday, the Solidarity union said."


def read_all(*paths) -> list:
    return list(iter_documents([str(p) for p in paths], IN_PROCESS))


def articles_in(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, path FROM articles ORDER BY seq").fetchall()
    finally:
        conn.close()


def invoke(runner, *args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def storable(value: object) -> None:
    """Every string inside ``value`` encodes as UTF-8: SQLite, the terminal and JSON take it."""
    if isinstance(value, str):
        value.encode("utf-8")
    elif isinstance(value, dict):
        for key, item in value.items():
            storable(key)
            storable(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            storable(item)


# -- G14: a bad string is made safe at the reader -------------------------------------------

SURROGATE_FIELDS = ("text", "title", "url", "source", "author")


@pytest.mark.parametrize("field", SURROGATE_FIELDS)
def test_a_lone_surrogate_in_a_jsonl_field_is_replaced_at_the_reader(tmp_path, field):
    record = {"text": GOOD, field: (GOOD if field == "text" else "x") + " \ud800 end"}
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="ascii")  # json.dumps escapes it: "\ud800"
    (document,) = read_all(path)
    assert isinstance(document, Document), document
    storable(vars(document))
    value = document.source_text if field == "text" else getattr(document, field)
    assert "\ufffd end" in value, value
    if field == "text":  # offsets still point at the same characters
        start = document.text.index("\ufffd")
        assert document.source_text[document.offsets.to_source(start)] == "\ufffd"


def test_a_file_name_that_is_not_utf8_is_kept_and_shown_escaped(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")  # 'caf\udce9.txt': the byte kept by surrogateescape
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    (tmp_path / os.fsdecode(b"empty\xff.txt")).write_text("", encoding="utf-8")
    document, error = read_all(tmp_path)
    assert isinstance(document, Document) and document.path == f"{tmp_path}/caf\\xe9.txt"
    assert isinstance(error, InputError) and error.path == f"{tmp_path}/empty\\xff.txt"
    assert error.line().startswith(f"{tmp_path}/empty\\xff.txt: ")
    storable(vars(document))


def test_a_bad_string_does_not_lose_the_batch(nlp, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text("Cafe owners in Lyon\n\n" + GOOD, encoding="utf-8")
    records = [
        {"text": "Ferry line adds route\n\nStena Line said on Tuesday it would open a route to Karlskrona."},
        {"text": "Bad \ud800 text. " + GOOD, "title": "T\udfff", "url": "http://x/\ud800", "source": "\udc80"},
    ]
    (folder / "dump.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    db = tmp_path / "n.db"
    result = invoke(CliRunner(), "ingest", folder, "--db", db)
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output
    stored = articles_in(db)
    assert len(stored) == 3, stored
    assert f"{folder}/caf\\xe9.txt" in {path for _, path in stored}
    again = invoke(CliRunner(), "ingest", folder, "--db", db, "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["duplicates"] == 3


# -- G15: JSONL records end at "\n" only ----------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_jsonl_records_split_on_newline_only(tmp_path, separator):
    path = tmp_path / "dump.jsonl"
    first = {"text": f"One{separator}line. " + GOOD, "title": f"A{separator}B"}
    second = {"text": "Second article. " + GOOD}
    data = json.dumps(first, ensure_ascii=False) + "\r\n" + json.dumps(second, ensure_ascii=False) + "\n"
    path.write_bytes(data.encode("utf-8"))
    items = read_all(path)
    assert [type(i) for i in items] == [Document, Document], items
    assert [i.path for i in items] == [f"{path}:1", f"{path}:2"]
    assert items[0].title == f"A{separator}B"
