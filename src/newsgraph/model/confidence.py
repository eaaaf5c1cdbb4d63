"""The one confidence threshold: which facts people see by default.

Every entity, quote and event carries a ``confidence`` in [0, 1] (``None`` when
no component computed one, which counts as 1.0).  The store keeps every fact;
the web reader, the exports and the API show a fact only when :func:`shown`
says so, all with the same default, :data:`MIN_CONFIDENCE`.  A calibration on
the dev sets (``newsgraph eval ... `` calibration tables, docs/accuracy.md) sets
its value: the lowest threshold at which what is shown is right 8 times in 10.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .article import Article

__all__ = ["MIN_CONFIDENCE", "confidence_of", "shown", "check_threshold", "visible"]

MIN_CONFIDENCE = 0.5


def confidence_of(fact) -> float:
    """The fact's confidence, 1.0 when it has none; ``fact`` is a model object or its dict."""
    value = fact.get("confidence") if isinstance(fact, dict) else getattr(fact, "confidence", None)
    return 1.0 if value is None else float(value)


def shown(fact, threshold: float | None = None) -> bool:
    """Is ``fact`` (an Entity, Quote or Event, or its dict) at or above ``threshold`` (default MIN_CONFIDENCE)?"""
    return confidence_of(fact) >= (MIN_CONFIDENCE if threshold is None else threshold)


def check_threshold(threshold: float) -> float:
    """``threshold`` if it is a number in [0, 1]; ValueError otherwise."""
    value = float(threshold)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"a confidence threshold is between 0 and 1, not {threshold}")
    return value


def visible(article: Article, threshold: float | None = None) -> Article:
    """A copy of ``article`` holding only the entities, quotes, findings and events at or above
    ``threshold`` (default MIN_CONFIDENCE); references to a left-out entity (a speaker,
    an actor, a location, a descriptor) go with it, so the copy is consistent."""
    entities = [e for e in article.entities if shown(e, threshold)]
    kept = {e.id for e in entities}

    def ref(local: str | None) -> str | None:
        return local if local in kept else None

    quotes = [replace(q, speaker=ref(q.speaker)) for q in article.quotes if shown(q, threshold)]
    findings = [replace(f, source=ref(f.source)) for f in article.findings if shown(f, threshold)]
    events = [
        replace(
            ev,
            source=[x for x in ev.source if x in kept],
            target=[x for x in ev.target if x in kept],
            location=ref(ev.location),
            speaker=ref(ev.speaker),
        )
        for ev in article.events
        if shown(ev, threshold)
    ]
    framing = [d for d in article.framing if d.entity in kept]
    return replace(article, entities=entities, quotes=quotes, findings=findings, events=events, framing=framing)
