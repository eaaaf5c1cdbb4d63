"""An Article as rows of the fact tables: the one mapping the SQLite writer and
the Parquet shards (Ray) share, so both hold exactly the same columns."""

from __future__ import annotations

import json

from ..model import Article

__all__ = ["FACT_COLUMNS", "fact_rows", "arrow_schema"]

FACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("article_id", "local_id", "name", "type", "country", "lat", "lon", "gazetteer_id",
                 "titles", "aliases", "corpus_entity_id", "confidence"),
    "mentions": ("article_id", "entity_id", "char_start", "char_end", "text", "nested"),
    "quotes": ("article_id", "idx", "char_start", "char_end", "text", "kind", "speaker_id",
               "cue_start", "cue_end", "cue_text", "speaker_start", "speaker_end", "speaker_text",
               "confidence"),
    "findings": ("article_id", "idx", "char_start", "char_end", "text", "kind", "source_id",
                 "cue_start", "cue_end", "cue_text", "source_start", "source_end", "source_text", "confidence", "form"),
    "events": ("article_id", "idx", "type", "mode", "modality", "trigger_start", "trigger_end", "trigger_text",
               "source", "target", "location", "date", "speaker", "source_sector", "target_sector", "mentions",
               "sort_date", "confidence"),
    "event_actors": ("article_id", "event_idx", "role", "entity_id"),
    "amounts": ("article_id", "idx", "char_start", "char_end", "text", "value", "unit", "currency", "qualifier"),
    "dates": ("article_id", "idx", "char_start", "char_end", "text", "value"),
    "framing": ("article_id", "idx", "entity_id", "char_start", "char_end", "text", "construction", "tone"),
}  # fmt: skip


# Column types for Parquet; everything else is a string (dates.value is an ISO date, amounts.value a number).
_INT_COLUMNS = {
    "idx",
    "event_idx",
    "char_start",
    "char_end",
    "cue_start",
    "cue_end",
    "trigger_start",
    "trigger_end",
    "corpus_entity_id",
    "speaker_start",
    "speaker_end",
    "source_start",
    "source_end",
}
_FLOAT_COLUMNS = {"lat", "lon", "tone", "confidence", "amounts.value"}


def arrow_schema(table: str):
    """The pyarrow schema of a fact table, so every shard of it has the same types."""
    import pyarrow as pa

    def arrow_type(column: str):
        if column in _INT_COLUMNS:
            return pa.int64()
        if column in _FLOAT_COLUMNS or f"{table}.{column}" in _FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    return pa.schema([(c, arrow_type(c)) for c in FACT_COLUMNS[table]])


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def fact_rows(aid: str, article: Article, corpus_ids: dict[str, int] | None = None) -> dict[str, list[tuple]]:
    """Rows per fact table, in ``FACT_COLUMNS`` order.  ``corpus_ids`` maps local
    entity ids to corpus entity ids where the store has resolved them."""
    corpus_ids = corpus_ids or {}
    actors = {
        (aid, i, role, local_id): None
        for i, ev in enumerate(article.events)
        for role, ids in (("source", ev.source), ("target", ev.target))
        for local_id in ids
    }  # a dict keeps order and drops an actor listed twice
    return {
        "entities": [
            (aid, e.id, e.name, e.type, e.country, e.lat, e.lon, e.gazetteer_id,
             _json(e.titles), _json(e.aliases), corpus_ids.get(e.id), e.confidence)
            for e in article.entities
        ],
        "mentions": [(aid, e.id, m.start, m.end, m.text, m.nested) for e in article.entities for m in e.mentions],
        "quotes": [
            (aid, i, q.start, q.end, q.text, q.kind, q.speaker,
             q.cue.start if q.cue else None, q.cue.end if q.cue else None, q.cue.text if q.cue else None,
             *((q.speaker_span.start, q.speaker_span.end, q.speaker_span.text) if q.speaker_span else (None,) * 3),
             q.confidence)
            for i, q in enumerate(article.quotes)
        ],
        "findings": [
            (aid, i, f.start, f.end, f.text, f.kind, f.source,
             f.cue.start if f.cue else None, f.cue.end if f.cue else None, f.cue.text if f.cue else None,
             f.source_span.start, f.source_span.end, f.source_span.text, f.confidence, f.form)
            for i, f in enumerate(article.findings)
        ],
        "events": [
            (aid, i, ev.type, ev.mode, ev.modality, ev.trigger.start, ev.trigger.end, ev.trigger.text,
             _json(ev.source), _json(ev.target), ev.location, ev.date, ev.speaker, ev.source_sector,
             ev.target_sector, _json([[m.start, m.end, m.text] for m in ev.mentions]),
             (ev.date or article.published or "")[:10] or None, ev.confidence)
            for i, ev in enumerate(article.events)
        ],
        "event_actors": list(actors),
        "amounts": [
            (aid, i, a.start, a.end, a.text, a.value, a.unit, a.currency, a.qualifier)
            for i, a in enumerate(article.amounts)
        ],
        "dates": [(aid, i, d.start, d.end, d.text, d.value) for i, d in enumerate(article.dates)],
        "framing": [
            (aid, i, f.entity, f.start, f.end, f.text, f.construction, f.tone) for i, f in enumerate(article.framing)
        ],
    }  # fmt: skip
