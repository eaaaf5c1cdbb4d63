"""Sentences as the components see them: spaCy's sentences, cut again at paragraph starts.

Shared by coreference and quote attribution, which must agree on what a sentence is.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

__all__ = ["split_at_paragraphs"]


def split_at_paragraphs(doc: Doc, sents: list, char_starts, tok_starts: list[int]) -> list:
    """Sentences cut at paragraph starts: the parser runs "He wrote:" on into the next paragraph."""
    cuts = sorted({bisect.bisect_left(tok_starts, c) for c in char_starts} - {0, len(doc)})
    out = []
    k = 0
    for sent in sents:
        start = sent.start
        while k < len(cuts) and cuts[k] <= start:
            k += 1
        while k < len(cuts) and cuts[k] < sent.end:
            out.append(doc[start : cuts[k]])
            start = cuts[k]
            k += 1
        out.append(doc[start : sent.end])
    return out
