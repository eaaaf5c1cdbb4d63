"""Linking: mentions grouped into entities, people resolved, places geocoded (``newsgraph_linking_v1``)."""

from .component import EntityLinker, make_linking

__all__ = ["EntityLinker", "make_linking"]
