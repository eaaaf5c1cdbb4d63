"""Organisation classes found on articles of our own, tenth round (issue 11; docs/failure-classes.md
"Tenth round").  Sentences written for these tests; the firms' towns are real so that the gazetteer
knows them, every other name is invented."""

from __future__ import annotations

import pytest

PLACE_TYPES = ("GPE", "LOC")


def entity_holding(doc, start: int):
    """The article entity with a mention starting at character ``start``."""
    return next((e for e in doc._.ng_entities if any(m.start == start for m in e.mentions)), None)


def test_a_firm_named_after_a_town_speaks_under_its_short_name(nlp):
    text = (
        "Stockport Foods said profits fell by a third in the year to March. "
        "Stockport said it would close a bakery in Leeds."
    )
    doc = nlp(text)
    speaking = entity_holding(doc, text.index("Stockport said"))
    assert speaking is not None and speaking.type == "ORG" and speaking.name == "Stockport Foods"
    assert speaking.gazetteer_id is None
    # the other side: the town the firm names is still a place where the text uses it as one
    assert any(e.name == "Leeds" and e.type in PLACE_TYPES for e in doc._.ng_entities)


def test_a_town_named_like_a_firm_of_the_article_stays_a_town_where_it_is_one(nlp):
    text = "Wigan Brewing opened a second brewery in Wigan on Friday. Wigan lies west of Manchester."
    doc = nlp(text)
    town = entity_holding(doc, text.index("Wigan lies"))
    assert town is not None and town.type in PLACE_TYPES


def test_a_person_of_the_firms_town_name_keeps_speaking(nlp):
    # guard: a surname that is the firm's first word is the person's when the article names her
    text = (
        "Stockport Foods said profits fell. Its chief executive, Maren Stockport, founded the firm in 1998. "
        "Stockport said she would not sell."
    )
    doc = nlp(text)
    assert entity_holding(doc, text.index("Stockport said")).type == "PERSON"


def test_police_before_a_country_is_one_force(nlp):
    text = "Police Denmark said two men had been arrested after the raid."
    found = {(e.name, e.type) for e in nlp(text)._.ng_entities}
    assert ("Police Denmark", "ORG") in found  # the country inside it is a nested place (linking/nested.py)


def test_police_in_a_country_are_not_a_force_of_that_name(nlp):
    # guard: a preposition between the two words leaves the country a place
    found = {(e.name, e.type) for e in nlp("Police in Denmark said two men had been arrested.")._.ng_entities}
    assert ("Denmark", "GPE") in found
    assert not any("Police" in name for name, _ in found)


def test_the_office_of_a_two_word_title_is_one_body(nlp):
    text = "A spokesman for the Office of the Deputy Prime Minister said the roads would reopen on Monday."
    names = {e.name for e in nlp(text)._.ng_entities if e.type == "ORG"}
    assert "Office of the Deputy Prime Minister" in names
    assert "Office" not in names


def test_the_office_of_a_title_stops_before_the_holders_name(nlp):
    # guard: the holder named after the title is a person of her own, not part of the body
    text = "The Office of the Vice President Ama Korsah said the visit was cancelled."
    found = {(e.name, e.type) for e in nlp(text)._.ng_entities}
    assert ("Ama Korsah", "PERSON") in found
    assert not any(name.endswith("Korsah") and kind == "ORG" for name, kind in found)


def test_a_brewer_named_after_a_town_speaks_under_its_short_name_the_model_left_untagged(nlp):
    text = "Shares in Rochdale Brewing rose on Tuesday. Rochdale said sales of its lager had doubled."
    doc = nlp(text)
    speaking = entity_holding(doc, text.index("Rochdale said"))
    assert speaking is not None and speaking.name == "Rochdale Brewing"
    assert doc._.ng_quotes[0].speaker == speaking.id


def test_shares_in_a_firms_short_name_are_the_firms(nlp):
    text = "Stockport Foods reported a loss on Monday. Shares in Stockport fell 9 percent in London."
    doc = nlp(text)
    held = entity_holding(doc, text.index("Stockport fell"))
    assert held is not None and held.name == "Stockport Foods"
    assert any(e.name == "London" and e.type in PLACE_TYPES for e in doc._.ng_entities)


def test_a_bank_the_model_took_for_a_place_is_a_firm_where_it_speaks(nlp):
    # in this context the model tags the bank a person, and trimming made the "Bank" a landform
    text = (
        "Shares in Oldham rose 24 percent in London. Rochdale Mills fell 3 percent.\n\n"
        "Halvorsen Bank, which advised Rochdale, said financing was in place."
    )
    doc = nlp(text)
    bank = entity_holding(doc, text.index("Halvorsen"))
    assert bank is not None and bank.type == "ORG" and bank.lat is None
    assert any(e.name == "London" and e.type in PLACE_TYPES for e in doc._.ng_entities)


def test_a_dateline_place_is_cut_from_the_body_named_after_the_dash(nlp):
    text = (
        "By Gareth Munby, Local Democracy Reporter\n\n"
        "FARNWELL, England - Farnwell Borough Council voted on Monday night to close the Hollins Road library."
    )
    found = {(e.name, e.type) for e in nlp(text)._.ng_entities}
    assert ("Farnwell Borough Council", "ORG") in found
    assert ("England", "GPE") in found


def test_a_towns_police_force_the_model_left_untagged_is_a_body(nlp):
    text = (
        'Its chair, Denis Oakroyd, 71, said: "The library is the only warm place many older people have."\n\n'
        "Greater Marshton Police said shoplifting in the town centre had risen by a third in a year. "
        "Inspector Amrit Dhaliwal said officers would patrol the shopping streets on Saturdays."
    )
    doc = nlp(text)
    force = entity_holding(doc, text.index("Greater"))
    assert force is not None and force.name == "Greater Marshton Police" and force.type == "ORG"
    assert any(e.name == "Amrit Dhaliwal" and e.type == "PERSON" for e in doc._.ng_entities)


def test_a_saints_school_is_one_body_not_a_person(nlp):
    text = "A spokeswoman for the trust said the clinic would move to St Edwin's Primary School from April."
    found = {(e.name, e.type) for e in nlp(text)._.ng_entities}
    assert ("St Edwin's Primary School", "ORG") in found
    assert not any(kind == "PERSON" for _, kind in found)


def test_a_residents_association_the_model_took_for_a_title_is_a_body(nlp):
    # in this context the model tags the association a work's title, then read as a street's facility
    text = (
        "Farnwell Borough Council voted on Monday night to close the Hollins Road library, despite a petition "
        "signed by 4,000 residents.\n\nThe Hollins Road Residents' Association said it would ask for a judicial review."
    )
    doc = nlp(text)
    body = entity_holding(doc, text.index("Hollins Road Residents"))
    assert body is not None and body.name == "Hollins Road Residents' Association" and body.type == "ORG"
    assert any(e.name == "Farnwell Borough Council" for e in doc._.ng_entities)


def test_a_firm_named_after_a_two_word_place_speaks_under_both_words(nlp):
    text = "Shares in North Harbour Foods fell. North Harbour said it would cut 40 jobs."
    doc = nlp(text)
    speaking = entity_holding(doc, text.index("North Harbour said"))
    assert speaking is not None and speaking.name == "North Harbour Foods" and speaking.type == "ORG"


def test_a_town_that_shares_a_border_is_not_the_firm(nlp):
    # guard: "shares" as a verb after the town's name says nothing of the firm's shares
    text = "Stockport Foods reported a loss. Stockport shares a border with Manchester."
    town = entity_holding(nlp(text), text.index("Stockport shares"))
    assert town is None or town.type in PLACE_TYPES  # never the firm


@pytest.mark.parametrize(
    "text, country",
    [
        ("Kenya Airways reported a record loss on Tuesday. Kenya said it would not bail out the carrier.", "Kenya"),
        ("Scotland Energy said bills would rise. Scotland said it would hold a referendum.", "Scotland"),
    ],
)
def test_a_country_or_region_a_firm_is_named_after_speaks_for_itself(nlp, text, country):
    # review 12: only a town lends its name to a firm; a country speaking is its government
    doc = nlp(text)
    speaking = entity_holding(doc, text.index(country + " said"))
    assert speaking is not None and speaking.name == country and speaking.type in PLACE_TYPES


def test_a_town_exporting_is_the_town(nlp):
    # review 12: towns export, produce and employ in news too; only speaking and a firm's own doings count
    text = "Sheffield Steel said orders fell. Sheffield employs 3,000 people in tourism."
    doc = nlp(text)
    town = entity_holding(doc, text.index("Sheffield employs"))
    assert town is not None and town.type in PLACE_TYPES


def test_a_short_name_another_body_of_the_article_shares_stays_the_towns(nlp):
    # review 12: the firm and a club both open with the town's name; "Stockport said" is no more the firm's
    text = (
        "Stockport Foods reported lower profits. Stockport County beat Leeds 2-1 on Saturday. "
        "Stockport said it would appeal against the referee's decision."
    )
    doc = nlp(text)
    speaking = entity_holding(doc, text.index("Stockport said"))
    assert speaking is None or speaking.name != "Stockport Foods"
