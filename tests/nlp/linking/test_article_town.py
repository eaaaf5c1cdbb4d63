"""The town a local article is about: the approximate point of the streets, sites and villages the
gazetteer does not know (``PlaceResolver.place_unlinked``).  Sentences written for these tests
(fictional events and streets, real town names)."""

from __future__ import annotations

import math

import pytest


@pytest.fixture(scope="module")
def nlp(linking_nlp):
    return linking_nlp


def entity(nlp, text: str, name: str):
    doc = nlp(text)
    hits = [e for e in doc._.ng_entities if any(m.text == name for m in e.mentions)]
    assert hits, [(e.name, e.type, [m.text for m in e.mentions]) for e in doc._.ng_entities]
    return hits[0]


def km_between(e, lat: float, lon: float) -> float:
    assert e.lat is not None and e.lon is not None, (e.name, e.type, e.country)
    p1, p2 = math.radians(lat), math.radians(e.lat)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - e.lon) / 2) ** 2
    return 12_742 * math.asin(math.sqrt(a))


def test_of_two_towns_named_as_often_the_one_near_the_articles_other_places_is_its_town(nlp):
    # Sacramento and Rotterdam are each named once; Yolo County lies beside Sacramento, nothing beside Rotterdam
    text = (
        "A driver was hurt in a crash on Quenby Drive on Friday. Paramedics took him to a hospital in "
        "Sacramento. He had moved from Rotterdam last year, Yolo County deputies said."
    )
    e = entity(nlp, text, "Quenby Drive")
    assert e.gazetteer_id is None  # an approximate point, not a gazetteer place
    assert km_between(e, 38.58, -121.49) < 40  # Sacramento


@pytest.mark.parametrize(
    "street_reading",
    [
        "the Poplar/Lincoln intersection",
        "the corner of Poplar and Lincoln streets",
    ],
)
def test_a_street_named_like_a_far_town_is_not_the_articles_town(nlp, street_reading):
    # "Lincoln" is named three times, always as a street of the city the article is about
    text = (
        f"Memphis crews repaired a burst water main under {street_reading} on Monday. Lincoln was closed "
        "to traffic until noon, and shops on Lincoln had no water. Lindell Lane reopened at dusk."
    )
    e = entity(nlp, text, "Lindell Lane")
    assert e.gazetteer_id is None
    assert km_between(e, 35.15, -90.05) < 40  # Memphis, not Lincoln, Nebraska or England


def test_an_avenue_named_after_a_far_city_lies_in_the_articles_town(nlp):
    text = (
        "Tulsa police closed Paris Avenue after a gas leak on Tuesday. Tulsa firefighters said the homes on "
        "Paris Avenue could be reached again by evening."
    )
    e = entity(nlp, text, "Paris Avenue")
    assert km_between(e, 36.15, -95.99) < 40  # Tulsa, not France


def test_two_cities_named_as_often_and_far_apart_make_no_articles_town(nlp):
    text = "Officials from Denver and Rotterdam signed a trade pact at a hotel on Harbor Lane on Monday."
    e = entity(nlp, text, "Harbor Lane")
    assert e.lat is None  # no town of the article: a guess would be far off half the time


def test_a_national_story_places_its_street_in_no_town(nlp):
    text = (
        "The United States Treasury said on Monday that inflation fell in March. Protesters gathered on "
        "Constitution Avenue, officials said."
    )
    e = entity(nlp, text, "Constitution Avenue")
    assert e.lat is None


def test_villages_lie_in_the_town_the_article_names_often_not_a_far_namesake_named_once(nlp):
    # "Newport" (one item of a list of villages) is also a well-known district of Wales, which lies near
    # nothing else the article names; Tralee, named three times, lies beside Killarney
    text = (
        "Road crews will resurface the roads in Kilbrackan, Newport, Drumsallagh and Castlemoy next month, "
        "officials in Tralee said. The work in Tralee would take six weeks, and buses would run from "
        "Killarney. Traders in Tralee welcomed the plan."
    )
    for village in ("Kilbrackan", "Castlemoy"):
        assert km_between(entity(nlp, text, village), 52.27, -9.70) < 60  # Tralee, County Kerry


@pytest.mark.parametrize("where", ["Quenby Hotel, which faces Union Square,", "Quenby Hotel at Union Square"])
def test_a_site_by_a_square_lies_in_the_articles_town(nlp, where):
    # "Union Square" is a quarter of a town in Massachusetts in the gazetteer: a square is no town to place by
    text = f"Crews closed the {where} on Monday. San Francisco officials said San Francisco inspectors would visit."
    e = entity(nlp, text, "Quenby Hotel")
    assert km_between(e, 37.77, -122.42) < 30  # San Francisco


@pytest.mark.parametrize(
    "company",
    [
        # the model ran the company's name on into its works' name: still Sacramento's company
        "Workers of the Sacramento Gas and Light Company Riverside Works paved",
        # a city's own railroad (a utility or transit company) is a local body too
        "The Sacramento Railroad laid tracks along",
    ],
)
def test_a_city_inside_a_local_companys_name_is_the_articles_town(nlp, company):
    # Stockton, named once, is the smaller city of the same state
    text = f"{company} Quackenbush Lane in 1890. A ferry to Stockton, California, left from the end of the lane."
    e = entity(nlp, text, "Quackenbush Lane")
    assert km_between(e, 38.58, -121.49) < 20  # Sacramento (Stockton lies 70 km away)


def test_a_town_after_a_village_that_goes_on_with_its_country_still_holds_the_village(nlp):
    # "Kwa Dlamzane, Durban, South Africa": a chain of containers, not a list
    text = (
        "Two men were arrested in Kwa Dlamzane, Durban, South Africa, on Friday, police said. They appeared "
        "in court in Pretoria on Monday, and Pretoria prosecutors opposed bail."
    )
    e = entity(nlp, text, "Kwa Dlamzane")
    assert km_between(e, -29.86, 31.03) < 40  # Durban
