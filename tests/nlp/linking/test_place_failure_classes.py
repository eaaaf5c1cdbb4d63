"""Issue 12 failure class "a state taken for its city" (docs/failure-classes.md), on sentences
written for these tests (invented people, real places).

A test marked ``xfail(strict=True)`` is an open bug of HEAD, listed as open in the doc.
"""

from __future__ import annotations


def place_ids(nlp, text: str, mention: str) -> list[str | None]:
    doc = nlp(text)
    return [e.gazetteer_id for e in doc._.ng_entities if any(m.text == mention for m in e.mentions)]


def test_the_state_of_names_the_state_not_its_city(linking_nlp):
    text = "Lawmakers in the state of New York voted to raise the minimum wage on Tuesday."
    assert place_ids(linking_nlp, text, "New York") == ["iso3166-2:US-NY"]


def test_the_governor_of_a_state_names_the_state(linking_nlp):
    text = "Governor Maria Lopez of New York signed the bill on Friday."
    assert place_ids(linking_nlp, text, "New York") == ["iso3166-2:US-NY"]


def test_the_mayor_of_a_city_named_like_its_state_names_the_city(linking_nlp):
    text = "Mayor Maria Lopez of New York signed the bill on Friday."
    assert place_ids(linking_nlp, text, "New York") != ["iso3166-2:US-NY"]


def test_a_senator_of_a_state_names_the_state(linking_nlp):
    text = "Sen. Tom Alder of Washington voted against the bill."
    assert place_ids(linking_nlp, text, "Washington") == ["iso3166-2:US-WA"]


def test_an_unknown_state_is_not_placed_in_the_town_of_the_summit(analyze_text):
    # invented countries the gazetteer lacks took the dateline's city and country (sixth round)
    article = analyze_text(
        "VIENNA, May 3 \u2014 Morvania and Caldera agreed on Friday to restore relations after talks in Vienna.\n\n"
        "President Ivo Marek of Morvania said the deal would hold. Caldera's ambassador will return within a month. "
        "The leaders will meet again in Caldera's capital, Ostrava Nova, in June."
    )
    # a capital named in apposition, whose name holds a real town's, is not that town either
    for name in ("Morvania", "Caldera", "Ostrava Nova"):
        state = next(e for e in article.entities if e.name == name)
        assert (state.lat, state.country) == (None, None), name


def test_a_town_named_by_its_leaders_is_still_placed_where_the_text_puts_it(analyze_text):
    # the false-positive side of the rule above: a town has leaders and a government too, and "X, Ohio"
    # places it (the review found both left without a country)
    article = analyze_text(
        "The leaders of Pellham Crossing, Ohio, voted on Monday to close the old mill. "
        "The government of Dunwick Township, Michigan, said it would buy the land."
    )
    for name in ("Pellham Crossing", "Dunwick Township"):
        town = next(e for e in article.entities if e.name == name)
        assert town.country == "USA" and town.lat is not None, (name, town.country, town.lat)
