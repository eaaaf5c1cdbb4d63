"""Events a reader can trust (issue 11): roles, negation, bylines, actorless rows, confidence.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

from newsgraph import MIN_CONFIDENCE
from support.events import actor_names, events_of_type


def test_a_conjoined_verb_shares_the_negation(analyze_text):
    # "never robbed or killed": the negation governs both verbs
    art = analyze_text("His mother said Tomas Revilla never robbed or killed anyone in Port Salinas.")
    assaults = events_of_type(art, "ASSAULT")
    assert assaults and all(e.modality == "negated" for e in assaults)


def test_the_possessor_of_an_arrest_is_its_target(analyze_text):
    # "the governor's arrest": the governor is arrested, not the arrester
    art = analyze_text("Police in Valdoria confirmed Governor Marta Quintel's arrest on Monday.")
    ev = events_of_type(art, "COERCE")[0]
    assert "Marta Quintel" in actor_names(art, ev.target)
    assert "Marta Quintel" not in actor_names(art, ev.source)


def test_the_possessor_of_an_invasion_stays_its_source(analyze_text):
    art = analyze_text("Brazil's invasion of Paraguay began at dawn.")
    ev = events_of_type(art, "ASSAULT")[0]
    assert actor_names(art, ev.source) == ["Brazil"] and actor_names(art, ev.target) == ["Paraguay"]


def test_the_antecedent_of_who_is_the_subject(analyze_text):
    art = analyze_text(
        "Senator Dana Whitcombe, who resigned from the Liberal Party last week, will run as an independent."
    )
    ev = events_of_type(art, "RETREAT")[0]
    assert "Dana Whitcombe" in actor_names(art, ev.source)
    assert "Dana Whitcombe" not in actor_names(art, ev.target)


def test_a_byline_is_no_actor(analyze_text):
    # the byline paragraph runs into the first sentence when the parser misses the break
    art = analyze_text(
        "Shoppers left waiting\n\nGREGOR MALLOY\n\n"
        "Hundreds of shoppers hoping to beat the weekend crowds at Penrose Markets were left waiting outside."
    )
    assert not events_of_type(art, "ASSAULT")
    for ev in art.events:
        assert "GREGOR MALLOY" not in actor_names(art, ev.source + ev.target)


def test_an_actor_from_another_paragraph_is_no_actor(analyze_text):
    art = analyze_text("ALMA REYES\n\nattacked the convoy near the border crossing yesterday, witnesses said.")
    for ev in art.events:
        assert "ALMA REYES" not in actor_names(art, ev.source + ev.target)


def test_an_event_without_actors_is_hidden_by_default(analyze_text):
    # the same act with its agent is an event; without any actor it is no shown fact
    with_agent = analyze_text("Police in Dunmore arrested three protesters on Monday.")
    assert [ev.type for ev in with_agent.events if ev.source] == ["COERCE"]
    for text in ("Three protesters were arrested on Monday.", "Shelling resumed overnight."):
        shown = [ev for ev in analyze_text(text).events if (ev.confidence or 0) >= MIN_CONFIDENCE]
        assert [ev for ev in shown if not ev.source and not ev.target] == []


def test_a_full_event_is_shown_by_default(analyze_text):
    art = analyze_text("Brazilian troops attacked Paraguay on Monday.")
    ev = events_of_type(art, "ASSAULT")[0]
    assert ev.confidence is not None and ev.confidence >= MIN_CONFIDENCE


def test_every_event_has_a_confidence_between_0_and_1(analyze_text):
    art = analyze_text(
        "Colombia plans to impose sanctions on Venezuela, officials said. "
        "Protesters marched in Bogota. The talks were cancelled."
    )
    assert art.events
    assert all(e.confidence is not None and 0.0 <= e.confidence <= 1.0 for e in art.events)


def test_a_hospital_damaged_by_airstrikes_is_their_target(analyze_text):
    art = analyze_text("The Marlow Hospital was damaged by Ostrovian airstrikes on Friday, the Red Cross said.")
    ev = events_of_type(art, "ASSAULT")[0]
    assert any("Marlow" in n for n in actor_names(art, ev.target))


def test_a_blockade_imposed_on_a_place_targets_it(analyze_text):
    art = analyze_text("The Ostrovian blockade imposed on Velmar has lasted ten years.")
    ev = events_of_type(art, "COERCE")[0]
    assert actor_names(art, ev.target) == ["Velmar"]


def test_a_motion_defeated_in_a_chamber_is_the_chamber_rejecting_it(analyze_text):
    art = analyze_text("A motion brought by Senator Ilse Brandt was defeated in the Senate of Korvia on Tuesday.")
    ev = events_of_type(art, "REJECT")[0]
    assert any("Senate" in n for n in actor_names(art, ev.source))


def test_defeating_a_rival_is_no_rejection(analyze_text):
    art = analyze_text("Senator Ilse Brandt defeated Paul Okafor in the primary on Tuesday.")
    assert not events_of_type(art, "REJECT")


def test_a_headline_reduced_passive_makes_its_subject_the_target(analyze_text):
    art = analyze_text("Senator Ilse Brandt accused of hiding campaign funds\n\nThe story follows.")
    ev = events_of_type(art, "ACCUSE")[0]
    assert "Ilse Brandt" in actor_names(art, ev.target) and "Ilse Brandt" not in actor_names(art, ev.source)


def test_the_one_asked_is_no_requester(analyze_text):
    art = analyze_text("Asked about the closure, Marta Quintel said the border would reopen in May.")
    for ev in events_of_type(art, "REQUEST"):
        assert "Marta Quintel" not in actor_names(art, ev.source)


def test_a_headline_accusation_is_coded_with_its_target(nlp):
    from dataclasses import replace

    from newsgraph.evaluate.common import plain_document
    from newsgraph.nlp.pipeline import analyze_document

    title = "Dana Whitcombe accused of timing retirement to help elect a friend"
    document = plain_document(
        title + "\n\nRepublicans in the district are grumbling that the congressman timed his exit."
    )
    document.paragraphs[0] = replace(document.paragraphs[0], kind="title")
    art = analyze_document(nlp, document)
    ev = events_of_type(art, "ACCUSE")[0]
    assert "Dana Whitcombe" in actor_names(art, ev.target) and not ev.source


def test_a_headline_arrest_has_its_subject_as_target(nlp):
    from newsgraph.nlp.pipeline import analyze_document
    from newsgraph.readers.base import ReadOptions, document_from_text

    title = "Governor Elena Pardo arrested in Miami"
    text = title + "\n\nThe governor of Korvia was held on Friday, her office said."
    document = document_from_text(text, path=None, fmt="text", options=ReadOptions(), title=title)
    assert any(p.kind == "title" for p in document.paragraphs)
    art = analyze_document(nlp, document)
    ev = events_of_type(art, "COERCE")[0]
    assert "Elena Pardo" in actor_names(art, ev.target) and "Elena Pardo" not in actor_names(art, ev.source)


def test_a_described_person_is_the_person_not_the_nationality(analyze_text):
    art = analyze_text(
        "President Tomas Revilla of Korvia arrived in Ostrava on Monday. "
        "The Korvian president praised Mayor Elena Pardo for her help."
    )
    ev = events_of_type(art, "SUPPORT")[0]
    assert actor_names(art, ev.source) == ["Tomas Revilla"]


def test_the_author_of_a_motion_is_who_calls_through_it(analyze_text):
    art = analyze_text(
        "A motion brought by Senator Ilse Brandt calling on the government of Korvia to publish its budget "
        "was debated on Tuesday."
    )
    ev = events_of_type(art, "REQUEST")[0]
    assert actor_names(art, ev.source) == ["Ilse Brandt"]


def test_an_attack_carried_out_by_a_group_is_theirs(analyze_text):
    art = analyze_text("The attack carried out by the Korvian army killed six people in Ostrava on Monday.")
    ev = events_of_type(art, "ASSAULT")[0]
    assert actor_names(art, ev.source) == ["Korvia"] or actor_names(art, ev.source) == ["Korvian"]


def test_who_obtained_a_document_did_not_write_it(analyze_text):
    art = analyze_text("The meeting was set for Monday, according to an invitation obtained by the Korvia Ledger.")
    for ev in art.events:
        assert not any("Ledger" in n for n in actor_names(art, ev.source))
