"""Right events still under the default threshold after the first pass (issue 11, "events at the threshold,
second pass"): an agent named elsewhere in the article, and actors that are no side of the event.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

import pytest


def names(article, ids):
    return [article.entity(i).name for i in ids]


# -- the agent of a passive arrest named elsewhere: the passive's agent, found across the article -----

ARREST_ELSEWHERE = (
    "Governor Alan Dorsey was detained at a border crossing late on Friday.\n\n"
    "The Ruritanian National Police Service said the operation had taken months."
)


def test_an_agent_named_elsewhere_reads_as_the_passive_s_agent_found_by_resolution(coded):
    ((article, event, features),) = coded(ARREST_ELSEWHERE, "COERCE")
    assert names(article, event.source) == ["Ruritanian National Police Service"]
    assert features["source_context"] == 1.0
    # the actor fills the passive's agent role, and was found outside the sentence, as coref finds "he"
    assert features["source_subject"] == 1.0
    assert features["source_coref"] == 1.0


def test_an_agentless_passive_without_such_an_organisation_has_no_agent_features(coded):
    ((_article, event, features),) = coded("Governor Alan Dorsey was detained at a border crossing.", "COERCE")
    assert event.source == []
    assert features["source_subject"] == 0.0 and features["source_coref"] == 0.0


# -- an actor in the target's own name ("Labour Party leader X") is its affiliation, not a missed side ----

TITLED_TARGET = "Labour Party leader Alan Dorsey was arrested by the Royal Ruritanian Police on Friday."
OTHER_ACTOR = "Alan Dorsey was arrested by the Royal Ruritanian Police on Friday after a complaint by the Labour Party."


def test_an_organisation_in_the_target_s_own_title_is_no_loose_actor(coded):
    ((article, event, features),) = coded(TITLED_TARGET, "COERCE")
    assert names(article, event.target) == ["Alan Dorsey"]
    assert features["loose_actor"] == 0.0


def test_the_same_organisation_elsewhere_in_the_clause_is_still_loose(coded):
    ((_article, _event, features),) = coded(OTHER_ACTOR, "COERCE")
    assert features["loose_actor"] == 1.0


# -- a passive vote's chamber is its agent: "was rejected in the Senate" as "was rejected by the Senate" --

IN_CHAMBER = "Senator Dana Whitcombe's motion on the budget was rejected in the Senate on Tuesday."
BY_CHAMBER = "Senator Dana Whitcombe's motion on the budget was rejected by the Senate on Tuesday."


@pytest.mark.parametrize("text", [IN_CHAMBER, BY_CHAMBER])
def test_the_chamber_a_passive_vote_happened_in_is_its_agent(coded, text):
    ((article, event, features),) = coded(text, "REJECT")
    assert names(article, event.source) == ["Senate"]
    assert names(article, event.target) == ["Dana Whitcombe"]
    assert features["source_subject"] == 1.0
    assert features["source_coref"] == 0.0  # named in the sentence, nothing resolved


# -- "we" in a spokesman's own words is the organisation the speaker speaks for -------------------------

OF_ORGANISATION = (
    "Inspector Maria Gonzalez of the Ruritanian National Police Service spoke to reporters on Tuesday. "
    '"Last night we arrested four men near the harbour," Inspector Gonzalez said.'
)
TITLE_ORGANISATION = (
    "Harbour Police spokesman Maria Gonzalez spoke to reporters on Tuesday. "
    '"Last night we arrested four men near the harbour," Gonzalez said.'
)
NO_ORGANISATION = (
    "Maria Gonzalez, a fisherman, spoke to reporters on Tuesday. "
    '"Last night we arrested four men near the harbour," Gonzalez said.'
)


@pytest.mark.parametrize(
    ("text", "organisation"),
    [(OF_ORGANISATION, "Ruritanian National Police Service"), (TITLE_ORGANISATION, "Harbour Police")],
)
def test_we_in_a_quote_is_the_organisation_the_speaker_speaks_for(coded, text, organisation):
    ((article, event, features),) = coded(text, "COERCE")
    assert names(article, event.source) == [organisation]
    assert features["source_subject"] == 1.0
    assert features["source_coref"] == 0.0  # the attribution says who "we" are; no antecedent was guessed


def test_a_speaker_without_an_organisation_stays_the_speaker(coded):
    ((article, event, _features),) = coded(NO_ORGANISATION, "COERCE")
    assert names(article, event.source) == ["Maria Gonzalez"]


# -- a sentence the parser runs across a paragraph break: the other paragraph's actors are no loose actors --

HEADLINE_RUN_ON = (
    "Governor Mark Hollis resigns over budget row\n\nMembers of the Liberal Party met in the capital on Monday."
)
SAME_PARAGRAPH = "Governor Mark Hollis resigned on Monday after a row with the Liberal Party."


def test_an_actor_of_the_next_paragraph_is_no_loose_actor(coded):
    ((article, event, features),) = coded(HEADLINE_RUN_ON, "RETREAT")
    assert names(article, event.source) == ["Mark Hollis"]
    assert features["loose_actor"] == 0.0


def test_an_actor_of_the_same_paragraph_is_still_loose(coded):
    ((_article, _event, features),) = coded(SAME_PARAGRAPH, "RETREAT")
    assert features["loose_actor"] == 1.0
