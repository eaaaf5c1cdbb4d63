"""Places the gazetteer does not know (sites, hospitals, prisons) or that the model typed as a group,
placed the way a reader places them.  Sentences written for these tests (fictional events, real
place names)."""

from __future__ import annotations

import pytest

from support.places import entity, km_between


@pytest.fixture(scope="module")
def nlp(linking_nlp):
    return linking_nlp


def test_a_site_lies_in_the_one_town_its_sentence_names(nlp):
    # the town is not right after the site's name (a clause comes between), and the article names
    # another town elsewhere, so neither "the place right after it" nor "the article's town" places it
    text = (
        "Surgeons at the Kingsway Memorial Clinic, where the boy was flown on Monday night, in Liverpool "
        "said he was stable. His family travelled from Bristol to be with him."
    )
    e = entity(nlp, text, "Kingsway Memorial Clinic")
    assert e.gazetteer_id is None
    assert km_between(e, 53.41, -2.98) < 30  # Liverpool


def test_a_site_whose_sentence_names_two_towns_takes_neither(nlp):
    text = (
        "Patients at the Kingsway Memorial Clinic were moved to Liverpool and Manchester on Monday. "
        "Police in Leeds and Sheffield said the roads reopened later."
    )
    e = entity(nlp, text, "Kingsway Memorial Clinic")
    assert e.lat is None or km_between(e, 53.41, -2.98) > 1 and km_between(e, 53.48, -2.24) > 1


def test_a_region_named_with_its_kind_before_its_country_lies_at_the_region(nlp):
    # "<Region> State, <Country>": the region its name gives, not the middle of the country after it
    text = "Gunmen attacked a market in Biu, Borno State, Nigeria, on Sunday, police said."
    e = entity(nlp, text, "Borno State")
    assert km_between(e, 11.5, 13.0) < 200  # Borno; Nigeria's middle is about 550 km away


def test_a_union_of_states_is_also_the_place_of_its_members(nlp):
    # the organisation stays the actor; nested on the same characters, the union as a place is
    # mapped on its members' continent (an approximate point, no gazetteer id)
    text = "Farmers protested outside the meeting as EU ministers debated the new rules. The EU said it would decide in May."
    doc = nlp(text)
    org = [e for e in doc._.ng_entities if e.type == "ORG" and e.name == "European Union"]
    assert org and all(m.nested is None for m in org[0].mentions)
    places = [e for e in doc._.ng_entities if e.type in ("GPE", "LOC") and any(m.text == "EU" for m in e.mentions)]
    assert len(places) == 1 and places[0].gazetteer_id is None
    assert len(places[0].mentions) == 2 and all(m.nested == org[0].id for m in places[0].mentions)
    assert km_between(places[0], 48.7, 9.1) < 100  # Europe


def test_a_union_of_states_the_article_names_is_a_place_inside_a_longer_name_too(nlp):
    text = (
        "The five airlines agreed to lobby for a new EU Aviation Strategy that will support growth. "
        "The EU said it would answer by May. AU Optronics said its sales rose."
    )
    doc = nlp(text)
    places = [e for e in doc._.ng_entities if e.type in ("GPE", "LOC") and any(m.text == "EU" for m in e.mentions)]
    assert len(places) == 1 and len(places[0].mentions) == 2, [(e.name, e.type) for e in doc._.ng_entities]
    # the African Union is not named on its own: "AU" in a company's name is no place
    assert not [e for e in doc._.ng_entities if e.type in ("GPE", "LOC") and any(m.text == "AU" for m in e.mentions)]


def test_a_big_city_keeps_its_place_over_a_village_of_its_name_in_a_state_the_article_names(nlp):
    # Ohio is named, and Ohio has a village called Louisville (9,000 people); the Kentucky city of
    # 600,000 is the one a sports story means
    text = (
        "COLUMBUS, Ohio (AP) — Louisville beat Mississippi State 76-70 on Friday night. "
        "Louisville will play again on Sunday."
    )
    e = entity(nlp, text, "Louisville")
    assert km_between(e, 38.25, -85.76) < 30  # Louisville, Kentucky


def test_a_town_of_a_state_the_article_names_still_wins_over_a_namesake_a_few_times_its_size(nlp):
    text = "Police in Kentucky said the driver was taken to a hospital in Richmond on Friday."
    e = entity(nlp, text, "Richmond")
    assert km_between(e, 37.75, -84.29) < 30  # Richmond, Kentucky


def test_a_compass_adjective_in_lower_case_makes_a_state_of_a_name_it_shares_with_a_city(nlp):
    text = "The crew drove to eastern Washington after the wildfire. Towns in Washington asked for more help."
    e = entity(nlp, text, "Washington")
    assert km_between(e, 47.3, -120.6) < 150  # Washington State, not D.C.


def test_a_compass_adjective_before_a_city_with_no_namesake_state_keeps_the_city(nlp):
    text = "Crowds gathered in central London on Saturday to watch the parade."
    e = entity(nlp, text, "London")
    assert km_between(e, 51.5, -0.13) < 30


def test_a_compass_adjective_does_not_move_a_city_the_text_qualifies(nlp):
    text = "The team flew from eastern Washington to a conference in Washington, D.C., on Monday."
    e = entity(nlp, text, "Washington, D.C.")
    assert km_between(e, 38.9, -77.04) < 30


def test_a_continent_adjective_inside_a_name_is_the_continent_not_a_nationality(nlp):
    # "North American" inside a treaty's name is North America, not the United States' people
    text = "Ministers from three countries met in Ottawa to rework the North American Free Trade Agreement."
    e = entity(nlp, text, "North American")
    assert e.type in ("LOC", "GPE") and km_between(e, 46.07, -100.55) < 100  # North America


def test_a_word_of_a_name_is_no_province_that_shares_it_without_its_suffix(nlp):
    # South Africa's "Free State" cut to "Free" made "Free Trade" a province
    text = "Ministers from three countries met in Ottawa to rework the North American Free Trade Agreement."
    doc = nlp(text)
    assert not [e for e in doc._.ng_entities if any(m.text == "Free" for m in e.mentions)]


def entities_by_mention_start(doc, prefix: str) -> dict:
    """Each mention starting with ``prefix`` (by its start) -> the entity it belongs to."""
    return {m.start: e for e in doc._.ng_entities for m in e.mentions if m.text.startswith(prefix)}


def test_a_compass_adjective_moves_the_unqualified_mentions_to_the_state_when_another_is_the_capital(nlp):
    # one "Washington" is qualified as the capital; the others, one of them "eastern", are the state's
    text = (
        "The orchard growers sell most of their apples in Washington. Their lobbyist flew to Washington, D.C., "
        "in May. Frost hit eastern Washington hard, and Washington cherries suffered too."
    )
    by_start = entities_by_mention_start(nlp(text), "Washington")
    capital = by_start[text.index("Washington, D.C.")]
    assert km_between(capital, 38.9, -77.04) < 30
    for at in (text.index("eastern Washington") + len("eastern "), text.index("Washington cherries")):
        assert km_between(by_start[at], 47.3, -120.6) < 150, by_start[at].name


def test_a_small_town_far_outside_the_articles_only_state_is_not_that_town(nlp):
    # the only state is North Dakota; "Kendall Square" is also a neighbourhood of 10k people in
    # Massachusetts, 2,300 km off: the square is the article's town's, not that one
    text = (
        "Crowds gathered in Kendall Square on Saturday for the parade. The city of Fargo, North Dakota, closed roads."
    )
    e = entity(nlp, text, "Kendall Square")
    # no gazetteer place, and the point of the article's town (Fargo), not the Massachusetts one
    assert e.gazetteer_id is None, (e.name, e.gazetteer_id)
    assert km_between(e, 46.88, -96.79) < 30, (e.name, e.lat, e.lon)


def test_a_small_town_far_outside_a_state_named_inside_a_name_lends_no_point_to_a_street(nlp):
    # the state is named only inside an organisation's name; a square of that name is also a small town in
    # Massachusetts, 2,400 km off, which must not place the square nor the street of its sentence
    text = (
        "Members of the Nebraska Historical Society walked along Cottonwood Street toward Union Square on Monday. "
        "Later the group met at the old mill."
    )
    for name in ("Union Square", "Cottonwood Street"):
        e = entity(nlp, text, name)
        # no town of the article to lend a point: neither a gazetteer place nor a point
        assert e.gazetteer_id is None and e.lat is None, (e.name, e.gazetteer_id, e.lat, e.lon)


def test_a_small_town_far_outside_the_articles_only_state_gives_way_to_the_namesake_in_it(nlp):
    # (without the rule Monroe is the one in Michigan, a town of 20k people near the Chicago park,
    # 1,200 km from Maine)
    text = (
        "Members of the Maine Historical Society walked along Cottonwood Street toward Lincoln Park on Monday. "
        "Later the group met in Monroe."
    )
    e = entity(nlp, text, "Monroe")
    assert km_between(e, 44.62, -69.02) < 30  # Monroe, Maine, not Monroe, Michigan


def test_a_town_only_one_place_is_called_keeps_its_point_far_from_the_only_state(nlp):
    # the only state named is Maine, but no other place is called Sheboygan: the town is the one in
    # Wisconsin, whatever the story's state ("Kendall Square", a square's name, may be anywhere)
    text = "She bought the ticket in Sheboygan on Thursday, weeks after a nurse in Maine won the jackpot."
    e = entity(nlp, text, "Sheboygan")
    assert e.lat is not None and km_between(e, 43.75, -87.71) < 30, (e.name, e.gazetteer_id)


def test_a_small_town_far_from_the_only_state_stays_when_another_town_of_the_article_backs_it(nlp):
    # a guard (passes before the rule too): the only state named is Nebraska, but the story also names
    # Baltimore: its neighbourhood stays (without Baltimore the rule takes Johnston Square's point)
    text = (
        "Lawmakers in Nebraska passed the bill on Monday. In Baltimore, residents of Johnston Square "
        "said they would follow it."
    )
    e = entity(nlp, text, "Johnston Square")
    assert e.gazetteer_id is not None and km_between(e, 39.30, -76.61) < 30  # a place of Baltimore


def test_a_street_lies_in_the_bigger_city_of_the_state_that_a_local_organisation_is_named_after(nlp):
    # the one town named on its own is named once; a bigger city of its state names the organisation at
    # work: the article's streets are that city's (Cleveland, not Akron 55 km off)
    text = (
        "Workers of the Cleveland Water Department dug up Elm Street on Monday. "
        "They drove back to Akron in the evening."
    )
    e = entity(nlp, text, "Elm Street")
    assert km_between(e, 41.50, -81.69) < 20


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        # a street's name, a team's, an outlet's and a clinic's are no local organisation at work: the street
        # lies in the one town named on its own (Akron, Rockford), not in the bigger city of the name
        (
            "Workers dug up Cleveland Avenue on Monday. They drove back to Akron in the evening. "
            "Elm Street stayed closed.",
            41.08, -81.52,
        ),
        (
            "The Cleveland Guardians lost on Monday. A fan was driving home to Akron. Elm Street stayed closed.",
            41.08, -81.52,
        ),
        (
            "A fan of the Cleveland Cavaliers was hurt on Monday. He was driving home to Akron. "
            "Elm Street stayed closed.",
            41.08, -81.52,
        ),
        (
            "A Chicago Bulls fan was hurt on Monday. He was driving home to Rockford. Elm Street stayed closed.",
            42.27, -89.09,
        ),
        (
            "A reporter of the Chicago Tribune was hurt on Monday. He was driving home to Rockford. "
            "Elm Street stayed closed.",
            42.27, -89.09,
        ),
        (
            "Nurses of the Cleveland Clinic were hurt on Monday. They were driving home to Akron. "
            "Elm Street stayed closed.",
            41.08, -81.52,
        ),
    ],
)  # fmt: skip
def test_a_street_stays_in_the_town_named_on_its_own_beside_a_city_inside_no_local_bodys_name(nlp, text, lat, lon):
    e = entity(nlp, text, "Elm Street")
    assert e.gazetteer_id is None
    assert km_between(e, lat, lon) < 20, (e.lat, e.lon)


def test_a_state_named_only_inside_a_teams_name_is_no_only_state_for_a_far_town(nlp):
    # "Nebraska" inside a team's name says nothing of where the article is: Monroe keeps a gazetteer
    # place and is none of Nebraska's
    text = "Fans of the Nebraska Cornhuskers drove to Monroe on Saturday for the game."
    e = entity(nlp, text, "Monroe")
    assert e.gazetteer_id is not None and e.lat is not None, (e.name, e.gazetteer_id)
    assert km_between(e, 41.45, -99.82) > 1000, (e.gazetteer_id, e.lat, e.lon)  # not in Nebraska


def test_a_compass_adjective_leaves_a_mention_with_a_sign_of_the_capital_to_the_capital(nlp):
    # the farm's "eastern Washington" is the state's; the office "in Washington near the Capitol", after
    # the text has named "Washington, D.C.", is the capital's
    text = (
        "He was raised on a wheat farm in eastern Washington and moved to Washington, D.C., in 2015. "
        "He now shares an office in Washington near the Capitol."
    )
    by_start = entities_by_mention_start(nlp(text), "Washington")
    farm = by_start[text.index("eastern Washington") + len("eastern ")]
    office = by_start[text.index("Washington near")]
    assert km_between(farm, 47.3, -120.6) < 150, farm.name
    assert km_between(office, 38.9, -77.04) < 30, (office.name, office.gazetteer_id)
