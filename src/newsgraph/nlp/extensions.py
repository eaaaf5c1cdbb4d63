"""The ``doc._`` extension attributes our components read and write.

Registered on demand by :func:`register_extensions` (never at import): every component
factory calls it, so a component added alone to ``spacy.blank("en")`` finds the
attributes it reads and writes.  Each factory declares in ``requires`` / ``assigns``
which of these it reads and fills (``nlp.analyze_pipes()`` checks the order).

- ``ng_published``  (str | None)  publication date, ISO; set before the components run
- ``ng_url``        (str | None)  the document's URL, from its reader; set before the components run
- ``ng_source``     (str | None)  the outlet's name or host name (``Document.source``), then what
  a web page calls its site on its home link (``Document.extra["home_link_titles"]``), " | "
  between them; likewise
- ``ng_paragraphs`` (list[Paragraph])  the document's paragraphs, from ingest
- ``ng_entities``   (list[Entity])  resolved article entities, with mentions
- ``ng_entity_spans`` (list[tuple[int, int, str]])  (start_char, end_char, entity id), sorted
- ``ng_entity_meta`` (dict[str, dict])  per entity: ``titles``, ``kind`` (gazetteer kind), ``sector``,
  ``metonymic_mentions``; read by the events component
- ``ng_coref``      (dict[int, str])  token index of a pronoun or definite description -> entity id,
  from ``newsgraph_coref_v1``: the one referent quotes and events both use
- ``ng_quotes``     (list[Quote])
- ``ng_findings``   (list[Finding])  what a record shows or an unnamed group believes (the quotes component)
- ``ng_amounts``    (list[Amount])
- ``ng_dates``      (list[DateMention])
- ``ng_events``     (list[Event])
- ``ng_framing``    (list[Descriptor])
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ..model import Entity, Mention

__all__ = [
    "DOC_EXTENSIONS",
    "register_extensions",
    "entity_at",
    "entity_ids_in",
    "entities_from_ner",
    "entity_index",
    "lower_case_words",
]

DOC_EXTENSIONS = (
    "ng_published",
    "ng_url",
    "ng_source",
    "ng_paragraphs",
    "ng_entities",
    "ng_entity_spans",
    "ng_entity_meta",
    "ng_coref",
    "ng_quotes",
    "ng_findings",
    "ng_amounts",
    "ng_dates",
    "ng_events",
    "ng_framing",
)


_TEXT_KEY = ("newsgraph", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each access, and a dozen
    components read it.  Safe to keep because a Doc's text never changes after tokenisation."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_LOWER_WORDS_KEY = ("newsgraph", "lower_case_words")


def lower_case_words(doc: Doc) -> frozenset[str]:
    """The text of every all-lower-case token (``{t.text for t in doc if t.is_lower}``), found once
    per Doc from ``Doc.to_array`` without a Token object per token: two place rules ask whether a
    name is also used as a common word.  Kept, like :func:`doc_text`, because no component
    retokenises."""
    words = doc.user_data.get(_LOWER_WORDS_KEY)
    if words is None:
        strings = doc.vocab.strings
        words = frozenset(strings[orth] for orth, lower in doc.to_array(["ORTH", "IS_LOWER"]).tolist() if lower)
        doc.user_data[_LOWER_WORDS_KEY] = words
    return words


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


def entities_from_ner(doc: Doc) -> list[Entity]:
    """Plain spaCy NER grouped by (label, text): the article's entities when the linking component is off."""
    by_key: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        key = (ent.label_, ent.text)
        if key not in by_key:
            by_key[key] = Entity(id=f"E{len(by_key) + 1}", name=ent.text, type=ent.label_)
        by_key[key].mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
    return list(by_key.values())


def entity_index(doc: Doc) -> tuple[list[tuple[int, int, str]], list[Entity]]:
    """(sorted entity spans, entities): the linking component's, or with it off the NER grouping
    :func:`entities_from_ner` gives (the same ids the Article gets then)."""
    if doc._.ng_entity_spans is not None:
        return list(doc._.ng_entity_spans), list(doc._.ng_entities or [])
    entities = entities_from_ner(doc)
    return sorted((m.start, m.end, e.id) for e in entities for m in e.mentions), entities
