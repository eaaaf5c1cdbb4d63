"""Shared helpers written for speed give exactly what the plain code they replaced gave."""

from __future__ import annotations

import random

import spacy

from newsgraph.nlp.extensions import lower_case_words
from newsgraph.nlp.knowledge.gazetteer import distance_km, nearest_km


def test_lower_case_words_are_the_all_lower_case_tokens():
    nlp = spacy.blank("en")
    doc = nlp("The Store opened in march; store owners said MARCH was slow.\n\nit's 4pm, iPhone, über-cheap Café")
    assert lower_case_words(doc) == {t.text for t in doc if t.is_lower}
    assert {"opened", "store", "it", "über", "cheap"} <= lower_case_words(doc)
    assert not {"The", "MARCH", "Café", "iPhone", "4pm"} & lower_case_words(doc)
    assert lower_case_words(nlp("")) == set()


def test_nearest_km_is_the_least_great_circle_distance_to_the_exact_float():
    rng = random.Random(12)
    points = [(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(300)]
    points += [(48.8566, 2.3522), (48.8566, 2.3522), (-33.87, 151.21), (89.9, 179.9), (-89.9, -179.9)]
    for lat, lon in [(48.8566, 2.3522), (39.6, -89.7), (0.0, 0.0), (-33.87, 151.21), *points[:50]]:
        for others in (points, points[:3], points[-2:], [(lat, lon)]):
            assert nearest_km(lat, lon, others) == min(distance_km(lat, lon, la, lo) for la, lo in others)
    assert nearest_km(1.0, 2.0, []) is None
    assert nearest_km(48.8566, 2.3522, [(48.8566, 2.3522)]) == 0.0
