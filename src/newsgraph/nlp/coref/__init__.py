"""Coreference: pronouns and definite descriptions resolved to article entities (``newsgraph_coref_v1``)."""

from .component import GROUP_PRONOUNS, PERSON_PRONOUNS, CorefResolver, make_coref, resolve_references

__all__ = ["CorefResolver", "GROUP_PRONOUNS", "PERSON_PRONOUNS", "make_coref", "resolve_references"]
