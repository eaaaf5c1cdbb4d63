"""Entities: spaCy's NER corrected by gazetteer matching and type rules (``newsgraph_entities_v1``)."""

from .component import EntityCorrector, make_entities

__all__ = ["EntityCorrector", "make_entities"]
