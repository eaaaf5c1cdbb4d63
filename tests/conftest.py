"""Shared fixtures.  The spaCy pipeline is built once per test session: it is the slow part."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.ingest.document import Document, OffsetMap
from newsgraph.model import Paragraph

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


def plain_document(text: str, published: str | None = None, title: str | None = None) -> Document:
    """A Document for already-clean text: paragraphs split on blank lines, identity offsets."""
    paragraphs = [
        Paragraph(m.start(), m.end(), "body") for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)
    ]
    return Document(
        text=text,
        source_text=text,
        offsets=OffsetMap.identity(len(text)),
        paragraphs=paragraphs,
        title=title,
        published=published,
        path="<test>",
    )


@pytest.fixture(scope="session")
def analyze_text(nlp):
    """``analyze_text(text, published=None) -> Article`` through the full pipeline."""
    from newsgraph.nlp.pipeline import analyze_document

    def run(text: str, published: str | None = None):
        return analyze_document(nlp, plain_document(text, published=published))

    return run
