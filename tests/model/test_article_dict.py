"""Article.to_dict is written out by hand for speed: it must stay the dict dataclasses.asdict gives."""

import json
from dataclasses import asdict

from newsgraph.model import Article
from newsgraph.model.article import (
    SCHEMA_VERSION,
    Amount,
    DateMention,
    Descriptor,
    Entity,
    Event,
    Finding,
    Mention,
    Paragraph,
    Quote,
    Span,
)


def _full_article() -> Article:
    """Every field of every part set to something other than its default."""
    text = "Paris officials said on Monday that talks would cost $5 million."
    return Article(
        id="a1", text=text, title="Talks", published="2024-01-02", url="http://x", source="Wire",
        path="/tmp/a.txt", language="en", skipped_reason="none", author="Ann Lee", dateline="PARIS",
        section="World", declared_length=12, extra={"load date": "2024-01-03"},
        paragraphs=[Paragraph(0, len(text), "body"), Paragraph(0, 5, "title")],
        entities=[
            Entity("E1", "Paris", "GPE", [Mention(0, 5, "Paris"), Mention(0, 5, "Paris", nested="E2")],
                   "FRA", 48.85, 2.35, "geonames:2988507", ["Paname"], ["capital"], 0.9),
            Entity("E2", "Paris officials", "ORG", [Mention(0, 15, "Paris officials")]),
        ],
        quotes=[
            Quote(21, 63, "talks would cost", "indirect", "E2", Span(16, 20, "said"), Span(0, 15, "Paris officials"), 0.7),
            Quote(21, 30, "talks", "partial"),
        ],
        findings=[
            Finding(21, 63, "talks would cost", "record", Span(0, 15, "Paris officials"), Span(16, 20, "said"), "E2", 0.4, "direct"),
            Finding(21, 30, "talks", "view", Span(0, 5, "Paris")),
        ],
        events=[
            Event("CONSULT", Span(29, 34, "talks"), "meet", ["E2"], ["E1"], "E1", "2024-01-01", "reported", "E2",
                  [Span(0, 5, "Paris")], "GOV", "CVL", 0.6),
            Event("ASSAULT", Span(0, 5, "Paris")),
        ],
        amounts=[Amount(52, 63, "$5 million", 5e6, "money", "USD", "about"), Amount(0, 1, "P", None)],
        dates=[DateMention(24, 30, "Monday", "2024-01-01"), DateMention(24, 30, "Monday", None)],
        framing=[Descriptor("E2", 6, 15, "officials", "compound", -0.5)],
    )  # fmt: skip


def test_to_dict_is_asdict_with_the_schema_version_in_the_same_key_order():
    article = _full_article()
    expected = {**asdict(article), "schema_version": SCHEMA_VERSION}
    assert article.to_dict() == expected
    assert json.dumps(article.to_dict()) == json.dumps(expected)
    empty = Article(id="b", text="")
    assert json.dumps(empty.to_dict()) == json.dumps({**asdict(empty), "schema_version": SCHEMA_VERSION})


def test_to_dict_round_trips_and_shares_no_list_with_the_article():
    article = _full_article()
    data = article.to_dict()
    assert Article.from_dict(data) == article
    data["entities"][0]["aliases"].append("changed")
    data["events"][0]["source"].append("E9")
    data["extra"]["new"] = "x"
    assert article.entities[0].aliases == ["Paname"]
    assert article.events[0].source == ["E2"]
    assert article.extra == {"load date": "2024-01-03"}
