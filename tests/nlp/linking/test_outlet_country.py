"""The outlet's home country from its URL's country-code domain or its name, and its use in place
resolution as weak context.  URLs and outlet names written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.nlp.knowledge.gazetteer import get_gazetteer
from newsgraph.nlp.knowledge.outlets import country_of_domain, country_of_outlet_name, outlet_country


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://www.example-daily.bz/2024/05/01/story/", "BLZ"),
        ("https://news.example.co.uk/politics/a-story", "GBR"),
        ("http://www.example.com.au/story", "AUS"),
        ("https://www.example.ie/news", "IRL"),
        ("https://www.example.co.tt/news/a", "TTO"),
        ("example-times.co.za", "ZAF"),
        ("https://www.example.com.co/nacional", "COL"),  # .co under a second level: Colombia
    ],
)
def test_country_code_domains_name_their_country(url, country):
    assert country_of_domain(url) == country


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/2024/05/01/story/",
        "https://example.org/a",
        "https://example.news/a",
        "https://example.tv/a",  # sold as a generic name
        "https://example.io/a",
        "https://example.co/a",
        "https://example.eu/a",
        "not a url",
        "",
        None,
    ],
)
def test_generic_domains_say_nothing(url):
    assert country_of_domain(url) is None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Jamaica Example Observer", "JAM"),
        ("The Irish Example", "IRL"),
        ("Texas Example Tribune", "USA"),
        ("Los Angeles Example", "USA"),
        ("Example News", None),
        ("France and Germany Example", None),  # two countries: no home
        ("example-news.com", None),  # a host name is read by its domain, not as a name
    ],
)
def test_outlet_names_that_name_a_country(name, country):
    assert country_of_outlet_name(name, get_gazetteer()) == country


def test_domain_before_name():
    gaz = get_gazetteer()
    assert outlet_country("https://www.example.bz/a", "Jamaica Example", gaz) == "BLZ"
    assert outlet_country("https://www.example.com/a", "Jamaica Example", gaz) == "JAM"
    assert outlet_country(None, "example.co.nz", gaz) == "NZL"
    assert outlet_country(None, None, gaz) is None


@pytest.fixture(scope="module")
def nlp(linking_nlp):
    return linking_nlp


def link(nlp, text: str, url: str | None = None, source: str | None = None):
    """Run the pipeline on ``text`` as the pipeline does for a document with that URL and outlet."""
    doc = nlp.make_doc(text)
    doc._.ng_url, doc._.ng_source = url, source
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def entity(doc, mention: str):
    hits = [e for e in doc._.ng_entities if any(m.text == mention for m in e.mentions)]
    assert hits, [(e.name, [m.text for m in e.mentions]) for e in doc._.ng_entities]
    return hits[0]


# No country named: only the outlet tells where "Millbrook" is.
HUNTER = (
    "Police are investigating the death of a farmer whose body was found on Tuesday near Millbrook. "
    "Relatives said the man left home on Sunday to check his traps and never returned."
)


def test_a_small_town_abroad_gives_way_to_the_outlets_home(nlp):
    assert entity(link(nlp, HUNTER), "Millbrook").country == "USA"  # without the outlet: a US town
    millbrook = entity(link(nlp, HUNTER, url="https://www.example-daily.bz/2024/05/07/farmer/"), "Millbrook")
    assert (millbrook.country, millbrook.gazetteer_id) == ("BLZ", None)  # no town in Belize of that name
    named = entity(link(nlp, HUNTER, source="Belize Example Chronicle"), "Millbrook")
    assert named.country == "BLZ"


def test_the_outlet_does_not_overrule_a_country_the_article_names(nlp):
    text = HUNTER.replace("near Millbrook.", "near Millbrook, Alabama.")
    millbrook = entity(link(nlp, text, url="https://www.example-daily.bz/a/"), "Millbrook")
    assert millbrook.country == "USA"


def test_a_generic_domain_changes_nothing(nlp):
    millbrook = entity(link(nlp, HUNTER, url="https://www.example-daily.com/a/"), "Millbrook")
    assert millbrook.country == "USA"


def test_a_place_without_a_country_leaves_the_article_countryless(nlp):
    # the Caribbean Sea is in no country: the outlet's home still decides
    text = HUNTER + " Heavy rain over the Caribbean Sea slowed the search."
    millbrook = entity(link(nlp, text, url="https://www.example-daily.bz/a/"), "Millbrook")
    assert millbrook.country == "BLZ"


def test_what_the_site_calls_itself_names_its_home(nlp):
    source = "Example Daily | The First Daily Paper of Belize"
    assert entity(link(nlp, HUNTER, source=source), "Millbrook").country == "BLZ"


def test_the_ranker_weighs_the_home_only_where_no_other_country_is_named(nlp):
    ranker = nlp.get_pipe("newsgraph_linking_v1").places.ranker
    shipped = ranker.weights
    uk = "https://www.example-daily.co.uk/news/a/"
    try:
        ranker.weights = {"home_country": 1.0, "log_population": 0.1}  # the home outweighs people here
        doc = link(nlp, "Flood warnings were issued for Perth on Friday after a night of heavy rain.", url=uk)
        assert get_gazetteer().get(entity(doc, "Perth").gazetteer_id).country == "GBR"
        doc = link(nlp, "Flood warnings were issued for Perth and Sydney on Friday after heavy rain.", url=uk)
        assert get_gazetteer().get(entity(doc, "Perth").gazetteer_id).country == "AUS"  # Australia is named
    finally:
        ranker.weights = shipped


# "Marlborough" is first a New Zealand region of 70k people; a Canadian outlet's story means its own town.
LIBRARY = (
    "Marlborough residents will have a new public library by the autumn, the town's council said on Monday. "
    "The building will also hold a clinic and a daycare."
)


def test_a_small_region_abroad_gives_way_to_the_outlets_home_town(nlp):
    assert entity(link(nlp, LIBRARY), "Marlborough").country == "NZL"  # without the outlet: the region
    town = entity(link(nlp, LIBRARY, url="https://news.example.ca/2024/library"), "Marlborough")
    assert town.country == "CAN" and town.gazetteer_id.startswith("geonames:")
