"""Rows shown at the default threshold that were no event or had the wrong actor (issue 11): "a
demonstration of how ..." is a display, not a protest; a passive verb without an agent ("resulting in
X's amendment being rejected") does not take the subject of the clause it hangs on.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

from support.events import actor_names


def test_a_demonstration_of_something_is_no_protest(analyze_text):
    art = analyze_text(
        "Senator Maria Ellwood's visit to the plant gave workers a practical demonstration of the new safety rules."
    )
    assert not [e for e in art.events if e.trigger.text == "demonstration"]


def test_a_demonstration_against_something_is_a_protest(analyze_text):
    art = analyze_text("Thousands of farmers joined a demonstration against the new tax in Valletta on Monday.")
    assert [e.type for e in art.events if e.trigger.text == "demonstration"] == ["PROTEST"]


def test_a_passive_without_agent_takes_no_subject_from_its_governing_clause(analyze_text):
    art = analyze_text("Speaker Maria Ellwood cast the deciding vote, resulting in the Avery amendment being rejected.")
    rejected = [e for e in art.events if e.trigger.text == "rejected"]
    assert all("Maria Ellwood" not in actor_names(art, e.source) for e in rejected)


def test_a_passive_participle_of_a_possessed_noun_is_not_done_by_the_possessor(analyze_text):
    # "Avery's proposal being rejected": Avery's proposal is what was rejected, Avery did not reject it
    art = analyze_text(
        "Twelve members backed the plan. Ellwood then switched sides, resulting in Avery's proposal being rejected."
    )
    rejected = [e for e in art.events if e.trigger.text == "rejected"]
    assert all("Avery" not in actor_names(art, e.source) for e in rejected)


def test_a_person_warning_that_it_will_get_worse_threatens_nobody(analyze_text):
    # "it" is not the person who warns: a forecast, not a threat of the warner's own action
    art = analyze_text("Minister Alan Dorsey warned that it is going to get worse across the region.")
    assert not [e for e in art.events if e.type == "THREATEN"]


def test_a_state_warning_that_it_will_act_still_threatens(analyze_text):
    art = analyze_text("Hungary warned that it would close the border with Austria.")
    assert [e.type for e in art.events if e.trigger.text == "warned"] == ["THREATEN"]


def test_a_person_warning_of_his_own_act_still_threatens(analyze_text):
    art = analyze_text("Minister Alan Dorsey warned that he would close the border with Valdoria.")
    assert [e.type for e in art.events if e.trigger.text == "warned"] == ["THREATEN"]
