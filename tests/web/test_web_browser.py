"""The web app in a real browser: Debian's chromium driven by Playwright.

Skips cleanly when /usr/bin/chromium or the playwright package is missing.
Screenshots go to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import re

import pytest

from newsgraph.store import Store
from support import REPO
from support.browser import CHROMIUM, CHROMIUM_ARGS, chromium_available, live_server, watched_page
from support.sample import graded_article, html_document, sample_articles, synthetic_article

pytestmark = pytest.mark.browser
ARTIFACTS = REPO / "tests" / "artifacts"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    reason = chromium_available()
    if reason:
        pytest.skip(reason)
    path = tmp_path_factory.mktemp("browser") / "web.db"
    with Store(path) as store:
        for a in [*sample_articles(), graded_article()]:
            store.add(a, html_document(a))
        store.add_many(synthetic_article(i, paragraphs=4) for i in range(30))
    with live_server(path) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    with watched_page(browser, 1360, 900) as pg:
        yield pg


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def geneva_id() -> str:
    return sample_articles()[0].id


def test_reader_layer_toggles(page, base_url):
    page.goto(f"{base_url}/articles/{geneva_id()}")
    ent = page.locator("#reader .hl-entity").first
    quote = page.locator("#reader .hl-quote").first

    def border():
        return ent.evaluate("e => getComputedStyle(e).borderBottomColor")

    def background():
        return quote.evaluate("e => getComputedStyle(e).backgroundColor")

    shown_border, shown_bg = border(), background()
    assert shown_border != "rgba(0, 0, 0, 0)" and shown_bg != "rgba(0, 0, 0, 0)"
    shot(page, "reader")
    page.locator('#layers input[data-layer="entity"]').uncheck()
    assert "hide-entity" in page.locator("#reader").get_attribute("class")
    assert border() == "rgba(0, 0, 0, 0)"
    assert background() == shown_bg  # the other layers stay
    page.locator('#layers input[data-layer="quote"]').uncheck()
    assert background() == "rgba(0, 0, 0, 0)"
    shot(page, "reader-layers-off")
    page.locator('#layers input[data-layer="entity"]').check()
    page.locator('#layers input[data-layer="quote"]').check()
    assert border() == shown_border and background() == shown_bg


def test_quote_flashes_then_speaker_page(page, base_url):
    page.goto(f"{base_url}/articles/{geneva_id()}")
    page.locator('#facts a.fact[data-fact="q-1"]').click()
    flashed = page.locator('#reader [data-facts~="q-1"].flash')
    flashed.first.wait_for(state="attached", timeout=2000)
    assert page.url.endswith("#f-q-1")
    assert flashed.first.is_visible()
    shot(page, "reader-quote-flash")
    item = page.locator("#facts .fact-item.active")
    assert "Nobody leaves this room" in item.inner_text()
    item.locator("a.speaker-link").click()
    page.wait_for_url(re.compile(r"/entities/\d+$"))
    assert "Maria Lopez" in page.locator("h1").inner_text()
    assert page.locator(".quotes blockquote").count() == 2
    shot(page, "entity-speaker")


def test_fact_source_link_marks_the_source(page, base_url):
    page.goto(f"{base_url}/articles/{geneva_id()}")
    page.locator("#facts .g-figure a.src-link").first.click()
    page.wait_for_url(re.compile(r"/source\?start=\d+&end=\d+#hit$"))
    hit = page.locator("#hit")
    assert hit.inner_text() == "$2.5 billion"
    assert hit.is_visible()
    shot(page, "source")


def test_entity_focus_from_mentions(page, base_url):
    page.goto(f"{base_url}/entities?q=Geneva")
    page.locator("table a", has_text="Geneva").first.click()
    page.wait_for_url(re.compile(r"/entities/\d+$"))
    page.locator(".map svg path.country").first.wait_for(state="attached")
    assert page.locator(".map svg circle.pin").count() == 1
    shot(page, "entity-place")
    page.locator(".mentions a").first.click()
    page.wait_for_url(re.compile(r"focus=E5$"))
    page.locator('#reader [data-facts~="e4"].flash').first.wait_for(state="attached", timeout=2000)


def test_search(page, base_url):
    page.goto(base_url)
    shot(page, "home")
    page.locator(".topsearch input").fill("Lopez talks")
    page.locator(".topsearch input").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=Lopez"))
    assert page.locator(".result").count() == 1
    assert page.locator(".result mark").count() >= 2
    shot(page, "search")
    page.locator(".result a.article-title").click()
    page.wait_for_url(re.compile(r"/articles/\w+$"))
    page.goto(f"{base_url}/search?q=%22%2A(%20%5E")
    assert "not searchable" in page.locator(".notice").inner_text()


def test_events_filter_map_and_timeline(page, base_url):
    page.goto(f"{base_url}/events")
    page.locator(".map svg path.country").first.wait_for(state="attached")
    assert page.locator(".map svg path.country").count() > 150
    assert page.locator(".map svg path.country.hit").count() >= 5
    assert page.locator(".timeline svg rect.bar").count() > 1
    shot(page, "events")
    page.locator('select[name="type"]').select_option("AID")
    page.locator('input[name="date_from"]').fill("2024-01-01")
    page.locator("#event-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"type=AID"))
    badges = page.locator("#event-list .ev-type").all_inner_texts()
    assert badges and set(badges) == {"AID"}
    page.locator(".map svg circle.pin").first.wait_for(state="attached")
    shot(page, "events-aid")
    # a timeline bar links to the events of its day
    page.locator(".timeline svg a").first.click()
    page.wait_for_url(re.compile(r"date_from=2024-03-04&date_to=2024-03-04"))
    assert page.locator("#event-list .event-row").count() == 2


def test_low_confidence_quote_hidden_until_show_all(page, base_url):
    article = graded_article()
    page.goto(f"{base_url}/articles/{article.id}")
    facts = page.locator("#facts")
    assert facts.get_by_text("the ferry keeps this island alive").is_visible()
    assert facts.get_by_text("conf. 0.92").is_visible()
    assert facts.get_by_text("the debate").count() == 0
    assert page.locator('#reader [data-facts~="q-1"]').count() == 0
    page.locator("#show-all").click()
    page.wait_for_url(re.compile(r"[?&]all=1"))
    assert facts.get_by_text("the debate").is_visible()
    assert facts.get_by_text("conf. 0.20").is_visible()
    assert page.locator('#reader [data-facts~="q-1"]').count() >= 1
    shot(page, "show-all-facts")
    page.locator("#show-all").click()  # and back to what is sure enough
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]+$"))
    assert facts.get_by_text("the debate").count() == 0


def test_narrow_screen(browser, base_url):
    context = browser.new_context(viewport={"width": 420, "height": 860})
    page = context.new_page()
    page.goto(f"{base_url}/articles/{geneva_id()}")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(page, "reader-mobile")
    context.close()
