"""HTML metadata and page furniture: bylines, datelines, pop-ups, pull-quotes, calls to action."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from newsgraph.readers import ReadOptions, read_path
from newsgraph.readers.webpage import byline_author, furniture_lines, prune_page

BODY = (
    "<p>KHAN YOUNIS, Gaza — Negotiators failed to agree on a ceasefire on Tuesday, leaving an aid convoy "
    "of forty trucks waiting at the border crossing for a third day.</p>"
    "<p>“We are running out of time,” said Ahmed Salem, a logistics officer with the relief agency, who has "
    "waited at the crossing since Sunday with his drivers.</p>"
    "<p>The talks are expected to resume next week in Cairo, officials from both delegations said on "
    "Tuesday evening after the meeting ended without a statement.</p>"
    "<p>Aid groups said the trucks carried flour, medicine and fuel for the two hospitals still working in "
    "the south of the territory.</p>"
)


def page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Ceasefire talks stall</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Ceasefire talks stall</h1>"
        f"{body}</article><footer><a href='/about'>About us</a></footer></body></html>"
    )


def read(tmp_path, text: str):
    path = tmp_path / "page.html"
    path.write_text(text, encoding="utf-8")
    return next(iter(read_path(path, ReadOptions(isolate=False))))


def test_byline_in_the_text_becomes_the_author_and_leaves_the_text(tmp_path):
    doc = read(tmp_path, page("<p>By Jane Roe</p>" + BODY))
    assert doc.author == "Jane Roe"
    assert "Jane Roe" not in doc.text
    byline = next(s for s in doc.removed if "Jane Roe" in s.text)
    assert doc.source_text[byline.start : byline.end] == byline.text  # kept, with its offsets


def test_dateline_place_is_document_metadata(tmp_path):
    doc = read(tmp_path, page(BODY))
    assert doc.dateline == "KHAN YOUNIS, Gaza"
    assert doc.text.count("KHAN YOUNIS") == 1  # the text keeps it; nlp/layout.py knows it is a dateline


def test_page_metadata_gives_date_author_and_site_name(tmp_path):
    head = (
        "<meta property='og:site_name' content='The Daily Planet'>"
        "<meta name='author' content='Jane Roe'>"
        "<meta property='article:published_time' content='2024-03-05T10:00:00+02:00'>"
    )
    doc = read(tmp_path, page(BODY, head))
    assert (doc.published, doc.author, doc.source) == ("2024-03-05", "Jane Roe", "The Daily Planet")


@pytest.mark.parametrize(
    "line, author",
    [
        ("By Jane Roe", "Jane Roe"),
        ("BY JANE ROE", "JANE ROE"),
        ("By Jane Roe and John Doe", "Jane Roe and John Doe"),
        ("By Jane Roe, Staff Writer", "Jane Roe"),
        ("Written by: Jane Roe", "Jane Roe"),
        ("By the time the convoy arrived, the crossing had closed.", None),
        ("by train", None),
    ],
)
def test_byline_author(line, author):
    assert byline_author(line) == author


def prune(body: str) -> str:
    tree = lxml_html.fromstring(f"<html><body><article><h1>Title</h1>{BODY}</article>{body}</body></html>")
    prune_page(tree)
    return tree.text_content()


@pytest.mark.parametrize(
    "box",
    [
        "<div hidden><p>Hidden text that a reader never sees on the page.</p></div>",
        "<div aria-hidden='true'><p>Hidden text that a reader never sees on the page.</p></div>",
        "<div style='display: none'><p>Hidden text that a reader never sees on the page.</p></div>",
        "<div role='dialog'><p>We use cookies to improve your experience. Accept all?</p></div>",
        "<div class='pum-overlay'><p>Photo gallery of the week in a pop-up window.</p></div>",
        "<div id='newsletter-modal'><p>Get our best stories in your inbox every morning.</p></div>",
        "<section class='related-articles'><a href='/x'>Another story about the talks</a></section>",
        "<aside><p>Read more: how the crossing works</p></aside>",
    ],
)
def test_hidden_elements_pop_ups_and_related_boxes_are_pruned(box):
    text = prune(box)
    assert "Negotiators failed" in text
    for words in ("Hidden text", "cookies", "Photo gallery", "inbox", "Another story", "Read more"):
        assert words not in text


def test_the_article_is_kept_whatever_its_markup_says():
    # Saved with a modal open: the page itself is aria-hidden; a state class names the modal.
    tree = lxml_html.fromstring(
        f"<html><body><div id='page' aria-hidden='true'><div class='entry-content modal-enabled'>"
        f"<h1>Title</h1>{BODY}</div></div><div role='dialog'><p>Subscribe</p></div></body></html>"
    )
    prune_page(tree)
    text = tree.text_content()
    assert "Negotiators failed" in text and "Subscribe" not in text


def test_slides_hidden_for_a_script_are_kept():
    slides = "".join(
        f"<div class='slide' style='display:none'><p>Slide {i}: a long caption describing item {i} "
        f"of the gallery in words a reader would read.</p></div>"
        for i in range(30)
    )
    tree = lxml_html.fromstring(f"<html><body><h2>Gallery</h2>{slides}</body></html>")
    prune_page(tree)
    assert "Slide 29" in tree.text_content()


def test_pull_quote_is_not_counted_twice(tmp_path):
    quote = (
        "“We are running out of time,” said Ahmed Salem, a logistics officer with the relief agency, who has "
        "waited at the crossing since Sunday with his drivers."
    )
    doc = read(tmp_path, page(BODY + f"<blockquote class='quote'><p>{quote}</p></blockquote>"))
    assert doc.text.count("We are running out of time") == 1


def test_calls_to_action_and_page_labels_are_furniture():
    lines = [
        "Published: March 5, 2024",
        "Negotiators failed to agree on a ceasefire on Tuesday, leaving forty trucks waiting.",
        "The streaming service lost 200,000 subscribers in the quarter, the company said on Tuesday.",
        "(Photo credit: Jane Roe / Agency)",
        "The talks resume next week.",
        "Subscribe now to our newsletter for the full story.",
        "Follow us on Twitter for the latest updates.",
        "© 2024 The Daily Planet. All rights reserved.",
    ]
    assert furniture_lines(lines) == {0, 3, 5, 6, 7}


def test_a_text_of_nothing_but_furniture_is_kept():
    assert furniture_lines(["Subscribe now to our newsletter.", "By Jane Roe"]) == set()


def test_byline_is_neither_actor_nor_speaker(tmp_path, nlp):
    from newsgraph.nlp.pipeline import analyze_document

    body = (
        "<p>By Jane Roe</p>"
        "<p>KHAN YOUNIS, Gaza — Israeli forces attacked a convoy near the crossing on Tuesday, officials said.</p>"
        "<p>“We are running out of time,” said Ahmed Salem, a logistics officer with the relief agency.</p>"
        "<p>The army said it was investigating the attack on the convoy and would publish its findings.</p>"
    )
    doc = read(tmp_path, page(body))
    article = analyze_document(nlp, doc)
    roe = {e.id for e in article.entities if "Roe" in e.name}
    assert doc.author == "Jane Roe" and doc.dateline == "KHAN YOUNIS, Gaza"
    assert article.author == "Jane Roe" and article.dateline == "KHAN YOUNIS, Gaza"  # stored with the article
    assert not any(q.speaker in roe for q in article.quotes)
    assert not any(roe & set(ev.source + ev.target) for ev in article.events)
    assert any(
        q.speaker and "Salem" in next(e.name for e in article.entities if e.id == q.speaker) for q in article.quotes
    )


def test_what_the_site_calls_itself_on_its_home_link_is_kept(tmp_path):
    head = "<link rel='canonical' href='https://www.example-daily.com/2024/05/ceasefire/'>"
    logo = (
        "<header><a href='https://www.example-daily.com' title='Online Edition of Ruritania&#039;s Leading Daily'>"
        "<img src='/logo.svg' alt='logo.svg'></a>"
        "<a href='https://elsewhere.example.org/' title='A partner site'>Partner</a>"
        "<a href='https://www.example-daily.com/world/' title='World news'>World</a></header>"
    )
    doc = read(tmp_path, page(logo + BODY, head))
    assert doc.extra["home_link_titles"] == "Online Edition of Ruritania's Leading Daily"
    assert "home_link_titles" not in read(tmp_path, page(BODY, head)).extra  # no titled home link: nothing
