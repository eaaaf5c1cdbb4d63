"""Shared fixtures.  The spaCy pipeline is built once per test session: it is the slow part."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.common import plain_document
from support import SHARED


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``, or a clean skip when this checkout has none beside it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def analyze_text(nlp):
    """``analyze_text(text, published=None) -> Article`` through the full pipeline."""
    from newsgraph.nlp.pipeline import analyze_document

    def run(text: str, published: str | None = None):
        return analyze_document(nlp, plain_document(text, published=published, path="<test>"))

    return run


@pytest.fixture(scope="session")
def analyze_with():
    """``analyze_with(components)(text, published=None)``: the real pipeline path with only
    the named components, each set built once per session."""
    from newsgraph.nlp.pipeline import AnalysisOptions, analyze_document, build_pipeline

    built = {}

    def factory(components: tuple[str, ...]):
        if components not in built:
            options = AnalysisOptions(components=components, skip_non_english=False)
            built[components] = (build_pipeline(options), options)
        nlp, options = built[components]

        def run(text: str, published: str | None = None):
            document = plain_document(text, published=published, path="<test>")
            return analyze_document(nlp, document, options)

        return run

    return factory
