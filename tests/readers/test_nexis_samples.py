"""The LexisNexis samples of ../shared: 10 articles each, with their outlet, date, headline and byline."""

from __future__ import annotations

import pytest

from newsgraph.readers import ReadOptions, iter_documents
from newsgraph.readers.decoding import decode_bytes
from newsgraph.readers.word import extract_docx_text

pytestmark = pytest.mark.shared

TXT_EXPECTED = [
    ("Guardian.com", "2010-01-11", "Lorem ipsum dolor sit amet", "Andrew Sparrow"),
    ("Guardian", "2010-01-11", "Lorem ipsum dolor sit amet", "Simon Tisdall"),
    ("The Sun (England)", "2010-01-11", "Lorem ipsum dolor sit amet", "TREVOR Kavanagh"),
    ("The Times (London)", "2010-01-11", "Lorem ipsum dolor sit amet, consectetur adipiscing elit", "Tom Coghlan"),
    (
        "The Times (London)",
        "2010-01-11",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Etiam lacinia elementum sapien?; "
        "eget aliquet ex finibus ut.",
        "William Rees-Mogg",
    ),
    (
        "The Times (London)",
        "2010-01-11",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Etiam lacinia elementum sapien, eget aliquet",
        "Tom Coghlan",
    ),
    ("Guardian", "2010-01-08", "ranch noble ash voice declaration", "Allegra Stratton"),
    ("MAIL ON SUNDAY (London)", "2010-01-10", "PRISONER OF HIS OWN CABINET", "STEPHEN POLLARD"),
    ("Sunday Mirror", "2010-01-10", "R (programming language) on Wikipedia", "Ross Ihaka and Robert Gentleman"),
    ("DAILY MAIL (London)", "2010-01-09", "Wikipedia", None),
]

GUARDIAN = "The Guardian(London)"
DOCX_EXPECTED = [
    (GUARDIAN, "2019-07-01", "Lorem ipsum dolor sit amet", "Mattha Busby (now), Andrew Sparrow (earlier)"),
    (GUARDIAN, "2019-07-02", "Lorem ipsum dolor sit amet", "Andrew Sparrow"),
    (GUARDIAN, "2019-07-04", "Lorem ipsum dolor sit amet", "Daniel Boffey in Brussels"),
    (GUARDIAN, "2019-07-03", "Lorem ipsum dolor sit amet, consectetur adipiscing elit", "Heather Stewart"),
    (
        GUARDIAN,
        "2019-07-04",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        "Andrew Sparrow and Kevin Rawlinson",
    ),
    (
        GUARDIAN,
        "2019-07-02",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Etiam lacinia elementum sapien, eget aliquet",
        "Lisa O'Carroll Sample File correspondent",
    ),
    (GUARDIAN, "2019-07-03", "Sample Headline", "Letters"),
    (GUARDIAN, "2019-07-03", "Lorem ipsum dolor sit amet, nec egestas blandit", "Greg Wood"),
    (GUARDIAN, "2019-07-03", "R (programming language) on Wikipedia", "Ross Ihaka and Robert Gentleman"),
    (GUARDIAN, "2019-07-02", "What is Wikipedia", "Tom Kibasi"),
]


def read_all(path):
    items = list(iter_documents([path], ReadOptions(isolate=False)))
    assert all(not isinstance(item, Exception) for item in items), [str(i) for i in items if isinstance(i, Exception)]
    return items


@pytest.mark.parametrize(("name", "expected"), [("sample.TXT", TXT_EXPECTED), ("sample.DOCX", DOCX_EXPECTED)])
def test_nexis_sample_splits_into_ten_articles_with_their_metadata(shared_dir, name, expected):
    documents = read_all(shared_dir / "samples" / "lexisnexis" / name)
    assert [(d.source, d.published, d.title, d.author) for d in documents] == expected
    assert [d.path.rsplit("#", 1)[1] for d in documents] == [str(n) for n in range(1, 11)]
    assert {d.format for d in documents} == {"nexis"}
    for document in documents:
        assert document.length and document.length > 100
        assert document.paragraphs[0].kind == "title"
        # The metadata fields are metadata, not text.
        assert "BYLINE:" not in document.text and "Byline:" not in document.text
        assert "LOAD-DATE" not in document.text and "End of Document" not in document.text


def test_nexis_txt_sample_declares_language_and_section(shared_dir):
    documents = read_all(shared_dir / "samples" / "lexisnexis" / "sample.TXT")
    assert {d.language for d in documents} == {"en"}
    assert documents[2].section == "FEATURES; Pg. 6"
    assert documents[2].extra["edition"] == "Edition 1; Scotland"


@pytest.mark.parametrize("name", ["sample.TXT", "sample.DOCX"])
def test_nexis_article_offsets_point_into_the_export_text(shared_dir, name):
    path = shared_dir / "samples" / "lexisnexis" / name
    export = decode_bytes(path.read_bytes(), str(path)) if name.endswith("TXT") else extract_docx_text(path, 10**9)
    for document in read_all(path):
        for paragraph in document.paragraphs:
            start, end = document.file_span(paragraph.start, paragraph.end)
            clean = document.text[paragraph.start : paragraph.end]
            assert export[start:end].split() == clean.split()
