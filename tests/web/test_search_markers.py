"""Search snippets: the highlight markers can never come from the article itself.

FTS5's snippet()/highlight() insert marker strings around matched words; the store
then escapes the text and turns its markers into <mark>.  An article that itself
holds the marker characters (here every private-use character the store ever used,
and a fake highlight of a word that was not searched for) must still show exactly
one <mark> per matched word, and its own characters as plain text.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsgraph.store import Database, Store
from newsgraph.web import create_app
from support.sample import Builder

# A word between marker characters, alone and glued to them, then stray and reversed
# markers and other private-use and noncharacter code points.
FORGED = "\ue000 decoy \ue001 \ue000decoy\ue001 \ue001\ue000 \U000f0000\U00100000 \ufdd0\uffff"


def hostile_article():
    b = Builder()
    b.para(f"The zebracorn herd {FORGED} crossed the river near Quokkaville.")
    return b.article(f"Zebracorn {FORGED} title")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("markers") / "markers.db"
    with Store(path) as store:
        store.add(hostile_article())
    return path


def marked_words(markup: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", markup)


def test_marker_characters_in_the_text_never_become_marks(db_path):
    with Database(db_path) as db:
        (row,) = db.search("zebracorn")
    assert marked_words(row["snippet_html"]) == ["zebracorn"]
    assert marked_words(row["title_html"]) == ["Zebracorn"]
    assert row["snippet_html"].count("<mark>") == row["snippet_html"].count("</mark>") == 1
    # The article's own characters survive, as text, in both forms.
    assert FORGED in row["snippet"]
    assert FORGED in row["snippet_html"]
    assert FORGED in row["title_html"]


def test_a_word_between_marker_characters_is_marked_only_when_searched(db_path):
    with Database(db_path) as db:
        (row,) = db.search("decoy")
    assert marked_words(row["snippet_html"]) == ["decoy"]
    assert "\ue000 <mark>decoy</mark> \ue001 \ue000decoy\ue001" in row["snippet_html"]


def test_search_page_and_api_show_only_the_real_highlight(db_path):
    with TestClient(create_app(str(db_path)), base_url="http://127.0.0.1") as client:
        page = client.get("/search", params={"q": "quokkaville"}).text
        hit = client.get("/api/search", params={"q": "quokkaville"}).json()["items"][0]
    assert page.count("<mark>") == 1 and "<mark>Quokkaville</mark>" in page
    assert marked_words(hit["snippet_html"]) == ["Quokkaville"]
    assert marked_words(hit["title_html"]) == []


def test_an_article_holding_every_character_is_shown_without_highlights(tmp_path):
    """No free character is left for markers: the snippet is plain, never wrongly marked."""
    every = "".join(chr(c) for c in range(1, 0x110000) if not 0xD800 <= c < 0xE000)
    b = Builder().para(f"The zebracorn herd {every} went home.")
    with Store(tmp_path / "every.db") as store:
        store.add(b.article("Zebracorn"))
    with Database(tmp_path / "every.db") as db:
        (row,) = db.search("zebracorn")
    assert row["snippet"].startswith("The zebracorn herd \x01\x02")
    assert "<mark>" not in row["snippet_html"] and row["title_html"] == "Zebracorn"
