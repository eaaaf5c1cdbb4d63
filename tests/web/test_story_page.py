"""The story page and the stories API, in-process and in a real browser."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.store import Store
from newsgraph.web import create_app
from support.browser import CHROMIUM, CHROMIUM_ARGS, chromium_available, live_server
from support.stories import rival_report, story_articles, syndicated_copy, wire_report


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "web.db"
    with Store(path) as store:
        store.add_many(story_articles())
    return path


def test_the_stories_api_lists_stories_and_gives_one_by_any_article_id(db_path):
    with TestClient(create_app(str(db_path)), base_url="http://127.0.0.1") as client:
        _check_api(client)


def _check_api(client):
    listing = client.get("/api/stories").json()
    assert len(listing["items"]) == 2
    story = client.get(f"/api/stories/{syndicated_copy().id}").json()
    assert story["id"] == wire_report().id and len(story["events"]) == 1
    assert client.get("/api/stories/0123456789abcdef").status_code == 404
    assert client.get("/story/not-an-id").status_code == 404


@pytest.mark.browser
def test_the_story_page_shows_the_timeline_events_quotes_and_framing_in_a_browser(db_path):
    reason = chromium_available()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with live_server(db_path) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{url}/stories")
        page.click(f"a[href='/story/{wire_report().id}']")
        page.wait_for_selector("#story-timeline")
        rows = page.locator("#story-timeline li")
        assert rows.count() == 3
        first = page.locator("li.first-report")
        assert first.count() == 1 and "Wire Service" in first.inner_text()
        copy = page.locator(f"li[data-article='{syndicated_copy().id}'] .copy-of")
        assert wire_report().id in copy.inner_text()
        events = page.locator("#story-events li.story-event")
        assert events.count() == 1 and "2 articles, 2 sources" in events.first.inner_text()
        ledger = page.locator("#story-quotes tr[data-outlet='Evening Ledger']")
        assert "spectacle staged" in ledger.locator("td.used").inner_text()
        assert "Maria Vogt" in ledger.locator("td.left-out").inner_text()
        framing = page.locator("ul.framing[data-actor='Hans Keller']").inner_text()
        assert "the embattled boss of Acme Industries" in framing and "Evening Ledger" in framing
        page.click(f"#story-timeline a[href='/articles/{rival_report().id}']")
        page.wait_for_url(f"**/articles/{rival_report().id}")
        page.click("nav.tabs a[href^='/story/']")  # and back from the article to its story
        page.wait_for_selector("#story-timeline")
        assert page.locator("li.first-report").count() == 1
        browser.close()
        assert errors == []
