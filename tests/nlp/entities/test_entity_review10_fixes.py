"""Review fixes (REVIEW10 findings 4-6) to this round's entity rules: a descriptor that also describes
people makes no firm, a name opened by an organisation word stays a person the text says is one, and the
"residents in X" place rule keeps off firms, possessives and names the article calls organisations.

Every sentence is written for these tests; every name is invented."""

from __future__ import annotations


def types_of(nlp, text: str) -> dict[str, str]:
    return {e.name: e.type for e in nlp(text)._.ng_entities}


# ----- finding 4: "rival", "competitor", "giant" also describe people ---------------------------------


def test_an_election_rival_is_a_person(nlp):
    found = types_of(nlp, "Her election rival Brennan won 52 per cent of the vote on Sunday.")
    assert found.get("Brennan") == "PERSON", found


def test_a_party_rival_is_a_person(nlp):
    found = types_of(nlp, "His Labour rival Oskarsen came second in the count.")
    assert found.get("Oskarsen") == "PERSON", found


def test_a_sporting_giant_is_a_person(nlp):
    found = types_of(nlp, "The boxing giant Okafor retired on Friday after forty fights.")
    assert found.get("Okafor") == "PERSON", found


def test_a_persons_rival_the_model_calls_an_organisation_is_a_person(nlp):
    # "her rival": a person's rival is a person, whatever the model typed the name
    found = types_of(nlp, "Her election rival Kowal won 52 per cent of the vote on Sunday.")
    assert found.get("Kowal") == "PERSON", found


def test_a_firms_rival_stays_an_organisation(nlp):
    # guard: "its rival" is a firm's rival
    found = types_of(nlp, "The carmaker said its rival Kowal had cut prices on Monday.")
    assert found.get("Kowal") != "PERSON", found


def test_a_noun_that_only_describes_a_firm_still_makes_one(nlp):
    # guard: the fix keeps the nouns that never describe a person
    assert types_of(nlp, "Shares in the retailer Halvbrook fell on Monday.").get("Halvbrook") == "ORG"


# ----- finding 5: a name opened by an organisation word, said to be a person ---------------------------


def test_a_name_opened_by_an_organisation_word_in_apposition_to_a_person_noun_is_a_person(nlp):
    found = types_of(nlp, "Court Brannagh, a striker, scored twice on Saturday.")
    assert found.get("Court Brannagh") == "PERSON", found


# ----- finding 6: "households at X", "residents in X's street" ------------------------------------------


def test_households_at_a_firm_are_not_in_a_place(nlp):
    found = types_of(nlp, "Households at Varnhold Energy were offered discounts, the supplier said.")
    assert found.get("Varnhold Energy") not in ("GPE", "LOC"), found


def test_residents_in_someones_street_do_not_make_him_a_place(nlp):
    text = "Residents in Drobnik's street said the noise was unbearable. Drobnik said he would move."
    found = types_of(nlp, text)
    assert found.get("Drobnik") not in ("GPE", "LOC"), found


def test_a_name_the_article_calls_an_organisation_is_not_made_a_place(nlp):
    text = (
        "Pellmore Foods said prices would rise. Families at Pellmore were given vouchers on Monday. "
        "Pellmore said the scheme would run until May."
    )
    found = types_of(nlp, text)
    assert found.get("Pellmore") not in ("GPE", "LOC"), found
