"""Hostile files: each is refused, or read within the limits of ``ReadOptions``, with one
clear line, and the batch goes on.  See docs/reliability.md for the limits.

Tests run as root here, where chmod 000 does not stop a read; the unreadable
files below use mechanisms that work for root too (a FIFO, a device, a dangling
symlink, /proc/self/mem, and chmod 000 under ``setpriv`` with CAP_DAC_OVERRIDE
dropped).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.readers import ReadOptions, document_from_text, iter_documents
from newsgraph.readers.isolate import run_limited
from support.pdf_builder import build_pdf

ARTICLE = (
    "Barges return to the Osterlin\n\n"
    "The first grain barges in three weeks passed through the repaired locks on Tuesday, "
    "harbour officials in Veldmark said.\n"
)


@contextmanager
def must_finish_within(seconds: int):
    """Fail (instead of hanging the suite) if the block blocks, e.g. in open() on a FIFO."""

    def expire(_signum, _frame):
        raise AssertionError(f"blocked for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read_all(path, options=None, seconds: int = 60) -> list:
    with must_finish_within(seconds):
        return list(iter_documents([str(path)], options))


def one_error(path, code: str, options=None, seconds: int = 60) -> InputError:
    items = read_all(path, options, seconds)
    assert len(items) == 1 and isinstance(items[0], InputError), items
    error = items[0]
    assert error.code == code, error.line()
    line = error.line()
    assert "\n" not in line and str(path) in line and f"[{code}]" in line
    return error


# -- PDF builders ----------------------------------------------------------------

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
HELLO = b"BT /F1 11 Tf 72 700 Td (Hello world from the harbour) Tj ET"


def stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)


def page(contents: bytes) -> bytes:
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
        b" /Contents " + contents + b" >>"
    )


def pdf_with_page_tree_loop() -> bytes:
    """/Pages lists itself and a child /Pages node that lists the root again."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>",
            b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>",
        ]
    )


def pdf_that_takes_forever(repeats: int = 20000) -> bytes:
    """20 KB that keeps pdfminer busy for many minutes: one content stream drawn 20,000 times."""
    refs = b" ".join(b"5 0 R" for _ in range(repeats))
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            FONT,
            page(b"[" + refs + b"]"),
            stream(HELLO),
        ]
    )


def pdf_with_pages(n: int) -> bytes:
    """``n`` page objects sharing one content stream (n=100,000 is ~15 MB of objects)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", FONT, stream(HELLO)]
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    objects[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n
    objects += [page(b"4 0 R")] * n
    return build_pdf(objects)


# -- PDF -------------------------------------------------------------------------


def test_pdf_page_tree_loop_is_refused_quickly(tmp_path):
    path = tmp_path / "loop.pdf"
    path.write_bytes(pdf_with_page_tree_loop())
    started = time.monotonic()
    error = one_error(path, "E006")
    assert "no pages" in error.reason
    assert time.monotonic() - started < 10


def test_pdf_that_would_take_forever_stops_at_the_time_limit(tmp_path):
    path = tmp_path / "forever.pdf"
    path.write_bytes(pdf_that_takes_forever())
    started = time.monotonic()
    error = one_error(path, "E017", ReadOptions(time_limit=2))
    took = time.monotonic() - started
    assert "2 s" in error.reason
    assert took < 10, f"the limit of 2 s took {took:.1f} s"


def test_pdf_time_limit_also_holds_in_process_between_pages(tmp_path):
    path = tmp_path / "many.pdf"
    # 1 to 20 ms a page, depending on what pdfminer has already warmed up: seconds in all,
    # so a limit of 50 ms is always crossed long before the last page
    path.write_bytes(pdf_with_pages(1500))
    started = time.monotonic()
    one_error(path, "E017", ReadOptions(time_limit=0.05, isolate=False))
    assert time.monotonic() - started < 15


def test_pdf_with_a_hundred_thousand_pages_is_refused_before_reading_them(tmp_path):
    path = tmp_path / "huge.pdf"
    path.write_bytes(pdf_with_pages(100_000))
    started = time.monotonic()
    error = one_error(path, "E021")
    assert "2000 pages" in error.reason
    assert time.monotonic() - started < 30


def test_pdf_page_limit_is_configurable(tmp_path):
    path = tmp_path / "three.pdf"
    path.write_bytes(pdf_with_pages(3))
    one_error(path, "E021", ReadOptions(pdf_max_pages=2))
    items = read_all(path, ReadOptions(pdf_max_pages=3))
    assert isinstance(items[0], Document) and items[0].text.count("Hello world") == 3


def test_extractor_memory_limit(tmp_path):
    path = tmp_path / "forever.pdf"
    path.write_bytes(pdf_that_takes_forever(2000))
    # The forkserver child alone is bigger than 40 MB of address space: the first allocation fails.
    one_error(path, "E019", ReadOptions(memory_limit_mb=40))


def segfault(_deadline=None):
    import ctypes

    ctypes.string_at(0)  # a real SIGSEGV, as a crash in C code (lxml, zlib) would be


def test_a_crashing_extractor_is_one_error_not_a_dead_batch():
    with pytest.raises(InputError) as err:
        run_limited(segfault, (), path="crash.pdf", fmt="pdf", time_limit=30, memory_limit_mb=None)
    assert err.value.code == "E020" and "SIGSEGV" in err.value.line()


# -- HTML ------------------------------------------------------------------------


def test_html_nested_a_hundred_thousand_deep(tmp_path):
    body = "<p>" + "Some words of news text in a paragraph. " * 20 + "</p>"
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + body + "</div>" * 100_000 + "</body></html>")
    started = time.monotonic()
    error = one_error(path, "E018")
    assert "nested deeper than 256" in error.reason
    assert time.monotonic() - started < 20


def test_html_nested_within_the_limit_is_read(tmp_path):
    body = "<p>" + "Some words of news text in a paragraph. " * 20 + "</p>"
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * 200 + body + "</div>" * 200 + "</body></html>")
    (doc,) = read_all(path)
    assert isinstance(doc, Document) and "news text" in doc.text


def test_html_over_its_size_limit_is_refused_without_parsing(tmp_path):
    path = tmp_path / "big.html"
    paragraph = "<p>" + "Some words of news text in a paragraph. " * 30 + "</p>\n"
    with path.open("w") as fh:
        fh.write("<html><body><article>")
        for _ in range(9_000):  # ~11 MB
            fh.write(paragraph)
        fh.write("</article></body></html>")
    started = time.monotonic()
    error = one_error(path, "E012")
    assert str(10 * 1024 * 1024) in error.reason
    assert time.monotonic() - started < 2
    # The general limit for other formats is higher: the same bytes as .txt are read.
    assert ReadOptions().max_bytes > path.stat().st_size


def test_slow_html_stops_at_the_time_limit(tmp_path):
    path = tmp_path / "slow.html"
    paragraph = "<p>" + "Some words of news text in a paragraph. " * 30 + "</p>\n"
    path.write_text("<html><body><article>" + paragraph * 5000 + "</article></body></html>")  # ~6 MB, ~10 s
    started = time.monotonic()
    one_error(path, "E017", ReadOptions(time_limit=1))
    assert time.monotonic() - started < 6


# -- text: long lines, NUL bytes, bad encodings, hostile JSON ----------------------


def _seconds(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


@pytest.mark.parametrize(
    "unit", ["a", "word ", "ab-", "“x” — ", ". "], ids=["no-spaces", "words", "hyphens", "quotes", "dots"]
)
def test_a_single_long_line_is_read_in_linear_time(unit):
    small = unit * (500_000 // len(unit))
    large = unit * (4_000_000 // len(unit))
    options = ReadOptions(max_words=10_000_000)  # reading itself, past the word limit of analysis
    t_small = min(_seconds(lambda: document_from_text(small, path="x", fmt="txt", options=options)) for _ in range(2))
    t_large = _seconds(lambda: document_from_text(large, path="x", fmt="txt", options=options))
    # 8x the input: linear is ~8x, quadratic ~64x.  Allow noise, but not quadratic.
    assert t_large < max(20 * t_small, 1.0), (t_small, t_large)
    assert t_large < 30


def test_ten_megabyte_line_without_spaces_is_chunked_cheaply():
    from newsgraph.nlp.pipeline import AnalysisOptions, split_into_chunks

    text = "a" * 10_000_000
    limit = AnalysisOptions().chunk_chars
    split_into_chunks("warm up " * 10_000, limit)
    started = time.perf_counter()
    chunks = split_into_chunks(text, limit)
    assert time.perf_counter() - started < 2
    assert "".join(chunks) == text and max(map(len, chunks)) <= limit


def test_ten_megabyte_single_line_file(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("x" * 10_000_000)
    started = time.monotonic()
    (doc,) = read_all(path)
    assert isinstance(doc, Document) and len(doc.text) == 10_000_000
    assert time.monotonic() - started < 20


@pytest.mark.parametrize(
    "name, data, code",
    [
        ("nul.txt", b"Harbour news\x00\x00 with NUL bytes \x00 inside. " * 50, "E004"),
        ("nul.jsonl", b'{"text": "a\x00b"}\n' * 3, "E004"),
        ("nul.html", b"<html>\x00<body><p>" + b"word \x00" * 50 + b"</p></body></html>", None),
        ("invalid.txt", b"Caf\xe9 \x81\x8d\x8f\x90\x9d " * 40, "E014"),
        ("invalid.jsonl", b'{"text": "caf\xc3"}\n{"text": "\xff\xfe\xfa"}\n', None),
        ("lying-bom.txt", b"\xef\xbb\xbf" + b"\xff\xfe\x00\xd8" * 20, None),
        ("utf16-odd.txt", b"\xff\xfe" + b"a\x00b" * 21, None),
    ],
)
def test_nul_bytes_and_invalid_utf8_give_documents_or_coded_errors(tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    items = read_all(path)
    assert items and all(isinstance(i, (Document, InputError)) for i in items), items
    if code:
        assert [i.code for i in items if isinstance(i, InputError)] == [code]


@pytest.mark.parametrize(
    "line, detail",
    [
        ('{"text": ' + "1" * 5000 + "}", "digits"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"text": "' + "x" * 1_000_000 + '", "published": "' + "9" * 100_000 + '"}', None),
    ],
    ids=["huge-int", "deep-nesting", "huge-fields"],
)
def test_hostile_jsonl_lines(tmp_path, line, detail):
    path = tmp_path / "feed.jsonl"
    path.write_text(line + "\n" + '{"text": "A good story from the harbour."}\n')
    items = read_all(path)
    assert isinstance(items[-1], Document) and items[-1].text == "A good story from the harbour."
    if detail:
        assert items[0].code == "E009" and detail in items[0].reason


# -- folders and unreadable files -----------------------------------------------


def test_symlink_loops_in_a_folder(tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")  # a file symlink loop
    for follow in (False, True):
        items = read_all(tmp_path, ReadOptions(follow_symlinks=follow), seconds=30)
        codes = sorted(getattr(i, "code", "doc") for i in items)
        expected = ["E013", "E013", "doc"] + (["E016"] if follow else [])
        assert codes == sorted(expected), [getattr(i, "line", lambda i=i: i)() for i in items]


def test_a_folder_nested_thousands_deep_does_not_exhaust_recursion(tmp_path):
    root = tmp_path / "deep"
    chain = [root]
    for _ in range(1500):  # deeper than Python's recursion limit; path stays under PATH_MAX
        chain.append(chain[-1] / "d")
    try:
        for folder in chain:
            folder.mkdir()  # one by one: mkdir(parents=True) itself recurses
        (chain[-1] / "story.txt").write_text(ARTICLE)
        (doc,) = read_all(root)
        assert isinstance(doc, Document)
    finally:  # shutil.rmtree (pytest's tmp cleanup) would itself hit the recursion limit
        (chain[-1] / "story.txt").unlink(missing_ok=True)
        for folder in reversed(chain):
            if folder.exists():
                folder.rmdir()


def test_fifo_named_like_an_article_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "story.txt")  # open() would wait for a writer forever
    error = one_error(tmp_path / "story.txt", "E013", seconds=10)
    assert "FIFO" in error.reason
    items = read_all(tmp_path, seconds=10)  # in a folder walk too
    assert [i.code for i in items] == ["E013"]


def test_device_named_like_an_article_is_refused(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading would never end
    error = one_error(tmp_path / "zero.txt", "E013", seconds=10)
    assert "character device" in error.reason


def test_dangling_symlink(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    error = one_error(tmp_path / "gone.txt", "E013")
    assert "dangling symlink" in error.reason
    items = read_all(tmp_path)
    assert [i.code for i in items] == ["E013"]


def test_file_that_fails_on_read(tmp_path):
    (tmp_path / "mem.txt").symlink_to("/proc/self/mem")  # opens, then EIO on read, even for root
    error = one_error(tmp_path / "mem.txt", "E013")
    assert "Input/output error" in error.reason


def test_chmod_000_without_root_privileges(tmp_path):
    """As root, chmod 000 stops nobody; with CAP_DAC_OVERRIDE dropped (setpriv), it does."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is not installed")
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE)
    secret.chmod(0)
    caps = "-dac_override,-dac_read_search"
    probe = subprocess.run(
        [setpriv, "--bounding-set", caps, "--inh-caps", caps, "cat", str(secret)], capture_output=True
    )
    if probe.returncode == 0 or b"Permission denied" not in probe.stderr:
        pytest.skip(f"cannot drop CAP_DAC_OVERRIDE here: {probe.stderr.decode(errors='replace')}")
    script = (
        "import sys\n"
        "from newsgraph.readers import iter_documents\n"
        "for item in iter_documents(sys.argv[1:]):\n"
        "    print(item.line() if hasattr(item, 'line') else 'doc')\n"
    )
    (tmp_path / "fine.txt").write_text(ARTICLE)
    result = subprocess.run(
        [setpriv, "--bounding-set", caps, "--inh-caps", caps, sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["doc", f"{secret}: could not read file: Permission denied [E013]"]


# -- limits that hold for every format ---------------------------------------------


def test_pdf_over_the_size_limit_is_refused_from_stat(tmp_path):
    path = tmp_path / "three.pdf"
    path.write_bytes(pdf_with_pages(3))
    size = path.stat().st_size
    error = one_error(path, "E012", ReadOptions(max_bytes=size - 1))
    assert str(size - 1) in error.reason
    one_error(path, "E012", ReadOptions(max_bytes=0))  # --max-file-mb 0 stores nothing
    (doc,) = read_all(path, ReadOptions(max_bytes=size))
    assert "Hello world" in doc.text


def news_html(paragraphs: int) -> bytes:
    paragraph = "<p>" + "Some words of news text in a paragraph. " * 30 + "</p>\n"
    return ("<html><body><article>" + paragraph * paragraphs + "</article></body></html>").encode()


def test_compressed_html_is_unpacked_under_the_html_limit(tmp_path):
    import gzip
    import zlib

    html = news_html(200)  # ~250 KB unpacked
    packed = gzip.compress(html)
    assert len(packed) < 5_000
    options = ReadOptions(html_max_bytes=100_000)
    (tmp_path / "bomb.html").write_bytes(packed)
    started = time.monotonic()
    error = one_error(tmp_path / "bomb.html", "E023", options)
    assert time.monotonic() - started < 2 and "100000 bytes" in error.reason and "gzip" in error.reason
    (tmp_path / "bomb-zlib.html").write_bytes(zlib.compress(html))
    one_error(tmp_path / "bomb-zlib.html", "E023", options)
    # gzip inside gzip: the outer layer is small, the inner one must not unpack past the limit either
    (tmp_path / "nested.html").write_bytes(gzip.compress(packed))
    items = read_all(tmp_path / "nested.html", options)
    assert not any(isinstance(i, Document) for i in items), items
    # Within the limit, compressed HTML is read like the plain page.
    small = news_html(20)
    (tmp_path / "small.html").write_bytes(gzip.compress(small))
    (tmp_path / "plain.html").write_bytes(small)
    (packed_doc,) = read_all(tmp_path / "small.html", options)
    (plain_doc,) = read_all(tmp_path / "plain.html", options)
    assert packed_doc.text == plain_doc.text and "news text" in packed_doc.text
    (tmp_path / "cut.html").write_bytes(gzip.compress(small)[:-20])
    one_error(tmp_path / "cut.html", "E018", options)


def words(n: int) -> str:
    return " ".join(f"word{i}" for i in range(n))


def test_text_over_the_word_limit_is_refused_before_any_work(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("A very long article\n\n" + words(150_000))  # ~1.5 MB, inside the size limit
    started = time.monotonic()
    error = one_error(path, "E022")  # the default limit: 100,000 words
    assert time.monotonic() - started < 2 and "100,000 words" in error.reason
    (doc,) = read_all(path, ReadOptions(max_words=200_000))
    assert doc.text.endswith("word149999")


def test_a_jsonl_record_over_the_word_limit_is_one_error_and_the_file_goes_on(tmp_path):
    import json

    path = tmp_path / "records.jsonl"
    lines = [{"text": "Short news. " + words(50)}, {"text": words(2_000)}, {"text": "More news. " + words(50)}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    items = read_all(path, ReadOptions(max_words=1_000))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert items[1].code == "E022" and items[1].path == f"{path}:2"


def test_pdf_and_html_under_another_suffix_are_read_as_what_they_are(tmp_path):
    (tmp_path / "paper.txt").write_bytes(pdf_with_pages(2))
    (tmp_path / "page.txt").write_bytes(b"\n  <!DOCTYPE html>" + news_html(3))
    (tmp_path / "page.pdf").write_bytes(b"<html><head><title>x</title></head>" + news_html(3)[6:])
    by_name = {Path(d.path).name: d for d in read_all(tmp_path)}
    assert by_name["paper.txt"].format == "pdf" and by_name["paper.txt"].text.count("Hello world") == 2
    assert "%PDF" not in by_name["paper.txt"].text
    for name in ("page.txt", "page.pdf"):
        assert by_name[name].format == "html" and "news text" in by_name[name].text
        assert "<p>" not in by_name[name].text


@pytest.mark.parametrize(
    "name, head, kind",
    [
        ("report.txt", b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        ("notes.md", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "Microsoft Office"),
        ("packed.txt", b"\x1f\x8b\x08\x00", "gzip"),
        ("dump.jsonl", b"\x89PNG\r\n\x1a\n\x00", "PNG"),
        ("scan.pdf", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        ("page.html", b"PK\x03\x04\x14\x00", "ZIP archive"),
    ],
)
def test_binary_content_under_a_text_suffix_is_refused(tmp_path, name, head, kind):
    path = tmp_path / name
    path.write_bytes(head + bytes(range(256)) * 8)
    error = one_error(path, "E024")
    assert kind in error.reason


# -- the batch goes on -------------------------------------------------------------


def test_a_batch_of_hostile_files_stores_the_good_one_and_names_each_bad_one(tmp_path, nlp):
    from newsgraph.batch.runner import IngestOptions, run_ingest

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    (folder / "forever.pdf").write_bytes(pdf_that_takes_forever())
    (folder / "loop.pdf").write_bytes(pdf_with_page_tree_loop())
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 5000 + "<p>text</p></body></html>")
    (folder / "nul.txt").write_bytes(b"abc\x00def" * 100)
    (folder / "bad.jsonl").write_text('{"text": ' + "1" * 5000 + "}\n")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    options = IngestOptions()
    options.read.time_limit = 2
    with must_finish_within(90):
        report = run_ingest([folder], tmp_path / "news.db", options, nlp=nlp)
    assert report.added == 1
    lines = {Path(f.path.split(":")[0]).name: f.line() for f in report.failures}
    expected = {
        "forever.pdf": "E017",
        "loop.pdf": "E006",
        "deep.html": "E018",
        "nul.txt": "E004",
        "bad.jsonl": "E009",
        "pipe.txt": "E013",
        "zero.txt": "E013",
        "gone.txt": "E013",
    }
    assert {name: line[-5:-1] for name, line in lines.items()} == expected, lines
    assert all("\n" not in line and str(folder) in line for line in lines.values())
    from newsgraph.store import Database

    assert Database(tmp_path / "news.db").stats()["failures"] == len(expected)
