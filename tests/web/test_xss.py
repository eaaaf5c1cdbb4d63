"""Hostile article content in a real browser: nothing it carries may run or become markup.

The article puts script tags, an <img onerror>, and attribute-breaking quotes in its
title, text, entity names, quote text, figures, event fields and metadata.  Every
page that shows it is opened in chromium; ``window.__xss`` must stay undefined, no
dialog may open, the DOM must hold no element or handler the payloads would create
(checked separately from the CSP, which would also block them), and the payloads
must be visible as literal text.
"""

from __future__ import annotations

import pytest

from newsgraph.model import Amount, DateMention, Descriptor, Entity, Event
from newsgraph.store import Store
from support import REPO
from support.browser import CHROMIUM, CHROMIUM_ARGS, chromium_available, live_server
from support.sample import Builder, html_document, sample_articles

pytestmark = pytest.mark.browser
ARTIFACTS = REPO / "tests" / "artifacts"

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
ATTR = '" onmouseover="window.__xss=1'
ALL = f"{SCRIPT} {IMG} {ATTR}"
ORG = f"Acme {SCRIPT} Corp"
PERSON = f"Eve {ATTR} Mallory"
PLACE = f"Evil{IMG}ville"


def hostile_article():
    b = Builder()
    b.para(f"Xsscanary {ALL}", "title")
    b.para(f"Officials of {ORG} met {PERSON} in {PLACE} on 3 May. Damage: 7 {ATTR} units. {IMG} xsscanary.")
    b.para(f'"{SCRIPT} we said {IMG} and {ATTR}," said {PERSON}.')
    b.para(f"</p></blockquote>{ALL}<!--", "blockquote")
    ents = [
        Entity("E1", ORG, "ORG", b.mentions(ORG), aliases=[ALL]),
        Entity("E2", PERSON, "PERSON", b.mentions(PERSON, (PERSON, 1)), titles=[IMG]),
        Entity("E3", PLACE, "GPE", b.mentions(PLACE), country="FRA", lat=48.0, lon=2.0, gazetteer_id=ATTR),
    ]
    quote_text = f"{SCRIPT} we said {IMG} and {ATTR},"
    return b.article(
        f"Xsscanary {ALL}",
        published="2024-05-03",
        source=f"Wire {IMG}",
        url="javascript:window.__xss=1",
        entities=ents,
        quotes=[b.quote(quote_text, "direct", "E2", "said")],
        events=[
            Event(
                "ACCUSE",
                b.span("met"),
                source=["E1"],
                target=["E2"],
                location="E3",
                date="2024-05-03",
                modality=ATTR,
                mode=SCRIPT,
            )
        ],  # fmt: skip
        amounts=[Amount(*b.find(f"7 {ATTR} units"), value=7, unit=IMG, currency=None, qualifier=ATTR)],
        dates=[DateMention(*b.find("3 May"), value=ATTR)],
        framing=[Descriptor("E2", *b.find(ATTR), construction=IMG)],
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    reason = chromium_available()
    if reason:
        pytest.skip(reason)
    article = hostile_article()
    path = tmp_path_factory.mktemp("xss") / "xss.db"
    with Store(path) as store:
        store.add(article, html_document(article, path=f"evil{IMG}.html"))
        for a in sample_articles():
            store.add(a)
    from playwright.sync_api import sync_playwright

    with live_server(path) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield url, browser, article
        browser.close()


def entity_ids(browser, url) -> list[int]:
    page = browser.new_page()
    ids = [e["id"] for e in page.request.get(f"{url}/api/entities?q=xsscanary").json()["items"]]
    for name in ["Acme", "Eve Mallory", "Evil"]:
        ids += [e["id"] for e in page.request.get(f"{url}/api/entities", params={"q": name}).json()["items"]]
    page.close()
    return sorted(set(ids))


PROBE = """() => ({
  xss: typeof window.__xss,
  handlers: document.querySelectorAll('[onerror],[onmouseover],[onload],[onclick]').length,
  imgs: Array.from(document.images).filter(i => i.getAttribute('src') === 'x').length,
  scripts: Array.from(document.scripts).filter(s => !s.src && s.type !== 'application/json').length,
  text: document.body.innerText,
})"""


def test_hostile_content_stays_text(site):
    url, browser, article = site
    ARTIFACTS.mkdir(exist_ok=True)
    ids = entity_ids(browser, url)
    assert len(ids) >= 3
    quote = article.quotes[0]
    pages = [
        "/", "/articles", f"/articles/{article.id}", f"/articles/{article.id}?focus=E2",
        f"/articles/{article.id}/source", f"/articles/{article.id}/source?start={quote.start}&end={quote.end}",
        "/search?q=xsscanary", "/search?q=" + "%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E", "/entities",
        "/entities?q=Eve", "/events", "/events?type=ACCUSE", *[f"/entities/{i}" for i in ids],
    ]  # fmt: skip
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in pages:
        page.goto(url + path)
        page.wait_for_load_state("load")
        # Hover and click every highlight: an attribute that broke out would fire here.
        for seg in page.locator("#reader .hl").all()[:40]:
            seg.hover()
        for fact in page.locator("#facts a.fact").all()[:10]:
            fact.click()
        page.wait_for_timeout(100)
        got = page.evaluate(PROBE)
        assert got["xss"] == "undefined", path
        assert got["handlers"] == 0 and got["imgs"] == 0 and got["scripts"] == 0, (path, got)
        assert not dialogs and not errors, (path, dialogs, errors)
        if path.startswith(("/articles/", "/search?q=xss")):
            assert SCRIPT in got["text"] and IMG in got["text"], path
        if path == f"/articles/{article.id}":
            assert ATTR in got["text"] and PERSON in got["text"] and ORG in got["text"]
            assert page.locator('a[href^="javascript:"]').count() == 0  # the javascript: url is not linked
            page.screenshot(path=str(ARTIFACTS / "xss-reader.png"), full_page=True)
    for i in ids:
        page.goto(f"{url}/entities/{i}")
        assert page.evaluate(PROBE)["xss"] == "undefined"
    page.goto(f"{url}/entities/{ids[0]}")
    page.screenshot(path=str(ARTIFACTS / "xss-entity.png"), full_page=True)
    context.close()


def test_json_api_is_not_html(site):
    url, browser, article = site
    page = browser.new_page()
    resp = page.goto(f"{url}/api/articles/{article.id}")
    assert resp.headers["content-type"].startswith("application/json")
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate(PROBE)["handlers"] == 0
    page.close()
