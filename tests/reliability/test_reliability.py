"""Reliability: property tests over hostile input, a bounded fuzzing run, and a database that
is full, read-only or locked.  docs/reliability.md lists the guarantee each test backs.

The property tests extend tests/test_offsets.py (which checks ``repair_text`` on
generated wrapped articles and arbitrary text) with multi-page documents full of
page furniture, the ftfy + repair composition in ``document_from_text``, quote
pairing on unbalanced and mixed quotation marks, and the JSONL and HTML readers
on arbitrary bytes.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import InputError, StoreError
from newsgraph.model import Document
from newsgraph.readers import ReadOptions, document_from_text, iter_documents
from support import REPO
from support.offsets import check_invariants, words

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- text repair: page furniture is the only thing dropped, and it is recorded ----------------

headers = st.sampled_from(["THE LEDGER", "River Gazette — Tuesday", "Page {n}", "{n}", "- {n} -", "{n} of 9", "[{n}]"])


@st.composite
def paged_documents(draw) -> str:
    """A PDF text layer: pages split by form feeds, each with a running header and/or footer."""
    header = draw(headers)
    footer = draw(st.one_of(st.none(), headers))
    width = draw(st.integers(40, 90))
    pages = []
    for n in range(1, draw(st.integers(2, 5)) + 1):
        body = " ".join(draw(st.lists(words, min_size=10, max_size=80))) + draw(st.sampled_from(["", ".", ":"]))
        lines, line = [], ""
        for word in body.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        top = [header.format(n=n), ""] if draw(st.booleans()) or footer is None else []
        bottom = ["", footer.format(n=n)] if footer is not None else []
        pages.append("\n".join(top + lines + bottom))
    return "\f".join(pages)


@SETTINGS
@given(paged_documents())
def test_page_furniture_is_the_only_thing_dropped_and_it_is_recorded(raw):
    check_invariants(raw)  # offsets consistent; every non-space input character kept in order, or recorded
    result = __import__("newsgraph.readers.repair", fromlist=["repair_text"]).repair_text(raw)
    for span in result.removed:
        # A removed span is a whole line of the input, never a piece of one.
        before = raw[: span.start].rsplit("\n", 1)[-1].rsplit("\f", 1)[-1]
        after = raw[span.end :].split("\n", 1)[0].split("\f", 1)[0]
        assert not before.strip() and not after.strip(), span


@SETTINGS
@given(
    st.one_of(paged_documents(), st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)),
    st.sampled_from(["", "â€™", "Ã©", "\u00a0", "ﬁ", "\r\n"]),
)
def test_document_offsets_compose_through_ftfy_and_repair(raw, noise):
    source = raw.replace(" ", f" {noise}", 3) if noise else raw
    doc = document_from_text(source, path="x", fmt="txt", options=ReadOptions())
    assert doc.offsets.clean_length == len(doc.text) and doc.offsets.source_length == len(source)
    previous = -1
    for i, char in enumerate(doc.text):
        if char.isspace():
            continue
        src = doc.offsets.to_source(i)
        assert 0 <= src < len(source)
        assert src >= previous, "mapped positions never go backwards"
        previous = src
    for span in doc.removed:
        assert 0 <= span.start <= span.end <= len(source)
    for para in doc.paragraphs:
        assert 0 <= para.start < para.end <= len(doc.text)


# -- quote pairing on unbalanced and mixed quotation marks -------------------------------------

quote_marks = st.sampled_from(['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "''", "``"])
quote_pieces = st.one_of(
    quote_marks,
    st.sampled_from(["said Amara Okafor", "the minister said", "he told reporters", ".", ",", ":", "\n\n", " — "]),
    st.text("abcdefghij ", min_size=1, max_size=20),
    st.sampled_from(["Lagos", "The port", "We will build it", "never again", "Kwame Mensah"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(quote_pieces, min_size=1, max_size=40).map(" ".join))
def test_quote_pairing_survives_unbalanced_and_mixed_marks(analyze_text, text):
    article = analyze_text(text)
    text = article.text
    entity_ids = {e.id for e in article.entities}
    for quote in article.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        for span in (quote.cue, quote.speaker_span):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert quote.speaker is None or quote.speaker in entity_ids


# -- readers on arbitrary bytes: Documents or InputErrors, never an exception ----------------

IN_PROCESS = ReadOptions(isolate=False, time_limit=5)  # a bug must surface here, not become E020


def read_bytes_as(tmp_path_factory, suffix: str, data: bytes) -> list:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    items = list(iter_documents([str(path)], IN_PROCESS))
    assert items and all(isinstance(i, (Document, InputError)) for i in items), items
    for item in items:
        if isinstance(item, InputError):
            assert "\n" not in item.line() and item.code.startswith("E0")
    return items


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40)),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "text": json_values | st.text(max_size=200),
        "title": json_values,
        "published": json_values | st.text(max_size=30),
        "url": json_values,
        "source": json_values,
        "author": json_values,
        "date": json_values,
    },
)
jsonl_lines = st.one_of(
    records.map(json.dumps), st.text(max_size=80), st.binary(max_size=80).map(lambda b: b.decode("latin-1"))
)


@SETTINGS
@given(st.lists(jsonl_lines, max_size=8), st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_jsonl_reader_on_arbitrary_lines(tmp_path_factory, lines, encoding):
    data = "\n".join(lines).encode(encoding, errors="replace")
    items = read_bytes_as(tmp_path_factory, ".jsonl", data)
    for item in items:
        if isinstance(item, Document):
            assert item.format == "jsonl" and ":" in item.path


@SETTINGS
@given(st.binary(max_size=400))
def test_jsonl_reader_on_arbitrary_bytes(tmp_path_factory, data):
    read_bytes_as(tmp_path_factory, ".jsonl", data)


html_tags = st.sampled_from(
    [
        "<html>",
        "<body>",
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<article>",
        "<script>",
        "</script>",
        "<title>",
        "</title>",
        "<meta name='author' content='x'>",
        "<!--",
        "-->",
        "<![CDATA[",
        "&amp;",
        "&#0;",
        "&#x110000;",
        "<br/>",
        "<table><tr><td>",
        "\x00",
        "<?xml version='1.0'?>",
    ]
)
html_docs = st.lists(
    st.one_of(html_tags, st.text(max_size=30), st.just("The harbour reopened on Tuesday, officials said.")), max_size=40
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(html_docs.map(lambda s: s.encode("utf-8", "surrogatepass")), st.binary(max_size=300)))
def test_html_reader_on_arbitrary_input(tmp_path_factory, data):
    read_bytes_as(tmp_path_factory, ".html", data)


# -- a bounded fuzzing run inside `make test` ------------------------------------------------


def test_fuzz_readers_briefly(tmp_path):
    """tests/fuzz/fuzz_readers.py under atheris for ~5 s (``make fuzz`` runs it for 5 minutes)."""
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "tests" / "fuzz" / "corpus", corpus)  # the fuzzer adds to it: not to the repo's copy
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "tests" / "fuzz" / "fuzz_readers.py"),
            "-max_total_time=5",
            "-timeout=20",
            f"-artifact_prefix={tmp_path}/",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
    )
    tail = "\n".join(result.stderr.splitlines()[-30:])
    assert result.returncode == 0, tail
    assert "Done" in result.stderr and "runs in" in result.stderr, tail


# -- full disk, read-only and locked databases ----------------------------------------------

ARTICLES = {
    "gdansk.txt": "Harbour workers strike in Gdansk\n\nDockers at the port of Gdansk stopped work on Monday, "
    'the Solidarity union said.\n\n"We have waited two years," union leader Tomasz Nowak told reporters.\n',
    "ferry.txt": "Ferry line adds Baltic route\n\nStena Line said on Tuesday it would open a route between "
    "Gdynia and Karlskrona in April, adding 120 jobs.\n",
}


@pytest.fixture(scope="module")
def runner(nlp):  # `nlp` makes the CLI share the session's loaded pipeline
    return CliRunner()


def invoke(runner, *args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def write_corpus(folder: Path, extra: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    for i in range(extra):
        (folder / f"extra{i:03d}.txt").write_text(
            f"Port story {i}\n\nThe port of Gdynia handled {i + 3} thousand containers in week {i}, "
            f"the harbour office said, and {'cranes ' * 200}were busy.\n",
            encoding="utf-8",
        )
    return folder


def snapshot(db: Path) -> dict:
    """Articles and their fact counts, read through a read-only, immutable view (works on a ro mount)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "SELECT a.id, (SELECT count(*) FROM entities e WHERE e.article_id = a.id), "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a ORDER BY a.id"
        ).fetchall()
        return {r[0]: r[1:] for r in rows}
    finally:
        conn.close()


def assert_one_line(result, db: Path, code: str, reason: str) -> str:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if f"[{code}]" in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {db}: {reason}"), lines[0]
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    return lines[0]


@pytest.fixture()
def small_fs(tmp_path):
    """A 3 MB tmpfs (we run as root); skipped where mounting is not allowed."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def fill(fs: Path, leave: int) -> Path:
    """Fill the file system up to ``leave`` free bytes with a filler file."""
    filler = fs / "filler"
    with filler.open("wb") as fh:
        chunk = b"\0" * 65536
        try:
            while True:
                free = os.statvfs(fs).f_bavail * os.statvfs(fs).f_frsize
                if free <= leave:
                    break
                fh.write(chunk[: max(4096, min(len(chunk), free - leave))])
                fh.flush()
        except OSError:
            pass
    return filler


def test_full_disk_is_e103_and_loses_nothing(runner, small_fs, tmp_path):
    db = small_fs / "news.db"
    first = invoke(runner, "ingest", write_corpus(tmp_path / "first"), "--db", db)
    assert first.exit_code == 0, first.output
    before = snapshot(db)
    filler = fill(small_fs, leave=48 * 1024)

    result = invoke(runner, "ingest", write_corpus(tmp_path / "more", extra=60), "--db", db)
    assert_one_line(result, db, "E103", "disk is full")
    after = snapshot(db)
    assert set(before) <= set(after) and all(after[k] == v for k, v in before.items()), "nothing stored is lost"

    filler.unlink()  # room again: the same command now completes
    again = invoke(runner, "ingest", tmp_path / "more", "--db", db)
    assert again.exit_code == 0, again.output
    final = snapshot(db)
    assert len(final) == len(before) + 60 and all(final[k] == v for k, v in before.items())


def close_cleanly(db: Path) -> None:
    """Open and close a read-write connection: the last one out removes -wal and -shm."""
    conn = sqlite3.connect(db)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the open happens on first use
    conn.close()
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()


@pytest.mark.parametrize("wal_files", [False, True], ids=["store-file-only", "with-wal-and-shm"])
def test_read_only_file_system_is_e101_and_loses_nothing(runner, small_fs, tmp_path, wal_files):
    """Without its -wal/-shm files SQLite cannot even open a WAL store on a read-only mount
    ("unable to open database file", which must not read as E104 "not a newsgraph database");
    with them it opens and refuses the first write."""
    db = small_fs / "news.db"
    assert invoke(runner, "ingest", write_corpus(tmp_path / "first"), "--db", db).exit_code == 0
    before = snapshot(db)
    if wal_files:
        assert Path(f"{db}-shm").exists()  # snapshot()'s read-only connection leaves them
    else:
        close_cleanly(db)
    remount = subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], capture_output=True, text=True)
    if remount.returncode != 0:
        pytest.skip(f"cannot remount read-only: {remount.stderr.strip()}")
    try:
        result = invoke(runner, "ingest", write_corpus(tmp_path / "more", extra=2), "--db", db)
        line = assert_one_line(result, db, "E101", "database is read-only")
        assert "read-only" in line or "readonly" in line
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_fs)], check=True)
    assert snapshot(db) == before


def test_immutable_file_is_e101(runner, tmp_path):
    """A second real mechanism that stops root: chattr +i (where the file system supports it)."""
    db = tmp_path / "news.db"
    assert invoke(runner, "ingest", write_corpus(tmp_path / "first"), "--db", db).exit_code == 0
    before = snapshot(db)
    close_cleanly(db)
    locked = subprocess.run(["chattr", "+i", str(db)], capture_output=True, text=True)
    if locked.returncode != 0:
        pytest.skip(f"chattr +i is not supported here: {locked.stderr.strip()}")
    try:
        result = invoke(runner, "ingest", write_corpus(tmp_path / "more", extra=1), "--db", db)
        assert_one_line(result, db, "E101", "database is read-only")
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    assert snapshot(db) == before


def test_locked_database_is_e102_and_loses_nothing(runner, tmp_path):
    db = tmp_path / "news.db"
    assert invoke(runner, "ingest", write_corpus(tmp_path / "first"), "--db", db).exit_code == 0
    before = snapshot(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another writer holds the lock for the whole ingest
    try:
        result = invoke(runner, "ingest", write_corpus(tmp_path / "more", extra=1), "--db", db, "--lock-timeout", "0.5")
        assert_one_line(result, db, "E102", "database is locked by another writer")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert snapshot(db) == before


def test_locked_database_with_a_short_busy_timeout(nlp, tmp_path):
    from newsgraph.batch.runner import IngestOptions, run_ingest

    db = tmp_path / "news.db"
    run_ingest([write_corpus(tmp_path / "first")], db, IngestOptions(), nlp=nlp)
    before = snapshot(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as err:
            run_ingest([write_corpus(tmp_path / "more", extra=1)], db, IngestOptions(busy_timeout=0.2), nlp=nlp)
        assert err.value.code == "E102" and str(db) in err.value.line()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert snapshot(db) == before


def test_ingest_limits_hold_for_every_format(runner, tmp_path):
    """--max-words refuses a long article at read time (E022); --max-file-mb applies to PDFs too (E012).

    (``--max-file-mb 0`` is a usage error, G24; a limit below the PDF's size is the same test.)"""
    from support.pdf_builder import build_pdf

    folder = write_corpus(tmp_path / "in")
    (folder / "long.txt").write_text("A long one\n\n" + "harbour " * 400, encoding="utf-8")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    content = b"BT /F1 11 Tf 72 700 Td (Cranes idle in the harbour of Gdynia) Tj ET"
    (folder / "paper.pdf").write_bytes(
        build_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
                font,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
                b" /Contents 5 0 R >>",
                b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            ]
        )
    )
    db = tmp_path / "news.db"
    result = invoke(runner, "ingest", folder, "--db", db, "--max-words", 300)
    assert result.exit_code == 3, result.output  # stored, but one file failed (G37)
    refused = [line for line in result.stderr.splitlines() if "[E022]" in line]
    assert refused == [f"{folder / 'long.txt'}: text has more than 300 words; no news article is that long [E022]"]
    assert len(snapshot(db)) == len(ARTICLES) + 1  # the corpus and the PDF

    below_its_size = (folder / "paper.pdf").stat().st_size / 2 / (1024 * 1024)
    empty = invoke(
        runner, "ingest", folder / "paper.pdf", "--db", tmp_path / "none.db", "--max-file-mb", below_its_size
    )
    assert empty.exit_code == 1 and "[E012]" in empty.stderr, empty.output
