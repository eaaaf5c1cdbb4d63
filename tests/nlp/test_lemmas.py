"""The lemmatizer remembering its answers gives every lemma spaCy's gives."""

from __future__ import annotations

from newsgraph.nlp.lemmas import RememberedLemmas, remember_lemmas
from newsgraph.nlp.model_loader import load_english_model

SENTENCES = [
    "The ministers were meeting; the minister met them and said the meetings went better than hoped.",
    "She's been running faster, ran the fastest race, and runs again on Monday.",
    "I saw the saw. They're leaving; we left. Leaves fell as the leaves' colours changed.",
    "Prices ROSE 4.5% in the U.S. as OPEC's output fell, analysts said.\n\nBetter days are coming.",
]


def lemmas(model) -> list[list[str]]:
    return [[t.lemma_ for t in doc] for doc in model.pipe(SENTENCES * 2)]


def test_remembered_lemmas_are_spacys_lemmas():
    plain = load_english_model()
    remembering = load_english_model()
    assert remember_lemmas(remembering)
    assert lemmas(remembering) == lemmas(plain)
    remembered = remembering.get_pipe("lemmatizer").lemmatize
    assert isinstance(remembered, RememberedLemmas)
    assert remembered.answers  # the repeated sentences were answered from memory
    assert remember_lemmas(remembering)  # twice: still one layer
    assert not isinstance(remembered.lemmatize, RememberedLemmas)


def test_a_full_memory_is_forgotten_not_grown():
    model = load_english_model()
    remember_lemmas(model)
    remembered = model.get_pipe("lemmatizer").lemmatize
    remembered.limit = 5
    first = lemmas(model)
    assert len(remembered.answers) <= 5
    assert lemmas(model) == first
