"""Organisation confidence evidence: a named body (capitalised words, an acronym the article spells
out) against a generic government word or a phrase in capitals.  Names written for these tests."""

from __future__ import annotations

from newsgraph.model import Entity
from newsgraph.model.article import Mention
from newsgraph.nlp.linking.confidence import (
    STATE_GOVERNMENT_CONFIDENCE,
    entity_confidence,
    entity_features,
    is_state_government,
)


def org(name: str, *aliases: str, kind: str = "ORG") -> Entity:
    return Entity("E1", name, kind, [Mention(0, len(name), name)], aliases=list(aliases))


def test_a_proper_name_of_several_words_is_evidence_of_a_body():
    assert entity_features(org("Friends of Cedar Creek"))["org_proper_name"] == 1.0
    assert entity_features(org("SHOP NOW DEALS"))["org_proper_name"] == 0.0
    assert entity_features(org("Cedar said quietly"))["org_proper_name"] == 0.0


def test_an_acronym_spelled_out_is_evidence_of_a_body_but_not_of_a_place():
    assert entity_features(org("Harbour Safety Authority", "HSA"))["acronym_expanded"] == 1.0
    assert entity_features(org("Harbour Safety Authority"))["acronym_expanded"] == 0.0
    assert entity_features(org("Cedar Republic", "CR", kind="GPE"))["acronym_expanded"] == 0.0


def test_a_named_body_is_rated_above_the_same_words_in_capitals():
    assert entity_confidence(org("Cedar Creek Volunteers")) > entity_confidence(org("CEDAR CREEK VOLUNTEERS"))


def test_a_states_government_is_capped_but_a_ministry_is_not():
    assert is_state_government(org("Government")) and is_state_government(org("French Government"))
    assert is_state_government(org("Government of Chile"))
    assert not is_state_government(org("Ministry of Finance"))
    assert not is_state_government(org("Government Printing Office"))
    assert entity_confidence(org("French Government")) <= STATE_GOVERNMENT_CONFIDENCE
