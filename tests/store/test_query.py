"""The search syntax (store/query.py): FTS5 text that is always safe, and the same test in Python."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.store.query import parse_query


@pytest.mark.parametrize(
    "text, fts",
    [
        ("ceasefire talks", '("ceasefire") AND ("talks")'),
        ('"guns fall" OR water', '("guns fall" OR "water")'),
        ("talks -Geneva", '(("talks")) NOT ("geneva")'),
        ('talks -"whole front"', '(("talks")) NOT ("whole front")'),
        ("reconstruct*", '("reconstruct" *)'),
        ("a OR b c", '("a" OR "b") AND ("c")'),
        ("talks NOT Geneva", '(("talks")) NOT ("geneva")'),
        ("Café", '("cafe")'),
    ],
)
def test_syntax_to_fts(text, fts):
    assert parse_query(text).fts() == fts


@pytest.mark.parametrize(
    "text, message",
    [
        ("-only", "at least one word to find"),
        ("***", "not searchable"),
        ('"unclosed phrase', "not closed"),
        ("", "not searchable"),
    ],
)
def test_what_cannot_be_searched_gets_a_message(text, message):
    assert message in parse_query(text).message


def test_python_match_agrees_with_the_syntax():
    q = parse_query('"guns fall" OR water -Geneva')
    assert q.matches("Nobody leaves until the guns fall silent")
    assert q.matches("The WATER is rising")
    assert not q.matches("the guns fall in Geneva")
    assert not q.matches("fall guns")
    assert parse_query("reco*").matches("Reconstruction aid") and not parse_query("reco").matches("reconstruction")


@given(st.text(max_size=80))
def test_any_text_gives_valid_fts5(text):
    query = parse_query(text).fts()
    if query is None:
        return
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    db.execute("INSERT INTO t VALUES ('some text')")
    db.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()  # raises if the syntax is broken
