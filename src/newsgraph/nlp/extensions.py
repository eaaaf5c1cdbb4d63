"""The ``doc._`` extension attributes our components read and write.

Registered once, on demand, by :func:`register_extensions` (never at import).
Each component declares in its ``assigns`` which of these it fills.

- ``ng_published``  (str | None)  publication date, ISO; set before the components run
- ``ng_paragraphs`` (list[Paragraph])  the document's paragraphs, from ingest
- ``ng_entities``   (list[Entity])  resolved article entities, with mentions
- ``ng_entity_spans`` (list[tuple[int, int, str]])  (start_char, end_char, entity id), sorted
- ``ng_entity_meta`` (dict[str, dict])  per-entity attributes a later step may want (sector hints ...)
- ``ng_quotes``     (list[Quote])
- ``ng_amounts``    (list[Amount])
- ``ng_dates``      (list[DateMention])
- ``ng_events``     (list[Event])
- ``ng_framing``    (list[Descriptor])
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

__all__ = ["DOC_EXTENSIONS", "register_extensions", "entity_at", "entity_ids_in"]

DOC_EXTENSIONS = (
    "ng_published",
    "ng_paragraphs",
    "ng_entities",
    "ng_entity_spans",
    "ng_entity_meta",
    "ng_quotes",
    "ng_amounts",
    "ng_dates",
    "ng_events",
    "ng_framing",
)


def register_extensions() -> None:
    """Register every ``doc._.ng_*`` attribute (idempotent)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            # default None, not [], so no list is ever shared between docs
            Doc.set_extension(name, default=None)


def entity_at(doc: Doc, start: int, end: int) -> str | None:
    """Id of the entity whose mention best covers the char span ``[start, end)``.

    A mention that contains the span wins; otherwise the mention that overlaps it most.
    """
    spans = doc._.ng_entity_spans or []
    if not spans:
        return None
    i = bisect.bisect_right(spans, (start, float("inf"), "")) - 1
    best, best_overlap = None, 0
    # Look a little to both sides: mentions are short and rarely nest deeply.
    for s, e, ent_id in spans[max(0, i - 3) : i + 8]:
        overlap = min(e, end) - max(s, start)
        if s <= start and end <= e:
            return ent_id
        if overlap > best_overlap:
            best, best_overlap = ent_id, overlap
    return best


def entity_ids_in(doc: Doc, start: int, end: int) -> list[str]:
    """Ids of all entities mentioned inside ``[start, end)``, in text order, without repeats."""
    spans = doc._.ng_entity_spans or []
    i = bisect.bisect_left(spans, (start, -1, ""))
    seen: list[str] = []
    for s, e, ent_id in spans[i:]:
        if s >= end:
            break
        if e <= end and ent_id not in seen:
            seen.append(ent_id)
    return seen
