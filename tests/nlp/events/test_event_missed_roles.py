"""Events the coder missed or turned round (issue 11): a possessor that does the act to an "of" object,
a light verb with a stance noun ("voiced his support for", "reiterated his regret").

All texts are fictional, written for these tests.
"""

from __future__ import annotations

from support.events import actor_names, events_of_type


def test_a_possessor_with_an_of_object_does_the_arrest(analyze_text):
    # "Valdoria's arrest of X": Valdoria arrests, X is arrested (not "the governor's arrest")
    art = analyze_text("Valdoria's arrest of Alan Dorsey drew protests from his party.")
    ev = events_of_type(art, "COERCE")[0]
    assert actor_names(art, ev.source) == ["Valdoria"]
    assert actor_names(art, ev.target) == ["Alan Dorsey"]


def test_the_possessor_of_an_arrest_without_an_object_is_still_arrested(analyze_text):
    art = analyze_text("Police in Valdoria confirmed Governor Marta Quintel's arrest on Monday.")
    ev = events_of_type(art, "COERCE")[0]
    assert "Marta Quintel" in actor_names(art, ev.target)


def test_voicing_support_is_support(analyze_text):
    art = analyze_text("Premier Alan Dorsey has voiced his support for the government of Ruritania.")
    ev = events_of_type(art, "SUPPORT")[0]
    assert actor_names(art, ev.source) == ["Alan Dorsey"]
    assert actor_names(art, ev.target) == ["Ruritania"]


def test_voicing_concern_is_disapproval(analyze_text):
    art = analyze_text("Senator Maria Ellwood voiced concern over Ruritania's treatment of refugees.")
    ev = events_of_type(art, "ACCUSE")[0]
    assert actor_names(art, ev.source) == ["Maria Ellwood"]


def test_reiterating_regret_is_a_concession(analyze_text):
    art = analyze_text("Premier Alan Dorsey reiterated his regret over the raids on the opposition's offices.")
    ev = events_of_type(art, "CONCEDE")[0]
    assert actor_names(art, ev.source) == ["Alan Dorsey"]


def test_a_bombed_building_is_the_target_of_the_verb(analyze_text):
    # a building is no actor, but what an attack hits is its target (as for "the hospital was damaged by airstrikes")
    art = analyze_text("Russian jets bombed the Marlow Hospital on Friday.")
    ev = events_of_type(art, "ASSAULT")[0]
    assert actor_names(art, ev.target) == ["Marlow Hospital"]


def test_a_building_hit_in_the_passive_is_the_target(analyze_text):
    art = analyze_text("The Marlow Hospital was shelled by Russian forces on Friday.")
    ev = events_of_type(art, "ASSAULT")[0]
    assert actor_names(art, ev.target) == ["Marlow Hospital"]


def test_an_attack_that_struck_a_building_is_one_event(analyze_text):
    # "an attack struck X": the verb of hitting tells what the attack hit, it is not a second attack
    art = analyze_text("A Russian attack struck the third floor of the Marlow Hospital on Friday.")
    assaults = events_of_type(art, "ASSAULT")
    assert len(assaults) == 1
    assert actor_names(art, assaults[0].target) == ["Marlow Hospital"]


def test_a_building_struck_by_no_one_makes_no_attack(analyze_text):
    # an accident: a car that struck a building has no attacker, so the building makes no target
    art = analyze_text("A speeding car struck the Marlow Hospital on Friday, police said.")
    for ev in events_of_type(art, "ASSAULT"):
        assert "Marlow Hospital" not in actor_names(art, ev.target)


def test_the_accused_not_the_accuser_does_the_act_of_the_accusation(analyze_text):
    # "X accused Y of crossing ... and wounding Z": Y wounds; X only accuses
    art = analyze_text(
        "Foreign Minister Ana Ruiz accused Ruritanian troops of crossing the border and wounding two guards."
    )
    accuse = events_of_type(art, "ACCUSE")[0]
    assert actor_names(art, accuse.source) == ["Ana Ruiz"]
    assault = events_of_type(art, "ASSAULT")
    assert assault and all("Ana Ruiz" not in actor_names(art, ev.source) for ev in assault)


def test_the_thanked_does_the_act_they_are_thanked_for(analyze_text):
    # "X thanked Y for sending aid": Y sent it
    art = analyze_text("President Alan Dorsey thanked Norway for sending food aid to the flooded provinces.")
    aid = events_of_type(art, "AID")
    assert aid and all(actor_names(art, ev.source) == ["Norway"] for ev in aid)
