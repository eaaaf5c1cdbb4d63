"""Places for ``newsgraph_linking_v1``: capitals used as actors, and context for homonyms.

Split out of :mod:`newsgraph.nlp.linking`, whose :class:`~newsgraph.nlp.linking.EntityLinker`
mixes :class:`PlacesMixin` in (it provides ``gazetteer``, ``_place`` and ``_link``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .people import _Mention, _norm

__all__ = ["PlacesMixin"]

# Verbs whose subject is a place, not a government: "Kyiv came under fire", "Moscow is vast".
_PLACE_VERBS = frozenset("be become remain come lie sit host see experience suffer endure fall burn "
                         "shake wake sleep look seem appear get lose freeze flood".split())  # fmt: skip
# "Kherson, a city in ...": an apposition that says the NER's "person" is a place

class PlacesMixin:
    """Metonymy and place disambiguation for :class:`~newsgraph.nlp.linking.EntityLinker`."""

    def _capital_of(self, text: str, place) -> str | None:
        """ISO3 of the country whose national capital ``text`` (linked to ``place``, if any) is."""
        if place is None and self.gazetteer is not None:  # unlinked: the best-ranked capital of that name
            place = next((p for p in self.gazetteer.lookup(text, False)[:3] if "C" in p.flags), None)
        return place.country if place is not None and place.kind == "city" and "C" in place.flags else None

    def _is_country(self, tok) -> bool:
        kb = tok.ent_kb_id_ or self._link(tok.text, "GPE")
        return (kb or "").startswith("iso3166:") or self._capital_of(tok.text, self._place(kb)) is not None

    def _metonymy(self, doc: Doc, m: _Mention) -> None:
        """A capital used as an actor ("Washington warned", "Washington and Moscow") stands for its country."""
        place = self._place(m.kb)
        if (m.kb or "").startswith("iso3166:") or getattr(place, "kind", None) == "country":
            return
        iso = self._capital_of(_norm(m.text), place)  # the gazetteer flags national capitals with "C"
        if iso is None or m.text.isupper():
            return  # a dateline ("MOSCOW —") is a place, even when the parser makes it a subject
        if m.end < len(doc) and doc[m.end].is_title and not doc[m.end].ent_type_:
            return  # "Washington Post" with only "Washington" tagged: part of a longer name
        root = doc[m.start : m.end].root
        head = root.head
        actor = (root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_ not in _PLACE_VERBS) or (
            root.dep_ == "pobj" and root.head.dep_ == "agent"
        )
        if not actor:
            # coordinated with a country or another capital: "Washington and Moscow"
            actor = any(o.ent_type_ == "GPE" and self._is_country(o) for o in root.conjuncts)
        if actor:
            m.kb, m.actor_capital, m.label = f"iso3166:{iso}", True, "GPE"

