"""The web edit forms of the second pass (issue 14): relink an entity, re-attribute a quote,
change an event's type and actors; each form is refused without its CSRF token."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsgraph.store import Database, Store
from newsgraph.store.corrector import Corrector
from newsgraph.web import create_app
from newsgraph.web.edit import Editor
from support.sample import html_document, sample_articles

TOKEN = "correct-horse-battery-staple"
BASE = "http://127.0.0.1:8000"


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "edit.db"
    with Store(path) as store:
        for a in sample_articles():
            store.add(a, html_document(a))
    return path


@pytest.fixture
def client(db_path):
    with TestClient(create_app(str(db_path), editor=Editor(TOKEN, "ana")), base_url=BASE) as c:
        yield c


def ids(db_path) -> dict[str, int]:
    with Store(db_path) as store:
        return dict(store.connection.execute("SELECT name, id FROM corpus_entities"))


def kinds(db_path) -> list[str]:
    with Corrector(db_path) as fix:
        return [c.kind for c in fix.list()]


def geneva(client) -> str:
    return next(a["id"] for a in client.get("/api/articles").json()["items"] if "Geneva" in a["title"])


def csrf_of(client) -> str:
    assert client.get(f"/edit/login?token={TOKEN}", follow_redirects=False).status_code == 303
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/entities/1").text).group(1)


def forms(page: str) -> list[str]:
    return re.findall(r'<form method="post" action="([^"]+)"', page)


def test_each_new_form_is_403_without_its_csrf_token(client, db_path):
    csrf = csrf_of(client)
    aid = geneva(client)
    page = client.get(f"/articles/{aid}").text
    actions = [a for a in forms(page) if a.endswith(("/reattribute", "/edit", "/relink"))]
    assert {a.rsplit("/", 1)[1] for a in actions} == {"reattribute", "edit", "relink"}
    for action in actions:
        refused = client.post(action, data={"reason": "x", "speaker": "1", "into": "1", "type": "AID", "name": "x"})
        assert refused.status_code == 403, action
        forged = client.post(
            action,
            data={"csrf": csrf[:-1] + ("B" if csrf.endswith("A") else "A"), "speaker": "1", "type": "AID", "name": "x"},
        )
        assert forged.status_code == 403, action
    assert kinds(db_path) == []


def test_reattribute_a_quote_and_edit_an_event_from_the_reader(client, db_path):
    csrf = csrf_of(client)
    aid = geneva(client)
    found = ids(db_path)
    page = client.get(f"/articles/{aid}").text
    quote = next(a for a in forms(page) if a.endswith("/reattribute"))
    r = client.post(quote, data={"csrf": csrf, "speaker": str(found["United Nations"]), "reason": "the UN said it"})
    assert r.status_code == 200 and r.url.path == f"/articles/{aid}"
    event = next(a for a in forms(page) if a.endswith("/edit"))  # the first event: CONSULT "reopened talks"
    body = [("csrf", csrf), ("type", "COOPERATE"), ("source", str(found["Ukraine"])),
            ("target", str(found["Russia"])), ("target", str(found["United Nations"])), ("reason", "r")]  # fmt: skip
    r = client.post(event, content="&".join(f"{k}={v}" for k, v in body),
                    headers={"content-type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert r.status_code == 200
    bad = client.post(event, data={"csrf": csrf, "type": "<b>", "reason": "r"})
    assert bad.status_code == 400
    assert kinds(db_path) == ["reattribute-quote", "edit-event"]
    with Database(db_path) as stored:
        article = stored.article(aid)
    names = {e.id: e.name for e in article.entities}
    assert names[article.quotes[0].speaker] == "United Nations"
    changed = next(e for e in article.events if e.trigger.text == "reopened talks")
    assert changed.type == "COOPERATE"
    assert [names[i] for i in changed.source] == ["Ukraine"]
    assert sorted(names[i] for i in changed.target) == ["Russia", "United Nations"]
    assert "COOPERATE" in client.get(f"/articles/{aid}").text


def test_relink_from_the_entity_page_and_for_one_article(client, db_path):
    csrf = csrf_of(client)
    found = ids(db_path)
    page = client.get(f"/entities/{found['Kyiv']}").text
    assert f'action="/edit/entities/{found["Kyiv"]}/relink"' in page
    # Kyiv's mentions are another place: Ukraine (a corpus-wide relink).
    r = client.post(f"/edit/entities/{found['Kyiv']}/relink",
                    data={"csrf": csrf, "name": "Kyiv", "into": str(found["Ukraine"]), "reason": "r"})  # fmt: skip
    assert r.status_code == 200 and r.url.path == f"/entities/{found['Ukraine']}"
    assert "Kyiv" not in ids(db_path)
    # Without a target, the mentions are split off as an entity of their own, in one article only.
    aid = geneva(client)
    r = client.post(f"/edit/entities/{found['Donetsk']}/relink",
                    data={"csrf": csrf, "name": "Donetsk", "article": aid, "reason": "r"})  # fmt: skip
    assert r.status_code == 200 and r.url.path == f"/articles/{aid}"
    unknown = client.post(f"/edit/entities/{found['Geneva']}/relink", data={"csrf": csrf, "name": "Nowhere"})
    assert unknown.status_code == 400 and "E114" in unknown.text
    assert kinds(db_path) == ["relink", "split"]
