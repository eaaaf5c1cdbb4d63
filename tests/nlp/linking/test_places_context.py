"""Places resolved by what the text says around them: "Town, Region", datelines, state cues, counties.

Sentences written for these tests (fictional events, real place names).
"""

from __future__ import annotations

import pytest

from support.places import entity, km_between


@pytest.fixture(scope="module")
def nlp(linking_nlp):
    return linking_nlp


def place(nlp, text: str, mention: str):
    from newsgraph.nlp.knowledge.gazetteer import get_gazetteer

    doc = nlp(text)
    hits = [e for e in doc._.ng_entities if any(m.text == mention for m in e.mentions)]
    assert hits, [(e.name, [m.text for m in e.mentions]) for e in doc._.ng_entities]
    return get_gazetteer().get(hits[0].gazetteer_id) if hits[0].gazetteer_id else hits[0]


def test_dateline_with_state_abbreviation_names_the_local_town(nlp):
    p = place(
        nlp, "ATHENS, Ga. (AP) — City officials approved a new budget for the fire department on Tuesday.", "ATHENS"
    )
    assert (p.country, p.admin) == ("USA", "US-GA")


def test_town_comma_state_abbreviation(nlp):
    p = place(nlp, "Officials in Florence, Ala., said the river bridge would reopen next week.", "Florence")
    assert p.admin == "US-AL"
    p = place(nlp, "The plant outside Charleston, W.Va., will hire 200 workers.", "Charleston")
    assert p.admin == "US-WV"


def test_town_comma_country(nlp):
    p = place(nlp, "Students marched through Merida, Venezuela, to protest the fees.", "Merida")
    assert p.country == "VEN"


def test_a_region_the_article_names_picks_its_town_over_a_capital(nlp):
    text = "Ohio lawmakers visited a factory in Lima on Friday. The factory in Lima makes tank parts."
    p = place(nlp, text, "Lima")
    assert (p.country, p.admin) == ("USA", "US-OH")


def test_upstate_and_state_of_mean_the_state(nlp):
    assert place(nlp, "Farmers in upstate New York are still waiting for rain.", "New York").kind == "admin1"


def test_counties_have_coordinates(nlp):
    p = place(nlp, "Deputies in Sangamon County closed two roads after the storm.", "Sangamon County")
    assert p.kind == "admin2" and p.admin == "US-IL" and p.lat is not None


def test_a_small_foreign_province_loses_to_the_town_of_a_region_the_article_names(nlp):
    text = "California police said the crash happened near Santa Cruz. Traffic in Santa Cruz was slow all day."
    p = place(nlp, text, "Santa Cruz")
    assert p.admin == "US-CA"


def names(nlp, text: str) -> list[str]:
    return [m.text for e in nlp(text)._.ng_entities if e.type in ("GPE", "LOC") for m in e.mentions]


def test_a_common_word_is_no_small_foreign_place(nlp):
    # "Store" spells a village in Slovenia; nothing else in the text is there
    assert "Store" not in names(nlp, "The Store opened its doors at 9 a.m. and shoppers lined up outside.")


def test_a_small_town_the_article_supports_stays(nlp):
    assert "Stowe" in names(nlp, "Heavy rain flooded roads around Stowe on Monday, the Vermont police said.")


def test_a_state_abbreviation_after_a_town_is_the_state(nlp):
    p = place(nlp, "Officials said the covered bridge in Stowe, Vt., will reopen in May.", "Vt")
    assert p.id == "iso3166-2:US-VT"


def test_a_determiner_of_the_next_noun_does_not_make_a_town_a_word(nlp):
    text = "Residents of Stowe can visit the Stowe office on Main Street, the Vermont police said."
    assert "Stowe" in names(nlp, text)


def test_a_word_inside_a_longer_capitalised_name_is_no_small_place(nlp):
    text = "The Sunrise Bakery Store Cricket Club won on Sunday."
    assert "Store" not in names(nlp, text)


def test_a_fuzzy_spelling_is_no_faraway_city(nlp):
    # "Gazan" is a demonym, spelt close to a Saudi city the article never names
    got = [e.gazetteer_id for e in nlp("Gazan families fled to the south on Tuesday.")._.ng_entities]
    assert "geonames:105299" not in got


def test_a_region_after_a_town_is_the_region_not_its_namesake_city(nlp):
    p = place(nlp, "The bakery in Tacoma, Washington sells cakes to half the city.", "Washington")
    assert p.id == "iso3166-2:US-WA"


def test_a_name_listed_with_regions_is_a_region(nlp):
    p = place(nlp, "Rents rose in states such as Oregon or Washington because of high demand.", "Washington")
    assert p.id == "iso3166-2:US-WA"


def test_a_region_in_brackets_after_a_county(nlp):
    p = place(nlp, "The Jackson County (Ore.) Sheriff's Office asked for help finding the hikers.", "Jackson County")
    assert p.admin == "US-OR"


def test_the_national_capital_stays_when_the_article_is_in_its_country(nlp):
    # Missouri has a small town called Washington; the senator flies to the capital
    text = "Missouri farmers met in Kansas City on Friday. The senator then flew back to Washington."
    p = place(nlp, text, "Washington")
    assert "C" in p.flags


def test_a_list_of_cities_is_no_town_and_region(nlp):
    # "Boston" after "New York," is the next city of the list, not a town in New York state
    p = place(nlp, "The prince visited Chicago, New York and Boston before flying home.", "Boston")
    assert p.admin == "US-MA"


def test_a_county_in_a_region_the_article_names(nlp):
    p = place(nlp, "Kentucky will give schools $2 million. Pike County will receive the largest share.", "Pike County")
    assert p.admin == "US-KY"


def test_a_small_district_does_not_outrank_a_bigger_town_of_its_name(gaz_places):
    # Salisbury is a district of South Australia (17k people summed) and a city of England (45k)
    assert gaz_places.lookup("Salisbury", include_alternate=False)[0].country == "GBR"


def test_a_district_moves_to_the_country_the_article_names(nlp):
    # "Ballina" is a town in Ireland and a district in New South Wales; the article is Irish
    text = "Dublin officials said 57 families in Ballina are waiting for homes. Ballina council will meet in May."
    p = place(nlp, text, "Ballina")
    assert p.country == "IRL"


@pytest.fixture(scope="module")
def gaz_places():
    from newsgraph.nlp.knowledge.gazetteer import get_gazetteer

    return get_gazetteer()


def test_a_site_the_gazetteer_does_not_know_lies_in_the_town_its_name_gives(nlp):
    text = "The injured cyclist was taken to Colchester General Hospital on Sunday, the police said."
    e = entity(nlp, text, "Colchester General Hospital")
    assert e.gazetteer_id is None  # not a gazetteer entry: only an approximate point
    assert km_between(e, 51.89, 0.90) < 30  # Colchester, England


def test_a_street_lies_in_the_town_the_article_is_about(nlp):
    text = (
        "Firefighters in Winnipeg were called to a house fire on Portage Avenue on Friday. "
        "Winnipeg police closed Portage Avenue for two hours. Nobody was hurt, Winnipeg officials said."
    )
    e = entity(nlp, text, "Portage Avenue")
    assert e.gazetteer_id is None and e.country == "CAN"
    assert km_between(e, 49.88, -97.15) < 30  # Winnipeg


def test_an_unknown_village_takes_the_only_country_the_article_names(nlp):
    text = (
        "Police in Guyana said two loggers were found near the village of Sand Hills Landing. "
        "Guyana's health ministry sent a doctor to Parika on Monday."
    )
    e = entity(nlp, text, "Sand Hills Landing")
    assert e.country == "GUY"


def test_a_small_town_nothing_backs_places_no_street(nlp):
    # "Bethany" is a small town in several countries; nothing in the text says which
    text = "A man from Bethany was found on Mill Road. Bethany residents searched Mill Road all night."
    e = entity(nlp, text, "Mill Road")
    assert e.lat is None and e.country is None


def test_a_site_in_a_named_town_lies_there(nlp):
    text = "Two guests were hurt when a fire broke out at the Blue Heron Hotel in Galway on Sunday night."
    e = entity(nlp, text, "Blue Heron Hotel")
    assert e.country == "IRL" and km_between(e, 53.27, -9.05) < 30  # Galway


def test_a_club_named_for_a_big_city_lies_there_even_in_another_country(nlp):
    text = "The Toronto club sent two pitchers to the Buffalo Bisons, its Triple-A affiliate in the minor leagues."
    e = entity(nlp, text, "Buffalo Bisons")
    assert e.type in ("GPE", "LOC", "FAC", "ORG")
    if e.type != "ORG":  # only places get a point
        assert km_between(e, 42.89, -78.88) < 30


def test_a_nationality_inside_a_sites_name_places_nothing(nlp):
    # "French" in a hotel's name is a person's name, not France
    text = "Cavan council met at the Percy French Hotel on Monday. Cavan has 12 new homes."
    e = entity(nlp, text, "Percy French Hotel")
    assert e.country != "FRA"


def test_the_article_town_is_the_well_known_one_not_a_small_namesake(nlp):
    text = (
        "New Orleans planners walked down Royal Street on Tuesday. The old house on Royal Street faces "
        "Franklin Avenue, and builders from Franklin and from Franklin again bid for the work."
    )
    e = entity(nlp, text, "Royal Street")
    assert km_between(e, 29.95, -90.07) < 30  # New Orleans


def test_a_town_in_the_state_of_a_county_the_article_names(nlp):
    # Edgar County is in Illinois, and so is a town called Paris; nothing in the text is in France
    text = "Edgar County officials met in Paris on Monday. The county board approved a new jail."
    p = place(nlp, text, "Paris")
    assert (p.country, p.admin) == ("USA", "US-IL")


def test_a_county_of_a_common_name_names_no_state(nlp):
    # Pike County is in ten states; it says nothing of which Paris the text means
    text = "Pike County officials met in Paris on Monday. The county board approved a new jail."
    assert place(nlp, text, "Paris").country == "FRA"


@pytest.mark.parametrize(
    ("text", "abbreviation", "code"),
    [
        ("The plant in Bakersfield, Calif., will close next spring, the company said.", "Calif.", "US-CA"),
        ("Volunteers from Trenton, N.J. and Dover, Del. cleaned the river banks on Saturday.", "N.J.", "US-NJ"),
        ("She moved to Myrtle Beach, SC last year to open a bakery.", "SC", "US-SC"),
    ],
)
def test_a_state_abbreviation_the_model_did_not_tag_is_read_after_a_town(nlp, text, abbreviation, code):
    doc = nlp(text)
    hits = [e for e in doc._.ng_entities if any(m.text == abbreviation for m in e.mentions)]
    assert hits and hits[0].gazetteer_id == f"iso3166-2:{code}", [(e.name, e.gazetteer_id) for e in doc._.ng_entities]
    mention = next(m for m in hits[0].mentions if m.text == abbreviation)
    assert doc.text[mention.start : mention.end] == abbreviation


def test_a_capitalised_dateline_abbreviation_is_the_state(nlp):
    doc = nlp("HOMESTEAD, FLA. (AP) - A truck overturned on the turnpike early Sunday, police said.")
    states = [e for e in doc._.ng_entities if any(m.text.startswith("FLA") for m in e.mentions)]
    assert states and states[0].gazetteer_id == "iso3166-2:US-FL" and states[0].type == "GPE", [
        (e.name, e.type, e.gazetteer_id) for e in doc._.ng_entities
    ]


@pytest.mark.parametrize(
    ("text", "mention", "admin"),
    [
        ("ORANGEBURG COUNTY, SC (AP) - Deputies are searching for a stolen pickup truck.", "ORANGEBURG COUNTY",
         "US-SC"),
        ("CLEWISTON, Fla. – The sugar mill will hire two hundred seasonal workers this winter.", "CLEWISTON",
         "US-FL"),
        ("MOUNT AIRY, N.C. - The town council approved a new budget on Monday night.", "MOUNT AIRY", "US-NC"),
    ],
)  # fmt: skip
def test_a_dateline_in_capitals_the_model_missed_is_a_place(nlp, text, mention, admin):
    doc = nlp(text)
    hits = [e for e in doc._.ng_entities if any(m.text == mention for m in e.mentions)]
    assert hits, [(e.name, e.gazetteer_id) for e in doc._.ng_entities]
    from newsgraph.nlp.knowledge.gazetteer import get_gazetteer

    assert get_gazetteer().get(hits[0].gazetteer_id).admin == admin


def test_a_heading_in_capitals_is_no_dateline_place(nlp):
    doc = nlp("BREAKING NEWS: The council voted on Tuesday to close the old library.\nUPDATE - It reopens in May.")
    assert not [e for e in doc._.ng_entities if e.type in ("GPE", "LOC")], [(e.name, e.type) for e in doc._.ng_entities]


@pytest.mark.parametrize(
    ("text", "abbreviation", "code"),
    [
        ("The fair was held on Saturday in Modesto, Calif. Organisers sold pies.", "Calif.", "US-CA"),
        ("A barn burned on Route 8 near Harvey Station, N.B. early on Sunday.", "N.B.", "CA-NB"),
    ],
)
def test_a_dotted_state_abbreviation_after_a_name_ends_a_sentence_or_follows_an_untagged_place(
    nlp, text, abbreviation, code
):
    doc = nlp(text)
    hits = [e for e in doc._.ng_entities if any(m.text == abbreviation for m in e.mentions)]
    assert hits and hits[0].gazetteer_id == f"iso3166-2:{code}", [(e.name, e.gazetteer_id) for e in doc._.ng_entities]


def test_a_news_agency_dateline_names_a_town_not_a_state(nlp):
    # the dateline's place is where the reporter files from: a town ("WASHINGTON (AP)" is the capital),
    # even after a byline on the same line and with the state's neighbours named below
    text = (
        "By Jane Roe and John Doe, Associated Press WASHINGTON (AP) — Lawmakers from Oregon and Idaho asked "
        "on Monday for more money to fight wildfires in Montana."
    )
    p = place(nlp, text, "WASHINGTON")
    assert p.kind == "city" and "C" in p.flags


def test_a_street_lies_in_the_town_named_only_inside_an_organisations_name(nlp):
    text = (
        "Firefighters from the Winnipeg Fire Paramedic Service were called to an apartment block on Larchmont "
        "Avenue early on Sunday, and two people were taken to hospital."
    )
    e = entity(nlp, text, "Larchmont Avenue")
    assert e.gazetteer_id is None
    assert km_between(e, 49.88, -97.15) < 30  # Winnipeg


@pytest.mark.parametrize(
    ("text", "word", "lat", "lon"),
    [
        ("Bavarian brewers raised the price of a litre of beer by ten cents this autumn.", "Bavarian", 48.9, 11.4),
        ("Forecasters expect Siberian air to bring a hard frost to the plains by Thursday.", "Siberian", 60.0, 100.0),
    ],
)
def test_an_adjective_of_a_region_lies_in_that_region(nlp, text, word, lat, lon):
    e = entity(nlp, text, word)
    assert e.gazetteer_id is None  # no gazetteer entry of its own: the region's point, approximately
    assert km_between(e, lat, lon) < 400


def test_a_foreign_province_loses_to_the_namesake_in_the_state_of_a_town_only_one_place_is_called(nlp):
    # no state is named, but Watsonville is a name of one town only, in California: "Santa Cruz" is the
    # Californian city, not the Bolivian department
    doc = nlp("Guests toured farms near Watsonville on Saturday. Later, Santa Cruz hosted a dinner for the growers.")
    e = next(e for e in doc._.ng_entities if e.name.startswith("Santa Cruz"))
    assert (
        e.gazetteer_id != "iso3166-2:BO-S"
        and e.lat is not None
        and abs(e.lat - 36.97) < 0.3
        and abs(e.lon + 122.03) < 0.3
    )


def test_a_state_stays_the_state_beside_a_town_only_one_place_is_called_in_another_state(nlp):
    # a guard (passes before the rule too): Ashtabula is the one town called so, in Ohio; the Ohio city
    # "Delaware" does not take the place of the state Delaware, a province of the same country
    doc = nlp("She bought the ticket in Ashtabula on Thursday, weeks after a nurse in Delaware won the jackpot.")
    e = next(e for e in doc._.ng_entities if e.name == "Delaware")
    assert e.gazetteer_id == "iso3166-2:US-DE"


@pytest.mark.parametrize(
    ("text", "mention", "lat", "lon"),
    [
        ("Passengers waited for hours at O'Hare International Airport on Sunday.", "O'Hare International Airport",
         41.98, -87.91),
        # without airports, "Pearson" was a town of 2,000 in Georgia
        ("Her connecting flight from Halifax touched down at Pearson airport just after midnight.",
         "Pearson", 43.68, -79.63),
        ("The flight from Gatwick Airport landed two hours late.", "Gatwick Airport", 51.15, -0.19),
    ],
)  # fmt: skip
def test_a_large_airport_is_placed_at_the_airport_not_a_namesake_town(nlp, text, mention, lat, lon):
    doc = nlp(text)
    e = next(e for e in doc._.ng_entities if any(mention in m.text for m in e.mentions))
    assert e.lat is not None and abs(e.lat - lat) < 0.2 and abs(e.lon - lon) < 0.2, (e.name, e.gazetteer_id)
    assert (e.gazetteer_id or "").startswith("airport:")


@pytest.mark.parametrize(
    ("text", "mention", "lat", "lon"),
    [
        # "Sanya Phoenix International Airport" less its city was "Phoenix Airport": Hainan, not Arizona
        ("A dust storm closed Phoenix Airport for two hours on Friday, and flights bound for Tucson were held "
         "on the ground.", "Phoenix Airport", 33.45, -112.07),
        # "Nairobi Wilson Airport" less its city was "Wilson Airport": Kenya, not the North Carolina town
        ("Snow shut Wilson Airport on Tuesday morning, a county spokesman in North Carolina said.",
         "Wilson Airport", 35.72, -77.92),
    ],
)  # fmt: skip
def test_a_foreign_airports_name_without_its_city_is_no_namesake_towns_airport(nlp, text, mention, lat, lon):
    doc = nlp(text)
    e = next(e for e in doc._.ng_entities if any(m.text == mention for m in e.mentions))
    assert not (e.gazetteer_id or "").startswith("airport:"), (e.name, e.gazetteer_id)
    assert e.lat is not None and abs(e.lat - lat) < 0.5 and abs(e.lon - lon) < 0.5, (e.name, e.lat, e.lon)


def test_the_international_airport_is_no_airport_in_particular(nlp):
    # "Quito International Airport" less its city is "International Airport", any city's: never a name
    doc = nlp("The cargo plane landed at the International Airport on Monday, officials in Quito said.")
    for e in doc._.ng_entities:
        assert not (e.gazetteer_id or "").startswith("airport:"), (e.name, e.gazetteer_id)


@pytest.mark.parametrize(
    "text",
    [
        "Storms hit Alabama and Arkansas on Monday, and Georgia braced for floods.",
        "Troopers from Indiana and Nebraska drilled with the Georgia State Patrol last week.",
    ],
)
def test_a_name_of_a_country_and_a_state_is_the_state_among_other_states_of_its_country(nlp, text):
    doc = nlp(text)
    e = next(e for e in doc._.ng_entities if e.name == "Georgia" or any(m.text == "Georgia" for m in e.mentions))
    assert e.gazetteer_id == "iso3166-2:US-GA", (e.name, e.gazetteer_id)


@pytest.mark.parametrize(
    "text",
    [
        "Two senators, one from Vermont and one from Delaware, visited Georgia and Estonia last week.",
        "A delegation from Vermont and Delaware flew on to Georgia after two days in Tallinn.",
        "Estonia fought a border dispute with Georgia, a senator from Vermont and another from Delaware recalled.",
    ],
)
def test_a_name_of_a_country_and_a_state_stays_the_country_when_another_country_is_named(nlp, text):
    # states of one country are named, but so is a foreign country (or its capital): no reading of Georgia
    # as a state among states
    doc = nlp(text)
    e = next(e for e in doc._.ng_entities if e.name == "Georgia")
    assert e.gazetteer_id == "iso3166:GEO", (e.name, e.gazetteer_id)


def test_a_name_of_a_country_and_a_state_stays_the_country_beside_its_capital(nlp):
    # a guard (passes before the rule too): a state is named, but so is the country's capital
    doc = nlp("Officials in Tbilisi and Vermont traders met as Georgia signed the deal.")
    e = next(e for e in doc._.ng_entities if e.name == "Georgia")
    assert e.gazetteer_id == "iso3166:GEO"


def test_a_country_named_as_an_actor_does_not_trade_a_city_for_a_small_namesake(nlp):
    # the United States is named, but as an actor: Florence is the Italian city, not a town of 40k in Alabama
    doc = nlp(
        "The United States urged both sides to show restraint. Last year the two governments signed a trade pact in Florence."
    )
    florence = next(e for e in doc._.ng_entities if e.name == "Florence")
    assert florence.country == "ITA", florence.gazetteer_id


def test_an_acronym_that_spells_a_town_merged_into_its_organisation_does_not_stop_the_analysis(nlp):
    # "the UFA" after "the Union of Farm Associations": the acronym's cluster, read first as a town of
    # that name (Ufa), is merged into another and left with no mentions; weighing the places by
    # context looked up its first mention and the whole analysis stopped (IndexError)
    doc = nlp(
        "The Union of Farm Associations published its annual report on Friday. Besides the UFA, three banks signed the letter."
    )
    assert doc._.ng_entities
