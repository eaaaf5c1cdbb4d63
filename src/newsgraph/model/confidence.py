"""The one confidence threshold: which facts people see by default.

Every entity, quote and event carries a ``confidence`` in [0, 1] (``None`` when
no component computed one, which counts as 1.0).  The store keeps every fact;
the web reader, the exports and the API show a fact only when :func:`shown`
says so, all with the same default, :data:`MIN_CONFIDENCE`.  A calibration on
the dev sets (``newsgraph eval ... `` calibration tables, docs/accuracy.md) sets
its value: the lowest threshold at which what is shown is right 8 times in 10.
"""

from __future__ import annotations

__all__ = ["MIN_CONFIDENCE", "confidence_of", "shown", "check_threshold"]

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
