"""Coreference: pronouns and definite descriptions resolved to article entities (``newsgraph_coref_v1``)."""

from .component import CorefResolver, make_coref, resolve_references

__all__ = ["CorefResolver", "make_coref", "resolve_references"]
