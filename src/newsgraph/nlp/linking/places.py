"""Places for ``newsgraph_linking_v1``: capitals used as actors, and context for same-named places.

Split out of :mod:`newsgraph.nlp.linking`, whose :class:`~newsgraph.nlp.linking.component.EntityLinker`
mixes :class:`PlacesMixin` in (it provides ``gazetteer``, ``_place`` and ``_link``).
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from .people import _Cluster, _Mention, _norm

__all__ = ["PlacesMixin", "NEAR_KM"]

NEAR_KM = 400  # a same-named place this close to another place in the article is the one meant
MAX_CANDIDATES = 12

# Verbs whose subject is a place, not a government: "Kyiv came under fire", "Moscow is vast".
_PLACE_VERBS = frozenset("be become remain come lie sit host see experience suffer endure fall burn "
                         "shake wake sleep look seem appear get lose freeze flood".split())  # fmt: skip
# "Kherson, a city in ...": an apposition that says the NER's "person" is a place


class PlacesMixin:
    """Metonymy and place disambiguation for :class:`~newsgraph.nlp.linking.component.EntityLinker`."""

    def _capital_of(self, text: str, place) -> str | None:
        """ISO3 of the country whose national capital ``text`` (linked to ``place``, if any) is."""
        if place is None and self.gazetteer is not None:  # unlinked: the best-ranked capital of that name
            place = next((p for p in self.gazetteer.lookup(text, False)[:3] if "C" in p.flags), None)
        return place.country if place is not None and place.kind == "city" and "C" in place.flags else None

    def _disambiguate_places(self, clusters: list[_Cluster]) -> None:
        """Re-pick same-named towns and regions by the article's other places.

        A candidate near (within :data:`NEAR_KM`) another town or region the article names
        wins ("Parkland" with "Florida" is Parkland, FL), then one in a country the article
        names, then the gazetteer's order (capitals, big cities, admin1 by people).  A
        capital or a city of a million keeps its place unless it is far from everything the
        article names and another candidate is near.
        """
        gaz = self.gazetteer
        if gaz is None:
            return
        placed = [(c, self._place(c.kb)) for c in clusters if c.kb and c.mentions]  # nationalities count too
        # an organisation's home state says nothing of where the article is ("Twitter" is no hint that
        # "Geneva" is Geneva, Illinois)
        placed = [(c, p) for c, p in placed if p is not None and p.kind != "org"]
        if len(placed) < 2:
            return
        for c, p in placed:
            if p.kind not in ("city", "admin1") or any(m.actor_capital for m in c.mentions):
                continue
            name = _norm(c.mentions[0].text)
            # a state stays a state (towns named after it are small); a town may be a bigger region or a
            # town of comparable size, never a village one tenth its size
            kinds = ("admin1",) if p.kind == "admin1" else ("city", "admin1")
            floor = min(p.population // 10, 50_000)
            candidates = [
                q for q in gaz.lookup(name, include_alternate=False)[:MAX_CANDIDATES]
                if q.kind in kinds and q.lat is not None and (q == p or q.kind == "admin1" or q.population >= floor)
            ]  # fmt: skip
            if len(candidates) < 2 or p not in candidates:
                continue
            others = [q for d, q in placed if d is not c]
            countries = {q.country for q in others if q.country}
            points = [(q.lat, q.lon) for q in others if q.kind in ("city", "admin1") and q.lat is not None]

            def near(q, points=points) -> bool:
                return any(_km(q.lat, q.lon, la, lo) <= NEAR_KM for la, lo in points)

            order = {q.id: i for i, q in enumerate(candidates)}
            best = min(candidates, key=lambda q: (not near(q), q.country not in countries, order[q.id]))
            if best.id == p.id:
                continue
            firm = "C" in p.flags or p.population >= 1_000_000
            if firm and (near(p) or not near(best) or p.country in countries):
                continue
            c.kb = best.id
            for m in c.mentions:
                m.kb = best.id

    def _metonymy(self, doc: Doc, m: _Mention) -> None:
        """A capital as a clear government actor ("Washington warned", "Washington and Moscow agreed",
        "Paris and Russia signed") stands for its country.  Anywhere else it stays the city, with the
        city's point: "in London", "flights between London and Amsterdam", "relations between Harare
        and London" and a dateline ("Hanoi (VNA) -", "MOSCOW —") are places."""
        place = self._place(m.kb)
        if (m.kb or "").startswith("iso3166:") or getattr(place, "kind", None) == "country":
            return
        iso = self._capital_of(_norm(m.text), place)  # the gazetteer flags national capitals with "C"
        if iso is None or m.text.isupper() or _dateline(doc, m):
            return  # a dateline is a place, even when the parser makes it a subject
        if m.end < len(doc) and doc[m.end].is_title and not doc[m.end].ent_type_:
            return  # "Washington Post" with only "Washington" tagged: part of a longer name
        if m.start >= 2 and doc[m.start - 1].text == "," and doc[m.start - 2].ent_type_ in ("GPE", "LOC"):
            return  # "Tacoma, Washington": a place's region, not a government
        root = doc[m.start : m.end].root
        first = root  # "Washington and Moscow agreed": the first conjunct is the subject
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if _acts(first) or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
            m.kb, m.actor_capital, m.label = f"iso3166:{iso}", True, "GPE"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12_742 * math.asin(min(1.0, math.sqrt(a)))


def _acts(tok) -> bool:
    """The subject of a verb that a government does (not "Kyiv came under fire", "Moscow is vast")."""
    return tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX") and tok.head.lemma_ not in _PLACE_VERBS


def _dateline(doc: Doc, m: _Mention) -> bool:
    """A place name opening a line and followed by "(", a dash or a comma: "Hanoi (VNA) –", "London, May 2 -"."""
    before = doc[m.start - 1] if m.start else None
    if before is not None and not (before.is_space and "\n" in before.text):
        return False
    nxt = doc[m.end] if m.end < len(doc) else None
    return nxt is not None and nxt.text in ("(", "—", "–", "-", ",", ":")
