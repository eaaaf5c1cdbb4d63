"""An event noun's possessive pronoun is bound by the subject of the verb that does it ("Rival candidates
sharpened their attacks": "their" is the candidates, not a place coreference found sentences before), so
the noun takes its actor from its own clause (issue 11, event calibration). A verb that judges the event
("condemned their attacks") does not bind it.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

from newsgraph import analyze


def _events(text: str, kind: str):
    article = analyze(text)
    names = {e.id: e.name for e in article.entities}
    return [
        ([names.get(i, i) for i in e.source], [names.get(i, i) for i in e.target])
        for e in article.events
        if e.type == kind
    ]


def test_a_possessive_pronoun_is_the_clause_subject_not_an_earlier_place():
    text = (
        "The primary in Nevada is set for February. Rival candidates have also sharpened their attacks in recent weeks."
    )
    assert all("Nevada" not in source for source, _target in _events(text, "ASSAULT"))


def test_a_group_subject_owns_its_attacks_and_keeps_their_target():
    text = "Brazil held exercises near Recife on Monday. The rebels intensified their attacks on the border posts of Paraguay."
    events = _events(text, "ASSAULT")
    assert events
    assert all("Brazil" not in source for source, _target in events)
    assert any("Paraguay" in target for _source, target in events)


def test_a_named_subject_owns_its_attacks():
    text = "Peru closed two crossings on Monday. Chile sharpened its attacks on the smuggling gangs of the north."
    events = _events(text, "ASSAULT")
    assert events and events[0][0] == ["Chile"]


def test_a_subject_with_the_same_pronoun_leaves_the_possessor_to_coreference():
    text = "Chilean officials said on Friday that their forces had finished their withdrawal from the Peruvian border."
    events = _events(text, "RETREAT")
    assert events and any("Chilean" in s or "Chile" in s for s in events[0][0])


def test_an_investigation_launched_by_the_police_keeps_its_actor_and_target():
    events = _events("Chilean police launched an investigation into Mayor Tomas Ibarra on Tuesday.", "ACCUSE")
    assert events and events[0][1] == ["Tomas Ibarra"] and events[0][0]
