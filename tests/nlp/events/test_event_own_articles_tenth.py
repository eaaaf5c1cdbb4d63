"""Event classes found on articles written for the tenth round (docs/failure-classes.md, "Tenth round", "Events")."""

from __future__ import annotations

import pytest

from support.events import actor_names, events_of_type


def _rejections(article):
    return [(e.trigger.text, actor_names(article, e.target)) for e in events_of_type(article, "REJECT")]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a chamber named by a common noun votes like "lawmakers" do: the motion's mover receives it
        ("The district council rejected a motion tabled by Councillor Ottilie Farrand over the weekend.", "rejected"),
        # "voted down" is a rejection of a motion or bill
        ("The regional assembly voted down a motion brought by Councillor Ottilie Farrand over the weekend.", "voted"),
        # the mover in a relative clause: "a motion that X had tabled"
        ("The district council rejected a budget plan that Councillor Ottilie Farrand had drafted.", "rejected"),
    ],
)
def test_a_chamber_rejecting_a_motion_targets_its_mover(analyze_text, text, trigger):
    assert _rejections(analyze_text(text)) == [(trigger, ["Ottilie Farrand"])]


def test_voting_down_a_bill_tabled_by_a_government_targets_the_government(analyze_text):
    article = analyze_text("Deputies in the lower house voted down a bill tabled by the government of Peru.")
    assert _rejections(article) == [("voted", ["Peru"])]


def test_a_vote_that_is_no_rejection_gives_none(analyze_text):
    # voting on, for or in a motion is no rejection; nor is a motion voted down in someone's words alone
    assert not _rejections(analyze_text("The district council voted on a motion tabled by Councillor Ottilie Farrand."))
    assert not _rejections(analyze_text("Councillor Ottilie Farrand voted for the budget plan over the weekend."))


def test_a_relative_clause_that_only_judges_names_no_mover(analyze_text):
    # only who tabled, drafted or brought the motion receives the rejection, not who welcomed it
    article = analyze_text("The district council rejected a budget plan that Councillor Ottilie Farrand had welcomed.")
    assert all("Ottilie Farrand" not in targets for _trigger, targets in _rejections(article))


def test_a_threat_to_close_a_border_restricts(analyze_text):
    article = analyze_text("Armenia threatened to close its road crossing with Georgia to lorries on Sunday.")
    assert [(e.trigger.text, e.mode) for e in events_of_type(article, "THREATEN")] == [("threatened", "restrict")]


def test_signing_a_bill_into_law_is_no_support(analyze_text):
    # a head of state enacting a law is no act towards another actor; signing a treaty still is
    article = analyze_text("President Sofia Marklund signed the fuel subsidy bill into law on Friday.")
    assert not events_of_type(article, "SUPPORT") and not events_of_type(article, "AGREE")
    article = analyze_text("Peru and Chile signed a fisheries accord in Lima on Friday.")
    assert events_of_type(article, "SUPPORT") + events_of_type(article, "AGREE")


def test_a_treaty_signed_into_force_is_still_support(analyze_text):
    # review 12: only a law, a bill or the like signed "into" law is no event
    article = analyze_text("Ghana signed into force a border treaty with Togo on Monday.")
    assert [e.type for e in article.events] == ["SUPPORT"]


def test_a_plural_pronoun_is_never_one_person(analyze_text):
    # "they" told of the police, which coreference gave to the one man named before: he was made the
    # detainer of himself. A plural pronoun names no single person; the man, as "him", is still the target
    article = analyze_text(
        "Marek Tolland, the deputy mayor of Lisbon, was arrested on Sunday. "
        "Police said they had detained him at a friend's flat near the quay."
    )
    coerced = events_of_type(article, "COERCE")
    assert coerced and all("Marek Tolland" not in actor_names(article, e.source) for e in coerced)
    assert any("Marek Tolland" in actor_names(article, e.target) for e in coerced)


def test_a_plural_pronoun_still_names_an_organisation(analyze_text):
    article = analyze_text(
        "The Harbour Workers Union met port managers on Monday. They rejected the new rota after the meeting."
    )
    assert [actor_names(article, e.source) for e in events_of_type(article, "REJECT")] == [["Harbour Workers Union"]]


def test_the_name_in_apposition_beats_the_title_s_earlier_holder(analyze_text):
    # coreference read "the new mayor" as the former mayor named before; the name beside it says who it is
    article = analyze_text(
        "Former mayor Anselm Grieve was jailed for fraud on Tuesday. "
        "The new mayor, Elise Brandvold, apologised to the town's residents on Wednesday."
    )
    assert [actor_names(article, e.source) for e in events_of_type(article, "CONCEDE")] == [["Elise Brandvold"]]


def _read_as_text(nlp, text):
    """The path a plain-text file takes (the reader's paragraphs), not the bare evaluation document."""
    from newsgraph.nlp.pipeline import analyze_document
    from newsgraph.readers.base import ReadOptions, document_from_text

    return analyze_document(nlp, document_from_text(text, path=None, fmt="text", options=ReadOptions()))


_BODY = (
    "\n\nThe court gave its reasons on Monday.\n\nIt said an appeal would be heard next week in the "
    "capital, after a delay of some months."
)


@pytest.mark.parametrize(
    "headline",
    ["Anselm Grieve jailed for six years over harbour bribes", "Harbour chief Anselm Grieve arrested in Lisbon"],
)
def test_a_headline_s_bare_participle_is_done_to_its_subject(nlp, headline):
    # the headline check of the round (a guard: passes at the round's start): the reader makes a short first
    # line without a full stop the title, where "X jailed" is done to X
    article = _read_as_text(nlp, headline + _BODY)
    coerced = events_of_type(article, "COERCE")
    assert coerced and all("Anselm Grieve" not in actor_names(article, e.source) for e in coerced)
    assert any("Anselm Grieve" in actor_names(article, e.target) for e in coerced)
