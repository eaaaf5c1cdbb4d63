"""Fixtures of the event tests: the coder's evidence, read through its evidence log."""

from __future__ import annotations

import pytest

from newsgraph.evaluate.common import plain_document
from newsgraph.nlp.pipeline import analyze_document


@pytest.fixture
def coded(nlp):
    """``coded(text, type) -> [(article, event, features)]`` for the events of one PLOVER type, with
    the confidence features the coder computed for each (its evidence log)."""
    coder = nlp.get_pipe("newsgraph_events_v1")

    def run(text: str, kind: str):
        coder.evidence_log = []
        try:
            article = analyze_document(nlp, plain_document(text, path="<test>"))
            return [(article, e, f) for e, f, _named in coder.evidence_log if e.type == kind]
        finally:
            coder.evidence_log = None

    return run
