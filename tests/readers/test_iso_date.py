"""Publication dates in feed and page metadata become ISO dates."""

from __future__ import annotations

import json

import pytest

from newsgraph.model import Document
from newsgraph.readers import iso_date, iter_documents


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # RFC 2822, as in RSS <pubDate> and e-mail Date: headers
        ("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10"),
        ("Tue, 10 Jun 2003 23:30:00 -0500", "2003-06-10"),  # the date as written, not moved to UTC
        ("10 Jun 2003 04:00 +0100", "2003-06-10"),
        ("Sat, 1 Mar 2025 07:05:09 +0000", "2025-03-01"),
        # ISO 8601, as in Atom and JSON feeds
        ("2003-06-10T04:00:00Z", "2003-06-10"),
        ("2003-06-10", "2003-06-10"),
        # spelled out
        ("June 10, 2003", "2003-06-10"),
        ("10 June 2003", "2003-06-10"),
    ],
)
def test_usual_date_spellings(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("value", ["", "  ", "yesterday", "Monday", "2024", "June 2024", "soon", None, 20030610])
def test_values_that_are_not_a_full_date_give_none(value):
    assert iso_date(value) is None


def test_jsonl_record_with_an_rfc_2822_date(tmp_path):
    path = tmp_path / "feed.jsonl"
    record = {
        "title": "Locks reopen",
        "text": "The locks reopened on Tuesday.",
        "published": "Tue, 10 Jun 2003 04:00:00 GMT",
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, Document)
    assert doc.published == "2003-06-10"
