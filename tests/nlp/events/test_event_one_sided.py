"""One-sided events (issue 11): an article often names only who acted ("the minister resigned"),
and such an event with a named subject is worth showing; an event whose sentence names another
actor the coder left out ("loose_actor") is less sure.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

from newsgraph import MIN_CONFIDENCE
from newsgraph.nlp.events.confidence import FEATURES, SOURCE_FEATURES, TARGET_FEATURES, get_confidence_model


def test_an_event_naming_only_its_subject_has_no_loose_actor(coded):
    ((_article, event, features),) = coded("Senator Dana Whitcombe denied the allegations on Monday.", "REJECT")
    assert features["source"] == 1.0 and features["target"] == 0.0
    assert features["loose_actor"] == 0.0


def test_an_actor_left_out_of_the_event_is_loose(coded):
    # the coder reads Valdoria's denial; Ruritania, named in the same sentence, is on neither side
    text = "Valdoria denied the allegations, which Ruritania had made in a letter to the council."
    events = coded(text, "REJECT")
    assert events
    (_article, event, features) = events[0]
    assert features["loose_actor"] == 1.0


def test_a_named_subject_acting_alone_is_shown_by_default(coded):
    ((_article, event, _features),) = coded("Senator Dana Whitcombe denied the allegations on Monday.", "REJECT")
    assert event.confidence is not None and event.confidence >= MIN_CONFIDENCE


def test_the_side_features_are_features_of_the_model():
    # the training script's one-sided versions zero these for the side the text does not name
    assert SOURCE_FEATURES <= set(FEATURES) and TARGET_FEATURES <= set(FEATURES)
    assert set(get_confidence_model().weights) == set(FEATURES)
