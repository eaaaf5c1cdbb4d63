"""Edit mode of the web app (web/edit.py) over HTTP, in process: the token, the CSRF check on
every form, escaping of what analysts type, and the read-only server refusing every POST."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsgraph.errors import ServeError
from newsgraph.store import Store
from newsgraph.store.corrector import Corrector
from newsgraph.web import create_app
from newsgraph.web.edit import COOKIE, Editor, check_token
from support.sample import html_document, sample_articles

TOKEN = "correct-horse-battery-staple"
BASE = "http://127.0.0.1:8000"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "edit.db"
    with Store(path) as store:
        for a in sample_articles():
            store.add(a, html_document(a))
    return path


def entity_id(db_path, name: str) -> int:
    with Store(db_path) as store:
        return store.connection.execute("SELECT id FROM corpus_entities WHERE name = ?", (name,)).fetchone()[0]


def recorded(db_path) -> list:
    with Corrector(db_path) as fix:
        return fix.list()


@pytest.fixture
def editing(db_path):
    with TestClient(create_app(str(db_path), editor=Editor(TOKEN, "ana")), base_url=BASE) as c:
        yield c


def logged_in(client) -> str:
    """Log in; return the CSRF token the entity page's forms carry."""
    r = client.get(f"/edit/login?token={TOKEN}", follow_redirects=False)
    assert r.status_code == 303
    assert "httponly" in r.headers["set-cookie"].lower() and "samesite=strict" in r.headers["set-cookie"].lower()
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/entities/1").text).group(1)


def test_read_only_server_refuses_every_post(db_path):
    with TestClient(create_app(str(db_path)), base_url=BASE) as client:
        cid = entity_id(db_path, "Police")
        assert client.post(f"/edit/entities/{cid}/reject", data={"reason": "x"}).status_code in (404, 405)
        assert client.post(f"/entities/{cid}", data={"reason": "x"}).status_code == 405
        assert client.get(f"/edit/login?token={TOKEN}").status_code == 404
        assert "edit-controls" not in client.get(f"/entities/{cid}").text
    assert recorded(db_path) == []


def test_without_the_token_posting_is_403(editing, db_path):
    cid = entity_id(db_path, "Police")
    r = editing.post(f"/edit/entities/{cid}/reject", data={"reason": "x", "csrf": "anything"})
    assert r.status_code == 403
    bad = editing.get("/edit/login?token=wrong-token-of-some-length", follow_redirects=False)
    assert bad.status_code == 403 and COOKIE not in bad.headers.get("set-cookie", "")
    assert editing.post("/edit/login", data={"token": "nope"}).status_code == 403
    forged = editing.post(f"/edit/entities/{cid}/reject", data={"reason": "x"}, cookies={COOKIE: "made-up-session"})
    assert forged.status_code == 403
    assert recorded(db_path) == []
    assert "edit-controls" not in editing.get(f"/entities/{cid}").text  # no forms before logging in


def test_a_bad_or_missing_csrf_token_is_403(editing, db_path):
    csrf = logged_in(editing)
    wrong = csrf[:-1] + ("B" if csrf.endswith("A") else "A")  # one character off (a random token may end in "A")
    cid = entity_id(db_path, "Police")
    assert editing.post(f"/edit/entities/{cid}/reject", data={"reason": "x"}).status_code == 403
    assert editing.post(f"/edit/entities/{cid}/reject", data={"reason": "x", "csrf": wrong}).status_code == 403
    assert recorded(db_path) == []
    ok = editing.post(f"/edit/entities/{cid}/reject", data={"reason": "x", "csrf": csrf}, follow_redirects=False)
    assert ok.status_code == 303
    assert [(c.kind, c.user) for c in recorded(db_path)] == [("reject", "ana")]


def test_merge_rename_and_fact_reject_from_forms(editing, db_path):
    csrf = logged_in(editing)
    un, karim = entity_id(db_path, "United Nations"), entity_id(db_path, "Ahmed Karim")
    page = editing.get(f"/entities/{karim}").text
    assert f'action="/edit/entities/{karim}/merge"' in page and f'value="{csrf}"' in page
    r = editing.post(f"/edit/entities/{karim}/rename", data={"csrf": csrf, "name": "Ahmed Karim Jr", "reason": "r"})
    assert r.status_code == 200 and "Ahmed Karim Jr" in r.text
    red_cross = entity_id(db_path, "Red Cross")
    r = editing.post(f"/edit/entities/{red_cross}/merge", data={"csrf": csrf, "into": str(un), "reason": "test"})
    assert r.status_code == 200 and r.url.path == f"/entities/{un}"
    refused = editing.post(f"/edit/entities/{un}/merge", data={"csrf": csrf, "into": str(un)})
    assert refused.status_code == 400 and "E114" in refused.text
    article_id = editing.get("/api/articles").json()["items"][0]["id"]
    reader = editing.get(f"/articles/{article_id}").text
    action = re.search(r'action="(/edit/articles/[0-9a-f]+/quote/\d+-\d+/reject)"', reader).group(1)
    assert editing.post(action, data={"csrf": csrf, "reason": "not a quote"}).status_code == 200
    assert [c.kind for c in recorded(db_path)] == ["rename", "merge", "reject-quote"]


def test_a_reason_is_escaped_where_it_is_shown(editing, db_path):
    csrf = logged_in(editing)
    cid = entity_id(db_path, "Police")
    editing.post(f"/edit/entities/{cid}/reject", data={"csrf": csrf, "reason": XSS})
    page = editing.get("/corrections").text
    assert XSS not in page and "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_undo_from_the_corrections_page(editing, db_path):
    csrf = logged_in(editing)
    cid = entity_id(db_path, "Police")
    editing.post(f"/edit/entities/{cid}/reject", data={"csrf": csrf, "reason": "x"})
    assert editing.get(f"/entities/{cid}").status_code == 404
    (correction,) = recorded(db_path)
    assert editing.post(f"/edit/corrections/{correction.id}/undo", data={"csrf": "bad"}).status_code == 403
    assert editing.post(f"/edit/corrections/{correction.id}/undo", data={"csrf": csrf}).status_code == 200
    assert editing.get(f"/entities/{cid}").status_code == 200


def test_a_short_token_is_refused():
    with pytest.raises(ServeError) as exc:
        check_token("short")
    assert exc.value.code == "E404"
