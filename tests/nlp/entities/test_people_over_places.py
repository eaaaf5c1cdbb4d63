"""Issue 11 failure classes on entities: people typed as places or firms, titles glued to names,
buildings typed as organisations, page furniture as people.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.nlp.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def entities(nlp, text):
    return {(e.name, e.type) for e in nlp(text)._.ng_entities}


def test_title_glued_to_a_name_is_stripped_and_the_rest_is_a_person(nlp):
    found = entities(nlp, "Deputy Superintendent Marlon Quashie said officers found the car on Monday.")
    assert ("Marlon Quashie", "PERSON") in found
    assert not any(t == "ORG" for _, t in found)


def test_an_office_followed_by_a_name_splits_into_office_and_person(nlp):
    found = entities(nlp, "Senators questioned the Ministry of Trade Kevin Baptiste about the shortfall on Tuesday.")
    assert ("Kevin Baptiste", "PERSON") in found
    assert ("Ministry of Trade", "ORG") in found


def test_a_named_person_beats_a_company_of_the_same_surface(nlp):
    found = entities(nlp, "Michael Bloomberg spent heavily on adverts. Bloomberg said he would stay in the race.")
    assert ("Michael Bloomberg", "PERSON") in found
    assert not any(t == "ORG" for _, t in found)


def test_person_evidence_retypes_a_name_the_model_called_an_organisation(nlp):
    text = "President-elect Rodrigo Chaves apologized to the staff of the World Bank on Monday."
    found = entities(nlp, text)
    assert ("Rodrigo Chaves", "PERSON") in found and ("World Bank", "ORG") in found


def test_streets_and_hospitals_are_places_not_organisations(nlp):
    doc = nlp("The victim was taken to Mercy Hospital after the shooting on Pinewood Drive. "
              "Friends of Oakridge Park, a volunteer group, organised a vigil.")  # fmt: skip
    types = {e.name: e.type for e in doc._.ng_entities}
    assert types.get("Mercy Hospital") == "FAC" and types.get("Pinewood Drive") == "FAC"
    assert types.get("Friends of Oakridge Park", "ORG") == "ORG"


def test_page_furniture_is_no_person(nlp):
    found = entities(nlp, "Subscribe\n\nEmail\n\nThe mayor, Janet Crowley, opened the new library on Friday.")
    assert {n for n, t in found if t == "PERSON"} == {"Janet Crowley"}


def test_confidence_ranks_a_titled_full_name_above_a_generic_government_word(nlp):
    doc = nlp("Government officials met on Monday. Prime Minister Alicia Fenwick said the Government would act.")
    conf = {e.name: e.confidence for e in doc._.ng_entities}
    # re3d (the training data) counts "the Government" as an organisation, so only the order is fixed
    assert conf["Alicia Fenwick"] is not None and conf["Alicia Fenwick"] >= 0.8
    assert conf.get("Government", 0.0) < conf["Alicia Fenwick"]


def test_a_short_form_joins_the_one_longer_name_it_ends(nlp):
    doc = nlp("The Springfield City Council voted on Monday. The Council said the plan would pass.")
    orgs = [e for e in doc._.ng_entities if e.type == "ORG"]
    assert [e.name for e in orgs] == ["Springfield City Council"] and len(orgs[0].mentions) == 2


def test_a_firm_s_first_word_alone_is_the_firm_not_a_person(nlp):
    doc = nlp("Shoppers queued at Harrow Stores in the capital on Friday. Harrow said the outage was fixed.")
    assert not any(e.type == "PERSON" for e in doc._.ng_entities)


def test_undotted_title_joins_the_full_name(nlp):
    doc = nlp("Keith Lorimer spoke on Monday. Later Dr Lorimer said the bank would pay.")
    people = [e for e in doc._.ng_entities if e.type == "PERSON"]
    assert [(e.name, len(e.mentions)) for e in people] == [("Keith Lorimer", 2)]


def test_a_first_name_coordinated_with_a_full_name_shares_its_surname(nlp):
    doc = nlp("He was a longtime adviser to Bill and Hillary Clinton, the strategist said.")
    assert {e.name for e in doc._.ng_entities if e.type == "PERSON"} == {"Bill Clinton", "Hillary Clinton"}


def test_documents_portfolios_and_unclosed_brackets_are_no_organisations(nlp):
    doc = nlp("The Harbour Inquiry Report was published on Monday. Dr Lorimer, who served as Finance Minister, "
              "spoke at the Appeals Tribunal of the Regional Bank (RB on Tuesday.")  # fmt: skip
    orgs = {e.name for e in doc._.ng_entities if e.type == "ORG"}
    assert not any(n.endswith("Report") or n == "Finance" or "(" in n for n in orgs), orgs


def test_a_leader_s_administration_names_a_person_not_a_town(nlp):
    found = entities(nlp, "Police and the Davis administration seek to curb violent crime, officials said.")
    assert ("Davis", "PERSON") in found
    assert ("Paris", "GPE") in entities(nlp, "The Paris administration closed schools.")


def test_bylines_and_credit_lines_are_no_people_of_the_story(nlp):
    doc = nlp("JANE ROEBUCK\n\njane.roebuck@example.com\n\nThe mayor, Tom Haskins, said the bridge would open.\n\n"
              "By Alan Pruitt\n\nMary Castle contributed to this report.")  # fmt: skip
    people = {e.name for e in doc._.ng_entities if e.type == "PERSON"}
    assert people == {"Tom Haskins"}


def test_a_quoted_nickname_is_no_person_wherever_it_recurs(nlp):
    doc = nlp("Opponents mock the mayor as \u201cLittle Larry.\u201d On Friday the council leader, Joan Smith, attacked "
              "his budget.\n\n\u201cLittle Larry has wasted every penny he was given,\u201d Smith declared.")  # fmt: skip
    assert not any(e.type == "PERSON" and "Larry" in e.name for e in doc._.ng_entities)


def test_a_capitalised_common_noun_opening_a_sentence_is_no_person(nlp):
    doc = nlp("Organisers expect a quiet weekend. Attendance at school board meetings is famously thin, they admit.")
    assert not any(e.type == "PERSON" for e in doc._.ng_entities)


def test_a_street_named_by_its_first_word_is_that_street_not_a_person(nlp):
    doc = nlp("The crash happened near Larkin Drive and Oak Avenue. Officers saw the van on Larkin traveling "
              "east at speed, a detective said.")  # fmt: skip
    assert not any(e.type == "PERSON" for e in doc._.ng_entities)
    streets = [e for e in doc._.ng_entities if e.name == "Larkin Drive"]
    assert len(streets) == 1 and len(streets[0].mentions) == 2


def test_a_surname_that_is_also_a_common_noun_stays_a_person(nlp):
    doc = nlp("Congressman Tom Banks said he would retire next year.\n\nBanks has also not ruled out resigning "
              "before the end of his term.")  # fmt: skip
    people = [e for e in doc._.ng_entities if e.type == "PERSON"]
    assert [(e.name, len(e.mentions)) for e in people] == [("Tom Banks", 2)]


def test_picture_and_editing_credits_are_no_people_of_the_story(nlp):
    doc = nlp("Photo: Kevin Marsh/Wirepix\n\nThe mayor, Joan Parks, said the road would reopen on Monday.\n\n"
              "Written by Carl Smith and edited by Dana Lee.")  # fmt: skip
    assert {e.name for e in doc._.ng_entities if e.type == "PERSON"} == {"Joan Parks"}


def test_a_foundation_named_after_a_couple_is_one_organisation(nlp):
    doc = nlp("The Bill and Melinda Gates Foundation gave $5m to the clinic, its director Mary Lowe said.")
    found = {(e.name, e.type) for e in doc._.ng_entities}
    assert ("Bill and Melinda Gates Foundation", "ORG") in found
    assert {n for n, t in found if t == "PERSON"} == {"Mary Lowe"}


def test_the_author_of_a_bill_in_the_story_is_a_person(nlp):
    doc = nlp("The bill, written by Senator Joan Parks, passed on Monday.")
    assert {e.name for e in doc._.ng_entities if e.type == "PERSON"} == {"Joan Parks"}


def test_a_person_listed_with_a_foundation_stays_a_person(nlp):
    doc = nlp("Jane Roebuck and Harbour Relief Foundation staff handed out food on Monday.")
    assert "Jane Roebuck" in {e.name for e in doc._.ng_entities if e.type == "PERSON"}


def test_a_place_named_with_an_abbreviated_saint_is_that_place_not_a_person(nlp):
    doc = nlp("St. Lucia Prime Minister Philip J. Pierre spoke on Monday. The minister later flew to St. Lucia.")
    found = {(e.name, e.type, e.country) for e in doc._.ng_entities}
    assert ("Philip J. Pierre", "PERSON") in {(n, t) for n, t, _ in found}
    assert not any("Lucia" in n and t == "PERSON" for n, t, _ in found)
    assert any("Lucia" in n and c == "LCA" for n, _, c in found)


def test_the_signature_under_a_quotation_is_a_person_of_the_story(nlp):
    doc = nlp("The plan is a disaster for the island.\n\n\u201cWe will not accept it.\u201d\n\n\u2014 Tom Harker\n\n"
              "The council met on Monday.")  # fmt: skip
    assert {e.name for e in doc._.ng_entities if e.type == "PERSON"} == {"Tom Harker"}
