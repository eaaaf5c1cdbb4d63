"""An actor named in another sentence (issue 11): a pronoun subject coref resolved is a full actor,
and the confidence model knows the source came through coref.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph.evaluate.common import plain_document
from newsgraph.nlp.pipeline import analyze_document

NAMED = "Senator Dana Whitcombe spoke in Valdoria on Monday. Senator Dana Whitcombe accused Ruritania of fraud."
PRONOUN = "Senator Dana Whitcombe spoke in Valdoria on Monday. She accused Ruritania of fraud."


@pytest.fixture
def coded(nlp):
    """``coded(text) -> [(article, event, features)]`` for the ACCUSE events, via the coder's evidence log."""
    coder = nlp.get_pipe("newsgraph_events_v1")

    def run(text: str):
        coder.evidence_log = []
        try:
            article = analyze_document(nlp, plain_document(text, path="<test>"))
            return [(article, e, f) for e, f, _named in coder.evidence_log if e.type == "ACCUSE"]
        finally:
            coder.evidence_log = None

    return run


def test_a_resolved_pronoun_subject_is_the_source(coded):
    ((article, event, features),) = coded(PRONOUN)
    assert [article.entity(i).name for i in event.source] == ["Dana Whitcombe"]
    assert features["source_subject"] == 1.0  # a subject, whether named or a pronoun
    assert features["source_coref"] == 1.0


def test_a_named_subject_is_not_marked_as_coref(coded):
    ((_article, event, features),) = coded(NAMED)
    assert features["source_subject"] == 1.0 and features["source_coref"] == 0.0
    assert event.confidence is not None


def test_the_coref_route_moves_the_confidence_by_its_fitted_weight(coded):
    from newsgraph.nlp.events.confidence import get_confidence_model

    weight = get_confidence_model().weights["source_coref"]
    ((_a, named, _f),) = coded(NAMED)
    ((_b, pronoun, _g),) = coded(PRONOUN)
    assert weight != 0.0
    assert (pronoun.confidence < named.confidence) == (weight < 0)
