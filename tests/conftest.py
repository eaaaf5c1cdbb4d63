"""Shared fixtures.  The spaCy pipeline is built once per test session: it is the slow part."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.common import plain_document

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


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
