"""Confidence on entities, quotes and events: in the JSON, and the one threshold that filters them."""

from __future__ import annotations

import json

import pytest

import newsgraph
from newsgraph.model import SCHEMA_VERSION, Article, Entity, Event, Mention, Quote, Span
from newsgraph.model.confidence import MIN_CONFIDENCE, check_threshold, confidence_of, shown


def sample_article() -> Article:
    text = 'Ana Lopez said "we will strike" and police arrested her.'
    return Article(
        id="0123456789abcdef",
        text=text,
        entities=[
            Entity("E1", "Ana Lopez", "PERSON", mentions=[Mention(0, 9, "Ana Lopez")], confidence=0.9),
            Entity("E2", "police", "ORG", mentions=[Mention(35, 41, "police")]),
        ],
        quotes=[Quote(16, 30, "we will strike", "direct", speaker="E1", cue=Span(10, 14, "said"), confidence=0.25)],
        events=[Event("COERCE", Span(42, 50, "arrested"), source=["E2"], target=["E1"], confidence=0.7)],
    )


def test_confidence_survives_the_json_round_trip():
    article = sample_article()
    data = json.loads(json.dumps(article.to_dict()))
    assert data["schema_version"] == SCHEMA_VERSION
    assert [e["confidence"] for e in data["entities"]] == [0.9, None]
    assert data["quotes"][0]["confidence"] == 0.25 and data["events"][0]["confidence"] == 0.7
    assert Article.from_dict(data) == article


def test_json_of_schema_version_1_reads_with_no_confidence():
    data = sample_article().to_dict()
    for key in ("entities", "quotes", "events"):
        for fact in data[key]:
            del fact["confidence"]
    article = Article.from_dict(data)
    assert article.quotes[0].confidence is None and shown(article.quotes[0])


def test_shown_uses_the_one_threshold_and_none_counts_as_one():
    article = sample_article()
    assert newsgraph.MIN_CONFIDENCE == MIN_CONFIDENCE and 0 < MIN_CONFIDENCE < 1
    assert [shown(e) for e in article.entities] == [True, True]
    assert not shown(article.quotes[0]) and shown(article.quotes[0], 0.2)
    assert shown(article.events[0]) and not shown(article.events[0], 0.75)
    assert shown({"confidence": None}, 1.0) and confidence_of({"confidence": 0.3}) == 0.3
    assert shown(article.quotes[0], 0)


@pytest.mark.parametrize("bad", [-0.1, 1.5])
def test_a_threshold_outside_zero_to_one_is_refused(bad):
    with pytest.raises(ValueError, match="between 0 and 1"):
        check_threshold(bad)


def test_visible_drops_low_facts_and_references_to_dropped_entities():
    from newsgraph.model.confidence import visible

    article = sample_article()
    article.entities[1].confidence = 0.1  # "police": below the threshold
    shown_only = visible(article)
    assert [e.id for e in shown_only.entities] == ["E1"]
    assert shown_only.quotes == []  # 0.25
    (event,) = shown_only.events
    assert event.source == [] and event.target == ["E1"]  # the dropped entity is no actor any more
    assert len(article.entities) == 2 and article.events[0].source == ["E2"]  # the original is untouched
    assert visible(article, 0) == article
