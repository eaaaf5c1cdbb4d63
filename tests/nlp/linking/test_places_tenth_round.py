"""Place classes found on articles of our own, tenth round (issue 11; docs/failure-classes.md "Tenth
round").  Sentences written for these tests; the bodies and small towns are invented."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(linking_nlp):
    return linking_nlp


def nested_names(doc) -> set[str]:
    return {m.text for e in doc._.ng_entities for m in e.mentions if m.nested is not None}


def test_a_word_of_a_groups_name_is_no_region_of_a_country_the_story_is_not_in(nlp):
    # "Unity" is a state of South Sudan; the story is in Chad, and the word is the group's
    text = "Fighting between the army and the Free Unity Alliance spread toward Abeche in Chad."
    doc = nlp(text)
    assert "Unity" not in nested_names(doc)
    assert any(e.name == "Chad" for e in doc._.ng_entities)


def test_a_region_in_a_bodys_name_in_the_storys_country_is_still_read(nlp):
    # guard: the same kind of region, in the country the story names, is a place inside the name
    text = "The Kassala Farmers Union said the harvest in Sudan had failed."
    assert "Kassala" in nested_names(nlp(text))


def test_an_unknown_village_of_a_story_filed_from_abroad_lies_in_the_storys_country(nlp):
    text = (
        "GENEVA, May 3 - Aid agencies said on Friday that fighting in Sudan had cut the road from Khartoum "
        "to Kassala. Officials spoke in Geneva.\n\nThe Northern Unity Front denied the charge. Its spokesman, "
        "Adil Haroun, said the army had shelled a market in Wad Kheir on Tuesday, killing 14 civilians. "
        "Trucks waiting in Kassala were turned back, officials in Sudan said."
    )
    doc = nlp(text)
    village = next(e for e in doc._.ng_entities if e.name == "Wad Kheir")
    assert village.country == "SDN"
    assert village.lat is None  # not Geneva's point
    assert next(e for e in doc._.ng_entities if e.name == "Geneva").country == "CHE"
