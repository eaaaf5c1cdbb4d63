"""Organisations named by description (issue 11): "the company said" is said by the company the article
names, through coreference; with two companies named it is said by neither.  Sentences written here."""

from __future__ import annotations

from newsgraph import MIN_CONFIDENCE
from support.quotes import quote_with, speaker_of


def test_the_company_said_is_said_by_the_company_named(analyze_text):
    article = analyze_text(
        "Harbour Foods Ltd opened two shops in Brayton on Monday, with help from the Ministry of Transport. "
        "“We have never sold more bread,” the company said."
    )
    assert speaker_of(article, "never sold more bread") == "Harbour Foods Ltd"
    assert quote_with(article, "never sold more bread").confidence >= MIN_CONFIDENCE


def test_the_club_confirmed_is_said_by_the_club_named(analyze_text):
    article = analyze_text(
        "Larkspur Rovers signed a shirt deal with Harbour Foods Ltd on Saturday. "
        "The club confirmed that the deal would run for three seasons."
    )
    assert speaker_of(article, "the deal would run for three seasons") == "Larkspur Rovers"


def test_the_company_said_with_two_companies_named_has_no_speaker(analyze_text):
    article = analyze_text(
        "Harbour Foods Ltd and Quillan Grain Corp both cut prices in Brayton on Monday. "
        "“Costs have fallen at last,” the company said."
    )
    assert speaker_of(article, "Costs have fallen at last") is None
    assert quote_with(article, "Costs have fallen at last").confidence < MIN_CONFIDENCE
