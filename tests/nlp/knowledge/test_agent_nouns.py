"""Agent nouns as people (issue 11, sixth round): an -er/-or/-ant/-ent/-ee noun whose stem is an
English verb names someone who does it ("logger", "dispatcher", "narrator", "defendant",
"trainee"), unless it names an instrument or a document of the same shape ("printer", "letter")."""

from __future__ import annotations

import pytest

from newsgraph.nlp.knowledge.lexicon import is_person_noun, verb_lemmas


@pytest.mark.parametrize(
    "word",
    ["logger", "dispatcher", "organizer", "investigator", "narrator", "announcer", "driver", "shopper",
     "supplier", "defendant", "informant", "resident", "participant", "trainee", "nominee", "retiree"],
)  # fmt: skip
def test_an_agent_noun_names_a_person(word):
    assert is_person_noun(word)


@pytest.mark.parametrize(
    "word",
    ["computer", "printer", "reactor", "monitor", "trailer", "sticker", "flyer", "poster", "letter", "paper",
     "number", "order", "center", "sector", "factor", "indicator", "filter", "banner", "counter", "container",
     "tracker", "scanner", "recorder", "transmitter", "statement", "agreement", "solvent", "committee", "door",
     "error", "river", "water", "record"],
)  # fmt: skip
def test_a_thing_of_the_same_shape_does_not(word):
    assert not is_person_noun(word)


def test_the_verbs_come_from_the_model_lemmatiser_tables():
    verbs = verb_lemmas()
    assert {"log", "dispatch", "narrate", "defend"} <= verbs
    assert "tiger" not in verbs and verbs is verb_lemmas()  # cached: read once
