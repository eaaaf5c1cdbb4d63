"""Readers: each format into a Document, and every kind of bad input into a coded InputError."""

from __future__ import annotations

import io
import json
import sys

import pytest

from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.readers import ReadOptions, iter_documents, read_path
from support import FIXTURES as TEST_FIXTURES
from support.pdf_builder import text_pdf

FIXTURES = TEST_FIXTURES / "ingest"
PLAIN = (FIXTURES / "plain_article.txt").read_text(encoding="utf-8")
WRAPPED = (FIXTURES / "harbour_pdf_extract.txt").read_text(encoding="utf-8")


# -- helpers ----------------------------------------------------------------


def only_document(path, options=None) -> Document:
    items = list(iter_documents([str(path)], options))
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def only_error(path, code: str) -> InputError:
    items = list(iter_documents([str(path)]))
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert items[0].code == code, items[0].line()
    return items[0]


def assert_maps_into_source(doc: Document) -> None:
    for i, char in enumerate(doc.text):
        if not char.isspace():
            assert doc.source_text[doc.offsets.to_source(i)] == char, (i, char)


def body_texts(doc: Document) -> list[str]:
    return [doc.text[p.start : p.end] for p in doc.paragraphs if p.kind != "title"]


# -- text files ------------------------------------------------------------


def test_utf8_text_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(PLAIN, encoding="utf-8")
    doc = only_document(path)
    assert doc.format == "txt" and doc.path == str(path)
    assert doc.title == "Café owners in Veldmark count the cost of the river closure"
    assert len(body_texts(doc)) == 3
    assert doc.source_text == PLAIN
    assert_maps_into_source(doc)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8-sig", b""), ("cp1252", b""), ("utf-16", b""), ("utf-16-le", b""), ("utf-16-be", b"")],
)
def test_text_encodings_are_detected(tmp_path, encoding, prefix):
    path = tmp_path / "article.txt"
    path.write_bytes(prefix + PLAIN.encode(encoding))
    doc = only_document(path)
    assert "€200,000" in doc.text and "“The barge crews" in doc.text and "Élise" in doc.text
    assert doc.source_text.lstrip("\ufeff") == PLAIN
    assert_maps_into_source(doc)


def test_suffixless_md_and_text_files_are_read_as_text(tmp_path):
    for name in ("README", "notes.md", "story.text"):
        (tmp_path / name).write_text(PLAIN, encoding="utf-8")
        assert only_document(tmp_path / name).title.startswith("Café owners")


def test_mojibake_is_repaired_and_still_maps_to_the_decoded_source(tmp_path):
    broken = PLAIN.encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", "?")
    path = tmp_path / "mojibake.txt"
    path.write_text(broken, encoding="utf-8")
    doc = only_document(path)
    assert "Café owners" in doc.text and "Ã©" not in doc.text
    assert doc.source_text == broken
    start = doc.text.index("Veldmark has fallen")
    src_start, src_end = doc.offsets.span_to_source(start, start + len("Veldmark has fallen"))
    assert doc.source_text[src_start:src_end] == "Veldmark has fallen"
    # A repaired word maps onto its mojibake in the source.
    cafe = doc.text.index("cafés")
    src_start, src_end = doc.offsets.span_to_source(cafe, cafe + 5)
    assert doc.source_text[src_start:].startswith("cafÃ©s")


def test_hard_wrapped_text_file_is_repaired(tmp_path):
    path = tmp_path / "extract.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    doc = only_document(path)
    assert doc.title == "Harbour authority halts grain convoys as the river dispute deepens"
    assert len(body_texts(doc)) == 9
    assert [p.kind for p in doc.paragraphs].count("blockquote") == 2
    assert [s.text for s in doc.removed].count("Page 2 of 3") == 1
    for span in doc.removed:
        assert doc.source_text[span.start : span.end] == span.text
    assert_maps_into_source(doc)


def test_empty_and_whitespace_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n\t \r\n")
    only_error(tmp_path / "empty.txt", "E003")
    only_error(tmp_path / "blank.txt", "E003")


def test_binary_file_named_txt(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 20)
    only_error(path, "E004")
    gif = tmp_path / "image.txt"
    gif.write_bytes(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04" * 30)
    assert "a GIF image, not the text" in only_error(gif, "E024").reason  # known magic: named


def test_oversized_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(PLAIN, encoding="utf-8")
    items = list(iter_documents([str(path)], ReadOptions(max_bytes=100)))
    assert [e.code for e in items] == ["E012"]


# -- PDF -------------------------------------------------------------------

PDF_PAGES = [
    [
        "River Gazette",
        "Veldmark council approves lock repairs",
        "",
        "The Veldmark council on Thursday approved the money needed to repair the two damaged",
        "locks on the Osterlin river, ending a dispute that had kept grain barges in port",
        "",
        "1",
    ],
    [
        "River Gazette",
        "for almost three weeks, the harbour office said in a statement on its website.",
        "",
        "Work is due to begin on Monday and should take about ten days.",
        "",
        "2",
    ],
]


def test_pdf_with_a_text_layer(tmp_path):
    path = tmp_path / "story.pdf"
    path.write_bytes(text_pdf(PDF_PAGES))
    doc = only_document(path)
    assert doc.format == "pdf"
    assert "\f" in doc.source_text  # page boundaries survive into the source text
    assert doc.title == "Veldmark council approves lock repairs"
    assert body_texts(doc) == [
        "The Veldmark council on Thursday approved the money needed to repair the two damaged "
        "locks on the Osterlin river, ending a dispute that had kept grain barges in port "
        "for almost three weeks, the harbour office said in a statement on its website.",
        "Work is due to begin on Monday and should take about ten days.",
    ]
    assert sorted(s.text for s in doc.removed) == ["1", "2", "River Gazette", "River Gazette"]
    assert_maps_into_source(doc)


def test_pdf_without_text_needs_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(text_pdf([None, None]))
    only_error(path, "E005")


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nthis is not really a pdf \x00\x01", text_pdf([["Hello"]])[:180], b"hello, world"],
    ids=["garbage", "truncated", "not-a-pdf"],
)
def test_corrupt_pdf(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    error = only_error(path, "E006")
    assert "corrupt" in error.line()


def test_encrypted_pdf(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(text_pdf([["Secret text"]], encrypt=True))
    only_error(path, "E007")


# -- HTML ------------------------------------------------------------------

ARTICLE_HTML = """<!DOCTYPE html><html><head>
<title>Barges return to the Osterlin | River Gazette</title>
<meta name="author" content="Ilse Varga">
<meta property="article:published_time" content="2024-05-14T08:00:00Z">
<meta property="og:site_name" content="River Gazette">
<link rel="canonical" href="https://gazette.example.org/river/barges-return">
</head><body>
<nav><a href="/">Home</a> | <a href="/river">River</a> | <a href="/subscribe">Subscribe</a></nav>
<article><h1>Barges return to the Osterlin</h1>
<p>VELDMARK - The first grain barges in three weeks passed through the repaired northern locks on Tuesday, harbour officials said, as traders rushed to move the backlog before the autumn rains.</p>
<p>"We have lost a month, but not the season," said harbour director Mara Lindqvist, who watched the first convoy leave from the control tower above the upper lock.</p>
<p>The federal shipping office said its inspectors would return in June to check the repairs.</p>
</article>
<footer><p>All rights reserved. <a href="/privacy">Privacy</a></p></footer>
</body></html>"""


def test_html_article_with_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    doc = only_document(path)
    assert doc.format == "html"
    assert doc.title == "Barges return to the Osterlin"
    assert doc.published == "2024-05-14"
    assert doc.author == "Ilse Varga"
    assert doc.url == "https://gazette.example.org/river/barges-return"
    assert doc.source == "River Gazette"
    texts = body_texts(doc)
    assert len(texts) == 3 and texts[0].startswith("VELDMARK - The first grain barges")
    assert "Subscribe" not in doc.text and "Privacy" not in doc.text
    assert_maps_into_source(doc)


def test_html_without_article_text(tmp_path):
    path = tmp_path / "menu.htm"
    path.write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav>"
        "<script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    only_error(path, "E008")


# -- JSONL -----------------------------------------------------------------


def test_jsonl_records_and_a_bad_line(tmp_path):
    good = {
        "title": "Locks reopen",
        "published": "2024-05-14",
        "url": "https://x.example/1",
        "source": "River Gazette",
        "text": "Locks reopen\n\nThe locks reopened on Tuesday.\n\nBarges moved.",
    }
    lines = [
        json.dumps(good),
        "",
        "{not json",
        json.dumps({"title": "No body"}),
        json.dumps({"text": "Second story.", "date": "26-FEB-1987 15:01:01.79"}),
        "[1, 2]",
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError", "Document", "InputError"]
    first, bad, missing, second, not_object = items
    assert first.path == f"{path}:1" and first.format == "jsonl"
    assert (first.title, first.published, first.url, first.source) == (
        "Locks reopen",
        "2024-05-14",
        "https://x.example/1",
        "River Gazette",
    )
    assert [p.kind for p in first.paragraphs] == ["title", "body", "body"]
    assert (bad.code, bad.path) == ("E009", f"{path}:3")
    assert "line 3" in bad.line()
    assert (missing.code, missing.path) == ("E010", f"{path}:4")
    assert second.path == f"{path}:5" and second.published == "1987-02-26" and second.title is None
    assert not_object.code == "E009"
    assert_maps_into_source(first)


def test_read_path_raises_the_first_error(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Fine."}\n{oops\n', encoding="utf-8")
    reader = read_path(path)
    assert next(reader).text == "Fine."
    with pytest.raises(InputError) as caught:
        next(reader)
    assert caught.value.code == "E009"


# -- paths, folders and stdin ----------------------------------------------


def test_missing_path():
    only_error("/no/such/article.txt", "E001")


def test_unsupported_suffix_given_explicitly(tmp_path):
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n")
    error = only_error(path, "E011")
    assert "'.png'" in error.line()


def test_folder_is_walked_sorted_skipping_hidden_and_unknown_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    items = list(iter_documents([str(tmp_path)]))
    assert [getattr(i, "text", None) or i.code for i in items] == ["First story.", "Second story.", "E003"]


def test_folder_without_articles(tmp_path):
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / "sub").mkdir()
    only_error(tmp_path, "E002")


def test_symlink_loops_are_detected_when_following_links(tmp_path):
    (tmp_path / "story.txt").write_text("A story.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    items = list(iter_documents([str(tmp_path)], ReadOptions(follow_symlinks=True)))
    assert [getattr(i, "code", "doc") for i in items] == ["E016", "doc"]
    # Not following links, the loop is simply not entered.
    assert [getattr(i, "code", "doc") for i in iter_documents([str(tmp_path)])] == ["doc"]


def test_a_batch_carries_on_past_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text("A good story.", encoding="utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 nonsense")
    items = list(iter_documents([str(tmp_path / "missing.txt"), str(tmp_path)]))
    assert [getattr(i, "code", "doc") for i in items] == ["E001", "E006", "doc"]


def test_unreadable_file_is_an_os_error_not_a_traceback(tmp_path):
    # A real read failure, even as root: /proc/self/mem opens but reading offset 0 is EIO.
    # (More unreadable-file mechanisms in test_hostile_files.py.)
    path = tmp_path / "story.txt"
    path.symlink_to("/proc/self/mem")
    error = only_error(path, "E013")
    assert "Input/output error" in error.line()


def test_stdin(monkeypatch):
    data = "Stdin story title\n\nThe locks reopened on Tuesday, officials said.\n".encode("cp1252")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = only_document("-")
    assert doc.format == "stdin" and doc.path == "<stdin>"
    assert doc.title == "Stdin story title"
    assert body_texts(doc) == ["The locks reopened on Tuesday, officials said."]


def test_empty_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    items = list(iter_documents(["-"]))
    assert [i.code for i in items] == ["E003"]
