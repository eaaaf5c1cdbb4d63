"""Event classes found on articles written for the eighth round (docs/failure-classes.md, "Events and dates")."""

from __future__ import annotations

import pytest


def _threats(article):
    return [(e.trigger.text, e.mode) for e in article.events if e.type == "THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Workers Union threatened strike action over pay on Monday.",
        "The Harbour Workers Union threatened industrial action over pay on Monday.",
        "The Harbour Workers Union threatened to picket the depot over pay on Monday.",
        "The Harbour Workers Union threatened a walkout over pay on Monday.",
        # review of the eighth round: the labour forms of the noun "strike"
        "The Harbour Workers Union threatened a general strike over pay on Monday.",
        "The Harbour Workers Union threatened a 48-hour strike over pay on Monday.",
        "The port authority threatened a strike by dock workers over pay on Monday.",
    ],
)
def test_a_threatened_strike_is_no_threat_of_violence(analyze_text, text):
    # a strike is a protest: the threat restricts, it does not threaten force
    assert _threats(analyze_text(text)) == [("threatened", "restrict")]


def test_a_threat_of_force_stays_violence(analyze_text):
    article = analyze_text("The rebel commander Oren Vask threatened military action against Calderon on Monday.")
    assert _threats(article) == [("threatened", "violence")]
    article = analyze_text("The rebel commander Oren Vask threatened to attack the convoy on Monday.")
    assert _threats(article) == [("threatened", "violence")]
    # "to strike" a place is force; the verb alone cannot tell it from a walkout, so it stays violence
    article = analyze_text("The rebel commander Oren Vask threatened to strike the airbase at Morrow on Monday.")
    assert _threats(article) == [("threatened", "violence")]


def test_a_dateline_with_country_and_date_gives_no_actor(analyze_text):
    # "TOWN, Country, Month Day —" is a dateline like "TOWN, Month Day —": its town is where the story was filed,
    # not who acted, and the event's date is the sentence's own "Monday", not the dateline's
    article = analyze_text(
        "Morvania expels envoys\n\nMERIDA, Morvania, June 17 — Morvania expelled four Caldonian diplomats on Monday.",
        published="2025-06-20",
    )
    (expel,) = [e for e in article.events if e.trigger.text == "expelled"]
    assert [article.entity(s).name for s in expel.source] == ["Morvania"]
    assert expel.date == "2025-06-16"


def test_dateline_place_reads_a_date_after_the_country():
    from newsgraph.model.dateline import dateline_place

    assert dateline_place("MERIDA, Morvania, June 17 — Morvania expelled four diplomats.") == "MERIDA, Morvania"
    assert dateline_place("MERIDA, Oct. 12 — Morvania expelled four diplomats.") == "MERIDA"
    assert dateline_place("MERIDA, Morvania, and Lusk — a sentence, not a dateline.") is None


@pytest.mark.parametrize("between", ["", " accusing them of spying,"])
def test_an_act_told_as_the_time_of_another_takes_not_its_date(analyze_text, between):
    # "X on Tuesday, one day after Y imposed ...": Tuesday is X's day; Y's is the day before, which the text
    # gives only by counting back, so Y has no date rather than a wrong one (the parser may make the "after"
    # clause a conjunct of X's: its "after" still subordinates it)
    article = analyze_text(
        f"Morvania expelled four Caldonian diplomats on Tuesday,{between} one day after the Northern Union imposed "
        "sanctions on Morvanian banks.",
        published="2025-06-18",
    )
    dated = {e.trigger.text: e.date for e in article.events}
    assert dated.get("expelled") == "2025-06-17"
    assert "imposed" in dated and dated["imposed"] is None


def _actor_names(article, trigger):
    (event,) = [e for e in article.events if e.trigger.text == trigger]
    return sorted(article.entity(i).name for i in event.source + event.target)


def test_a_former_officer_named_in_apposition_acts_for_herself(analyze_text):
    # "X's former finance director, Name": she no longer speaks for X; the name is the actor, as subject or object
    article = analyze_text(
        "Minister Hal Corwin met Dravo Mining's former finance director, Lise Annand, in Port Selby on Monday."
    )
    assert _actor_names(article, "met") == ["Hal Corwin", "Lise Annand"]
    article = analyze_text(
        "Dravo Mining's former finance director, Lise Annand, criticised Minister Hal Corwin on Monday."
    )
    assert _actor_names(article, "criticised") == ["Hal Corwin", "Lise Annand"]


def test_a_serving_minister_in_apposition_keeps_her_country(analyze_text):
    # a serving officer of a country is coded by the country (PLOVER actors), in object as in subject
    article = analyze_text("Minister Hal Corwin met Morvania's foreign minister, Ana Brel, in Port Selby on Monday.")
    assert _actor_names(article, "met") == ["Hal Corwin", "Morvania"]


@pytest.mark.parametrize(
    "text",
    [
        "The Corvane navy threatened military strikes against Talmoria on Monday.",
        "Talmoria threatened air strikes on rebel positions in Ostra on Monday.",
        "General Pell threatened a strike on the Talmorian missile base on Monday.",
    ],
)
def test_a_threatened_military_strike_stays_violence(analyze_text, text):
    # review of the eighth round: the noun "strike" of force is no walkout; only its labour forms restrict
    assert _threats(analyze_text(text)) == [("threatened", "violence")]
