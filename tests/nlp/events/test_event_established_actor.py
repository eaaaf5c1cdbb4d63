"""A passive law-enforcement act with no agent in its sentence ("X was detained at the border") is done by the
article's one law-enforcement organisation, named in another sentence; a passive vote by the chamber the
article (or the sentence) names. The event says its source came from the context (``source_context``).

All texts are fictional, written for these tests.
"""

from __future__ import annotations

from newsgraph.nlp.events.confidence import FEATURES
from support.events import actor_names, events_of_type


def test_a_passive_arrest_takes_the_article_s_police_force(analyze_text):
    art = analyze_text(
        "Governor Alan Dorsey of Ruritania was detained at a border crossing late on Friday.\n\n"
        "The Ruritanian National Police Service said the operation had taken months."
    )
    ev = events_of_type(art, "COERCE")[0]
    assert actor_names(art, ev.target) == ["Alan Dorsey"]
    assert actor_names(art, ev.source) == ["Ruritanian National Police Service"]


def test_two_law_enforcement_bodies_leave_the_arrest_without_a_source(analyze_text):
    art = analyze_text(
        "Governor Alan Dorsey of Ruritania was detained at a border crossing late on Friday.\n\n"
        "The Ruritanian National Police Service and the Valdorian Drug Enforcement Bureau worked together."
    )
    ev = events_of_type(art, "COERCE")[0]
    assert ev.source == []


def test_an_arrest_with_its_own_agent_keeps_it(analyze_text):
    art = analyze_text(
        "Governor Alan Dorsey of Ruritania was arrested by the Valdorian Army on Monday.\n\n"
        "The Ruritanian National Police Service was not involved."
    )
    ev = events_of_type(art, "COERCE")[0]
    assert actor_names(art, ev.source) == ["Valdorian Army"]


def test_an_active_arrest_is_not_given_the_police(analyze_text):
    # "Rebels detained X": the subject acts, whatever police the article names
    art = analyze_text(
        "The Ruritanian National Police Service searched the port on Monday.\n\n"
        "Valdorian rebels detained Governor Alan Dorsey near the border."
    )
    ev = events_of_type(art, "COERCE")[-1]
    assert "Ruritanian National Police Service" not in actor_names(art, ev.source)


def test_a_passive_vote_takes_the_chamber_of_the_sentence(analyze_text):
    art = analyze_text("Because Senator Maria Ellwood's proposal was rejected, the Senate adjourned early on Thursday.")
    ev = next(e for e in events_of_type(art, "REJECT") if e.trigger.text == "rejected")
    assert actor_names(art, ev.source) == ["Senate"]
    assert actor_names(art, ev.target) == ["Maria Ellwood"]


def test_the_context_feature_is_known_to_the_model():
    assert "source_context" in FEATURES


def test_the_chamber_of_the_governing_clause_beats_another_in_the_sentence(analyze_text):
    art = analyze_text(
        "Because Senator Maria Ellwood's proposal was rejected, the Senate asked the government to report "
        "to Parliament within six months."
    )
    ev = next(e for e in events_of_type(art, "REJECT") if e.trigger.text == "rejected")
    assert actor_names(art, ev.source) == ["Senate"]
