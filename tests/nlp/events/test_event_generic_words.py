"""Generic verbs of giving and doing ("offer", "propose", "undertake", "work") make an agreement or a
cooperation only when what is offered is a political commitment, a clause promises an act, or a counterpart
is named (issue 11, event calibration): "offered an explanation" and "working with consultants" are no
events; "offered a ceasefire to the rebels" and "worked with Y" are.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph import analyze


def _events(text: str, kind: str):
    article = analyze(text)
    names = {e.id: e.name for e in article.entities}
    return [
        (e, [names.get(i, i) for i in e.source], [names.get(i, i) for i in e.target])
        for e in article.events
        if e.type == kind
    ]


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "The Harbour Authority of Valdoria is working with outside consultants to restore the ferry timetable.",
            "COOPERATE",
        ),
        ("Councillor Priya Danford proposed a date for the next budget hearing in Ruritania.", "AGREE"),
        ("Mayor Tobias Renwick offered an explanation for the delay to the Kestrel Bridge works.", "AGREE"),
        ("Senator Ilse Varga proposed that the Ministry of Finance publish its accounts within a year.", "AGREE"),
        ("The reforms undertaken by the Ministry of Labour of Valdoria cut waiting times at the ports.", "AGREE"),
        ("Governor Ruth Okafor has offered no public endorsement in the Ruritanian race.", "AGREE"),
    ],
)
def test_a_generic_verb_without_commitment_or_counterpart_is_no_event(text, kind):
    assert _events(text, kind) == []


def test_an_offered_ceasefire_is_an_agreement_without_a_named_counterpart():
    events = _events("The Chilean government offered a ceasefire to the rebels in the north.", "AGREE")
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
    assert _events(text, "AGREE") == [] and _events(text, "AID") == []


def test_information_provided_to_a_named_state_is_aid():
    events = _events("Chile provided information to Peru on the smuggling routes through the Andes.", "AID")
    assert events and events[0][1] == ["Chile"] and events[0][2] == ["Peru"]
