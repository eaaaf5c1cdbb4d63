"""The analyst's workbench in a real browser (Debian's chromium through Playwright):
the graph pages draw nodes and edges, the timeline shows a 2023 corpus beside an
1841 date, search and the quote browser work by mouse and keyboard.

Skips cleanly when /usr/bin/chromium or the playwright package is missing.
Screenshots go to tests/artifacts/; with NEWSGRAPH_DOC_SCREENSHOTS=1 also to docs/img/
(the pictures of docs/workbench.md).
"""

from __future__ import annotations

import re

import pytest

from newsgraph.model import Entity, Event, Quote
from newsgraph.store import Store
from support.browser import CHROMIUM, CHROMIUM_ARGS, chromium_available, live_server, shot, watched_page
from support.sample import Builder, graded_article, html_document, sample_articles, synthetic_article

pytestmark = pytest.mark.browser


def harbour_story(i: int):
    """A 2023 story of the port strike; the first is dated 1841 by its text (a history aside)."""
    b = Builder()
    b.para(f"Dock strike, day {i + 1}", "title")
    b.para(
        f"Dockers of the Harbour Union blocked the Port Authority gates on day {i + 1}. "
        f'"We will not move until wages do," said Ana Silva of the Harbour Union.'
    )
    when = "1841-06-01" if i == 0 else f"2023-{3 + i % 7:02d}-{1 + i % 27:02d}"
    return b.article(
        f"Dock strike, day {i + 1}", published=f"2023-{3 + i % 7:02d}-{1 + i % 27:02d}", source="Harbour Times",
        entities=[Entity("E1", "Harbour Union", "ORG", b.mentions("Harbour Union", ("Harbour Union", 1))),
                  Entity("E2", "Port Authority", "ORG", b.mentions("Port Authority")),
                  Entity("E3", "Ana Silva", "PERSON", b.mentions("Ana Silva"))],
        quotes=[Quote(*b.find("We will not move until wages do,"), kind="direct", speaker="E3")],
        events=[Event("PROTEST", b.span("blocked"), source=["E1"], target=["E2"], date=when)],
    )  # fmt: skip


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    reason = chromium_available()
    if reason:
        pytest.skip(reason)
    path = tmp_path_factory.mktemp("workbench") / "web.db"
    # The 40 strike reports come from one template, so the copy detector would count them as
    # one article (tests/store/test_near_copies_and_stories.py); here each is a report of its own.
    with Store(path, stories=False) as store:
        for a in [*sample_articles(), graded_article()]:
            store.add(a, html_document(a))
        store.add_many(harbour_story(i) for i in range(40))
        store.add_many(synthetic_article(i, paragraphs=3) for i in range(20))
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
    with watched_page(browser, 1180, 820) as pg:
        yield pg


def entity_url(page, base_url, name: str) -> str:
    page.goto(f"{base_url}/search?q={name.replace(' ', '+')}&kind=names")
    href = page.locator(".results a.chip", has_text=name).first.get_attribute("href")
    return base_url + href


def drawn(page, selector: str) -> tuple[int, int]:
    """(nodes, edges) Cytoscape drew into the graph box, once it is ready."""
    box = page.locator(f"{selector}.graph-ready")
    box.wait_for(state="attached", timeout=5000)
    assert box.locator("canvas").count() >= 1
    return int(box.get_attribute("data-nodes")), int(box.get_attribute("data-edges"))


def test_graph_page_renders_nodes_and_edges(page, base_url):
    page.goto(f"{base_url}/graph")
    nodes, edges = drawn(page, ".graph")
    counts = page.locator("#graph-counts").inner_text()
    assert nodes > 5 and edges > 5 and counts == f"{nodes} entities · {edges} ties"
    page.locator(".graph").scroll_into_view_if_needed()
    shot(page, "graph")
    # filter to events only: fewer, directed ties
    for box in page.locator('#graph-filters input[name="kind"]').all():
        if box.get_attribute("value") != "acts_on":
            box.uncheck()
    page.locator("#graph-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"kind=acts_on"))
    _, event_edges = drawn(page, ".graph")
    assert 0 < event_edges < edges
    kinds = page.locator("table.ties tbody td:nth-child(2)").all_inner_texts()
    assert kinds and all(k.startswith("acts on") for k in kinds)


def test_entity_neighbourhood_and_its_timeline(page, base_url):
    page.goto(entity_url(page, base_url, "Harbour Union"))
    nodes, edges = drawn(page, "#neighbourhood .graph")
    assert nodes >= 3 and edges >= 2
    bars = page.locator(".timeline svg rect.bar")
    bars.first.wait_for(state="attached")
    keys = [t.split(":")[0] for t in page.locator(".timeline svg rect.bar title").all_text_contents()]
    assert keys and all(k.startswith("2023") for k in keys)  # the 2023 strike, not 1841 to 2023
    assert page.locator(".timeline-outside").inner_text().count("1841-06-01") == 1
    page.locator("#neighbourhood").scroll_into_view_if_needed()
    shot(page, "entity-graph")


def test_events_timeline_shows_the_2023_cluster_despite_an_1841_date(page, base_url):
    page.goto(f"{base_url}/events?type=PROTEST&date_from=1800-01-01&date_to=2023-12-31")
    page.locator(".timeline svg rect.bar").first.wait_for(state="attached")
    titles = page.locator(".timeline svg rect.bar title").all_text_contents()
    with_events = [t for t in titles if not re.search(r": 0 event", t)]
    assert len(with_events) >= 5 and all(t.startswith("2023-") for t in with_events)
    labels = page.locator(".timeline svg text.tick").all_text_contents()
    assert any(label.startswith("2023") for label in labels) and not any("1841" in label for label in labels)
    assert "1841-06-01" in page.locator(".timeline-outside").inner_text()
    assert "event date (from the text)" in page.locator(".legend").last.inner_text()
    page.locator(".timeline").scroll_into_view_if_needed()
    shot(page, "timeline")
    page.locator(".timeline-outside a", has_text="1841-06-01").click()
    page.wait_for_url(re.compile(r"date_from=1841-06-01&date_to=1841-06-01"))
    assert page.locator("#event-list .event-row").count() == 1


def test_search_facets_syntax_and_pages(page, base_url):
    page.goto(f"{base_url}/search")
    assert page.locator("#search-syntax").get_attribute("open") is not None  # the syntax shows on an empty search
    page.locator(".bigsearch input[name=q]").fill('"Harbour Union" -wages OR Geneva')
    page.locator(".bigsearch input[name=q]").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    assert page.locator(".notice").count() == 0
    page.locator(".bigsearch input[name=q]").fill("dockers")
    page.locator(".bigsearch input[name=q]").press("Enter")
    page.wait_for_url(re.compile(r"q=dockers"))
    assert page.locator("#result-count").inner_text().startswith("40 articles")
    shot(page, "search")
    page.locator("#facet-source a", has_text="Harbour Times").click()
    page.wait_for_url(re.compile(r"source=Harbour\+Times"))
    page.locator("a[rel=next]").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "showing 21–40" in page.locator("#result-count").inner_text()
    page.locator("#kind-tabs a", has_text="Quotes").click()
    page.wait_for_url(re.compile(r"kind=quotes"))
    page.goto(f"{base_url}/search?q=%22unclosed")
    assert "not closed" in page.locator(".notice").inner_text()


def test_quote_browser(page, base_url):
    page.goto(f"{base_url}/quotes")
    page.locator('#quote-filters input[name="speaker"]').fill("Ana Silva")
    page.locator('#quote-filters input[name="q"]').fill("wages")
    page.locator("#quote-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"speaker=Ana"))
    assert page.locator("#result-count").inner_text().startswith("40 quotes")
    assert page.locator("#quote-list .quote-row").count() == 30
    shot(page, "quotes")


def test_related_articles(page, base_url):
    geneva = sample_articles()[0]
    page.goto(f"{base_url}/articles/{geneva.id}")
    related = page.locator("#related")
    assert "Floods displace thousands in Dhaka" in related.inner_text()
    related.locator("a", has_text="Floods displace").click()
    page.wait_for_url(re.compile(r"/articles/\w+$"))


@pytest.mark.parametrize("path", ["/graph", "/search?q=dockers", "/quotes", "/events"])
def test_narrow_screen(browser, base_url, path):
    context = browser.new_context(viewport={"width": 420, "height": 860})
    page = context.new_page()
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    context.close()
