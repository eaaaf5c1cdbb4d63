"""Entity classes found on articles of our own (issue 11, eighth round; docs/failure-classes.md).

Every name is invented and unknown to the gazetteer, so only the sentence can type it.
"""

from __future__ import annotations


def types_of(nlp, text: str) -> dict[str, str]:
    return {e.name: e.type for e in nlp(text)._.ng_entities}


PLACE_TYPES = ("GPE", "LOC")


def test_the_encircled_town_of_a_name_stays_a_place_in_every_mention(nlp):
    text = (
        "Troops surrounded the encircled town of Kelvaro on Monday. "
        "Kelvaro has been without power for a week. Shells fell on Kelvaro again."
    )
    assert types_of(nlp, text).get("Kelvaro") in PLACE_TYPES


def test_a_company_of_a_town_named_like_a_settlement_phrase_stays_a_company(nlp):
    # guard: an organisation's own head word keeps it a body, whatever precedes it
    found = types_of(nlp, "The mayor of the town of Ostwick praised Ostwick Holdings on Monday.")
    assert found.get("Ostwick Holdings") == "ORG"


def test_residents_in_an_unknown_town_are_in_a_place(nlp):
    assert (
        types_of(nlp, "Residents in Brackholm said the water had been cut for three days.").get("Brackholm")
        in PLACE_TYPES
    )


def test_a_border_crossing_at_an_unknown_town_is_at_a_place(nlp):
    found = types_of(nlp, "The ministry closed its border crossing at Falvenmoor on Tuesday after the protests.")
    assert found.get("Falvenmoor") in PLACE_TYPES


def test_someone_working_at_an_organisation_keeps_the_organisation(nlp):
    # guard: "at" after a person's job or an arrest names the body, not a place
    assert types_of(nlp, "Police arrested two men at Greystone Holdings on Monday.").get("Greystone Holdings") == "ORG"
    assert types_of(nlp, "Residents in the area met Anja Morrow on Monday.").get("Anja Morrow") == "PERSON"


def test_a_business_descriptor_in_apposition_makes_a_company(nlp):
    found = types_of(nlp, "The bakery chain Tormundsen closed four shops on Monday, the company said.")
    assert found.get("Tormundsen") == "ORG"
    found = types_of(nlp, "Shares in the retailer Halvbrook fell on Monday.")
    assert found.get("Halvbrook") == "ORG"


def test_a_person_after_a_trade_word_with_a_given_name_stays_a_person(nlp):
    # guard: "chain owner Ruth Calloway" is a person whose trade is named before her
    found = types_of(nlp, "The bakery chain owner Ruth Calloway closed four shops on Monday.")
    assert found.get("Ruth Calloway") == "PERSON"


def test_a_name_opened_by_an_organisation_word_is_an_organisation(nlp):
    found = types_of(nlp, "Network Tramwell said trains would run on Sunday.")
    assert found.get("Network Tramwell") == "ORG"


def test_a_body_whose_name_joins_two_words_by_and_is_one_organisation(nlp):
    found = types_of(nlp, "The Norvanian Competition and Consumer Authority fined the retailer on Monday.")
    assert found.get("Norvanian Competition and Consumer Authority") == "ORG", found


def test_two_bodies_named_each_in_full_stay_two(nlp):
    # guard: the first name ends in its own head word, so "and" joins two organisations
    found = types_of(nlp, "The Harlow Group and the Ostwick Trust signed the deal on Monday.")
    assert "Harlow Group and the Ostwick Trust" not in found
    assert not [name for name in found if " and " in name], found
