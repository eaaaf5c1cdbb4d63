"""Generic verbs of giving and doing ("offer", "propose", "undertake", "work") make an agreement or a
cooperation only when what is offered is a political commitment, a clause promises an act, or a counterpart
is named (issue 11, event calibration): "offered an explanation" and "working with consultants" are no
events; "offered a ceasefire to the rebels" and "worked with Y" are.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph import analyze
from newsgraph.nlp.events.actors import ActorIndex
from newsgraph.nlp.events.candidate import Candidate
from newsgraph.nlp.events.dictionary import Entry, Match
from newsgraph.nlp.events.generic import generic_without_commitment


def _events(text: str, kind: str, actor: str | None = None):
    """The events of ``kind`` with their source and target names; ``actor``, when given, must be an entity of
    the article (so that a test expecting no event fails when the actor is not found at all)."""
    article = analyze(text)
    names = {e.id: e.name for e in article.entities}
    if actor is not None:
        assert any(actor in n for n in names.values()), (actor, sorted(names.values()))
    return [
        (e, [names.get(i, i) for i in e.source], [names.get(i, i) for i in e.target])
        for e in article.events
        if e.type == kind
    ]


@pytest.mark.parametrize(
    "text, kind, actor",
    [
        (
            "The Harbour Authority of Valdoria is working with outside consultants to restore the ferry timetable.",
            "COOPERATE",
            "Harbour Authority",
        ),
        ("Councillor Priya Danford proposed a date for the next budget hearing in Ruritania.", "AGREE", "Danford"),
        ("Mayor Tobias Renwick offered an explanation for the delay to the Kestrel Bridge works.", "AGREE", "Renwick"),
        (
            "Senator Ilse Varga proposed that the Ministry of Finance publish its accounts within a year.",
            "AGREE",
            "Varga",
        ),
        (
            "The reforms undertaken by the Ministry of Labour of Valdoria cut waiting times at the ports.",
            "AGREE",
            "Ministry of Labour",
        ),
        ("Governor Ruth Okafor has offered no public endorsement in the Ruritanian race.", "AGREE", "Okafor"),
        # a company's plan or offer is business, not PLOVER's AGREE (only a political actor's plan is)
        ("Kestrel Motors proposed a plan to end the strike at its Valdorian plant.", "AGREE", "Kestrel Motors"),
        ("Brightwater Foods offered its support on Monday after the floods in Ostrel.", "AGREE", "Brightwater Foods"),
    ],
)
def test_a_generic_verb_without_commitment_or_counterpart_is_no_event(text, kind, actor):
    assert _events(text, kind, actor) == []


@pytest.mark.parametrize(
    "text, state",
    [
        ("Norway proposed a plan to end the fighting in the Ruritanian highlands.", "Norway"),
        ("Chile proposed a political solution at the Organization of American States on Monday.", "Chile"),
        ("Germany offered its support on Monday after the floods in the Valdorian delta.", "Germany"),
        ("The Chilean government proposed a new initiative to end the border dispute with Peru.", "Chile"),
    ],
)
def test_a_plan_solution_or_support_offered_by_a_state_is_an_agreement(text, state):
    events = _events(text, "AGREE", state)
    assert events and any(state in s for s in events[0][1]), events


def test_an_offered_ceasefire_is_an_agreement_without_a_named_counterpart():
    events = _events("The Chilean government offered a ceasefire to the rebels in the north.", "AGREE", "Chile")
    assert events and events[0][1]


def test_troops_offered_to_a_named_state_are_an_agreement():
    ((_event, source, target),) = _events("Uruguay offered its engineers to Paraguay after the floods.", "AGREE")
    assert source == ["Uruguay"] and target == ["Paraguay"]


def test_proposed_talks_with_a_named_union_are_an_agreement():
    events = _events("The Ministry of Labour of Valdoria proposed new talks with the Dockworkers Union.", "AGREE")
    assert events
    (_event, source, _target) = events[0]
    assert any("Ministry of Labour" in s for s in source)


def test_an_offer_to_act_is_an_agreement():
    events = _events("Chile offered to withdraw its troops from the Peruvian border.", "AGREE")
    assert events and events[0][1] == ["Chile"]


def test_working_with_a_named_state_is_cooperation():
    events = _events("Uruguay worked with Paraguay to reopen the border crossing.", "COOPERATE")
    assert events and "Uruguay" in events[0][1]


def test_working_with_the_police_is_cooperation():
    events = _events("The Chilean army is working with the police to reopen the highway.", "COOPERATE")
    assert events


def test_a_summit_proposed_by_a_named_state_is_an_agreement():
    events = _events("A summit on river pollution, first proposed by Chile in March, opened in Asuncion.", "AGREE")
    assert events and events[0][1] == ["Chile"]


@pytest.mark.parametrize(
    "text",
    [
        "Inspector Dana Holt said she will provide further information about the warehouse robbery.",
        "Inspector Dana Holt provided further information about the warehouse robbery.",
    ],
)
def test_information_given_to_no_one_is_no_aid_nor_agreement(text):
    assert _events(text, "AGREE", "Dana Holt") == [] and _events(text, "AID", "Dana Holt") == []


def test_information_demanded_from_a_named_state_is_still_a_request():
    # the told-not-given filter is for aid and cooperation only; a demand for information is a REQUEST
    # whatever preposition names the other side
    events = _events("Chile demanded information from Peru about the missing fishermen.", "REQUEST", "Peru")
    assert events and events[0][1] == ["Chile"]


@pytest.mark.parametrize("kind", ["REQUEST", "ACCUSE", "REJECT"])
def test_the_told_noun_filter_leaves_other_types_alone(nlp, kind):
    # a dictionary row of another type whose object is "information" (none ships today) keeps its event,
    # though its other side is named in a "from" phrase, which is no aid counterpart
    doc = nlp("Chile demanded information from Peru about the missing fishermen.")
    verb = next(t for t in doc if t.lemma_ == "demand")
    information = next(t for t in doc if t.lower_ == "information")
    match = Match(Entry("demand", "V", (), kind, None, 0), information)
    assert not generic_without_commitment(Candidate(verb, kind, None), match, ActorIndex(doc))
    aid = Match(Entry("provide", "V", (), "AID", None, 0), information)
    assert generic_without_commitment(Candidate(verb, "AID", None), aid, ActorIndex(doc))  # the filter still works


def test_information_provided_to_a_named_state_is_aid():
    events = _events("Chile provided information to Peru on the smuggling routes through the Andes.", "AID")
    assert events and events[0][1] == ["Chile"] and events[0][2] == ["Peru"]
