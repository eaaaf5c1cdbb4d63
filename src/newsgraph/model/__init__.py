"""The bottom layer: the data every other part of newsgraph reads and writes.

``Document`` is what a reader makes of a source file (clean text, layout, an
offset map back to the source); ``Article`` is what the NLP pipeline makes of a
``Document`` (the contract of docs/schema.md); ``article_id`` names an article
by its text.  This package imports nothing else of newsgraph's but ``errors``.
"""

from .article import (
    SCHEMA_VERSION,
    Amount,
    Article,
    DateMention,
    Descriptor,
    Entity,
    Event,
    Finding,
    Mention,
    Paragraph,
    Quote,
    Span,
)
from .confidence import MIN_CONFIDENCE, confidence_of, shown
from .document import Document, OffsetMap
from .ids import article_id, normalise_text

__all__ = [
    "MIN_CONFIDENCE",
    "SCHEMA_VERSION",
    "Amount",
    "Article",
    "DateMention",
    "Descriptor",
    "Document",
    "Entity",
    "Event",
    "Finding",
    "Mention",
    "OffsetMap",
    "Paragraph",
    "Quote",
    "Span",
    "article_id",
    "confidence_of",
    "shown",
    "normalise_text",
]
