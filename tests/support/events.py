"""Reading an analysed article's events in tests: actor names and events of one PLOVER type."""

from __future__ import annotations


def actor_names(article, ids) -> list[str]:
    """The sorted names of the entities ``ids`` stand for (ids without an entity are left out)."""
    return sorted(article.entity(i).name for i in ids if article.entity(i))


def events_of_type(article, type_: str) -> list:
    """The article's events of one PLOVER type, in text order."""
    return [e for e in article.events if e.type == type_]
