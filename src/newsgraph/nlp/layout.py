"""Where an article's parts sit in its text: paragraphs and datelines.

A dateline ("KYIV, July 19 (Wire) -", "OUTLET – ") opens a paragraph near the top and says
where the story was filed and by whom.  Its words are neither actors, antecedents nor
reported speech, so events, coreference and quotes all skip it, and they find it here.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..model import Paragraph
from ..model.dateline import OUTLET_DATELINE, PLACE_DATELINE
from .extensions import doc_text

__all__ = ["PLACE_DATELINE", "OUTLET_DATELINE", "dateline_end", "dateline_ranges", "paragraphs_of"]


def dateline_end(text: str, start: int) -> int | None:
    """Where a place dateline opening at ``start`` ends (the first character after its dash), or None."""
    m = PLACE_DATELINE.match(text, start, min(len(text), start + 120))
    return m.end() if m else None


def dateline_ranges(text: str, paragraph_starts: list[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of each place dateline opening a paragraph."""
    out = []
    for s in paragraph_starts:
        end = dateline_end(text, s)
        if end is not None:
            out.append((s, end))
    return out


def paragraphs_of(doc: Doc) -> list[Paragraph]:
    """The reader's paragraphs (``doc._.ng_paragraphs``), in order; for a bare Doc, runs of
    lines separated by blank lines."""
    paras = doc._.ng_paragraphs
    if paras:
        return sorted(paras, key=lambda p: p.start)
    return [Paragraph(m.start(), m.end(), "body") for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", doc_text(doc))]
