"""The attribute ruler matched through an index gives exactly spaCy's matches and tokens."""

from __future__ import annotations

import pytest

from newsgraph.nlp.attribute_rules import IndexedAttributeRules, index_attribute_ruler
from newsgraph.nlp.model_loader import load_english_model

# Sentences of our own that reach every kind of rule: tag map, pronoun case by dependency,
# auxiliaries, "do/have" as main verbs, determiners as pronouns, contractions over two
# tokens, expletive "there", whitespace tokens.
SENTENCES = [
    "The minister said on Monday that the talks would resume in March.",
    "I told them she'd gone, but they gave it to me anyway and you saw it.",
    "We're gonna win, y'all, and they ain't gonna stop us. Let's go! C'mon on.",
    "There is a problem and there 're two more; this is what that means.",
    "He did his homework and has had enough.  Did they? They do.",
    "Prices rose 4.5% (from $3 bn) -- analysts were surprised.\n\n  New paragraph here.",
    "Y all got ta see it: he gets it, she got it, it wo n't stop.",
    "Somebody asked whether anybody knew which of these was theirs.",
]


@pytest.fixture(scope="module")
def parsed():
    """The model up to the parser (what the attribute ruler reads), and its ruler."""
    model = load_english_model()
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(model.pipe(SENTENCES))
    return model, model.get_pipe("attribute_ruler"), docs


def test_the_index_finds_exactly_the_matchers_matches(parsed):
    _, ruler, docs = parsed
    indexed = IndexedAttributeRules(ruler)
    for doc in docs:
        assert indexed.match(doc) == ruler.match(doc), doc.text


def test_the_index_reaches_every_kind_of_rule_these_sentences_use(parsed):
    _, ruler, docs = parsed
    indexed = IndexedAttributeRules(ruler)
    matched = {key for doc in docs for key, *_ in indexed.match(doc)}
    two_token = {key for key, rule in enumerate(ruler.patterns) if any(len(p) > 1 for p in rule["patterns"])}
    by_dependency = {
        key for key, rule in enumerate(ruler.patterns) if any("DEP" in t for p in rule["patterns"] for t in p)
    }
    assert matched & two_token  # "gonna", "let's", "there 're" ...
    assert matched & by_dependency  # "I" as subject vs object, auxiliaries
    assert len(matched) > 60


def test_the_pipeline_tokens_are_the_same_with_the_index():
    plain = load_english_model()
    indexed = load_english_model()
    assert index_attribute_ruler(indexed)
    for a, b in zip(plain.pipe(SENTENCES), indexed.pipe(SENTENCES), strict=True):
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in a] == [
            (t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in b
        ]


def test_a_rule_the_index_cannot_read_keeps_spacys_matcher():
    model = load_english_model()
    ruler = model.get_pipe("attribute_ruler")
    ruler.add([[{"POS": "NOUN", "OP": "+"}]], {"LEMMA": "thing"})
    spacy_match = ruler.match
    assert not index_attribute_ruler(model)
    assert ruler.match == spacy_match


def test_a_rule_added_after_indexing_is_applied_through_spacys_matcher():
    nlp = load_english_model()
    assert index_attribute_ruler(nlp)
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "zorblat"}]], {"POS": "INTJ"})
    assert [t.pos_ for t in nlp("zorblat")] == ["INTJ"]
