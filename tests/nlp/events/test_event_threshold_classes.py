"""Right events that sat just under the default threshold (issue 11, "events at the threshold"):
the evidence the coder has for them, as the confidence model reads it.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

import pytest

# -- class 3: "we arrested ..." in the speaker's own words ---------------------------------------------

OWN_WORDS = (
    "Inspector Maria Gonzalez of the Harbour Police spoke to reporters on Tuesday. "
    '"Last night we arrested four men near the harbour," Inspector Gonzalez said.'
)
OTHER_PRONOUN = (
    "Inspector Maria Gonzalez of the Harbour Police spoke to reporters on Tuesday. "
    "Last night she arrested four men near the harbour, the station said."
)


def test_a_first_person_source_in_the_speakers_own_quote_is_the_speaker_not_a_coref_guess(coded):
    ((article, event, features),) = coded(OWN_WORDS, "COERCE")
    # since the tenth round the force she speaks for is found ("the Harbour Police", untagged by the model),
    # and a quote's "we" is the organisation spoken for (events/component.py), else the speaker
    assert [article.entity(i).name for i in event.source] == ["Harbour Police"]
    assert features["source_subject"] == 1.0
    assert features["source_coref"] == 0.0  # the attribution names "we", no antecedent had to be chosen
    assert event.confidence >= 0.5


def test_a_third_person_pronoun_is_still_a_coref_found_source(coded):
    ((_article, _event, features),) = coded(OTHER_PRONOUN, "COERCE")
    assert features["source_coref"] == 1.0


# -- class 2: the agent of an event noun named as its possessor or nationality ------------------------

POSSESSOR = "Syria's shelling of Homs continued for a third day."
NATIONALITY = "The Ethiopian blockade of Tigray entered its third month."
BY_AGENT = "The shelling of Homs by Syria continued for a third day."


@pytest.mark.parametrize("text,kind", [(POSSESSOR, "ASSAULT"), (NATIONALITY, "COERCE")])
def test_a_possessor_or_nationality_of_an_event_noun_is_its_agent_by_modifier(coded, text, kind):
    ((_article, event, features),) = coded(text, kind)
    assert event.source and event.target
    assert features["noun_trigger"] == 1.0
    assert features["source_modifier"] == 1.0
    assert features["source_subject"] == 0.0


def test_a_by_agent_of_an_event_noun_is_no_modifier(coded):
    ((_article, _event, features),) = coded(BY_AGENT, "ASSAULT")
    assert features["source_subject"] == 1.0 and features["source_modifier"] == 0.0


# -- who an "according to" phrase names is where the report comes from, not a side of the event -------

ATTRIBUTED = (
    "The Russian bombardment of Kharkiv has left the city without power, "
    "according to an investigation by the Kyiv Independent and The Guardian."
)


def test_an_actor_named_in_according_to_is_no_loose_actor(coded):
    ((_article, event, features),) = coded(ATTRIBUTED, "ASSAULT")
    assert event.source and event.target
    assert features["loose_actor"] == 0.0
    assert event.confidence >= 0.5


def test_the_investigation_an_according_to_phrase_cites_is_no_event(coded):
    assert coded(ATTRIBUTED, "ACCUSE") == []


# -- an actor of a coordinated clause belongs to that clause's predicate ------------------------------

COORDINATED = (
    "Senator Dana Whitcombe resigned in March and then persuaded the Liberal Party to choose her deputy as the "
    "candidate."
)
SAME_CLAUSE = "Senator Dana Whitcombe resigned in March after a row with the Liberal Party."


def test_an_actor_of_a_coordinated_clause_is_no_loose_actor(coded):
    ((_article, event, features),) = coded(COORDINATED, "RETREAT")
    assert [_article.entity(i).name for i in event.source] == ["Dana Whitcombe"]
    assert features["loose_actor"] == 0.0


def test_an_actor_outside_the_event_in_its_own_clause_is_still_loose(coded):
    ((_article, _event, features),) = coded(SAME_CLAUSE, "RETREAT")
    assert features["loose_actor"] == 1.0


# -- an event noun that someone judges or discusses is not theirs -------------------------------------

JUDGED = "After mocking the proposal for weeks, Senator Dana Whitcombe voted for the budget."
MOUNTED = "Senator Dana Whitcombe announced her resignation on Monday."


def test_who_mocks_a_proposal_did_not_make_it(coded):
    assert [e for _a, e, _f in coded(JUDGED, "AGREE") if e.source] == []


def test_who_announces_a_resignation_resigns(coded):
    ((article, event, _features),) = coded(MOUNTED, "RETREAT")
    assert [article.entity(i).name for i in event.source] == ["Dana Whitcombe"]


# -- an actor named as the cause ("because of X's ...") is not a side the coder missed -----------------

CAUSE = (
    "The Ethiopian blockade imposed on Tigray because of the TPLF's control of the region has emptied its hospitals."
)


def test_an_actor_in_a_because_of_phrase_is_no_loose_actor(coded):
    ((_article, event, features),) = coded(CAUSE, "COERCE")
    assert event.source and event.target
    assert features["loose_actor"] == 0.0
