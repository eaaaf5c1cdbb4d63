"""Nothing lost, ever: hostile strings, hostile export targets, kills during an export, and
exports taken while an ingest runs.  docs/reliability.md lists the guarantee each test backs
(G14-G18)."""

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


# -- G16: an export never overwrites the store, a database, or anything without --force ------

STORED = 1000  # articles in the export fixture: enough that writing an export takes a while


@pytest.fixture(scope="module")
def built_store(tmp_path_factory) -> Path:
    from newsgraph.store import Store
    from support.sample import synthetic_article

    db = tmp_path_factory.mktemp("store") / "news.db"
    with Store(db) as store:
        store.add_many([synthetic_article(i, paragraphs=4) for i in range(STORED)], batch_size=STORED)
    return db


@pytest.fixture()
def store_copy(built_store, tmp_path) -> Path:
    db = tmp_path / "news.db"
    db.write_bytes(built_store.read_bytes())
    return db


def export_cli(*args):
    return invoke(CliRunner(), "export", *args)


def refused(result, target, code: str) -> None:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {target}: ") and lines[0].endswith(f"[{code}]"), lines
    assert "Traceback" not in result.output


def test_export_refuses_to_write_over_the_store_it_reads(store_copy, tmp_path):
    before = store_copy.read_bytes()
    link = tmp_path / "link.db"
    link.symlink_to(store_copy)
    hard = tmp_path / "hard.db"
    os.link(store_copy, hard)
    for target in (store_copy, tmp_path / "." / "news.db", link, hard, tmp_path / "news.db-wal"):
        for fmt in ("gdelt-events", "jsonl"):
            refused(export_cli("--format", fmt, "--out", target, "--db", store_copy, "--force"), target, "E301")
    assert store_copy.read_bytes() == before
    assert len(articles_in(store_copy)) == STORED


def test_export_refuses_any_sqlite_database_even_with_force(store_copy, tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE keep (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    refused(export_cli("--format", "gdelt-events", "--out", other, "--db", store_copy, "--force"), other, "E302")
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "articles.jsonl").write_bytes(before)  # a database named like an export file
    refused(export_cli("--format", "jsonl", "--out", folder, "--db", store_copy, "--force"), folder / "articles.jsonl",
            "E302")  # fmt: skip
    assert other.read_bytes() == before and (folder / "articles.jsonl").read_bytes() == before


def test_export_replaces_an_existing_file_or_folder_only_with_force(store_copy, tmp_path):
    target = tmp_path / "events.tsv"
    target.write_text("my notes\n", encoding="utf-8")
    refused(export_cli("--format", "gdelt-events", "--out", target, "--db", store_copy), target, "E303")
    assert target.read_text(encoding="utf-8") == "my notes\n"
    done = export_cli("--format", "gdelt-events", "--out", target, "--db", store_copy, "--force")
    assert done.exit_code == 0, done.output
    assert target.read_text(encoding="utf-8").startswith("GLOBALEVENTID\t")

    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    refused(export_cli("--format", "jsonl", "--out", folder, "--db", store_copy), folder, "E303")
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    done = export_cli("--format", "jsonl", "--out", folder, "--db", store_copy, "--force")
    assert done.exit_code == 0, done.output
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine\n", "--force replaces export files only"
    assert len((folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == STORED
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no temporary files are left"


# -- G17: a killed export leaves the old output or the new one ----------------------------------


def kill_while_writing(args: list, changed) -> int:
    """Run ``newsgraph export`` in a child and SIGKILL it as soon as ``changed()`` sees it writing.
    Returns the child's exit status."""
    import signal
    import subprocess
    import sys
    import time

    from support import SRC

    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "export", *map(str, args)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if changed():
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.0005)
    status = proc.wait(timeout=60)
    assert status == -signal.SIGKILL, f"the export ended ({status}) before it was seen writing: {proc.stderr.read()}"
    return status


def test_a_killed_export_leaves_the_old_file_or_the_new_one(store_copy, tmp_path):
    target = tmp_path / "events.tsv"
    target.write_text("the previous export\n", encoding="utf-8")

    def writing() -> bool:
        partial = [p for p in tmp_path.iterdir() if p.name.startswith(".events.tsv.")]
        return bool(partial) or target.read_text(encoding="utf-8") != "the previous export\n"

    kill_while_writing(["--format", "gdelt-events", "--out", target, "--db", store_copy, "--force"], writing)
    assert target.read_text(encoding="utf-8") == "the previous export\n"


@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "folder-with-files"])
def test_a_killed_folder_export_leaves_no_cut_short_file(store_copy, tmp_path, existing):
    folder = tmp_path / "tables"
    if existing:
        folder.mkdir()
        (folder / "articles.jsonl").write_text("old\n", encoding="utf-8")

    def writing() -> bool:
        partial = [p for p in tmp_path.iterdir() if p.name.startswith(".tables.")]
        fresh = folder.is_dir() and (folder / "entities.jsonl").exists()
        return bool(partial) or fresh

    force = ["--force"] if existing else []
    kill_while_writing(["--format", "jsonl", "--out", folder, "--db", store_copy, *force], writing)
    if existing:
        assert sorted(p.name for p in folder.iterdir()) == ["articles.jsonl"]
        assert (folder / "articles.jsonl").read_text(encoding="utf-8") == "old\n"
    else:
        assert not folder.exists()


# -- G18: an export is one snapshot, even while an ingest writes -------------------------------

WRITER = """
import sys
from newsgraph.store import Store
from support.sample import synthetic_article
with Store(sys.argv[1]) as store:
    print("ready", flush=True)
    for i in range(int(sys.argv[2]), int(sys.argv[2]) + 100000):
        store.add(synthetic_article(i, paragraphs=4))
        if i == int(sys.argv[2]):
            print("added", flush=True)
"""


def test_an_export_during_an_ingest_is_one_snapshot(store_copy, tmp_path):
    import subprocess
    import sys

    from newsgraph.export import export
    from support import REPO, SRC

    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{REPO / 'tests'}"}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(store_copy), str(STORED)], env=env,
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert writer.stdout.readline().strip() == "ready"
        exports = []
        assert writer.stdout.readline().strip() == "added"
        # at least four exports, and more until the writer has added articles between two of them
        # (on a busy machine several exports can end between two of its commits)
        for n in range(40):
            counts = export(store_copy, "jsonl", tmp_path / f"export{n}")
            exports.append((tmp_path / f"export{n}", counts))
            if n >= 3 and counts["articles"] > exports[0][1]["articles"]:
                break
    finally:
        writer.kill()
        writer.wait()
    assert exports[-1][1]["articles"] > exports[0][1]["articles"], "the writer should add articles meanwhile"
    for folder, _counts in exports:
        tables = {}
        for table in ("articles", "entities", "mentions", "quotes", "events", "event_actors", "amounts", "dates"):
            lines = (folder / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
            tables[table] = [json.loads(line) for line in lines]
        ids = {row["id"] for row in tables["articles"]}
        for table, rows in tables.items():
            if table != "articles":
                orphans = {row["article_id"] for row in rows} - ids
                assert not orphans, f"{folder.name}/{table}: facts of {len(orphans)} articles not in articles.jsonl"
        # Every synthetic article has three entities and one event: none is cut short either.
        assert len(tables["entities"]) == 3 * len(ids) and len(tables["events"]) == len(ids), folder.name
