"""The town a local article is about: the approximate point of the streets, sites and hamlets the
gazetteer does not know (``PlaceResolver.place_unlinked``).  Sentences written for these tests
(fictional events, grounds, schools and lanes; real town names), in frames of sport, schools, markets
and public works."""

from __future__ import annotations

import pytest

from support.places import entity, km_between


@pytest.fixture(scope="module")
def nlp(linking_nlp):
    return linking_nlp


def test_of_two_towns_named_once_the_one_near_the_articles_other_places_is_its_town(nlp):
    # Osaka and Geelong are each named once; Victoria holds Geelong, nothing the text names lies by Osaka
    text = (
        "Fans packed the new stand at Brackenridge Oval on Saturday. The club's coach, who grew up in Osaka, "
        "played for years in Geelong. The Victoria government paid for the stand."
    )
    e = entity(nlp, text, "Brackenridge Oval")
    assert e.gazetteer_id is None  # an approximate point, not a gazetteer place
    assert km_between(e, -38.15, 144.36) < 40  # Geelong


def test_a_road_named_after_a_far_city_lies_in_the_articles_town(nlp):
    text = (
        "Pupils at Kestrel Hill School on Vienna Road were sent home early on Thursday after the heating "
        "failed, Calgary school officials said. Calgary trustees will meet on Monday."
    )
    e = entity(nlp, text, "Vienna Road")
    assert km_between(e, 51.05, -114.07) < 40  # Calgary, not Austria


def test_two_cities_named_as_often_and_far_apart_make_no_articles_town(nlp):
    text = "Chess champions from Lyon and Osaka drew their final game at a club on Marlowe Lane on Sunday."
    e = entity(nlp, text, "Marlowe Lane")
    assert e.lat is None  # no town of the article: a guess would be far off half the time


def test_a_national_story_places_its_street_in_no_town(nlp):
    text = (
        "The Australian Bureau of Statistics said on Tuesday that exports rose in May. Dockworkers marched "
        "along Bellamy Street, union leaders said."
    )
    e = entity(nlp, text, "Bellamy Street")
    assert e.lat is None


def test_a_hamlet_lies_in_the_town_the_article_names_often_not_in_a_far_namesake_named_once(nlp):
    # "Perth", one item of a list of hamlets, is a well-known city of Australia that lies near nothing else
    # the article names; Gore, named three times, lies in Southland
    text = (
        "Stallholders from Kowhai Flat, Perth, Tarewa Downs and Pukeroa will sell at the autumn market, "
        "organisers in Gore said. The market in Gore runs for two days, and farmers from across Southland "
        "are expected. Shops in Gore will open late."
    )
    assert km_between(entity(nlp, text, "Kowhai Flat"), -46.10, 168.94) < 40  # Gore, not Perth


def test_a_city_inside_a_local_bodys_name_run_on_past_its_head_is_the_articles_town(nlp):
    # the council's name runs on into its unit's; Mount Gambier, named once, is a smaller town of the state
    text = (
        "Crews of the Adelaide City Council Parks Unit replanted the verges of Tamsin Lane on Monday. A truck "
        "from Mount Gambier, South Australia, brought the trees."
    )
    e = entity(nlp, text, "Tamsin Lane")
    assert km_between(e, -34.93, 138.60) < 20  # Adelaide (Mount Gambier lies 390 km away)


def test_a_town_after_a_suburb_that_goes_on_with_its_country_still_holds_the_suburb(nlp):
    # "Tamboville, Lusaka, Zambia": a chain of containers, not a list
    text = (
        "A stand collapsed at a football ground in Tamboville, Lusaka, Zambia, on Saturday, police said. Fans "
        "from Ndola were among the injured, and Ndola club officials called for an inquiry."
    )
    e = entity(nlp, text, "Tamboville")
    assert km_between(e, -15.42, 28.28) < 40  # Lusaka


def test_a_twin_city_name_across_a_slash_is_no_street(nlp):
    # "Raleigh/Durham" names a region of two cities, not a crossing of two streets
    text = (
        "The Raleigh/Durham region added 40,000 jobs this year. Raleigh police said a cyclist was hurt on "
        "Pemberton Lane on Sunday, and Raleigh officers closed the lane."
    )
    e = entity(nlp, text, "Pemberton Lane")
    assert km_between(e, 35.78, -78.64) < 40  # Raleigh


def test_a_town_that_shuts_its_own_avenue_is_still_the_articles_town(nlp):
    text = (
        "Boise police shut Boise Avenue on Thursday after a water main broke. Boise crews said shops on "
        "Kerwin Lane had no water until dusk."
    )
    e = entity(nlp, text, "Kerwin Lane")
    assert km_between(e, 43.61, -116.20) < 40  # Boise


def test_a_market_on_a_street_named_after_its_own_town_lies_in_that_town(nlp):
    text = (
        "The farmers' market on Tacoma Avenue drew 3,000 shoppers on Saturday, Tacoma organisers said. Stalls "
        "ran from the library to Corbin Lane, and Tacoma's mayor opened the market."
    )
    e = entity(nlp, text, "Corbin Lane")
    assert km_between(e, 47.25, -122.44) < 40  # Tacoma


def test_a_one_word_town_named_like_a_street_word_and_placed_by_its_state_is_the_articles_town(nlp):
    # "Crescent" is a street's last word too, but a town of one word the text places in its state
    text = (
        "A hailstorm flattened the wheat on a farm on Mellor Lane near Crescent, Oklahoma, on Tuesday. "
        "Crescent volunteers cleared Brody Lane of branches. Crescent schools stayed open."
    )
    e = entity(nlp, text, "Brody Lane")
    assert km_between(e, 35.95, -97.59) < 40  # Crescent, Oklahoma
