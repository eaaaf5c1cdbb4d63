"""Edit mode in a real browser (Playwright + Debian's chromium): a merge and a reject made in
the web UI survive a re-ingest of the same files, and hold for a new file naming them.

Runs the real pipeline on three short articles written here.  Skips cleanly when chromium
or playwright is missing."""

from __future__ import annotations

import pytest

from newsgraph.store import Store
from newsgraph.web.edit import Editor
from support.browser import CHROMIUM, CHROMIUM_ARGS, chromium_available, live_server, shot

TOKEN = "browser-test-edit-token"
FIRST = {
    "a.txt": "Port deal signed in Lagos\n\nJon Kowalski, the chief executive of Baltic Freight, signed a port "
    'agreement in Lagos on Monday. "This port will change the region," Kowalski told reporters.\n',
    "b.txt": "Freight firm faces questions\n\nJonathan Kowalski defended the Lagos agreement on Tuesday. "
    "Critics at Harbour Watch said the deal was rushed.\n",
}
LATER = {
    "c.txt": "Second port planned\n\nJonathan Kowalski said on Friday that a second port would follow in Lagos. "
    "Harbour Watch was not consulted.\n",
}


def write(folder, files: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def ingest(folder, db, nlp):
    from newsgraph.batch.runner import run_ingest

    return run_ingest([str(folder)], db, nlp=nlp)


def corpus(db) -> dict[str, tuple[int, int]]:
    with Store(db) as store:
        rows = store.connection.execute("SELECT name, id, article_count FROM corpus_entities").fetchall()
    return {name: (cid, articles) for name, cid, articles in rows}


def linked(db, name: str) -> set[int]:
    with Store(db) as store:
        rows = store.connection.execute("SELECT corpus_entity_id FROM entities WHERE name = ?", (name,)).fetchall()
    return {r[0] for r in rows}


@pytest.fixture(scope="module")
def nlp():
    if chromium_available():
        pytest.skip(chromium_available())
    from newsgraph.api import default_pipeline

    return default_pipeline()


def test_merge_and_reject_made_in_the_browser_survive_a_reingest(tmp_path, nlp):
    from playwright.sync_api import sync_playwright

    files, db = tmp_path / "files", tmp_path / "edit.db"
    write(files, FIRST)
    assert ingest(files, db, nlp).added == 2
    before = corpus(db)
    jon, jonathan = before["Jon Kowalski"][0], before["Jonathan Kowalski"][0]
    harbour = next(cid for name, (cid, _) in before.items() if name.startswith("Harbour"))

    with live_server(db, editor=Editor(TOKEN, "browser")) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{url}/edit/login")
        page.fill("input[name=token]", TOKEN)
        page.click("button[type=submit]")
        page.wait_for_url(f"{url}/corrections")

        page.goto(f"{url}/entities/{jonathan}")
        merge = page.locator(f'form[action="/edit/entities/{jonathan}/merge"]')
        merge.locator("input[name=into]").fill(str(jon))
        merge.locator("input[name=reason]").fill("the same man")
        merge.locator("button").click()
        page.wait_for_url(f"{url}/entities/{jon}")
        assert "2 articles" in page.inner_text(".entity-head")

        page.goto(f"{url}/entities/{harbour}")
        reject = page.locator(f'form[action="/edit/entities/{harbour}/reject"]')
        reject.locator("input[name=reason]").fill("part of Harbour Watch, not an organisation")
        reject.locator("button").click()
        page.wait_for_url(f"{url}/corrections")
        rows = page.locator("tr.correction")
        assert rows.count() == 2
        assert "the same man" in page.inner_text("table")
        shot(page, "corrections")

        # The same files again, and one new file naming both.
        report = ingest(files, db, nlp)
        assert (report.added, report.duplicates) == (0, 2)
        write(files, LATER)
        assert ingest(files, db, nlp).added == 1

        page.goto(f"{url}/entities/{jon}")
        assert "3 articles" in page.inner_text(".entity-head")
        assert errors == []  # before the 404 below, which the console reports
        assert page.goto(f"{url}/entities/{harbour}").status == 404
        browser.close()

    assert linked(db, "Jonathan Kowalski") == {jon}
    after = corpus(db)
    assert not any(name.startswith("Harbour") for name in after), after


def test_a_quote_reattributed_in_the_browser_survives_a_reanalysis(tmp_path, nlp):
    from playwright.sync_api import sync_playwright

    from newsgraph.batch.reanalyze import reanalyze_store
    from newsgraph.store import Database

    files, db = tmp_path / "files", tmp_path / "edit.db"
    write(files, {"a.txt": FIRST["a.txt"]})
    assert ingest(files, db, nlp).added == 1
    firm = corpus(db)["Baltic Freight"][0]
    with Database(db) as stored:
        (row,) = stored.articles()
        aid = row["id"]

    with live_server(db, editor=Editor(TOKEN, "browser")) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{url}/edit/login?token={TOKEN}")
        page.goto(f"{url}/articles/{aid}")
        form = page.locator('form[action$="/reattribute"]').first
        form.locator("select[name=speaker]").select_option(str(firm))
        form.locator("input[name=reason]").fill("the firm's statement")
        form.locator("button").click()
        page.wait_for_url(f"{url}/articles/{aid}")
        selected = page.locator('form[action$="/reattribute"] select[name=speaker] option:checked').first
        assert selected.inner_text().startswith("Baltic Freight")
        browser.close()

    assert reanalyze_store(db, nlp=nlp).replaced == 1
    with Database(db) as stored:
        article = stored.article(aid)
    names = {e.id: e.name for e in article.entities}
    assert [names[q.speaker] for q in article.quotes] == ["Baltic Freight"]
