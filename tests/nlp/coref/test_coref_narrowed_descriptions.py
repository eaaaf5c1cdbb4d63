"""Speakers linked (issue 11): a description whose title two people carry is narrowed by its modifier
("the Liberal nominee" when one nominee is Liberal and the other Labour); sentences written here."""

from __future__ import annotations

from support.quotes import speaker_of


def test_a_modifier_picks_the_one_person_whose_title_it_introduced(analyze_text):
    article = analyze_text(
        "Liberal nominee Carl Denton and Labour nominee Jane Ruiz met in Ohio on Monday. "
        "The Liberal nominee argued that taxes were too high."
    )
    assert speaker_of(article, "that taxes were too high") == "Carl Denton"


def test_a_title_two_people_carry_with_the_same_modifier_still_resolves_to_neither(analyze_text):
    article = analyze_text(
        "Liberal senator Carl Denton and Liberal senator Jane Ruiz met in Ohio on Monday. "
        "The Liberal senator argued that taxes were too high."
    )
    assert speaker_of(article, "that taxes were too high") is None


def test_a_bare_title_two_people_carry_still_resolves_to_neither(analyze_text):
    article = analyze_text(
        "Liberal nominee Carl Denton and Labour nominee Jane Ruiz met in Ohio on Monday. "
        "The nominee argued that taxes were too high."
    )
    assert speaker_of(article, "that taxes were too high") is None
