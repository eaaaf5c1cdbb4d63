"""An actor named in another sentence (issue 11): a pronoun subject coref resolved is a full actor,
and the confidence model knows the source came through coref.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

NAMED = "Senator Dana Whitcombe spoke in Valdoria on Monday. Senator Dana Whitcombe accused Ruritania of fraud."
PRONOUN = "Senator Dana Whitcombe spoke in Valdoria on Monday. She accused Ruritania of fraud."


def test_a_resolved_pronoun_subject_is_the_source(coded):
    ((article, event, features),) = coded(PRONOUN, "ACCUSE")
    assert [article.entity(i).name for i in event.source] == ["Dana Whitcombe"]
    assert features["source_subject"] == 1.0  # a subject, whether named or a pronoun
    assert features["source_coref"] == 1.0


def test_a_named_subject_is_not_marked_as_coref(coded):
    ((_article, event, features),) = coded(NAMED, "ACCUSE")
    assert features["source_subject"] == 1.0 and features["source_coref"] == 0.0
    assert event.confidence is not None


def test_the_coref_route_moves_the_confidence_by_its_fitted_weight(coded):
    from newsgraph.nlp.events.confidence import get_confidence_model

    weight = get_confidence_model().weights["source_coref"]
    ((_a, named, _f),) = coded(NAMED, "ACCUSE")
    ((_b, pronoun, _g),) = coded(PRONOUN, "ACCUSE")
    assert weight != 0.0
    assert (pronoun.confidence < named.confidence) == (weight < 0)
