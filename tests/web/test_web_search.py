"""Finding things in the web reader: faceted, paged search with its syntax; the quote
browser; related articles.  In-process (TestClient) over a small hand-made store."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsgraph.store import Store
from newsgraph.web import create_app
from support.sample import graded_article, html_document, sample_articles, synthetic_article


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("search-web") / "s.db"
    with Store(path) as store:
        for a in [*sample_articles(), graded_article()]:
            store.add(a, html_document(a))
        store.add_many(synthetic_article(i, paragraphs=3) for i in range(45))
    with TestClient(create_app(str(path)), base_url="http://127.0.0.1") as c:
        yield c


def titles(body: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", t) for t in re.findall(r'class="article-title" href="/articles/\w+">(.*?)</a>', body)
    ]


def count(body: str) -> str:
    return re.sub(r"\s+", " ", re.search(r'id="result-count">(.*?)</p>', body, re.S).group(1))


def test_phrase_or_not_and_prefix(client):
    assert titles(client.get("/search", params={"q": '"guns fall silent"'}).text) == [
        "Ceasefire talks resume in Geneva"
    ]
    assert not titles(client.get("/search", params={"q": '"silent guns"'}).text)  # words, wrong order
    either = titles(client.get("/search", params={"q": "monsoon OR ferry"}).text)
    assert sorted(either) == ["Floods displace thousands in Dhaka", "Port Verde council votes on the ferry"]
    lopez = titles(client.get("/search", params={"q": "Lopez"}).text)
    assert sorted(lopez) == ["Ceasefire talks resume in Geneva", "Floods displace thousands in Dhaka"]
    assert titles(client.get("/search", params={"q": "Lopez -monsoon"}).text) == ["Ceasefire talks resume in Geneva"]
    assert "Ceasefire talks resume in Geneva" in titles(client.get("/search", params={"q": "reconstruct*"}).text)
    assert not titles(client.get("/search", params={"q": "reconstruct"}).text)


@pytest.mark.parametrize(
    "q",
    ['"', '""', "-", "- -", "OR", "OR OR", "NOT", "*", "^", "NEAR(a b)", "a:b", "col:word", "((a", "a)) OR ((",
     '"unclosed', "-\"\"", "x" * 600, "\x00", "%00", "' OR 1=1 --", "<script>alert(1)</script>",
     "AND AND", "a* * *b", "🙂", "ÉCOLE*"],
)  # fmt: skip
def test_hostile_queries_give_a_page_not_a_500(client, q):
    for kind in ("articles", "quotes", "names"):
        response = client.get("/search", params={"q": q, "kind": kind})
        assert response.status_code == 200
        assert "<script>alert" not in response.text
    assert client.get("/api/search", params={"q": q}).status_code == 200
    assert client.get("/quotes", params={"q": q, "speaker": q, "source": q}).status_code == 200


def test_invalid_utf8_in_the_address_is_no_500(client):
    for kind in ("articles", "quotes"):
        assert client.get(f"/search?q=%ED%A0%80%FF%22&kind={kind}").status_code in (200, 400)
    assert client.get("/quotes?q=%ED%A0%80%FF").status_code in (200, 400)


def test_malformed_queries_explain_themselves(client):
    assert "at least one word to find" in client.get("/search", params={"q": "-geneva"}).text
    assert "not closed" in client.get("/search", params={"q": '"guns fall'}).text
    assert "No articles match" in client.get("/search", params={"q": "zzzqqqxx"}).text


def test_result_counts_and_pagination(client):
    first = client.get("/search", params={"q": "the"}).text
    total = int(re.search(r"([\d,]+) articles", count(first)).group(1))
    assert total > 20 and "showing 1–20" in count(first)
    assert len(titles(first)) == 20 and 'rel="next"' in first
    last_page = (total - 1) // 20 + 1
    last = client.get("/search", params={"q": "the", "page": last_page}).text
    assert len(titles(last)) == total - 20 * (last_page - 1) and 'rel="next"' not in last
    every = set()
    for n in range(1, last_page + 1):
        every |= set(
            re.findall(
                r'class="article-title" href="/articles/(\w+)"',
                client.get("/search", params={"q": "the", "page": n}).text,
            )
        )
    assert len(every) == total  # the pages cover every hit once


def test_facets_count_and_filter(client):
    body = client.get("/search", params={"q": "Lopez OR Ibarra OR fuel"}).text
    source_facet = re.search(r'id="facet-source">(.*?)</div>', body, re.S).group(1)
    assert re.search(r">Example Wire</a> <span class=\"count\">2</span>", source_facet)
    assert re.search(r">Island Post</a> <span class=\"count\">1</span>", source_facet)
    narrowed = client.get("/search", params={"q": "Lopez OR Ibarra OR fuel", "source": "Island Post"}).text
    assert titles(narrowed) == ["Port Verde council votes on the ferry"]
    country = client.get("/search", params={"q": "Lopez OR Ibarra OR fuel", "country": "KEN"}).text
    assert titles(country) == ["Protests in Nairobi over fuel prices"]
    dated = client.get("/search", params={"q": "Lopez", "date_from": "2024-03-10", "date_to": "2024-03-31"}).text
    assert titles(dated) == ["Ceasefire talks resume in Geneva"]
    kinds = re.search(r'id="kind-tabs">(.*?)</nav>', body, re.S).group(1)
    assert re.search(r'Quotes <span class="count">0<', kinds)  # quotes match on their own words: none names them
    assert re.search(r'Names <span class="count">2<', kinds)  # Maria Lopez, Rosa Ibarra


def test_quote_and_name_results(client):
    quotes = client.get("/search", params={"q": "closer OR rising", "kind": "quotes"}).text
    assert "We are closer than we have been in months" in quotes and "The water is still rising" in quotes
    assert "2 quotes" in count(quotes)
    names = client.get("/search", params={"q": "lop*", "kind": "names"}).text
    assert "Maria Lopez" in names
    people = client.get("/search", params={"q": "Geneva OR Lopez", "kind": "names", "type": "PERSON"}).text
    assert "Maria Lopez" in people and ">Geneva <span" not in people


def test_quote_browser_by_speaker_text_and_outlet(client):
    lopez = client.get("/quotes", params={"speaker": "Maria Lopez"}).text
    assert "We are closer" in lopez and "Nobody leaves this room" in lopez and "water is still rising" not in lopez
    words = client.get("/quotes", params={"q": "room -guns"}).text
    assert 'id="no-quotes"' in words
    phrase = client.get("/quotes", params={"q": '"still rising"'}).text
    assert "water is still rising" in phrase and "1 quote" in count(phrase)
    outlet = client.get("/quotes", params={"source": "Island Post"}).text
    assert "the ferry keeps this island alive" in outlet and "We are closer" not in outlet
    assert "the debate" not in outlet  # below the threshold
    assert "the debate" in client.get("/quotes", params={"source": "Island Post", "all": "1"}).text
    assert "No speaker of that name" in client.get("/quotes", params={"speaker": "Nobody Atall"}).text


def test_quote_browser_pages(client):
    first = client.get("/quotes").text
    total = int(re.search(r"([\d,]+) quotes", count(first)).group(1))
    assert total > 30 and first.count('class="quote-row"') == 30 and 'rel="next"' in first
    second = client.get("/quotes", params={"page": 2}).text
    assert second.count('class="quote-row"') == min(30, total - 30)


def test_related_articles_share_entities_and_events(client):
    geneva, dhaka, nairobi = sample_articles()
    body = client.get(f"/articles/{geneva.id}").text
    related = re.search(r'id="related">(.*?)</section>', body, re.S).group(1)
    assert "Floods displace thousands in Dhaka" in related  # Maria Lopez, United Nations; the UN's AID
    assert "shared event" in related and "Maria Lopez" in related
    assert "Protests in Nairobi" not in related
