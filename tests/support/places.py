"""Reading places in tests: the entity a mention belongs to, and how far its point lies from a place."""

from __future__ import annotations

import math


def entity(nlp, text: str, name: str):
    """The entity of the Doc ``nlp(text)`` with a mention written ``name``."""
    doc = nlp(text)
    hits = [e for e in doc._.ng_entities if any(m.text == name for m in e.mentions)]
    assert hits, [(e.name, e.type, [m.text for m in e.mentions]) for e in doc._.ng_entities]
    return hits[0]


def km_between(e, lat: float, lon: float) -> float:
    """Great-circle kilometres from the entity's point to (lat, lon)."""
    assert e.lat is not None and e.lon is not None, (e.name, e.type, e.country)
    p1, p2 = math.radians(lat), math.radians(e.lat)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - e.lon) / 2) ** 2
    return 12_742 * math.asin(math.sqrt(a))
