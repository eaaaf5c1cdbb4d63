"""False-event classes seen on real news pages (issue 11, second round): press replies, reporters'
questions, procedure in a chamber, predictions read as demands, pronouns in someone's quoted words.

All texts are fictional, written for these tests; each class has a contrast that must stay an event.
"""

from __future__ import annotations

from support.events import actor_names, events_of_type


def test_declining_to_comment_is_no_refusal(analyze_text):
    art = analyze_text("Governor Paul Hart declined to comment on the Lowmarsh report on Monday.")
    assert not events_of_type(art, "REJECT")
    art = analyze_text("Senator Ines Moreau declined to be interviewed for this story.")
    assert not events_of_type(art, "REJECT")


def test_declining_an_invitation_stays_a_refusal(analyze_text):
    art = analyze_text("Korvia declined an invitation from Valdoria to join the talks.")
    assert events_of_type(art, "REJECT")


def test_a_reporters_question_is_no_request(analyze_text):
    art = analyze_text("Asked about the curfew in Lowmarsh, Governor Paul Hart sighed.")
    assert not events_of_type(art, "REQUEST")
    art = analyze_text("Senator Ines Moreau asked whether the Korvian port was closed.")
    assert not events_of_type(art, "REQUEST")


def test_asking_someone_to_act_stays_a_request(analyze_text):
    art = analyze_text("Senator Ines Moreau asked Governor Paul Hart to resign.")
    (ev,) = events_of_type(art, "REQUEST")
    assert actor_names(art, ev.source) == ["Ines Moreau"] and actor_names(art, ev.target) == ["Paul Hart"]


def test_tabling_an_amendment_is_no_pledge(analyze_text):
    art = analyze_text("Senator Ines Moreau proposed an amendment to the Korvian trade bill on Tuesday.")
    assert not events_of_type(art, "AGREE")


def test_proposing_talks_stays_a_pledge(analyze_text):
    art = analyze_text("Korvia proposed talks with Valdoria on Tuesday.")
    assert events_of_type(art, "AGREE") or events_of_type(art, "CONSULT")


def test_a_prediction_is_no_demand(analyze_text):
    art = analyze_text("Minister Paul Hart said Valdoria would have to look at new laws on fraud.")
    assert not events_of_type(art, "REQUEST")


def test_must_stays_a_demand(analyze_text):
    art = analyze_text("Minister Paul Hart said Valdoria must look at new laws on fraud.")
    (ev,) = events_of_type(art, "REQUEST")
    assert actor_names(art, ev.source) == ["Paul Hart"] and actor_names(art, ev.target) == ["Valdoria"]


def test_a_pronoun_in_quoted_words_names_no_actor(analyze_text):
    # the speaker's "she" is someone of her conversation; the article's last woman is a guess
    art = analyze_text(
        "Senator Ines Moreau won the vote in Lowmarsh. Residents were divided.\n\n"
        "“It wasn’t that she endorsed Governor Paul Hart, it was the way she did it,” Tomas Revilla said."
    )
    for ev in events_of_type(art, "SUPPORT"):
        assert "Ines Moreau" not in actor_names(art, ev.source)


def test_a_newspapers_investigation_is_reporting(analyze_text):
    art = analyze_text(
        "Hospitals in Lowmarsh are empty, according to an investigation by the Lowmarsh Gazette."
        " The Valdoria Herald investigated the contracts."
    )
    assert not [e for e in art.events if e.mode == "investigate"]


def test_an_inquiry_by_the_authorities_stays_an_event(analyze_text):
    art = analyze_text("Police in Korvia are investigating Senator Ines Moreau.")
    (ev,) = [e for e in art.events if e.mode == "investigate"]
    assert actor_names(art, ev.target) == ["Ines Moreau"]
