"""The learned place ranker: its features, that it re-picks, and that the shipped model keeps what
the text settles.  Sentences written for these tests (fictional events, real place names)."""

from __future__ import annotations

import pytest

from newsgraph.nlp.knowledge.gazetteer import get_gazetteer
from newsgraph.nlp.linking.ranker import FEATURES, candidate_features, ranker_weights


@pytest.fixture(scope="module")
def nlp(linking_nlp):
    return linking_nlp


def _place_of(nlp, text: str, mention: str):
    doc = nlp(text)
    hits = [e for e in doc._.ng_entities if any(m.text == mention for m in e.mentions)]
    assert hits, [(e.name, [m.text for m in e.mentions]) for e in doc._.ng_entities]
    return get_gazetteer().get(hits[0].gazetteer_id)


def test_features_read_distance_admin_and_the_rules_pick():
    gaz = get_gazetteer()
    candidates = [q for q in gaz.lookup("Paris", include_alternate=False) if q.kind == "city"]
    france = next(q for q in candidates if q.country == "FRA")
    illinois = next(q for q in candidates if q.admin == "US-IL")
    decatur = next(q for q in gaz.lookup("Decatur", include_alternate=False) if q.admin == "US-IL")
    context = dict(
        default=france, first=candidates[0], key="paris", codes=set(), countries=set(),
        others=[(decatur.lat, decatur.lon)], other_codes={"US-IL"}, other_countries={"USA"}, state_cue=False,
    )  # fmt: skip
    row_france = dict(zip(FEATURES, candidate_features(france, **context)))
    row_illinois = dict(zip(FEATURES, candidate_features(illinois, **context)))
    assert row_france["default"] == 1 and row_illinois["default"] == 0
    assert row_illinois["near_other"] == 1 and row_france["near_other"] == 0
    assert row_illinois["same_admin"] == 1 and row_illinois["same_country"] == 1
    assert row_france["log_population"] > row_illinois["log_population"]
    assert row_france["far_other"] > row_illinois["far_other"]


def test_the_shipped_model_has_every_feature():
    weights = ranker_weights()
    assert weights is not None and set(weights) == set(FEATURES)
    assert weights["default"] > 0 and weights["near_other"] > 0


def test_the_ranker_re_picks_by_its_weights(nlp):
    text = "Springfield, Ill. — The city council of Springfield voted on Tuesday to repave Main Street."
    assert _place_of(nlp, text, "Springfield").admin == "US-IL"
    ranker = nlp.get_pipe("newsgraph_linking_v1").places.ranker
    shipped = ranker.weights
    try:
        ranker.weights = {"log_population": 1.0}  # people alone: the text's state no longer counts
        assert _place_of(nlp, text, "Springfield").admin != "US-IL"
    finally:
        ranker.weights = shipped


def test_the_shipped_model_keeps_a_dateline_town(nlp):
    p = _place_of(nlp, "GLASGOW, Ky. — The county school board met on Monday to discuss bus routes.", "GLASGOW")
    assert p.admin == "US-KY"


def test_the_shipped_model_keeps_a_town_near_the_article_places(nlp):
    text = "Farmers in Paris and Decatur, Illinois, said the drought had cut their corn harvest by half."
    assert _place_of(nlp, text, "Paris").admin == "US-IL"


def test_a_cluster_the_text_reads_as_a_state_by_a_compass_word_is_neither_ranked_nor_logged(nlp):
    # training (log mode) must see the clusters the runtime ranks: not "eastern Washington"
    text = "The crew drove to eastern Washington after the wildfire. Towns in Washington asked for more help."
    ranker = nlp.get_pipe("newsgraph_linking_v1").places.ranker
    shipped = ranker.weights
    try:
        ranker.log = []
        doc = nlp(text)
        logged = [span for row in ranker.log for span in row["spans"]]
    finally:
        ranker.log, ranker.weights = None, shipped
    starts = [m.start for e in doc._.ng_entities for m in e.mentions if m.text == "Washington"]
    assert starts and not [s for s, _ in logged if s in starts], logged
