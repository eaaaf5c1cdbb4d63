"""Speakers linked (issue 11): a description whose title two people carry is narrowed by its modifier
("the City manager" when one manager is of Rovers and the other of City); sentences written here."""

from __future__ import annotations

from support.quotes import speaker_of


def test_a_modifier_picks_the_one_person_whose_title_it_introduced(analyze_text):
    article = analyze_text(
        "Rovers manager Carl Denton and City manager Jane Ruiz shook hands before the final on Sunday. "
        "The City manager argued that the pitch was too wet."
    )
    assert speaker_of(article, "that the pitch was too wet") == "Jane Ruiz"


def test_a_title_two_people_carry_with_the_same_modifier_still_resolves_to_neither(analyze_text):
    article = analyze_text(
        "City manager Carl Denton and City manager Jane Ruiz shook hands before the final on Sunday. "
        "The City manager argued that the pitch was too wet."
    )
    assert speaker_of(article, "that the pitch was too wet") is None


def test_a_bare_title_two_people_carry_still_resolves_to_neither(analyze_text):
    article = analyze_text(
        "Rovers manager Carl Denton and City manager Jane Ruiz shook hands before the final on Sunday. "
        "The manager argued that the pitch was too wet."
    )
    assert speaker_of(article, "that the pitch was too wet") is None
