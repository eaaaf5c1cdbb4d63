"""Stable article ids: the same story text always gets the same id.

The id is a content hash, so re-ingesting a file, or a renamed copy of it, maps
onto the article already stored instead of creating a second one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["article_id", "normalise_text"]

_WHITESPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFKC, casefold, collapse every whitespace run to one space, strip the ends.

    Differences that do not change what the article says (Unicode compatibility
    forms, case, re-wrapped lines) must not change its id.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WHITESPACE.sub(" ", text).strip()


def article_id(text: str) -> str:
    """First 16 hex digits of the sha256 of :func:`normalise_text` (64 bits: no
    realistic collision risk for news corpora, short enough for URLs)."""
    digest = hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]
