"""Toponym recall: towns the model types as people or organisations where the sentence says they are
places -- after a preposition of motion or place ("drove to X", "from X", "in X Y"), after a compass
adjective ("in northern X"), or before their own region ("X, Carmarthenshire").  Sentences written
for these tests."""

from __future__ import annotations

import pytest

from newsgraph.nlp.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def places(nlp, text):
    """``{mention text: (entity type, has coordinates)}`` of the article's place entities."""
    return {
        m.text: (e.type, e.lat is not None)
        for e in nlp(text)._.ng_entities
        if e.type in ("GPE", "LOC", "FAC")
        for m in e.mentions
    }


@pytest.mark.parametrize(
    "text, town",
    [
        ("Drivers heading to Tewkesbury face delays after the crash.", "Tewkesbury"),
        ("Volunteers drove to Wetaskiwin on Saturday to deliver food.", "Wetaskiwin"),
        ("The convoy travelled from Brackley overnight.", "Brackley"),
        ("Families in Chipping Norton said the bus had been cancelled.", "Chipping Norton"),
    ],
)
def test_a_town_after_a_preposition_of_place_or_motion_is_a_placed_toponym(nlp, text, town):
    assert places(nlp, text).get(town) == ("GPE", True)


def test_a_town_after_a_compass_adjective_is_a_placed_toponym(nlp):
    assert places(nlp, "Fighting continued in northern Tessalit as troops advanced.").get("Tessalit") == ("GPE", True)


def test_a_town_before_its_own_region_is_split_from_it_and_placed(nlp):
    found = places(nlp, "Crews moved on to Llandovery, Carmarthenshire, by noon.")
    assert found.get("Llandovery") == ("GPE", True)


def test_a_person_after_a_preposition_stays_a_person(nlp):
    text = "The award went to Maria Hastings, who thanked her staff. Hastings said she was proud."
    found = {(e.name, e.type) for e in nlp(text)._.ng_entities}
    assert ("Maria Hastings", "PERSON") in found
    assert not any(t in ("GPE", "LOC") for _, t in found)


def test_a_company_after_a_preposition_stays_a_company(nlp):
    found = {(e.name, e.type) for e in nlp("She sold the shares to Barclays Holdings last year.")._.ng_entities}
    assert not any(t in ("GPE", "LOC") for _, t in found)


def place_mentions(nlp, text):
    """``[(mention text, entity type)]`` of the article's place mentions, in text order."""
    doc = nlp(text)
    found = [(m.start, m.text, e.type) for e in doc._.ng_entities if e.type in ("GPE", "LOC") for m in e.mentions]
    return [(t, typ) for _, t, typ in sorted(found)]


def test_a_place_in_a_persons_title_is_still_a_place(nlp):
    found = place_mentions(nlp, "The talks were led by the President of Ukraine Petro Poroshenko and his aides.")
    assert ("Ukraine", "GPE") in found


def test_every_repeat_of_a_place_the_article_names_is_a_mention(nlp):
    text = "Troops entered Nakusp on Friday. NAKUSP – The mayor of Nakusp said the town was calm."
    assert [t for t, _ in place_mentions(nlp, text)] == ["Nakusp", "NAKUSP", "Nakusp"]


def test_a_tie_between_a_linked_place_and_an_unlinked_person_goes_to_the_place(nlp):
    from newsgraph.nlp.entities.matching import SpanCandidate
    from newsgraph.nlp.entities.rules import TypeRules
    from newsgraph.nlp.knowledge.gazetteer import get_gazetteer

    doc = nlp("Rents rose in Chipping Norton last year. Chipping Norton has one new shop.")
    town = get_gazetteer().lookup("Chipping Norton")[0]
    starts = [t.i for t in doc if t.text == "Chipping"]
    # the model's two readings of one name: the linked town once, a "person" once
    ents = [SpanCandidate(starts[0], starts[0] + 2, "GPE", town.id), SpanCandidate(starts[1], starts[1] + 2, "PERSON")]
    TypeRules().one_name_one_type(doc, ents)
    assert [(e.label, e.kb) for e in ents] == [("GPE", town.id), ("GPE", town.id)]
