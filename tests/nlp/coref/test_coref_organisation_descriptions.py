"""Organisations named by description (issue 11): "the company", "the union", "the ministry", "the party",
"the club" resolve to the one organisation the article names before them that fits the noun -- by a word
of its name or by its kind -- and to none when two fit equally.  Sentences written here."""

from __future__ import annotations

import pytest

from support.coref import references


def test_the_company_is_the_one_business_named_not_a_later_government_body(nlp):
    refs = references(
        nlp,
        "Harbour Foods Ltd opened two shops in Brayton on Monday, with help from the Ministry of Transport. "
        "The company said sales had risen by a tenth.",
        last=True,
    )
    assert refs.get("company") == "Harbour Foods Ltd"


def test_a_kind_of_business_resolves_to_the_business_named(nlp):
    refs = references(
        nlp,
        "Harbour Foods Ltd opened two shops in Brayton on Monday. The retailer said sales had risen by a tenth.",
        last=True,
    )
    assert refs.get("retailer") == "Harbour Foods Ltd"


def test_the_union_is_the_organisation_whose_name_holds_the_word(nlp):
    refs = references(
        nlp,
        "The Allied Dockworkers Union rejected an offer from Harbour Foods Ltd on Friday. "
        "The union said the offer was too low.",
        last=True,
    )
    assert refs.get("union") == "Allied Dockworkers Union"


def test_the_club_is_the_sports_club_named_not_a_company(nlp):
    refs = references(
        nlp,
        "Larkspur Rovers signed a shirt deal with Harbour Foods Ltd on Saturday. "
        "The club said the deal would run for three seasons.",
        last=True,
    )
    assert refs.get("club") == "Larkspur Rovers"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # two companies named: which one said it?
        (
            "Harbour Foods Ltd and Quillan Grain Corp both cut prices in Brayton on Monday. "
            "The company said costs had fallen.",
            "company",
        ),
        # two parties named
        (
            "The Dunmere Reform Party and the Ashcombe Farmers Party met in Brayton on Monday. "
            "The party said it would vote against the bill.",
            "party",
        ),
        # two ministries whose names hold the word
        (
            "The Ministry of Transport and the Ministry of Fisheries met in Brayton on Monday. "
            "The ministry said the talks went well.",
            "ministry",
        ),
        # another company than the one named; companies in the plural
        ("Harbour Foods Ltd cut prices in Brayton on Monday. The other company said costs had fallen.", "company"),
        ("Harbour Foods Ltd cut prices in Brayton on Monday. The companies said costs had fallen.", "companies"),
        # "the company" before any company is named
        ("The company said sales had risen. Later Harbour Foods Ltd opened a shop in Brayton.", "company"),
        # the article names a ministry of another country only
        (
            "The Norwegian Ministry of Fisheries published new quotas on Monday. "
            "The Danish ministry said the quotas were too high.",
            "ministry",
        ),
    ],
)
def test_an_organisation_description_with_no_single_fitting_organisation_resolves_to_none(nlp, text, noun):
    assert references(nlp, text, last=True).get(noun) is None


def test_it_after_a_resolved_description_stands_for_the_same_organisation(nlp):
    refs = references(
        nlp,
        "Harbour Foods Ltd opened two shops in Brayton on Monday, with help from the Ministry of Transport. "
        "The company said sales had risen by a tenth. It said more shops would follow in the spring.",
        last=True,
    )
    assert refs.get("company") == refs.get("It") == "Harbour Foods Ltd"


# Review of the seventh round (REVIEW8 items 1-2): a name that tells no kind ("Tesla", "Ryanair") fits only
# a business-like description, and it fits it as well as a name that says "Ltd" does.
@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Tesla recalled 3,000 cars in Sweden on Tuesday. The ministry said the recall was voluntary.", "ministry"),
        ("Ryanair dropped 30 flights on Sunday. The regulator said the airline had broken the rules.", "regulator"),
        ("Ryanair dropped 30 flights on Sunday. The authority said the airline had broken the rules.", "authority"),
        ("Tesla raised its prices again this month. The fire department said the blaze began at 4am.", "department"),
        ("Tesla raised its prices again this month. The office said the deal would be signed on Friday.", "office"),
        ("Ann Lee worked for Microsoft for ten years. The team said the launch would slip to May.", "team"),
        ("Google hosted a dinner for its engineers in Dublin. The party ended at midnight.", "party"),
        ("Google opened an office in Kyiv last year. The office was shelled by artillery on Tuesday.", "office"),
        # a name with a business word and a name with none fit "the company" equally: neither
        ("Harbour Foods Ltd and Unilever cut prices on Monday. The company said costs had fallen.", "company"),
        ("Acme Corp and Unilever signed a deal on Monday. The company said the deal would close in June.", "company"),
    ],
)
def test_a_name_that_tells_no_kind_fits_no_body_club_party_or_place(nlp, text, noun):
    assert references(nlp, text, last=True).get(noun) is None


@pytest.mark.parametrize(
    ("text", "noun", "name"),
    [
        ("Ryanair dropped 30 flights on Sunday. The company said the strike was to blame.", "company", "Ryanair"),
        ("Ryanair dropped 30 flights on Sunday. The airline said the strike was to blame.", "airline", "Ryanair"),
        ("Tesla recalled 3,000 cars in Sweden on Tuesday. The firm said the recall was voluntary.", "firm", "Tesla"),
    ],
)
def test_a_name_that_tells_no_kind_still_fits_a_business_description(nlp, text, noun, name):
    assert references(nlp, text, last=True).get(noun) == name
